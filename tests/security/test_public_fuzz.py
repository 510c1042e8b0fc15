"""Rows 33-35 and 39: hostile paths, queries and Host headers on the public pages: 404 or 400, never 500."""

import re
from html.parser import HTMLParser

import markupsafe
import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.factories import make_article, make_user

HOSTILE_SEGMENTS = [
    "a" * 10_000,
    "%00",
    "x%00y",
    "..%2F..%2Fsettings.py",
    "%2e%2e",
    "%2e%2e%2f",
    "' OR 1=1--",
    "%27%20OR%201%3D1--",
    "%C3%BC%C3%B1%C3%AE",  # unicode
    "%F0%9F%98%80",  # emoji
    "%ED%A0%80",  # a lone surrogate, invalid UTF-8
    "%FF%FE",
    "<script>alert(1)<%2Fscript>",
    "%0d%0aSet-Cookie:%20x=1",
]
PREFIXES = ["/articles/", "/category/", "/authors/", "/tag/", "/articles/two-countries-deepen-ties/"]


@pytest.fixture
def fuzz_client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_hostile_path_segments_are_404_never_500(fuzz_client, article, prefix):
    for segment in HOSTILE_SEGMENTS:
        response = fuzz_client.get(f"{prefix}{segment}/")
        assert response.status_code in (400, 404), (prefix, segment, response.status_code)
        assert "Set-Cookie: x=1" not in str(response.headers)


@pytest.mark.parametrize(
    "query", ["q=%00", "q=x%00y", "q=%ED%A0%80", "q=' OR 1=1--", "page=-1", "page=1e9", "page=%00", "q=a&q=b"]
)
def test_hostile_queries_never_500(fuzz_client, article, query):
    for path in [reverse("articles:search"), reverse("articles:home"), article.category.get_absolute_url()]:
        response = fuzz_client.get(f"{path}?{query}")
        assert response.status_code in (200, 400, 404), (path, query, response.status_code)


def test_no_url_lists_or_reveals_login_names(fuzz_client, article, db):
    login = make_user(username="hidden-login-name")
    urls = ["/?author=1", f"/?author={login.pk}", "/authors/1/", f"/authors/{login.pk}/", "/api/users/", "/users/"]
    for url in [*urls, "/wp-json/wp/v2/users", reverse("articles:home"), article.get_absolute_url()]:
        response = fuzz_client.get(url)
        assert response.status_code in (200, 404), url
        assert "hidden-login-name" not in response.content.decode(), url


@pytest.mark.parametrize("host", ["evil.example", "news.example.evil.example", "testserver:80@evil.example", ""])
def test_a_foreign_host_header_is_400(fuzz_client, article, host):
    for url in [reverse("articles:home"), article.get_absolute_url(), reverse("login")]:
        response = fuzz_client.get(url, HTTP_HOST=host) if host else fuzz_client.get(url, SERVER_NAME="", HTTP_HOST="")
        assert response.status_code == 400, (host, url)


def test_a_foreign_host_header_is_400_even_for_a_page_in_the_cache(fuzz_client, article):
    assert fuzz_client.get(article.get_absolute_url()).status_code == 200
    assert fuzz_client.get(article.get_absolute_url(), HTTP_HOST="evil.example").status_code == 400


def test_a_forged_forwarded_host_never_reaches_canonical_or_share_urls(client, article, settings):
    settings.SITE_URL = "https://news.example"
    response = client.get(article.get_absolute_url(), HTTP_X_FORWARDED_HOST="evil.example")
    assert response.status_code == 200
    assert "evil.example" not in response.content.decode()
    assertContains(response, f'<link rel="canonical" href="https://news.example{article.get_absolute_url()}">')


class _MetaParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        self._in_title = tag == "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


def test_a_headline_with_quotes_ampersands_and_script_stays_inside_its_attributes(client, db):
    headline = 'Markets "rally" & <b>bonds</b> </script><script>alert(1)</script> 📈'
    article = make_article(headline=headline, standfirst='A "quoted" & <i>odd</i> standfirst')
    body = client.get(article.get_absolute_url()).content.decode()
    parser = _MetaParser()
    parser.feed(body)
    assert parser.meta["og:title"] == headline
    assert parser.meta["twitter:title"] == headline
    assert parser.meta["og:description"] == 'A "quoted" & <i>odd</i> standfirst'
    assert parser.title.startswith(headline)
    assert "<script>alert(1)" not in body
    # Only the JSON-LD block is written into the page; our own scripts are static files (src=).
    assert len(re.findall(r"<script\b(?![^>]*\bsrc=)", body)) == 1
    assert str(markupsafe.escape(headline)) in body  # the <h1>, escaped as the page templates escape
