"""Form data for the article admin, as a browser posts it, so that a test can change or forge exactly one field."""

from django.utils import timezone

from articles import revisions
from articles.models import Article


def inline_management(prefix: str, total: int = 0, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def byline_rows(article: Article) -> dict:
    """The byline inline as the change form shows it: one row per byline the article has."""
    links = list(article.article_authors.order_by("position", "id"))
    data = inline_management("article_authors", total=len(links), initial=len(links))
    for n, link in enumerate(links):
        data |= {
            f"article_authors-{n}-id": str(link.pk),
            f"article_authors-{n}-article": str(article.pk),
            f"article_authors-{n}-author": str(link.author_id),
            f"article_authors-{n}-position": str(link.position),
        }
    return data


def article_post(*, category=None, article: Article | None = None, **overrides) -> dict:
    """The fields of the article change form: a new draft in `category`, or `article` as it stands."""
    if article is not None:
        local = timezone.localtime(article.published_at) if article.published_at else None
        data = {
            "headline": article.headline,
            "slug": article.slug,
            "standfirst": article.standfirst,
            "body": article.body,
            "category": str(article.category_id),
            "tags": [str(tag.pk) for tag in article.tags.all()],
            "photo": str(article.photo_id or ""),
            "photo_alt_override": article.photo_alt_override,
            "photo_caption_override": article.photo_caption_override,
            "new_photo_credit": "",
            "status": article.status,
            "published_at_0": local.strftime("%Y-%m-%d") if local else "",
            "published_at_1": local.strftime("%H:%M:%S") if local else "",
            "opened_revision": str(revisions.latest_id(article)),  # as if the form had just been opened
        }
        if article.featured:
            data["featured"] = "on"
        if article.comments_open:
            data["comments_open"] = "on"
    else:
        data = {
            "headline": "Council approves the new tram line",
            "slug": "council-approves-tram-line",
            "standfirst": "The line will link the harbour with the university by 2029.",
            "body": "The council voted 31 to 12 on Tuesday.\n\nWork starts in the spring.",
            "category": str(category.pk),
            "photo": "",
            "photo_alt_override": "",
            "photo_caption_override": "",
            "new_photo_credit": "",
            "status": Article.Status.DRAFT,
            "published_at_0": "",
            "published_at_1": "",
            "comments_open": "on",
        }
    data["new_tags"] = ""
    data |= inline_management("corrections")
    data |= byline_rows(article) if article is not None else inline_management("article_authors")
    data |= overrides
    return {key: value for key, value in data.items() if value is not None}
