"""The shipped Varnish (deploy/varnish.vcl, vmod xkey) in front of gunicorn: who may share a copy, and how a write
purges exactly the pages that show it while everything else stays cached for the hour SHARED_CACHE_SECONDS allows."""

import http.client
import time
from urllib.parse import urlsplit

import pytest

from articles.models import Article, ArticleDailyReads
from tests.deploy.conftest import PASSWORD, Browser, personal_and_anonymous_views, read_through
from tests.factories import make_article, make_user

pytestmark = pytest.mark.varnish

# The purge leaves from a background thread after the commit: a bound on polling for it, not an expectation.
PURGE_DEADLINE_SECONDS = 10


def cache(response) -> str:
    return response[1]["X-Cache"]


def purge(base: str, tags: str, *, source: str = "127.0.0.1") -> int:
    conn = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10, source_address=(source, 0))
    try:
        conn.request("PURGE", "/", headers={"xkey": tags})
        return conn.getresponse().status
    finally:
        conn.close()


def test_an_anonymous_page_is_a_miss_then_a_hit(varnish):
    article = make_article(headline="Tide tables reprinted")
    first, second = Browser(varnish).get(article.get_absolute_url()), Browser(varnish).get(article.get_absolute_url())
    assert (first[0], second[0]) == (200, 200)
    assert (cache(first), cache(second)) == ("MISS", "HIT")
    assert len(second[1]["X-Varnish"].split()) == 2  # this request's id and that of the one that stored the copy
    assert "Tide tables reprinted" in second[2]
    assert second[1]["Surrogate-Key"] is None and second[1]["Cache-Tag"] is None  # for Varnish, not for readers


def test_cookies_other_than_the_session_do_not_split_the_shared_copy(varnish):
    article = make_article()
    Browser(varnish).get(article.get_absolute_url())
    tracked = Browser(varnish).get(article.get_absolute_url(), cookies={"csrftoken": "old", "_ga": "GA1.1.1"})
    assert cache(tracked) == "HIT"


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_session_or_messages_cookie_bypasses_varnish(varnish, cookie):
    article = make_article()
    Browser(varnish).get(article.get_absolute_url())
    assert cache(Browser(varnish).get(article.get_absolute_url())) == "HIT"
    personal = Browser(varnish).get(article.get_absolute_url(), cookies={cookie: "anything"})
    assert cache(personal) == "PASS"
    assert len(personal[1]["X-Varnish"].split()) == 1


def test_a_response_that_sets_a_cookie_is_never_stored(varnish):
    # The login form sets a CSRF cookie: meant for one reader alone, so each reader gets a token of their own.
    first, second = Browser(varnish), Browser(varnish)
    first_response, second_response = first.get("/accounts/login/"), second.get("/accounts/login/")
    assert first_response[3] and second_response[3]
    assert first.cookies["csrftoken"] != second.cookies["csrftoken"]
    assert cache(second_response) != "HIT"


def test_a_logged_in_page_is_never_served_to_anyone_else(varnish):
    own, anonymous = personal_and_anonymous_views(varnish, make_article(), "varnishreader")
    assert [(cache(answer), "varnishreader" in answer.text) for answer in own] == [("PASS", True)] * 2
    assert [(answer.status, "varnishreader" in answer.text) for answer in anonymous] == [(200, False)] * 2


def test_a_comment_purges_its_article_and_leaves_other_pages_cached(varnish):
    make_user(username="varnishcommenter", password=PASSWORD)
    commented, other = make_article(), make_article()
    for article in (commented, other):
        Browser(varnish).get(article.get_absolute_url())
        assert cache(Browser(varnish).get(article.get_absolute_url())) == "HIT"
    reader = Browser(varnish)
    reader.log_in("varnishcommenter")
    form = {"body": "Varnish let this through at once.", "csrfmiddlewaretoken": reader.cookies["csrftoken"]}
    assert reader.request("POST", f"{commented.get_absolute_url()}comments/", form=form)[0] == 302

    posted_at = time.monotonic()
    while "Varnish let this through at once." not in (page := Browser(varnish).get(commented.get_absolute_url()))[2]:
        assert cache(page) == "HIT"  # the copy from before, until the purge arrives
        assert time.monotonic() - posted_at < PURGE_DEADLINE_SECONDS, "the comment did not show through Varnish"
        time.sleep(0.05)  # polling a condition, bounded above
    assert cache(page) == "MISS"
    assert cache(Browser(varnish).get(commented.get_absolute_url())) == "HIT"
    assert cache(Browser(varnish).get(other.get_absolute_url())) == "HIT"


def test_a_page_not_found_is_not_kept_once_the_article_is_published(varnish):
    # A 404 carries no tags, so no purge could reach a stored copy: it must not be stored at all.
    article = make_article(status=Article.Status.DRAFT)
    for _ in range(2):
        missing = Browser(varnish).get(article.get_absolute_url())
        assert (missing[0], cache(missing)) == (404, "PASS")
    article.status = Article.Status.PUBLISHED
    article.save()
    assert Browser(varnish).get(article.get_absolute_url())[0] == 200


def test_a_purge_from_an_address_outside_the_acl_is_refused(varnish):
    # 127.0.0.2 is loopback too, but not in the shipped `purgers` ACL, which lists 127.0.0.1 and ::1.
    article = make_article()
    Browser(varnish).get(article.get_absolute_url())
    tags = f"article:{article.pk}"
    assert purge(varnish, tags, source="127.0.0.2") == 403
    assert cache(Browser(varnish).get(article.get_absolute_url())) == "HIT"
    assert purge(varnish, tags) == 200
    assert cache(Browser(varnish).get(article.get_absolute_url())) == "MISS"


def test_readers_varnish_served_are_counted_through_the_read_beacon(varnish):
    article = make_article()
    pages, beacons = read_through(varnish, article)
    # The app served the first reader and counted them; Varnish served the second, whom the app never saw.
    assert [cache(page) for page in pages] == ["MISS", "HIT"]
    for beacon in beacons:
        assert (beacon.status, beacon.headers["Content-Type"]) == (200, "image/gif")
        assert cache(beacon) != "HIT"  # never cached: every view reaches the app
    assert ArticleDailyReads.objects.get(article=article).reads == 2
