"""Read counting for #TrendingNews.

One read costs one upsert on a per-article, per-day counter row: a single cheap indexed write, no row per read,
and nothing to aggregate but at most seven rows per article when the trending page asks.
"""

from django.db import connection
from django.utils import timezone

from articles.models import ArticleDailyReads

_UPSERT = (
    "INSERT INTO {table} (article_id, day, reads) VALUES (%s, %s, 1) "
    "ON CONFLICT (article_id, day) DO UPDATE SET reads = {table}.reads + 1"
)


def record_read(article_id: int) -> None:
    table = connection.ops.quote_name(ArticleDailyReads._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT.format(table=table), [article_id, timezone.localdate()])
