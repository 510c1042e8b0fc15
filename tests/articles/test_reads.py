"""Read counting for #TrendingNews (articles/reads.py)."""

import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone

from articles import reads
from articles.models import ArticleDailyReads
from tests.factories import as_reader, make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Kathmandu"])
def test_reads_either_side_of_local_midnight_count_on_their_own_days(settings, time_machine, zone, rf):
    settings.TIME_ZONE = zone
    midnight = datetime(2026, 3, 10, tzinfo=ZoneInfo(zone))
    article = make_article(published_at=midnight - timedelta(days=2))  # reads count for public articles only
    moments = (midnight - timedelta(seconds=1), midnight, midnight + timedelta(hours=23, minutes=59))
    for number, moment in enumerate(moments, start=1):
        time_machine.move_to(moment, tick=False)
        reads.record_read(article.pk, rf.get(article.get_absolute_url(), **as_reader(number)))
    counted = dict(ArticleDailyReads.objects.filter(article=article).values_list("day", "reads"))
    assert counted == {date(2026, 3, 9): 1, date(2026, 3, 10): 2}


def test_reads_are_summed_in_memory_until_the_flush_interval(settings, article, rf):
    settings.READS_FLUSH_SECONDS = 3600
    reads.flush()  # starts the interval now
    for number in range(1, 4):
        reads.record_read(article.pk, rf.get(article.get_absolute_url(), **as_reader(number)))
    assert not ArticleDailyReads.objects.filter(article=article).exists()
    reads.flush()
    assert ArticleDailyReads.objects.get(article=article).reads == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between workers are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_workers_writing_the_same_counters_at_once_lose_no_reads(caplog):
    """Each gunicorn worker writes its own batch; batches over the same articles used to deadlock, which stalled
    both workers for a second and threw one batch's reads away."""
    articles = [make_article() for _ in range(20)]
    today = timezone.localdate()
    rounds = 15
    start = threading.Barrier(2)

    def worker(order):
        try:
            for _ in range(rounds):
                start.wait(timeout=30)
                reads.write([((article.pk, today), 1) for article in order])
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=worker, args=(order,)) for order in (articles, articles[::-1])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert "Could not write" not in caplog.text
    counted = dict(ArticleDailyReads.objects.filter(day=today).values_list("article_id", "reads"))
    assert counted == {article.pk: 2 * rounds for article in articles}
