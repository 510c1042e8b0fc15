"""Staged changes to a live article: saved apart from it (PendingChange), previewed, then published in one step or
discarded. Readers keep seeing the live version meanwhile.

What is staged is what readers read: the text fields, the category, the tags, and the photo (a library photo, so
staging one stores nothing new) with the story's alt text and caption. Status, schedule, featuring and comments are
bookkeeping and apply at once for editors; so do corrections, which must be able to go out without the rest;
bylines on a live story are changed by editors directly.
"""

from django.db import transaction

from articles import revisions
from articles.markdown import render_markdown
from articles.models import Article, Category, PendingChange, Photo

STAGED_FIELDS = (
    "headline",
    "slug",
    "standfirst",
    "body",
    "category_id",
    "photo_id",
    "photo_alt_override",
    "photo_caption_override",
)


def is_live(article: Article) -> bool:
    """Whether readers can see the saved article now (the instance may carry a form's unsaved values)."""
    return article.pk is not None and Article.objects.published().filter(pk=article.pk).exists()


@transaction.atomic
def stage(*, article: Article, values: dict, tags: list[str], user) -> PendingChange | None:
    """Keep `values` (STAGED_FIELDS) and `tags` as the pending change of the live `article`. Returns None, and drops
    any earlier pending change, when they match the live article."""
    live = Article.objects.get(pk=article.pk)
    pending = PendingChange.objects.select_for_update().filter(article=live).first()
    data = {"fields": {name: values[name] for name in STAGED_FIELDS}, "tags": sorted(tags)}
    if not changed_fields(live, data):
        if pending is not None:
            pending.delete()
        return None
    if pending is None:
        return PendingChange.objects.create(article=live, data=data, created_by=user, updated_by=user)
    pending.data, pending.updated_by, pending.version = data, user, pending.version + 1
    pending.save()
    return pending


def changed_fields(live: Article, data: dict) -> set[str]:
    """The names of what the staged `data` changes on the live article (field names, "tags")."""
    changed = {name.removesuffix("_id") for name, value in data["fields"].items() if getattr(live, name) != value}
    if sorted(data["tags"]) != sorted(live.tags.names()):
        changed.add("tags")
    return changed


def apply_in_memory(article: Article, pending: PendingChange) -> Article:
    """The article as it will read once the staged change is published, unsaved: for the staff preview and forms."""
    for name, value in pending.data["fields"].items():
        if name in STAGED_FIELDS:
            setattr(article, name, value)
    article.body_html = render_markdown(article.body, photos=Photo.objects.in_bulk)  # as Article.save() does
    return article


@transaction.atomic
def publish(*, article: Article, user) -> None:
    """Apply the article's pending change in one step, as a new revision; "Updated" moves if readers will see a
    difference."""
    pending = PendingChange.objects.select_for_update().get(article=article)
    live = Article.objects.get(pk=article.pk)
    changed = changed_fields(live, pending.data)
    apply_in_memory(live, pending)
    if revisions.is_editorial(changed):
        revisions.mark_revised(live)
    live.save()
    live.tags.set(pending.data["tags"])
    pending.delete()
    revisions.record(article=live, user=user, comment="Published the staged changes.")


@transaction.atomic
def discard(*, article: Article) -> None:
    PendingChange.objects.filter(article=article).delete()


def diff(article: Article, pending: PendingChange) -> list[revisions.FieldChange]:
    """What publishing the pending change would change, field by field, word by word for text."""
    live = Article.objects.get(pk=article.pk)  # `article` may carry the staged values already
    staged = apply_in_memory(Article.objects.get(pk=article.pk), pending)
    categories = {c.pk: c.name for c in Category.objects.filter(pk__in={live.category_id, staged.category_id})}

    def values(version, tags):
        return {
            **{name: getattr(version, name) for name in revisions.TEXT_FIELDS},
            "slug": version.slug,
            "category": categories.get(version.category_id, ""),
            "tags": ", ".join(tags),
            "photo": str(version.photo) if version.photo_id else "",
        }

    names = {"headline", "slug", "category", "tags", "photo", *revisions.TEXT_FIELDS}
    old = revisions.Snapshot(entry=None, fields={}, byline_ids=[], values=values(live, sorted(live.tags.names())))
    new = revisions.Snapshot(entry=None, fields={}, byline_ids=[], values=values(staged, pending.data["tags"]))
    return revisions.compare(old, new, names=names)
