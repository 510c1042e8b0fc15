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
