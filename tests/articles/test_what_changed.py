"""For readers: "Updated … · See what changed" and the public page of published versions, word-level diffs and
corrections; a withheld revision's text never appears there, and neither do drafts or staged changes."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import revisions
from articles.models import Article, ArticleRevision
from tests.articles.admin_posts import article_post
from tests.factories import make_article

pytestmark = pytest.mark.django_db

BODY = "The council voted 31 to 13 on Tuesday."


def changes_url(article):
    return reverse("articles:changes", args=[article.slug])


def publish_edit(client, article, **changes):
    article.refresh_from_db()
    data = article_post(article=article, _publish_changes="on", **changes)
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302


@pytest.fixture
def story(db):
    return make_article(body=BODY, published_at=timezone.now() - timedelta(hours=3))


def test_an_updated_story_links_to_what_changed(editor_client, story):
    client = Client()
    assertNotContains(client.get(story.get_absolute_url()), "See what changed")
    publish_edit(editor_client, story, body="The council voted 31 to 12 on Tuesday.")
    page = client.get(story.get_absolute_url())
    assertContains(page, "Updated")
    assertContains(page, f'<a href="{changes_url(story)}">See what changed</a>', html=False)


def test_the_page_shows_each_published_change_word_by_word(editor_client, story):
    client = Client()
    publish_edit(editor_client, story, body="The council voted 31 to 12 on Tuesday.")
    publish_edit(editor_client, story, standfirst="A new standfirst for readers.")
    page = client.get(changes_url(story))
    assertContains(page, "Published")
    assertContains(page, "<del>13</del><ins>12</ins>", html=False)
    assertContains(page, "<ins>readers.</ins>", html=False)


def test_corrections_are_highlighted(client, story):
    story.corrections.create(text="The vote was 31 to 12, not 31 to 13.")
    assertContains(client.get(changes_url(story)), "<strong>Correction:</strong> The vote was 31 to 12", html=False)


def test_a_withheld_revision_never_shows_its_text(editor_client, story):
    client = Client()
    publish_edit(editor_client, story, body=BODY + " A claim our lawyers asked us to remove.")
    publish_edit(editor_client, story, body=BODY + " A fair summary instead.")
    withheld = ArticleRevision.objects.filter(article=story, live=True).order_by("pk")[1]
    assert "lawyers" in revisions.snapshots([withheld])[0].values["body"]
    url = reverse("admin:articles_article_revision_visibility", args=[story.pk, withheld.pk])
    editor_client.post(url, {"hide": "on", "reason": "Removed for legal reasons"})
    page = client.get(changes_url(story))
    assertNotContains(page, "lawyers")
    assertContains(page, "Removed for legal reasons")
    assertContains(page, "<ins> A fair summary instead.</ins>", html=False)


def test_staged_changes_and_drafts_never_show(editor_client):
    client = Client()
    draft = make_article(status=Article.Status.DRAFT, published_at=None, body="Draft text.")
    assert client.get(changes_url(draft)).status_code == 404
    live = make_article(body=BODY)
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[live.pk]), article_post(article=live, body="Not yet public.")
    )
    assert response.status_code == 302
    assertNotContains(client.get(changes_url(live)), "Not yet public.")


def test_the_page_costs_the_same_queries_for_2_or_12_versions(editor_client, story):
    publish_edit(editor_client, story, body=BODY + " One.")
    few = count_queries(story)
    for n in range(10):
        publish_edit(editor_client, story, body=BODY + f" Version {n}.")
    assert count_queries(story) == few


def count_queries(story) -> int:
    reader = Client()
    reader.get(changes_url(story))
    with CaptureQueriesContext(connection) as captured:
        assert reader.get(changes_url(story)).status_code == 200
    return len(captured)
