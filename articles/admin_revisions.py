"""The article admin's revision pages: the list of an article's revisions, a diff between any two, restore, and
hiding a revision from the public "What changed" page. Mixed into ArticleAdmin (articles/admin.py)."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from articles import revisions
from articles.models import ArticleRevision


class CompareForm(forms.Form):
    old = forms.IntegerField(min_value=1)
    new = forms.IntegerField(min_value=1)


class HideForm(forms.Form):
    hide = forms.BooleanField(required=False)
    reason = forms.CharField(max_length=300, required=False, strip=True)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hide") and not cleaned.get("reason"):
            self.add_error("reason", "Say why this version is withheld; readers see the reason in its place.")
        return cleaned


class RevisionsAdminMixin:
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/revisions/", wrap(self.revisions_view), name="articles_article_revisions"),
            path(
                "<path:object_id>/revisions/<int:revision_id>/restore/",
                wrap(require_POST(self.restore_view)),
                name="articles_article_restore",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/visibility/",
                wrap(require_POST(self.visibility_view)),
                name="articles_article_revision_visibility",
            ),
            *super().get_urls(),
        ]

    def _article_or_404(self, request, object_id):
        # get_object() goes through get_queryset(): an author gets 404 for articles that are not hers.
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_permission(request, article):
            raise Http404("No article with that id.")
        return article

    def revisions_view(self, request, object_id):
        article = self._article_or_404(request, object_id)
        entries = list(article.revisions.select_related("revision__user", "hidden_by"))
        compare = CompareForm(request.GET) if "old" in request.GET else None
        changes, pair = None, None
        if compare is not None and compare.is_valid():
            chosen = {e.pk: e for e in entries}
            if compare.cleaned_data["old"] not in chosen or compare.cleaned_data["new"] not in chosen:
                raise Http404("No such revision of this article.")
            old, new = revisions.snapshots([chosen[compare.cleaned_data["old"]], chosen[compare.cleaned_data["new"]]])
            if old.entry.revision.date_created > new.entry.revision.date_created:
                old, new = new, old
            changes, pair = revisions.compare(old, new), (old.entry, new.entry)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Revisions of “{article}”",
            "subtitle": None,
            "original": article,
            "entries": entries,
            "compare": compare,
            "changes": changes,
            "pair": pair,
            "may_restore": self.has_change_permission(request, article),
            "may_hide": self.has_publish_permission(request),
            "change_url": reverse("admin:articles_article_change", args=[article.pk]),
        }
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def restore_view(self, request, object_id, revision_id):
        article = self._article_or_404(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        entry = get_object_or_404(ArticleRevision.objects.select_related("revision"), pk=revision_id, article=article)
        (snapshot,) = revisions.snapshots([entry])
        outcome = self.restore_snapshot(request, article, snapshot)
        return HttpResponseRedirect(outcome)

    def restore_snapshot(self, request, article, snapshot) -> str:
        """Restore and say so; returns where to go next. ArticleAdmin stages this for a live article."""
        not_restored = revisions.restore(article=article, snapshot=snapshot, user=request.user)
        self.log_change(request, article, f"Restored the revision {snapshot.entry.pk}.")
        self.message_user(request, "The earlier version is restored, as a new revision.", messages.SUCCESS)
        for what in not_restored:
            self.message_user(request, f"Not restored: {what}.", messages.WARNING)
        return reverse("admin:articles_article_change", args=[article.pk])

    def visibility_view(self, request, object_id, revision_id):
        article = self._article_or_404(request, object_id)
        if not self.has_publish_permission(request):
            raise PermissionDenied
        entry = get_object_or_404(ArticleRevision, pk=revision_id, article=article)
        form = HideForm(request.POST)
        back = reverse("admin:articles_article_revisions", args=[article.pk])
        if not form.is_valid():
            for errors in form.errors.values():
                self.message_user(request, " ".join(errors), messages.ERROR)
            return HttpResponseRedirect(back)
        hide = form.cleaned_data["hide"]
        entry.is_public = not hide
        entry.hidden_reason = form.cleaned_data["reason"] if hide else ""
        entry.hidden_by, entry.hidden_at = (request.user, timezone.now()) if hide else (None, None)
        entry.save()
        state = f"withheld from readers: {entry.hidden_reason}" if hide else "shown to readers again"
        self.log_change(request, article, f"Revision {entry.pk} {state}.")
        self.message_user(request, f"Revision {entry.pk} is {state}.", messages.SUCCESS)
        return HttpResponseRedirect(back)
