"""Plain factory functions: each makes one valid row, with any field overridable."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, ArticleAuthor, Author, Category, Photo
from comments.models import Comment

_sequence = itertools.count(1)

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"


def as_reader(number: int = 1) -> dict:
    """Request extras for reader `number`'s browser: an address of its own and a browser's User-Agent, as
    #TrendingNews counts one read per client, article and day (articles/reads.py)."""
    return {"REMOTE_ADDR": f"198.51.100.{number}", "HTTP_USER_AGENT": BROWSER}


def make_user(**overrides):
    n = next(_sequence)
    password = overrides.pop("password", "a-long-test-password")
    fields = {"username": f"user{n}", "email": f"user{n}@example.com"} | overrides
    user = get_user_model().objects.create_user(password=password, **fields)
    return user


def make_staff_user(*, group, **overrides):
    """A staff login in one of the newsroom's groups, "Editors" or "Authors" (made by the roles migration)."""
    user = make_user(is_staff=True, **overrides)
    user.groups.add(Group.objects.get(name=group))
    return user


def make_category(**overrides):
    n = next(_sequence)
    fields = {"name": f"Category {n}", "slug": f"category-{n}", "nav_position": n} | overrides
    return Category.objects.create(**fields)


def make_author(**overrides):
    n = next(_sequence)
    fields = {"name": f"Author {n}", "slug": f"author-{n}", "bio": "Writes about things."} | overrides
    return Author.objects.create(**fields)


def make_image_file(name="photo.jpg", size=(120, 80), color=(200, 60, 40), image_format="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def make_photo(*, file=None, **overrides):
    """A library photo whose file is stored as given, without renditions (services.create_photo makes those)."""
    fields = {"alt": "A test photo", "caption": "", "credit": ""} | overrides
    return Photo.objects.create(file=file or make_image_file(), **fields)


def _lead_photo(fields: dict):
    """make_article's photo arguments: `photo` an upload (a new library photo with photo_alt, photo_caption and
    photo_credit as its own words) or a Photo (then photo_alt and photo_caption are this story's overrides)."""
    photo = fields.pop("photo", None)
    words = {key: fields.pop(f"photo_{key}") for key in ("alt", "caption", "credit") if f"photo_{key}" in fields}
    if photo is not None and not isinstance(photo, Photo):
        return make_photo(file=photo, **{"alt": "", **words})
    fields["photo_alt_override"] = words.get("alt", "")
    fields["photo_caption_override"] = words.get("caption", "")
    return photo


def make_article(*, authors=None, tags=(), **overrides):
    n = next(_sequence)
    fields = {
        "headline": f"Headline number {n}",
        "slug": f"headline-number-{n}",
        "standfirst": f"The standfirst of article {n}.",
        "body": f"First paragraph of article {n}.\n\nSecond paragraph.",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(hours=n),
    } | overrides
    if "category" not in fields:
        fields["category"] = make_category()
    fields["photo"] = _lead_photo(fields)
    article = Article.objects.create(**fields)
    for position, author in enumerate(authors if authors is not None else [make_author()]):
        ArticleAuthor.objects.create(article=article, author=author, position=position)
    if tags:
        article.tags.set(list(tags))
    return article


def make_comment(*, article=None, user=None, **overrides):
    """An approved comment (readers see it at once) unless `status` says otherwise."""
    n = next(_sequence)
    fields = {"body": f"Comment number {n}.", "status": Comment.Status.APPROVED} | overrides
    return Comment.objects.create(
        article=article if article is not None else make_article(),
        user=user if user is not None else make_user(),
        **fields,
    )
