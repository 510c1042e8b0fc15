import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_titles(response):
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def test_latest_rss_lists_only_published_articles(client, article):
    make_article(headline="A draft", status=Article.Status.DRAFT)
    response = client.get(reverse("articles:feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    assert rss_titles(response) == [article.headline]


def test_latest_atom_feed_is_valid_atom(client, article):
    root = ET.fromstring(client.get(reverse("articles:atom")).content)
    assert [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")] == [article.headline]


def test_category_feeds_only_carry_that_category(client, article):
    make_article(headline="Another section")
    for name in ("articles:category_feed", "articles:category_atom"):
        response = client.get(reverse(name, args=[article.category.slug]))
        assert response.status_code == 200
        assert b"Another section" not in response.content
        assert article.headline.encode() in response.content


def test_author_feed_only_carries_their_articles(client, article, author):
    make_article(headline="Someone else's story")
    response = client.get(reverse("articles:author_feed", args=[author.slug]))
    assert rss_titles(response) == [article.headline]


def test_unknown_category_feed_is_404(client):
    assert client.get(reverse("articles:category_feed", args=["nope"])).status_code == 404


def test_feed_survives_control_characters_and_xml_specials(client):
    make_article(headline="Bonds ]]> & <stocks>\x0b\x1f fall")
    titles = rss_titles(client.get(reverse("articles:feed")))
    assert titles == ["Bonds ]]> & <stocks> fall"]


def test_sitemap_lists_published_articles_only(client, article):
    draft = make_article(status=Article.Status.DRAFT)
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith(article.get_absolute_url()) for loc in locations)
    assert not any(loc.endswith(draft.get_absolute_url()) for loc in locations)
    assert any(loc.endswith(article.category.get_absolute_url()) for loc in locations)


class TestHostileHostHeader:
    """#14 finding 2: `Host: 127.0.0.1:1` passes ALLOWED_HOSTS (the port is not checked), and the copy made for it is
    shared from the page cache; so no absolute address may come from the Host header."""

    HOSTILE = "testserver:1"

    @pytest.fixture(autouse=True)
    def _site_url(self, settings):
        settings.SITE_URL = "https://news.example"

    def absolute_urls(self, response) -> list[str]:
        text = response.content.decode()
        return [url for url in re.findall(r"""https?://[^\s"'<>&]+""", text) if not url.startswith(EXTERNAL)]

    def urls(self, article):
        return [
            reverse("articles:feed"),
            reverse("articles:atom"),
            reverse("articles:category_feed", args=[article.category.slug]),
            reverse("articles:category_atom", args=[article.category.slug]),
            reverse("articles:author_feed", args=[article.authors.get().slug]),
            reverse("articles:author_atom", args=[article.authors.get().slug]),
            "/sitemap.xml",
            article.get_absolute_url(),
            "/robots.txt",
        ]

    def test_every_absolute_url_points_at_site_url(self, client, article):
        for url in self.urls(article):
            response = client.get(url, HTTP_HOST=self.HOSTILE)
            assert response.status_code == 200, url
            found = self.absolute_urls(response)
            assert found, url
            strays = [each for each in found if not (each + "/").startswith("https://news.example/")]
            assert not strays, (url, strays)
            assert "testserver" not in response.content.decode(), url

    def test_the_copy_a_hostile_host_leaves_in_the_cache_is_clean_for_the_next_reader(self, client, article):
        for url in self.urls(article):
            client.get(url, HTTP_HOST=self.HOSTILE)
            assert "testserver" not in client.get(url).content.decode(), url

    def test_the_feeds_self_link_and_entries_are_absolute(self, client, article):
        root = ET.fromstring(client.get(reverse("articles:atom"), HTTP_HOST=self.HOSTILE).content)
        self_link = next(link for link in root.iter(f"{ATOM}link") if link.get("rel") == "self")
        assert self_link.get("href") == "https://news.example/feed/atom/"
        entry_link = root.find(f"{ATOM}entry/{ATOM}link").get("href")
        assert entry_link == f"https://news.example{article.get_absolute_url()}"


# Addresses that are not ours by design: share endpoints, namespaces and vocabularies.
EXTERNAL = (
    "https://www.facebook.com/",
    "https://x.com/",
    "https://www.linkedin.com/",
    "https://wa.me/",
    "https://t.me/",
    "https://www.reddit.com/",
    "http://www.w3.org/",
    "http://www.sitemaps.org/",
    "https://schema.org",
    "http://purl.org/",
)
