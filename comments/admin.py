from django.contrib import admin, messages

from articles import cache_tags, caching
from comments.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """The moderation queue: newest first, pending ones found with the status filter."""

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
        # update() sends no signal: the pages of the comments' articles are invalidated here.
        articles = set(queryset.values_list("article_id", flat=True))
        count = queryset.update(status=status)
        caching.invalidate(*cache_tags.article_pages(articles))
        self.message_user(request, f"{count} comment{'s' if count != 1 else ''} {verb}.", messages.SUCCESS)

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
