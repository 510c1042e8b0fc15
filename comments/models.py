from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import display_name
from comments.rendering import render_comment

# Which thread a comment belongs to: the id of its top-level comment (indexed).
THREAD = Coalesce("thread_root", "id")
# The order of an article's threads: newest first, the id breaking ties between comments of the same instant.
NEWEST_FIRST = ("-created_at", "-id")


def _shown_to(viewer) -> Q:
    shown = Q(status=Comment.Status.APPROVED)
    if viewer.is_authenticated:
        shown |= Q(status=Comment.Status.PENDING, user=viewer.pk)
    return shown


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

    def shown_to(self, viewer):
        """What `viewer` sees drawn in full: the approved comments, and their own awaiting moderation."""
        return self.filter(_shown_to(viewer))

    def threads(self, *, article, viewer):
        """The top-level comments of `article` that `viewer` sees a thread under, newest first: shown themselves, or
        drawn as a "comment removed" placeholder because a reply in their thread is shown."""
        shown_reply = Comment.objects.shown_to(viewer).filter(thread_root=OuterRef("pk"))
        roots = self.filter(article=article, parent=None)
        return roots.filter(_shown_to(viewer) | Exists(shown_reply)).order_by(*NEWEST_FIRST)

    def in_threads(self, roots):
        """The comments of the threads whose top-level comments are `roots` (a queryset of them), these included."""
        return self.alias(thread=THREAD).filter(thread__in=roots.values("pk"))

    def with_names(self):
        """With what author_name reads (the user and their profile) in the same query."""
        return self.select_related("user__profile")


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
    # Set on save from the parent, so that a page of threads and all their replies come in one query, however deep.
    thread_root = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The top-level comment of this reply's thread; empty on a top-level comment.",
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
            # An article's threads, newest first, and the seek to a page of them (comments/discussion.py).
            models.Index(fields=["article", "-created_at", "-id"], condition=Q(parent=None), name="comment_thread_idx"),
            # A page of threads with every reply: each comment's thread is its thread_root, or itself at the top.
            models.Index(THREAD, name="comment_thread_key_idx"),
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
        if self.parent_id is not None and self.thread_root_id is None:
            self.thread_root_id = self.parent.thread_root_id or self.parent_id
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

    @staticmethod
    def render(text: str) -> str:
        """The body_html that save() stores for `text`, for bulk loaders that skip save()."""
        return render_comment(text)

    @property
    def author_name(self) -> str:
        """Costs no query when loaded with_names()."""
        return display_name(self.user)

    @property
    def author_is_staff(self) -> bool:
        """Whether the page marks the comment as the newsroom's. Costs no query when loaded with_names()."""
        return self.user.is_staff
