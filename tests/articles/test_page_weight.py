"""Front-end weight: what a reader's phone downloads stays small, and nothing is fetched from another site.

(The phone-size photo rendition's limit, under 120 KB, is checked with the renditions in test_images.py.)
"""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import make_article, make_comment, make_image_file, make_user

pytestmark = pytest.mark.django_db

STATIC = Path(settings.BASE_DIR) / "static"
KB = 1024


class Fetches(HTMLParser):
    """Every URL the browser loads by itself while showing the page (not the links a reader may follow)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"img", "script", "iframe", "audio", "video", "source", "embed"} and attrs.get("src"):
            self.urls.append(attrs["src"])
        for candidate in (attrs.get("srcset") or "").split(","):
            if candidate.strip():
                self.urls.append(candidate.split()[0])
        if tag == "link" and set((attrs.get("rel") or "").split()) & {"stylesheet", "icon", "preload", "manifest"}:
            self.urls.append(attrs["href"])
        if tag == "object" and attrs.get("data"):
            self.urls.append(attrs["data"])


def fetched_urls(html):
    parser = Fetches()
    parser.feed(html)
    return parser.urls


def is_our_own(url):
    parts = urlsplit(url)
    return not parts.netloc and parts.scheme in {"", "data"} and not url.startswith("//")


@pytest.fixture
def discussed(db):
    article = make_article(
        body="\n\n".join(["A paragraph of a long story, about eighty words or so. " * 8] * 10),
        tags=["energy", "trade", "diplomacy"],
        photo=make_image_file(size=(1600, 1067)),
        photo_alt="Delegates shake hands",
    )
    readers = [make_user(), make_user()]
    for n in range(20):
        make_comment(article=article, user=readers[n % 2], body=f"Comment {n}: " + "a thoughtful reply " * 12)
    return article


def test_article_page_with_20_comments_is_under_60_kb(client, discussed):
    html = client.get(discussed.get_absolute_url()).content
    assert html.count(b'class="comment') >= 20
    assert len(html) < 60 * KB, f"{len(html) / KB:.1f} KB"


def test_our_css_is_under_20_kb():
    total = sum(path.stat().st_size for path in STATIC.rglob("*.css"))
    assert total < 20 * KB, f"{total / KB:.1f} KB"


def test_our_javascript_is_under_10_kb():
    total = sum(path.stat().st_size for path in STATIC.rglob("*.js"))
    assert total < 10 * KB, f"{total / KB:.1f} KB"


def test_css_loads_nothing_from_elsewhere():
    for path in STATIC.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text()) + re.findall(
            r"@import\s+['\"]([^'\"]+)", path.read_text()
        ):
            assert is_our_own(url), f"{path.name} loads {url}"


def test_pages_make_no_third_party_requests(client, discussed):
    reader = make_user()
    pages = [
        reverse("articles:home"),
        discussed.get_absolute_url(),
        discussed.category.get_absolute_url(),
        reverse("articles:search") + "?q=story",
        reverse("login"),
    ]
    for logged_in in (False, True):
        if logged_in:
            client.force_login(reader)
        for page in pages:
            urls = fetched_urls(client.get(page, follow=True).content.decode())
            assert urls, page
            outside = [url for url in urls if not is_our_own(url)]
            assert not outside, f"{page} loads {outside}"


def test_reading_and_commenting_need_no_javascript(client, discussed):
    client.force_login(make_user())
    html = client.get(discussed.get_absolute_url()).content.decode()
    scripts = re.findall(r"<script\b([^>]*)>", html)
    # Data (JSON-LD), or our own deferred enhancement files (static/js/), which the page works without.
    assert all(
        'type="application/ld+json"' in attrs or re.search(r'src="/static/js/[^"]+" defer', attrs) for attrs in scripts
    ), scripts
    assert re.search(r'<form[^>]+method="post"[^>]+action="[^"]*comments', html) or re.search(
        r'<form[^>]+action="[^"]*comments[^"]*"[^>]+method="post"', html
    )
