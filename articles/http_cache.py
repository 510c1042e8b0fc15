"""What the page cache tells HTTP caches in front of the site (nginx, Varnish, a CDN), and how it purges them.

A shared anonymous page is sent with
- Cache-Control: public, max-age=0 (browsers revalidate, with the ETag, every time), s-maxage=SHARED_CACHE_SECONDS
  (how long a shared cache may keep it) and stale-while-revalidate=STALE_WHILE_REVALIDATE_SECONDS;
- Surrogate-Key (Varnish xkey, Fastly) and Cache-Tag (Cloudflare, Akamai) with the page's tags (articles/caching.py),
  so that a cache in front can purge exactly the pages a write changed.

CACHE_PURGE_URLS (off when empty) lists purge endpoints. After each invalidation, every endpoint gets a PURGE request
with the tags in an `xkey` header (as deploy/varnish.vcl reads it) and in Surrogate-Key, from a background thread with
a short timeout: a slow or broken cache in front must never slow down or break a write.
"""

import logging
import threading
import urllib.request

from django.conf import settings
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)
PURGE_TIMEOUT_SECONDS = 2


def describe(response, tags) -> None:
    """Mark a response every anonymous reader may share, with what it shows."""
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.SHARED_CACHE_SECONDS,
        stale_while_revalidate=settings.STALE_WHILE_REVALIDATE_SECONDS,
    )
    response.headers["Surrogate-Key"] = " ".join(tags)
    response.headers["Cache-Tag"] = ",".join(tags)


def _purge_one(url: str, tags: list[str]) -> None:
    keys = " ".join(tags)
    request = urllib.request.Request(url, method="PURGE", headers={"xkey": keys, "Surrogate-Key": keys})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=PURGE_TIMEOUT_SECONDS):  # noqa: S310  our own setting's URLs
            pass
    except OSError as error:
        logger.warning("cache purge at %s failed: %s", url, error)


def _purge_all(urls, tags) -> None:
    for url in urls:
        _purge_one(url, tags)


def purge(tags) -> threading.Thread | None:
    """Ask every cache in settings.CACHE_PURGE_URLS to drop the pages with these tags. Returns the thread doing it."""
    urls = list(settings.CACHE_PURGE_URLS)
    if not urls or not tags:
        return None
    worker = threading.Thread(target=_purge_all, args=(urls, list(tags)), name="cache-purge", daemon=True)
    worker.start()
    return worker
