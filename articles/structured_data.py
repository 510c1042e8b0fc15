"""schema.org NewsArticle for an article page, built from what the page already loaded."""

from django.conf import settings


def absolute(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else f"{settings.SITE_URL}{path}"


def news_article(article, *, url: str, modified, bylines, tags) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.headline,
        "description": article.standfirst,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": modified.isoformat(),
        "articleSection": article.category.name,
        "keywords": [tag.name for tag in tags],
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())} for author in bylines
        ],
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": settings.SITE_URL},
    }
    if article.photo:
        data["image"] = {
            "@type": "ImageObject",
            "url": absolute(article.photo.url),
            "caption": article.photo_caption,
            "creditText": article.photo_credit,
            "width": article.photo_width,
            "height": article.photo_height,
        }
    return data
