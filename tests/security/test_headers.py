"""Row 36/37/52: the headers of every kind of response, and `check --deploy`, under production settings."""

import re
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.security.conftest import ROOT, production_environment

HSTS = "max-age=31536000; includeSubDomains; preload"


@pytest.fixture
def urls(article, author, category):
    return [
        reverse("articles:home"),
        article.get_absolute_url(),
        category.get_absolute_url(),
        reverse("articles:author", args=[author.slug]),
        reverse("articles:tag", args=["trade"]),
        reverse("articles:trending"),
        reverse("articles:search") + "?q=trade",
        reverse("articles:feed"),
        reverse("articles:atom"),
        reverse("sitemap"),
        reverse("robots"),
        reverse("login"),
        reverse("admin:login"),
        "/healthz",
        "/static/css/site.css",
        "/no-such-page/",
    ]


def _csp(response) -> dict[str, list[str]]:
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";")]
    return {name: values for name, *values in directives}


def test_every_response_carries_the_security_headers(client, production, urls):
    for url in urls:
        for attempt in ("first", "again, maybe from the page cache"):
            response = client.get(url, secure=True)
            where = f"{url} ({attempt})"
            assert response.status_code in (200, 404), where
            assert response["Strict-Transport-Security"] == HSTS, where
            assert response["X-Content-Type-Options"] == "nosniff", where
            assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", where
            assert response["Cross-Origin-Opener-Policy"] == "same-origin", where
            csp = _csp(response)
            assert "'unsafe-inline'" not in csp["script-src"], where
            assert "'unsafe-eval'" not in csp["script-src"], where
            assert csp["object-src"] == ["'none'"], where
            assert csp["base-uri"] == ["'none'"], where
            assert csp["frame-ancestors"] == ["'none'"], where
            assert "upgrade-insecure-requests" in csp, where


def test_html_pages_also_refuse_to_be_framed(client, production, urls, article):
    for url in [reverse("articles:home"), article.get_absolute_url(), reverse("login"), reverse("admin:login")]:
        assert client.get(url, secure=True)["X-Frame-Options"] == "DENY", url


def test_no_style_or_script_anywhere_is_unsafe(client, production, article):
    csp = _csp(client.get(article.get_absolute_url(), secure=True))
    assert not any("'unsafe-inline'" in values or "'unsafe-eval'" in values for values in csp.values())


def test_plain_http_is_redirected_to_https(client, production, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{article.get_absolute_url()}"


def test_session_and_csrf_cookies_are_secure_httponly_and_lax(client, production, reader):
    login_page = client.get(reverse("login"), secure=True)
    csrf = login_page.cookies["csrftoken"]
    response = client.post(reverse("login"), {"username": "reader", "password": "a-long-test-password"}, secure=True)
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] is True, cookie.key
        assert cookie["httponly"] is True, cookie.key
        assert cookie["samesite"] == "Lax", cookie.key


def test_pages_have_no_inline_script_the_csp_would_block(client, production, urls):
    # Only files and JSON-LD data blocks, which browsers never execute; anything else would need a nonce.
    for url in urls:
        response = client.get(url, secure=True)
        if response.streaming:  # a static file
            continue
        html = response.content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/ld+json"' in tag, (url, tag)


def test_deploy_checks_pass_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 silenced" in result.stdout
