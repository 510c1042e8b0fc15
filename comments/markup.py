"""A page of an article's discussion as HTML, the list items of <ol class="comment-list">.

Built in Python rather than with a template: through Django's template engine (the pages' engine until they moved
to Jinja2) each comment cost about 0.1 ms, a tenth of an uncached article page's time with ten comments and half of
it with fifty, and format_html still about 40 µs. Here every value that is not our own fixed markup goes through
MarkupSafe's escape() (Jinja2's, in C: Django's escape() took twice as long for the same text, and writes quotes as
&quot; where this writes &#34;); the comment's text is its body_html, escaped and linked once when the comment was
saved (comments/rendering.py), exactly as the template printed it.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from markupsafe import escape

from articles.formats import iso, newsdate

REMOVED = '<p class="comment__removed">Comment removed.</p>'
PENDING = (
    '<p class="comment__pending">Awaiting moderation: only you can see this comment until a moderator approves it.</p>'
)
# Readers' names may not pass for the newsroom (accounts/names.py); the newsroom's own comments say so here.
STAFF = ' <span class="comment__staff">Newsblog staff</span>'
EDITED = ' <span class="comment__edited">(edited)</span>'
OPEN_REPLIES = '<ol class="comment-list comment-list--replies">'
CLOSE_ITEM = "</li>"
CLOSE_REPLIES = "</ol></li>"


def thread_html(rows) -> SafeString:
    """`rows` from comments.discussion.rows(): every comment in reading order, with the reply lists it closes."""
    zone = timezone.get_current_timezone()
    return mark_safe("\n".join(_row(row.entry, zone) + CLOSE_REPLIES * len(row.closes) for row in rows))  # noqa: S308


def _row(entry, zone) -> str:
    comment = entry.comment
    pending = " comment--pending" if entry.pending else ""
    body = REMOVED if entry.placeholder else _shown(entry, zone)
    end = OPEN_REPLIES if entry.replies else CLOSE_ITEM
    return f'<li class="comment{pending}" id="comment-{int(comment.id)}">{body}{end}'


def _shown(entry, zone) -> str:
    comment = entry.comment
    author = escape(comment.author_name)
    at = comment.created_at.astimezone(zone)  # timezone.localtime(), with the zone looked up once per page
    edited = EDITED if comment.edited_at else ""
    context = (
        f' <span class="comment__context">in reply to {escape(entry.replying_to)}</span>' if entry.replying_to else ""
    )
    pending = PENDING if entry.pending else ""
    staff = STAFF if comment.author_is_staff else ""
    return (
        f'<p class="comment__meta"><span class="comment__author">{author}</span>{staff} '
        f'<time datetime="{iso(at)}">{newsdate(at, with_time=True)}</time>{edited}{context}</p>'
        f'{pending}<div class="comment__text" dir="auto">{comment.body_html}</div>{_actions(entry, author)}'
    )


def _actions(entry, author: str) -> str:
    pk = entry.comment.pk
    actions = []
    if entry.reply_url:
        actions.append(
            f'<li><a class="comment__action" href="{escape(entry.reply_url)}">'
            f'Reply<span class="visually-hidden"> to {author}</span></a></li>'
        )
    if entry.editable:
        actions.append(
            f'<li><a class="comment__action" href="{escape(reverse("comments:edit", args=[pk]))}">'
            'Edit<span class="visually-hidden"> your comment</span></a></li>'
        )
    if entry.deletable:
        actions.append(
            f'<li><a class="comment__action" href="{escape(reverse("comments:delete", args=[pk]))}">'
            'Delete<span class="visually-hidden"> your comment</span></a></li>'
        )
    return f'<ul class="comment__actions">{"".join(actions)}</ul>' if actions else ""
