from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.models import CHANGE, LogEntry

from articles import cache_tags, caching
from comments.models import Comment

REASON = forms.CharField(
    max_length=200,
    required=False,
    strip=True,
    help_text="Why, for the record (kept in each comment's history).",
    widget=forms.TextInput(attrs={"placeholder": "Reason (optional)", "size": 30}),
)


class ModerationActionForm(ActionForm):
    reason = REASON


class ReasonForm(forms.Form):
    """The reason alone, read back from the action form's POST (the action's own choices are the changelist's)."""

    reason = REASON


class CommentAdminForm(forms.ModelForm):
    moderation_reason = forms.CharField(
        max_length=200, required=False, strip=True, help_text="Why the status changed, for the comment's history."
    )

    class Meta:
        model = Comment
        fields = ["article", "user", "parent", "body", "status"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """The moderation queue: newest first, pending ones found with the status filter. Every moderation, single or in
    bulk, is logged in the comment's history with who, when and the reason given."""

    form = CommentAdminForm
    action_form = ModerationActionForm
    list_display = ["excerpt", "status", "article", "user", "created_at", "moderation_note"]
    list_display_links = ["excerpt"]
    list_filter = ["status", "created_at"]
    search_fields = ["body", "user__username", "user__email", "article__headline"]
    list_select_related = ["article", "user"]
    raw_id_fields = ["article", "user", "parent"]
    readonly_fields = ["created_at", "edited_at", "moderation_note", "ip_address"]
    date_hierarchy = "created_at"
    actions = ["approve", "remove", "mark_spam"]

    def _set_status(self, request, queryset, status, verb):
        reason = ""
        form = ReasonForm(request.POST)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
        pks = list(queryset.exclude(status=status).values_list("pk", flat=True))
        changed = Comment.objects.filter(pk__in=pks)
        # update() sends no signal: the pages of the comments' articles are invalidated here.
        articles = set(changed.values_list("article_id", flat=True))
        count = changed.update(status=status, **({"moderation_note": reason} if reason else {}))
        caching.invalidate(*cache_tags.article_pages(articles))
        message = f"{verb.capitalize()}{f': {reason}' if reason else ''}."
        LogEntry.objects.log_actions(request.user.pk, Comment.objects.filter(pk__in=pks), CHANGE, message)
        self.message_user(request, f"{count} comment{'s' if count != 1 else ''} {verb}.", messages.SUCCESS)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        if not add and "status" in form.changed_data:
            reason = form.cleaned_data.get("moderation_reason")
            status = form.instance.get_status_display()
            return f"Status set to {status}{f': {reason}' if reason else ''}."
        return message

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data and form.cleaned_data.get("moderation_reason"):
            obj.moderation_note = form.cleaned_data["moderation_reason"]
        super().save_model(request, obj, form, change)

    @admin.action(description="Approve selected comments", permissions=["change"])
    def approve(self, request, queryset):
        self._set_status(request, queryset, Comment.Status.APPROVED, "approved")

    @admin.action(description="Remove selected comments", permissions=["change"])
    def remove(self, request, queryset):
        self._set_status(request, queryset, Comment.Status.REMOVED, "removed")

    @admin.action(description="Mark selected comments as spam", permissions=["change"])
    def mark_spam(self, request, queryset):
        self._set_status(request, queryset, Comment.Status.SPAM, "marked as spam")

    @admin.display(description="comment", ordering="body")
    def excerpt(self, comment):
        return comment.excerpt
