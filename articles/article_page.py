"""What a public article page loads: the article with its category and lead photo, then its bylines, tags and
corrections.

Fetched the usual way (a filtered get with select_related, two prefetches and a tag query), these cost about 4 ms of
Python per page for well under 0.2 ms of database work. Two hand-written queries, built once per process from the
models' metadata, run unchanged on SQLite and PostgreSQL (prepared once per connection there: newsblog/sql.py).
"""

from datetime import UTC, datetime
from functools import cache
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from taggit.models import Tag, TaggedItem

from articles.models import Article, ArticleAuthor, Author, Category, Correction, Photo
from comments.models import discussion_from_json, discussion_json_sql, discussion_params
from newsblog import sql
from newsblog.reversing import cached_reverse
from newsblog.sql import RowLoader

BYLINE, TAG, CORRECTION = 1, 2, 3


class Byline(NamedTuple):
    name: str
    url: str


class TagLink(NamedTuple):
    name: str
    slug: str
    url: str


class CorrectionNote(NamedTuple):
    text: str
    created_at: datetime


class Extras(NamedTuple):
    bylines: list[Byline]  # in byline order
    tags: list[TagLink]  # by name
    corrections: list[CorrectionNote]  # newest first


ARTICLE = RowLoader(Article, [field.attname for field in Article._meta.concrete_fields if field.name != "body"])
CATEGORY = RowLoader(Category, [field.attname for field in Category._meta.concrete_fields])
PHOTO = RowLoader(Photo, [field.attname for field in Photo._meta.concrete_fields])


@cache
def _article_sql(vendor: str) -> str:
    """Every column of the article but its Markdown source, then its category's and lead photo's columns (NULL when it
    has none), then as JSON its bylines,
    tags and corrections, and its discussion: one round trip for the whole page. (`vendor` keys the cache: the JSON
    is spelled differently on each database.)"""

    def table(model):
        return connection.ops.quote_name(model._meta.db_table)

    quote = connection.ops.quote_name
    columns = [f"a.{quote(field.column)}" for field in ARTICLE.fields]
    columns += [f"c.{quote(field.column)}" for field in CATEGORY.fields]
    columns += [f"p.{quote(field.column)}" for field in PHOTO.fields]
    columns.append(sql.json_rows(["j.kind", "j.name", "j.slug", "j.pos", "j.tie", "j.at"], _extras_sql("a.id")))
    columns.append(discussion_json_sql())
    # Only names from the models go into the text; every value is a query parameter.
    return (
        f"SELECT {', '.join(columns)} FROM {table(Article)} a "  # noqa: S608
        f"INNER JOIN {table(Category)} c ON c.id = a.category_id "
        f"LEFT OUTER JOIN {table(Photo)} p ON p.id = a.photo_id "
        "WHERE a.slug = %s AND a.status = %s AND a.published_at <= %s"
    )


def published_article(slug: str, *, viewer) -> Article | None:
    """The published article at `slug` with its category and photo attached, or None: what Article.objects
    .published().select_related("category", "photo").defer("body").get(slug=slug) returns, at a fraction of the CPU.
    In the same round trip come the rows extras() and the discussion as `viewer` sees it (comments.discussion.load())
    would fetch."""
    content_type = ContentType.objects.get_for_model(Article)  # cached by Django after the first call
    params = [content_type.pk, *discussion_params(viewer), slug, Article.Status.PUBLISHED.value, timezone.now()]
    rows = sql.fetch("newsblog_article_page", _article_sql(connection.vendor), params)
    if not rows:
        return None
    row = rows[0]
    split = len(ARTICLE.attnames)
    photo_split = split + len(CATEGORY.attnames)
    article = ARTICLE.load(row[:split])
    article.category = CATEGORY.load(row[split:photo_split])
    article.photo = PHOTO.load(row[photo_split:-2]) if article.photo_id is not None else None
    article.__dict__["page_extras"] = _extras(sorted(sql.from_json(row[-2]), key=_extras_order))
    article.__dict__["page_discussion"] = (viewer.pk, discussion_from_json(row[-1]))
    return article


def _extras_order(row):
    # Each kind in its models' own ordering: bylines by position, tags by name, corrections newest first.
    kind, name, _slug, position, tie, at = row
    newest_first = -_aware(at).timestamp() if at else 0
    return (kind, position, tie, newest_first, name)


@cache
def _sql() -> str:
    return f"{_extras_sql('%s')} ORDER BY kind, pos, tie, at DESC, name"


def _extras_sql(article_id: str) -> str:
    """The article's corrections, bylines and tags as rows of one shape, for the article `article_id` (a column or
    a placeholder); the content type is the first parameter."""

    def table(model):
        return connection.ops.quote_name(model._meta.db_table)

    # Columns: kind, name, slug, position, tie-break, time. Corrections come first so that PostgreSQL takes the type
    # of the time column from them rather than from a NULL. Only names from the models go into the text.
    return (
        f"SELECT {CORRECTION} AS kind, c.text AS name, NULL AS slug, 0 AS pos, 0 AS tie, c.created_at AS at "  # noqa: S608
        f"FROM {table(Correction)} c WHERE c.article_id = {article_id} "
        f"UNION ALL SELECT {BYLINE}, au.name, au.slug, aa.position, aa.id, NULL "
        f"FROM {table(ArticleAuthor)} aa INNER JOIN {table(Author)} au ON au.id = aa.author_id "
        f"WHERE aa.article_id = {article_id} "
        f"UNION ALL SELECT {TAG}, t.name, t.slug, 0, 0, NULL "
        f"FROM {table(TaggedItem)} ti INNER JOIN {table(Tag)} t ON t.id = ti.tag_id "
        f"WHERE ti.content_type_id = %s AND ti.object_id = {article_id}"
    )


def _aware(value) -> datetime:
    # SQLite hands back text for a column of a UNION; PostgreSQL an aware datetime.
    if isinstance(value, str):
        value = parse_datetime(value)
    return timezone.make_aware(value, UTC) if timezone.is_naive(value) else value


def extras(article: Article) -> Extras:
    """The article's bylines, tags and corrections: loaded already by published_article(), else fetched."""
    found = article.__dict__.get("page_extras")
    if found is not None:
        return found
    content_type = ContentType.objects.get_for_model(Article)  # cached by Django after the first call
    article_id = article.pk
    rows = sql.fetch("newsblog_article_extras", _sql(), [article_id, article_id, content_type.pk, article_id])
    return _extras(rows)


def _extras(rows) -> Extras:
    found = Extras([], [], [])
    for kind, name, slug, _position, _tie, at in rows:
        if kind == BYLINE:
            found.bylines.append(Byline(name, cached_reverse("articles:author", slug=slug)))
        elif kind == TAG:
            found.tags.append(TagLink(name, slug, cached_reverse("articles:tag", slug=slug)))
        else:
            found.corrections.append(CorrectionNote(name, _aware(at)))
    return found
