import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from articles import page_parts
from articles.markdown import photo_ids, render_markdown

WORDS_READ_PER_MINUTE = 230


class Category(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.CharField(
        max_length=300, blank=True, help_text="One or two sentences shown on the category page."
    )
    nav_position = models.PositiveSmallIntegerField(
        default=100, help_text="Order in the top navigation: lower numbers come first."
    )

    class Meta:
        ordering = ["nav_position", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:category", args=[self.slug])


class Author(models.Model):
    name = models.CharField(max_length=100, help_text="The name printed in bylines.")
    slug = models.SlugField(max_length=100, unique=True)
    bio = models.TextField(blank=True, max_length=1000)
    portrait = models.ImageField(upload_to="authors/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The login account of this author, if they write in the admin themselves.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author", args=[self.slug])


def credit_line(caption: str, credit: str) -> str:
    """'Caption text. (AA Photo)': a caption as pages print it, the credit in parentheses after it."""
    credit = f"({credit})" if credit else ""
    return " ".join(part for part in (caption.strip(), credit) if part)


def focal_coordinate(value):
    if not 0 <= value <= 1:
        raise ValidationError("Give a number from 0 (left or top edge) to 1 (right or bottom edge).")


class Photo(models.Model):
    """A photo in the library: the file, the resized copies made of it at upload, and the words that go with it.

    Articles point at it (Article.photo, and in-body figures), so one picture is uploaded once and used many times;
    a photo in use cannot be deleted.
    """

    file = models.ImageField(upload_to="photos/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    crops = models.JSONField(
        default=dict, blank=True, editable=False, help_text="Renditions cropped around the focal point, by shape."
    )
    alt = models.CharField(
        "alt text",
        max_length=250,
        help_text="What the photo shows, for readers who cannot see it. A story may use its own instead.",
    )
    caption = models.CharField(
        max_length=400, blank=True, help_text="Who and what is pictured, where and when. The credit is added after it."
    )
    credit = models.CharField(
        max_length=100, blank=True, help_text='Shown in parentheses after the caption, e.g. "AA Photo".'
    )
    tags = TaggableManager(blank=True, help_text="Words to find the photo by in the library, separated by commas.")
    focal_x = models.FloatField(
        "focal point across",
        default=0.5,
        validators=[focal_coordinate],
        help_text="0 is the left edge, 1 the right. Cropped copies keep this point in the picture.",
    )
    focal_y = models.FloatField(
        "focal point down",
        default=0.5,
        validators=[focal_coordinate],
        help_text="0 is the top edge, 1 the bottom.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["-uploaded_at", "-id"], name="photo_uploaded_idx")]

    def __str__(self):
        return self.caption or self.alt or self.file.name.rsplit("/", 1)[-1]

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def credit_line(self) -> str:
        return credit_line(self.caption, self.credit)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, and not scheduled for later."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published, but waiting for a publication time still ahead; the page cache watches these times."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def for_listing(self):
        """The shape every article card needs: its category, lead photo and comment count in the same query, the long
        text left out."""
        return self.select_related("category", "photo").defer("body", "body_html").with_comment_count()

    def with_comment_count(self):
        """`comment_count`: the visible comments of each article (articles.page_parts), in the same query."""
        return self.annotate(comment_count=page_parts.discussion().count_per_article())

    def editable_by(self, user):
        """What a staff user works on in the admin and may preview: every article for editors; for authors, the ones
        they created or are credited on through their Author profile."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("articles.change_any_article"):
            return self.all()
        credited = ArticleAuthor.objects.filter(author__user=user.pk).values("article_id")
        return self.filter(models.Q(created_by=user.pk) | models.Q(pk__in=credited))

    def with_bylines(self):
        return self.prefetch_related(
            Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author").order_by("position"))
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The article's address; changing it breaks old links."
    )
    standfirst = models.CharField(
        max_length=400, help_text="One or two sentences under the headline, also used in lists and share previews."
    )
    body = models.TextField(
        help_text=(
            "Markdown. Raw HTML is stripped down to a safe set of tags when saved. To place a photo from the library, "
            "write [photo 123] on a line of its own, with the photo's number from the library."
        )
    )
    body_html = models.TextField(editable=False, blank=True)
    reading_time = models.PositiveSmallIntegerField(editable=False, default=1, help_text="Minutes, computed on save.")

    photo = models.ForeignKey(
        "Photo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="The lead photo, from the photo library. Type to search by caption, credit or tag.",
    )
    photo_alt_override = models.CharField(
        "alt text for this story",
        max_length=250,
        blank=True,
        help_text="Leave empty to use the photo's own alt text. What the photo shows, for readers who cannot see it.",
    )
    photo_caption_override = models.CharField(
        "caption for this story",
        max_length=400,
        blank=True,
        help_text="Leave empty to use the photo's own caption. The photo's credit is always added after it.",
    )

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="articles")
    authors = models.ManyToManyField(Author, through="ArticleAuthor", related_name="articles")
    tags = TaggableManager(blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Publication time. A published article with a future time appears by itself then.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, help_text="Any change to the row, bookkeeping included.")
    revised_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="The last editorial change readers could see (text, photo, a correction): the page's “Updated”.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    featured = models.BooleanField(default=False, help_text="Featured articles lead the home page.")
    comments_open = models.BooleanField(default=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [
            ("publish_article", "Can publish, schedule, unpublish and feature articles"),
            ("change_any_article", "Can edit articles by any author"),
        ]
        # Each list filters on the leading columns and reads rows in (published_at, id) order straight from the
        # index; with id in it, a deep page's ids come from the index alone (articles/pagination.py). On PostgreSQL
        # a search_document column and its GIN index live outside the model (migration 0004).
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_pub_idx"),
            models.Index(fields=["category", "status", "-published_at", "-id"], name="article_category_pub_idx"),
            models.Index(fields=["featured", "status", "-published_at", "-id"], name="article_featured_pub_idx"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body, photos=Photo.objects.in_bulk)
        self.reading_time = max(1, math.ceil(len(self.body.split()) / WORDS_READ_PER_MINUTE))
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "reading_time"}
        adding = self._state.adding
        super().save(*args, **kwargs)
        if update_fields is None or "body" in update_fields:
            self._link_body_photos(adding=adding)

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.slug])

    def clean(self):
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt_override": "Describe the photo for readers who cannot see it."})
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    def _link_body_photos(self, *, adding: bool):
        """Record which library photos the body shows: they cannot be deleted while it does, and a change to one
        renders this body again (articles/signals.py)."""
        ids = set(photo_ids(self.body))
        links = BodyPhoto.objects.filter(article=self)
        if not ids:
            if not adding:
                links.delete()
            return
        links.exclude(photo_id__in=ids).delete()
        existing = Photo.objects.filter(pk__in=ids).values_list("pk", flat=True)
        BodyPhoto.objects.bulk_create([BodyPhoto(article=self, photo_id=pk) for pk in existing], ignore_conflicts=True)

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    # The lead photo as this story uses it: alt text and caption may be the story's own, the rest is the library
    # photo's. Lists and pages select_related("photo"), so none of these queries.

    @property
    def modified_at(self):
        """When readers last saw the story change: its publication, or a later editorial change; never earlier than
        publication, and never moved by featuring, status bookkeeping or photo processing."""
        if self.published_at is None:
            return self.revised_at
        return max(self.published_at, self.revised_at or self.published_at)

    @property
    def has_public_changes(self):
        """Whether the page says "Updated · See what changed"."""
        return self.published_at is not None and self.revised_at is not None and self.revised_at > self.published_at

    @property
    def photo_alt(self) -> str:
        return self.photo_alt_override or (self.photo.alt if self.photo else "")

    @property
    def photo_caption(self) -> str:
        return self.photo_caption_override or (self.photo.caption if self.photo else "")

    @property
    def photo_credit(self) -> str:
        return self.photo.credit if self.photo else ""

    @property
    def photo_credit_line(self) -> str:
        """Caption and credit as the page prints them: 'Caption text. (AA Photo)'."""
        return credit_line(self.photo_caption, self.photo_credit)

    @property
    def photo_renditions(self) -> dict:
        return self.photo.renditions if self.photo else {}

    # Cut around the focal point (articles/images.py CROPS); a photo from before crops existed offers its renditions.

    @property
    def photo_card(self) -> dict:
        return self._photo_crop("card")

    @property
    def photo_square(self) -> dict:
        return self._photo_crop("square")

    @property
    def photo_social(self) -> dict:
        return self._photo_crop("social")

    def _photo_crop(self, shape: str) -> dict:
        return (self.photo.crops.get(shape) or self.photo.renditions) if self.photo else {}

    @property
    def photo_width(self) -> int | None:
        return self.photo.width if self.photo else None

    @property
    def photo_height(self) -> int | None:
        return self.photo.height if self.photo else None

    @property
    def bylines(self):
        """Authors in byline order; needs with_bylines() on the queryset to avoid a query per article."""
        return [link.author for link in self.article_authors.all()]


class BodyPhoto(models.Model):
    """A library photo placed in an article's body with a `[photo N]` line."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="body_photo_links")
    photo = models.ForeignKey(Photo, on_delete=models.PROTECT, related_name="body_uses")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "photo"], name="unique_body_photo")]

    def __str__(self):
        return f"Photo {self.photo_id} in the body of “{self.article}”"


class ArticleAuthor(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="article_links")
    position = models.PositiveSmallIntegerField(default=0, help_text="Byline order: lower numbers come first.")

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="unique_article_author")]

    def __str__(self):
        return f"{self.author} on {self.article}"


class Correction(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField(help_text="What was wrong and what is right now. Shown at the end of the article.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Correction to {self.article} on {self.created_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A correction is an editorial change: the article's "Updated" time follows it, however it was added.
        later = models.Q(revised_at__isnull=True) | models.Q(revised_at__lt=self.created_at)
        Article.objects.filter(later, pk=self.article_id).update(revised_at=self.created_at)


class ArticleDailyReads(models.Model):
    """Reads per article per day, for #TrendingNews: one upsert per read instead of a row per read."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_reads")
    day = models.DateField()
    reads = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "day"], name="unique_article_day")]
        indexes = [models.Index(fields=["day"], name="daily_reads_day_idx")]
        verbose_name_plural = "article daily reads"

    def __str__(self):
        return f"{self.article_id} on {self.day}: {self.reads}"


class ArticleRevision(models.Model):
    """What the newsroom keeps beside each django-reversion revision of an article (a reversion "meta" model): the
    tags (taggit's generic rows are not followed by reversion), whether readers saw that version, and whether it may
    appear on the public "What changed" page."""

    revision = models.OneToOneField("reversion.Revision", on_delete=models.CASCADE, related_name="article_revision")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    tags = models.JSONField(default=list, blank=True)
    live = models.BooleanField(default=False, help_text="Readers saw this version: the article was public then.")
    staged = models.BooleanField(default=False, help_text="A staged change to the live article, not published then.")
    is_public = models.BooleanField(
        "shown to readers",
        default=True,
        help_text="Untick to keep this version's text off the public “What changed” page, e.g. after a legal removal.",
    )
    hidden_reason = models.CharField(
        max_length=300, blank=True, help_text="Why the version is not shown; readers see this in its place."
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-revision__date_created", "-pk"]
        indexes = [models.Index(fields=["article", "live"], name="article_revision_live_idx")]

    def __str__(self):
        return f"Revision {self.revision_id} of {self.article}"


class PendingChange(models.Model):
    """Changes prepared to a live article and kept apart from it: readers see the live version until an editor
    publishes these (articles/staging.py). One per article; saving again replaces it."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="pending_change")
    data = models.JSONField(help_text="The staged field values, tags and photo reference (articles/staging.py).")
    version = models.PositiveIntegerField(default=1, help_text="Counts the saves, so a stale form can be told apart.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Unpublished changes to {self.article}"


class EditorDraft(models.Model):
    """What one staff user has typed into an article form and not saved yet, kept every few seconds by the form's
    script (articles/static/articles/newsroom.js) and offered back when the form is opened again. Private to that
    user: readers never see it, and it makes no revision. `article` is empty for the add form."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["user", "article"], name="editor_draft_user_article_idx")]

    def __str__(self):
        return f"Unsaved text of {self.user_id} for {self.article_id or 'a new article'}"
