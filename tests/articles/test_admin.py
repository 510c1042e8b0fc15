"""The article, category and author admin as an editor uses it: lists, forms, photos, corrections, bulk actions."""

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains
from taggit.models import Tag

from articles import services
from articles.models import Article, Author, Category
from tests.articles.admin_posts import article_post, inline_management
from tests.factories import make_article, make_author, make_category, make_comment

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def jpeg_upload(size=(1600, 1000), name="photo.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 90)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def with_photo(article, **words):
    services.replace_article_photo(article=article, upload=jpeg_upload(), **words)
    return article


# --- the list ---


def fill(count):
    categories = [make_category() for _ in range(3)]
    authors = [make_author() for _ in range(4)]
    for n in range(count):
        article = make_article(
            category=categories[n % 3], authors=authors[: 1 + n % 3], tags=[f"tag{n % 5}", "shared"], featured=n == 0
        )
        if n < 3:
            with_photo(article)
        make_comment(article=article)


@pytest.mark.parametrize("count", [3, 30])
def test_changelist_has_a_fixed_query_count(editor_client, django_assert_num_queries, count):
    fill(count)
    editor_client.get(CHANGELIST)
    # session, user, the editor's permissions (2), the category, author and tag filter choices (3), paginator count,
    # full count, the page of articles, their bylines, and the date hierarchy (2)
    with django_assert_num_queries(13):
        response = editor_client.get(CHANGELIST)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == count


def test_changelist_shows_thumbnail_bylines_status_schedule_and_approved_comments(editor_client):
    alice, bob = make_author(name="Alice Aydin"), make_author(name="Bob Bulut")
    live = with_photo(make_article(headline="Live story", authors=[alice, bob]))
    for status in ("approved", "approved", "pending", "spam"):
        make_comment(article=live, status=status)
    make_article(headline="Later story", published_at=timezone.now() + timedelta(days=2))
    make_article(headline="Waiting story", status=Article.Status.REVIEW, published_at=None)
    html = editor_client.get(CHANGELIST).content.decode()
    thumb = live.photo_renditions["jpeg"][0]
    assert thumb["width"] == 480
    assert f'src="/media/{thumb["name"]}" alt="" width="80" height="50"' in html
    assert "Alice Aydin, Bob Bulut" in html
    assert "Scheduled for" in html and "In review" in html and "Published" in html
    assert '<td class="field-approved_comments">2</td>' in html


def test_changelist_pages_by_fifty(editor_client):
    category = make_category()
    for _ in range(51):
        make_article(category=category, authors=[])
    response = editor_client.get(CHANGELIST)
    assert len(response.context["cl"].result_list) == 50
    assert response.context["cl"].paginator.num_pages == 2


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status__exact": "review"}, ["In review"]),
        ({"q": "reservoir"}, ["About water"]),
        ({"q": "rainfall"}, ["About water"]),
        ({"q": "aquifer"}, ["About water"]),
        ({"tags__id__exact": "TAG"}, ["About water"]),
        ({"category__id__exact": "CATEGORY"}, ["About water"]),
        ({"authors__id__exact": "AUTHOR"}, ["About water"]),
        ({"published_at__year": "2024"}, ["About water"]),
    ],
    ids=["status", "search-headline", "search-standfirst", "search-body", "tag", "category", "author", "date"],
)
def test_changelist_filters_and_search(editor_client, params, expected):
    water = make_category(name="Environment")
    hydrologist = make_author(name="Deniz Su")
    article = make_article(
        headline="About water: the reservoir",
        standfirst="Rainfall is low.",
        body="The aquifer is shrinking.",
        category=water,
        authors=[hydrologist],
        tags=["drought"],
        published_at=timezone.make_aware(timezone.datetime(2024, 6, 1, 12)),
    )
    make_article(headline="In review", status=Article.Status.REVIEW, published_at=None)
    make_article(headline="Something else")
    lookups = {"TAG": article.tags.get().pk, "CATEGORY": water.pk, "AUTHOR": hydrologist.pk}
    params = {key: str(lookups.get(value, value)) for key, value in params.items()}
    response = editor_client.get(CHANGELIST, params)
    headlines = [a.headline.split(":")[0] for a in response.context["cl"].result_list]
    assert headlines == expected


# --- the form ---


def test_change_form_groups_fields_and_shows_photo_preview_preview_link_and_history(editor_client, editor):
    article = with_photo(
        make_article(status=Article.Status.DRAFT, published_at=None),
        alt="Boats",
        caption="Boats at the quay.",
        credit="AA Photo",
    )
    LogEntry.objects.log_actions(editor.pk, Article.objects.filter(pk=article.pk), CHANGE, "Changed headline.")
    response = editor_client.get(change_url(article))
    html = response.content.decode()
    fieldsets = [name for name, _ in response.context["adminform"].fieldsets]
    assert fieldsets == ["Story", "Photo", "Publishing", "Discussion"]
    assert "Boats at the quay. (AA Photo)" in html
    preview = next(r for r in article.photo_renditions["jpeg"] if r["width"] == 800)
    assert f'src="/media/{preview["name"]}" alt="" width="400" height="250"' in html
    assert f'<a href="{article.get_absolute_url()}">Preview as readers will see it</a>' in html
    assert re.search(r"by editor \(<a href=\"[^\"]+/history/\">history</a>\)", html)
    assert "&quot;#id_slug&quot;" in re.search(r'data-prepopulated-fields="([^"]*)"', html).group(1)


def test_editor_writes_and_schedules_an_article_with_a_photo_bylines_and_tags(editor_client):
    category = make_category()
    byline = make_author(name="Ece Yildiz")
    existing = Tag.objects.create(name="transport", slug="transport")
    publish_at = timezone.localtime() + timedelta(days=1)
    data = article_post(
        category=category,
        status="published",
        published_at_0=publish_at.strftime("%Y-%m-%d"),
        published_at_1=publish_at.strftime("%H:%M:%S"),
        tags=[str(existing.pk)],
        new_tags="city hall, trams",
        new_photo=jpeg_upload(),
        new_photo_credit="Newsblog",
        photo_alt_override="A tram",
        photo_caption_override="A tram at the depot.",
        **inline_management("article_authors", total=1),
        **{"article_authors-0-author": str(byline.pk), "article_authors-0-position": "0"},
    )
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED and not article.is_public
    assert sorted(article.tags.names()) == ["city hall", "trams", "transport"]
    assert article.bylines == [byline]
    assert len(article.photo_renditions["webp"]) == 4
    # The upload joined the library with the words typed for it; the story has no overrides of its own.
    photo = article.photo
    assert (photo.alt, photo.caption, photo.credit, photo.uploaded_by.username) == (
        "A tram",
        "A tram at the depot.",
        "Newsblog",
        "editor",
    )
    assert (article.photo_alt_override, article.photo_caption_override) == ("", "")
    assert LogEntry.objects.filter(object_id=str(article.pk)).count() == 1


def test_tag_autocomplete_finds_existing_tags(editor_client):
    Tag.objects.create(name="diplomacy", slug="diplomacy")
    Tag.objects.create(name="sports", slug="sports")
    params = {"app_label": "articles", "model_name": "article", "field_name": "tags", "term": "dipl"}
    response = editor_client.get(reverse("admin:autocomplete"), params)
    assert [result["text"] for result in response.json()["results"]] == ["diplomacy"]


def test_editor_appends_a_correction_that_shows_on_the_article_page(editor_client, client):
    article = make_article(body="The minister said 40 percent.")
    data = article_post(
        article=article,
        **inline_management("corrections", total=1),
        **{"corrections-0-text": "The minister said 14 percent, not 40."},
    )
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302
    assert article.corrections.get().text == "The minister said 14 percent, not 40."
    assertContains(client.get(article.get_absolute_url()), "The minister said 14 percent, not 40.")


def test_corrections_are_offered_on_published_articles_only(editor_client):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    assertNotContains(editor_client.get(change_url(draft)), "corrections-TOTAL_FORMS")
    assertContains(editor_client.get(change_url(make_article())), "corrections-TOTAL_FORMS")


def test_uploading_a_new_photo_in_the_admin_adds_it_to_the_library(editor_client):
    article = with_photo(make_article(photo_alt="Old"))
    old = article.photo
    response = editor_client.post(
        change_url(article),
        article_post(
            article=article,
            photo="",
            new_photo=jpeg_upload((900, 600)),
            photo_alt_override="A new quay",
            _publish_changes="on",
        ),  # a live story
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert [r["width"] for r in article.photo_renditions["jpeg"]] == [480, 800, 900]
    assert article.photo != old and old.file.storage.exists(old.file.name), "the old photo stays in the library"


def test_picking_a_library_photo_and_uploading_one_at_once_is_refused(editor_client):
    article = with_photo(make_article(photo_alt="Old"))
    response = editor_client.post(change_url(article), article_post(article=article, new_photo=jpeg_upload()))
    assert response.status_code == 200
    assert "Pick a photo from the library or upload a new one, not both." in str(
        response.context["adminform"].form.errors
    )


def test_removing_the_photo_from_a_story_keeps_it_in_the_library(editor_client, django_capture_on_commit_callbacks):
    article = with_photo(make_article(photo_alt=""))  # no alt text: removing the photo must not ask for one
    photo = article.photo
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            change_url(article), article_post(article=article, photo="", _publish_changes="on")
        )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.photo is None and article.photo_renditions == {}
    assert photo.file.storage.exists(photo.file.name)


def test_an_invalid_inline_leaves_no_stored_photo_behind(editor_client, django_capture_on_commit_callbacks):
    article = make_article(photo_alt="Quay")
    data = article_post(
        article=article,
        new_photo=jpeg_upload(),
        **inline_management("article_authors", total=1),
        **{"article_authors-0-author": "999999", "article_authors-0-position": "0"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(article), data)
    assert response.status_code == 200  # the byline row is invalid, so nothing is saved
    article.refresh_from_db()
    assert not article.photo
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


# --- bulk actions and history ---


def run_action(client, action, articles):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [str(a.pk) for a in articles]})


def test_publish_now_publishes_drafts_and_brings_scheduled_articles_forward(editor_client):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    scheduled = make_article(published_at=timezone.now() + timedelta(days=3))
    live = make_article()
    live_at = live.published_at
    with time_machine.travel(timezone.now(), tick=False):
        run_action(editor_client, "publish_now", [draft, scheduled, live])
        now = timezone.now()
    for article in (draft, scheduled):
        article.refresh_from_db()
        assert (article.status, article.published_at) == (Article.Status.PUBLISHED, now)
    live.refresh_from_db()
    assert live.published_at == live_at, "an article already public keeps its date"
    assert LogEntry.objects.filter(action_flag=CHANGE).count() == 2


@pytest.mark.parametrize(
    ("action", "start", "end"),
    [
        ("unpublish", {}, {"status": Article.Status.DRAFT}),
        ("feature", {"featured": False}, {"featured": True}),
        ("unfeature", {"featured": True}, {"featured": False}),
        ("close_comments", {"comments_open": True}, {"comments_open": False}),
        ("open_comments", {"comments_open": False}, {"comments_open": True}),
    ],
)
def test_bulk_actions_change_every_selected_article_and_log_it(editor_client, action, start, end):
    articles = [make_article(**start) for _ in range(3)]
    response = run_action(editor_client, action, articles[:2])
    assert response.status_code == 302
    field, value = next(iter(end.items()))
    after = [getattr(Article.objects.get(pk=a.pk), field) for a in articles]
    assert after == [value, value, getattr(articles[2], field)], "the unselected article is untouched"
    entries = LogEntry.objects.filter(object_id__in=[str(a.pk) for a in articles[:2]])
    assert entries.count() == 2
    assert all(entry.user.username == "editor" for entry in entries)


def test_each_save_is_recorded_and_shown_as_last_changed(editor_client):
    article = make_article()
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 5, 10, 9, 30)), tick=False):
        editor_client.post(change_url(article), article_post(article=article, headline="A better headline"))
    entry = LogEntry.objects.get(object_id=str(article.pk))
    assert entry.user.username == "editor" and "Headline" in entry.get_change_message()
    assertContains(editor_client.get(change_url(article)), "May 10, 2026, 9:30 a.m. by editor")
    assertContains(editor_client.get(reverse("admin:articles_article_history", args=[article.pk])), "Headline")


# --- categories and authors ---


def test_editor_reorders_the_nav_from_the_category_list(editor_client):
    first, second = make_category(name="Alpha", nav_position=1), make_category(name="Beta", nav_position=2)
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": str(first.pk),
        "form-0-nav_position": "20",
        "form-1-id": str(second.pk),
        "form-1-nav_position": "10",
        "_save": "Save",
    }
    response = editor_client.post(reverse("admin:articles_category_changelist"), data)
    assert response.status_code == 302
    assert list(Category.objects.values_list("name", flat=True)) == ["Beta", "Alpha"]


def test_author_portrait_is_cleaned_and_stored_under_a_generated_name(editor_client):
    author = make_author()
    data = {"name": author.name, "slug": author.slug, "bio": "", "user": "", "portrait": jpeg_upload((2400, 2400))}
    response = editor_client.post(reverse("admin:articles_author_change", args=[author.pk]), data)
    assert response.status_code == 302
    author.refresh_from_db()
    assert re.fullmatch(r"authors/[0-9a-f]{32}\.jpg", author.portrait.name)
    with author.portrait.open("rb") as file, Image.open(file) as portrait:
        assert portrait.size == (800, 800)


def test_author_portrait_is_validated_like_a_photo(editor_client):
    author = make_author()
    bogus = SimpleUploadedFile("me.jpg", b"<html>not me</html>", content_type="image/jpeg")
    data = {"name": author.name, "slug": author.slug, "bio": "", "user": "", "portrait": bogus}
    response = editor_client.post(reverse("admin:articles_author_change", args=[author.pk]), data)
    assertContains(response, "Upload a valid image")
    assert not Author.objects.get(pk=author.pk).portrait
