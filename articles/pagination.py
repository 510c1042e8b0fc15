"""Pagination for newest-first article lists that stays cheap at page 5,000 of a 60,000-article category.

Two costs grow with a list's length, and each is paid at most once per content change:
- The total count. It is cached under the page cache's content token, which changes with every edit and every
  scheduled publication, so a cached count is always exact.
- Skipping the rows before a deep page. OFFSET makes the database build every skipped row; from DEFERRED_JOIN_FROM on,
  the page first reads just the ids of its rows, which walks the (category, status, published_at, id) index alone
  without touching the table, and then loads those few articles by primary key.
"""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

# Offsets below this are cheap enough as one query.
DEFERRED_JOIN_FROM = 240
COUNT_CACHE_SECONDS = 60 * 60


def count_cache_key(token: str, path: str, query: dict) -> str:
    """A key for one list: its path and query string without the page number, under the content token."""
    params = "&".join(f"{name}={value}" for name, value in sorted(query.items()) if name != "page")
    digest = hashlib.md5(f"{path}?{params}".encode(), usedforsecurity=False).hexdigest()
    return f"articles:count:{token}:{digest}"


class ArticlePaginator(Paginator):
    def __init__(self, object_list, per_page, *, count_key: str | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if self.count_key is None:
            return super().count
        count = cache.get(self.count_key)
        if count is None:
            count = super().count
            cache.set(self.count_key, count, COUNT_CACHE_SECONDS)
        return count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < DEFERRED_JOIN_FROM:
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        by_id = self.object_list.in_bulk(ids)
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)
