"""Share links that work without JavaScript: plain URLs to each network's share endpoint."""

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class ShareLink:
    network: str
    name: str  # what the link says
    label: str  # what a screen reader announces
    href: str


def share_links(*, url: str, title: str) -> list[ShareLink]:
    # Each value is quoted once and reused: quoting the same URL and headline for each of seven links was a
    # noticeable part of an uncached article page. quote(safe="") is what urlencode(quote_via=quote) applies.
    url, title = quote(url, safe=""), quote(title, safe="")
    return [
        ShareLink("facebook", "Facebook", "Share on Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
        ShareLink("x", "X", "Share on X", f"https://x.com/intent/post?url={url}&text={title}"),
        ShareLink(
            "linkedin", "LinkedIn", "Share on LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={url}"
        ),
        ShareLink("whatsapp", "WhatsApp", "Share on WhatsApp", f"https://wa.me/?text={title}%20{url}"),
        ShareLink("telegram", "Telegram", "Share on Telegram", f"https://t.me/share/url?url={url}&text={title}"),
        ShareLink("reddit", "Reddit", "Share on Reddit", f"https://www.reddit.com/submit?url={url}&title={title}"),
        ShareLink("email", "email", "Share by email", f"mailto:?subject={title}&body={url}"),
    ]
