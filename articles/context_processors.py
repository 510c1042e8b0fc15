from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from articles.caching import page_tags, site_state, tag_page, version_of


def site(request):
    tag_page(request)  # the nav
    return {
        # The category nav travels with the page cache's shared site state: no query, no cache lookup of its own,
        # and a category edit made in any worker shows in every worker's nav on the next request.
        "nav_categories": site_state(request).nav,
        # For fragment caches such as the article cards': a key with it is stale as soon as anything the page shows
        # changes (articles/caching.py). Lazy: a page without such fragments never looks its tags up.
        "content_token": SimpleLazyObject(lambda: version_of(request, *page_tags(request))),
        # For the nav's fragment, which shows only the categories: one copy for every page of a section, however
        # many other things those pages show.
        "nav_token": SimpleLazyObject(lambda: version_of(request)),
        # Looked up once for the page's dates rather than once per date (newsblog/templating.py).
        "local_zone": timezone.get_current_timezone(),
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
    }
