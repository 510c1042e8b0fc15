"""Accessibility and layout measured in Chromium: axe-core, the 360 px phone layout, the keyboard, layout shift."""

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.checks import (
    axe_violations,
    horizontal_overflow,
    images_without_dimensions,
    keyboard_problems,
    layout_shift,
    log_in,
    small_tap_targets,
    small_text,
)
from tests.browser.support import COMMENT, DESKTOP, PHONE, REPLY

pytestmark = pytest.mark.browser

# The pages people meet, by name: each maps to a function of the `story` fixture giving the address.
ADDRESSES = {
    "home": lambda story: reverse("articles:home"),
    "category": lambda story: story.category.get_absolute_url(),
    "article": lambda story: story.get_absolute_url(),
    "article-logged-in": lambda story: story.get_absolute_url(),  # as a commenter, with comments and a reply
    "author": lambda story: story.bylines[0].get_absolute_url(),
    "tag": lambda story: reverse("articles:tag", args=["diplomacy"]),
    "search": lambda story: reverse("articles:search") + "?q=trade",
    "search-no-results": lambda story: reverse("articles:search") + "?q=zebra",
    "trending": lambda story: reverse("articles:trending"),
    "login": lambda story: reverse("login"),
    "signup": lambda story: reverse("signup"),
    "404": lambda story: "/no-such-page/",
}


@pytest.fixture
def open_page(request, console, story, live_server):
    """Open a named page in a browser page, logged in as a commenter of a discussion for "article-logged-in"."""

    def open_(page, name):
        if name == "article-logged-in":
            log_in(page.context, request.getfixturevalue("discussion"), live_server)
        response = page.goto(ADDRESSES[name](story))
        if name == "404":
            assert response.status == 404
            console.forgive_not_found(page.url)
        else:
            assert response.ok, f"{page.url} answered {response.status}"
        expect(page.get_by_role("banner").get_by_role("link", name=settings.SITE_NAME, exact=True)).to_be_visible()
        if name == "article-logged-in":
            for body in (COMMENT, REPLY):
                expect(page.locator("#comments").get_by_text(body)).to_be_visible()
        return page

    return open_


def assert_no_problems(problems):
    """Fail with every problem listed by kind, so one run shows everything there is to fix."""
    report = "\n".join(f"{kind}: {item}" for kind, items in problems.items() for item in items)
    if report:
        pytest.fail(report, pytrace=False)


@pytest.mark.parametrize("name", ADDRESSES)
def test_page_is_accessible_on_desktop_and_phone(name, open_page, page, phone_page):
    """One test per page, so the database is set up once for all its checks; the failure lists every problem."""
    desktop = open_page(page, name)
    problems = {
        "axe at 1280px": axe_violations(desktop),
        "keyboard at 1280px": keyboard_problems(desktop),
    }
    phone = open_page(phone_page, name)
    problems |= {
        "axe at 360px": axe_violations(phone),
        "horizontal scroll at 360px": horizontal_overflow(phone),
        "tap target under 24px": small_tap_targets(phone),
        "text under 16px": small_text(phone),
        "image without width/height": images_without_dimensions(phone),
        "layout shift": [f"cumulative layout shift {shift:.3f}" for shift in [layout_shift(phone)] if shift >= 0.01],
    }

    assert_no_problems(problems)


def test_skip_link_moves_focus_to_the_main_content(page, story):
    page.goto("/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_whole_nav_is_reachable_and_clickable_on_a_phone(phone_page, story):
    phone_page.goto("/")
    links = phone_page.get_by_role("navigation", name="Sections").get_by_role("link")
    assert links.count() == 13

    for link in links.all():
        link.scroll_into_view_if_needed()
        expect(link).to_be_in_viewport()
        box = link.bounding_box()
        assert box["x"] >= -1 and box["x"] + box["width"] <= PHONE["width"] + 1, link.text_content()  # 1px: rounding
        link.click(trial=True)  # fails if the link is covered or cannot receive the tap

    assert horizontal_overflow(phone_page) == []


SCREENSHOT_PAGES = ["home", "category", "article", "login"]


def test_screenshots_of_the_main_pages_at_phone_and_desktop_width(new_context, story, artifacts_dir):
    for label, viewport in (("360", PHONE), ("1280", DESKTOP)):
        page = new_context(viewport=viewport, is_mobile=viewport is PHONE).new_page()
        for name in SCREENSHOT_PAGES:
            page.goto(ADDRESSES[name](story))
            path = artifacts_dir / f"{name}-{label}.png"
            page.screenshot(path=path, full_page=True)
            assert path.stat().st_size > 0
