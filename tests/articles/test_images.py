"""Photo uploads (articles/images.py, articles/services.py): what is refused, what is stored, and the renditions.

Every image here is made by Pillow in the test (or crafted byte by byte where Pillow cannot write the format).
The upload cases follow rows 42-49 and 54 of the hostile-inputs list.
"""

import io
import mimetypes
import re
import struct
import zlib
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from articles import images, services
from articles.models import Article, Photo
from tests.articles.admin_posts import article_post
from tests.factories import make_article, make_author, make_category

pytestmark = pytest.mark.django_db

GENERATED_NAME = r"photos/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png|webp)"
SCRIPT = b"<script>alert(1)</script>"


def encode(image: Image.Image, image_format: str = "JPEG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def jpeg(size=(1200, 800), color=(90, 140, 200), **options) -> bytes:
    return encode(Image.new("RGB", size, color), "JPEG", **options)


def upload(data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_header(width: int, height: int) -> bytes:
    """A tiny, well-formed PNG that declares a width-by-height canvas: a decompression bomb's opening bytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def gps_rotated_jpeg() -> bytes:
    """A landscape JPEG, red on the left and blue on the right, with camera GPS and Orientation=6 (rotate 90° CW)."""
    image = Image.new("RGB", (120, 80), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 60, 80))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (41.0, 0.0, 36.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (28.0, 58.0, 12.0)
    return encode(image, "JPEG", exif=exif, quality=95)


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def renditions_of(photo) -> list[str]:
    return images.rendition_files(photo.renditions)


def crops_of(photo) -> list[str]:
    return images.crop_files(photo.crops)


def post_photo(client, category, photo, **overrides):
    data = article_post(category=category, new_photo=photo, photo_alt_override="The harbour at dawn", **overrides)
    return client.post(reverse("admin:articles_article_add"), data)


def form_errors(response) -> str:
    return str(response.context["adminform"].form.errors) if response.status_code == 200 else ""


# --- what is refused, with the reason (rows 42-46, 49) ---


def test_a_decompression_bomb_is_refused_naming_the_pixel_limit(editor_client, category):
    response = post_photo(editor_client, category, upload(png_header(100_000, 100_000), "bomb.png", "image/png"))
    assert response.status_code == 200
    assert "at most 40 megapixels" in form_errors(response)
    assert not Article.objects.exists()
    assert media_files() == []


def test_an_image_between_pillows_limit_and_twice_it_is_refused_by_our_cap(editor_client, category):
    # 144 megapixels: Pillow only warns about this size and Django's own ImageField accepts it.
    assert Image.MAX_IMAGE_PIXELS < 12_000 * 12_000 < 2 * Image.MAX_IMAGE_PIXELS
    response = post_photo(editor_client, category, upload(png_header(12_000, 12_000), "big.png", "image/png"))
    assert "This image is 12000 by 12000 pixels (144 megapixels); photos can have at most 40 megapixels." in (
        form_errors(response)
    )
    assert not Article.objects.exists()


def test_the_pixel_cap_is_a_setting(settings):
    settings.PHOTO_MAX_PIXELS = 1_000_000
    with pytest.raises(ValidationError, match=r"at most 1\.0 megapixels"):
        images.clean_upload(upload(jpeg((1001, 1000))))
    assert images.clean_upload(upload(jpeg((1000, 1000)))).image.size == (1000, 1000)


def test_a_file_over_the_byte_cap_is_refused_before_it_is_decoded(editor_client, category):
    big = jpeg((64, 64)) + b"\0" * (30 * 1024 * 1024)  # a 30 MB "JPEG"
    with mock.patch.object(images.Image, "open", side_effect=AssertionError("decoded")):
        response = post_photo(editor_client, category, upload(big, "huge.jpg"))
    assert "This file is 30.0 MB; photos can be at most 15 MB." in form_errors(response)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>', "image/svg+xml"),
        ("photo.jpg", b"<!doctype html><html><body>" + SCRIPT + b"</body></html>", "image/jpeg"),
        ("shell.php.jpg", b'<?php system($_GET["c"]); ?>', "image/jpeg"),
        ("notes.jpg", b"Just some text that is not a picture at all.", "image/jpeg"),
        ("truncated.jpg", jpeg((400, 300))[:600], "image/jpeg"),
    ],
    ids=["svg-with-onload", "html-named-jpg", "php-named-jpg", "text-named-jpg", "truncated-jpeg"],
)
def test_a_file_that_is_not_a_real_photo_is_refused(editor_client, category, name, data, content_type):
    response = post_photo(editor_client, category, upload(data, name, content_type))
    assert "Upload a valid image: a JPEG, PNG, WebP or GIF photo." in form_errors(response)
    assert not Article.objects.exists()
    assert media_files() == []


def tiff() -> bytes:
    return encode(Image.new("RGB", (64, 64), "red"), "TIFF")


def eps() -> bytes:
    return encode(Image.new("RGB", (64, 64), "red"), "EPS")


def psd() -> bytes:
    """A minimal Photoshop file: header, empty colour mode and resources, no layers, raw RGB image data."""
    width = height = 8
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, height, width, 8, 3)
    empty_sections = struct.pack(">III", 0, 0, 0)
    return header + empty_sections + struct.pack(">H", 0) + b"\x80" * (width * height * 3)


def fits() -> bytes:
    cards = ["SIMPLE  = T", "BITPIX  = 8", "NAXIS   = 2", "NAXIS1  = 8", "NAXIS2  = 8", "END"]
    header = "".join(card.ljust(80) for card in cards).ljust(2880).encode()
    return header + b"\x80" * 64 + b"\0" * (2880 - 64)


def tiff_bomb() -> bytes:
    """A TIFF whose header claims 100000 by 100000 pixels."""
    data = bytearray(tiff())
    for tag in (256, 257):  # ImageWidth, ImageLength: patch their values in the first IFD
        at = data.find(struct.pack("<HH", tag, 3))
        kind = 3
        if at < 0:
            at, kind = data.find(struct.pack("<HH", tag, 4)), 4
        value_at = at + 8
        data[value_at : value_at + 4] = struct.pack("<I", 100_000) if kind == 4 else struct.pack("<HH", 50_000, 0)
    return bytes(data)


@pytest.mark.parametrize(
    ("make", "pillow_format"),
    [(tiff, "TIFF"), (tiff_bomb, "TIFF"), (eps, "EPS"), (psd, "PSD"), (fits, "FITS")],
    ids=["tiff", "tiff-bomb", "eps", "psd", "fits"],
)
def test_formats_outside_the_allow_list_are_refused_unread(make, pillow_format):
    data = make()
    if make is not tiff_bomb:
        with Image.open(io.BytesIO(data)) as image:  # Pillow itself would open it: the allow-list is what refuses
            assert image.format == pillow_format
    with (
        mock.patch("PIL.EpsImagePlugin.Ghostscript", side_effect=AssertionError("Ghostscript ran")),
        pytest.raises(ValidationError, match="Upload a valid image"),
    ):
        images.clean_upload(upload(data, f"file.{pillow_format.lower()}"))


# --- what is stored (rows 46-48) ---


def test_a_gif_with_a_script_polyglot_is_stored_only_re_encoded_under_a_generated_name(editor_client, category):
    gif = encode(Image.new("P", (300, 200), 3), "GIF", comment=SCRIPT) + SCRIPT
    assert SCRIPT in gif
    response = post_photo(editor_client, category, upload(gif, "cute<script>.gif", "image/gif"))
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert article.photo.file.name.endswith(".png")
    files = media_files()
    # The original, one rendition per kind (the photo is narrower than 480 px), and the crops.
    assert len(renditions_of(article.photo)) == 2 and len(files) == 1 + 2 + len(crops_of(article.photo))
    for path in files:
        assert SCRIPT.lower() not in path.read_bytes().lower()
        assert mimetypes.guess_type(path.name)[0] in {"image/png", "image/webp", "image/jpeg"}
        assert "script" not in path.name


def test_gps_is_gone_from_every_stored_file_and_the_orientation_is_applied(editor_client, category):
    data = gps_rotated_jpeg()
    with Image.open(io.BytesIO(data)) as original:  # the test photo really carries GPS and an orientation
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert original.getexif()[ExifTags.Base.Orientation] == 6
    response = post_photo(editor_client, category, upload(data, "IMG_0001.jpg"))
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert (article.photo_width, article.photo_height) == (80, 120)
    files = media_files()
    crops = {Path(settings.MEDIA_ROOT) / name for name in crops_of(article.photo)}
    assert len(files) == 3 + len(crops)
    for path in files:
        raw = path.read_bytes()
        assert b"Exif" not in raw and b"PhoneMaker" not in raw
        with Image.open(path) as stored:
            assert not stored.getexif()
            assert not {"exif", "xmp", "icc_profile", "comment"} & stored.info.keys()
            if path in crops:
                continue  # cut to other shapes: no metadata either, but their own sizes
            assert stored.size == (80, 120), "portrait now: width and height swapped"
            top, bottom = stored.convert("RGB").getpixel((40, 5)), stored.convert("RGB").getpixel((40, 115))
            assert top[0] > 200 > top[2], "the left (red) side is on top after turning 90° clockwise"
            assert bottom[2] > 200 > bottom[0]


@pytest.mark.parametrize(
    "name",
    ["../../settings.py", "x" * 296 + ".jpg", "photo\x00.php.jpg", "gpj.\u202eexe.jpg", "..\\..\\web.config"],
    ids=["path-traversal", "300-characters", "nul", "right-to-left-override", "windows-path"],
)
def test_a_photo_is_saved_under_a_generated_name_inside_media_root(name):
    article = make_article()
    services.replace_article_photo(article=article, upload=upload(jpeg(), name))
    article.refresh_from_db()
    assert re.fullmatch(GENERATED_NAME, article.photo.file.name)
    root = Path(settings.MEDIA_ROOT).resolve()
    for path in media_files():
        assert path.resolve().is_relative_to(root)
    assert not (root.parent / "settings.py").exists()


def test_a_long_original_file_name_is_no_reason_to_refuse_a_photo(editor_client, category):
    response = post_photo(editor_client, category, upload(jpeg(), "y" * 250 + ".jpg"))
    assert response.status_code == 302, form_errors(response)


# --- renditions ---


def test_renditions_are_made_at_upload_in_webp_and_jpeg_never_upscaled(editor_client, category):
    response = post_photo(editor_client, category, upload(jpeg((2000, 1000)), "wide.jpg"))
    assert response.status_code == 302, form_errors(response)
    renditions = Article.objects.get().photo_renditions
    for kind, image_format in (("webp", "WEBP"), ("jpeg", "JPEG")):
        sizes = [(r["width"], r["height"]) for r in renditions[kind]]
        assert sizes == [(480, 240), (800, 400), (1200, 600), (1600, 800)]
        for entry in renditions[kind]:
            with Image.open(Path(settings.MEDIA_ROOT) / entry["name"]) as stored:
                assert (stored.format, stored.size) == (image_format, (entry["width"], entry["height"]))


def test_a_narrow_photo_gets_its_own_width_and_nothing_wider():
    assert images.rendition_widths(700) == [480, 700]
    assert images.rendition_widths(300) == [300]
    assert images.rendition_widths(1600) == [480, 800, 1200, 1600]
    assert images.rendition_widths(4000) == [480, 800, 1200, 1600]


def test_a_transparent_png_keeps_alpha_in_webp_and_gets_a_white_jpeg_background():
    image = Image.new("RGBA", (600, 400), (255, 0, 0, 0))
    article = make_article()
    services.replace_article_photo(article=article, upload=upload(encode(image, "PNG"), "logo.png", "image/png"))
    renditions = Article.objects.get(pk=article.pk).photo_renditions
    with Image.open(Path(settings.MEDIA_ROOT) / renditions["webp"][0]["name"]) as webp:
        assert webp.mode == "RGBA"
    with Image.open(Path(settings.MEDIA_ROOT) / renditions["jpeg"][0]["name"]) as jpg:
        assert jpg.convert("RGB").getpixel((10, 10)) == (255, 255, 255)


def test_replacing_a_photo_keeps_the_old_one_in_the_library_with_its_files(django_capture_on_commit_callbacks):
    article = make_article()
    first = services.replace_article_photo(article=article, upload=upload(jpeg((1000, 600)), "first.jpg"))
    old = media_files()
    assert len(renditions_of(first)) == 2 * 3  # WebP and JPEG at 480, 800 and its own 1000 px
    with django_capture_on_commit_callbacks(execute=True):
        second = services.replace_article_photo(article=article, upload=upload(jpeg((900, 600)), "second.jpg"))
    assert set(old) < set(media_files())
    assert len(media_files()) == len(old) + 1 + len(renditions_of(second)) + len(crops_of(second))
    assert Article.objects.get(pk=article.pk).photo == second and Photo.objects.filter(pk=first.pk).exists()


def test_removing_an_article_photo_or_the_article_keeps_the_library_photo(django_capture_on_commit_callbacks):
    first, second = make_article(), make_article()
    for article in (first, second):
        services.replace_article_photo(article=article, upload=upload(jpeg((600, 400))))
    files = media_files()
    assert len(files) == 2 * (1 + 2 * 2 + len(crops_of(first.photo)))
    with django_capture_on_commit_callbacks(execute=True):
        services.replace_article_photo(article=first, upload=None)
        second.delete()
    first.refresh_from_db()
    assert (first.photo, first.photo_width, first.photo_renditions) == (None, None, {})
    assert media_files() == files and Photo.objects.count() == 2


def test_deleting_an_unused_library_photo_deletes_its_files(django_capture_on_commit_callbacks):
    article = make_article()
    photo = services.replace_article_photo(article=article, upload=upload(jpeg((600, 400))))
    services.replace_article_photo(article=article, upload=None)
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert media_files() == []


def test_nothing_is_deleted_when_the_delete_does_not_commit(django_capture_on_commit_callbacks):
    photo = services.create_photo(stored=services.store_photo_upload(upload=upload(jpeg((600, 400)))), alt="Quay")
    before = media_files()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photo.delete()
    assert callbacks, "the files wait for the commit"
    assert before == media_files()


# --- storage failure (row 54) ---


def test_a_storage_error_is_a_clear_form_error_and_nothing_is_saved(editor_client, category):
    with mock.patch.object(FileSystemStorage, "_save", side_effect=OSError(28, "No space left on device")):
        response = post_photo(editor_client, category, upload(jpeg(), "photo.jpg"))
    assert response.status_code == 200
    assert "could not be saved to storage, so nothing was changed" in form_errors(response)
    assert not Article.objects.exists()
    assert media_files() == []


def test_a_storage_error_half_way_through_the_renditions_leaves_no_files_behind():
    real_save = FileSystemStorage._save
    calls = []

    def fail_on_the_fourth(self, name, content):
        calls.append(name)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        return real_save(self, name, content)

    article = make_article()
    services.replace_article_photo(article=article, upload=upload(jpeg((600, 400)), "kept.jpg"))
    kept = media_files()
    calls.clear()
    with (
        mock.patch.object(FileSystemStorage, "_save", fail_on_the_fourth),
        pytest.raises(images.PhotoStorageError),
    ):
        services.replace_article_photo(article=article, upload=upload(jpeg((1000, 600)), "new.jpg"))
    assert media_files() == kept
    article.refresh_from_db()
    assert (Path(settings.MEDIA_ROOT) / article.photo.file.name).exists(), "the article still points at a real file"


def test_a_storage_error_when_replacing_keeps_the_old_photo(editor_client):
    article = make_article(status=Article.Status.DRAFT, published_at=None, photo_alt="A quay")
    services.replace_article_photo(article=article, upload=upload(jpeg((600, 400))))
    article.refresh_from_db()
    old_name = article.photo.file.name
    data = article_post(
        article=article, photo="", new_photo=upload(jpeg((700, 400)), "new.jpg"), photo_alt_override="A new quay"
    )
    with mock.patch.object(FileSystemStorage, "_save", side_effect=OSError(28, "No space left on device")):
        response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert "could not be saved to storage" in form_errors(response)
    article.refresh_from_db()
    assert article.photo.file.name == old_name
    assert (Path(settings.MEDIA_ROOT) / old_name).exists()


# --- reader pages ---


def test_article_page_serves_webp_first_then_jpeg_srcset_with_explicit_size(client):
    article = make_article(photo_alt="The harbour at dawn", photo_caption="Dawn.", photo_credit="AA Photo")
    services.replace_article_photo(article=article, upload=upload(jpeg((2000, 1000))))
    html = client.get(article.get_absolute_url()).content.decode()
    figure = html[html.index('<figure class="figure">') : html.index("</figure>")]
    assert figure.index('<source type="image/webp"') < figure.index("<img")
    assert "-480w.webp 480w" in figure and "-1600w.webp 1600w" in figure
    assert "-480w.jpeg 480w" in figure and "-1600w.jpeg 1600w" in figure
    assert 'sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"' in figure
    assert 'width="2000" height="1000"' in figure
    assert 'src="/media/photos/' in figure and '-800w.jpeg"' in figure


def test_cards_serve_renditions_too(client):
    category = make_category()
    article = make_article(category=category, authors=[make_author()])
    services.replace_article_photo(article=article, upload=upload(jpeg((1200, 800))))
    html = client.get(category.get_absolute_url()).content.decode()
    card = html[html.index('<a class="card__photo"') :]
    card = card[: card.index("</a>")]
    assert card.index('type="image/webp"') < card.index("<img")
    # Cut to 3:2 around the focal point, at the card widths.
    assert "-card-480w.jpeg 480w" in card and "-card-1200w.jpeg 1200w" in card and 'width="1200" height="800"' in card


def test_a_photo_stored_before_renditions_existed_still_shows(client, article):
    assert article.photo_renditions == {}
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'src="{article.photo.url}"' in html


def test_the_phone_rendition_of_a_demo_photo_is_small():
    from articles import illustrations

    article = make_article()
    picture = illustrations.draw(illustrations.plan("harbour"))
    services.replace_article_photo(article=article, upload=ContentFile(picture, name="demo.jpg"))
    for kind in ("webp", "jpeg"):
        phone = article.photo_renditions[kind][0]
        assert phone["width"] == 480
        assert (Path(settings.MEDIA_ROOT) / phone["name"]).stat().st_size < 120 * 1024
