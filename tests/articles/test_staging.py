"""Staged changes to a live article: readers keep the live version while editors prepare, preview, publish or
discard changes; an author prepares changes to her own live story and an editor publishes them; a correction goes
out at once."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles import revisions
from articles.models import Article, ArticleRevision, PendingChange
from tests.articles.admin_posts import article_post, inline_management
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

LIVE_BODY = "The council voted 31 to 12 on Tuesday."
NEW_BODY = "The council voted 31 to 12 on Tuesday evening, after a long debate."


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def live(db, author):
    return make_article(headline="Council approves the tram", body=LIVE_BODY, authors=[author], tags=["transport"])


def stage(client, article, **changes):
    response = client.post(change_url(article), article_post(article=article, **changes))
    assert response.status_code == 302, response.context and response.context.get("errors")
    return response


def test_editing_a_live_article_keeps_readers_on_the_live_version(editor_client, client, live):
    stage(editor_client, live, body=NEW_BODY, new_tags="council")
    live.refresh_from_db()
    assert live.body == LIVE_BODY and live.revised_at is None
    assert sorted(live.tags.names()) == ["transport"]
    assert PendingChange.objects.get(article=live).data["fields"]["body"] == NEW_BODY
    page = client.get(live.get_absolute_url())
    assertContains(page, "on Tuesday.")
    assertNotContains(page, "long debate")


def test_the_change_form_shows_the_staged_version_and_what_it_changes(editor_client, live):
    stage(editor_client, live, body=NEW_BODY)
    response = editor_client.get(change_url(live))
    assertContains(response, "Unpublished changes")
    assertContains(response, "<del>Tuesday.</del><ins>Tuesday evening, after a long debate.</ins>", html=False)
    assert response.context["adminform"].form.initial["body"] == NEW_BODY
    assertContains(response, "Publish changes")
    assertContains(response, "Discard changes")


def test_the_changelist_marks_live_articles_with_unpublished_changes(editor_client, live):
    other = make_article(headline="Nothing pending here")
    stage(editor_client, live, body=NEW_BODY)
    changelist = reverse("admin:articles_article_changelist")
    assertContains(editor_client.get(changelist), "Published, with unpublished changes", count=1)
    filtered = editor_client.get(changelist, {"queue": "changes"})
    assertContains(filtered, live.headline)
    assertNotContains(filtered, other.headline)


def test_staff_preview_the_page_with_the_changes_never_cached(editor_client, client, live):
    stage(editor_client, live, body=NEW_BODY)
    preview = editor_client.get(live.get_absolute_url(), {"changes": "1"})
    assertContains(preview, "long debate")
    assertContains(preview, "Preview of unpublished changes")
    assert "no-cache" in preview["Cache-Control"]
    client.logout()
    assertNotContains(client.get(live.get_absolute_url(), {"changes": "1"}), "long debate")


def test_publishing_the_changes_applies_them_in_one_step_as_a_revision(editor_client, client, live):
    stage(editor_client, live, body=NEW_BODY, headline="Council approves the tram line", new_tags="council")
    response = editor_client.post(reverse("admin:articles_article_publish_changes", args=[live.pk]))
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.body == NEW_BODY and live.headline == "Council approves the tram line"
    assert sorted(live.tags.names()) == ["council", "transport"]
    assert live.has_public_changes, "an editorial change moves Updated"
    assert not PendingChange.objects.filter(article=live).exists()
    assert ArticleRevision.objects.filter(article=live).first().revision.comment == "Published the staged changes."
    assertContains(client.get(live.get_absolute_url()), "long debate")


def test_save_and_publish_changes_does_both_for_an_editor(editor_client, live):
    stage(editor_client, live, body=NEW_BODY, _publish_changes="Save and publish changes")
    live.refresh_from_db()
    assert live.body == NEW_BODY
    assert not PendingChange.objects.filter(article=live).exists()


def test_discarding_the_changes_leaves_the_live_article_as_it_was(editor_client, live):
    stage(editor_client, live, body=NEW_BODY)
    editor_client.post(reverse("admin:articles_article_discard_changes", args=[live.pk]))
    live.refresh_from_db()
    assert live.body == LIVE_BODY
    assert not PendingChange.objects.filter(article=live).exists()
    assertNotContains(editor_client.get(change_url(live)), "Unpublished changes")


def test_saving_the_live_text_again_drops_the_staged_change(editor_client, live):
    stage(editor_client, live, body=NEW_BODY)
    stage(editor_client, live, body=LIVE_BODY)
    assert not PendingChange.objects.filter(article=live).exists()


def test_a_correction_goes_out_at_once_without_the_staged_changes(editor_client, client, live):
    stage(editor_client, live, body=NEW_BODY)
    live.refresh_from_db()
    data = article_post(article=live, body=NEW_BODY) | inline_management("corrections", total=1)
    data["corrections-0-text"] = "The vote was on Tuesday, not Monday."
    assert editor_client.post(change_url(live), data).status_code == 302
    page = client.get(live.get_absolute_url())
    assertContains(page, "The vote was on Tuesday, not Monday.")
    assertNotContains(page, "long debate")
    live.refresh_from_db()
    assert live.has_public_changes and PendingChange.objects.filter(article=live).exists()


class TestAuthorOnHerLiveStory:
    @pytest.fixture
    def her_story(self, staff_author):
        return make_article(body=LIVE_BODY, authors=[staff_author.author_profile])

    def test_she_prepares_changes_that_wait_for_an_editor(self, author_client, client, her_story):
        form = author_client.get(change_url(her_story))
        assertContains(form, "until an editor publishes them")
        response = stage(author_client, her_story, body=NEW_BODY)
        assert response.status_code == 302
        her_story.refresh_from_db()
        assert her_story.body == LIVE_BODY and her_story.status == Article.Status.PUBLISHED
        assert PendingChange.objects.get(article=her_story).updated_by.username == "writer"
        assertNotContains(client.get(her_story.get_absolute_url()), "long debate")

    def test_she_cannot_publish_them_but_an_editor_can(self, author_client, editor, her_story):
        stage(author_client, her_story, body=NEW_BODY)
        publish = reverse("admin:articles_article_publish_changes", args=[her_story.pk])
        assert author_client.post(publish).status_code == 403
        assertNotContains(author_client.get(change_url(her_story)), 'form="publish-changes"')
        author_client.force_login(editor)
        author_client.post(publish)
        her_story.refresh_from_db()
        assert her_story.body == NEW_BODY

    def test_her_forged_status_or_featuring_changes_nothing(self, author_client, her_story):
        stage(author_client, her_story, body=NEW_BODY, status=Article.Status.DRAFT, featured="on")
        her_story.refresh_from_db()
        assert her_story.status == Article.Status.PUBLISHED and not her_story.featured


def test_restoring_a_live_article_stages_the_old_version(editor_client, editor, live):
    first = revisions.record(article=live, user=editor, comment="Published.")
    stage(editor_client, live, body=NEW_BODY, _publish_changes="Save and publish changes")
    editor_client.post(reverse("admin:articles_article_restore", args=[live.pk, first.pk]))
    live.refresh_from_db()
    assert live.body == NEW_BODY, "still live: the restore waits to be published"
    assert PendingChange.objects.get(article=live).data["fields"]["body"] == LIVE_BODY


def test_editors_change_a_scheduled_story_directly(editor_client):
    from datetime import timedelta

    from django.utils import timezone

    scheduled = make_article(published_at=timezone.now() + timedelta(days=1), category=make_category())
    stage(editor_client, scheduled, body="Changed before it appears.")
    scheduled.refresh_from_db()
    assert scheduled.body == "Changed before it appears."
