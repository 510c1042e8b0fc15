"""Read counting for #TrendingNews.

A read is a GET of a public article page (served by the view or from the page cache) by a client that does not call
itself a bot, counted once per client, article and day. The client is its IPv4 address or IPv6 /64 with its
User-Agent; what is remembered is only a keyed hash of those with the article and day (salted_hmac with SECRET_KEY),
added to the cache until the day ends, so no address is stored and the key cannot be turned back into one. With the
cache away (Redis stopped) add() fails and nothing is counted, so the outage cannot be used to inflate a story.

A page view only notes the read in this worker's memory (a set, so a reader reloading adds nothing; the address
stays there until the next settling, seconds later), which is all a page cache hit pays for it. At most every
READS_FLUSH_SECONDS each worker settles what it noted: it adds the readers' keys to the cache in one round trip (the
first to add a key has the read, whichever worker or server that is), and writes the reads it won in one multi-row
upsert on the per-article, per-day counter rows. So the trending page is at most a few seconds behind, and
gunicorn's worker_exit hook (deploy/gunicorn.conf.py) and interpreter exit settle what is left, so a graceful restart
loses nothing.
"""

import atexit
import datetime
import functools
import logging
import threading
import time
from collections import Counter
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.utils import timezone
from django.utils.crypto import salted_hmac

from articles.models import Article, ArticleDailyReads
from throttling.clientip import address_key, client_ip

logger = logging.getLogger(__name__)

# Raw SQL: bulk_create(update_conflicts=True) can only set a counter to the new value, not add the new reads to it.
_UPSERT = (
    "INSERT INTO {table} (article_id, day, reads) VALUES {rows} "
    "ON CONFLICT (article_id, day) DO UPDATE SET reads = {table}.reads + excluded.reads"
)

_noted: set = set()  # NotedRead, waiting for flush()
_lock = threading.Lock()
_last_flush = time.monotonic()


# Words in the User-Agent of self-declared robots: crawlers, link previews, monitors, command-line and library
# clients. A robot that poses as a browser is still counted only once a day per address, like any reader.
BOT_WORDS = (
    "bot", "crawl", "spider", "slurp", "scrape", "fetch", "preview", "monitor", "check", "archiver", "headless",
    "lighthouse", "facebookexternalhit", "curl", "wget", "httpie", "python", "java/", "go-http", "okhttp", "libwww",
    "perl", "ruby", "php", "node-fetch", "axios", "aiohttp", "httpx", "scrapy",
)  # fmt: skip
SEEN_PREFIX = "reads:seen:"

_day = (None, None, None, None)  # (time zone, UTC quarter hour, the local date then, when that date ends)


def _today() -> tuple[datetime.date, float]:
    """The local date in the site's time zone, as the trending page counts days, and the time it ends. Every UTC
    offset in use is a whole number of quarter hours, so no day starts inside a UTC quarter hour: the date is worked
    out once per quarter hour instead of on every read, where it cost most of what counting a cached page's read did."""
    global _day
    now = time.time()
    zone, quarter = timezone.get_default_timezone(), int(now // 900)
    if _day[0] is not zone or _day[1] != quarter:
        today = datetime.datetime.fromtimestamp(now, zone).date()
        ends = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(), zone).timestamp()
        _day = (zone, quarter, today, ends)
    return _day[2], _day[3]


def record_read(article_id: int, request) -> None:
    """Note `request` as a read of the article, if it is a reader's; settle the reads noted so far when it is time."""
    if not is_reader(request):
        return
    day, ends = _today()
    read = NotedRead(article_id, day, ends, client_ip(request), request.META.get("HTTP_USER_AGENT", ""))
    with _lock:
        _noted.add(read)
    if flush_due():
        flush()


class NotedRead(NamedTuple):
    """A page view by a reader, until flush() finds out whether it is that reader's first of the article that day."""

    article_id: int
    day: datetime.date
    day_ends: float  # when `day` ends, as a timestamp: the reader's key is kept until then
    address: str
    agent: str

    def key(self) -> str:
        """The cache key that marks this reader's read of the article that day: a keyed hash, no address in it."""
        reader = f"{address_key(self.address)}\n{self.agent}\n{self.day.isoformat()}\n{self.article_id}"
        return SEEN_PREFIX + salted_hmac("articles.reads.seen", reader, algorithm="sha256").hexdigest()[:32]


def _first_reads(noted) -> Counter:
    """Of the noted reads, those that are their reader's first of the article that day, by (article, day): each key
    is added to the cache, and only the reads whose key was not there yet count."""
    first = Counter()
    # Only reads of public articles: the read beacon takes any id, and one unknown id would fail the whole upsert.
    public = set(
        Article.objects.published().filter(pk__in={read.article_id for read in noted}).values_list("pk", flat=True)
    )
    noted = [read for read in noted if read.article_id in public]
    for day_ends in {read.day_ends for read in noted}:  # one batch per day (two only around midnight)
        keys = {read.key(): read for read in noted if read.day_ends == day_ends}
        timeout = max(1, int(day_ends - time.time())) + 60
        if hasattr(cache, "add_many"):  # Redis (newsblog/cache.py): every key in one round trip
            added = cache.add_many(dict.fromkeys(keys, 1), timeout)
        else:
            added = [key for key in keys if cache.add(key, 1, timeout=timeout)]
        first.update((keys[key].article_id, keys[key].day) for key in added)
    return first


def is_reader(request) -> bool:
    """A GET by a client that does not say it is a robot or a prefetch. HEAD transfers no article, so is no read."""
    # From META, not request.headers: that builds a dictionary of every header, most of what this check cost.
    meta = request.META
    if request.method != "GET":
        return False
    if "prefetch" in meta.get("HTTP_SEC_PURPOSE", meta.get("HTTP_PURPOSE", "")).lower():
        return False
    return not is_robot(meta.get("HTTP_USER_AGENT", ""))


@functools.lru_cache(maxsize=1024)
def is_robot(agent: str) -> bool:
    """Whether a User-Agent says it is no browser. Remembered per string: most reads come from a few hundred agents,
    and the search took about a tenth of what serving a cached page does."""
    agent = agent.strip().lower().replace("cubot", "")  # Cubot is a phone maker
    return agent in ("", "mozilla/5.0") or any(word in agent for word in BOT_WORDS)


def flush_due() -> bool:
    return time.monotonic() - _last_flush >= settings.READS_FLUSH_SECONDS


def flush() -> None:
    """Settle the reads noted in this process so far, and write those that count."""
    global _last_flush
    with _lock:
        noted = list(_noted)
        _noted.clear()
        _last_flush = time.monotonic()
    if not noted:
        return
    try:
        rows = _first_reads(noted)
    except DatabaseError:
        # The database away: trending loses these reads, the reader whose request settles them nothing.
        logger.warning("Could not settle %d reads", len(noted), exc_info=True)
        return
    if rows:
        write(list(rows.items()))


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
