"""Who sees a comment awaiting moderation, and how editors moderate in the admin."""

import pytest
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_comment, make_user

pytestmark = pytest.mark.django_db


def comments_section(response):
    html = response.content.decode()
    return html[html.index('<section id="comments"') :]


class TestWhoSeesPending:
    @pytest.fixture
    def pending(self, reader, article):
        return make_comment(article=article, user=reader, body="Waiting for a moderator.", status="pending")

    def test_the_author_sees_it_marked_awaiting_moderation(self, reader_client, pending, article):
        section = comments_section(reader_client.get(article.get_absolute_url()))
        assert "Waiting for a moderator." in section
        assert "Awaiting moderation" in section
        assert "comment--pending" in section

    def test_anonymous_readers_do_not_see_it(self, pending, article):
        assert "Waiting for a moderator." not in comments_section(Client().get(article.get_absolute_url()))

    def test_other_readers_do_not_see_it(self, pending, article):
        other = Client()
        other.force_login(make_user())
        assert "Waiting for a moderator." not in comments_section(other.get(article.get_absolute_url()))

    def test_it_is_not_counted(self, pending, article, client):
        assert "No comments yet." in comments_section(client.get(article.get_absolute_url()))

    def test_once_approved_everyone_sees_it(self, pending, article):
        pending.status = Comment.Status.APPROVED
        pending.save()
        assert "Waiting for a moderator." in comments_section(Client().get(article.get_absolute_url()))

    @pytest.mark.parametrize("status", [Comment.Status.REMOVED, Comment.Status.SPAM])
    def test_removed_and_spam_are_shown_to_nobody_not_even_their_author(self, reader_client, reader, article, status):
        make_comment(article=article, user=reader, body="Gone for good.", status=status)
        assert "Gone for good." not in comments_section(reader_client.get(article.get_absolute_url()))

    def test_a_reply_to_a_comment_marked_spam_keeps_its_place_under_a_placeholder(self, client, article):
        spam = make_comment(article=article, body="Cheap pills.", status=Comment.Status.SPAM)
        make_comment(article=article, parent=spam, body="Reported this one.")
        section = comments_section(client.get(article.get_absolute_url()))
        assert "Cheap pills." not in section
        assert section.index("Comment removed.") < section.index("Reported this one.")


class TestAdmin:
    @pytest.fixture
    def queue(self, article):
        return [
            make_comment(article=article, body=f"Queued comment {n}.", status=Comment.Status.PENDING) for n in range(3)
        ]

    @pytest.mark.parametrize(
        ("action", "status"),
        [("approve", Comment.Status.APPROVED), ("remove", Comment.Status.REMOVED), ("mark_spam", Comment.Status.SPAM)],
    )
    def test_editors_moderate_in_bulk(self, editor_client, queue, action, status):
        response = editor_client.post(
            reverse("admin:comments_comment_changelist"),
            {"action": action, "_selected_action": [c.pk for c in queue[:2]]},
            follow=True,
        )
        assert "2 comments" in response.content.decode()
        assert list(
            Comment.objects.filter(pk__in=[c.pk for c in queue]).order_by("pk").values_list("status", flat=True)
        ) == [
            status,
            status,
            Comment.Status.PENDING,
        ]

    def test_the_queue_filters_by_status_and_searches_text_and_user(self, editor_client, queue, article):
        make_comment(article=article, body="Approved already.", user=make_user(username="findme"))
        url = reverse("admin:comments_comment_changelist")
        pending = editor_client.get(url, {"status__exact": "pending"}).content.decode()
        assert "Queued comment 0." in pending
        assert "Approved already." not in pending
        assert "Queued comment 1." in editor_client.get(url, {"q": "comment 1"}).content.decode()
        by_user = editor_client.get(url, {"q": "findme"}).content.decode()
        assert "Approved already." in by_user
        assert "Queued comment 0." not in by_user

    def test_the_list_shows_status_article_user_excerpt_and_date(self, editor_client, queue, article):
        html = editor_client.get(reverse("admin:comments_comment_changelist")).content.decode()
        for text in ("Awaiting moderation", article.headline, queue[0].user.username, "Queued comment 0."):
            assert text in html

    def test_the_list_costs_the_same_queries_for_3_or_30_comments(self, editor_client):
        url = reverse("admin:comments_comment_changelist")
        for n in range(3):
            make_comment(body=f"Few {n}")
        editor_client.get(url)
        few = _query_count(editor_client, url)
        for n in range(27):
            make_comment(body=f"Many {n}", user=make_user())
        editor_client.get(url)  # the site state is rebuilt once after the new rows, as for any page
        assert _query_count(editor_client, url) == few

    def test_readers_cannot_open_the_moderation_queue(self, reader_client):
        response = reader_client.get(reverse("admin:comments_comment_changelist"))
        assert response.status_code == 302

    def test_the_ip_address_is_shown_to_moderators_but_cannot_be_changed(self, editor_client, article):
        comment = make_comment(article=article, ip_address="192.0.2.44")
        html = editor_client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
        assert "192.0.2.44" in html
        assert 'name="ip_address"' not in html

    def test_bulk_moderation_is_logged_per_comment_with_who_and_the_reason(self, editor_client, queue):
        editor_client.post(
            reverse("admin:comments_comment_changelist"),
            {"action": "remove", "_selected_action": [c.pk for c in queue[:2]], "reason": "Personal attack"},
        )
        entries = LogEntry.objects.filter(object_id__in=[str(c.pk) for c in queue]).select_related("user")
        assert sorted(int(e.object_id) for e in entries) == [queue[0].pk, queue[1].pk]
        assert all(e.user.username == "editor" and e.action_time for e in entries)
        assert [e.get_change_message() for e in entries] == ["Removed: Personal attack."] * 2
        history = editor_client.get(reverse("admin:comments_comment_history", args=[queue[0].pk]))
        assert "Removed: Personal attack." in history.content.decode()
        assert Comment.objects.get(pk=queue[0].pk).moderation_note == "Personal attack"

    def test_single_moderation_from_the_change_form_is_logged_with_the_reason(self, editor_client, queue):
        comment = queue[0]
        url = reverse("admin:comments_comment_change", args=[comment.pk])
        data = {
            "article": comment.article_id,
            "user": comment.user_id,
            "parent": "",
            "body": comment.body,
            "status": Comment.Status.SPAM,
            "moderation_reason": "Link farm",
        }
        assert editor_client.post(url, data).status_code == 302
        entry = LogEntry.objects.get(object_id=str(comment.pk))
        assert entry.user.username == "editor"
        assert entry.get_change_message() == "Status set to Spam: Link farm."


def _query_count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)
