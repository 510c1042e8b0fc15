import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import Profile, display_name
from comments.rendering import render_comment
from newsblog import sql
from newsblog.sql import RowLoader


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
        removed" placeholder, so that its replies keep their place in the thread). Each carries `shown_name` and
        `author_is_staff`.

        Hand-written SQL, the same rows the article page's own query brings as JSON (discussion_json_sql()); this
        runs where the article came from elsewhere (staff previews, comment_url()). Built with the ORM
        (select_related of user and profile, an EXISTS) it took about 1.8 ms against 0.7 ms for this."""
        params = [article.pk, *discussion_params(viewer)]
        rows = sql.fetch("newsblog_discussion", _discussion_sql(), params)
        return _with_shown_names(_DISCUSSION_ROW.load_all(row[:-2] for row in rows), rows)


@functools.cache
def _discussion_sql() -> str:
    return f"{_discussion_rows('%s')} ORDER BY c.created_at, c.id"


def _discussion_rows(article_id: str) -> str:
    """The SELECT of an article's discussion rows, for the article `article_id` (a placeholder or a column). Its
    other parameters: discussion_params()."""
    user_model = get_user_model()
    quote = connection.ops.quote_name
    comments, users, profiles = (quote(model._meta.db_table) for model in (Comment, user_model, Profile))
    username = quote(user_model._meta.get_field(user_model.USERNAME_FIELD).column)
    staff = quote(user_model._meta.get_field("is_staff").column)
    # The shown name as a subquery per row rather than a join: joined, PostgreSQL hashed the whole user table for
    # the ten or fifty rows of a page (0.27 ms at 1,000 users against 0.1 ms).
    # Only table and column names from the models go into the text; every value is a query parameter.
    columns = ", ".join(f"c.{quote(field.column)}" for field in _DISCUSSION_ROW.fields)
    return (
        f"SELECT {columns}, (SELECT COALESCE(NULLIF(p.display_name, ''), u.{username}) FROM {users} u "  # noqa: S608
        f"LEFT OUTER JOIN {profiles} p ON p.user_id = u.id WHERE u.id = c.user_id) AS shown_name, "
        f"(SELECT u.{staff} FROM {users} u WHERE u.id = c.user_id) AS author_is_staff "
        f"FROM {comments} c "
        f"WHERE c.article_id = {article_id} AND (c.status = %s "
        f"OR EXISTS (SELECT 1 FROM {comments} r WHERE r.parent_id = c.id) OR (c.status = %s AND c.user_id = %s))"
    )


def discussion_json_sql() -> str:
    """A column for a query about articles aliased `a`: each one's discussion rows as JSON (newsblog.sql.json_rows).
    Its parameters: discussion_params()."""
    quote = connection.ops.quote_name
    columns = [f"j.{quote(field.column)}" for field in _DISCUSSION_ROW.fields] + ["j.shown_name", "j.author_is_staff"]
    return sql.json_rows(columns, _discussion_rows("a.id"))


def discussion_params(viewer) -> list:
    """The discussion's parameters after the article: shown statuses, and the viewer whose own pending comments are
    shown too (NULL for nobody logged in, which matches no comment)."""
    return [Comment.Status.APPROVED.value, Comment.Status.PENDING.value, viewer.pk]


def discussion_from_json(value) -> list:
    """The comments of a discussion_json_sql() column, oldest first, each with its shown_name, as for_discussion()
    returns them."""
    rows = sql.from_json(value)
    comments = _with_shown_names(_DISCUSSION_ROW.load_json(row[:-2] for row in rows), rows)
    comments.sort(key=lambda comment: (comment.created_at, comment.pk))
    return comments


def _with_shown_names(comments: list, rows) -> list:
    # Each discussion row ends with the author's shown name and whether they are staff, which Comment.author_name
    # and Comment.author_is_staff read. (SQLite's JSON gives 1 or 0 for a boolean.)
    for comment, row in zip(comments, rows, strict=True):
        comment.__dict__["shown_name"] = row[-2]
        comment.__dict__["author_is_staff"] = bool(row[-1])
    return comments


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
        """Costs no query when loaded by for_discussion(), or with select_related("user__profile")."""
        shown = self.__dict__.get("shown_name")
        return shown if shown is not None else display_name(self.user)

    @property
    def author_is_staff(self) -> bool:
        """Whether the page marks the comment as the newsroom's. Costs no query when loaded by for_discussion()."""
        staff = self.__dict__.get("author_is_staff")
        return staff if staff is not None else self.user.is_staff


# The columns of a comment the discussion shows, in the order for_discussion() selects them.
_DISCUSSION_ROW = RowLoader(
    Comment, ["id", "article_id", "user_id", "parent_id", "body", "body_html", "status", "created_at", "edited_at"]
)
