"""The shipped nginx micro-cache in front of gunicorn: who may share a copy, and how soon a change shows."""

import time

import pytest

from articles.models import ArticleDailyReads
from scripts.nginx_local import micro_cache_seconds
from tests.deploy.conftest import Browser, personal_and_anonymous_views, read_through
from tests.factories import make_article

pytestmark = pytest.mark.nginx


def micro(response) -> str:
    return response[1]["X-Micro-Cache"]


def test_an_anonymous_page_is_a_miss_then_a_hit(site):
    article = make_article(headline="Lighthouse keepers return")
    first, second = Browser(site).get(article.get_absolute_url()), Browser(site).get(article.get_absolute_url())
    assert (first[0], second[0]) == (200, 200)
    assert (micro(first), micro(second)) == ("MISS", "HIT")
    assert "Lighthouse keepers return" in second[2]


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_session_or_messages_cookie_bypasses_the_micro_cache(site, cookie):
    article = make_article()
    Browser(site).get(article.get_absolute_url())
    assert micro(Browser(site).get(article.get_absolute_url())) == "HIT"
    assert micro(Browser(site).get(article.get_absolute_url(), cookies={cookie: "anything"})) == "BYPASS"


def test_a_response_that_sets_a_cookie_is_never_stored(site):
    # A malformed CSRF cookie makes Django answer a plain GET with a new one: a Set-Cookie meant for this client only.
    article = make_article()
    url = article.get_absolute_url()
    first = Browser(site).get(url, cookies={"csrftoken": "not-a-token"})
    assert any(header.startswith("csrftoken=") for header in first[3])
    assert micro(first) == "MISS"
    second = Browser(site).get(url)
    assert micro(second) == "MISS"  # not served from a stored copy of the first
    assert second[3] == []


def test_a_logged_in_page_is_never_served_to_anyone_else(site):
    own, anonymous = personal_and_anonymous_views(site, make_article(), "nginxreader")
    assert [(micro(answer), "nginxreader" in answer.text) for answer in own] == [("BYPASS", True)] * 2
    assert [(answer.status, "nginxreader" in answer.text) for answer in anonymous] == [(200, False)] * 2


def test_a_change_shows_through_nginx_within_the_micro_cache_time(site):
    article = make_article(headline="Ferry timetable unchanged")
    url = article.get_absolute_url()
    Browser(site).get(url)
    assert micro(Browser(site).get(url)) == "HIT"
    article.headline = "Ferry timetable changed"
    article.save()
    changed_at = time.monotonic()
    limit = micro_cache_seconds() + 1  # plus a second: nginx counts whole seconds
    while "Ferry timetable changed" not in Browser(site).get(url)[2]:
        assert time.monotonic() - changed_at < limit, f"the change did not show within {limit} s"
        time.sleep(0.1)  # polling a condition, bounded by `limit` above


def test_readers_the_micro_cache_served_are_counted_through_the_read_beacon(site):
    article = make_article()
    pages, beacons = read_through(site, article)
    # The app served the first reader and counted them; nginx served the second, whom the app never saw.
    assert [micro(page) for page in pages] == ["MISS", "HIT"]
    for beacon in beacons:
        assert (beacon.status, beacon.headers["Content-Type"]) == (200, "image/gif")
        assert beacon.headers["X-Micro-Cache"] is None  # never cached: every view reaches the app
    assert ArticleDailyReads.objects.get(article=article).reads == 2
