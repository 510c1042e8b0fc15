"""Embeds from a provider's URL on a line of its own (articles/embeds.py): what becomes an embed, what stays text,
and the Content-Security-Policy of pages with and without one."""

import pytest
from django.test import override_settings

from articles.embeds import embed_for
from articles.markdown import render_markdown
from tests.factories import make_article

YOUTUBE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


@pytest.mark.parametrize(
    ("url", "provider", "frame_src"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", YOUTUBE),
        ("https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "YouTube", YOUTUBE),
        ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "YouTube", YOUTUBE),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", YOUTUBE),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", YOUTUBE),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "YouTube", YOUTUBE),
        ("http://www.youtube.com/live/dQw4w9WgXcQ", "YouTube", YOUTUBE),
        ("https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871"),
        ("https://player.vimeo.com/video/76979871", "Vimeo", "https://player.vimeo.com/video/76979871"),
        ("https://x.com/newsdesk/status/1790000000000000000", "X",
         "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000"),
        ("https://twitter.com/newsdesk/status/20/", "X", "https://platform.twitter.com/embed/Tweet.html?id=20"),
        ("https://www.instagram.com/p/C1a2B3c4D5e/", "Instagram", "https://www.instagram.com/p/C1a2B3c4D5e/embed/"),
        ("https://instagram.com/reel/C1a2B3c4D5e", "Instagram", "https://www.instagram.com/reel/C1a2B3c4D5e/embed/"),
        ("https://bsky.app/profile/newsdesk.bsky.social/post/3kq2abcdefg2h", "Bluesky",
         "https://embed.bsky.app/embed/newsdesk.bsky.social/app.bsky.feed.post/3kq2abcdefg2h"),
        ("https://mastodon.social/@newsdesk/112233445566778899", "Mastodon (mastodon.social)",
         "https://mastodon.social/@newsdesk/112233445566778899/embed"),
        ("https://datawrapper.dwcdn.net/AbC12/3/", "Datawrapper", "https://datawrapper.dwcdn.net/AbC12/3/"),
        ("https://www.datawrapper.de/_/AbC12/", "Datawrapper", "https://datawrapper.dwcdn.net/AbC12/"),
        ("https://public.flourish.studio/visualisation/1234567/", "Flourish",
         "https://flo.uri.sh/visualisation/1234567/embed"),
        ("https://public.flourish.studio/story/98765/", "Flourish", "https://flo.uri.sh/story/98765/embed"),
    ],
)  # fmt: skip
def test_each_provider_url_form_becomes_its_player_address(url, provider, frame_src):
    embed = embed_for(url)
    assert embed is not None, url
    assert (embed.provider, embed.frame_src) == (provider, frame_src)


@pytest.mark.parametrize(
    "url",
    [
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example/www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
        "https://www.y\u043eutube.com/watch?v=dQw4w9WgXcQ",  # a Cyrillic o
        "javascript:alert(1)//www.youtube.com/watch?v=dQw4w9WgXcQ",
        "ftp://www.youtube.com/watch?v=dQw4w9WgXcQ",
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ"onmouseover=alert(1)',
        "https://www.youtube.com/watch?v=../../evil",
        "https://youtu.be/dQw4w9WgXcQ/../../x",
        "https://x.com/newsdesk/status/20/photo/1?x=%22",
        "https://mastodon.evil.example/@newsdesk/112233445566778899",
        "https://vimeo.com/channels/staffpicks",
        "https://bsky.app/profile/a/post/../../x",
    ],
)
def test_lookalike_and_hostile_urls_are_not_embeds(url):
    assert embed_for(url) is None


def test_hostile_lookalikes_stay_text_in_the_body_and_add_no_player():
    html = render_markdown("Before.\n\nhttps://youtube.com.evil.example/watch?v=dQw4w9WgXcQ\n\nAfter.")
    assert "<p>https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ</p>" in html
    assert "data-embed-src" not in html


def test_a_lone_provider_link_becomes_a_placeholder_that_loads_nothing_until_asked():
    html = render_markdown("Watch the briefing:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3\n\nMore text.")

    assert "<iframe" not in html  # no request to the provider until the reader clicks
    assert "Content from YouTube" in html
    assert '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=3"' in html  # works as a link without JS
    assert f'data-embed-src="{YOUTUBE}"' in html
    assert ">Load content from YouTube</button>" in html
    assert "<p>More text.</p>" in html


@pytest.mark.parametrize(
    "body",
    [
        "See https://youtu.be/dQw4w9WgXcQ for the rest.",  # inside a sentence
        "Intro line\nhttps://youtu.be/dQw4w9WgXcQ\n",  # part of a paragraph
        "```\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n```",  # inside code
        "    https://youtu.be/dQw4w9WgXcQ",  # indented code
        "> https://youtu.be/dQw4w9WgXcQ",  # a quotation
    ],
)
def test_only_a_url_alone_on_its_line_and_outside_code_is_embedded(body):
    assert "data-embed-src" not in render_markdown(body)


def test_an_author_cannot_write_the_placeholder_by_hand():
    forged = (
        '<button data-embed-src="https://evil.example/" hidden>Load content from YouTube</button>\n\n'
        "newsblogembed0000000000000000x0"
    )
    html = render_markdown(forged)
    assert "data-embed-src" not in html and "evil.example" not in html


@pytest.mark.django_db
@override_settings(EMBED_MASTODON_HOSTS=frozenset({"newsie.social"}))
def test_only_the_listed_mastodon_servers_are_embedded():
    assert embed_for("https://newsie.social/@desk/1234") is not None
    assert embed_for("https://mastodon.social/@desk/1234") is None


@pytest.mark.django_db
def test_only_a_page_with_embeds_may_frame_and_only_its_providers(client):
    plain = make_article(body="Just words.")
    embedded = make_article(
        body="Chart:\n\nhttps://datawrapper.dwcdn.net/AbC12/3/\n\nClip:\n\nhttps://youtu.be/dQw4w9WgXcQ\n"
    )

    plain_page = client.get(plain.get_absolute_url())
    embed_page = client.get(embedded.get_absolute_url())

    assert "frame-src" not in plain_page["Content-Security-Policy"]
    assert "embeds.js" not in plain_page.content.decode()
    policy = embed_page["Content-Security-Policy"]
    frame_src = next(part for part in policy.split(";") if part.strip().startswith("frame-src"))
    assert frame_src.split()[1:] == ["https://datawrapper.dwcdn.net", "https://www.youtube-nocookie.com"]
    assert "unsafe-inline" not in policy
    assert "js/embeds" in embed_page.content.decode()
    # A cached copy keeps the policy it was rendered with.
    assert client.get(embedded.get_absolute_url())["Content-Security-Policy"] == policy
