"""Accessibility and layout measured in Chromium: axe-core, the 360 px phone layout, the keyboard, layout shift."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.checks import (
    axe_violations,
    focusable_elements,
    horizontal_overflow,
    images_without_dimensions,
    layout_shift,
    small_tap_targets,
    small_text,
    tab_through,
)
from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

# The pages a reader meets, by name: each maps to a function of the `story` fixture giving the address.
READER_PAGES = {
    "home": lambda story: reverse("articles:home"),
    "category": lambda story: story.category.get_absolute_url(),
    "article": lambda story: story.get_absolute_url(),
    "author": lambda story: story.bylines[0].get_absolute_url(),
    "tag": lambda story: reverse("articles:tag", args=["diplomacy"]),
    "search": lambda story: reverse("articles:search") + "?q=trade",
    "login": lambda story: reverse("login"),
    "404": lambda story: "/no-such-page/",
}


def visit(page, console, url):
    response = page.goto(url)
    if url == "/no-such-page/":
        assert response.status == 404
        # Chromium reports the 404 document itself as a failed resource; that one is the point of the page.
        console.errors = [e for e in console.errors if "status of 404" not in e]
    else:
        assert response.ok, f"{url} answered {response.status}"
    return page


def assert_no_problems(problems):
    """Fail with every problem listed by kind, so one run shows everything there is to fix."""
    report = "\n".join(f"{kind}: {item}" for kind, items in problems.items() for item in items)
    if report:
        pytest.fail(report, pytrace=False)


@pytest.mark.parametrize("name", READER_PAGES)
def test_page_has_no_axe_violations_on_desktop_or_phone(name, page, phone_page, console, story):
    url = READER_PAGES[name](story)

    problems = {
        "axe at 1280px": axe_violations(visit(page, console, url)),
        "axe at 360px": axe_violations(visit(phone_page, console, url)),
    }

    assert_no_problems(problems)


@pytest.mark.parametrize("name", READER_PAGES)
def test_page_fits_a_phone_with_large_enough_text_and_targets(name, phone_page, console, story):
    page = visit(phone_page, console, READER_PAGES[name](story))

    problems = {
        "horizontal scroll": horizontal_overflow(page),
        "tap target under 24px": small_tap_targets(page),
        "text under 16px": small_text(page),
        "image without width/height": images_without_dimensions(page),
    }

    assert_no_problems(problems)
    assert layout_shift(page) < 0.01


@pytest.mark.parametrize("name", READER_PAGES)
def test_keyboard_reaches_every_control_in_order_with_visible_focus(name, page, console, story):
    visit(page, console, READER_PAGES[name](story))

    stops = tab_through(page)

    assert stops[0]["name"].startswith('<a.skip-link> "Skip to main content"')
    assert [stop["name"] for stop in stops] == focusable_elements(page)
    assert [stop["name"] for stop in stops if not stop["visible"]] == []


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
            page.goto(READER_PAGES[name](story))
            path = artifacts_dir / f"{name}-{label}.png"
            page.screenshot(path=path, full_page=True)
            assert path.stat().st_size > 0
