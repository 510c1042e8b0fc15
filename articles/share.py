"""Share links that work without JavaScript: plain URLs to each network's share endpoint."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    href: str


def share_links(*, url: str, title: str) -> list[ShareLink]:
    def query(**params):
        return urlencode(params, quote_via=quote)

    return [
        ShareLink("facebook", "Share on Facebook", f"https://www.facebook.com/sharer/sharer.php?{query(u=url)}"),
        ShareLink("x", "Share on X", f"https://x.com/intent/post?{query(url=url, text=title)}"),
        ShareLink("linkedin", "Share on LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?{query(url=url)}"),
        ShareLink("whatsapp", "Share on WhatsApp", f"https://wa.me/?{query(text=f'{title} {url}')}"),
        ShareLink("telegram", "Share on Telegram", f"https://t.me/share/url?{query(url=url, text=title)}"),
        ShareLink("reddit", "Share on Reddit", f"https://www.reddit.com/submit?{query(url=url, title=title)}"),
        ShareLink("email", "Share by email", f"mailto:?{query(subject=title, body=url)}"),
    ]
