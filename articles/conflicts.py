"""No lost edits: an article's edit form carries the revision it was opened at, and a save over a newer revision is
refused, showing what the other person changed, with what was typed kept in the form for merging.

Every admin save of an article makes a revision (articles/revisions.py), staged changes included, so "the newest
revision" is the article's version, whichever way it was saved.
"""

from typing import NamedTuple

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from articles import revisions
from articles.models import Article, ArticleRevision

FIELD = "opened_revision"


class Conflict(NamedTuple):
    by: AbstractBaseUser | None
    at: object  # datetime of their save
    changes: list[revisions.FieldChange]
    since_opened: bool  # changes since the form was opened, or (no earlier revision) theirs against what was typed


def check(*, article: Article, opened: int, typed: dict) -> Conflict | None:
    """None if `opened` is still the article's newest revision; else what happened since. Locks the article row
    until the end of the transaction (the admin saves in one), so two saves cannot both pass."""
    if transaction.get_connection().in_atomic_block:
        list(Article.objects.select_for_update().filter(pk=article.pk).values_list("pk", flat=True))
    newest = revisions.latest_id(article)
    if newest == opened:
        return None
    if not opened:
        # Opened before any revision: the first one kept is the version it was opened at (ArticleAdmin.save_model).
        opened = ArticleRevision.objects.filter(article=article).order_by("pk").values_list("pk", flat=True).first()
    entries = ArticleRevision.objects.select_related("revision__user").filter(article=article, pk__in={opened, newest})
    found = {s.entry.pk: s for s in revisions.snapshots(entries)}
    theirs = found[newest]
    if opened in found:
        changes, since_opened = revisions.compare(found[opened], theirs), True
    else:
        yours = revisions.Snapshot(entry=None, fields={}, byline_ids=[], values={**theirs.values, **typed})
        changes, since_opened = revisions.compare(yours, theirs, names=set(typed)), False
    return Conflict(theirs.entry.revision.user, theirs.entry.revision.date_created, changes, since_opened)
