"""Every public page runs a fixed number of SQL queries, however many articles, tags or authors there are."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_author, make_category

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """These budgets are for rendering a page; the page cache would answer the second request without any query."""
    settings.PAGE_CACHE_SECONDS = 0


def fill(count, category):
    authors = [make_author() for _ in range(3)]
    for n in range(count):
        make_article(category=category, authors=authors, tags=[f"tag{n}", "shared"], featured=n == 0)


def get_twice(client, url):
    """First request warms the nav cache, as it is warm for every reader but the first."""
    client.get(url)
    return url


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(
    ("url_name", "args", "queries"),
    [
        ("articles:home", [], 2),
        ("articles:category", ["news"], 3),
        ("articles:author", None, 3),
        ("articles:tag", ["shared"], 3),
        ("articles:trending", [], 1),
        ("articles:search", None, 2),
        ("articles:feed", [], 2),
        ("articles:category_feed", ["news"], 3),
    ],
)
def test_list_pages_have_a_fixed_query_count(client, django_assert_num_queries, count, url_name, args, queries):
    category = make_category(slug="news")
    fill(count, category)
    if url_name == "articles:author":
        args = [make_article(category=category).article_authors.first().author.slug]
    url = reverse(url_name, args=args)
    params = {"q": "Headline"} if url_name == "articles:search" else {}
    client.get(url, params)
    with django_assert_num_queries(queries):
        assert client.get(url, params).status_code == 200


@pytest.mark.parametrize(("tags", "authors"), [(1, 1), (20, 5)])
def test_article_page_has_a_fixed_query_count(client, django_assert_num_queries, tags, authors):
    category = make_category()
    article = make_article(
        category=category, authors=[make_author() for _ in range(authors)], tags=[f"t{n}" for n in range(tags)]
    )
    for _ in range(5):
        make_article(category=category)
    client.get(article.get_absolute_url())
    # article + bylines + tags + corrections + related + the read counter
    with django_assert_num_queries(6):
        assert client.get(article.get_absolute_url()).status_code == 200
