"""Embeds built from a URL alone, shown only when the reader asks for them.

A link to a known provider on a line of its own in an article body becomes a placeholder: the provider's name, the
link, and a "Load content from <provider>" button. Nothing is requested from the provider when the story is saved
(the newsroom may be offline) or when the page is read; the player's frame is created by static/js/embeds.js after
the click, and without JavaScript the link is an ordinary link.

Every URL is matched on its exact host and a strict path pattern, and the frame address is rebuilt from the parts
that matched (an id, a user name), never copied from the input: "youtube.com.evil.example", a user-info trick such
as "https://youtube.com@evil.example/" or a "javascript:" URL stay plain text.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.conf import settings


@dataclass(frozen=True)
class Embed:
    provider: str  # shown to readers: "Load content from YouTube"
    url: str  # the link as the author wrote it
    frame_src: str  # what the frame loads after the click

    @property
    def frame_origin(self) -> str:
        parts = urlsplit(self.frame_src)
        return f"{parts.scheme}://{parts.netloc}"


YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com"}
YOUTUBE_PATH = re.compile(r"/(?:shorts|embed|live)/(?P<id>[A-Za-z0-9_-]{11})/?")
VIMEO_PATH = re.compile(r"/(?:video/)?(?P<id>\d{1,12})/?")
X_HOSTS = {"x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"}
X_PATH = re.compile(r"/(?P<user>[A-Za-z0-9_]{1,15})/status/(?P<id>\d{1,20})/?")
INSTAGRAM_PATH = re.compile(r"/(?P<kind>p|reel)/(?P<id>[A-Za-z0-9_-]{5,40})/?")
BLUESKY_PATH = re.compile(
    r"/profile/(?P<actor>did:plc:[a-z2-7]{24}|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)/post/(?P<id>[a-z2-7]{13})/?"
)
MASTODON_PATH = re.compile(r"/@(?P<user>[A-Za-z0-9_]{1,30})/(?P<id>\d{1,20})/?")
DATAWRAPPER_PATH = re.compile(r"/(?:_/)?(?P<id>[A-Za-z0-9]{5})(?:/(?P<version>\d{1,4}))?/?")
FLOURISH_PATH = re.compile(r"/(?P<kind>visualisation|story)/(?P<id>\d{1,12})/?")


def embed_for(url: str) -> Embed | None:
    """The embed for a provider URL, or None when the URL is not one we know exactly."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("https", "http") or parts.username is not None or parts.password is not None:
        return None
    if port is not None or not parts.hostname or "\\" in url or any(ch.isspace() for ch in url):
        return None
    host, path = parts.hostname, parts.path or "/"

    if host in YOUTUBE_HOSTS or host == "youtu.be":
        video = _youtube_id(host, path, parts.query)
        return video and Embed("YouTube", url, f"https://www.youtube-nocookie.com/embed/{video}")
    if host in ("vimeo.com", "www.vimeo.com", "player.vimeo.com"):
        match = VIMEO_PATH.fullmatch(path)
        return match and Embed("Vimeo", url, f"https://player.vimeo.com/video/{match['id']}")
    if host in X_HOSTS:
        match = X_PATH.fullmatch(path)
        return match and Embed("X", url, f"https://platform.twitter.com/embed/Tweet.html?id={match['id']}")
    if host in ("instagram.com", "www.instagram.com"):
        match = INSTAGRAM_PATH.fullmatch(path)
        return match and Embed("Instagram", url, f"https://www.instagram.com/{match['kind']}/{match['id']}/embed/")
    if host == "bsky.app":
        match = BLUESKY_PATH.fullmatch(path)
        return match and Embed(
            "Bluesky", url, f"https://embed.bsky.app/embed/{match['actor']}/app.bsky.feed.post/{match['id']}"
        )
    if host in ("datawrapper.dwcdn.net", "www.datawrapper.de"):
        match = DATAWRAPPER_PATH.fullmatch(path)
        version = f"{match['version']}/" if match and match["version"] else ""
        return match and Embed("Datawrapper", url, f"https://datawrapper.dwcdn.net/{match['id']}/{version}")
    if host == "public.flourish.studio":
        match = FLOURISH_PATH.fullmatch(path)
        return match and Embed("Flourish", url, f"https://flo.uri.sh/{match['kind']}/{match['id']}/embed")
    if host in settings.EMBED_MASTODON_HOSTS:
        match = MASTODON_PATH.fullmatch(path)
        return match and Embed(f"Mastodon ({host})", url, f"https://{host}/@{match['user']}/{match['id']}/embed")
    return None


def _youtube_id(host: str, path: str, query: str) -> str | None:
    if host == "youtu.be":
        video = path.strip("/")
    elif path in ("/watch", "/watch/"):
        video = (parse_qs(query).get("v") or [""])[0]
    else:
        match = YOUTUBE_PATH.fullmatch(path)
        video = match["id"] if match else ""
    return video if YOUTUBE_ID.fullmatch(video) else None


# The placeholder's button, as templates/articles/embed.html writes it; only our markup can carry the attribute,
# since the sanitizer removes every data-* attribute an author types.
FRAME_SRC_ATTRIBUTE = re.compile(r'data-embed-src="([^"]+)"')


def frame_origins(body_html: str) -> list[str]:
    """Origins the page's embeds load from once clicked, for its Content-Security-Policy frame-src."""
    origins = {
        f"{parts.scheme}://{parts.netloc}"
        for parts in (urlsplit(html.unescape(src)) for src in FRAME_SRC_ATTRIBUTE.findall(body_html))
    }
    return sorted(origins)
