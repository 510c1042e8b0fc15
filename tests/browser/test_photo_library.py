"""The photo library in a browser: an editor picks a library photo for a story, sets its focal point by clicking on
the photo, and the story's card shows the new crop."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from articles import services
from articles.models import Article, Photo
from tests.browser.test_newsroom import HEADLINE, admin_log_in, choose_in_autocomplete, start_article
from tests.factories import make_author, make_staff_user

pytestmark = pytest.mark.browser


def portrait_in_the_library() -> Photo:
    """600 x 900, red over the top sixth and blue below: a centred 3:2 card shows only blue."""
    image = Image.new("RGB", (600, 900), (20, 20, 220))
    image.paste((220, 20, 20), (0, 0, 600, 150))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    upload = SimpleUploadedFile("portrait.jpg", buffer.getvalue(), content_type="image/jpeg")
    stored = services.store_photo_upload(upload=upload)
    return services.create_photo(stored=stored, alt="The union leader speaks", caption="Union leader", credit="DHA")


def card_top_colour(page, headline):
    """The colour of the card photo's top middle pixel as the browser drew it."""
    card = page.locator("article.card", has=page.get_by_role("link", name=headline))
    image = card.locator("img")
    expect(image).to_be_visible()
    image.evaluate("img => img.decode()")
    return image.evaluate(
        """img => {
            const canvas = document.createElement("canvas");
            canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
            const context = canvas.getContext("2d");
            context.drawImage(img, 0, 0);
            return Array.from(context.getImageData(img.naturalWidth / 2, 2, 1, 1).data.slice(0, 3));
        }"""
    )


def test_editor_picks_a_library_photo_and_moves_its_focal_point(page, sections):
    editor = make_staff_user(group="Editors", username="editor")
    make_author(name="Selin Kaya", slug="selin-kaya", user=editor)
    photo = portrait_in_the_library()
    admin_log_in(page, "editor")

    start_article(page)
    choose_in_autocomplete(page, "photo", "Union leader")
    page.get_by_label("Status").select_option(label="Published")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert Article.objects.get(headline=HEADLINE).photo == photo

    section = sections["Business"].get_absolute_url()
    page.goto(section)
    red, _, blue = card_top_colour(page, HEADLINE)
    assert blue > 150 > red, "cut around the centre, the card shows the blue middle"

    page.goto(reverse("admin:articles_photo_change", args=[photo.pk]))
    picture = page.locator("[data-focal-point] img")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] / 2, "y": box["height"] * 0.05})
    expect(page.locator(".focal-point__marker")).to_be_visible()
    assert float(page.get_by_label("Focal point down").input_value()) < 0.1
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(section)
    red, _, blue = card_top_colour(page, HEADLINE)
    assert red > 150 > blue, "around the new focal point, the card keeps the red top"
