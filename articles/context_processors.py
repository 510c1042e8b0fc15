from django.conf import settings
from django.core.cache import cache

NAV_CACHE_KEY = "articles:nav"
NAV_CACHE_SECONDS = 60 * 60


def nav_categories(request=None):
    """The category nav as plain dicts, cached: one query per hour per cache, or after an edit.

    The key carries the page cache's content token, which every worker shares, so a category edit made in one worker
    reaches the nav of all of them on the next request even when the cache itself is per-process memory.
    """
    from articles.caching import content_token
    from articles.models import Category

    key = f"{NAV_CACHE_KEY}:{content_token(request)}"
    nav = cache.get(key)
    if nav is None:
        nav = list(Category.objects.order_by("nav_position", "name").values("name", "slug"))
        cache.set(key, nav, NAV_CACHE_SECONDS)
    return nav


def site(request):
    return {
        "nav_categories": nav_categories(request),
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
    }
