"""Photo uploads: what we accept, how a photo is cleaned, and the resized renditions the reader pages serve.

An upload is never trusted by its name, extension or content type. clean_upload() decodes it with Pillow, limited to
the formats we allow, after checking its size in bytes and in pixels; it applies the EXIF orientation and drops every
piece of metadata (camera GPS must never reach a public file). store_photo() writes a re-encoded copy under a
generated name, plus WebP and JPEG renditions at settings.RENDITION_WIDTHS and the CROPS (cards, squares, the share
image) cut around the photo's focal point, all at upload time.
"""

import io
import logging
import uuid
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from PIL import Image, ImageCms, ImageOps

logger = logging.getLogger(__name__)

# Only these decoders are ever run on an upload, so a PSD, EPS (Ghostscript), FITS or TIFF file is refused unread.
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
# The format the stored original is written in, by the format Pillow found. MPO is a JPEG carrying extra pictures
# (phones add one); GIF becomes PNG, which keeps its transparency and drops its comment blocks and trailing bytes.
STORED_FORMAT = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "PNG"}
EXTENSION = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ORIGINAL_OPTIONS = {
    "JPEG": {"quality": 90},
    "PNG": {},
    "WEBP": {"quality": 90},
}
# Rendition kinds in the order a <picture> offers them: WebP first, JPEG as the fallback every browser reads.
RENDITION_OPTIONS = {
    "webp": ("WEBP", {"quality": 78}),
    "jpeg": ("JPEG", {"quality": 80, "optimize": True, "progressive": True}),
}
# Renditions that change the aspect ratio, cut around the photo's focal point: (width / height, widths, kinds).
# Cards are 3:2, list thumbnails square, and the share image 1.91:1 at the 1200 px that link previews ask for.
CROPS = {
    "card": (3 / 2, (480, 800, 1200), ("webp", "jpeg")),
    "square": (1, (160, 320), ("webp", "jpeg")),
    "social": (1.91, (1200,), ("jpeg",)),
}
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop"}
ACCEPT = "image/jpeg,image/png,image/webp,image/gif"

INVALID_MESSAGE = (
    "Upload a valid image: a JPEG, PNG, WebP or GIF photo. This file is not one of those, or it is damaged."
)
STORAGE_MESSAGE = (
    "The photo could not be saved to storage, so nothing was changed. Please try again; "
    "if it keeps happening, tell the site's administrator."
)
_SRGB = ImageCms.createProfile("sRGB")


class PhotoStorageError(Exception):
    """A valid photo could not be written (disk full, permissions, storage down). str() is fit to show an editor."""


@dataclass
class CleanPhoto:
    image: Image.Image  # decoded, upright, sRGB, no metadata at all; mode RGB or RGBA
    stored_format: str  # JPEG, PNG or WEBP
    had_metadata: bool = False  # the file carried EXIF, XMP, a colour profile or comments, now removed


@dataclass(frozen=True)
class StoredPhoto:
    name: str
    width: int
    height: int
    renditions: dict
    crops: dict = field(default_factory=dict)

    @property
    def files(self) -> list[str]:
        return [self.name, *rendition_files(self.renditions), *crop_files(self.crops)]


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:.0f}" if pixels >= 10_000_000 else f"{pixels / 1_000_000:.1f}"


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    limit = f"photos can have at most {_megapixels(settings.PHOTO_MAX_PIXELS)} megapixels"
    if width and height:
        size = f"{width} by {height} pixels ({_megapixels(width * height)} megapixels)"
        return ValidationError(f"This image is {size}; {limit}.", code="too_many_pixels")
    return ValidationError(f"This image is too large: {limit}.", code="too_many_pixels")


def clean_upload(file) -> CleanPhoto:
    """Decode an uploaded file into a clean, upright image, or raise ValidationError saying what is wrong with it."""
    max_bytes = settings.PHOTO_MAX_BYTES
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            f"This file is {file.size / 1024 / 1024:.1f} MB; photos can be at most {max_bytes / 1024 / 1024:g} MB.",
            code="file_too_large",
        )
    if hasattr(file, "temporary_file_path"):
        source = file.temporary_file_path()
    else:
        file.seek(0)
        source = io.BytesIO(file.read())
    try:
        with warnings.catch_warnings():
            # Pillow warns between its limit and twice its limit, and refuses beyond. Our own, lower cap is checked
            # right below, before anything is decoded, so the warning adds nothing.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(source, formats=ALLOWED_FORMATS)
            if image.width * image.height > settings.PHOTO_MAX_PIXELS:
                raise _too_many_pixels(image.width, image.height)
            image.load()  # decodes every pixel of the first frame: a truncated or corrupt file fails here
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise _too_many_pixels() from error
    except Exception as error:  # Pillow raises many kinds of errors on hostile input; all mean "not a valid image"
        raise ValidationError(INVALID_MESSAGE, code="invalid_image") from error

    stored_format = STORED_FORMAT[image.format]
    had_metadata = bool(METADATA_KEYS & image.info.keys()) or bool(image.getexif())
    try:
        ImageOps.exif_transpose(image, in_place=True)
        image = _to_srgb(image)
    except Exception as error:
        raise ValidationError(INVALID_MESSAGE, code="invalid_image") from error
    # EXIF (GPS, camera, orientation), XMP, ICC, comments and PNG text all live in info; none of it is kept.
    image.info.clear()
    return CleanPhoto(image=image, stored_format=stored_format, had_metadata=had_metadata)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _to_srgb(image: Image.Image) -> Image.Image:
    """RGB or RGBA pixels in sRGB, so that dropping the colour profile afterwards does not shift the colours."""
    mode = "RGBA" if _has_alpha(image) else "RGB"
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            logger.info("Ignoring an unreadable colour profile in an uploaded photo")
    return image if image.mode == mode else image.convert(mode)


def rendition_widths(width: int) -> list[int]:
    """The configured widths narrower than the photo, plus the photo's own width when it is narrower than the widest
    one: never an upscaled copy, and always at least one."""
    return _widths_up_to(sorted(set(settings.RENDITION_WIDTHS)), width)


def _widths_up_to(widths: list[int] | tuple[int, ...], width: int) -> list[int]:
    chosen = [w for w in widths if w < width]
    if width <= widths[-1]:
        chosen.append(width)
    return chosen


def _encode(image: Image.Image, image_format: str, options: dict) -> bytes:
    if image_format == "JPEG" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def store_photo(
    photo: CleanPhoto,
    *,
    folder: str,
    renditions: bool = True,
    max_width: int | None = None,
    storage: Storage = default_storage,
) -> StoredPhoto:
    """Write the cleaned photo under a generated name in `folder`, and its renditions beside it.

    max_width shrinks the stored original (a portrait needs no 40-megapixel master). When a write fails, the files
    already written are deleted and PhotoStorageError is raised.
    """
    image = photo.image
    if max_width and image.width > max_width:
        image = image.resize((max_width, round(image.height * max_width / image.width)), Image.Resampling.LANCZOS)
    stored_format = photo.stored_format
    content = ContentFile(_encode(image, stored_format, ORIGINAL_OPTIONS[stored_format]))
    name = _save(storage, f"{folder.rstrip('/')}/{uuid.uuid4().hex}.{EXTENSION[stored_format]}", content)
    made, crops = {}, {}
    try:
        if renditions:
            made = store_renditions(image, original=name, storage=storage)
            crops = store_crops(image, original=name, focal=(0.5, 0.5), storage=storage)
    except PhotoStorageError:
        delete_files([name, *rendition_files(made)], storage=storage)
        raise
    return StoredPhoto(name=name, width=image.width, height=image.height, renditions=made, crops=crops)


def store_renditions(image: Image.Image, *, original: str, storage: Storage = default_storage) -> dict:
    """Write WebP and JPEG copies of `image` at each rendition width, named after the stored original.

    Returns what Article.photo_renditions holds: {"webp": [{"name", "width", "height"}, ...], "jpeg": [...]},
    narrowest first. Each call uses fresh names, so a rebuild never overwrites the files pages are serving.
    """
    base = f"{original.rsplit('.', 1)[0]}-{uuid.uuid4().hex[:8]}"
    made: dict = {}
    try:
        # Widest first, each resized from the one before: far cheaper than resizing a 40-megapixel original each time.
        source = image
        for width in reversed(rendition_widths(image.width)):
            height = max(1, round(image.height * width / image.width))
            source = source if width == source.width else source.resize((width, height), Image.Resampling.LANCZOS)
            for kind, (image_format, options) in RENDITION_OPTIONS.items():
                content = ContentFile(_encode(source, image_format, options))
                path = _save(storage, f"{base}-{width}w.{kind}", content)
                made.setdefault(kind, []).insert(0, {"name": path, "width": width, "height": height})
    except PhotoStorageError:
        delete_files(rendition_files(made), storage=storage)
        raise
    return made


def crop_box(width: int, height: int, ratio: float, focal: tuple[float, float]) -> tuple[int, int, int, int]:
    """The largest box of `ratio` (width / height) inside the picture, centred on the focal point (fractions of the
    width and height) as far as the edges allow."""
    if width / height > ratio:
        box_width, box_height = max(1, round(height * ratio)), height
    else:
        box_width, box_height = width, max(1, round(width / ratio))
    left = min(max(round(focal[0] * width - box_width / 2), 0), width - box_width)
    top = min(max(round(focal[1] * height - box_height / 2), 0), height - box_height)
    return left, top, left + box_width, top + box_height


def store_crops(
    image: Image.Image, *, original: str, focal: tuple[float, float], storage: Storage = default_storage
) -> dict:
    """Write the CROPS of `image` around `focal`: {"card": {"webp": [...], "jpeg": [...]}, "square": ..., ...},
    each entry as in store_renditions(), under fresh names so that pages still serving the old ones keep working."""
    base = f"{original.rsplit('.', 1)[0]}-{uuid.uuid4().hex[:8]}"
    made: dict = {}
    try:
        for shape, (ratio, widths, kinds) in CROPS.items():
            cropped = image.crop(crop_box(image.width, image.height, ratio, focal))
            chosen = _widths_up_to(widths, cropped.width)
            for width in chosen:
                height = cropped.height if width == cropped.width else max(1, round(width / ratio))
                resized = (
                    cropped if width == cropped.width else cropped.resize((width, height), Image.Resampling.LANCZOS)
                )
                for kind in kinds:
                    image_format, options = RENDITION_OPTIONS[kind]
                    path = _save(
                        storage, f"{base}-{shape}-{width}w.{kind}", ContentFile(_encode(resized, image_format, options))
                    )
                    made.setdefault(shape, {}).setdefault(kind, []).append(
                        {"name": path, "width": width, "height": height}
                    )
    except PhotoStorageError:
        delete_files(crop_files(made), storage=storage)
        raise
    return made


def crop_files(crops: dict) -> list[str]:
    return [name for renditions in (crops or {}).values() for name in rendition_files(renditions)]


def _save(storage: Storage, name: str, content: ContentFile) -> str:
    try:
        return storage.save(name, content)
    except OSError as error:
        logger.exception("Could not write %s to storage", name)
        raise PhotoStorageError(STORAGE_MESSAGE) from error


def rendition_files(renditions: dict) -> list[str]:
    return [entry["name"] for entries in (renditions or {}).values() for entry in entries]


def delete_files(names: Iterable[str], *, storage: Storage = default_storage) -> None:
    """Delete stored files, logging (not raising) on failure: a leftover file must not undo a committed change."""
    for name in names:
        if not name:
            continue
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not delete %s from storage", name, exc_info=True)


def pick_rendition(renditions: dict, width: int, kind: str = "jpeg") -> dict | None:
    """The smallest rendition of `kind` at least `width` pixels wide, else the largest there is."""
    entries = sorted((renditions or {}).get(kind, []), key=lambda entry: entry["width"])
    for entry in entries:
        if entry["width"] >= width:
            return entry
    return entries[-1] if entries else None


class PhotoField(forms.FileField):
    """A form field for photos: clean_upload()'s checks with their messages. The cleaned file carries the decoded,
    cleaned picture as `.clean_photo`, so that storing it does not decode it again."""

    widget = forms.ClearableFileInput(attrs={"accept": ACCEPT})

    def __init__(self, *, max_length=None, **kwargs):
        # The uploader's file name is never used (a generated one is), so its length is no reason to refuse it.
        super().__init__(max_length=None, **kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        upload.clean_photo = clean_upload(upload)
        return upload
