"""Markdown to sanitized HTML: the only place article body HTML is made.

Runs when an article is saved; pages print the stored result. The allow-list is what editors need for news copy;
everything else (script, style, iframes, event attributes, javascript: URLs) is removed by nh3. A known provider's
link on a line of its own becomes an embed placeholder (articles/embeds.py), written by our template after nh3 ran.
The admin refuses a body that would take this long to convert (articles/markdown_limits.py).
"""

import re
import secrets

import markdown as md
import nh3
from django.template.loader import render_to_string

from articles.embeds import Embed, embed_for

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "b", "i", "blockquote", "ul", "ol", "li",
    "a", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub", "abbr", "figure", "figcaption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["extra", "sane_lists"]


def render_markdown(text: str) -> str:
    marker = f"newsblogembed{secrets.token_hex(8)}x"  # unguessable, so an author cannot place an embed by hand
    text, embeds = _set_aside_embeds(text, marker)
    html = md.markdown(text, extensions=EXTENSIONS, output_format="html")
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    for number, embed in enumerate(embeds):
        placeholder = render_to_string("articles/embed.html", {"embed": embed})
        html = html.replace(f"<p>{marker}{number}</p>", placeholder.strip(), 1)
    return html


# A paragraph that is one URL and nothing else, optionally in <angle brackets> as Markdown writes an autolink.
LONE_URL = re.compile(r" {0,3}<?(?P<url>https?://[^\s<>]+)>? *")
FENCE = re.compile(r" {0,3}(```|~~~)")


def _set_aside_embeds(text: str, marker: str) -> tuple[str, list[Embed]]:
    """Replace each lone provider URL (a paragraph of its own, outside code) by a marker paragraph."""
    lines = text.replace("\r\n", "\n").split("\n")
    embeds: list[Embed] = []
    in_fence = False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else LONE_URL.fullmatch(line)
        alone = _blank(lines, index - 1) and _blank(lines, index + 1)
        if match and alone and (embed := embed_for(match["url"])):
            lines[index] = f"{marker}{len(embeds)}"
            embeds.append(embed)
    return "\n".join(lines), embeds


def _blank(lines: list[str], index: int) -> bool:
    return not 0 <= index < len(lines) or not lines[index].strip()
