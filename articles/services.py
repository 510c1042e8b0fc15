"""Writes with rules. Here: article photos and author portraits, which are files in storage as well as rows.

The rule for every photo: it is cleaned and stored (with its renditions) before the row points at it, and the files it
replaces are deleted only once the change has committed, so a failed save never leaves a row pointing at a missing file.
"""

from functools import partial

from django.core.files import File
from django.db import models, transaction
from django.utils import timezone

from articles import images
from articles.models import Article, Author

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


def store_article_photo(*, upload: File) -> images.StoredPhoto:
    """Clean an upload and store it with its renditions, not yet attached to any article.

    Raises ValidationError for a file we refuse and images.PhotoStorageError when storage fails; either way nothing
    is left in storage.
    """
    return images.store_photo(_clean(upload), folder=_folder(Article, "photo"))


def set_article_photo(*, article: Article, photo: images.StoredPhoto | None) -> None:
    """Save the article pointing at a stored photo (None removes its photo); the files it replaces are deleted once
    the transaction commits."""
    old_files = _saved_files(article, "photo", "photo_renditions")
    if photo is None:
        article.photo, article.photo_width, article.photo_height, article.photo_renditions = "", None, None, {}
    else:
        article.photo = photo.name
        article.photo_width, article.photo_height = photo.width, photo.height
        article.photo_renditions = photo.renditions
    article.save()
    delete_files_on_commit([name for name in old_files if photo is None or name not in photo.files])


def replace_article_photo(*, article: Article, upload: File | None) -> None:
    """Store `upload` as the article's photo (None removes it), with renditions, and delete the files it replaces."""
    photo = store_article_photo(upload=upload) if upload else None
    try:
        set_article_photo(article=article, photo=photo)
    except Exception:
        if photo is not None:
            images.delete_files(photo.files)
        raise


def discard_photo_if_unused(photo: images.StoredPhoto, *, model: type[models.Model], field_name: str) -> None:
    """Delete a stored photo that no row ended up pointing at (its form was valid, but the rest of the page was not)."""
    if not model.objects.filter(**{field_name: photo.name}).exists():
        images.delete_files(photo.files)


def rebuild_article_renditions(*, article: Article) -> None:
    """Make the article's renditions again from its stored photo, e.g. after settings.RENDITION_WIDTHS changed.

    A photo stored before uploads were cleaned, still carrying metadata, is replaced by a clean copy as well.
    """
    with article.photo.open("rb") as file:
        photo = images.clean_upload(file)
    if photo.had_metadata:
        set_article_photo(article=article, photo=images.store_photo(photo, folder=_folder(Article, "photo")))
        return
    old_files = images.rendition_files(article.photo_renditions)
    article.photo_renditions = images.store_renditions(photo.image, original=article.photo.name)
    article.photo_width, article.photo_height = photo.image.size
    article.save(update_fields=["photo_renditions", "photo_width", "photo_height"])
    delete_files_on_commit(old_files)


def store_author_portrait(*, upload: File) -> images.StoredPhoto:
    """Clean and store a portrait (no renditions; at most PORTRAIT_MAX_WIDTH wide). Raises like store_article_photo."""
    return images.store_photo(
        _clean(upload), folder=_folder(Author, "portrait"), renditions=False, max_width=PORTRAIT_MAX_WIDTH
    )


def set_author_portrait(*, author: Author, photo: images.StoredPhoto | None) -> None:
    """Save the author pointing at a stored portrait (None removes it); the old file goes once this commits."""
    old_files = _saved_files(author, "portrait", None)
    author.portrait = photo.name if photo else ""
    author.save()
    delete_files_on_commit([name for name in old_files if photo is None or name != photo.name])
