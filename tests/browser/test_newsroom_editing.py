"""The newsroom's safety nets in Chromium: two editors saving the same article (the second is refused, shown the
first one's changes, and keeps what she typed), autosave with its restore offer and leave-page warning, and the
article form still working with JavaScript off."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article, EditorDraft
from tests.browser.test_newsroom import admin_log_in
from tests.factories import make_article, make_author, make_staff_user

pytestmark = pytest.mark.browser

BODY = "The council voted on Tuesday.\n\nWork starts in spring."


@pytest.fixture
def draft(sections):
    return make_article(
        headline="Council approves the tram",
        status=Article.Status.DRAFT,
        published_at=None,
        body=BODY,
        category=sections["News Analysis"],
        authors=[make_author(name="Selin Kaya", slug="selin-kaya")],
    )


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_two_editors_the_second_save_is_refused_and_keeps_her_text(new_context, console, draft):
    make_staff_user(group="Editors", username="first")
    make_staff_user(group="Editors", username="second")
    first, second = new_context().new_page(), new_context().new_page()
    admin_log_in(first, "first")
    admin_log_in(second, "second")
    first.goto(change_url(draft))
    second.goto(change_url(draft))

    first.get_by_label("Body").fill(BODY + "\n\nThe mayor welcomed the vote.")
    first.get_by_role("button", name="Save and continue editing").click()
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")

    second.get_by_label("Standfirst").fill("A vote of 31 to 12 ends two years of debate.")
    with second.expect_response(lambda r: r.request.method == "POST") as answer:
        second.get_by_role("button", name="Save and continue editing").click()
    assert answer.value.status == 409
    conflict = second.locator(".edit-conflict")
    expect(conflict).to_contain_text("first saved this article")
    expect(conflict.locator("ins").last).to_contain_text("The mayor welcomed the vote.")
    expect(second.get_by_label("Standfirst")).to_have_value("A vote of 31 to 12 ends two years of debate.")
    # The refused page is the answer to her save; Chromium reports its status as a console error.
    console.errors = [e for e in console.errors if "status of 409" not in e]

    # She merges: the first editor's paragraph is in her body too once she takes it; here she keeps theirs.
    second.get_by_label("Body").fill(BODY + "\n\nThe mayor welcomed the vote.")
    second.get_by_role("button", name="Save and continue editing").click()
    expect(second.locator(".messagelist")).to_contain_text("was changed successfully")
    draft.refresh_from_db()
    assert draft.standfirst == "A vote of 31 to 12 ends two years of debate."
    assert draft.body.endswith("The mayor welcomed the vote.")


def test_autosave_keeps_what_was_typed_and_offers_it_back(page, sections):
    editor = make_staff_user(group="Editors", username="editor")
    admin_log_in(page, "editor")
    page.goto(reverse("admin:articles_article_add"))
    page.get_by_label("Headline").fill("Ferry timetable changes from Monday")
    page.get_by_label("Body").fill(
        "Boats leave every **twenty** minutes.\n\n<iframe src='https://x.example/'></iframe>"
    )
    preview = page.locator("#body-preview")
    expect(preview.locator("strong")).to_have_text("twenty")  # the live preview, through the page's sanitizer
    expect(preview.locator(".body-preview__dropped")).to_contain_text("an iframe")
    expect(page.locator("#autosave-status")).to_contain_text("Draft kept at")
    assert EditorDraft.objects.get(user=editor, article=None).data["headline"] == "Ferry timetable changes from Monday"

    # Leaving with unsaved text asks first.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.goto(reverse("admin:index"))
    assert dialogs == ["beforeunload"]

    page.goto(reverse("admin:articles_article_add"))
    offer = page.locator("#autosave-offer")
    expect(offer).to_be_visible()
    expect(offer).to_contain_text("Restore what you typed at")
    page.get_by_role("button", name="Restore it").click()
    expect(page.get_by_label("Headline")).to_have_value("Ferry timetable changes from Monday")
    expect(offer).to_have_count(0)


def test_the_article_form_works_with_javascript_off(new_context, draft):
    make_staff_user(group="Editors", username="editor")
    page = new_context(java_script_enabled=False).new_page()
    admin_log_in(page, "editor")
    page.goto(change_url(draft))
    expect(page.locator("#autosave-offer")).to_be_hidden()
    expect(page.locator("#body-preview")).to_contain_text("The council voted on Tuesday.")  # the saved preview
    page.get_by_label("Headline").fill("Council approves the tram line")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    draft.refresh_from_db()
    assert draft.headline == "Council approves the tram line"
