"""Truthful dates: "Updated", article:modified_time, dateModified, the sitemap's lastmod and the feed's updated move
only with an editorial change to a story readers could already see, and are never earlier than publication."""

import json
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.articles.admin_posts import article_post
from tests.factories import make_article, make_comment, make_image_file

pytestmark = pytest.mark.django_db


def page_dates(client, article) -> dict:
    html = client.get(article.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    modified = re.search(r'<meta property="article:modified_time" content="([^"]+)">', html).group(1)
    return {"updated": "Updated" in html, "json_ld": data["dateModified"], "meta": modified, "html": html}


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def story(db):
    return make_article(published_at=timezone.now() - timedelta(days=1))


def test_a_new_story_shows_no_update_and_its_modified_date_is_its_publication(client, story):
    dates = page_dates(client, story)
    assert not dates["updated"]
    assert dates["json_ld"] == story.published_at.isoformat()


def test_featuring_and_closing_comments_never_move_the_dates(editor_client, client, story):
    changelist = reverse("admin:articles_article_changelist")
    for action in ("feature", "close_comments"):
        editor_client.post(changelist, {"action": action, "_selected_action": [story.pk]})
    story.refresh_from_db()
    assert story.featured and story.revised_at is None
    assert not page_dates(client, story)["updated"]


def test_a_comment_or_photo_processing_never_moves_the_dates(client, story):
    make_comment(article=story)
    services.replace_article_photo(article=story, upload=make_image_file())
    story.refresh_from_db()
    assert story.revised_at is None, "a photo attached by a service is not an editorial change by itself"
    services.rebuild_photo_renditions(photo=story.photo)
    story.refresh_from_db()
    assert story.revised_at is None
    assert not page_dates(client, story)["updated"]


def test_a_correction_moves_every_modified_date(client, story):
    story.corrections.create(text="The vote was 31 to 12, not 13 to 12.")
    story.refresh_from_db()
    dates = page_dates(client, story)
    assert dates["updated"]
    assert dates["json_ld"] == story.revised_at.isoformat()
    assert dates["meta"] == story.revised_at.replace(microsecond=0).isoformat()  # <meta> times are to the second
    sitemap = client.get(reverse("sitemap")).content.decode()
    assert f"<lastmod>{story.revised_at.date().isoformat()}</lastmod>" in sitemap
    atom = client.get(reverse("articles:atom")).content.decode()
    assert f"<updated>{story.revised_at.isoformat()}</updated>" in atom.replace("+00:00", "+00:00")


def test_an_editorial_edit_of_a_live_story_in_the_admin_moves_updated(editor_client, client, story):
    data = article_post(article=story, body="A new paragraph.\n\nAnd more.", _publish_changes="on")
    editor_client.post(change_url(story), data)
    story.refresh_from_db()
    assert story.revised_at is not None and story.revised_at > story.published_at
    assert page_dates(client, story)["updated"]


def test_editing_a_scheduled_story_shows_no_update_when_it_appears(editor_client, client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    scheduled = make_article(published_at=timezone.now() + timedelta(minutes=2))
    editor_client.post(change_url(scheduled), article_post(article=scheduled, body="Changed before it appeared."))
    scheduled.refresh_from_db()
    assert scheduled.revised_at is None
    time_machine.move_to(timezone.now() + timedelta(minutes=5), tick=False)
    dates = page_dates(client, scheduled)
    assert not dates["updated"]
    assert dates["json_ld"] == scheduled.published_at.isoformat(), "dateModified is never before datePublished"


def test_modified_is_never_earlier_than_publication():
    published = timezone.now()
    article = Article(published_at=published, revised_at=published - timedelta(hours=1))
    assert article.modified_at == published and not article.has_public_changes


def test_running_seed_demo_again_moves_no_date(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    before = dict(Article.objects.values_list("slug", "revised_at"))
    call_command("seed_demo", verbosity=0)
    assert dict(Article.objects.values_list("slug", "revised_at")) == before
    for article in Article.objects.published().prefetch_related("corrections"):
        assert article.has_public_changes == any(
            c.created_at > article.published_at for c in article.corrections.all()
        ), f"{article.slug}: Updated only where the demo has a real correction"


# --- publishing needs a byline ---


def test_publishing_without_a_byline_is_refused_with_a_clear_message(editor_client, category):
    data = article_post(category=category, status=Article.Status.PUBLISHED)
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "Add at least one byline before publishing or scheduling" in response.content.decode()
    assert not Article.objects.exists()


def test_scheduling_without_a_byline_is_refused(editor_client, category):
    later = timezone.localtime() + timedelta(days=1)
    data = article_post(
        category=category,
        status=Article.Status.PUBLISHED,
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert "Add at least one byline" in response.content.decode()


def test_bulk_publish_skips_articles_without_a_byline(editor_client):
    signed = make_article(status=Article.Status.REVIEW, published_at=None)
    unsigned = make_article(status=Article.Status.REVIEW, published_at=None, authors=[])
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [signed.pk, unsigned.pk]},
        follow=True,
    )
    assert "without a byline" in response.content.decode()
    assert Article.objects.get(pk=signed.pk).status == Article.Status.PUBLISHED
    assert Article.objects.get(pk=unsigned.pk).status == Article.Status.REVIEW
