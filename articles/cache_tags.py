"""Which page-cache tags (articles/caching.py) a write to articles changes."""

from django.contrib.contenttypes.models import ContentType
from taggit.models import TaggedItem

from articles.models import Article, ArticleAuthor

# Every list, feed and index a published article is on, whatever its section, bylines and tags.
LISTS = ("home", "feeds", "sitemap", "search")


def tag_ids_by_article(article_ids) -> dict[int, list[int]]:
    found = {}
    rows = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Article), object_id__in=list(article_ids)
    ).values_list("object_id", "tag_id")
    for article_id, tag_id in rows:
        found.setdefault(article_id, []).append(tag_id)
    return found


def listed_article(article_id: int) -> set[str]:
    """An article's page and every list it is on (by its section, bylines and tags as stored now)."""
    return listed_articles([article_id])


def listed_articles(article_ids) -> set[str]:
    """The same for several articles: ids, or a queryset of articles."""
    article_ids = list(article_ids.values_list("pk", flat=True) if hasattr(article_ids, "values_list") else article_ids)
    if not article_ids:
        return set()
    tags = {*LISTS, *(f"article:{pk}" for pk in article_ids)}
    sections = Article.objects.filter(pk__in=article_ids).values_list("category_id", flat=True).distinct()
    tags.update(f"section:{pk}" for pk in sections)
    authors = ArticleAuthor.objects.filter(article_id__in=article_ids).values_list("author_id", flat=True).distinct()
    tags.update(f"author:{pk}" for pk in authors)
    for tag_ids in tag_ids_by_article(article_ids).values():
        tags.update(f"tag:{pk}" for pk in tag_ids)
    return tags


def article_pages(article_ids) -> set[str]:
    return {f"article:{pk}" for pk in article_ids}
