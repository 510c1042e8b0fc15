"""RSS and Atom feeds, all built from Article.objects.published()."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from articles.models import Article, Author, Category

FEED_SIZE = 20
# XML 1.0 forbids most control characters; an editor pasting one must not break every subscriber's feed.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _XML_INVALID.sub("", text)


class LatestArticlesFeed(Feed):
    description_template = None

    def title(self):
        return f"{settings.SITE_NAME}: latest news"

    def link(self):
        return "/"

    def description(self):
        return f"The latest stories from {settings.SITE_NAME}."

    def articles(self, obj):
        return Article.objects.published().for_listing()

    def items(self, obj=None):
        return self.articles(obj).prefetch_related("corrections")[:FEED_SIZE]

    def item_title(self, item):
        return xml_safe(item.headline)

    def item_description(self, item):
        return xml_safe(item.standfirst)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max([item.updated_at, *(c.created_at for c in item.corrections.all())])

    def item_categories(self, item):
        return [xml_safe(item.category.name)]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj):
        return xml_safe(f"{settings.SITE_NAME}: {obj.name}")

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return xml_safe(obj.description or f"The latest {obj.name} stories.")

    def articles(self, obj):
        return super().articles(obj).filter(category=obj)


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed
    subtitle = CategoryFeed.description


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, obj):
        return xml_safe(f"{settings.SITE_NAME}: stories by {obj.name}")

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return xml_safe(f"The latest stories by {obj.name}.")

    def articles(self, obj):
        return super().articles(obj).filter(authors=obj)


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed
    subtitle = AuthorFeed.description
