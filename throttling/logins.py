"""django-axes, fitted to newsblog: two limits instead of one, and our own 429 page.

Axes checks the lockout in its authentication backend, before ModelBackend computes the password hash, and stores
failures in the database (AccessAttempt), so a lockout survives restarts and holds with Redis down.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.db.models import Sum

from throttling.limits import minutes, too_many_requests


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginAttemptHandler(AxesDatabaseHandler):
    """Lock a username+IP pair after AXES_FAILURE_LIMIT failures, and a whole IP after LOGIN_IP_FAILURE_LIMIT.

    Axes compares a single number with a single limit, the largest count over AXES_LOCKOUT_PARAMETERS
    ([username, ip] and [ip]). An IP's failures are therefore reported less the difference between the two limits,
    which locks the IP exactly when it reaches its own, larger, limit: a password guesser is stopped after a few tries,
    a credential stuffer trying one password per username after a few more, and people sharing an address (an office,
    a mobile carrier) are not locked out by one of them mistyping. The victim's own IP is never affected by an attacker
    elsewhere, because no limit counts a username alone.
    """

    def get_failures(self, request, credentials=None) -> int:
        pair_attempts, ip_attempts = self.get_user_attempts(request, credentials)
        head_start = settings.LOGIN_IP_FAILURE_LIMIT - settings.AXES_FAILURE_LIMIT
        return max(_failures(pair_attempts), _failures(ip_attempts) - head_start)

    def is_locked(self, request, credentials=None) -> bool:
        """Refuse, before the password is checked, any attempt that could only end in a lockout.

        Axes checks `failures >= limit` before the password and again after a failure. Before, that lets the attempt
        that would reach the limit have its password checked, and a right one log in: the sixth guess would be a
        real guess. Refusing from one failure earlier makes the limit the number of passwords ever checked, while
        the failures before it are still answered with the normal form."""
        if not settings.AXES_LOCK_OUT_AT_FAILURE:
            return False
        return self.get_failures(request, credentials) >= get_failure_limit(request, credentials) - 1


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the same 429 page as the form throttles, with the typed username kept."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 0
    return too_many_requests(
        request,
        message=f"Too many failed attempts, try again in {minutes(seconds)}.",
        retry_after=seconds,
    )
