"""Read counting for #TrendingNews.

Reads are summed in memory per article and day, and each worker writes its sums at most every READS_FLUSH_SECONDS in
one multi-row upsert on the per-article, per-day counter rows. A page served from the page cache costs a dictionary
increment instead of a database write, and the trending page is at most a few seconds behind. gunicorn's worker_exit
hook (deploy/gunicorn.conf.py) and interpreter exit write what is left, so a graceful restart loses nothing.
"""

import atexit
import datetime
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from articles.models import ArticleDailyReads

logger = logging.getLogger(__name__)

# Raw SQL: bulk_create(update_conflicts=True) can only set a counter to the new value, not add the new reads to it.
_UPSERT = (
    "INSERT INTO {table} (article_id, day, reads) VALUES {rows} "
    "ON CONFLICT (article_id, day) DO UPDATE SET reads = {table}.reads + excluded.reads"
)

_pending: Counter = Counter()
_lock = threading.Lock()
_last_flush = time.monotonic()


_day = (None, None, None)  # (time zone, UTC quarter hour, the local date then)


def _today():
    """The local date in the site's time zone, as the trending page counts days. Every UTC offset in use is a whole
    number of quarter hours, so no day starts inside a UTC quarter hour: the date is worked out once per quarter hour
    instead of on every read, where it cost most of what counting a cached page's read did."""
    global _day
    now = time.time()
    zone, quarter = timezone.get_default_timezone(), int(now // 900)
    if _day[0] is not zone or _day[1] != quarter:
        _day = (zone, quarter, datetime.datetime.fromtimestamp(now, zone).date())
    return _day[2]


def record_read(article_id: int) -> None:
    count_read(article_id)
    if flush_due():
        flush()


def count_read(article_id: int) -> None:
    """Count a read without ever writing; record_read() also writes when it is time."""
    day = _today()
    with _lock:
        _pending[(article_id, day)] += 1


def flush_due() -> bool:
    return time.monotonic() - _last_flush >= settings.READS_FLUSH_SECONDS


def flush() -> None:
    """Write the reads counted in this process so far."""
    global _last_flush
    with _lock:
        rows = list(_pending.items())
        _pending.clear()
        _last_flush = time.monotonic()
    if rows:
        write(rows)


def write(rows: list[tuple[tuple[int, datetime.date], int]]) -> None:
    """Add ((article_id, day), reads) rows to the counters in one statement.

    In key order: each worker upserts its own batch, and two batches that take the same rows' locks in different
    orders deadlock. PostgreSQL then stalled both workers for a second (deadlock_timeout) and threw one batch away;
    under load on random articles that happened about once a minute."""
    rows = sorted(rows)
    table = connection.ops.quote_name(ArticleDailyReads._meta.db_table)
    sql = _UPSERT.format(table=table, rows=", ".join(["(%s, %s, %s)"] * len(rows)))
    params = [value for (article_id, day), reads in rows for value in (article_id, day, reads)]
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    except DatabaseError:
        # An article deleted since it was read, or the database away: trending loses a few reads, the reader nothing.
        logger.warning("Could not write %d read counters", len(rows), exc_info=True)


atexit.register(flush)
