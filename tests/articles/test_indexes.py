"""Every list query has an index that PostgreSQL uses for it (the benchmark shows the same plans at 100,000 articles).

A test database is tiny, and on a tiny table a sequential scan is cheaper, so the planner is told to avoid one; what
these tests prove is that a matching index exists and fits the query's filter and order, with no sort step.
"""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles import views
from articles.forms import SearchForm
from articles.models import Article, ArticleAuthor
from tests.factories import make_author, make_category

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans are PostgreSQL's"),
]


@pytest.fixture(autouse=True)
def _index_paths_only(db):
    """Rule out the plans a tiny table makes cheap (a scan of everything, a bitmap then a sort). What is left must
    come from an index that matches both the filter and the order, or show up as a Sort or a Seq Scan."""
    with connection.cursor() as cursor:
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            cursor.execute(f"SET LOCAL {setting} = off")


@pytest.fixture
def news(db):
    """An archive big enough for the planner's choices to be the ones it makes at scale: 2,000 articles, of which
    one in a hundred is featured, one in seven is in the "news" section, and twenty each have the author, the tag and
    the search word."""
    category, other = make_category(slug="news"), make_category(slug="other")
    author = make_author(slug="desk")
    now = timezone.now()
    articles = Article.objects.bulk_create(
        Article(
            headline=f"Harbour story {n}" if n % 100 == 0 else f"Story {n}",
            slug=f"story-{n}",
            standfirst="A standfirst.",
            body="Some words in the body.",
            body_html="<p>Some words in the body.</p>",
            category=category if n % 7 == 0 else other,  # a section with a seventh of the archive
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=n),
            featured=n % 100 == 1,
        )
        for n in range(2000)
    )
    ArticleAuthor.objects.bulk_create(ArticleAuthor(article=a, author=author) for a in articles[::100])
    tag = Tag.objects.create(name="harbour", slug="harbour")
    article_type = ContentType.objects.get_for_model(Article)
    TaggedItem.objects.bulk_create(
        TaggedItem(tag=tag, content_type=article_type, object_id=a.pk) for a in articles[::100]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        # Earlier tests' rolled-back inserts leave entries in the GIN pending list, which autovacuum flushes in
        # production; left there, they make the index look costly and the plan depend on test order.
        cursor.execute("SELECT gin_clean_pending_list('article_search_idx'::regclass)")
    return category


def view_queryset(view_class, path="/", **kwargs):
    view = view_class()
    view.setup(RequestFactory().get(path), **kwargs)
    if isinstance(view, views.SearchView):
        view.form = SearchForm(view.request.GET)
    return view.get_queryset()


def plan(queryset):
    return queryset.explain()


def assert_read_in_order(text):
    """Rows come out of the index already newest first: no sort step over the matches."""
    assert "Sort" not in text, text


def test_home_and_feed_read_the_newest_published_from_the_status_index(news):
    text = plan(Article.objects.published().for_listing()[:12])
    assert "article_pub_idx" in text
    assert_read_in_order(text)


def test_the_lead_story_comes_from_the_featured_index(news):
    text = plan(Article.objects.published().for_listing().filter(featured=True)[:1])
    assert "article_featured_pub_idx" in text
    assert_read_in_order(text)


def test_category_pages_use_the_category_index(news):
    text = plan(view_queryset(views.CategoryView, slug="news")[:12])
    assert "article_category_pub_idx" in text
    assert_read_in_order(text)


def test_a_deep_category_page_reads_its_ids_from_the_index_alone(news):
    ids = view_queryset(views.CategoryView, slug="news").values_list("pk", flat=True)[240:252]
    text = plan(ids)
    assert "Index Only Scan using article_category_pub_idx" in text
    assert_read_in_order(text)


def test_the_category_count_is_an_index_lookup(news):
    text = plan(view_queryset(views.CategoryView, slug="news").order_by().values("pk"))
    assert "Seq Scan" not in text
    assert "Index Cond: (category_id =" in text


def test_author_pages_find_the_authors_articles_by_index(news):
    text = plan(view_queryset(views.AuthorView, slug="desk")[:12])
    assert "Seq Scan" not in text
    assert "Index Scan using articles_articleauthor" in text or "on articles_articleauthor" in text


def test_tag_pages_find_the_tagged_articles_by_index(news):
    text = plan(view_queryset(views.TagView, slug="harbour")[:12])
    assert "Seq Scan" not in text
    assert "taggit_taggeditem" in text


def test_search_uses_the_full_text_gin_index(news):
    with connection.cursor() as cursor:  # GIN is read through a bitmap, and results are sorted by rank
        cursor.execute("SET LOCAL enable_bitmapscan = on")
        cursor.execute("SET LOCAL enable_sort = on")
        cursor.execute("SET LOCAL enable_indexscan = off")  # else a walk of the newest-first index can look cheaper
    text = plan(view_queryset(views.SearchView, "/search/?q=harbour")[:12])
    assert "article_search_idx" in text
