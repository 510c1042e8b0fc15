"""An article's discussion as its page shows it, built in Python from one query so the count never grows with it.

Threads are newest first, replies oldest first under their parent. Replies nest MAX_DEPTH levels deep; a reply to a
comment at the deepest level is shown beside it, saying whom it answers. A comment that is not shown (removed, spam,
or someone else's awaiting moderation) but has shown replies stays as a "comment removed" placeholder.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from comments import markup, services
from comments.forms import CommentForm
from comments.models import Comment

MAX_DEPTH = 2
# The session key of the comment an anonymous reader wrote before logging in: {"article", "body", "parent"}.
DRAFT_SESSION_KEY = "comments:draft"


@dataclass(eq=False)
class Entry:
    comment: Comment
    depth: int = 0
    placeholder: bool = False
    pending: bool = False  # the viewer's own comment, awaiting moderation
    editable: bool = False
    deletable: bool = False
    replying_to: str = ""
    reply_url: str = ""
    replies: list[Entry] = field(default_factory=list)
    shown_under: Entry | None = field(default=None, repr=False)


class Discussion:
    def __init__(self, comments, *, viewer, article_url: str, open_for_replies: bool):
        now = timezone.now()
        viewer_id = viewer.pk if viewer.is_authenticated else None  # once: request.user is a lazy object
        reply_base = article_url if open_for_replies else ""
        self.entries: dict[int, Entry] = {}
        self.approved_count = 0  # what the page's "N comments" counts
        roots = []
        for comment in comments:
            self.approved_count += comment.status == Comment.Status.APPROVED
            entry = self._entry(comment, viewer=viewer, viewer_id=viewer_id, now=now, article_url=reply_base)
            self.entries[comment.pk] = entry
            parent = self.entries.get(comment.parent_id)
            if parent is None:
                roots.append(entry)
            elif parent.depth < MAX_DEPTH:
                entry.depth, entry.shown_under = parent.depth + 1, parent
                parent.replies.append(entry)
            else:
                entry.depth, entry.shown_under = MAX_DEPTH, parent.shown_under
                entry.replying_to = "a removed comment" if parent.placeholder else parent.comment.author_name
                parent.shown_under.replies.append(entry)
        self.threads = _prune(roots)[::-1]

    @staticmethod
    def _entry(comment, *, viewer, viewer_id, now, article_url) -> Entry:
        own = viewer_id is not None and comment.user_id == viewer_id
        approved = comment.status == Comment.Status.APPROVED
        pending = own and comment.status == Comment.Status.PENDING
        return Entry(
            comment=comment,
            placeholder=not (approved or pending),
            pending=pending,
            editable=own and services.can_edit(comment, user=viewer, now=now),
            deletable=own and (approved or pending),
            reply_url=f"{article_url}?reply={int(comment.pk)}#comment-form" if approved and article_url else "",
        )

    def page_of(self, comment_id: int) -> int:
        """The page of threads on which `comment_id` is shown (1 if it is not)."""
        entry = self.entries.get(comment_id)
        while entry is not None and entry.shown_under is not None:
            entry = entry.shown_under
        if entry in self.threads:
            return self.threads.index(entry) // settings.COMMENTS_PER_PAGE + 1
        return 1


@dataclass(eq=False)
class Row:
    """One comment in the order the page prints it, and how many reply lists close after it."""

    entry: Entry
    closes: range = range(0)


def rows(threads: list[Entry]) -> list[Row]:
    """Threads as one flat list in reading order, for comments.markup to draw in a single pass."""
    flat = []
    for entry in threads:
        flat.append(Row(entry))
        if entry.replies:
            flat.extend(rows(entry.replies))
            flat[-1].closes = range(len(flat[-1].closes) + 1)
    return flat


def _prune(entries: list[Entry]) -> list[Entry]:
    kept = []
    for entry in entries:
        entry.replies = _prune(entry.replies)
        if not entry.placeholder or entry.replies:
            kept.append(entry)
    return kept


def load(*, article, viewer) -> Discussion:
    # The article page's query brings the discussion along (articles.article_page.published_article()).
    viewer_id, comments = article.__dict__.get("page_discussion", (None, None))
    if comments is None or viewer_id != viewer.pk:
        comments = Comment.objects.for_discussion(article=article, viewer=viewer)
    return Discussion(
        comments, viewer=viewer, article_url=article.get_absolute_url(), open_for_replies=is_open(article)
    )


def is_open(article) -> bool:
    return article.comments_open and article.is_public


def comment_url(comment: Comment, *, viewer) -> str:
    """Where `comment` is shown to `viewer`: its article, on the right page of the discussion, at the comment."""
    page = load(article=comment.article, viewer=viewer).page_of(comment.pk)
    query = f"?{urlencode({'page': page})}" if page > 1 else ""
    return f"{comment.article.get_absolute_url()}{query}#comment-{comment.pk}"


def keep_draft(session, *, article, body: str, parent: Comment | None) -> None:
    session[DRAFT_SESSION_KEY] = {"article": article.pk, "body": body, "parent": parent.pk if parent else None}


def drop_draft(session, *, article) -> None:
    draft = session.get(DRAFT_SESSION_KEY)
    if draft and draft.get("article") == article.pk:
        del session[DRAFT_SESSION_KEY]


def context(*, article, request) -> dict:
    """Everything the article page's comments section needs: the page of threads, the form, the reply target."""
    viewer = request.user
    discussion = load(article=article, viewer=viewer)
    draft = request.session.get(DRAFT_SESSION_KEY) or {}
    if draft.get("article") != article.pk:
        draft = {}
    reply_to = discussion.entries.get(_int(request.GET.get("reply")) or draft.get("parent"))
    if reply_to is not None and reply_to.comment.status != Comment.Status.APPROVED:
        reply_to = None
    blank = not draft.get("body") and reply_to is None
    # Unbound either way: a rejected comment is shown again on its own page (comments/views.py), never here. The
    # blank form, as nearly every page shows it, is HTML rendered once per process.
    form = None
    if not blank:
        initial = {"body": draft.get("body", ""), "parent": reply_to.comment.pk if reply_to else None}
        form = CommentForm(article=article, initial=initial)
    page = Paginator(discussion.threads, settings.COMMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return {
        "comment_count": discussion.approved_count,
        # The viewer's own comments awaiting moderation: shown to them, so counted in what their heading says.
        "comment_held_count": sum(entry.pending for entry in discussion.entries.values()),
        "comment_page": page,
        "comment_html": markup.thread_html(rows(page.object_list)),
        "comment_form": form,
        "comment_blank_fields": blank_comment_fields() if blank else "",
        "comment_reply_to": reply_to,
        "comment_draft_restored": bool(draft.get("body")),
        "comments_open": is_open(article),
        "comments_closed_reason": (
            "Comments are closed on this article." if article.is_public else "Comments open once this is published."
        ),
        # ?next= for the log-in and sign-up links, quoted as |urlencode would, once for both.
        "comment_login_query": urlencode({"next": f"{article.get_absolute_url()}#comments"}, safe="/"),
    }


@functools.cache
def blank_comment_fields() -> str:
    """The fields of an empty comment form, as nearly every article page shows them: the same HTML every time, so
    rendered through the form's widgets once per process rather than on every page."""
    html = render_to_string("includes/comment_fields.html", {"form": CommentForm(article=None)})
    return mark_safe(html)  # noqa: S308  our template's output, escaped as it was rendered


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
