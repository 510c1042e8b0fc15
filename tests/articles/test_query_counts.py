"""Every public page runs a fixed number of SQL queries, however many articles, tags, authors or pages there are.

The budgets (issues 5 and 15): an anonymous article page at most 6 queries, list pages at most 6, logged-in pages at
most 2 more (the session and the user). They are measured with the page cache off, so each request really renders.
The category nav comes with the page cache's shared site state, which the writer rebuilds after each change, so it
costs readers no query. Reads for #TrendingNews are written once per worker every few seconds (articles/reads.py), so
a single page view costs no write; the tests use that production setting.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from articles import pagination, reads, views
from articles.caching import invalidate
from articles.models import Article
from tests.factories import make_article, make_author, make_category, make_comment, make_photo

pytestmark = pytest.mark.django_db

ARTICLE_PAGE_BUDGET = 6
LIST_PAGE_BUDGET = 6
LOGGED_IN_EXTRA = 2
# The article page through the ORM: the article with its category and comment count; its bylines, tags and
# corrections (read only when the article's query says there are any); then the discussion (comments/discussion.py
# load_page). With no comments, an anonymous reader's page stops there; with up to a page of them it loads them in one
# query; with more (or for a logged-in reader, whose own comments awaiting moderation may add threads) it finds where
# each page of threads starts, then loads the page.
ARTICLE_PAGE_QUERIES = 4
NO_CORRECTIONS = 1  # the query an article without corrections does not make
ONE_PAGE_DISCUSSION = 1
PAGED_DISCUSSION = 2


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """These budgets are for rendering a page; the page cache would answer the second request without any query."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.READS_FLUSH_SECONDS = 3600
    yield
    reads.flush()  # nothing counted here may reach another test


def fill(count, category):
    """`count` stories, each with a library photo of its own: a photo costs no query on any list."""
    authors = [make_author() for _ in range(3)]
    for n in range(count):
        make_article(
            category=category, authors=authors, tags=[f"tag{n}", "shared"], featured=n == 0, photo=make_photo()
        )


LIST_PAGES = [
    # url name, args, queries right after a change (with the nav the writer rebuilt), queries once cached
    ("articles:home", [], 4, 0),  # count, latest page, the newest featured story, the section blocks
    ("articles:category", ["news"], 3, 0),  # category, count, page
    ("articles:author", None, 3, 0),  # author, count, page
    ("articles:tag", ["shared"], 3, 0),  # tag, count, page
    ("articles:trending", [], 2, 2),  # most read, most commented: reads change them without a content change
    ("articles:search", None, 2, 0),  # count, matches
    ("articles:feed", [], 2, 0),  # items, their corrections
    ("articles:category_feed", ["news"], 3, 1),  # category, items, their corrections
]


def list_url(url_name, args, category):
    if url_name == "articles:author":
        args = [make_article(category=category).article_authors.first().author.slug]
    return reverse(url_name, args=args), ({"q": "Headline"} if url_name == "articles:search" else {})


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(("url_name", "args", "queries", "cached"), LIST_PAGES)
def test_list_pages_have_a_fixed_query_count(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, count, url_name, args, queries, cached
):
    """Measured right after a change, when nothing about the list is cached yet: the count is the same for 3 and 30
    articles, and within budget."""
    category = make_category(slug="news")
    fill(count, category)
    url, params = list_url(url_name, args, category)
    client.get(url, params)
    with django_capture_on_commit_callbacks(execute=True):
        invalidate("nav", schedule=True)  # every page
    assert queries <= LIST_PAGE_BUDGET
    with django_assert_num_queries(queries):
        assert client.get(url, params).status_code == 200


@pytest.mark.parametrize(("url_name", "args", "queries", "cached"), LIST_PAGES)
def test_list_pages_cost_fewer_queries_until_the_next_change(
    client, django_assert_num_queries, url_name, args, queries, cached
):
    """The heading object, count and rows of a list are cached under the content token."""
    category = make_category(slug="news")
    fill(30, category)
    url, params = list_url(url_name, args, category)
    client.get(url, params)
    with django_assert_num_queries(cached):
        assert client.get(url, params).status_code == 200


@pytest.fixture
def small_pages(monkeypatch):
    """Pages of 2, ids read alone from the 6th page on, an anchor every 6 rows: deep pages in a small archive."""
    monkeypatch.setattr(views.CategoryView, "paginate_by", 2)
    monkeypatch.setattr(pagination, "DEFERRED_JOIN_FROM", 10)
    monkeypatch.setattr(pagination, "ANCHOR_EVERY", 6)
    category = make_category(slug="news")
    for n in range(40):
        # Some share a publication time, so that the order's tie-break on id is tested too.
        make_article(category=category, published_at=timezone.now() - timedelta(hours=n // 3))
    return category


def expected_page(category, page):
    return list(Article.objects.published().filter(category=category).order_by("-published_at", "-id"))[
        (page - 1) * 2 : page * 2
    ]


@pytest.mark.parametrize("page", [1, 5, 6, 7, 9, 14, 20])
def test_deep_pages_cost_one_more_query_whatever_their_depth(client, django_assert_num_queries, small_pages, page):
    url = reverse("articles:category", args=["news"])
    # Another deep page caches the category, counts the list and records its anchors, once per content change.
    client.get(url, {"page": 19 if page == 20 else 20})
    deferred = (page - 1) * 2 >= pagination.DEFERRED_JOIN_FROM
    with django_assert_num_queries(2 if deferred else 1):  # (ids,) page
        response = client.get(url, {"page": page})
    assert list(response.context["articles"]) == expected_page(small_pages, page)


def test_deep_pages_are_right_again_after_a_change(client, small_pages):
    url = reverse("articles:category", args=["news"])
    for page in (9, 14, 20):
        client.get(url, {"page": page})
    make_article(category=small_pages, published_at=timezone.now() - timedelta(minutes=30))
    for page in (9, 14, 20):
        assert list(client.get(url, {"page": page}).context["articles"]) == expected_page(small_pages, page)


def make_full_article(tags, authors):
    category = make_category()
    article = make_article(
        category=category,
        authors=[make_author() for _ in range(authors)],
        tags=[f"t{n}" for n in range(tags)],
        photo=make_photo(caption="A library photo.", credit="AA Photo"),
    )
    for _ in range(5):
        make_article(category=category, photo=make_photo())
    article.corrections.create(text="A figure was wrong.")
    return article


@pytest.mark.parametrize(("tags", "authors"), [(1, 1), (20, 5)])
def test_article_page_has_a_fixed_query_count(client, django_assert_num_queries, tags, authors):
    article = make_full_article(tags, authors)
    client.get(article.get_absolute_url())
    # The related stories are cached.
    assert ARTICLE_PAGE_QUERIES + PAGED_DISCUSSION <= ARTICLE_PAGE_BUDGET
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(article.get_absolute_url())
    assert "A figure was wrong." in response.content.decode()


def test_an_article_without_corrections_does_not_ask_for_them(client, django_assert_num_queries):
    article = make_full_article(3, 2)
    article.corrections.all().delete()
    client.get(article.get_absolute_url())
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES - NO_CORRECTIONS):
        assert "A figure was wrong." not in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize(("tags", "authors"), [(1, 1), (20, 5)])
def test_logged_in_article_page_costs_at_most_two_more(client, django_assert_num_queries, reader, tags, authors):
    article = make_full_article(tags, authors)
    client.force_login(reader)
    client.get(article.get_absolute_url())
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES + PAGED_DISCUSSION + LOGGED_IN_EXTRA):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_a_page_served_from_the_page_cache_costs_no_query(client, django_assert_num_queries, settings, article):
    settings.PAGE_CACHE_SECONDS = 600
    client.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"


def test_the_first_request_after_a_change_stays_within_budget(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, article
):
    """The writer rebuilds the shared site state (nav, publication times) after its commit, so readers need not;
    the first reader after a change only reloads the category's latest stories and draws their cards again."""
    for _ in range(5):
        make_article(category=article.category)
    client.get(article.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        article.category.name = "Renamed"
        article.category.save()
    # The page's own (this article has no corrections); the ids of the latest stories, then the stories.
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES - NO_CORRECTIONS + 2):
        assert "Renamed" in client.get(article.get_absolute_url()).content.decode()


def add_discussion(article, count):
    """`count` comments in threads three deep, by different readers, some with display names; one pending, one
    removed with a reply, so that every kind of entry is drawn."""
    from accounts.models import Profile
    from comments.models import Comment

    users = get_user_model().objects.bulk_create(get_user_model()(username=f"discussant{n}") for n in range(count))
    parents = [None, None, None]
    for n, user in enumerate(users):
        if n % 3 == 0:
            Profile.objects.create(user=user, display_name=f"Reader {n}")
        status = Comment.Status.PENDING if n == 1 else Comment.Status.REMOVED if n == 2 else Comment.Status.APPROVED
        parent = parents[n % 3]
        comment = make_comment(article=article, user=user, parent=parent, status=status, body=f"Comment {n}.")
        parents[n % 3] = comment if comment.status != Comment.Status.PENDING else parent


@pytest.mark.parametrize(
    ("comments", "discussion_queries"),
    [(0, 0), (30, ONE_PAGE_DISCUSSION), (200, PAGED_DISCUSSION), (500, PAGED_DISCUSSION)],
)
def test_article_page_stays_within_budget_with_0_to_500_comments(
    client, django_assert_num_queries, comments, discussion_queries
):
    article = make_full_article(3, 2)
    add_discussion(article, comments)
    client.get(article.get_absolute_url())
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES + discussion_queries):
        assert client.get(article.get_absolute_url()).status_code == 200
    assert ARTICLE_PAGE_QUERIES + discussion_queries <= ARTICLE_PAGE_BUDGET


@pytest.mark.parametrize("comments", [0, 200, 500])
def test_logged_in_article_page_costs_the_same_with_0_or_500_comments(
    client, django_assert_num_queries, reader, comments
):
    article = make_full_article(3, 2)
    add_discussion(article, comments)
    make_comment(article=article, user=reader, status="pending")  # the reader's own, awaiting moderation
    client.force_login(reader)
    client.get(article.get_absolute_url())
    # The session, the user, then those of the anonymous page with a paged discussion (the reader's own pending
    # comment may make a thread of its own).
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES + PAGED_DISCUSSION + LOGGED_IN_EXTRA):
        assert client.get(article.get_absolute_url()).status_code == 200
