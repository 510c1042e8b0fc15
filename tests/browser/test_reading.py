"""Flow 1, the reader: home → a section from the nav → an article, and everything the article page promises."""

import re
from urllib.parse import quote

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def read_story_from_home(page, story):
    """Click from the home page through the nav to the article, as a reader would, and return the page."""
    page.goto("/")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="World News").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("World News")
    page.get_by_role("link", name=story.headline).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(story.headline)
    return page


def assert_article_page_complete(page, story):
    figure = page.locator("figure")
    photo = figure.get_by_role("img", name=story.photo_alt)
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0"), "the photo did not load"
    expect(figure.locator("figcaption")).to_have_text("Delegates meet in Ankara, May 10, 2026. (AA Photo)")

    tags = page.get_by_role("region", name="Tags")
    for tag in ("diplomacy", "trade"):
        expect(tags.get_by_role("link", name=re.compile(rf"\b{tag}$"))).to_be_visible()

    share = page.get_by_role("region", name="Share This Post On")
    expect(share.get_by_role("heading", name="Share This Post On")).to_be_visible()
    links = share.get_by_role("link")
    assert links.count() >= 3
    encoded_url = quote(f"{settings.SITE_URL}{story.get_absolute_url()}", safe="")
    for link in links.all():
        expect(link).to_be_visible()
        assert encoded_url in link.get_attribute("href"), link.get_attribute("href")


def test_reader_goes_from_home_through_a_section_to_a_complete_article(page, story):
    read_story_from_home(page, story)

    assert page.url.endswith(story.get_absolute_url())
    assert_article_page_complete(page, story)
    expect(page.get_by_role("heading", name="Leave a comment")).to_be_visible()


def test_reader_flow_works_with_javascript_off(new_context, story):
    page = new_context(java_script_enabled=False).new_page()

    read_story_from_home(page, story)

    assert_article_page_complete(page, story)


def test_reader_on_a_phone_reaches_the_section_through_the_scrolling_nav(phone_page, story):
    page = read_story_from_home(phone_page, story)

    assert_article_page_complete(page, story)
