"""Staged changes to a live article: saved apart from it (PendingChange), previewed, then published in one step or
discarded. Readers keep seeing the live version meanwhile.

What is staged is what readers read: the text fields, the category, the tags and the photo with its caption and
credit. Status, schedule, featuring and comments are bookkeeping and apply at once for editors; so do corrections,
which must be able to go out without the rest; bylines on a live story are changed by editors directly.
"""

import dataclasses

from django.db import transaction

from articles import images, revisions, services
from articles.markdown import render_markdown
from articles.models import Article, Category, PendingChange

STAGED_FIELDS = ("headline", "slug", "standfirst", "body", "category_id", "photo_alt", "photo_caption", "photo_credit")
PHOTO_KEEP = None  # the photo as it is live
PHOTO_REMOVE = ""  # staged: no photo


def is_live(article: Article) -> bool:
    """Whether readers can see the saved article now (the instance may carry a form's unsaved values)."""
    return article.pk is not None and Article.objects.published().filter(pk=article.pk).exists()


def _photo_data(photo: images.StoredPhoto | bool | None, previous):
    if photo is None:
        return previous  # nothing uploaded or cleared this time: any photo staged before stays staged
    if photo is False:
        return PHOTO_REMOVE
    return dataclasses.asdict(photo)


def _stored(data) -> images.StoredPhoto | None:
    return images.StoredPhoto(**data) if data else None


@transaction.atomic
def stage(*, article: Article, values: dict, tags: list[str], photo, user) -> PendingChange | None:
    """Keep `values` (STAGED_FIELDS), `tags` and `photo` (a StoredPhoto, False to remove it, None to leave it) as the
    pending change of the live `article`, as saved. Returns None, and drops any earlier pending change, when they
    match the live article."""
    live = Article.objects.get(pk=article.pk)
    pending = PendingChange.objects.filter(article=live).first()
    photo_data = _photo_data(photo, pending.data.get("photo") if pending else PHOTO_KEEP)
    data = {"fields": {name: values[name] for name in STAGED_FIELDS}, "tags": sorted(tags), "photo": photo_data}
    if not changed_fields(live, data):
        if pending is not None:
            discard(article=live)
        return None
    if pending is None:
        return PendingChange.objects.create(article=live, data=data, created_by=user, updated_by=user)
    if pending.data.get("photo") and pending.data["photo"] != photo_data:
        _discard_photo(pending.data["photo"])
    pending.data, pending.updated_by, pending.version = data, user, pending.version + 1
    pending.save()
    return pending


def changed_fields(live: Article, data: dict) -> set[str]:
    """The names of what the staged `data` changes on the live article (field names, "tags", "photo")."""
    changed = {name.removesuffix("_id") for name, value in data["fields"].items() if getattr(live, name) != value}
    if sorted(data["tags"]) != sorted(live.tags.names()):
        changed.add("tags")
    photo = data["photo"]
    if photo is not PHOTO_KEEP and (photo["name"] if photo else "") != live.photo.name:
        changed.add("photo")
    return changed


def apply_in_memory(article: Article, pending: PendingChange) -> Article:
    """The article as it will read once the staged change is published, unsaved: for the staff preview."""
    for name, value in pending.data["fields"].items():
        setattr(article, name, value)
    article.body_html = render_markdown(article.body)
    photo = pending.data["photo"]
    if photo is not PHOTO_KEEP:
        article.photo = photo["name"] if photo else ""
        article.photo_width = photo["width"] if photo else None
        article.photo_height = photo["height"] if photo else None
        article.photo_renditions = photo["renditions"] if photo else {}
    return article


@transaction.atomic
def publish(*, article: Article, user) -> None:
    """Apply the article's pending change in one step, as a new revision; "Updated" moves if readers will see a
    difference."""
    pending = PendingChange.objects.select_for_update().get(article=article)
    live = Article.objects.get(pk=article.pk)
    changed = changed_fields(live, pending.data)
    for name, value in pending.data["fields"].items():
        setattr(live, name, value)
    if revisions.is_editorial(changed):
        revisions.mark_revised(live)
    photo = pending.data["photo"]
    if photo is PHOTO_KEEP:
        live.save()
    else:
        services.set_article_photo(article=live, photo=_stored(photo))  # saves, and deletes the replaced files
    live.tags.set(pending.data["tags"])
    pending.delete()
    revisions.record(article=live, user=user, comment="Published the staged changes.")


@transaction.atomic
def discard(*, article: Article) -> None:
    pending = PendingChange.objects.filter(article=article).first()
    if pending is None:
        return
    pending.delete()
    if pending.data.get("photo"):
        _discard_photo(pending.data["photo"])


def _discard_photo(photo_data: dict) -> None:
    """A staged photo nobody will publish: its files go once this commits, unless a row points at them by then."""
    photo = _stored(photo_data)
    transaction.on_commit(lambda: services.discard_photo_if_unused(photo, model=Article, field_name="photo"))


def diff(article: Article, pending: PendingChange) -> list[revisions.FieldChange]:
    """What publishing the pending change would change, field by field, word by word for text."""
    live = Article.objects.get(pk=article.pk)  # `article` may carry the staged values already
    staged = apply_in_memory(Article.objects.get(pk=article.pk), pending)
    live_tags = sorted(live.tags.names())
    categories = {c.pk: c.name for c in Category.objects.filter(pk__in={live.category_id, staged.category_id})}

    def values(article, tags):
        return {
            **{name: getattr(article, name) for name in revisions.TEXT_FIELDS},
            "slug": article.slug,
            "category": categories.get(article.category_id, ""),
            "tags": ", ".join(tags),
            "photo": article.photo.name or "",
        }

    names = {"headline", "slug", "standfirst", "body", "category", "tags", "photo", *revisions.TEXT_FIELDS}
    old = revisions.Snapshot(entry=None, fields={}, byline_ids=[], values=values(live, live_tags))
    new = revisions.Snapshot(entry=None, fields={}, byline_ids=[], values=values(staged, pending.data["tags"]))
    return revisions.compare(old, new, names=names)
