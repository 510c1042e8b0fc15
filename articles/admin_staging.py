"""The article admin's staged changes: an edit to a live article is kept apart (articles/staging.py), shown in the
change form with a diff against the live version, previewed on the page, then published or discarded. Mixed into
ArticleAdmin (articles/admin.py), before RevisionsAdminMixin so that a restore of a live article is staged too."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles import revisions, staging
from articles.models import Article, PendingChange

PUBLISH = "articles.publish_article"


class NewsroomQueueFilter(admin.SimpleListFilter):
    """The dashboard's lists (articles/admin_site.py) that the status filter alone cannot give."""

    title = "newsroom"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("scheduled", "Scheduled"), ("changes", "Live, with unpublished changes")]

    def queryset(self, request, queryset):
        if self.value() == "scheduled":
            return queryset.filter(pk__in=Article.objects.scheduled().values("pk"))
        if self.value() == "changes":
            return queryset.filter(Exists(PendingChange.objects.filter(article=OuterRef("pk"))))
        return queryset


class StagingAdminMixin:
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/changes/publish/",
                wrap(require_POST(self.publish_changes_view)),
                name="articles_article_publish_changes",
            ),
            path(
                "<path:object_id>/changes/discard/",
                wrap(require_POST(self.discard_changes_view)),
                name="articles_article_discard_changes",
            ),
            *super().get_urls(),
        ]

    def get_object(self, request, object_id, from_field=None):
        """The article as its editors continue to work on it: with its staged change, if any, applied (unsaved)."""
        article = super().get_object(request, object_id, from_field)
        if article is not None:
            pending = PendingChange.objects.filter(article=article).select_related("updated_by").first()
            if pending is not None:
                staging.apply_in_memory(article, pending)
                article.staged_change = pending
        return article

    # --- saving ---

    def needs_staging(self, request, obj) -> bool:
        """A live article is always staged; a scheduled one too when its author is no editor."""
        saved = Article.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
        if saved != Article.Status.PUBLISHED:
            return False
        return staging.is_live(obj) or not request.user.has_perm(PUBLISH)

    def stage_edit(self, request, obj, form):
        """save_model for a live article: the reader-facing values go to its pending change; bookkeeping fields
        (status, schedule, featuring, comments) apply at once."""
        tags = [tag if isinstance(tag, str) else tag.name for tag in form.cleaned_data.get("tags", [])]
        form.pending = staging.stage(
            article=obj,
            values={name: getattr(obj, name) for name in staging.STAGED_FIELDS},
            tags=tags,
            user=request.user,
        )
        form.bookkeeping = bookkeeping = [
            name for name in ("status", "published_at", "featured", "comments_open") if name in form.changed_data
        ]
        live = Article.objects.get(pk=obj.pk)
        for name in staging.STAGED_FIELDS:
            setattr(obj, name, getattr(live, name))
        if bookkeeping:
            obj.save(update_fields=[*bookkeeping, "updated_at"])

    def save_related_of_staged_edit(self, request, form, formsets):
        # Tags are staged (form.save_m2m is not called); bylines (editors only) and corrections apply at once.
        for formset in formsets:
            self.save_formset(request, form, formset, change=True)
        article = form.instance
        comment = self.revision_comment(form, formsets, True)
        if form.bookkeeping or any(formset.has_changed() for formset in formsets):
            revisions.record(article=article, user=request.user, comment=comment)
        if form.pending is None:
            if getattr(article, "staged_change", None) is not None:
                revisions.record(article=article, user=request.user, comment="Back to the live version.")
            return
        # The staged version is a revision too: an edit form opened before it is out of date (articles/conflicts.py).
        staged = staging.apply_in_memory(Article.objects.get(pk=article.pk), form.pending)
        revisions.record(
            article=staged, user=request.user, comment=f"Staged: {comment}", staged_tags=form.pending.data["tags"]
        )
        if "_publish_changes" in request.POST and request.user.has_perm(PUBLISH):
            staging.publish(article=article, user=request.user)
            self.message_user(request, "The changes are live.", messages.SUCCESS)
        elif request.user.has_perm(PUBLISH):
            self.message_user(
                request, "Your changes are saved but not live: preview them, then publish them.", messages.WARNING
            )
        else:
            self.message_user(
                request, "Your changes are saved and wait for an editor to publish them.", messages.WARNING
            )

    # --- the notice on the change form ---

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if request.method == "GET":
            article = self.get_object(request, object_id)
            pending = getattr(article, "staged_change", None)
            extra_context["may_publish_changes"] = request.user.has_perm(PUBLISH)
            extra_context["live_article"] = article is not None and self.needs_staging(request, article)
            if pending is not None:
                extra_context |= {
                    "pending": pending,
                    "pending_changes": staging.diff(article, pending),
                    "may_publish_changes": request.user.has_perm(PUBLISH),
                    "preview_url": f"{article.get_absolute_url()}?changes=1",
                }
        return super().change_view(request, object_id, form_url, extra_context)

    # --- publish and discard ---

    def _article_with_changes(self, request, object_id):
        article = self._article_or_404(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        if getattr(article, "staged_change", None) is None:
            self.message_user(request, "This article has no unpublished changes.", messages.INFO)
        return article

    def publish_changes_view(self, request, object_id):
        if not request.user.has_perm(PUBLISH):
            raise PermissionDenied
        article = self._article_with_changes(request, object_id)
        if getattr(article, "staged_change", None) is not None:
            staging.publish(article=article, user=request.user)
            self.log_change(request, article, "Published the staged changes.")
            self.message_user(request, "The changes are live.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def discard_changes_view(self, request, object_id):
        article = self._article_with_changes(request, object_id)
        if getattr(article, "staged_change", None) is not None:
            staging.discard(article=article)
            revisions.record(article=article, user=request.user, comment="Discarded the staged changes.")
            self.log_change(request, article, "Discarded the staged changes.")
            self.message_user(request, "The unpublished changes are discarded.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def restore_snapshot(self, request, article, snapshot) -> str:
        """Restoring a live article stages the old version, for review and publishing like any other edit."""
        if not staging.is_live(article):
            return super().restore_snapshot(request, article, snapshot)
        values = {name: snapshot.fields.get(name, getattr(article, name)) for name in staging.STAGED_FIELDS}
        values["photo_id"] = article.photo_id  # the photo stays as it is: a restore brings back words
        pending = staging.stage(article=article, values=values, tags=snapshot.entry.tags, user=request.user)
        if pending is not None:
            staged = staging.apply_in_memory(Article.objects.get(pk=article.pk), pending)
            stamp = snapshot.entry.revision.date_created
            comment = f"Staged: restored the version of {stamp:%Y-%m-%d %H:%M}."
            revisions.record(article=staged, user=request.user, comment=comment, staged_tags=pending.data["tags"])
        self.log_change(request, article, f"Staged a restore of revision {snapshot.entry.pk}.")
        if pending is None:
            self.message_user(request, "The live article already reads like that version.", messages.INFO)
        else:
            self.message_user(
                request, "The earlier version is staged: preview it, then publish the changes.", messages.WARNING
            )
        return reverse("admin:articles_article_change", args=[article.pk])
