"""/healthz for load balancers and monitoring: is the database reachable, is the cache?

200 {"status": "ok"} when both answer, 200 "degraded" when only the cache is away (pages still work, slower),
503 "down" when the database is away. No authentication, no session, never cached.

It is answered by HealthCheckMiddleware, ahead of the page cache (which itself needs the database when cold) and of
ALLOWED_HOSTS, since probes often address the server by its private IP. Nothing here builds a URL from the Host.
"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

PROBE_KEY = "healthz:probe"


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")  # raw SQL: a round trip that reads no table, which no queryset is
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: database unavailable: %s", error)
        return False
    return True


def _cache_ok() -> bool:
    try:
        ping = getattr(cache, "ping", None)
        if ping is not None:
            ping()  # ResilientRedisCache would otherwise hide the fault behind a miss
        else:
            cache.set(PROBE_KEY, 1, 10)
            if cache.get(PROBE_KEY) != 1:
                return False
    except Exception as error:  # any backend's failure means the same thing here
        logger.warning("Health check: cache unavailable: %s", error)
        return False
    return True


PATH = "/healthz"


@never_cache
@require_safe
def healthz(request):
    database, cache_ = _database_ok(), _cache_ok()
    status = "ok" if database and cache_ else ("degraded" if database else "down")
    return JsonResponse(
        {"status": status, "database": "ok" if database else "unavailable", "cache": "ok" if cache_ else "unavailable"},
        status=200 if database else 503,
    )


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return healthz(request)
        return self.get_response(request)
