"""Article revisions in the admin: each save kept in full, a word-level diff between any two, restore as a new
revision, and withholding a revision from readers."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles import revisions
from articles.models import Article, ArticleRevision
from tests.articles.admin_posts import article_post, byline_rows
from tests.factories import make_article, make_author, make_category, make_staff_user

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def revisions_url(article):
    return reverse("admin:articles_article_revisions", args=[article.pk])


def save(client, article, **changes):
    article.refresh_from_db()
    response = client.post(change_url(article), article_post(article=article, **changes))
    assert response.status_code == 302, response.context and response.context.get("errors")
    return response


@pytest.fixture
def draft(db):
    return make_article(
        status=Article.Status.DRAFT,
        published_at=None,
        body="The minister said 40 percent of homes have solar panels.",
        authors=[make_author(name="First Writer")],
        tags=["energy"],
    )


def test_every_admin_save_keeps_fields_bylines_tags_and_photo_reference(editor_client, draft):
    second = make_author(name="Second Writer")
    save(editor_client, draft, headline="Solar on four homes in ten")
    data = article_post(article=draft, headline="Solar on four homes in ten", new_tags="housing")
    data |= byline_rows(draft) | {
        "article_authors-TOTAL_FORMS": "2",
        "article_authors-1-author": str(second.pk),
        "article_authors-1-position": "1",
    }
    assert editor_client.post(change_url(draft), data).status_code == 302
    latest, first = revisions.snapshots(ArticleRevision.objects.filter(article=draft))[:2]
    assert first.values["headline"] == latest.values["headline"] == "Solar on four homes in ten"
    assert first.values["bylines"] == "First Writer"
    assert latest.values["bylines"] == "First Writer, Second Writer"
    assert first.values["tags"] == "energy" and latest.values["tags"] == "energy, housing"
    assert latest.values["photo"] == "" and "photo_id" in latest.fields
    assert latest.entry.revision.user.username == "editor"
    assert "Bylines" in latest.entry.revision.comment or "bylines" in latest.entry.revision.comment


def test_the_diff_between_two_revisions_is_word_by_word(editor_client, draft):
    save(editor_client, draft)
    save(editor_client, draft, body="The minister said 14 percent of homes have solar panels.")
    newer, older = ArticleRevision.objects.filter(article=draft)[:2]
    response = editor_client.get(revisions_url(draft), {"old": older.pk, "new": newer.pk})
    assertContains(response, "<del>40</del><ins>14</ins>", html=False)
    assertContains(response, " percent of homes have solar panels.")


def test_the_diff_escapes_what_was_typed(editor_client, draft):
    save(editor_client, draft)
    save(editor_client, draft, body="A <script>alert(1)</script> line.")
    newer, older = ArticleRevision.objects.filter(article=draft)[:2]
    response = editor_client.get(revisions_url(draft), {"old": older.pk, "new": newer.pk})
    assertNotContains(response, "<script>alert(1)")
    assertContains(response, "&lt;script&gt;")


def test_restore_brings_back_the_text_and_bylines_as_a_new_revision(editor_client, draft):
    save(editor_client, draft)
    original = ArticleRevision.objects.filter(article=draft).first()
    other = make_author(name="Someone Else")
    data = article_post(article=draft, body="Rewritten entirely.", headline="Another headline")
    data |= {"article_authors-0-author": str(other.pk)}
    assert editor_client.post(change_url(draft), data).status_code == 302
    response = editor_client.post(reverse("admin:articles_article_restore", args=[draft.pk, original.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.body == "The minister said 40 percent of homes have solar panels."
    assert [a.name for a in draft.authors.all()] == ["First Writer"]
    # The version before its first admin save, two saves, the restore: nothing in the history is overwritten.
    assert ArticleRevision.objects.filter(article=draft).count() == 4
    assert "Restored" in ArticleRevision.objects.filter(article=draft).first().revision.comment


def test_restore_is_a_post_only_and_needs_the_change_permission(client, draft):
    author_user = make_staff_user(group="Authors", username="stranger")
    client.force_login(author_user)
    revisions.record(article=draft, user=None, comment="Created.")
    entry = ArticleRevision.objects.get(article=draft)
    restore = reverse("admin:articles_article_restore", args=[draft.pk, entry.pk])
    assert client.get(restore).status_code in {404, 405}
    assert client.post(restore).status_code == 404, "not her article: not found"
    assert client.get(revisions_url(draft)).status_code == 404


def test_an_author_sees_the_revisions_of_her_own_draft(author_client, staff_author):
    response = author_client.post(
        reverse("admin:articles_article_add"), article_post(category=make_category(), headline="My story")
    )
    assert response.status_code == 302
    article = Article.objects.get(headline="My story")
    assertContains(author_client.get(revisions_url(article)), "Created.")


def test_an_editor_withholds_a_live_revision_with_a_reason(editor_client):
    article = make_article()
    revisions.record(article=article, user=None, comment="Published.")
    entry = ArticleRevision.objects.get(article=article)
    url = reverse("admin:articles_article_revision_visibility", args=[article.pk, entry.pk])
    editor_client.post(url, {"hide": "on", "reason": ""})
    entry.refresh_from_db()
    assert entry.is_public, "a reason is required"
    editor_client.post(url, {"hide": "on", "reason": "Legal removal"})
    entry.refresh_from_db()
    assert not entry.is_public and entry.hidden_reason == "Legal removal" and entry.hidden_by.username == "editor"
    assertContains(editor_client.get(revisions_url(article)), "Withheld: Legal removal")


def test_authors_cannot_withhold_revisions(author_client, staff_author):
    article = make_article(authors=[staff_author.author_profile], status=Article.Status.DRAFT, published_at=None)
    revisions.record(article=article, user=None, comment="Created.")
    entry = ArticleRevision.objects.get(article=article)
    url = reverse("admin:articles_article_revision_visibility", args=[article.pk, entry.pk])
    assert author_client.post(url, {"hide": "on", "reason": "Mine"}).status_code == 403


def test_word_diff_keeps_spacing_and_marks_replacements():
    segments = revisions.word_diff("one two  three", "one 2  three four")
    assert segments == [
        revisions.Segment("same", "one "),
        revisions.Segment("del", "two"),
        revisions.Segment("ins", "2"),
        revisions.Segment("same", "  three"),
        revisions.Segment("ins", " four"),
    ]
