"""Focal points (articles/images.py CROPS, services.crop_photo): cards, squares and the share image are cut around
the point an editor chose; the article's own photo keeps its shape; a new point means new files, shown at once."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles import images
from articles.models import Photo
from tests.factories import make_article

pytestmark = pytest.mark.django_db

RED, BLUE = (220, 20, 20), (20, 20, 220)


def portrait_with_a_red_top() -> SimpleUploadedFile:
    """600 x 900: the top 150 rows red (a face, say), the rest blue. A 3:2 crop is 400 rows high."""
    image = Image.new("RGB", (600, 900), BLUE)
    image.paste(RED, (0, 0, 600, 150))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return SimpleUploadedFile("portrait.jpg", buffer.getvalue(), content_type="image/jpeg")


def upload_to_library(client, **fields) -> Photo:
    data = {"file": portrait_with_a_red_top(), "alt": "A portrait", "caption": "", "credit": "", "tags": ""}
    response = client.post(reverse("admin:articles_photo_add"), data | {"focal_x": "0.5", "focal_y": "0.5"} | fields)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Photo.objects.get()


def set_focal_point(client, photo, x, y):
    data = {"alt": photo.alt, "caption": photo.caption, "credit": photo.credit, "tags": ""}
    url = reverse("admin:articles_photo_change", args=[photo.pk])
    response = client.post(url, data | {"focal_x": str(x), "focal_y": str(y)})
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo.refresh_from_db()


def top_colour(entry) -> tuple[int, int, int]:
    with Image.open(Path(settings.MEDIA_ROOT) / entry["name"]) as stored:
        return stored.convert("RGB").getpixel((stored.width // 2, 2))


def is_red(colour) -> bool:
    return colour[0] > 150 and colour[2] < 100


def test_crop_box_keeps_the_focal_point_and_stays_inside_the_picture():
    assert images.crop_box(600, 900, 3 / 2, (0.5, 0.5)) == (0, 250, 600, 650)
    assert images.crop_box(600, 900, 3 / 2, (0.5, 0.05)) == (0, 0, 600, 400)
    assert images.crop_box(600, 900, 3 / 2, (0.5, 1.0)) == (0, 500, 600, 900)
    assert images.crop_box(1200, 600, 1, (0.9, 0.5)) == (600, 0, 1200, 600)


def test_a_portraits_focal_point_near_the_top_stays_inside_the_card_crop(
    editor_client, django_capture_on_commit_callbacks
):
    photo = upload_to_library(editor_client)
    centred = photo.crops["card"]["jpeg"]
    assert not is_red(top_colour(centred[0])), "cut around the centre, the red top is lost"

    with django_capture_on_commit_callbacks(execute=True):
        set_focal_point(editor_client, photo, 0.5, 0.08)
    for kind in ("webp", "jpeg"):
        for entry in photo.crops["card"][kind]:
            assert entry["width"] / entry["height"] == pytest.approx(3 / 2, abs=0.01)
            assert is_red(top_colour(entry)), entry
    # The square and share image follow the same point; the full photo keeps its own shape.
    assert is_red(top_colour(photo.crops["square"]["jpeg"][0]))
    assert is_red(top_colour(photo.crops["social"]["jpeg"][0]))
    assert [(e["width"], e["height"]) for e in photo.renditions["jpeg"]] == [(480, 720), (600, 900)]
    # Fresh names; the old crops are gone once the change committed.
    assert not {e["name"] for e in centred} & {e["name"] for e in photo.crops["card"]["jpeg"]}
    assert not any((Path(settings.MEDIA_ROOT) / e["name"]).exists() for e in centred)


def test_the_focal_point_can_be_typed_without_javascript(editor_client):
    photo = upload_to_library(editor_client, focal_y="0.05")
    assert (photo.focal_x, photo.focal_y) == (0.5, 0.05)
    assert is_red(top_colour(photo.crops["card"]["jpeg"][0]))


def test_a_focal_point_outside_the_photo_is_refused_with_a_message(editor_client):
    photo = upload_to_library(editor_client)
    url = reverse("admin:articles_photo_change", args=[photo.pk])
    response = editor_client.post(url, {"alt": "A portrait", "tags": "", "focal_x": "1.5", "focal_y": "-1"})
    assert response.status_code == 200
    assert "Give a number from 0 (left or top edge) to 1" in response.content.decode()


def test_the_photo_page_offers_the_click_picker_as_a_static_script(editor_client):
    photo = upload_to_library(editor_client)
    html = editor_client.get(reverse("admin:articles_photo_change", args=[photo.pk])).content.decode()
    assert "data-focal-point" in html
    assert re.search(r'<script src="[^"]*js/focal-point[^"]*\.js"', html)


def test_pages_show_the_new_crops_on_the_next_request(editor_client, client, django_capture_on_commit_callbacks):
    photo = upload_to_library(editor_client)
    article = make_article(photo=photo)
    old_card = photo.crops["card"]["jpeg"][0]["name"]
    old_square = photo.crops["square"]["jpeg"][0]["name"]
    old_social = photo.crops["social"]["jpeg"][0]["name"]
    category_page = client.get(article.category.get_absolute_url()).content.decode()
    assert old_card in category_page
    assert old_social in client.get(article.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        set_focal_point(editor_client, photo, 0.5, 0.1)
    category_page = client.get(article.category.get_absolute_url()).content.decode()
    assert old_card not in category_page and photo.crops["card"]["jpeg"][0]["name"] in category_page
    article_page = client.get(article.get_absolute_url()).content.decode()
    assert old_social not in article_page
    assert f'content="{settings.SITE_URL}/media/{photo.crops["social"]["jpeg"][0]["name"]}"' in article_page
    assert old_square != photo.crops["square"]["jpeg"][0]["name"]


def test_the_share_image_is_1200_by_628_and_the_article_photo_keeps_its_ratio(editor_client, client):
    photo = upload_to_library(editor_client)
    article = make_article(photo=photo)
    social = photo.crops["social"]["jpeg"]
    assert [(e["width"], e["height"]) for e in social] == [(600, 314)]  # never upscaled past the photo's width
    figure = client.get(article.get_absolute_url()).content.decode()
    figure = figure[figure.index('<figure class="figure">') :]
    assert 'width="600" height="900"' in figure[: figure.index("</figure>")]
