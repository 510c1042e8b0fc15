"""Counting attempts in the database, and the 429 page shown when there were too many."""

import math
from datetime import timedelta

from django.shortcuts import render
from django.utils import timezone

from throttling.models import Attempt

# Fields that are safe to show back on the 429 page so nothing typed is lost; passwords never are.
KEPT_FIELDS = {"username": "Username", "email": "Email"}


def attempt(*, scope: str, key: str, limit: int, seconds: int) -> int:
    """Count one attempt unless `limit` were already counted in the last `seconds`.

    Returns 0 when the attempt is allowed, otherwise how many seconds until the oldest counted one expires. Refused
    attempts are not counted, so a limit lifts by itself however often it is hit. Two requests arriving at the same
    instant may both squeeze under the limit; that is acceptable for a throttle and avoids locking.
    """
    retry_after = blocked_for(scope=scope, key=key, limit=limit, seconds=seconds)
    if not retry_after:
        record(scope=scope, key=key, seconds=seconds)
    return retry_after


def blocked_for(*, scope: str, key: str, limit: int, seconds: int) -> int:
    """0 when fewer than `limit` attempts were counted in the last `seconds`, otherwise how many seconds until the
    oldest of them expires. Counts nothing: for limits on failures, which are recorded only once they happen."""
    since = timezone.now() - timedelta(seconds=seconds)
    recent = Attempt.objects.filter(scope=scope, key=key, created_at__gt=since).order_by("created_at")
    times = list(recent.values_list("created_at", flat=True)[:limit])
    if len(times) >= limit:
        return max(1, math.ceil((times[0] - since).total_seconds()))
    return 0


def record(*, scope: str, key: str, seconds: int) -> None:
    """Count one attempt now, and forget every client's attempts older than `seconds`."""
    now = timezone.now()
    Attempt.objects.create(scope=scope, key=key, created_at=now)
    Attempt.objects.filter(scope=scope, created_at__lte=now - timedelta(seconds=seconds)).delete()


def too_many_requests(request, *, message: str, retry_after: int):
    """The readable 429 page: what happened, when to try again, and the non-secret fields as they were typed."""
    kept = [(label, request.POST[name]) for name, label in KEPT_FIELDS.items() if request.POST.get(name)]
    response = render(request, "429.html", {"message": message, "kept": kept}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def minutes(seconds: int) -> str:
    count = max(1, math.ceil(seconds / 60))
    return f"{count} minute{'s' if count != 1 else ''}"
