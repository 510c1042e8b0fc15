from django.conf import settings

from throttling.clientip import client_key
from throttling.limits import attempt, minutes, too_many_requests


class FormThrottleMiddleware:
    """Refuse POSTs to the forms in settings.THROTTLED_FORMS past their per-IP rate, before the view runs.

    Sign-up and password reset cost a password hash or an email each, and neither has a username to lock; so they are
    limited per client IP, counted in the database (throttling.models.Attempt) to hold while Redis is away.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        name = request.resolver_match.url_name
        if name not in settings.THROTTLED_FORMS:
            return None
        limit, seconds = settings.THROTTLED_FORMS[name]
        retry_after = attempt(scope=name, key=client_key(request), limit=limit, seconds=seconds)
        if not retry_after:
            return None
        return too_many_requests(
            request,
            message=f"Too many attempts from your network. Please try again in {minutes(retry_after)}.",
            retry_after=retry_after,
        )
