"""An article's discussion as its page shows it: one page of threads, loaded and drawn at the same cost on page 1 and
page 100, however many comments the article has.

Threads are newest first, replies oldest first under their parent. Replies nest MAX_DEPTH levels deep; a reply to a
comment at the deepest level is shown beside it, saying whom it answers. A comment that is not shown (removed, spam,
or someone else's awaiting moderation) but has shown replies stays as a "comment removed" placeholder.

Two queries per page: where each page of threads starts (one index scan, the same for every page), then the page's
threads with all their replies (each reply knows its thread: Comment.thread_root). The page seeks to its first thread
instead of skipping the ones before it. A reader who is not logged in, on an article with no more than a page of
comments, costs one query (no seek), or none when there are no comments (load_page).
templates/comments/discussion.html draws the threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone

from comments import services
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


@dataclass
class ThreadPage:
    """One page of threads, with what the template's page links ask of Django's Page."""

    number: int
    num_pages: int
    threads: list[Entry]

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def page_starts(threads) -> list[tuple]:
    """(created_at, id) of the first thread of each page, newest page first: one pass over the threads' index."""
    position = Window(RowNumber(), order_by=[F("created_at").desc(), F("id").desc()])
    numbered = threads.order_by().alias(position=position, step=(position - 1) % settings.COMMENTS_PER_PAGE)
    return list(numbered.filter(step=0).order_by("-created_at", "-id").values_list("created_at", "pk"))


def _from(start) -> Q:
    """Threads at `start` (created_at, id) or older, in the order of Comment.objects.threads()."""
    created_at, pk = start
    return Q(created_at__lt=created_at) | Q(created_at=created_at, pk__lte=pk)


def _page_number(value, num_pages: int) -> int:
    # As Django's Paginator.get_page(): not a number is page 1, out of range is the last page.
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= num_pages else num_pages


def load_page(*, article, viewer, number, visible_count=None) -> tuple[ThreadPage, dict[int, Entry]]:
    """Page `number` of `article`'s discussion as `viewer` sees it, and its entries by comment id.

    `visible_count`, the article's number of approved comments when the caller has it, spares a reader who is not
    logged in the queries it makes pointless: such a reader sees only approved comments, so none means an empty
    discussion, and no more than a page of them means every thread fits on page 1, which needs no seek. Only the
    threads with something shown are loaded either way: comments held or marked spam elsewhere on the article, however
    many, are never read for a page view."""
    one_page = not viewer.is_authenticated and visible_count is not None and visible_count <= settings.COMMENTS_PER_PAGE
    if one_page and visible_count == 0:
        return ThreadPage(1, 1, []), {}
    threads = Comment.objects.threads(article=article, viewer=viewer)
    if one_page:
        comments = Comment.objects.in_threads(threads)
        number, num_pages = 1, 1
    else:
        starts = page_starts(threads)
        num_pages = max(len(starts), 1)
        number = _page_number(number, num_pages)
        on_page = threads
        if starts:
            on_page = on_page.filter(_from(starts[number - 1]))
        if number < len(starts):
            on_page = on_page.exclude(_from(starts[number]))
        comments = Comment.objects.in_threads(on_page)
    comments = comments.with_names().order_by("created_at", "id")
    builder = _Builder(viewer=viewer, article=article, page=number)
    entries = {}
    page_roots = []
    for comment in comments:
        entry = builder.entry(comment)
        entries[comment.pk] = entry
        if comment.parent_id is None:
            page_roots.append(entry)
        else:
            builder.place(entry, under=entries.get(comment.parent_id))
    return ThreadPage(number, num_pages, _prune(page_roots)[::-1]), entries


class _Builder:
    def __init__(self, *, viewer, article, page: int):
        self.viewer = viewer
        self.viewer_id = viewer.pk if viewer.is_authenticated else None  # once: request.user is a lazy object
        self.now = timezone.now()
        # A reply link stays on its page, where the comment it answers is shown.
        on_page = f"page={page}&" if page > 1 else ""
        self.reply_base = f"{article.get_absolute_url()}?{on_page}reply=" if is_open(article) else ""

    def entry(self, comment) -> Entry:
        own = self.viewer_id is not None and comment.user_id == self.viewer_id
        approved = comment.status == Comment.Status.APPROVED
        pending = own and comment.status == Comment.Status.PENDING
        return Entry(
            comment=comment,
            placeholder=not (approved or pending),
            pending=pending,
            editable=own and services.can_edit(comment, user=self.viewer, now=self.now),
            deletable=own and (approved or pending),
            reply_url=f"{self.reply_base}{comment.pk}#comment-form" if approved and self.reply_base else "",
        )

    @staticmethod
    def place(entry: Entry, *, under: Entry | None) -> None:
        """Put a reply under its parent, or beside it when the parent is as deep as replies go."""
        if under is None:
            return  # dated before its parent, which only hand-made rows can be: not drawn
        if under.depth < MAX_DEPTH:
            entry.depth, entry.shown_under = under.depth + 1, under
            under.replies.append(entry)
        else:
            entry.depth, entry.shown_under = MAX_DEPTH, under.shown_under
            entry.replying_to = "a removed comment" if under.placeholder else under.comment.author_name
            under.shown_under.replies.append(entry)


def _prune(entries: list[Entry]) -> list[Entry]:
    kept = []
    for entry in entries:
        entry.replies = _prune(entry.replies)
        if not entry.placeholder or entry.replies:
            kept.append(entry)
    return kept


def is_open(article) -> bool:
    return article.comments_open and article.is_public


def page_of(comment: Comment, *, viewer) -> int:
    """The page of its article's discussion on which `viewer` sees `comment`: its thread's page."""
    root = comment.thread_root if comment.thread_root_id else comment
    threads = Comment.objects.threads(article=comment.article, viewer=viewer)
    newer = threads.filter(Q(created_at__gt=root.created_at) | Q(created_at=root.created_at, pk__gt=root.pk))
    return newer.count() // settings.COMMENTS_PER_PAGE + 1


def comment_url(comment: Comment, *, viewer) -> str:
    """Where `comment` is shown to `viewer`: its article, on the right page of the discussion, at the comment."""
    page = page_of(comment, viewer=viewer)
    query = f"?{urlencode({'page': page})}" if page > 1 else ""
    return f"{comment.article.get_absolute_url()}{query}#comment-{comment.pk}"


def keep_draft(session, *, article, body: str, parent: Comment | None) -> None:
    session[DRAFT_SESSION_KEY] = {"article": article.pk, "body": body, "parent": parent.pk if parent else None}


def drop_draft(session, *, article) -> None:
    draft = session.get(DRAFT_SESSION_KEY)
    if draft and draft.get("article") == article.pk:
        del session[DRAFT_SESSION_KEY]


def count_per_article(*, since=None):
    """For articles.page_parts: each article's number of visible comments, as an expression to annotate with."""
    return Comment.objects.count_per_article(since=since)


def moderation_queue(*, user) -> dict:
    """For articles.page_parts: the admin dashboard's count of comments awaiting moderation, with its list's link."""
    if not user.has_perm("comments.change_comment"):
        return {}
    changelist = reverse("admin:comments_comment_changelist")
    return {
        "comments_waiting": Comment.objects.filter(status=Comment.Status.PENDING).count(),
        "comments_url": f"{changelist}?status__exact={Comment.Status.PENDING}",
    }


def page_context(*, article, request) -> dict:
    """For articles.page_parts: everything the article page's discussion needs (templates/comments/discussion.html):
    a page of threads, the form, the reply target."""
    viewer = request.user
    draft = request.session.get(DRAFT_SESSION_KEY) or {}
    if draft.get("article") != article.pk:
        draft = {}
    reply_id = _int(request.GET.get("reply")) or draft.get("parent")
    count = getattr(article, "comment_count", None)
    page, entries = load_page(article=article, viewer=viewer, number=request.GET.get("page"), visible_count=count)
    reply_to = _reply_target(reply_id, article=article, entries=entries)
    # Unbound either way: a rejected comment is shown again on its own page (comments/views.py), never here.
    initial = {"body": draft.get("body", ""), "parent": reply_to.pk if reply_to else None}
    return {
        "discussion": True,
        "comment_count": count if count is not None else Comment.objects.visible().filter(article=article).count(),
        # The viewer's own comments awaiting moderation on this page: shown to them, so counted in their heading.
        "comment_held_count": sum(entry.pending for entry in entries.values()),
        "comment_page": page,
        "comment_form": CommentForm(article=article, initial=initial),
        "comment_reply_to": reply_to,
        "comment_draft_restored": bool(draft.get("body")),
        "comments_open": is_open(article),
        "comments_closed_reason": (
            "Comments are closed on this article." if article.is_public else "Comments open once this is published."
        ),
        # ?next= for the log-in and sign-up links, quoted as |urlencode would.
        "comment_login_query": urlencode({"next": f"{article.get_absolute_url()}#comments"}, safe="/"),
    }


def _reply_target(pk, *, article, entries) -> Comment | None:
    """The approved comment of `article` that the form answers, if any."""
    if pk is None:
        return None
    if pk in entries:
        comment = entries[pk].comment
        return comment if comment.status == Comment.Status.APPROVED else None
    # On another page (a draft kept over a log-in that started there): one more query, only then.
    return Comment.objects.visible().with_names().filter(article=article, pk=pk).first()


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
