"""Privacy-first embeds in Chromium: nothing leaves 127.0.0.1 until the reader clicks "Load content from ...", the
player then loads under the page's Content-Security-Policy, and without JavaScript the link is a plain link."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.factories import make_article

pytestmark = pytest.mark.browser

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture
def embed_story(sections):
    return make_article(
        headline="Flood defences hold on the river front",
        category=sections["Environment"],
        body=f"The city filmed the night the water rose.\n\n{VIDEO}\n\nEngineers will inspect the walls.",
    )


def record_outside_requests(context):
    """Answer any request for another host with a small page of our own (this machine has no internet) and
    return the list of those requests, so a test sees exactly what the page asked the world for."""
    outside = []

    def handle(route):
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.fulfill(status=200, content_type="text/html", body="<p>provider player</p>")

    context.route("**/*", handle)
    return outside


def test_nothing_is_fetched_from_the_provider_until_the_reader_clicks(new_context, embed_story):
    context = new_context()
    outside = record_outside_requests(context)
    page = context.new_page()

    page.goto(embed_story.get_absolute_url())
    embed = page.locator("figure.embed")
    expect(embed.get_by_text("Content from YouTube", exact=True)).to_be_visible()
    expect(embed.get_by_role("link", name=VIDEO)).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert outside == []
    assert page.locator("iframe").count() == 0

    embed.get_by_role("button", name="Load content from YouTube").click()

    player = page.frame_locator("iframe.embed__frame")
    expect(player.get_by_text("provider player")).to_be_visible()  # allowed by the page's frame-src
    assert outside == ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]


def test_without_javascript_the_embed_is_a_working_link(new_context, embed_story):
    context = new_context(java_script_enabled=False)
    outside = record_outside_requests(context)
    page = context.new_page()

    page.goto(embed_story.get_absolute_url())

    expect(page.get_by_role("button", name="Load content from YouTube")).to_be_hidden()
    link = page.locator("figure.embed").get_by_role("link", name=VIDEO)
    expect(link).to_have_attribute("href", VIDEO)
    assert outside == []
