"""The photo library in the admin (articles/admin.py PhotoAdmin): upload, search, reuse, where used, delete refused
while in use, and what Editors and Authors may do there."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import services
from articles.models import Article, Photo
from tests.articles.admin_posts import article_post
from tests.articles.test_images import jpeg, upload
from tests.factories import make_article, make_category, make_photo, make_staff_user

pytestmark = pytest.mark.django_db

LIBRARY = reverse("admin:articles_photo_changelist")
ADD_PHOTO = reverse("admin:articles_photo_add")


def library_photo(*, alt="A photo", caption="", credit="", tags=(), uploaded_by=None, size=(900, 600)):
    stored = services.store_photo_upload(upload=upload(jpeg(size)))
    return services.create_photo(
        stored=stored, alt=alt, caption=caption, credit=credit, tags=tags, uploaded_by=uploaded_by
    )


def listed(response) -> list[Photo]:
    return list(response.context["cl"].result_list)


# --- upload and search ---


def test_an_editor_uploads_a_photo_to_the_library_with_its_renditions(editor_client, editor):
    data = {
        "file": upload(jpeg((1600, 1000))),
        "alt": "Cranes over the quay",
        "caption": "The container port at dawn.",
        "credit": "AA Photo",
        "tags": "harbour, port",
        "focal_x": "0.5",
        "focal_y": "0.5",
    }
    response = editor_client.post(ADD_PHOTO, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert (photo.alt, photo.credit, photo.uploaded_by, photo.width) == (
        "Cranes over the quay",
        "AA Photo",
        editor,
        1600,
    )
    assert [entry["width"] for entry in photo.renditions["webp"]] == [480, 800, 1200, 1600]
    assert sorted(photo.tags.names()) == ["harbour", "port"]


def test_the_library_refuses_an_upload_that_is_not_a_photo_and_keeps_what_was_typed(editor_client):
    data = {"file": upload(b"<svg onload=alert(1)>", "x.svg", "image/svg+xml"), "alt": "Typed alt", "caption": ""}
    response = editor_client.post(ADD_PHOTO, data | {"focal_x": "0.5", "focal_y": "0.5"})
    assert response.status_code == 200
    assertContains(response, "Upload a valid image")
    assertContains(response, 'value="Typed alt"')
    assert not Photo.objects.exists()


def test_the_library_asks_for_a_file_on_the_add_page(editor_client):
    response = editor_client.post(ADD_PHOTO, {"alt": "Nothing", "focal_x": "0.5", "focal_y": "0.5"})
    assertContains(response, "Choose the photo to upload.")


def test_the_library_is_searched_by_caption_credit_and_tag(editor_client):
    harbour = library_photo(caption="Boats in the harbour", credit="AA Photo", tags=["sea"])
    council = library_photo(caption="The council votes", credit="Reuters", tags=["politics"])
    assert listed(editor_client.get(LIBRARY, {"q": "harbour"})) == [harbour]
    assert listed(editor_client.get(LIBRARY, {"q": "Reuters"})) == [council]
    assert listed(editor_client.get(LIBRARY, {"q": "politics"})) == [council]
    assert listed(editor_client.get(LIBRARY, {"q": str(harbour.pk)})) == [harbour]


def test_the_library_is_filtered_by_upload_date(editor_client):
    old = library_photo(caption="Old")
    Photo.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - timedelta(days=400))
    new = library_photo(caption="New")
    year = timezone.localtime().year
    assert listed(editor_client.get(LIBRARY, {"uploaded_at__year": str(year)})) == [new]


def test_the_library_list_costs_the_same_for_3_and_30_photos(editor_client):
    counts = []
    for total in (3, 30):
        while Photo.objects.count() < total:
            make_photo(caption=f"Photo {Photo.objects.count()}")
        make_article(photo=Photo.objects.first())
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(LIBRARY).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- reuse ---


def test_a_story_picks_a_library_photo_instead_of_uploading_again(editor_client, client):
    photo = library_photo(alt="Cranes over the quay", caption="The port at dawn.", credit="AA Photo")
    first = make_article(photo=photo, headline="Port strike ends")
    second = make_article(headline="Port reopens")
    data = article_post(article=second, photo=str(photo.pk), _publish_changes="on")  # a live story: staged, published
    response = editor_client.post(reverse("admin:articles_article_change", args=[second.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.get(pk=second.pk).photo == photo == Article.objects.get(pk=first.pk).photo
    assert Photo.objects.count() == 1
    assertContains(client.get(second.get_absolute_url()), "The port at dawn. (AA Photo)")


def test_the_photo_autocomplete_finds_library_photos_for_an_author(author_client):
    library_photo(caption="Boats in the harbour")
    library_photo(caption="The council votes")
    params = {"app_label": "articles", "model_name": "article", "field_name": "photo", "term": "harb"}
    response = author_client.get(reverse("admin:autocomplete"), params)
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Boats in the harbour"]


def test_a_story_overrides_alt_and_caption_for_its_use_and_keeps_the_credit(editor_client, client):
    photo = library_photo(alt="A quay", caption="The port at dawn.", credit="AA Photo")
    article = make_article(photo=photo)
    data = article_post(
        article=article,
        photo_alt_override="Dockers walk out",
        photo_caption_override="Dockers leave at noon.",
        _publish_changes="on",  # a live story: staged, then published (#13)
    )
    assert editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data).status_code == 302
    page = client.get(article.get_absolute_url())
    assertContains(page, "Dockers leave at noon. (AA Photo)")
    assertContains(page, 'alt="Dockers walk out"')
    photo.refresh_from_db()
    assert (photo.alt, photo.caption) == ("A quay", "The port at dawn.")


def test_the_photo_page_says_where_it_is_used(editor_client):
    photo = library_photo(caption="The port")
    article = make_article(photo=photo, headline="Port strike ends")
    response = editor_client.get(reverse("admin:articles_photo_change", args=[photo.pk]))
    assertContains(response, "Where it is used")
    assertContains(response, reverse("admin:articles_article_change", args=[article.pk]))
    assertContains(response, "Port strike ends")
    assertContains(editor_client.get(LIBRARY), "1 story")


def test_editing_a_library_photo_shows_on_its_stories_at_once(editor_client, client):
    photo = library_photo(alt="A quay", caption="The port at dawn.", credit="AA Photo")
    article = make_article(photo=photo)
    assertContains(client.get(article.get_absolute_url()), "The port at dawn. (AA Photo)")
    data = {"alt": "A quay", "caption": "The port at noon.", "credit": "Reuters", "tags": "", "focal_x": "0.5"}
    response = editor_client.post(reverse("admin:articles_photo_change", args=[photo.pk]), data | {"focal_y": "0.5"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assertContains(client.get(article.get_absolute_url()), "The port at noon. (Reuters)")


# --- delete ---


def test_a_photo_in_use_cannot_be_deleted_and_the_page_lists_its_stories(editor_client):
    photo = library_photo(caption="The port")
    make_article(photo=photo, headline="Port strike ends")
    make_article(photo=photo, headline="Port reopens")
    url = reverse("admin:articles_photo_delete", args=[photo.pk])
    page = editor_client.get(url)
    assertContains(page, "would require deleting the following protected related objects")
    assertContains(page, "Port strike ends")
    assertContains(page, "Port reopens")
    editor_client.post(url, {"post": "yes"})
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_an_unused_photo_is_deleted_with_its_files(editor_client, django_capture_on_commit_callbacks):
    photo = library_photo(caption="Spare")
    storage, name = photo.file.storage, photo.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("admin:articles_photo_delete", args=[photo.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Photo.objects.exists() and not storage.exists(name)


# --- roles ---


def test_an_author_uploads_searches_and_edits_their_own_photos_only(author_client, staff_author):
    own = library_photo(caption="Mine", uploaded_by=staff_author)
    other = library_photo(caption="Theirs", uploaded_by=make_staff_user(group="Editors"))
    assert author_client.get(LIBRARY, {"q": "Theirs"}).status_code == 200
    assert author_client.get(ADD_PHOTO).status_code == 200
    change = {"alt": "A photo", "caption": "Changed", "credit": "", "tags": "", "focal_x": "0.5", "focal_y": "0.5"}
    assert author_client.post(reverse("admin:articles_photo_change", args=[own.pk]), change).status_code == 302
    author_client.post(reverse("admin:articles_photo_change", args=[other.pk]), change)
    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.caption, other.caption) == ("Changed", "Theirs")
    assertNotContains(author_client.get(reverse("admin:articles_photo_change", args=[other.pk])), 'name="caption"')


def test_an_author_cannot_delete_a_library_photo(author_client, staff_author):
    photo = library_photo(caption="Mine", uploaded_by=staff_author)
    url = reverse("admin:articles_photo_delete", args=[photo.pk])
    assert author_client.get(url).status_code == 403
    assert author_client.post(url, {"post": "yes"}).status_code == 403
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_an_author_picks_a_library_photo_for_their_draft(author_client, staff_author):
    photo = library_photo(alt="Cranes", caption="The port")
    data = article_post(category=make_category(), photo=str(photo.pk))
    response = author_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.get().photo == photo
