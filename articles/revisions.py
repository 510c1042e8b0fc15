"""Article revisions: recorded, read back, compared word by word, and restored.

django-reversion stores each version of the article row with its byline rows (ArticleAuthor, followed), serialized
by Django's own serializers, so a field added later is versioned without code here. It was chosen over
django-simple-history because one revision groups the article *and* its bylines as saved together, which is what a
diff or a restore needs; simple-history keeps a history table per model with no link between them. Tags live in
taggit's generic rows, which reversion cannot follow, so their names travel in our ArticleRevision meta row.
"""

import difflib
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticleAuthor, ArticleRevision, Author, Category, Photo

# What readers see change: these move the public "Updated" time (a correction does too, see Correction.save).
EDITORIAL_FIELDS = frozenset(
    {"headline", "standfirst", "body", "photo", "photo_alt_override", "photo_caption_override"}
)
# Shown word by word in a diff; the others are short values shown before and after.
TEXT_FIELDS = ("headline", "standfirst", "body", "photo_alt_override", "photo_caption_override")
COMPARED = [
    ("headline", "Headline"),
    ("slug", "Address"),
    ("standfirst", "Standfirst"),
    ("body", "Body"),
    ("category", "Category"),
    ("bylines", "Bylines"),
    ("tags", "Tags"),
    ("photo", "Photo"),
    ("photo_alt_override", "Alt text for this story"),
    ("photo_caption_override", "Caption for this story"),
    ("status", "Status"),
    ("published_at", "Publication time"),
]
# Restored from an old version; status, schedule, featuring and comments stay as they are now.
RESTORED_FIELDS = (
    "headline",
    "slug",
    "standfirst",
    "body",
    "category_id",
    "photo_alt_override",
    "photo_caption_override",
)


def register_models() -> None:
    reversion.register(Article, follow=["article_authors"])
    reversion.register(ArticleAuthor)


def record(*, article: Article, user, comment: str, staged_tags: list[str] | None = None) -> ArticleRevision:
    """Keep the article as it is saved now, with its bylines and tags, as a new revision.

    With `staged_tags`, `article` is a live article with its staged change applied in memory
    (staging.apply_in_memory): that version is kept as it stands, marked staged."""
    if staged_tags is None:
        # Read back as stored: an instance from the admin carries its bylines as prefetched before the save.
        article = Article.objects.get(pk=article.pk)
    meta = {"tags": sorted(article.tags.names()), "live": article.is_public}
    if staged_tags is not None:
        meta = {"tags": sorted(staged_tags), "live": False, "staged": True}
    with reversion.create_revision(manage_manually=True):
        reversion.add_to_revision(article)
        reversion.set_user(user)
        reversion.set_comment(comment)
        reversion.add_meta(ArticleRevision, article=article, **meta)
    return ArticleRevision.objects.filter(article=article).order_by("-pk").first()


def latest_id(article: Article) -> int:
    """The revision an edit form is opened at: 0 for an article never saved in the admin."""
    return ArticleRevision.objects.filter(article=article).order_by("-pk").values_list("pk", flat=True).first() or 0


def is_editorial(changed) -> bool:
    return bool(EDITORIAL_FIELDS.intersection(changed))


def mark_revised(article: Article) -> None:
    """An editorial change readers see now: the page's "Updated" moves. Saved with the article by the caller."""
    article.revised_at = timezone.now()


# --- reading revisions back ---


@dataclass
class Snapshot:
    """An article as one revision kept it."""

    entry: ArticleRevision
    fields: dict
    byline_ids: list[int]
    values: dict = field(default_factory=dict)  # readable values by COMPARED name


def snapshots(entries) -> list[Snapshot]:
    """The stored versions of these ArticleRevision rows, with author and category names: four queries in all."""
    entries = list(entries)
    article_type = ContentType.objects.get_for_model(Article)
    byline_type = ContentType.objects.get_for_model(ArticleAuthor)
    versions = Version.objects.filter(revision__in=[e.revision_id for e in entries]).order_by("pk")
    found = {e.revision_id: Snapshot(entry=e, fields={}, byline_ids=[]) for e in entries}
    bylines: dict[int, list[tuple[int, int]]] = {}
    for version in versions:
        data = version.field_dict
        if version.content_type_id == article_type.pk:
            found[version.revision_id].fields = data
        elif version.content_type_id == byline_type.pk:
            bylines.setdefault(version.revision_id, []).append((data["position"], data["author_id"]))
    author_names = Author.objects.in_bulk({a for rows in bylines.values() for _, a in rows})
    category_names = Category.objects.in_bulk({s.fields.get("category_id") for s in found.values()})
    photos = Photo.objects.in_bulk({s.fields.get("photo_id") for s in found.values()} - {None})
    for revision_id, snapshot in found.items():
        snapshot.byline_ids = [author for _, author in sorted(bylines.get(revision_id, []))]
        data = snapshot.fields
        category = category_names.get(data.get("category_id"))
        published_at = data.get("published_at")
        snapshot.values = {
            **{name: data.get(name) or "" for name in TEXT_FIELDS},
            "slug": data.get("slug", ""),
            "category": category.name if category else "(deleted category)",
            "bylines": ", ".join(
                author_names[a].name if a in author_names else "(deleted author)" for a in snapshot.byline_ids
            ),
            "tags": ", ".join(snapshot.entry.tags),
            "photo": photo_label(photos, data.get("photo_id")),
            "status": Article.Status(data["status"]).label if data.get("status") else "",
            "published_at": timezone.localtime(published_at).strftime("%Y-%m-%d %H:%M") if published_at else "",
        }
    return [found[e.revision_id] for e in entries]


def photo_label(photos: dict, photo_id) -> str:
    if photo_id is None:
        return ""
    photo = photos.get(photo_id)
    return f"Library photo {photo_id}: {photo}" if photo else f"Library photo {photo_id} (deleted)"


# --- comparing ---


class Segment(NamedTuple):
    op: str  # "same", "del" or "ins"
    text: str


class FieldChange(NamedTuple):
    name: str
    label: str
    segments: list[Segment]  # word by word, for text
    old: str
    new: str


_WORDS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[Segment]:
    """The new text against the old, word by word: runs of kept, deleted and inserted words (spacing kept)."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment("same", "".join(a[i1:i2])))
            continue
        if op in {"delete", "replace"}:
            segments.append(Segment("del", "".join(a[i1:i2])))
        if op in {"insert", "replace"}:
            segments.append(Segment("ins", "".join(b[j1:j2])))
    return segments


def compare(old: Snapshot, new: Snapshot, *, names=None) -> list[FieldChange]:
    """What changed from `old` to `new`, field by field, in form order; only the fields in `names` if given."""
    changes = []
    for name, label in COMPARED:
        if names is not None and name not in names:
            continue
        before, after = old.values[name], new.values[name]
        if before == after:
            continue
        segments = word_diff(before, after) if name in TEXT_FIELDS else []
        changes.append(FieldChange(name, label, segments, before, after))
    return changes


# --- restoring ---


@transaction.atomic
def restore(*, article: Article, snapshot: Snapshot, user) -> list[str]:
    """Make the article read as `snapshot` again, as a new revision; nothing is overwritten in the history.

    Returns what could not be restored (a photo whose file is gone), for the editor to hear about."""
    data = snapshot.fields
    was_public = article.is_public
    before = {name: getattr(article, name) for name in RESTORED_FIELDS}
    for name in RESTORED_FIELDS:
        setattr(article, name, data.get(name, getattr(article, name)))
    changed = {name.removesuffix("_id") for name in RESTORED_FIELDS if getattr(article, name) != before[name]}
    not_restored = []
    old_photo = data.get("photo_id")
    if old_photo != article.photo_id:
        # A library photo no story uses may have been deleted since.
        if old_photo is None or Photo.objects.filter(pk=old_photo).exists():
            article.photo_id = old_photo
            changed.add("photo")
        else:
            not_restored.append("the photo, which is no longer in the library")
    if was_public and is_editorial(changed):
        mark_revised(article)
    article.save()
    authors = Author.objects.in_bulk(snapshot.byline_ids)
    ArticleAuthor.objects.filter(article=article).delete()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=authors[a], position=n)
        for n, a in enumerate(snapshot.byline_ids)
        if a in authors
    )
    article.tags.set(snapshot.entry.tags)
    stamp = timezone.localtime(snapshot.entry.revision.date_created).strftime("%Y-%m-%d %H:%M")
    record(article=article, user=user, comment=f"Restored the version of {stamp}.")
    return not_restored
