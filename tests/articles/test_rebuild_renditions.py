"""manage.py rebuild_renditions: new sizes for every photo, old files gone, failures reported."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from PIL import ExifTags, Image

from articles import images, services
from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def jpeg(size=(1600, 900), **options) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, "JPEG", **options)
    return ContentFile(buffer.getvalue(), name="photo.jpg")


def files_on_disk() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def test_rebuild_makes_the_new_sizes_and_deletes_the_old_files(settings, django_capture_on_commit_callbacks):
    article = make_article()
    services.replace_article_photo(article=article, upload=jpeg())
    article.refresh_from_db()
    old = set(images_of(article))
    settings.RENDITION_WIDTHS = [640, 1280]
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rebuild_renditions", stdout=out)
    article.refresh_from_db()
    assert [entry["width"] for entry in article.photo_renditions["webp"]] == [640, 1280]
    assert files_on_disk() == {article.photo.file.name, *images_of(article)}
    assert not old & files_on_disk()
    assert "Rebuilt the renditions of 1 photo(s)." in out.getvalue()


def images_of(article):
    """The renditions and the crops."""
    photo = article.photo
    return [*images.rendition_files(photo.renditions), *images.crop_files(photo.crops)]


def test_rebuild_gives_a_photo_stored_with_metadata_a_clean_original(django_capture_on_commit_callbacks):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "OldCamera"
    article = make_article(photo=jpeg(exif=exif), photo_alt="Old upload")  # stored raw, as before this feature
    raw_name = article.photo.file.name
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rebuild_renditions", stdout=io.StringIO())
    article.refresh_from_db()
    assert article.photo.file.name != raw_name and raw_name not in files_on_disk()
    with article.photo.file.open("rb") as file, Image.open(file) as stored:
        assert not stored.getexif()


def test_rebuild_reports_a_missing_file_and_carries_on(django_capture_on_commit_callbacks):
    broken, fine = make_article(), make_article()
    for article in (broken, fine):
        services.replace_article_photo(article=article, upload=jpeg((900, 600)))
    (Path(settings.MEDIA_ROOT) / Article.objects.get(pk=broken.pk).photo.file.name).unlink()
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 photo"), django_capture_on_commit_callbacks(execute=True):
        call_command("rebuild_renditions", stdout=io.StringIO(), stderr=err)
    assert f"photo {Article.objects.get(pk=broken.pk).photo_id} " in err.getvalue()
