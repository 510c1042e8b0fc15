from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import display_name
from comments.rendering import render_comment


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """What every reader may see: approved comments."""
        return self.filter(status=Comment.Status.APPROVED)

    def count_per_article(self, *, since=None):
        """An expression for annotating articles: how many of these comments are visible on each, 0 if none.

        A subquery rather than Count() over a join, so that another join in the same query (the trending page sums
        read counters) can neither multiply it nor be multiplied by it."""
        visible = self.visible().filter(article=OuterRef("pk"))
        if since is not None:
            visible = visible.filter(created_at__gte=since)
        counted = visible.order_by().values("article").annotate(count=Count("pk")).values("count")
        return Coalesce(Subquery(counted), 0)

    def for_discussion(self, *, article, viewer):
        """Every row an article's discussion is drawn from, in one query, oldest first: the approved comments, the
        viewer's own comments awaiting moderation, and any other comment that has replies (drawn as a "comment
        removed" placeholder, so that its replies keep their place in the thread)."""
        shown = Q(status=Comment.Status.APPROVED) | Q(Exists(Comment.objects.filter(parent=OuterRef("pk"))))
        if viewer.is_authenticated:
            shown |= Q(status=Comment.Status.PENDING, user=viewer.pk)
        return self.filter(shown, article=article).select_related("user__profile").order_by("created_at", "pk")


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting moderation"
        APPROVED = "approved", "Approved"
        REMOVED = "removed", "Removed"
        SPAM = "spam", "Spam"

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="comments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text="The comment this one replies to. Deleting a comment here deletes its replies; prefer Remove.",
    )
    body = models.TextField(
        blank=True, help_text="Plain text, exactly as the reader typed it. Emptied when its author deletes it."
    )
    body_html = models.TextField(editable=False, blank=True)
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        help_text="Only approved comments are shown to readers; a pending one is shown to its author alone.",
    )
    moderation_note = models.CharField(
        max_length=200, blank=True, editable=False, help_text="Why the comment waited for moderation or went away."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    ip_address = models.GenericIPAddressField(
        "IP address", null=True, blank=True, editable=False, help_text="Kept for moderation only; never shown."
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_article_status_idx"),
            models.Index(fields=["user", "created_at"], name="comment_user_created_idx"),
            models.Index(fields=["status", "-created_at"], name="comment_moderation_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "removed", "spam"]), name="comment_status_known"
            )
        ]

    def __str__(self):
        return self.excerpt

    def save(self, *args, **kwargs):
        self.body_html = render_comment(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def excerpt(self) -> str:
        text = " ".join(self.body.split())
        return text if len(text) <= 80 else f"{text[:79]}…"

    @property
    def author_name(self) -> str:
        """Needs select_related("user__profile") to cost no query."""
        return display_name(self.user)
