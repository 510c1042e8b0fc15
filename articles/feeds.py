"""RSS and Atom feeds, all built from Article.objects.published().

Every link in a feed is absolute from settings.SITE_URL. Django would prefix the request's Host header, which any
client sets (an allowed name with another port passes ALLOWED_HOSTS), and a feed is shared from the page cache.
"""

import re
from datetime import datetime
from typing import NamedTuple

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import http_date

from articles.caching import tag_page, version_of
from articles.models import Article, Author, Category

FEED_SIZE = 20
ITEMS_CACHE_SECONDS = 60 * 60
# XML 1.0 forbids most control characters; an editor pasting one must not break every subscriber's feed.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _XML_INVALID.sub("", text)


class Entry(NamedTuple):
    """What a feed shows of one article."""

    title: str
    description: str
    link: str
    published: datetime
    updated: datetime
    category: str


def entry(article) -> Entry:
    return Entry(
        title=xml_safe(article.headline),
        description=xml_safe(article.standfirst),
        link=article.get_absolute_url(),
        published=article.published_at,
        updated=article.modified_at,  # the editorial change date, like the page's "Updated"
        category=xml_safe(article.category.name),
    )


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


class LatestArticlesFeed(Feed):
    description_template = None
    url_name = "articles:feed"  # the feed's own address, for its self link

    def __call__(self, request, *args, **kwargs):
        """Django's Feed.__call__, but the XML is built as one string: written into the response in some 600
        small pieces, it took twice as long."""
        try:
            obj = self.get_object(request, *args, **kwargs)
        except ObjectDoesNotExist as missing:
            raise Http404("Feed object does not exist.") from missing
        tag_page(request, *self.page_tags(obj))
        feed = self.get_feed(obj, request)
        response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
        response.headers["Last-Modified"] = http_date(feed.latest_post_date().timestamp())
        return response

    def page_tags(self, obj) -> tuple[str, ...]:
        """What the feed shows, for the page cache (articles/caching.py)."""
        return ("feeds",)

    def title(self):
        return f"{settings.SITE_NAME}: latest news"

    def link(self):
        return absolute("/")

    def feed_url(self, obj):
        return absolute(reverse(self.url_name, args=[obj.slug] if obj else []))

    def description(self):
        return f"The latest stories from {settings.SITE_NAME}."

    def articles(self, obj):
        # Not for_listing(): a feed shows no comment counts.
        return Article.objects.published().select_related("category").defer("body", "body_html")

    def items(self, obj=None):
        # The same for every subscriber until the next change, and subscribers poll: the entries are worked out
        # (links reversed, corrections read) once per change of what the feed shows, not on every poll.
        key = f"articles:feed:{version_of(None, *self.page_tags(obj))}:{type(self).__name__}:{obj.pk if obj else ''}"
        entries = cache.get(key)
        if entries is None:
            entries = [entry(a) for a in self.articles(obj).prefetch_related("corrections")[:FEED_SIZE]]
            cache.set(key, entries, ITEMS_CACHE_SECONDS)
        return entries

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return absolute(item.link)

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return [item.category]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    url_name = "articles:atom"
    subtitle = LatestArticlesFeed.description


class CategoryFeed(LatestArticlesFeed):
    url_name = "articles:category_feed"

    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def page_tags(self, obj):
        return ("feeds", f"section:{obj.pk}")

    def title(self, obj):
        return xml_safe(f"{settings.SITE_NAME}: {obj.name}")

    def link(self, obj):
        return absolute(obj.get_absolute_url())

    def description(self, obj):
        return xml_safe(obj.description or f"The latest {obj.name} stories.")

    def articles(self, obj):
        return super().articles(obj).filter(category=obj)


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed
    url_name = "articles:category_atom"
    subtitle = CategoryFeed.description


class AuthorFeed(LatestArticlesFeed):
    url_name = "articles:author_feed"

    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def page_tags(self, obj):
        return ("feeds", f"author:{obj.pk}")

    def title(self, obj):
        return xml_safe(f"{settings.SITE_NAME}: stories by {obj.name}")

    def link(self, obj):
        return absolute(obj.get_absolute_url())

    def description(self, obj):
        return xml_safe(f"The latest stories by {obj.name}.")

    def articles(self, obj):
        return super().articles(obj).filter(authors=obj)


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed
    url_name = "articles:author_atom"
    subtitle = AuthorFeed.description
