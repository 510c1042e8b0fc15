from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Category


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at", "-id")

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Category.objects.all()


class PageSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return ["articles:home", "articles:trending"]

    def location(self, item):
        return reverse(item)


sitemaps = {"articles": ArticleSitemap, "categories": CategorySitemap, "pages": PageSitemap}
