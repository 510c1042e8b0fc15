"""Flows 4 and 5, the newsroom in the Django admin: an editor publishes an article with a photo; an author submits a
draft for review and cannot publish it."""

import io
import re

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.support import PASSWORD
from tests.factories import make_author, make_staff_user

pytestmark = pytest.mark.browser

HEADLINE = "Port workers end strike after pay deal"


def jpeg_upload(name="harbour.jpg", size=(1600, 1067)):
    """A photo as the browser's file picker hands it over: a real JPEG, large enough for several renditions."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 110, 150)).save(buffer, "JPEG", quality=80)
    return {"name": name, "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def admin_log_in(page, username):
    page.goto(reverse("admin:index"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def choose_in_autocomplete(page, field, text):
    """Pick `text` in one of the admin's autocomplete boxes: open it, type, click the suggestion."""
    page.locator(f".field-{field} .select2-selection").first.click()
    page.locator(".select2-search__field").last.fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def start_article(page):
    page.get_by_role("rowheader", name="Articles", exact=True).get_by_role("link").click()
    page.get_by_role("link", name="Add article").click()
    page.get_by_label("Headline").fill(HEADLINE)
    page.get_by_label("Standfirst").fill("Dockers return on Monday with a 12 percent raise over two years.")
    page.get_by_label("Body").fill("The union voted on Sunday to accept the offer.\n\nShips have queued for a week.")
    choose_in_autocomplete(page, "category", "Business")


def test_editor_publishes_an_article_with_a_photo_that_appears_on_the_site(page, sections):
    editor = make_staff_user(group="Editors", username="editor")
    make_author(name="Selin Kaya", slug="selin-kaya", user=editor)
    admin_log_in(page, "editor")

    start_article(page)
    page.locator("#id_new_photo").set_input_files(jpeg_upload())
    page.get_by_label("Alt text for this story").fill("Cranes idle over an empty quay")
    page.get_by_label("Caption for this story").fill("The container terminal in Mersin, June 2, 2026.")
    page.get_by_label("Credit of the new photo").fill("DHA")
    page.get_by_label("Status").select_option(label="Published")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get(headline=HEADLINE)
    assert article.is_public

    for address in (reverse("articles:home"), sections["Business"].get_absolute_url()):
        page.goto(address)
        card = page.locator("article.card", has=page.get_by_role("link", name=HEADLINE))
        expect(card).to_be_visible()
        for srcset in (card.locator("source").get_attribute("srcset"), card.locator("img").get_attribute("srcset")):
            widths = re.findall(r" (\d+)w", srcset)
            assert len(widths) >= 2, f"{address}: srcset {srcset!r} offers fewer than two renditions"

    page.get_by_role("link", name=HEADLINE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(page.locator("figcaption")).to_have_text("The container terminal in Mersin, June 2, 2026. (DHA)")
    photo = page.get_by_role("img", name="Cranes idle over an empty quay")
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0"), "the photo did not load"
    assert re.findall(r" (\d+)w", photo.get_attribute("srcset"))


def test_author_submits_a_draft_for_review_and_cannot_publish_it(page, console, sections):
    writer = make_staff_user(group="Authors", username="writer")
    make_author(name="Writer Person", slug="writer-person", user=writer)
    admin_log_in(page, "writer")

    start_article(page)
    status = page.get_by_label("Status")
    assert status.locator("option").all_text_contents() == ["Draft", "In review"]
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get(headline=HEADLINE)
    assert article.status == Article.Status.DRAFT

    # Submitting for review is the author's last step.
    page.get_by_label("Status").select_option(label="In review")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW

    # Publishing is not offered in bulk either, and a "Published" choice slipped into the form is refused.
    actions = page.locator("select[name=action] option").all_text_contents()
    assert not any("Publish" in action for action in actions), actions
    page.locator("#result_list").get_by_role("link", name=HEADLINE).click()
    page.get_by_label("Status").evaluate(
        "select => { select.add(new Option('Published', 'published')); select.value = 'published'; }"
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    # The refused form is drawn again and asks for its live preview at once: let that answer arrive before the
    # browser closes, which would otherwise send it without the session's cookies (a 403 of the test's making).
    page.wait_for_load_state("networkidle")

    # Readers still cannot see it.
    page.context.clear_cookies()
    assert page.goto(article.get_absolute_url()).status == 404
    console.forgive_not_found(page.url)
    page.goto(sections["Business"].get_absolute_url())
    expect(page.get_by_role("link", name=HEADLINE)).to_have_count(0)
