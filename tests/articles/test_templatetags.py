"""The site's own date filters (articles/formats.py, in the Jinja2 pages) print exactly what Django's |date prints
with the formats they replace."""

from datetime import UTC, datetime, timedelta

import pytest
from django.template import Context, Template, engines
from django.utils import timezone

DJANGO = Template('{{ at|date:"c" }}|{{ at|date:"N j, Y" }}|{{ at|date:"N j, Y, H:i T" }}')


def ours(at) -> str:
    return engines["jinja2"].from_string('{{ at|iso }}|{{ at|newsdate }}|{{ at|newsdate("time") }}').render({"at": at})


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("time_zone", ["UTC", "America/New_York", "Asia/Kolkata"])
def test_dates_match_djangos_date_filter_in_every_month(settings, month, time_zone):
    settings.TIME_ZONE = time_zone
    for at in (
        datetime(2026, month, 1, 0, 5, tzinfo=UTC),
        datetime(2026, month, 28, 23, 59, 59, 123456, tzinfo=UTC),
    ):
        with timezone.override(time_zone):
            # Django's "c" keeps the microseconds, which <time datetime> may not carry: ours stops at the second.
            assert ours(at) == DJANGO.render(Context({"at": at.replace(microsecond=0)}))


def test_machine_readable_dates_stop_at_the_second():
    at = datetime(2026, 3, 4, 15, 56, 20, 182578, tzinfo=UTC)
    assert ours(at).split("|")[0] == "2026-03-04T15:56:20+00:00"


@pytest.mark.parametrize(
    ("time_zone", "printed"),
    [
        ("UTC", "March 4, 2026, 15:56 UTC"),
        ("Europe/Istanbul", "March 4, 2026, 18:56 +03"),
        ("Europe/Berlin", "March 4, 2026, 16:56 CET"),
    ],
)
def test_times_readers_see_name_their_zone(time_zone, printed):
    with timezone.override(time_zone):
        assert ours(datetime(2026, 3, 4, 15, 56, tzinfo=UTC)).split("|")[2] == printed


def test_a_missing_date_prints_nothing():
    assert ours(None) == "||"


def test_the_article_page_shows_an_update_only_from_the_next_minute_on(client, article, settings):
    from articles.models import Article

    settings.PAGE_CACHE_SECONDS = 0  # update() below sends no signal to invalidate the page cache
    published = datetime(2026, 3, 4, 9, 30, 5, tzinfo=UTC)
    Article.objects.filter(pk=article.pk).update(published_at=published, revised_at=published + timedelta(seconds=40))
    assert "Updated" not in client.get(article.get_absolute_url()).content.decode()
    Article.objects.filter(pk=article.pk).update(revised_at=published + timedelta(seconds=60))
    assert "Updated <time" in client.get(article.get_absolute_url()).content.decode()
