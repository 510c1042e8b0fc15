"""The sitemap, from published() like every public list. Its addresses are absolute from settings.SITE_URL, never
from the request's Host header, which any client sets and which a copy in the page cache would pass on to everyone."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.urls import reverse

from articles.caching import tag_page
from articles.models import Article, Category


class SiteSitemap(Sitemap):
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "published_at", "revised_at").order_by("-published_at", "-id")

    def lastmod(self, item):
        return item.modified_at  # the editorial change date, like the page's "Updated"


class CategorySitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self):
        return Category.objects.all()


class PageSitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self):
        return ["articles:home", "articles:trending"]

    def location(self, item):
        return reverse(item)


sitemaps = {"articles": ArticleSitemap, "categories": CategorySitemap, "pages": PageSitemap}


def sitemap(request):
    """contrib.sitemaps' view, tagged for the page cache."""
    tag_page(request, "sitemap")
    return sitemap_views.sitemap(request, sitemaps=sitemaps)
