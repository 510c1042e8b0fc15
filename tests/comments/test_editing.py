"""Authors edit their comments for 15 minutes (then marked edited) and delete them at any time."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.factories import make_comment, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def now(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    return time_machine


@pytest.fixture
def mine(regular, article, now):
    return make_comment(article=article, user=regular, body="Frist!")


def edit(client, comment, body):
    return client.post(reverse("comments:edit", args=[comment.pk]), {"body": body})


def comments_section(response):
    html = response.content.decode()
    return html[html.index('<section id="comments"') :]


class TestEdit:
    def test_the_edit_page_holds_the_current_text(self, regular_client, mine):
        response = regular_client.get(reverse("comments:edit", args=[mine.pk]))
        assert response.status_code == 200
        assert "Frist!</textarea>" in response.content.decode()

    def test_an_edit_within_the_window_is_saved_and_marked_edited(self, regular_client, mine, article, now):
        now.shift(timedelta(minutes=14))
        response = edit(regular_client, mine, "First!")
        assert response["Location"] == f"{article.get_absolute_url()}#comment-{mine.pk}"
        mine.refresh_from_db()
        assert (mine.body, mine.body_html) == ("First!", "<p>First!</p>")
        assert mine.edited_at == timezone.now()
        section = comments_section(Client().get(article.get_absolute_url()))
        assert "First!" in section
        assert "(edited)" in section

    def test_an_unchanged_text_is_not_marked_edited(self, regular_client, mine):
        edit(regular_client, mine, "Frist!")
        mine.refresh_from_db()
        assert mine.edited_at is None

    def test_after_the_window_the_edit_is_refused_and_the_link_is_gone(self, regular_client, mine, article, now):
        now.shift(timedelta(minutes=15, seconds=1))
        response = edit(regular_client, mine, "Too late to fix.")
        assert response.status_code == 403
        assert "can be edited for 15 minutes" in response.content.decode()
        assert "Too late to fix." in response.content.decode()
        mine.refresh_from_db()
        assert mine.body == "Frist!"
        assert regular_client.get(reverse("comments:edit", args=[mine.pk])).status_code == 403
        section = comments_section(regular_client.get(article.get_absolute_url()))
        assert reverse("comments:edit", args=[mine.pk]) not in section
        assert reverse("comments:delete", args=[mine.pk]) in section  # deleting stays possible

    def test_the_edit_link_shows_to_the_author_only(self, regular_client, mine, article):
        assert reverse("comments:edit", args=[mine.pk]) in comments_section(
            regular_client.get(article.get_absolute_url())
        )
        other = Client()
        other.force_login(make_user())
        assert reverse("comments:edit", args=[mine.pk]) not in comments_section(other.get(article.get_absolute_url()))

    def test_someone_elses_comment_cannot_be_edited_or_deleted(self, mine):
        other = Client()
        other.force_login(make_user())
        assert edit(other, mine, "Hijacked.").status_code == 404
        assert other.post(reverse("comments:delete", args=[mine.pk])).status_code == 404
        mine.refresh_from_db()
        assert (mine.body, mine.status) == ("Frist!", Comment.Status.APPROVED)

    def test_editing_needs_a_login(self, client, mine):
        response = edit(client, mine, "Anonymous edit.")
        assert response["Location"].startswith(reverse("login"))

    def test_an_edit_is_validated_like_a_new_comment(self, regular_client, mine, settings):
        response = edit(regular_client, mine, "z" * (settings.COMMENTS_MAX_LENGTH + 1))
        assert response.status_code == 400
        assert edit(regular_client, mine, "  ").status_code == 400
        mine.refresh_from_db()
        assert mine.body == "Frist!"

    def test_adding_many_links_in_an_edit_sends_it_back_to_moderation(self, regular_client, mine):
        edit(regular_client, mine, "Now with https://a.example/ https://b.example/ https://c.example/")
        mine.refresh_from_db()
        assert mine.status == Comment.Status.PENDING

    def test_edits_stop_when_comments_close(self, regular_client, mine, article):
        article.comments_open = False
        article.save()
        assert edit(regular_client, mine, "Changed.").status_code == 403


class TestDelete:
    def test_the_confirmation_page_shows_the_comment(self, regular_client, mine):
        response = regular_client.get(reverse("comments:delete", args=[mine.pk]))
        assert response.status_code == 200
        assert "Frist!" in response.content.decode()

    def test_a_comment_without_replies_disappears(self, regular_client, mine, article, now):
        now.shift(timedelta(days=10))  # long after the edit window
        response = regular_client.post(reverse("comments:delete", args=[mine.pk]))
        assert response["Location"] == f"{article.get_absolute_url()}#comments"
        mine.refresh_from_db()
        assert (mine.body, mine.body_html, mine.status) == ("", "", Comment.Status.REMOVED)
        section = comments_section(Client().get(article.get_absolute_url()))
        assert f'id="comment-{mine.pk}"' not in section
        assert "Comment removed." not in section

    def test_a_comment_with_replies_leaves_a_placeholder_above_them(self, regular_client, mine, article):
        make_comment(article=article, parent=mine, body="A reply that stays.")
        regular_client.post(reverse("comments:delete", args=[mine.pk]))
        section = comments_section(Client().get(article.get_absolute_url()))
        placeholder = section.index(f'id="comment-{mine.pk}"')
        assert "Comment removed." in section
        assert "Frist!" not in section
        assert placeholder < section.index("A reply that stays.")

    def test_a_deleted_comment_cannot_be_edited_or_deleted_again(self, regular_client, mine):
        regular_client.post(reverse("comments:delete", args=[mine.pk]))
        assert edit(regular_client, mine, "Back from the dead.").status_code == 404
        assert regular_client.post(reverse("comments:delete", args=[mine.pk])).status_code == 404

    def test_delete_needs_post_for_the_change(self, regular_client, mine):
        regular_client.get(reverse("comments:delete", args=[mine.pk]))
        mine.refresh_from_db()
        assert mine.status == Comment.Status.APPROVED
        assert regular_client.put(reverse("comments:delete", args=[mine.pk])).status_code == 405

    def test_deleted_comments_still_count_towards_the_minute_limit(self, regular_client, regular, article, now):
        for n in range(5):
            regular_client.post(reverse("comments:post", args=[article.slug]), {"body": f"Flood {n}"})
            regular_client.post(reverse("comments:delete", args=[Comment.objects.latest("pk").pk]))
        response = regular_client.post(reverse("comments:post", args=[article.slug]), {"body": "One more."})
        assert response.status_code == 429


class TestEditAfterApproval:
    """Finding 4 of #14: a moderator approves the text they read; a newcomer cannot rewrite it afterwards."""

    @pytest.fixture
    def newcomer(self, client, article, now):
        user = make_user(username="newcomer")
        client.force_login(user)
        client.post(reverse("comments:post", args=[article.slug]), {"body": "A harmless first comment."})
        comment = Comment.objects.get(user=user)
        assert comment.status == Comment.Status.PENDING  # first comments are held
        comment.status = Comment.Status.APPROVED  # the moderator approves what they read
        comment.save()
        return comment

    def test_a_newcomers_edit_after_approval_goes_back_to_moderation(self, client, newcomer, article):
        response = edit(client, newcomer, "Buy cheap watches at https://spam.example/")
        newcomer.refresh_from_db()
        assert newcomer.status == Comment.Status.PENDING
        assert "a moderator reads it again" in newcomer.moderation_note
        assert "awaiting moderation" in client.get(response["Location"]).content.decode()
        section = comments_section(Client().get(article.get_absolute_url()))
        assert "spam.example" not in section
        assert "A harmless first comment." not in section

    def test_the_author_still_sees_their_edited_comment_while_it_waits(self, client, newcomer, article):
        edit(client, newcomer, "Rewritten after approval.")
        assert "Rewritten after approval." in comments_section(client.get(article.get_absolute_url()))

    def test_a_trusted_users_edit_stays_public(self, regular_client, mine, article):
        edit(regular_client, mine, "Fixed my typo.")
        mine.refresh_from_db()
        assert mine.status == Comment.Status.APPROVED
        assert "Fixed my typo." in comments_section(Client().get(article.get_absolute_url()))

    def test_without_first_comment_moderation_edits_stay_public(self, client, article, settings):
        settings.COMMENTS_MODERATE_FIRST = False
        user = make_user()
        comment = make_comment(article=article, user=user, body="Only comment.")
        client.force_login(user)
        edit(client, comment, "Only comment, edited.")
        comment.refresh_from_db()
        assert comment.status == Comment.Status.APPROVED


class TestUnpublishedArticle:
    """Finding 10 of #14: once an article is unpublished, its comments' pages disclose nothing and change nothing."""

    @pytest.fixture
    def unpublished(self, article):
        article.status = article.Status.DRAFT
        article.headline = "Secret draft headline"
        article.save()
        return article

    @pytest.mark.parametrize("name", ["comments:edit", "comments:delete"])
    def test_the_comment_pages_are_404_and_show_no_headline(self, regular_client, mine, unpublished, name):
        response = regular_client.get(reverse(name, args=[mine.pk]))
        assert response.status_code == 404
        assert "Secret draft headline" not in response.content.decode()

    def test_an_edit_or_delete_is_refused_and_changes_nothing(self, regular_client, mine, unpublished):
        assert edit(regular_client, mine, "Changed while hidden.").status_code == 404
        assert regular_client.post(reverse("comments:delete", args=[mine.pk])).status_code == 404
        mine.refresh_from_db()
        assert (mine.body, mine.status) == ("Frist!", Comment.Status.APPROVED)

    def test_a_scheduled_article_counts_as_unpublished(self, regular_client, mine, article):
        article.published_at = timezone.now() + timedelta(days=1)
        article.save()
        assert regular_client.get(reverse("comments:edit", args=[mine.pk])).status_code == 404
