"""The newsroom dashboard on the admin index: in review, scheduled (with times), live with unpublished changes, and
comments awaiting moderation, each linking to the filtered list; authors see only their own articles."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, PendingChange
from comments.models import Comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")
CHANGELIST = reverse("admin:articles_article_changelist")


@pytest.fixture
def newsroom(db):
    review = make_article(headline="Waiting for review", status=Article.Status.REVIEW, published_at=None)
    scheduled = make_article(headline="Out tomorrow", published_at=timezone.now() + timedelta(days=1))
    live = make_article(headline="Live with a fix pending")
    PendingChange.objects.create(article=live, data={"fields": {}, "tags": [], "photo": None})
    make_article(headline="Just live")
    for _ in range(3):
        make_comment(article=live, status=Comment.Status.PENDING)
    return {"review": review, "scheduled": scheduled, "live": live}


def test_editors_see_every_queue_with_links_to_the_filtered_lists(editor_client, newsroom):
    response = editor_client.get(INDEX)
    board = response.context["dashboard"]
    assert [a.headline for a in board["in_review"]] == ["Waiting for review"]
    assert [a.headline for a in board["scheduled"]] == ["Out tomorrow"]
    assert [p.article.headline for p in board["pending"]] == ["Live with a fix pending"]
    assert board["comments_waiting"] == 3
    assertContains(response, "3 comments waiting")
    assertContains(response, f'href="{CHANGELIST}?status__exact=review"')
    assertContains(response, f'href="{CHANGELIST}?queue=scheduled"')
    assertContains(response, f'href="{CHANGELIST}?queue=changes"')
    assertContains(response, f'href="{reverse("admin:comments_comment_changelist")}?status__exact=pending"')
    assertContains(response, "<time datetime=", html=False)


def test_the_links_give_the_lists_they_promise(editor_client, newsroom):
    scheduled = editor_client.get(CHANGELIST, {"queue": "scheduled"}).content.decode()
    assert "Out tomorrow" in scheduled and "Just live" not in scheduled
    changes = editor_client.get(CHANGELIST, {"queue": "changes"}).content.decode()
    assert "Live with a fix pending" in changes and "Just live" not in changes


def test_authors_see_their_own_articles_and_no_moderation_queue(author_client, staff_author, newsroom):
    mine = make_article(headline="My piece in review", status=Article.Status.REVIEW, published_at=None)
    mine.authors.add(staff_author.author_profile)
    response = author_client.get(INDEX)
    board = response.context["dashboard"]
    assert [a.headline for a in board["in_review"]] == ["My piece in review"]
    assert board["scheduled"] == [] and board["pending"] == []
    assert "comments_waiting" not in board
    assertNotContains(response, "Waiting for review")
    assertNotContains(response, "comments waiting")


def test_the_dashboard_costs_the_same_queries_for_few_or_many_articles(editor_client, newsroom):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(INDEX).status_code == 200
        return len(captured)

    editor_client.get(INDEX)
    few = count()
    for n in range(10):
        make_article(headline=f"More review {n}", status=Article.Status.REVIEW, published_at=None)
        live = make_article(headline=f"More live {n}")
        PendingChange.objects.create(article=live, data={"fields": {}, "tags": [], "photo": None})
    editor_client.get(INDEX)
    assert count() == few
