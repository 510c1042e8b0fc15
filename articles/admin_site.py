"""The newsroom's admin site: Django's, with a dashboard on the index page for the logged-in user's role.

Installed through articles.apps.NewsroomAdminConfig (its default_site), so admin.site and every @admin.register
use it without further changes."""

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from articles import page_parts
from articles.models import Article, PendingChange

DASHBOARD_ROWS = 10


def dashboard(request) -> dict:
    """What waits for the user: articles in review, scheduled ones, live ones with unpublished changes (only those
    they may edit), and, for moderators, the comments awaiting moderation (from the comments app, through
    articles.page_parts). Five queries at most."""
    user = request.user
    mine = Article.objects.editable_by(user).only("headline", "published_at", "status")
    changelist = reverse("admin:articles_article_changelist")
    in_review = mine.filter(status=Article.Status.REVIEW).order_by("-updated_at")
    scheduled = mine.scheduled().order_by("published_at")
    pending = PendingChange.objects.filter(article__in=mine.values("pk")).select_related("article", "updated_by")
    board = {
        "in_review": list(in_review[:DASHBOARD_ROWS]),
        "in_review_url": f"{changelist}?status__exact={Article.Status.REVIEW}",
        "scheduled": list(scheduled[:DASHBOARD_ROWS]),
        "scheduled_url": f"{changelist}?queue=scheduled",
        "pending": list(pending.order_by("-updated_at")[:DASHBOARD_ROWS]),
        "pending_url": f"{changelist}?queue=changes",
        "now": timezone.now(),
    }
    return board | page_parts.discussion().moderation_queue(user=user)


class NewsroomAdminSite(admin.AdminSite):
    def index(self, request, extra_context=None):
        return super().index(request, {"dashboard": dashboard(request), **(extra_context or {})})
