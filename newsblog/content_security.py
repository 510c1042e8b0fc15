"""django-csp's middleware, with the header of an ordinary response built once instead of on every response.

django-csp works the policy out from the settings for each response, twice (enforced and report-only), copying the
configuration through dataclasses.asdict() each time: about 4 % of an uncached article page's Python. A response
that no view decorator changed (@csp_update, @csp_replace, @csp_exempt, ...) and whose page never asked for
request.csp_nonce gets the same headers every time, so those are built once per settings and reused. Any other
response, and every response with DEBUG on, goes through django-csp unchanged.
"""

import functools

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed

# What django-csp's decorators set on a response to change or drop its policy.
PER_RESPONSE_POLICY = frozenset(
    f"_csp_{what}{kind}" for what in ("config", "update", "replace", "exempt") for kind in ("", "_ro")
)


class CSPMiddleware(DjangoCSPMiddleware):
    def process_response(self, request, response):
        if (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or not PER_RESPONSE_POLICY.isdisjoint(vars(response))
        ):
            return super().process_response(request, response)
        for header, (policy, excluded_prefixes) in _plain_policies().items():
            if policy and header not in response and not request.path_info.startswith(excluded_prefixes):
                response[header] = policy
        # As django-csp does: asking for a nonce after the header is written is an error, not a silent no-op.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


@functools.cache
def _plain_policies() -> dict[str, tuple[str, tuple[str, ...]]]:
    """{header: (policy, URL prefixes it is not sent for)} for a response without a nonce or a per-view policy."""
    found = {}
    for header, setting, report_only in (
        (HEADER, "CONTENT_SECURITY_POLICY", False),
        (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", True),
    ):
        excluded = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
        found[header] = (build_policy(report_only=report_only), tuple(excluded))
    return found


def _policy_changed(*, setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):  # tests change it
        _plain_policies.cache_clear()


setting_changed.connect(_policy_changed)
