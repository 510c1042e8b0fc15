"""Pagination for newest-first article lists that stays cheap at page 5,000 of a 60,000-article category.

Two costs grow with a list's length, and each is paid at most once per content change:
- The total count. It is cached under the page cache's content token, which changes with every edit and every
  scheduled publication, so a cached count is always exact.
- The rows of each page, cached the same way once a list has a key: most readers ask for the same few pages, and
  building, running and loading the page's query costs more than rendering its cards from the fragment cache.
- Skipping the rows before a deep page. OFFSET makes the database walk every skipped row. From DEFERRED_JOIN_FROM on,
  a page reads just the ids of its rows from the (category, status, published_at, id) index, without touching the
  table, then loads those few articles by primary key. For lists in publication order, one more index scan per
  content change also records where every ANCHOR_EVERY-th row starts (cached like the count); a deep page then seeks
  to the nearest such anchor and skips fewer than ANCHOR_EVERY entries, so page 5,000 costs about what page 1 does.
"""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils.functional import cached_property

# Offsets below this are cheap enough as one query.
DEFERRED_JOIN_FROM = 240
ANCHOR_EVERY = 1200
NEWEST_FIRST = ("-published_at", "-id")
CACHE_SECONDS = 60 * 60


def count_cache_key(token: str, path: str, query) -> str:
    """A key for one list: its path and query string (a QueryDict) without the page number, under `token`."""
    # Encoded, so that ?q=comet&r=1 and ?q=comet%26r%3D1 (one parameter holding "&r=1") are two lists, not one.
    params = urlencode(sorted((name, value) for name in query for value in query.getlist(name) if name != "page"))
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
            cache.set(self.count_key, count, CACHE_SECONDS)
        return count

    def page(self, number):
        number = self.validate_number(number)
        if self.count_key is None:
            return self._get_page(self.rows(number), number, self)
        key = f"{self.count_key}:page:{self.per_page}:{self.orphans}:{number}"
        rows = cache.get(key)
        if rows is None:
            rows = self.rows(number)
            cache.set(key, rows, CACHE_SECONDS)
        return self._get_page(rows, number, self)

    def rows(self, number: int) -> list:
        """The objects on page `number`, loaded."""
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom < DEFERRED_JOIN_FROM:
            return list(self.object_list[bottom:top])
        ids = self.ids(bottom, top)
        by_id = self.object_list.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]

    def ids(self, bottom: int, top: int) -> list[int]:
        """The primary keys of the rows from position `bottom` to `top`."""
        rows = self.object_list
        anchors = self.anchors() if bottom >= ANCHOR_EVERY else None
        if anchors:
            nearest = min(bottom // ANCHOR_EVERY, len(anchors) - 1)
            published_at, pk = anchors[nearest]
            # Rows from the anchor on, in list order: a range condition on the index, plus the tie on published_at.
            rows = rows.filter(published_at__lte=published_at).exclude(published_at=published_at, pk__gt=pk)
            bottom, top = bottom - nearest * ANCHOR_EVERY, top - nearest * ANCHOR_EVERY
        return list(rows.values_list("pk", flat=True)[bottom:top])

    def anchors(self) -> list | None:
        """(published_at, id) of the rows at 0, ANCHOR_EVERY, twice that, ... in one scan; None if the list is not in
        publication order or has no cache key."""
        ordering = tuple(self.object_list.query.order_by or self.object_list.model._meta.ordering)
        if self.count_key is None or ordering != NEWEST_FIRST:
            return None
        key = f"{self.count_key}:anchors"
        anchors = cache.get(key)
        if anchors is None:
            position = Window(RowNumber(), order_by=[F("published_at").desc(), F("id").desc()])
            numbered = self.object_list.order_by().alias(position=position, step=(position - 1) % ANCHOR_EVERY)
            anchors = list(numbered.filter(step=0).order_by(*NEWEST_FIRST).values_list("published_at", "pk"))
            cache.set(key, anchors, CACHE_SECONDS)
        return anchors
