"""Cross-cutting request guards; each answers with a page from newsblog/errors.py."""

import logging

from django.conf import settings
from django.core.exceptions import SuspiciousOperation

from newsblog.errors import DATABASE_UNAVAILABLE, database_unavailable, request_too_large

logger = logging.getLogger(__name__)


class RequestGuardMiddleware:
    """Refuse, before any view runs, what no view should have to handle.

    - A NUL byte in the path or query: 400. PostgreSQL cannot even compare such a string, so a lookup by a URL
      segment (a tag name) would fail with a 500.
    - A declared body over MAX_REQUEST_BODY_BYTES: 413, before a byte of it is read. That limit covers uploads;
      DATA_UPLOAD_MAX_MEMORY_SIZE still caps the form fields, and errors.bad_request turns its RequestDataTooBig
      into 413 too. The proxy in front should refuse such bodies even earlier.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or "%00" in request.META.get("QUERY_STRING", ""):
            raise SuspiciousOperation("NUL byte in the URL")
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BODY_BYTES:
            return request_too_large(request, limit=settings.MAX_REQUEST_BODY_BYTES)
        return self.get_response(request)


class DatabaseOutageMiddleware:
    """503 with Retry-After, instead of 500, when a view cannot reach the database.

    Persistent connections are health-checked (CONN_HEALTH_CHECKS), so once the database is back the next request
    reconnects without an error. Faults raised outside views reach errors.server_error, which answers the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        logger.error("Database unavailable on %s %s: %s", request.method, request.path, exception)
        return database_unavailable(request)
