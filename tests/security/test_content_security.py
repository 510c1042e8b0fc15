"""newsblog.content_security.CSPMiddleware sends exactly the headers django-csp's own middleware sends."""

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, SELF
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from newsblog.content_security import CSPMiddleware

REPORT_ONLY = {"DIRECTIVES": {"default-src": [SELF], "report-uri": "/csp-reports/"}, "EXCLUDE_URL_PREFIXES": ["/admin"]}


def plain(request):
    return HttpResponse("plain")


def with_nonce(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')


@csp_update({"img-src": "https://images.example"})
def updated(request):
    return HttpResponse("updated")


@csp_exempt()
def exempt(request):
    return HttpResponse("exempt")


def headers(middleware_class, view, path="/page/"):
    request = RequestFactory().get(path)
    middleware = middleware_class(view)
    response = middleware(request)
    return {name: response.get(name) for name in (HEADER, HEADER_REPORT_ONLY)}, response


@pytest.mark.parametrize("view", [plain, with_nonce, updated, exempt], ids=lambda view: view.__name__)
@pytest.mark.parametrize("path", ["/page/", "/admin/page/"])
@pytest.mark.parametrize("report_only", [None, REPORT_ONLY], ids=["enforced", "and-report-only"])
def test_the_headers_are_django_csps(settings, view, path, report_only):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = report_only
    ours, _ = headers(CSPMiddleware, view, path)
    theirs, _ = headers(DjangoCSPMiddleware, view, path)
    if view is with_nonce:  # a fresh nonce each time: the rest of the policy must match
        nonce = "'nonce-"
        assert nonce in ours[HEADER]
        ours = {name: value and value.split(nonce)[0] for name, value in ours.items()}
        theirs = {name: value and value.split(nonce)[0] for name, value in theirs.items()}
    assert ours == theirs
    assert (ours[HEADER] is None) == (view is exempt)
    assert (ours[HEADER_REPORT_ONLY] is not None) == (report_only is not None and not path.startswith("/admin"))


def test_a_changed_setting_changes_the_header(settings):
    first, _ = headers(CSPMiddleware, plain)
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": [SELF], "img-src": [SELF, "https://cdn.example"]}}
    second, _ = headers(CSPMiddleware, plain)
    assert "https://cdn.example" not in first[HEADER]
    assert "img-src 'self' https://cdn.example" in second[HEADER]


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error():
    request = RequestFactory().get("/page/")
    CSPMiddleware(plain)(request)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)
