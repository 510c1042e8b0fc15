from django.conf import settings
from django.core.cache import cache

NAV_CACHE_KEY = "articles:nav"
NAV_CACHE_SECONDS = 60 * 60


def nav_categories():
    """The category nav as plain dicts, cached: one query per hour per cache, or after an edit."""
    from articles.models import Category

    nav = cache.get(NAV_CACHE_KEY)
    if nav is None:
        nav = list(Category.objects.order_by("nav_position", "name").values("name", "slug"))
        cache.set(NAV_CACHE_KEY, nav, NAV_CACHE_SECONDS)
    return nav


def forget_nav():
    cache.delete(NAV_CACHE_KEY)


def site(request):
    return {
        "nav_categories": nav_categories(),
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
    }
