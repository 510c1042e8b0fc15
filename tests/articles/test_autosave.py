"""Autosave and preview in the article form: a private draft per user, offered back when the form is opened again and
gone once the form is saved; never public, never a revision. The body preview goes through the page's sanitizer and
names what it leaves out, as does the save."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, ArticleRevision, EditorDraft
from tests.articles.admin_posts import article_post
from tests.factories import make_article, make_staff_user

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")
AUTOSAVE_NEW = reverse("admin:articles_article_autosave_new")
PREVIEW = reverse("admin:articles_article_preview")


def autosave_url(article):
    return reverse("admin:articles_article_autosave", args=[article.pk])


def test_text_typed_into_the_add_form_is_kept_and_offered_back(editor_client, editor):
    response = editor_client.post(AUTOSAVE_NEW, {"headline": "Half a headline", "body": "A first paragraph"})
    assert response.status_code == 200 and response.json()["label"].startswith("Draft kept at")
    draft = EditorDraft.objects.get(user=editor, article=None)
    assert draft.data == {"headline": "Half a headline", "body": "A first paragraph"}
    form = editor_client.get(ADD)
    assert form.context["autosave_offer"] == draft
    assertContains(form, 'id="autosave-offer" class="autosave-offer" hidden')  # shown by the script
    assertContains(form, "A first paragraph")  # in the JSON the script restores from


def test_the_draft_is_private_to_its_writer(editor_client, db):
    editor_client.post(AUTOSAVE_NEW, {"headline": "Mine alone"})
    other = Client()
    other.force_login(make_staff_user(group="Editors", username="other"))
    assert other.get(ADD).context["autosave_offer"] is None


def test_saving_the_form_removes_the_draft(editor_client, editor, category):
    editor_client.post(AUTOSAVE_NEW, {"headline": "Council approves the new tram line"})
    assert editor_client.post(ADD, article_post(category=category)).status_code == 302
    assert not EditorDraft.objects.filter(user=editor).exists()


def test_a_change_form_draft_is_offered_only_when_it_differs(editor_client, editor):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    editor_client.post(autosave_url(article), {"body": article.body})
    assert (
        editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).context["autosave_offer"] is None
    )
    editor_client.post(autosave_url(article), {"body": article.body + " More."})
    offer = editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).context["autosave_offer"]
    assert offer.data["body"].endswith(" More.")


def test_autosave_never_reaches_readers_or_the_history(editor_client, client):
    article = make_article(body="What readers read.")
    editor_client.post(autosave_url(article), {"body": "Half-typed secret."})
    assert not ArticleRevision.objects.filter(article=article).exists()
    reader = Client()
    assertNotContains(reader.get(article.get_absolute_url()), "Half-typed secret.")
    assertNotContains(reader.get(reverse("articles:changes", args=[article.slug])), "Half-typed secret.")


def test_discarding_the_draft(editor_client, editor):
    editor_client.post(AUTOSAVE_NEW, {"headline": "Gone soon"})
    assert editor_client.post(AUTOSAVE_NEW, {"discard": "on"}).json() == {"discarded": True}
    assert not EditorDraft.objects.filter(user=editor).exists()


def test_autosave_refuses_bad_input_and_other_peoples_articles(editor_client, author_client):
    assert editor_client.get(AUTOSAVE_NEW).status_code == 405
    response = editor_client.post(AUTOSAVE_NEW, {"headline": "x" * 201})
    assert response.status_code == 400 and "200 characters" in response.json()["errors"][0]
    assert editor_client.post(AUTOSAVE_NEW, {"body": "a\x00b"}).status_code == 400
    not_hers = make_article(status=Article.Status.DRAFT, published_at=None)
    assert author_client.post(autosave_url(not_hers), {"body": "x"}).status_code == 404
    assert Client().post(AUTOSAVE_NEW, {"body": "x"}).status_code == 302  # to the login page


def test_the_preview_uses_the_pages_sanitizer_and_names_what_it_drops(editor_client):
    body = 'A **bold** claim.\n\n<iframe src="https://evil.example/"></iframe>\n\n![A chart](chart.png)'
    answer = editor_client.post(PREVIEW, {"body": body}).json()
    assert "<strong>bold</strong>" in answer["html"]
    assert "iframe" not in answer["html"] and "<img" not in answer["html"]
    assert any(item.startswith("an iframe") for item in answer["dropped"])
    assert any(item.startswith("an image") for item in answer["dropped"])


def test_saving_a_body_with_dropped_markup_warns_naming_it(editor_client, category):
    data = article_post(category=category, body="Watch this:\n\n<iframe src='https://x.example/'></iframe>")
    response = editor_client.post(ADD, data, follow=True)
    assertContains(response, "Saved, but the page leaves out what the body")
    assertContains(response, "an iframe")
    article = Article.objects.get(slug=data["slug"])
    change = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assertContains(change, "Left out of the page: an iframe")
    assertContains(change, 'class="body-preview__html"><p>Watch this:</p>')
