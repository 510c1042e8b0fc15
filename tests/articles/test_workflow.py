"""Draft, in review, published and scheduled: what readers and staff see of each, with no job to run."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, ArticleDailyReads
from tests.articles.admin_posts import article_post
from tests.factories import as_reader, make_article, make_staff_user, make_user

pytestmark = pytest.mark.django_db

NEVER_CACHE = {"no-cache", "no-store", "must-revalidate", "private", "max-age=0"}


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.fixture(params=["draft", "review", "scheduled"])
def unpublished(request):
    if request.param == "scheduled":
        return make_article(headline="Not yet", published_at=timezone.now() + timedelta(hours=3))
    return make_article(headline="Not yet", status=request.param, published_at=None)


def test_readers_get_a_404_for_an_unpublished_article(client, reader, unpublished):
    assert client.get(unpublished.get_absolute_url()).status_code == 404
    client.force_login(reader)
    assert client.get(unpublished.get_absolute_url()).status_code == 404


def test_staff_without_the_article_permission_get_a_404(client, unpublished):
    client.force_login(make_user(is_staff=True))
    assert client.get(unpublished.get_absolute_url()).status_code == 404


def test_an_editor_previews_any_unpublished_article_never_cached_and_not_counted(editor_client, unpublished):
    response = editor_client.get(unpublished.get_absolute_url())
    assert response.status_code == 200
    assertContains(response, "Preview: this article is not public yet")
    assertContains(response, '<meta name="robots" content="noindex">')
    assert NEVER_CACHE.issubset(cache_control(response))
    assert not ArticleDailyReads.objects.exists()


def test_a_public_article_looks_the_same_to_staff_and_is_counted(editor_client):
    article = make_article()
    response = editor_client.get(article.get_absolute_url(), **as_reader())
    assertNotContains(response, "Preview:")
    assert "no-store" not in cache_control(response)
    assert ArticleDailyReads.objects.get().reads == 1


def test_the_preview_is_linked_from_the_admin(editor_client, unpublished):
    response = editor_client.get(reverse("admin:articles_article_change", args=[unpublished.pk]))
    assertContains(response, f'<a href="{unpublished.get_absolute_url()}">Preview as readers will see it</a>')
    assertContains(response, "View on site")


def test_a_scheduled_article_appears_by_itself_at_its_time(client, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    article = make_article(published_at=start + timedelta(hours=2))
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article not in Article.objects.published()
    time_machine.move_to(start + timedelta(hours=2, seconds=1), tick=False)
    assert client.get(article.get_absolute_url()).status_code == 200
    assertContains(client.get(reverse("articles:home")), article.headline)
    assertContains(client.get(reverse("articles:feed")), article.headline)


def test_an_editor_schedules_from_the_admin_and_the_list_says_so(editor_client, time_machine):
    start = timezone.localtime()
    time_machine.move_to(start, tick=False)
    article = make_article(status=Article.Status.REVIEW, published_at=None)
    when = start + timedelta(days=1)
    data = article_post(
        article=article,
        status="published",
        published_at_0=when.strftime("%Y-%m-%d"),
        published_at_1=when.strftime("%H:%M:%S"),
    )
    assert editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data).status_code == 302
    assertContains(editor_client.get(reverse("admin:articles_article_changelist")), "Scheduled for")
    reader = Client()
    assert reader.get(article.get_absolute_url()).status_code == 404
    time_machine.move_to(when + timedelta(seconds=1), tick=False)
    assert reader.get(article.get_absolute_url()).status_code == 200


def test_publishing_without_a_time_publishes_now(editor_client):
    article = make_article(status=Article.Status.REVIEW, published_at=None)
    data = article_post(article=article, status="published")
    assert editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data).status_code == 302
    article.refresh_from_db()
    assert article.is_public


def test_an_author_previews_only_their_own_unpublished_articles(client):
    writer = make_staff_user(group="Authors")
    mine = make_article(status=Article.Status.DRAFT, published_at=None, created_by=writer, authors=[])
    theirs = make_article(status=Article.Status.DRAFT, published_at=None)
    public = make_article()
    client.force_login(writer)
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert client.get(public.get_absolute_url()).status_code == 200
