"""What another app adds to article pages, lists and the admin, without articles importing it (house rule 28).

The comments app registers its discussion here from its AppConfig.ready(): the article page asks it for the
discussion's part of the page's context, lists and the admin for each article's comment count. With nothing
registered, articles have no discussion and no comments.
"""

from typing import Protocol

from django.db.models import Value


class Discussion(Protocol):
    def page_context(self, *, article, request) -> dict:
        """The article page's context for templates/comments/discussion.html."""

    def count_per_article(self, *, since=None):
        """An expression annotating articles with their number of visible comments (since `since`, if given)."""

    def moderation_queue(self, *, user) -> dict:
        """For the admin's dashboard: `comments_waiting` and `comments_url`, or nothing if `user` does not moderate."""


class _NoDiscussion:
    def page_context(self, *, article, request) -> dict:
        return {}

    def count_per_article(self, *, since=None):
        return Value(0)

    def moderation_queue(self, *, user) -> dict:
        return {}


_discussion: Discussion = _NoDiscussion()


def register_discussion(provider: Discussion) -> None:
    global _discussion  # set once, from an AppConfig.ready()
    _discussion = provider


def discussion() -> Discussion:
    return _discussion
