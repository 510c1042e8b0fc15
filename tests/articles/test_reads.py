"""Read counting for #TrendingNews (articles/reads.py)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from articles import reads
from articles.models import ArticleDailyReads

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Kathmandu"])
def test_reads_either_side_of_local_midnight_count_on_their_own_days(settings, time_machine, article, zone):
    settings.TIME_ZONE = zone
    midnight = datetime(2026, 3, 10, tzinfo=ZoneInfo(zone))
    for moment in (midnight - timedelta(seconds=1), midnight, midnight + timedelta(hours=23, minutes=59)):
        time_machine.move_to(moment, tick=False)
        reads.record_read(article.pk)
    counted = dict(ArticleDailyReads.objects.filter(article=article).values_list("day", "reads"))
    assert counted == {date(2026, 3, 9): 1, date(2026, 3, 10): 2}


def test_reads_are_summed_in_memory_until_the_flush_interval(settings, article):
    settings.READS_FLUSH_SECONDS = 3600
    reads.flush()  # starts the interval now
    for _ in range(3):
        reads.record_read(article.pk)
    assert not ArticleDailyReads.objects.filter(article=article).exists()
    reads.flush()
    assert ArticleDailyReads.objects.get(article=article).reads == 3
