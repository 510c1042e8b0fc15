"""For readers: "What changed". The published versions of an article, oldest first, each with a word-level diff of
the text against the version shown before it, and its corrections. A revision an editor withheld (e.g. a legal
removal) is listed with its reason only: its text never reaches this page, and the next shown version is compared
with the last one shown before it."""

from datetime import datetime
from typing import NamedTuple

from django.http import Http404
from django.views.generic import DetailView

from articles import revisions
from articles.caching import tag_page
from articles.models import Article, ArticleRevision

# What readers read; bookkeeping (status, slug, tags) is not their business here.
PUBLIC_FIELDS = {"headline", "standfirst", "body", "photo_caption_override"}


class Change(NamedTuple):
    at: datetime
    kind: str  # "published", "revised", "withheld" or "correction"
    changes: list  # revisions.FieldChange, for "revised"
    text: str  # the reason for "withheld", the note for "correction"


def public_history(article: Article) -> list[Change]:
    """What the page lists, oldest first: five queries whatever the number of revisions."""
    entries = ArticleRevision.objects.filter(article=article, staged=False).select_related("revision")
    entries = sorted(entries, key=lambda e: (e.revision.date_created, e.pk))
    first_live = next((n for n, entry in enumerate(entries) if entry.live), len(entries))
    # A scheduled story goes live by itself, with no save: its last version before then is what readers first saw.
    base = entries[first_live - 1] if 0 < first_live < len(entries) else None
    shown = [e for e in entries[first_live:] if e.is_public]
    by_pk = {s.entry.pk: s for s in revisions.snapshots([*shown, *([base] if base else [])])}
    previous = by_pk[base.pk] if base and by_pk[base.pk].fields.get("status") == Article.Status.PUBLISHED else None
    history = [Change(article.published_at, "published", [], "")]
    for entry in entries[first_live:]:
        if not entry.is_public:
            history.append(Change(entry.revision.date_created, "withheld", [], entry.hidden_reason))
            continue
        snapshot = by_pk[entry.pk]
        changes = revisions.compare(previous, snapshot, names=PUBLIC_FIELDS) if previous else []
        if changes:  # a save of bylines or bookkeeping only changes nothing readers read
            history.append(Change(entry.revision.date_created, "revised", changes, ""))
        previous = snapshot
    history += [Change(c.created_at, "correction", [], c.text) for c in article.corrections.all()]
    return sorted(history, key=lambda change: change.at)


class ArticleChangesView(DetailView):
    """The public "What changed" page of a published article."""

    template_name = "articles/article_changes.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().select_related("category")

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404 as missing:
            raise Http404("No published article at this address.") from missing

    def get_context_data(self, **kwargs):
        # Shared from the page cache like the article page, and dropped with it: any change to the article, a
        # correction, or a revision withheld (articles/signals.py).
        tag_page(self.request, f"article:{self.object.pk}")
        return super().get_context_data(history=public_history(self.object), **kwargs)
