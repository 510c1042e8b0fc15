"""The article page's read beacon: how #TrendingNews hears of the readers a cache in front served.

A copy served by nginx's micro-cache, Varnish or a CDN never reaches the app, so the article page carries a 1x1 image
(templates/articles/article_detail.html) that no cache keeps. Its request counts like any view of the article (once per
reader, article and day, articles/reads.py), so a view the app served itself and its beacon are one read.

A beacon comes with every view the caches served, so it is answered by the first middleware: it is never in the page
cache, and it needs no session, user or CSRF token. The URL resolver still routes it (the URL is reversed by name),
and the view works the same behind the whole stack.
"""

from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from articles import reads

PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
PATH_SUFFIX = "/read.gif"  # the end of the URL of articles:read


@require_safe
def read_beacon(request, pk):
    """Count the view and answer a transparent GIF that no cache keeps. The id is checked when the reads are settled
    (reads.flush()), in one query per batch: none here."""
    reads.record_read(pk, request)
    response = HttpResponse(PIXEL, content_type="image/gif")
    # What CommonMiddleware and SecurityMiddleware would add, which this answer comes before.
    response.headers["Content-Length"] = str(len(PIXEL))
    response.headers["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response


class ReadBeaconMiddleware:
    """First in MIDDLEWARE: answers the read beacon before the page cache's lookup and the rest of the stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.endswith(PATH_SUFFIX):
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is not None and match.func is read_beacon:
                return read_beacon(request, *match.args, **match.kwargs)
        return self.get_response(request)
