"""Writing comments: every rule about who may post, edit or delete what, and when, lives here.

The limits are counted in the database, not a cache, so they hold with Redis away and across every worker.
"""

import math
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from comments.rendering import link_count, render_comment

MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


class CommentRefused(Exception):
    """A comment the rules do not allow; `message` is shown to its author beside the text they typed."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class CommentsClosed(CommentRefused):
    status = 403


class EditWindowClosed(CommentRefused):
    status = 403

    @staticmethod
    def default_message() -> str:
        return (
            f"Comments can be edited for {settings.COMMENTS_EDIT_MINUTES} minutes after posting; "
            "this one can no longer be changed."
        )


class PostingTooFast(CommentRefused):
    status = 429

    def __init__(self, message: str, *, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class DuplicateComment(CommentRefused):
    status = 409

    def __init__(self, message: str, *, existing: Comment):
        super().__init__(message)
        self.existing = existing


def _wait(seconds: int) -> str:
    if seconds < 90:
        count, unit = seconds, "second"
    elif seconds < 90 * 60:
        count, unit = math.ceil(seconds / 60), "minute"
    else:
        count, unit = math.ceil(seconds / 3600), "hour"
    return f"{count} {unit}{'' if count == 1 else 's'}"


def _check_limits(*, user, article: Article, body: str, now) -> bool:
    """Refuse a repeat or a flood; otherwise return whether `user` has had a comment approved before."""
    duplicate = (
        Comment.objects.filter(user=user, article=article, body=body).order_by("-created_at").only("status").first()
    )
    if duplicate is not None:
        raise DuplicateComment("You have already posted this comment.", existing=duplicate)

    counts = Comment.objects.filter(user=user).aggregate(
        last_minute=Count("pk", filter=Q(created_at__gt=now - MINUTE)),
        first_in_minute=Min("created_at", filter=Q(created_at__gt=now - MINUTE)),
        last_day=Count("pk", filter=Q(created_at__gt=now - DAY)),
        first_in_day=Min("created_at", filter=Q(created_at__gt=now - DAY)),
        approved=Count("pk", filter=Q(status=Comment.Status.APPROVED)),
    )
    for limit, window, count, first in (
        (settings.COMMENTS_PER_MINUTE, MINUTE, counts["last_minute"], counts["first_in_minute"]),
        (settings.COMMENTS_PER_DAY, DAY, counts["last_day"], counts["first_in_day"]),
    ):
        if count >= limit:
            retry_after = max(1, math.ceil((first + window - now).total_seconds()))
            raise PostingTooFast(
                f"You are posting too quickly. Please wait {_wait(retry_after)} and post again; "
                "your comment is kept below.",
                retry_after=retry_after,
            )
    return counts["approved"] > 0


def _hold_reason(*, body_html: str, first_comment: bool) -> str:
    """Why a comment should wait for a moderator before readers see it, or "" when it may appear at once."""
    links, most = link_count(body_html), settings.COMMENTS_MAX_LINKS
    if links > most:
        return f"It has {links} links; comments with more than {most} are read by a moderator first."
    if first_comment and settings.COMMENTS_MODERATE_FIRST:
        return "It is your first comment here; a moderator reads first comments before they appear."
    return ""


@transaction.atomic
def comment_post(
    *, article: Article, user, body: str, parent: Comment | None = None, ip_address: str | None = None
) -> Comment:
    """Post `body` (already validated by CommentForm) as `user`, held for moderation or shown at once.

    Raises CommentsClosed, DuplicateComment (same text on the same article again) or PostingTooFast.
    """
    if not article.comments_open:
        raise CommentsClosed("Comments are closed on this article.")
    if parent is not None and (parent.article_id != article.pk or parent.status != Comment.Status.APPROVED):
        raise CommentRefused("You can only reply to a published comment on this article.")
    # One user's posts are taken one at a time (on PostgreSQL), so two at once, such as a double click, cannot both
    # pass the checks below.
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
    now = timezone.now()
    approved_before = _check_limits(user=user, article=article, body=body, now=now)
    held_because = _hold_reason(body_html=render_comment(body), first_comment=not approved_before)
    return Comment.objects.create(
        article=article,
        user=user,
        parent=parent,
        body=body,
        status=Comment.Status.PENDING if held_because else Comment.Status.APPROVED,
        moderation_note=held_because,
        created_at=now,
        ip_address=ip_address,
    )


def can_edit(comment: Comment, *, user, now=None) -> bool:
    """Whether `user` may still change the text of `comment`: its author, within the edit window."""
    now = now or timezone.now()
    return (
        comment.user_id == user.pk
        and comment.status in (Comment.Status.APPROVED, Comment.Status.PENDING)
        and now - comment.created_at <= timedelta(minutes=settings.COMMENTS_EDIT_MINUTES)
    )


def comment_edit(*, comment: Comment, user, body: str) -> Comment:
    """Replace the text of `comment`, marking it edited. More links than allowed, or an edit by a user with no other
    approved comment, send it back to moderation."""
    if not comment.article.comments_open:
        raise CommentsClosed("Comments are closed on this article.")
    if not can_edit(comment, user=user):
        raise EditWindowClosed(EditWindowClosed.default_message())
    if body == comment.body:
        return comment
    comment.body = body
    comment.edited_at = timezone.now()
    fields = ["body", "edited_at"]
    # A moderator approved the text they read, not whatever it becomes. Someone who is not trusted yet (no other
    # approved comment) would otherwise have a first comment approved, then rewrite it, so the edit is read again;
    # a trusted user's new comments appear at once anyway, and so do their edits.
    held_because = _hold_reason(body_html=render_comment(body), first_comment=False)
    if not held_because and settings.COMMENTS_MODERATE_FIRST:
        others = Comment.objects.filter(user=user, status=Comment.Status.APPROVED).exclude(pk=comment.pk)
        if not others.exists():
            held_because = "It was changed after approval; a moderator reads it again before it appears."
    if held_because and comment.status == Comment.Status.APPROVED:
        comment.status, comment.moderation_note = Comment.Status.PENDING, held_because
        fields += ["status", "moderation_note"]
    comment.save(update_fields=fields)
    return comment


def comment_delete(*, comment: Comment, user) -> None:
    """Delete `comment` for its author: the text goes at once. The row stays, removed, so its replies keep their
    place under a "comment removed" placeholder, and so it still counts towards the posting limits."""
    if comment.user_id != user.pk:
        raise CommentRefused("You can only delete your own comments.")
    comment.body = ""
    comment.status = Comment.Status.REMOVED
    comment.moderation_note = "Deleted by its author."
    comment.save(update_fields=["body", "status", "moderation_note"])
