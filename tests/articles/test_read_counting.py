"""#TrendingNews counts one read per reader, article and day (finding 7 of issue 14).

Before, every cache hit counted, HEAD included: 400 anonymous HEAD requests in 4 s made an article #1."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from articles import reads
from articles.models import ArticleDailyReads
from tests.factories import BROWSER, as_reader, make_article, make_user

pytestmark = pytest.mark.django_db


def counted(article) -> int:
    reads.flush()
    return sum(ArticleDailyReads.objects.filter(article=article).values_list("reads", flat=True))


def test_head_requests_are_not_reads(client, article):
    client.get(article.get_absolute_url(), **as_reader(1))  # stores the page; the later HEADs are cache hits
    for number in range(2, 52):
        response = client.head(article.get_absolute_url(), **as_reader(number))
        assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert counted(article) == 1


def test_one_reader_reloading_counts_once_a_day_though_served_from_the_cache(client, article, time_machine):
    for _ in range(50):
        response = client.get(article.get_absolute_url(), **as_reader(7))
    assert response["X-Page-Cache"] == "hit"
    assert counted(article) == 1
    time_machine.move_to(timezone.now() + timedelta(days=1))
    client.get(article.get_absolute_url(), **as_reader(7))
    assert counted(article) == 2


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "Wget/1.21.4",
        "Mozilla/5.0",
    ],
)
def test_clients_that_say_they_are_robots_are_not_counted(client, article, agent):
    for number in range(1, 11):
        client.get(article.get_absolute_url(), **as_reader(number) | {"HTTP_USER_AGENT": agent})
    assert counted(article) == 0


def test_a_prefetch_is_not_a_read(client, article):
    client.get(article.get_absolute_url(), **as_reader(), HTTP_SEC_PURPOSE="prefetch")
    assert counted(article) == 0


def test_a_phone_whose_name_ends_in_bot_is_a_reader(client, article):
    agent = "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile"
    client.get(article.get_absolute_url(), **as_reader() | {"HTTP_USER_AGENT": agent})
    assert counted(article) == 1


def test_an_ipv6_client_counts_once_for_its_whole_64(client, article):
    for host in range(1, 21):
        client.get(article.get_absolute_url(), REMOTE_ADDR=f"2001:db8:1:2::{host:x}", HTTP_USER_AGENT=BROWSER)
    client.get(article.get_absolute_url(), REMOTE_ADDR="2001:db8:1:3::1", HTTP_USER_AGENT=BROWSER)
    assert counted(article) == 2


def test_two_browsers_behind_one_address_are_two_readers(client, article):
    client.get(article.get_absolute_url(), **as_reader(1))
    client.get(article.get_absolute_url(), **as_reader(1) | {"HTTP_USER_AGENT": f"{BROWSER} Edg/131.0"})
    assert counted(article) == 2


def test_each_article_counts_its_own_reader(client, article):
    other = make_article()
    for story in (article, other, article, other):
        client.get(story.get_absolute_url(), **as_reader(3))
    assert (counted(article), counted(other)) == (1, 1)


def test_no_address_or_user_agent_is_kept_in_the_cache(client, article):
    with mock.patch.object(reads.cache, "add", wraps=cache.add) as add:
        client.get(article.get_absolute_url(), REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT=BROWSER)
    [(key, value), _] = add.call_args
    assert key.startswith(reads.SEEN_PREFIX)
    for secret in ("203.0.113.77", "203", "Mozilla", "Chrome"):
        assert secret not in key
    assert value == 1
    assert counted(article) == 1


def beacon_url(article) -> str:
    return reverse("articles:read", args=[article.pk])


def test_the_read_beacon_on_the_page_counts_each_reader_once(client, article):
    """The beacon is how a view served by a cache in front reaches the app; a view the app served itself and its
    beacon are the same read."""
    page = client.get(article.get_absolute_url(), **as_reader(1)).content.decode()
    assert f'class="read-beacon" src="{beacon_url(article)}"' in page
    for number in (1, 2, 2):
        beacon = client.get(beacon_url(article), **as_reader(number))
        assert (beacon.status_code, beacon["Content-Type"]) == (200, "image/gif")
        assert "no-store" in beacon["Cache-Control"]
    assert counted(article) == 2


def test_the_read_beacon_counts_no_head_request_and_refuses_a_post(client, article):
    assert client.head(beacon_url(article), **as_reader(1)).status_code == 200
    assert client.post(beacon_url(article), **as_reader(1)).status_code == 405
    assert counted(article) == 0


def test_beacons_for_unknown_or_unpublished_articles_count_nothing_and_lose_no_other_read(settings, client, article):
    settings.READS_FLUSH_SECONDS = 3600
    reads.flush()  # starts the interval now
    draft = make_article(status="draft")
    for pk in (draft.pk, 10**9, article.pk):
        assert client.get(reverse("articles:read", args=[pk]), **as_reader(1)).status_code == 200
    assert counted(article) == 1  # settled in one batch with the two that do not count
    assert not ArticleDailyReads.objects.exclude(article=article).exists()


def test_the_read_beacon_makes_no_query_until_the_reads_are_settled(
    settings, client, article, django_assert_num_queries
):
    """Asked for with every view, logged in or not: it reads no session, user or page."""
    settings.READS_FLUSH_SECONDS = 3600
    reads.flush()  # starts the interval now
    client.force_login(make_user())
    with django_assert_num_queries(0):
        assert client.get(beacon_url(article), **as_reader(1)).status_code == 200
    assert counted(article) == 1
