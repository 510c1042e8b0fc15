"""Error pages for faults outside the request's control: database away (503), body too large (413).

Both render without the request's context processors, which query the database (the category nav) and the session.
handler400/handler500 in newsblog/urls.py route here; newsblog/middleware.py calls the same functions first.
"""

import logging
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

# What a database that is down, restarting or unreachable raises through Django (psycopg and sqlite3 errors alike).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def _render(template_name: str, context: dict, status: int) -> HttpResponse:
    body = loader.render_to_string(template_name, {"site_name": settings.SITE_NAME, **context})
    response = HttpResponse(body, status=status)
    add_never_cache_headers(response)
    return response


def _typed_comment(request) -> str:
    # The one place that reads request.POST by hand: the form that would normally keep the text never got to run.
    if request.method != "POST":
        return ""
    try:
        return request.POST.get("body", "")
    except (RequestDataTooBig, OSError):
        return ""


def database_unavailable(request) -> HttpResponse:
    """503 with Retry-After; a comment that was being posted is shown back in a form to send again."""
    typed_text = _typed_comment(request)
    context = {"typed_text": typed_text}
    if typed_text:
        context |= {"form_action": request.path, "csrf_token": get_token(request)}
    response = _render("503.html", context, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def request_too_large(request, *, limit: int) -> HttpResponse:
    return _render("413.html", {"limit": filesizeformat(limit)}, status=413)


def bad_request(request, exception):
    """handler400: an over-limit body is 413, not Django's generic 400."""
    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request, limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    return defaults.bad_request(request, exception)


def server_error(request):
    """handler500: a database fault raised outside a view (a middleware, the session store) is 503 too.

    Django calls this while handling the exception, so sys.exc_info() still holds it.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    return defaults.server_error(request)
