"""Markdown to sanitized HTML: the only place article body HTML is made.

Runs when an article is saved; pages print the stored result. The allow-list is what editors need for news copy;
everything else (script, style, iframes, event attributes, javascript: URLs) is removed by nh3. A known provider's
link on a line of its own becomes an embed placeholder (articles/embeds.py), and a line `[photo 123]` a figure of that
library photo (templates/includes/body_figure.html), both written by our templates after nh3 ran.
The admin refuses a body that would take this long to convert (articles/markdown_limits.py).
"""

import re
import secrets
from collections.abc import Callable

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


def render_markdown(text: str, *, photos: Callable[[list[int]], dict] | None = None) -> str:
    """`photos` finds library photos by id (Photo.objects.in_bulk); without it, or for an id it does not find, a
    `[photo N]` line stays text."""
    marker = f"newsblogembed{secrets.token_hex(8)}x"  # unguessable, so an author cannot place an embed by hand
    ids = photo_ids(text)
    found = photos(ids) if photos and ids else {}
    text, embeds = _set_aside_embeds(text, marker, found)
    html = md.markdown(text, extensions=EXTENSIONS, output_format="html")
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    for number, embed in enumerate(embeds):
        if isinstance(embed, Embed):
            placeholder = render_to_string("articles/embed.html", {"embed": embed})
        else:
            placeholder = render_to_string("includes/body_figure.html", {"photo": embed})
        html = html.replace(f"<p>{marker}{number}</p>", placeholder.strip(), 1)
    return html


def photo_ids(text: str) -> list[int]:
    """The library photo ids of the body's `[photo N]` lines (paragraphs of their own, outside code), in order."""
    return [int(match["id"]) for _index, match in _lone_lines(text.replace("\r\n", "\n").split("\n"), PHOTO_LINE)]


# A paragraph that is one URL and nothing else, optionally in <angle brackets> as Markdown writes an autolink.
LONE_URL = re.compile(r" {0,3}<?(?P<url>https?://[^\s<>]+)>? *")
# A paragraph that places a library photo: [photo 123].
PHOTO_LINE = re.compile(r" {0,3}\[photo (?P<id>\d{1,9})\] *", re.IGNORECASE)
FENCE = re.compile(r" {0,3}(```|~~~)")


def _set_aside_embeds(text: str, marker: str, photos: dict) -> tuple[str, list]:
    """Replace each lone provider URL and each `[photo N]` line of a photo in `photos` (paragraphs of their own,
    outside code) by a marker paragraph; returns the Embed or Photo each marker stands for."""
    lines = text.replace("\r\n", "\n").split("\n")
    blocks: list = []
    for index, match in _lone_lines(lines, LONE_URL, PHOTO_LINE):
        block = embed_for(match["url"]) if match.re is LONE_URL else photos.get(int(match["id"]))
        if block is not None:
            lines[index] = f"{marker}{len(blocks)}"
            blocks.append(block)
    return "\n".join(lines), blocks


def _lone_lines(lines: list[str], *patterns: re.Pattern):
    """(index, match) of each line, outside fenced code and between blank lines, that one of `patterns` matches."""
    in_fence = False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not (_blank(lines, index - 1) and _blank(lines, index + 1)):
            continue
        for pattern in patterns:
            if match := pattern.fullmatch(line):
                yield index, match
                break


def _blank(lines: list[str], index: int) -> bool:
    return not 0 <= index < len(lines) or not lines[index].strip()
