"""Writes with rules. Here: library photos and author portraits, which are files in storage as well as rows.

The rule for every photo: it is cleaned and stored (with its renditions) before the row points at it, and the files it
replaces are deleted only once the change has committed, so a failed save never leaves a row pointing at a missing file.
"""

from functools import partial

from django.core.files import File
from django.db import models, transaction
from django.utils import timezone

from articles import images
from articles.models import Article, Author, Photo

# Portraits are shown small on author pages; a larger original would only cost storage and bandwidth.
PORTRAIT_MAX_WIDTH = 800


def _folder(model: type[models.Model], field_name: str) -> str:
    return timezone.now().strftime(model._meta.get_field(field_name).upload_to)


def _clean(upload: File) -> images.CleanPhoto:
    # The admin's PhotoField has already decoded and cleaned the upload; anything else is cleaned here.
    return getattr(upload, "clean_photo", None) or images.clean_upload(upload)


def _saved_files(instance: models.Model, field_name: str, renditions_field: str | None) -> list[str]:
    """The files the saved row points at. Read from the database, because a form may have changed the instance."""
    if instance.pk is None:
        return []
    fields = [field_name, renditions_field] if renditions_field else [field_name]
    row = type(instance).objects.filter(pk=instance.pk).values(*fields).first() or {}
    if not row.get(field_name):
        return []
    return [row[field_name], *images.rendition_files(row.get(renditions_field) or {})]


def delete_files_on_commit(names: list[str]) -> None:
    if names:
        transaction.on_commit(partial(images.delete_files, names))


def store_photo_upload(*, upload: File) -> images.StoredPhoto:
    """Clean an upload and store it with its renditions, not yet in the library.

    Raises ValidationError for a file we refuse and images.PhotoStorageError when storage fails; either way nothing
    is left in storage.
    """
    return images.store_photo(_clean(upload), folder=_folder(Photo, "file"))


def create_photo(
    *,
    stored: images.StoredPhoto,
    alt: str,
    caption: str = "",
    credit: str = "",
    uploaded_by=None,
    tags: list[str] | tuple[str, ...] = (),
) -> Photo:
    """Add a stored photo to the library. If the row cannot be saved, the stored files are deleted."""
    try:
        photo = Photo.objects.create(
            file=stored.name,
            width=stored.width,
            height=stored.height,
            renditions=stored.renditions,
            crops=stored.crops,
            alt=alt,
            caption=caption,
            credit=credit,
            uploaded_by=uploaded_by,
        )
    except Exception:
        images.delete_files(stored.files)
        raise
    if tags:
        photo.tags.set(list(tags))
    return photo


def replace_article_photo(
    *, article: Article, upload: File | None, alt: str = "", caption: str = "", credit: str = "", uploaded_by=None
) -> Photo | None:
    """Upload `upload` to the library and make it the article's lead photo (None: the article has no photo).

    alt and caption become the library photo's own; the article's overrides are cleared. The photo it had before
    stays in the library.
    """
    photo = None
    if upload is not None:
        stored = store_photo_upload(upload=upload)
        photo = create_photo(
            stored=stored,
            alt=alt or article.photo_alt,
            caption=caption or article.photo_caption,
            credit=credit or article.photo_credit,
            uploaded_by=uploaded_by,
        )
    article.photo = photo
    article.photo_alt_override = article.photo_caption_override = ""
    article.save()
    return photo


def discard_photo_if_unused(photo: images.StoredPhoto, *, model: type[models.Model], field_name: str) -> None:
    """Delete a stored photo that no row ended up pointing at (its form was valid, but the rest of the page was not)."""
    if not model.objects.filter(**{field_name: photo.name}).exists():
        images.delete_files(photo.files)


def crop_photo(*, photo: Photo) -> None:
    """Cut the photo's cards, squares and share image again around its focal point, under new file names (so a
    page or browser holding the old addresses gets a fresh one on its next request, not a stale cached file).

    Sets photo.crops without saving; the caller's save invalidates the pages that show it (articles/signals.py).
    The old files are deleted once that commits.
    """
    with photo.file.open("rb") as file:
        clean = images.clean_upload(file)
    old_files = images.crop_files(photo.crops)
    photo.crops = images.store_crops(clean.image, original=photo.file.name, focal=(photo.focal_x, photo.focal_y))
    delete_files_on_commit(old_files)


def rebuild_photo_renditions(*, photo: Photo) -> None:
    """Make the photo's renditions again from its stored file, e.g. after settings.RENDITION_WIDTHS changed.

    A file stored before uploads were cleaned, still carrying metadata, is replaced by a clean copy as well.
    """
    with photo.file.open("rb") as file:
        clean = images.clean_upload(file)
    old_files = images.rendition_files(photo.renditions)
    if clean.had_metadata:
        stored = images.store_photo(clean, folder=_folder(Photo, "file"))
        old_files.append(photo.file.name)
        photo.file = stored.name
        photo.renditions = stored.renditions
    else:
        photo.renditions = images.store_renditions(clean.image, original=photo.file.name)
    old_files += images.crop_files(photo.crops)
    photo.crops = images.store_crops(clean.image, original=photo.file.name, focal=(photo.focal_x, photo.focal_y))
    photo.width, photo.height = clean.image.size
    photo.save(update_fields=["file", "renditions", "crops", "width", "height"])
    delete_files_on_commit([name for name in old_files if not _shared_file(photo, name)])


def _shared_file(photo: Photo, name: str) -> bool:
    # Photos migrated from articles that shared a file (generate_bulk_content) may share it still.
    return Photo.objects.exclude(pk=photo.pk).filter(file=name).exists()


def store_author_portrait(*, upload: File) -> images.StoredPhoto:
    """Clean and store a portrait (no renditions; at most PORTRAIT_MAX_WIDTH wide). Raises like store_photo_upload."""
    return images.store_photo(
        _clean(upload), folder=_folder(Author, "portrait"), renditions=False, max_width=PORTRAIT_MAX_WIDTH
    )


def set_author_portrait(*, author: Author, photo: images.StoredPhoto | None) -> None:
    """Save the author pointing at a stored portrait (None removes it); the old file goes once this commits."""
    old_files = _saved_files(author, "portrait", None)
    author.portrait = photo.name if photo else ""
    author.save()
    delete_files_on_commit([name for name in old_files if photo is None or name != photo.name])
