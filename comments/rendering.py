"""Comment text to HTML: the only place a comment's HTML is made (Comment.save stores it in body_html).

Readers type plain text. It is all escaped, so nothing they type becomes markup; bare web addresses become links that
search engines do not credit and that cannot reach back into our page; blank lines become paragraphs. Only http(s)
and www. addresses are linked: a typed `javascript:` stays text, and email addresses are not turned into links.
"""

from django.utils.html import Urlizer, linebreaks

LINK_REL = "nofollow ugc noopener"
# Long addresses are shortened in the link text (never in the href), so one cannot stretch a phone's layout.
LINK_TEXT_LIMIT = 60


class _CommentUrlizer(Urlizer):
    url_template = '<a href="{href}" rel="' + LINK_REL + '">{url}</a>'

    def is_email_simple(self, value):
        return False  # no mailto: links; addresses typed in comments stay plain text


_urlize = _CommentUrlizer()


def render_comment(text: str) -> str:
    if not text:
        return ""  # a comment deleted by its author
    return linebreaks(_urlize(text, trim_url_limit=LINK_TEXT_LIMIT, autoescape=True))


def link_count(html: str) -> int:
    """How many links render_comment() made; moderation holds comments with many of them."""
    return html.count("<a ")
