"""The article page's hand-written queries (newsblog/sql.py): prepared once per connection on PostgreSQL, and the
rows loaded into models exactly as the ORM would load them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import article_page
from articles.models import Article
from comments.models import Comment
from newsblog import sql
from tests.factories import make_comment

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_placeholders_are_numbered_for_prepare():
    assert sql._numbered("SELECT a FROM t WHERE b = %s AND c IN (%s, %s)") == (
        "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)"
    )


def test_the_article_loads_as_the_orm_loads_it(article):
    make_comment(article=article, body="First!")
    loaded = article_page.published_article(article.slug, viewer=AnonymousUser())
    expected = Article.objects.select_related("category").get(pk=article.pk)
    for field in Article._meta.concrete_fields:
        if field.name != "body":
            assert getattr(loaded, field.attname) == getattr(expected, field.attname), field.name
    assert loaded.category == expected.category and loaded.category.name == expected.category.name
    assert loaded.published_at.tzinfo is not None  # SQLite hands back text; the loader converts it as the ORM does
    assert isinstance(loaded.photo_renditions, dict)
    assert not loaded._state.adding and "body" in loaded.get_deferred_fields()

    [comment] = Comment.objects.for_discussion(article=loaded, viewer=AnonymousUser())
    stored = Comment.objects.get()
    assert (comment.pk, comment.body, comment.created_at, comment.status) == (
        stored.pk,
        stored.body,
        stored.created_at,
        stored.status,
    )
    assert comment.author_name == stored.user.username


def test_loaded_comments_are_what_the_orm_builds(article):
    """Comments (no init signal receivers) skip Model.__init__; the instances must be the ORM's all the same."""
    parent = make_comment(article=article, body="Parent")
    make_comment(article=article, parent=parent, body="Child")
    loader = sql.RowLoader(Comment, ["id", "article_id", "user_id", "parent_id", "body", "created_at"])
    columns = ", ".join(connection.ops.quote_name(field.column) for field in loader.fields)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM comments_comment ORDER BY id")  # noqa: S608  names from the model
        loaded = loader.load_all(cursor.fetchall())
    expected = list(Comment.objects.only(*loader.attnames).order_by("id"))
    for ours, orm in zip(loaded, expected, strict=True):
        assert type(ours) is Comment
        assert {k: v for k, v in vars(ours).items() if k != "_state"} == {
            k: v for k, v in vars(orm).items() if k != "_state"
        }
        assert (ours._state.adding, ours._state.db) == (orm._state.adding, orm._state.db) == (False, "default")
        assert (
            ours.get_deferred_fields()
            == orm.get_deferred_fields()
            == {"body_html", "status", "moderation_note", "edited_at", "ip_address"}
        )
    child = loaded[1]
    assert child.parent == parent and child.parent.body == "Parent"  # relations and deferred fields load on access
    assert child.status == Comment.Status.APPROVED
    child.body = "Child, edited"
    child.save(update_fields=["body"])
    assert Comment.objects.get(pk=child.pk).body == "Child, edited"


@postgresql_only
@pytest.mark.django_db(transaction=True)  # closing the connection needs to be outside a test transaction
def test_article_page_runs_prepared_statements_and_survives_a_new_connection(client, article):
    url = article.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    executed = [query["sql"] for query in first.captured_queries]
    assert sum(text.startswith("EXECUTE newsblog_") for text in executed) == 1, executed

    # A new server connection has none of them: they are prepared again rather than failing.
    connection.close()
    response = client.get(url)
    assert response.status_code == 200
    assert article.headline in response.text


@postgresql_only
def test_prepared_statements_can_be_turned_off_for_a_pooler(client, article, settings):
    settings.DB_PREPARED_STATEMENTS = False
    with CaptureQueriesContext(connection) as captured:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert not any(query["sql"].startswith(("EXECUTE", "PREPARE")) for query in captured.captured_queries)


def test_the_article_query_brings_the_same_extras_as_their_own_query(article):
    from articles.models import Author

    second = Author.objects.create(name="Second Writer", slug="second-writer")
    article.authors.add(second, through_defaults={"position": 2})
    article.tags.add("zebra crossings", "apples")
    article.corrections.create(text="The first correction.")
    article.corrections.create(text="The second correction.")
    loaded = article_page.published_article(article.slug, viewer=AnonymousUser())
    with_the_article = article_page.extras(loaded)
    on_its_own = article_page.extras(Article.objects.get(pk=article.pk))  # as for a staff preview
    assert with_the_article == on_its_own
    assert [byline.name for byline in on_its_own.bylines][-1] == "Second Writer"
    assert [tag.name for tag in on_its_own.tags] == sorted(tag.name for tag in on_its_own.tags)
    assert [note.text for note in on_its_own.corrections] == ["The second correction.", "The first correction."]


def test_the_article_query_brings_the_same_discussion_as_its_own_query(article):
    from tests.factories import make_user

    reader = make_user()
    first = make_comment(article=article, body="First & <b>bold</b>")
    removed = make_comment(article=article, status=Comment.Status.REMOVED)
    make_comment(article=article, parent=removed, body="A reply to a removed comment")
    make_comment(article=article, parent=first, user=reader, status=Comment.Status.PENDING, body="Mine, pending")
    make_comment(article=article, status=Comment.Status.PENDING, body="Someone else's, pending")
    for viewer in (AnonymousUser(), reader):
        loaded = article_page.published_article(article.slug, viewer=viewer)
        _viewer_id, with_the_article = loaded.__dict__["page_discussion"]
        on_its_own = Comment.objects.for_discussion(article=loaded, viewer=viewer)

        def shown(comments):
            return [
                (c.pk, c.parent_id, c.user_id, c.body, c.body_html, c.status, c.created_at, c.edited_at, c.author_name)
                for c in comments
            ]

        assert shown(with_the_article) == shown(on_its_own)
    assert "Mine, pending" in [c.body for c in with_the_article]  # the reader's own, awaiting moderation
