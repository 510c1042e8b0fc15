"""The front of the site as a reader meets it in Chromium: #TrendingNews fits about two screens, no picture is
stretched past its rendition, the nav is one row on a desktop and its focus ring is never clipped on a phone, a form's
error summary takes focus, and "Your comment is posted." is on screen where the redirect lands. Screenshots of the
home, trending and article pages at 360 and 1280 px go to artifacts/screenshots/."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import ArticleDailyReads
from tests.browser.checks import axe_violations, log_in
from tests.browser.support import DESKTOP, PHONE
from tests.factories import make_article, make_comment, make_image_file

pytestmark = pytest.mark.browser

# A page of this many viewport heights or less; the old trending page was about twelve.
TRENDING_MAX_SCREENS = 2.5


@pytest.fixture
def newsroom(story, sections):
    """Twenty illustrated stories across the sections, each read and commented on this week, so both trending lists
    are full and every front-page block has pictures."""
    names = list(sections)
    for n in range(20):
        article = make_article(
            headline=f"Story {n} from the {names[n % len(names)]} desk",
            category=sections[names[n % len(names)]],
            photo=make_image_file(size=(1600, 1067), color=(30 + n * 10, 90, 160)),
            photo_alt=f"A flat colour field, number {n}",
        )
        ArticleDailyReads.objects.create(article=article, day=timezone.localdate(), reads=100 - n)
        make_comment(article=article)
    return story


def load_every_image(page):
    """Load the lazy images too (as scrolling would), and wait until every image has loaded."""
    page.evaluate(
        """() => Promise.all([...document.images].map((img) => {
          img.loading = "eager";
          return img.complete ? null : new Promise((done) => { img.onload = img.onerror = done; });
        }))"""
    )
    broken = page.evaluate("() => [...document.images].filter((img) => !img.naturalWidth).map((img) => img.src)")
    assert broken == []


def upscaled_images(page):
    """Images drawn wider, in device pixels, than the file the browser chose."""
    return page.evaluate(
        """() => [...document.images]
          .filter((img) => img.clientWidth * devicePixelRatio > img.naturalWidth + 1)
          .map((img) => `${img.currentSrc}: ${img.naturalWidth}px file, ${img.clientWidth * devicePixelRatio}px`)"""
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
def test_home_trending_and_article_pages_never_upscale_a_picture(new_context, newsroom, viewport, artifacts_dir):
    page = new_context(viewport=viewport, is_mobile=viewport is PHONE).new_page()
    for name, address in (
        ("home", reverse("articles:home")),
        ("trending", reverse("articles:trending")),
        ("article", newsroom.get_absolute_url()),
    ):
        page.goto(address)
        load_every_image(page)
        assert upscaled_images(page) == [], name
        page.screenshot(path=artifacts_dir / f"{name}-{viewport['width']}.png", full_page=True)


def test_trending_is_a_compact_list_under_two_and_a_half_screens(page, newsroom):
    page.goto(reverse("articles:trending"))
    rows = page.locator(".ranked")
    expect(rows).to_have_count(20)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < TRENDING_MAX_SCREENS * DESKTOP["height"], f"trending page is {height}px tall"
    thumb = rows.first.locator("img").bounding_box()
    assert thumb["width"] == thumb["height"] == 80
    assert axe_violations(page) == []


def test_the_nav_is_one_row_at_desktop_width(page, newsroom):
    page.goto("/")
    tops = page.locator(".site-nav__link").evaluate_all("links => links.map((a) => a.getBoundingClientRect().top)")
    assert len(tops) == 13
    assert len(set(tops)) == 1
    scroller = page.locator(".site-nav__list").evaluate("list => [list.scrollWidth, list.clientWidth]")
    assert scroller[0] <= scroller[1], "the desktop nav should not need scrolling"


def test_a_focused_nav_link_shows_its_whole_focus_ring_on_a_phone(phone_page, newsroom):
    phone_page.goto("/")
    links = phone_page.locator(".site-nav__link")
    links.first.focus()
    for index in range(links.count()):
        if index:
            phone_page.keyboard.press("Tab")
        expect(links.nth(index)).to_be_focused()
        expect(links.nth(index)).to_be_in_viewport(ratio=1)  # Chromium scrolls the list to it after focusing
        ring = phone_page.evaluate(
            """() => {
              const link = document.activeElement, list = link.closest('.site-nav__list');
              const style = getComputedStyle(link), width = parseFloat(style.outlineWidth);
              const offset = parseFloat(style.outlineOffset), r = link.getBoundingClientRect();
              const clip = list.getBoundingClientRect();
              const grow = width + offset;  // how far the ring reaches outside the link's box (negative: inside)
              return {style: style.outlineStyle, width, inside: r.left - grow >= clip.left - 0.5
                && r.right + grow <= clip.right + 0.5 && r.top - grow >= clip.top - 0.5
                && r.bottom + grow <= clip.bottom + 0.5 && r.left - grow >= 0 && r.right + grow <= innerWidth};
            }"""
        )
        assert ring["style"] != "none" and ring["width"] >= 2, f"link {index} has no visible focus ring"
        assert ring["inside"], f"the focus ring of nav link {index} is clipped"


def test_the_error_summary_takes_focus_and_links_to_the_fields(page, newsroom):
    page.goto(reverse("signup"))
    page.get_by_label("Email address").fill("not an address")
    page.get_by_role("button", name="Create account").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Email address: Enter a valid email address.")
    summary.get_by_role("link", name="Email address: Enter a valid email address.").click()
    expect(page.get_by_label("Email address")).to_be_focused()
    assert axe_violations(page) == []


def test_the_confirmation_is_on_screen_where_posting_a_comment_lands(new_context, newsroom, regular, live_server):
    for viewport in (DESKTOP, PHONE):
        context = new_context(viewport=viewport, is_mobile=viewport is PHONE)
        log_in(context, regular, live_server)
        page = context.new_page()
        page.goto(newsroom.get_absolute_url())
        page.get_by_label("Your comment").fill(f"Posted from a {viewport['width']} px screen.")
        page.get_by_role("button", name="Post comment").click()
        page.wait_for_url("**#comment-*")
        message = page.get_by_role("status").filter(has_text="Your comment is posted.")
        expect(message).to_be_in_viewport()
        expect(page.locator(".comment:target")).to_be_in_viewport()
