from django.conf import settings
from django.utils import timezone

from articles.caching import site_state


def site(request):
    state, token = site_state(request)
    return {
        # The category nav travels with the page cache's shared site state: no query, no cache lookup of its own,
        # and a category edit made in any worker shows in every worker's nav on the next request.
        "nav_categories": state.nav,
        # For fragment caches such as the article cards': a key with the token is stale as soon as anything changes.
        "content_token": token,
        # Looked up once for the page's dates rather than once per date (newsblog/templating.py).
        "local_zone": timezone.get_current_timezone(),
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
    }
