"""Whole-page caching for anonymous readers, invalidated by what each page shows, on every worker and app server.

What a page shows
- A cacheable view declares what its page shows with tag_page(request, "article:12", "section:3", ...); the context
  processor adds "nav", which every HTML page shows. The vocabulary: article:<id> (an article page: the story, its
  bylines, tags, corrections and discussion), section:<id> (a category's list, and the related stories on its
  articles), author:<id>, tag:<id> (their lists), home, feeds, sitemap, search (search and trending results), nav.
- A write calls invalidate(*tags) with what it changed (articles/signals.py, accounts/signals.py, and the bulk admin
  actions that use QuerySet.update()); nothing else invalidates.

How a change shows on the very next request, on every server
- A shared counter, the generation, grows by one with every invalidation, and each invalidated tag records the
  generation it was invalidated at. Both live in a cache all workers share: Redis when REDIS_URL is set, otherwise a
  small file cache shared by the workers of one machine (settings.PAGE_CACHE_STATE_ALIAS).
- A page is stored with the generation read *before* it was rendered, and served again only while none of its tags
  was invalidated at a later generation. A writer invalidates after its commit, so a reader who read the database
  before the commit always has the older generation; a writer also invalidates at once, for the writes of this
  transaction seen by this process before it commits.
- Caches of data a page is built from (the front page's stories, list counts, related stories, template fragments)
  put version_of(request, *tags) in their keys: it changes whenever one of those tags is invalidated.

Scheduled articles appear on time with no write and no cron
- The shared SiteState lists the upcoming scheduled publications with the tags each will change (home, feeds, its
  section, authors and tags). A page is stored until the first of them that touches one of its tags, and version_of()
  includes that time, so every worker stops using the copy when the story comes out.
- The same SiteState carries the category nav, rebuilt by the writer after its commit.

Who gets a cached page
- GET and HEAD without a session cookie or a messages cookie: nobody is logged in and there is nothing personal to
  show. Everyone else goes through the whole stack and never receives a cached copy.
- A response is stored only if it is a 200 from one of CACHED_VIEWS, declared its tags, sets no cookie, used no CSRF
  token, and does not forbid caching itself (staff previews send never-cache headers).
- The key is the scheme, the validated host, the path and only the query parameters a page reads (KEPT_PARAMETERS):
  ?utm_source=1..N all share one copy, and a forged Host never gets a copy of its own.

One render per change, not one per waiting reader
- When a popular page goes stale, the readers asking for it at that moment would all render it at once. The first one
  takes the page's render lock (an add() in the page cache) and renders; the others wait for its copy, polling for at
  most PAGE_CACHE_WAIT_SECONDS, and get it as a hit if it is fresh (rendered from after the change). If the copy does
  not come, or cannot be stored, or the lock cannot be seen (Redis away), they render it themselves.

How a hit is answered
- PageCacheMiddleware, first in MIDDLEWARE, answers it with the stored status, headers (CSP and the other security
  headers included, as the stack below added them when the copy was stored) and body, counts the read, and answers a
  conditional request with 304. HTTP caches in front (nginx, Varnish, a CDN) get the tags too (articles/http_cache.py).
"""

import bisect
import hashlib
import time
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from articles import http_cache, reads

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
        "articles:about",
        "articles:contact",
        "articles:privacy",
        "articles:corrections",
        "sitemap",
    }
)
# The only query parameters a cached page reads. Any other (utm_source, fbclid, a cache buster) is left out of the
# key, so it can neither multiply the stored copies nor miss on purpose.
KEPT_PARAMETERS = ("page",)
# Parameters that make a page one reader's moment (the reply form under a comment): such a request neither gets nor
# leaves a copy, so that arbitrary values cannot fill the cache either.
UNSHARED_PARAMETERS = frozenset({"reply"})

STATE_KEY = "pagecache:state:4"  # bump the number whenever SiteState changes shape
STATE_SECONDS = 24 * 60 * 60
GENERATION_KEY = "pagecache:generation"
TAG_KEY_PREFIX = "pagecache:tag:"
# How many upcoming publications the state remembers; past the last of them, the state is rebuilt. Newsrooms
# schedule a handful of stories ahead, not thousands.
SCHEDULED_KEPT = 200
MESSAGES_COOKIE = "messages"
PAGE_KEY_PREFIX = "pagecache:page:4:"  # bump the number whenever a stored entry changes shape
RENDERING_PREFIX = "pagecache:rendering:"
# How long a render lock outlives a worker that died holding it, and how often a waiting reader looks for the copy.
RENDER_LOCK_SECONDS = 30
RENDER_POLL_SECONDS = 0.01
# A request with none of these cannot be answered with 304 or 412, so a hit skips the conditional checks.
CONDITIONAL_HEADERS = frozenset(
    {"HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE"}
)
NEVER = float("inf")


class SiteState(NamedTuple):
    """What every page needs to know about the site as a whole, shared by all workers."""

    times: tuple[float, ...]  # upcoming scheduled publications, as timestamps, soonest first
    tags: tuple[frozenset, ...]  # the tags each of them will change
    complete: bool  # False when more were scheduled than `times` holds
    nav: tuple[dict, ...]  # the category nav in nav order: {"name", "slug", "url"}, the URL reversed once here

    def expired(self, now: float) -> bool:
        """True once every remembered publication has passed and more were scheduled than it remembers."""
        return not self.complete and bool(self.times) and self.times[-1] <= now

    def next_change(self, tags, now: float) -> float:
        """When the first upcoming publication that changes a page showing `tags` comes out."""
        tags = frozenset(tags)
        for index in range(bisect.bisect_right(self.times, now), len(self.times)):
            if not self.tags[index].isdisjoint(tags):
                return self.times[index]
        # Beyond what the state remembers, the page must not outlive its last entry.
        return NEVER if self.complete or not self.times else self.times[-1]


def scheduled_tags(article_id: int, category_id: int, author_ids, tag_ids) -> frozenset:
    """Every tag of a page that lists the article, or shows the article's section."""
    return frozenset(
        {
            "home",
            "feeds",
            "sitemap",
            "search",
            f"section:{category_id}",
            f"article:{article_id}",
            *(f"author:{pk}" for pk in author_ids),
            *(f"tag:{pk}" for pk in tag_ids),
        }
    )


def _new_state() -> SiteState:
    from articles.cache_tags import tag_ids_by_article
    from articles.models import Article, ArticleAuthor, Category

    upcoming = list(
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("pk", "published_at", "category_id")[:SCHEDULED_KEPT]
    )
    ids = [pk for pk, _, _ in upcoming]
    authors = {}
    for article_id, author_id in ArticleAuthor.objects.filter(article_id__in=ids).values_list("article", "author"):
        authors.setdefault(article_id, []).append(author_id)
    tagged = tag_ids_by_article(ids) if ids else {}
    nav = tuple(
        {"pk": category.pk, "name": category.name, "slug": category.slug, "url": category.get_absolute_url()}
        for category in Category.objects.order_by("nav_position", "name").only("name", "slug")
    )
    return SiteState(
        times=tuple(at.timestamp() for _, at, _ in upcoming),
        tags=tuple(
            scheduled_tags(pk, category_id, authors.get(pk, ()), tagged.get(pk, ())) for pk, _, category_id in upcoming
        ),
        complete=len(upcoming) < SCHEDULED_KEPT,
        nav=nav,
    )


def _state_cache():
    return caches[settings.PAGE_CACHE_STATE_ALIAS]


def _page_cache():
    return caches["default"]


def _shared_many(keys: list[str]) -> dict:
    """Values from the shared state cache (Redis, or a file cache on a machine without it), as Django reads them."""
    return _state_cache().get_many(keys)


def _current_state(state) -> SiteState:
    """The state to use now, rebuilt when it is missing or has run out of remembered publications."""
    if isinstance(state, SiteState) and not state.expired(time.time()):
        return state
    cache = _state_cache()
    if state is not None:
        cache.delete(STATE_KEY)
    state = _new_state()
    # add(), not set(): when several workers rebuild at once, the first one wins and the rest adopt its state.
    if not cache.add(STATE_KEY, state, STATE_SECONDS):
        state = cache.get(STATE_KEY) or state
    return state


def site_state(request=None) -> SiteState:
    """The shared site state, fetched at most once per request."""
    found = getattr(request, "site_state", None)
    if found is None:
        found = _current_state(_shared_many([STATE_KEY]).get(STATE_KEY))
        if request is not None:
            request.site_state = found
    return found


def _fresh_generation() -> int:
    # Microseconds since the epoch: if the counter is ever evicted, it starts again above every value it handed out.
    return time.time_ns() // 1000


def generation(found=None) -> int:
    """The current generation; `found` is what a get_many() already fetched, if any."""
    value = (found or {}).get(GENERATION_KEY)
    if value is None:
        cache = _state_cache()
        cache.add(GENERATION_KEY, _fresh_generation(), None)
        value = cache.get(GENERATION_KEY) or _fresh_generation()
    return value


def _tag_keys(tags) -> list[str]:
    return [TAG_KEY_PREFIX + tag for tag in tags]


def _tag_generations(tags, *, at: int | None) -> list[int | None]:
    """When each tag was last invalidated. A tag never invalidated (or evicted) is given generation `at`, which the
    caller read before reading the database, so that a later invalidation is always above it; with `at` None it is
    left missing (None)."""
    keys = _tag_keys(tags)
    found = _shared_many(keys)
    missing = [key for key in keys if key not in found]
    if missing and at is not None:
        cache = _state_cache()
        for key in missing:
            cache.add(key, at, None)
        found.update(cache.get_many(missing))
    return [found.get(key, at) for key in keys]


def tag_page(request, *tags: str, exact: bool = False) -> None:
    """Declare that the page answering `request` shows these (see the vocabulary above). Every page shows the nav,
    or the category names it lists. `exact`: nothing else on the page changes without one of these tags being
    invalidated (no other story's comment count, which a comment does not invalidate), so its copy may be kept for
    EXACT_PAGE_CACHE_SECONDS rather than PAGE_CACHE_SECONDS."""
    if not hasattr(request, "page_tags"):
        request.page_tags = {"nav"}
    request.page_tags.update(tags)
    if exact:
        request.page_is_exact = True


def page_tags(request) -> frozenset:
    return frozenset(getattr(request, "page_tags", ()))


def version_of(request, *tags: str) -> str:
    """A cache-key part for data that shows these tags (and the nav, like every page): it changes when one of them
    is invalidated or a scheduled article they show comes out. Read it before reading the data it keys."""
    if request is not None and getattr(request, "page_generation", None) is not None:
        start = request.page_generation
    else:
        start = generation()
        if request is not None:
            request.page_generation = start
    tags = sorted({"nav", *tags})
    known = getattr(request, "tag_generations", None)
    if known is None:
        known = {}
        if request is not None:
            request.tag_generations = known
    missing = [tag for tag in tags if tag not in known]
    if missing:
        known.update(zip(missing, _tag_generations(missing, at=start), strict=True))
    until = site_state(request).next_change(tags, time.time())
    return f"{'.'.join(str(known[tag]) for tag in tags)}:{until}"


def _invalidate_now(tags) -> None:
    cache = _state_cache()
    try:
        value = cache.incr(GENERATION_KEY)
    except ValueError:  # the counter was evicted or never made, or the cache is away
        cache.add(GENERATION_KEY, _fresh_generation(), None)
        try:
            value = cache.incr(GENERATION_KEY)
        except ValueError:
            return  # no shared cache: nothing is served from it either, and the write itself must go on
    keys = _tag_keys(tags)
    cache.set_many(dict.fromkeys(keys, value), None)
    # Two writers invalidating one tag at once may store their generations in either order; the higher one must win.
    latest = cache.get(GENERATION_KEY)
    if latest is not None and latest != value:
        cache.set_many(dict.fromkeys(keys, latest), None)


def _replace_state():
    # After the commit, on the writer's side: readers find a complete state and need no query of their own.
    _state_cache().set(STATE_KEY, _new_state(), STATE_SECONDS)


def invalidate(*tags: str, schedule: bool = False) -> None:
    """Make stale every cached page (and cached data) that shows one of `tags`, on every server. `schedule` also
    rebuilds the shared state, for writes that change the nav or the publication schedule."""
    tags = sorted(set(tags))
    if not tags and not schedule:
        return
    if schedule:
        _state_cache().delete(STATE_KEY)
    if tags:
        _invalidate_now(tags)
    transaction.on_commit(lambda: _after_commit(tags, schedule), robust=True)


def _after_commit(tags, schedule: bool) -> None:
    if schedule:
        _replace_state()
    if tags:
        _invalidate_now(tags)
        http_cache.purge(tags)


def cache_host(request) -> str:
    """The validated host, without its port: get_host() raises DisallowedHost for a name outside ALLOWED_HOSTS, but
    lets any port through, and a port must not make a copy of its own. Absolute URLs come from SITE_URL anyway."""
    return split_domain_port(request.get_host())[0]


def _page_key(request) -> str:
    # The scheme too: an http:// request must reach SecurityMiddleware's redirect, never a copy made for https://.
    query = request.GET if request.META.get("QUERY_STRING") else {}  # parsing an empty query string costs too
    kept = [(name, value) for name in KEPT_PARAMETERS for value in (query.getlist(name) if query else ())]
    url = f"{request.scheme}://{cache_host(request)}{request.path}?{urlencode(kept)}"
    return PAGE_KEY_PREFIX + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def is_anonymous_request(request) -> bool:
    """Decided from cookies alone, without touching the session store: no session, no pending messages."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def _forbids_caching(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _may_use_cache(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and is_anonymous_request(request)
        and not request.path.startswith(settings.STATIC_URL)
        and (not request.META.get("QUERY_STRING") or UNSHARED_PARAMETERS.isdisjoint(request.GET))
    )


class Entry(NamedTuple):
    generation: int  # read before the page was rendered
    tags: tuple[str, ...]
    until: float  # when a scheduled publication changes it
    status: int
    headers: dict
    content: bytes
    read_article_id: int | None


def _still_fresh(entry: Entry, now: float, found: dict | None = None) -> bool:
    """Whether no tag of the page was invalidated since it was rendered; `found`, if given, already holds what the
    shared cache has of each of the page's tags."""
    if now >= entry.until:
        return False
    if found is None:
        generations = _tag_generations(entry.tags, at=None)
    else:
        generations = [found.get(key) for key in _tag_keys(entry.tags)]
    # A tag whose record is gone (evicted) may have been invalidated since: the page is stale.
    return all(at is not None and at <= entry.generation for at in generations)


# The tags each page key had when this process last stored or served it. With Redis, where pages and tags share one
# cache, a hit then reads the page and its tags' records in one round trip instead of two (a round trip is most of
# what a hit costs). Only a guess: a page whose tags changed since is checked with a second read.
_known_pages: dict[str, tuple[str, ...]] = {}
KNOWN_PAGES_KEPT = 20_000


def _remember(key: str, entry: Entry) -> None:
    if _known_pages.get(key) != entry.tags:
        if len(_known_pages) >= KNOWN_PAGES_KEPT:
            _known_pages.clear()
        _known_pages[key] = entry.tags


def _read_page(key: str) -> tuple[dict, Entry | None, dict | None]:
    """The page, the generation and the guessed tags' records from the one shared cache; returns what was found, the
    entry, and the tags' records if the guess was right."""
    guess = _known_pages.get(key, ())
    found = _page_cache().get_many([key, GENERATION_KEY, *_tag_keys(guess)])
    entry = found.get(key)
    known = found if isinstance(entry, Entry) and entry.tags == guess else None
    return found, entry, known


def _pause(seconds: float) -> None:
    time.sleep(seconds)  # a waiting reader's worker is idle meanwhile; tests replace this


def _is_cached_view(request) -> bool:
    try:
        return resolve(request.path_info).view_name in CACHED_VIEWS
    except Resolver404:
        return False


def _claim_render(key: str) -> bool:
    """Whether this request renders the page now: nobody else is rendering it, or whether they are cannot be seen."""
    cache, lock = _page_cache(), RENDERING_PREFIX + key
    return cache.add(lock, 1, RENDER_LOCK_SECONDS) or cache.get(lock) is None


def _copy_from_other_render(key: str) -> Entry | None:
    """The fresh copy the worker holding the render lock stores, if it comes within PAGE_CACHE_WAIT_SECONDS."""
    cache, lock = _page_cache(), RENDERING_PREFIX + key
    for _ in range(int(settings.PAGE_CACHE_WAIT_SECONDS / RENDER_POLL_SECONDS)):
        _pause(RENDER_POLL_SECONDS)
        found = cache.get_many([key, lock])
        entry = found.get(key)
        if isinstance(entry, Entry) and _still_fresh(entry, time.time()):
            return entry
        if lock not in found:
            return None  # done without a copy for us (not storable, or rendered from before a change)
    return None


def _show_status(response, status: str) -> None:
    # Only when asked: the header tells an attacker whether their request missed.
    if settings.PAGE_CACHE_STATUS_HEADER:
        response.headers["X-Page-Cache"] = status


class PageCacheMiddleware:
    """Serve anonymous readers from the page cache; store what they may share; answer conditional GETs with 304.

    It comes first in MIDDLEWARE, so a copy is stored with every header the rest of the stack added (CSP, HSTS,
    nosniff, ...) and a hit skips the whole stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not _may_use_cache(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and "Cache-Control" not in response:
                patch_cache_control(response, private=True)
            return response

        try:
            key = _page_key(request)
        except DisallowedHost:
            # Never a copy for a foreign Host; whatever answers such requests (the health check does) still may.
            return self.get_response(request)
        try:
            if self._one_cache():
                found, entry, known = _read_page(key)
            else:
                found, entry, known = None, _page_cache().get(key), None
            if isinstance(entry, Entry) and _still_fresh(entry, time.time(), known):
                _remember(key, entry)
                return self._hit(request, entry)
            request.page_generation = generation(found)
            started = time.time()
            shared = _is_cached_view(request)
            claimed = shared and _claim_render(key)
            if shared and not claimed and (entry := _copy_from_other_render(key)) is not None:
                return self._hit(request, entry)
        except DatabaseError:
            # No state and no database to rebuild it from: the middleware below answers (503 for an outage).
            return self.get_response(request)

        try:
            return self._render(request, key, started)
        finally:
            if claimed:
                _page_cache().delete(RENDERING_PREFIX + key)

    def _render(self, request, key: str, started: float):
        response = self.get_response(request)
        if self._may_store(request, response):
            tags = tuple(sorted(page_tags(request)))
            _tag_generations(tags, at=request.page_generation)  # so that a later hit finds each tag's record
            set_response_etag(response)
            http_cache.describe(response, tags)
            entry = Entry(
                generation=request.page_generation,
                tags=tags,
                # From when rendering started: a publication during the render may be missing from the page.
                until=site_state(request).next_change(tags, started),
                status=response.status_code,
                headers=dict(response.items()),
                content=response.content,
                read_article_id=getattr(response, "read_article_id", None),
            )
            exact = getattr(request, "page_is_exact", False)
            _page_cache().set(key, entry, settings.EXACT_PAGE_CACHE_SECONDS if exact else settings.PAGE_CACHE_SECONDS)
            _remember(key, entry)
            _show_status(response, "miss")
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response

    @staticmethod
    def _one_cache() -> bool:
        return settings.PAGE_CACHE_STATE_ALIAS == "default"

    @staticmethod
    def _hit(request, entry: Entry):
        response = HttpResponse(entry.content, status=entry.status, headers=entry.headers)
        _show_status(response, "hit")
        if entry.read_article_id is not None:
            reads.record_read(entry.read_article_id, request)
        if CONDITIONAL_HEADERS.isdisjoint(request.META):
            return response
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    @staticmethod
    def _may_store(request, response) -> bool:
        match = request.resolver_match
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and match is not None
            and match.view_name in CACHED_VIEWS
            and bool(page_tags(request))
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not _forbids_caching(response)
            # A page that used a CSP nonce carries it in its header and its HTML; a shared copy would share the nonce.
            and not isinstance(getattr(request, "_csp_nonce", None), str)
        )
