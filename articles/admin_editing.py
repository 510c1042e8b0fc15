"""The article form's helpers for people typing: autosave (a private draft per user, offered back when the form is
opened again), a leave-page warning, and a live preview of the body through the page's own sanitizer, naming what it
will leave out. All of it is added by articles/static/articles/newsroom.js; without JavaScript the form works as
before and the preview is the saved one. Mixed into ArticleAdmin (articles/admin.py)."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from articles import autosave
from articles.markdown import render_markdown
from articles.markdown_limits import MAX_BODY_CHARS, check_body
from articles.markdown_report import dropped_markup
from articles.models import Photo

AUTOSAVE_SECONDS = 5


class PreviewForm(forms.Form):
    body = forms.CharField(required=False, strip=False, max_length=MAX_BODY_CHARS)

    def clean_body(self):
        body = self.cleaned_data["body"]
        check_body(body)  # the same limit as saving: a preview must not tie up a worker either
        return body


def _errors(form) -> JsonResponse:
    return JsonResponse({"errors": [e for errors in form.errors.values() for e in errors]}, status=400)


class EditingAdminMixin:
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("autosave/", wrap(require_POST(self.autosave_view)), name="articles_article_autosave_new"),
            path(
                "<path:object_id>/autosave/", wrap(require_POST(self.autosave_view)), name="articles_article_autosave"
            ),
            path("preview/", wrap(require_POST(self.preview_view)), name="articles_article_preview"),
            *super().get_urls(),
        ]

    def autosave_view(self, request, object_id=None):
        article = None
        if object_id is not None:
            article = self._article_or_404(request, object_id)
            if not self.has_change_permission(request, article):
                raise PermissionDenied
        elif not self.has_add_permission(request):
            raise PermissionDenied
        form = autosave.AutosaveForm(request.POST)
        if not form.is_valid():
            return _errors(form)
        if form.cleaned_data["discard"]:
            autosave.forget(user=request.user, article=article)
            return JsonResponse({"discarded": True})
        draft = autosave.keep(user=request.user, article=article, text=form.text)
        saved_at = timezone.localtime(draft.saved_at)
        return JsonResponse({"saved_at": saved_at.isoformat(), "label": f"Draft kept at {saved_at:%H:%M:%S}"})

    def preview_view(self, request):
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        form = PreviewForm(request.POST)
        if not form.is_valid():
            return _errors(form)
        body = form.cleaned_data["body"]
        html = render_markdown(body, photos=Photo.objects.in_bulk)  # as Article.save() renders it
        return JsonResponse({"html": html, "dropped": dropped_markup(body)})

    # --- on the form ---

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        article = self.get_object(request, unquote(object_id)) if object_id else None
        autosave_url = (
            reverse("admin:articles_article_autosave", args=[article.pk])
            if article is not None
            else reverse("admin:articles_article_autosave_new")
        )
        extra_context["newsroom_config"] = {
            "autosave": autosave_url,
            "preview": reverse("admin:articles_article_preview"),
            "interval": AUTOSAVE_SECONDS * 1000,
        }
        if request.method == "GET" and (article is not None or object_id is None):
            shown = {name: getattr(article, name, "") for name in autosave.FIELDS} if article is not None else {}
            extra_context["autosave_offer"] = autosave.offer(user=request.user, article=article, shown=shown)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def forget_autosave(self, request, article, change):
        """Once the form is saved, what was typed is in it: the draft goes."""
        autosave.forget(user=request.user, article=article if change else None)

    def warn_about_dropped_markup(self, request, form):
        if "body" in form.changed_data and (dropped := dropped_markup(form.cleaned_data.get("body") or "")):
            self.message_user(
                request,
                f"Saved, but the page leaves out what the body's formatting does not allow: {'; '.join(dropped)}.",
                "WARNING",
            )

    @admin.display(description="Preview")
    def body_preview(self, obj):
        """The body as the page shows it: as saved, and as typed once the form's script runs."""
        saved = obj is not None and obj.pk is not None and obj.body
        dropped = dropped_markup(obj.body) if saved else []
        return format_html(
            '<div id="body-preview" class="body-preview" aria-live="polite">'
            '<p class="body-preview__dropped"{}>Left out of the page: {}</p><div class="body-preview__html">{}</div>'
            "</div>",
            "" if dropped else mark_safe(" hidden"),
            "; ".join(dropped),
            # body_html was made by the page's own sanitizer when the article was saved (articles/markdown.py).
            mark_safe(obj.body_html) if saved else "The formatted body shows here once the article is saved.",  # noqa: S308
        )
