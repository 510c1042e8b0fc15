"""No lost edits: two people with the same article open. The second save is refused with a 409, shows what the first
person changed, and keeps what was typed; merged and saved again, it goes through. Body, standfirst and bylines."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article, PendingChange
from tests.articles.admin_posts import article_post
from tests.factories import make_article, make_author, make_staff_user

pytestmark = pytest.mark.django_db

BODY = "The council voted on Tuesday.\n\nWork starts in spring."


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def first(editor_client):
    return editor_client


@pytest.fixture
def second(db):
    client = Client()
    client.force_login(make_staff_user(group="Editors", username="second"))
    return client


@pytest.fixture
def draft(db):
    return make_article(status=Article.Status.DRAFT, published_at=None, body=BODY, standfirst="The short version.")


def open_form(client, article) -> dict:
    """What the browser holds once the change form is open: the fields as shown, with the revision they are at."""
    response = client.get(change_url(article))
    assert response.status_code == 200
    assert response.context["adminform"].form.initial["opened_revision"] is not None
    return article_post(article=Article.objects.get(pk=article.pk))


def as_posted(form) -> dict:
    return {key: form.data.getlist(key) for key in form.data}


def test_the_second_save_of_the_body_is_refused_and_shows_the_first_persons_paragraph(first, second, draft):
    form_a, form_b = open_form(first, draft), open_form(second, draft)
    form_a["body"] = BODY + "\n\nThe mayor welcomed the vote."
    assert first.post(change_url(draft), form_a).status_code == 302
    form_b["body"] = BODY.replace("Tuesday", "Tuesday evening")
    response = second.post(change_url(draft), form_b)
    assert response.status_code == 409
    assertContains(response, "editor saved this article", status_code=409)
    assertContains(response, "The mayor welcomed the vote.</ins>", status_code=409)
    assertContains(response, "Tuesday evening", status_code=409)  # what the second person typed is kept
    draft.refresh_from_db()
    assert "The mayor welcomed the vote." in draft.body and "Tuesday evening" not in draft.body


def test_the_merged_text_saves_on_the_second_try(first, second, draft):
    form_a, form_b = open_form(first, draft), open_form(second, draft)
    form_a["body"] = BODY + "\n\nThe mayor welcomed the vote."
    first.post(change_url(draft), form_a)
    form_b["body"] = BODY.replace("Tuesday", "Tuesday evening")
    refused = second.post(change_url(draft), form_b)
    merged = as_posted(refused.context["adminform"].form)
    merged["body"] = [BODY.replace("Tuesday", "Tuesday evening") + "\n\nThe mayor welcomed the vote."]
    assert second.post(change_url(draft), merged).status_code == 302
    draft.refresh_from_db()
    assert "Tuesday evening" in draft.body and "The mayor welcomed the vote." in draft.body


def test_a_standfirst_change_is_not_overwritten(first, second, draft):
    form_a, form_b = open_form(first, draft), open_form(second, draft)
    form_a["standfirst"] = "The longer, better version."
    first.post(change_url(draft), form_a)
    form_b["headline"] = "A new headline from the second editor"
    response = second.post(change_url(draft), form_b)
    assert response.status_code == 409
    assertContains(response, "Standfirst", status_code=409)
    assertContains(response, "<ins>longer, better</ins>", status_code=409)
    draft.refresh_from_db()
    assert draft.standfirst == "The longer, better version."
    assert draft.headline != "A new headline from the second editor"


def test_a_byline_change_is_not_overwritten(first, second, draft):
    extra = make_author(name="Added Byline")
    form_a, form_b = open_form(first, draft), open_form(second, draft)
    form_a |= {"article_authors-TOTAL_FORMS": "2", "article_authors-1-author": str(extra.pk)}
    form_a["article_authors-1-position"] = "1"
    assert first.post(change_url(draft), form_a).status_code == 302
    form_b["standfirst"] = "Changed by the second editor."
    response = second.post(change_url(draft), form_b)
    assert response.status_code == 409
    assertContains(response, "Bylines", status_code=409)
    assertContains(response, "Added Byline", status_code=409)
    assert draft.authors.filter(pk=extra.pk).exists()


def test_a_staged_change_to_a_live_story_is_not_overwritten_either(first, second):
    live = make_article(body=BODY)
    form_a, form_b = open_form(first, live), open_form(second, live)
    form_a["body"] = BODY + "\n\nA staged paragraph."
    first.post(change_url(live), form_a)
    form_b["body"] = BODY + "\n\nAnother staged paragraph."
    assert second.post(change_url(live), form_b).status_code == 409
    assert PendingChange.objects.get(article=live).data["fields"]["body"].endswith("A staged paragraph.")


def test_one_person_saving_twice_in_a_row_is_no_conflict(first, draft):
    form = open_form(first, draft)
    form["body"] = BODY + " One."
    assert first.post(change_url(draft), form).status_code == 302
    again = open_form(first, draft)
    again["body"] = BODY + " Two."
    assert first.post(change_url(draft), again).status_code == 302
