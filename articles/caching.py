"""Whole-page caching for anonymous readers, with invalidation that holds on every worker and every app server.

How a change shows on the very next request
- Every cached page is stored with the *content token* that was current before it was rendered. The token lives in a
  cache all workers share: Redis when REDIS_URL is set, otherwise a small file cache shared by the workers of one
  machine (settings.PAGE_CACHE_STATE_ALIAS). Page bodies can then live in any cache, even per-process local memory.
- Any write that can change a public page calls content_changed(): the signals in articles/signals.py (however a row is
  saved or deleted: admin, shell, a command, a service) and, as a catch-all for bulk admin actions that use
  QuerySet.update(), every successful POST to the admin. The token is dropped at once and replaced by a new random
  one after the transaction commits, so a reader who renders in between never stores old content under the new token.
  Pages stored under an old token are never served again. We chose a versioned key over purging lists of URLs: one
  write invalidates every page on every server, and nothing needs to know which pages show which article.
- The token also carries the upcoming scheduled publication times. Once one passes, every worker derives the same new
  token from the stored one, with no write and no query, so a scheduled article appears on time by itself.
- The same shared SiteState carries the category nav, rebuilt by the writer after its commit: readers get the nav
  with the token they fetch anyway, and a category edit reaches every worker's nav at once.

Who gets a cached page
- GET and HEAD without a session cookie or a messages cookie: nobody is logged in and there is nothing personal to
  show. Everyone else goes through the whole stack and never receives a cached copy.
- A response is stored only if it is a 200 from one of CACHED_VIEWS, sets no cookie, used no CSRF token, and does not
  forbid caching itself (staff previews send never-cache headers).

How a hit is answered
- PageCacheMiddleware, first in MIDDLEWARE, answers it with the stored status, headers (CSP and the other security
  headers included, as the stack below added them when the copy was stored) and body, counts the read, and answers a
  conditional request with 304.
"""

import bisect
import functools
import hashlib
import os
import time
import uuid
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.functional import SimpleLazyObject

from articles import reads

CACHED_VIEWS = frozenset(
    {
        "articles:home",
        "articles:detail",
        "articles:category",
        "articles:author",
        "articles:tag",
        "articles:feed",
        "articles:atom",
        "articles:category_feed",
        "articles:category_atom",
        "articles:author_feed",
        "articles:author_atom",
        "sitemap",
    }
)

STATE_KEY = "pagecache:state:2"  # bump the number whenever SiteState changes shape
STATE_SECONDS = 24 * 60 * 60
# How many upcoming publication times the state remembers; past that many, the next request after the last one
# simply starts a new token. Newsrooms schedule a handful of stories ahead, not thousands.
SCHEDULED_TIMES_KEPT = 200
MESSAGES_COOKIE = "messages"
PAGE_KEY_PREFIX = "pagecache:page:2:"  # bump the number whenever a stored entry changes shape
# A request with none of these cannot be answered with 304 or 412, so a hit skips the conditional checks.
CONDITIONAL_HEADERS = frozenset(
    {"HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE"}
)


class SiteState(NamedTuple):
    """What every page needs to know about the site as a whole, versioned together and shared by all workers."""

    token: str  # random, new with every change
    publication_times: tuple[float, ...]  # upcoming scheduled publications, as timestamps, soonest first
    complete: bool  # False when more were scheduled than publication_times holds
    nav: tuple[dict, ...]  # the category nav in nav order: {"name", "slug", "url"}, the URL reversed once here

    def token_at(self, now: float) -> str | None:
        """The token for `now`, or None once the state has run out of known publication times."""
        passed = bisect.bisect_right(self.publication_times, now)
        if passed == len(self.publication_times) and passed and not self.complete:
            return None
        # Every worker derives the same token from the same state and clock, with no write and no query.
        return f"{self.token}.{passed}" if passed else self.token


_file_state = (None, None)  # (the state file's identity when last read, what it held)


@functools.cache
def _state_file(cache: FileBasedCache) -> str:
    return cache._key_to_file(STATE_KEY)  # hashing the key every request cost more than the stat


def _read_state(cache):
    """The stored state. From a file cache (no Redis), it is parsed again only when its file changed: each write
    replaces the file, so a stat per request is enough to see any change made by another worker."""
    if not isinstance(cache, FileBasedCache):
        return cache.get(STATE_KEY)
    global _file_state
    try:
        found = os.stat(_state_file(cache))
    except FileNotFoundError:
        return None
    identity = (found.st_ino, found.st_mtime_ns, found.st_size)
    if _file_state[0] != identity:
        _file_state = (identity, cache.get(STATE_KEY))
    return _file_state[1]


def _state_cache():
    return caches[settings.PAGE_CACHE_STATE_ALIAS]


def _page_cache():
    return caches["default"]


def _new_state() -> SiteState:
    from articles.models import Article, Category

    upcoming = Article.objects.scheduled().order_by("published_at").values_list("published_at", flat=True)
    times = tuple(at.timestamp() for at in upcoming[:SCHEDULED_TIMES_KEPT])
    nav = tuple(
        {"name": category.name, "slug": category.slug, "url": category.get_absolute_url()}
        for category in Category.objects.order_by("nav_position", "name").only("name", "slug")
    )
    return SiteState(uuid.uuid4().hex, times, len(times) < SCHEDULED_TIMES_KEPT, nav)


def _current(state: SiteState | None) -> tuple[SiteState, str]:
    """The state to use now and its token, rebuilding it when it is missing or has run out of publication times."""
    now = time.time()
    token = state.token_at(now) if isinstance(state, SiteState) else None
    if token is None:
        cache = _state_cache()
        if state is not None:
            cache.delete(STATE_KEY)
        state = _new_state()
        # add(), not set(): when several workers rebuild at once, the first one wins and the rest adopt its state.
        if not cache.add(STATE_KEY, state, STATE_SECONDS):
            state = cache.get(STATE_KEY) or state
        token = state.token_at(now) or state.token
    return state, token


def site_state(request=None) -> tuple[SiteState, str]:
    """The shared site state and the current content token, fetched at most once per request."""
    found = getattr(request, "site_state", None)
    if found is None:
        found = _current(_read_state(_state_cache()))
        if request is not None:
            request.site_state = found
    return found


def content_token(request=None) -> str:
    """The current content token; caches of derived data (such as list counts) include it in their keys."""
    return site_state(request)[1]


def _replace_state():
    # After the commit, on the writer's side: readers find a complete state and need no query of their own.
    _state_cache().set(STATE_KEY, _new_state(), STATE_SECONDS)


def content_changed() -> None:
    """Make every cached page stale. Call after any write that can change what readers see."""
    _state_cache().delete(STATE_KEY)
    transaction.on_commit(_replace_state, robust=True)


def _page_key(request) -> str:
    # The scheme too: an http:// request must reach SecurityMiddleware's redirect, never a copy made for https://.
    url = f"{request.scheme}://{request.get_full_path()}"
    return PAGE_KEY_PREFIX + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def is_anonymous_request(request) -> bool:
    """Decided from cookies alone, without touching the session store: no session, no pending messages."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def _forbids_caching(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return any(word in cache_control for word in ("private", "no-store", "no-cache"))


class _CachedPage(HttpResponse):
    """A stored page as a response. Its headers were validated when the page was stored, so they are taken as they
    are instead of one by one (which cost more than a third of a hit)."""

    def __init__(self, content: bytes, status: int, headers: dict):
        super().__init__(content, status=status)
        self.headers._store = headers  # ResponseHeaders' own {lowercased name: (name, value)}; Django 5.2


def _may_use_cache(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and is_anonymous_request(request)
        and not request.path.startswith(settings.STATIC_URL)
    )


def _fetch(key: str):
    """The stored state and the stored entry for `key`, each None when absent."""
    state_cache, page_cache = _state_cache(), _page_cache()
    if state_cache is page_cache:
        found = page_cache.get_many([STATE_KEY, key])  # one round trip to Redis
        return found.get(STATE_KEY), found.get(key)
    return _read_state(state_cache), page_cache.get(key)


class PageCacheMiddleware:
    """Serve anonymous readers from the page cache; store what they may share; answer conditional GETs with 304.

    It comes first in MIDDLEWARE, so a copy is stored with every header the rest of the stack added (CSP, HSTS,
    nosniff, ...) and a hit skips the whole stack."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = SimpleLazyObject(lambda: reverse("admin:index"))

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            response = self.get_response(request)
            if request.path.startswith(str(self.admin_prefix)) and response.status_code < 400:
                # Admin actions may write with QuerySet.update(), which sends no signal.
                content_changed()
            return response
        if not _may_use_cache(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and "Cache-Control" not in response:
                patch_cache_control(response, private=True)
            return response

        key = _page_key(request)
        state, entry = _fetch(key)
        try:
            request.site_state = _current(state)
        except DatabaseError:
            # No state and no database to rebuild it from: the middleware below answers (503 for an outage).
            return self.get_response(request)
        token = request.site_state[1]

        if entry is not None and entry[0] == token:
            request.get_host()  # a cached page must not bypass the ALLOWED_HOSTS check
            _, status, headers, content, read_article_id = entry
            response = _CachedPage(content, status, headers)
            if read_article_id is not None:
                reads.record_read(read_article_id)
            if CONDITIONAL_HEADERS.isdisjoint(request.META):
                return response
            return get_conditional_response(request, etag=response.get("ETag"), response=response)

        response = self.get_response(request)
        if self._may_store(request, response):
            set_response_etag(response)
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            response.headers["X-Page-Cache"] = "hit"  # what every later copy says
            entry = (
                token,
                response.status_code,
                dict(response.headers._store),
                response.content,
                getattr(response, "read_article_id", None),
            )
            _page_cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
            response.headers["X-Page-Cache"] = "miss"
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response

    @staticmethod
    def _may_store(request, response) -> bool:
        match = request.resolver_match
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and match is not None
            and match.view_name in CACHED_VIEWS
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not _forbids_caching(response)
            # A page that used a CSP nonce carries it in its header and its HTML; a shared copy would share the nonce.
            and not isinstance(getattr(request, "_csp_nonce", None), str)
        )
