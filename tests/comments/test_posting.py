"""Posting a comment as a logged-in reader, and every way a post is refused without losing what was typed."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from tests.factories import make_article, make_comment, make_user

pytestmark = pytest.mark.django_db


def post_url(article):
    return reverse("comments:post", args=[article.slug])


def post(client, on, body="A thoughtful comment.", **extra):
    return client.post(post_url(on), {"body": body} | extra)


def test_a_regular_readers_comment_appears_at_once_and_the_page_returns_to_it(regular_client, regular, article):
    response = post(regular_client, article, "Customs unions take years to pay off.")
    comment = Comment.objects.get(body="Customs unions take years to pay off.")
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"
    assert comment.status == Comment.Status.APPROVED
    assert comment.user == regular
    assert comment.article == article
    html = regular_client.get(response["Location"]).content.decode()
    assert f'id="comment-{comment.pk}"' in html
    assert "Customs unions take years to pay off." in html
    assert "Your comment is posted." in html
    # Announced, and shown in the comments section the redirect lands in, not at the top of the page.
    section = html[html.index('<section id="comments"') :]
    assert '<div class="messages messages--comments" role="status">' in section
    assert "Your comment is posted." in section


def test_the_first_comment_waits_for_moderation_and_the_reader_is_told_why(reader_client, article):
    response = post(reader_client, article)
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    html = reader_client.get(response["Location"]).content.decode()
    assert "awaiting moderation" in html
    assert "your first comment here" in html
    # The heading counts the comment the reader sees under it, and says why others may not see it yet.
    assert '<h3 class="comments__count">1 comment (1 of yours awaiting moderation)</h3>' in html


def test_the_posters_ip_is_kept_but_never_shown(regular_client, article):
    response = regular_client.post(post_url(article), {"body": "From my desk."}, REMOTE_ADDR="203.0.113.9")
    assert Comment.objects.get(body="From my desk.").ip_address == "203.0.113.9"
    assert "203.0.113.9" not in regular_client.get(response["Location"]).content.decode()


def test_the_ip_behind_our_own_proxy_is_kept_and_a_spoofed_one_ignored(regular_client, article, settings):
    settings.TRUSTED_PROXY_IPS = ["127.0.0.1"]
    regular_client.post(post_url(article), {"body": "Via our proxy."}, HTTP_X_FORWARDED_FOR="203.0.113.5")
    regular_client.post(
        post_url(article), {"body": "Spoofed."}, REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR="203.0.113.5"
    )
    assert Comment.objects.get(body="Via our proxy.").ip_address == "203.0.113.5"
    assert Comment.objects.get(body="Spoofed.").ip_address == "198.51.100.1"


def test_a_reply_is_saved_under_its_parent(regular_client, article):
    parent = make_comment(article=article)
    post(regular_client, article, "I agree with this.", parent=parent.pk)
    assert Comment.objects.get(body="I agree with this.").parent == parent


def test_tampered_fields_are_ignored(regular_client, regular, article):
    other_article, other_user = make_article(), make_user()
    response = post(
        regular_client,
        article,
        "Tampered.",
        user=other_user.pk,
        article=other_article.pk,
        status="approved",
        approved="1",
        created_at="2001-01-01T00:00:00Z",
        ip_address="10.0.0.1",
    )
    assert response.status_code == 302
    comment = Comment.objects.get(body="Tampered.")
    assert (comment.user, comment.article) == (regular, article)
    assert comment.created_at > timezone.now() - timedelta(minutes=1)
    assert comment.ip_address == "127.0.0.1"


def test_first_comment_is_held_even_when_status_approved_is_posted(reader_client, article):
    post(reader_client, article, status="approved")
    assert Comment.objects.get().status == Comment.Status.PENDING


@pytest.mark.parametrize(
    "parent",
    [
        lambda article: make_comment(article=make_article()).pk,  # another article's comment
        lambda article: make_comment(article=article, status=Comment.Status.PENDING).pk,
        lambda article: make_comment(article=article, status=Comment.Status.REMOVED).pk,
        lambda article: 999_999,
        lambda article: "not-a-number",
    ],
    ids=["other-article", "pending", "removed", "unknown", "garbage"],
)
def test_a_reply_to_a_comment_that_is_not_published_here_is_refused(regular_client, article, parent):
    parent_id = parent(article)
    before = Comment.objects.count()
    response = post(regular_client, article, "Replying to the wrong thing.", parent=parent_id)
    assert response.status_code == 400
    assert "You can only reply to a published comment on this article." in response.content.decode()
    assert "Replying to the wrong thing." in response.content.decode()
    assert Comment.objects.count() == before


class TestBadText:
    """Bodies the form refuses with a clear message, showing the text back, saving nothing."""

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ("", "Write your comment before posting it."),
            ("   \n\t  ", "Write your comment before posting it."),
            ("\u200b\u200d\u2060", "Write your comment before posting it."),
            ("a\x00b", "Null characters are not allowed."),
            ("bell\x07", "characters that cannot be saved"),
        ],
        ids=["empty", "whitespace", "zero-width-only", "nul", "control"],
    )
    def test_empty_or_unsaveable_text_is_refused(self, regular_client, regular, article, body, message):
        before = Comment.objects.count()
        response = post(regular_client, article, body)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert Comment.objects.count() == before

    def test_a_control_character_comes_back_visible_and_the_page_stays_valid(self, regular_client, article):
        response = post(regular_client, article, "Ring the bell\x07 twice.\nSecond line.")
        html = response.content.decode()
        assert response.status_code == 400
        assert "Ring the bell\ufffd twice.\nSecond line.</textarea>" in html  # the rest kept as typed
        assert "\x07" not in html

    def test_one_character_over_the_limit_is_refused_with_the_text_kept(self, regular_client, article, settings):
        body = "x" * (settings.COMMENTS_MAX_LENGTH + 1)
        before = Comment.objects.count()
        response = post(regular_client, article, body)
        html = response.content.decode()
        assert response.status_code == 400
        assert f"at most {settings.COMMENTS_MAX_LENGTH} characters" in html
        assert f"{body}</textarea>" in html
        assert Comment.objects.count() == before

    def test_a_70_kb_comment_is_refused_not_truncated(self, regular_client, article):
        body = "word " * 14_000
        response = post(regular_client, article, body)
        assert response.status_code == 400
        assert body.strip() in response.content.decode()
        assert not Comment.objects.filter(article=article).exists()

    def test_exactly_the_limit_is_accepted_counting_a_line_break_as_one(self, regular_client, article, settings):
        body = "a\r\n" + "b" * (settings.COMMENTS_MAX_LENGTH - 2)
        assert post(regular_client, article, body).status_code == 302
        assert Comment.objects.get(article=article).body == body.replace("\r\n", "\n")

    def test_a_lone_surrogate_sent_as_raw_bytes_never_causes_a_500(self, regular_client, article):
        response = regular_client.post(
            post_url(article), b"body=caf%ED%A0%80", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (302, 400)

    def test_emoji_rtl_and_zero_width_characters_inside_text_are_saved_exactly(self, regular_client, article):
        body = "Great 👍🏽 story \u202eoverride\u202c and zero\u200bwidth 𝄞"
        assert post(regular_client, article, body).status_code == 302
        assert Comment.objects.get(article=article).body == body

    def test_leading_and_trailing_space_is_trimmed(self, regular_client, article):
        post(regular_client, article, "  \n  Trimmed.  \n ")
        assert Comment.objects.get(article=article).body == "Trimmed."


class TestWrongArticle:
    def test_unknown_article_is_404(self, regular_client):
        response = regular_client.post(reverse("comments:post", args=["no-such-story"]), {"body": "Hello?"})
        assert response.status_code == 404
        assert not Comment.objects.filter(body="Hello?").exists()

    def test_draft_article_is_404(self, regular_client):
        draft = make_article(status=Article.Status.DRAFT)
        assert post(regular_client, draft).status_code == 404
        assert not draft.comments.exists()

    def test_scheduled_article_is_404(self, regular_client):
        later = make_article(published_at=timezone.now() + timedelta(hours=2))
        assert post(regular_client, later).status_code == 404

    def test_closed_article_is_403_with_a_message_and_the_text_kept(self, regular_client, article):
        article.comments_open = False
        article.save()
        response = post(regular_client, article, "Too late?")
        html = response.content.decode()
        assert response.status_code == 403
        assert "Comments are closed on this article." in html
        assert "Too late?" in html
        assert not article.comments.exists()

    def test_anonymous_post_to_a_closed_article_is_403_too(self, client, article):
        article.comments_open = False
        article.save()
        assert post(client, article).status_code == 403
        assert "comments:draft" not in client.session


@pytest.mark.parametrize("method", ["get", "put", "delete", "patch"])
def test_the_post_url_answers_other_methods_with_405(regular_client, article, method):
    assert getattr(regular_client, method)(post_url(article)).status_code == 405


class TestCsrf:
    @pytest.fixture
    def csrf_client(self, regular):
        client = Client(enforce_csrf_checks=True)
        client.force_login(regular)
        return client

    def token(self, client, article):
        client.get(article.get_absolute_url())
        return client.cookies["csrftoken"].value

    def test_a_logged_in_post_without_a_token_is_403(self, csrf_client, article):
        assert post(csrf_client, article).status_code == 403
        assert not article.comments.exists()

    def test_a_logged_in_post_with_a_wrong_token_is_403(self, csrf_client, article):
        self.token(csrf_client, article)
        assert post(csrf_client, article, csrfmiddlewaretoken="x" * 32).status_code == 403
        assert not article.comments.exists()

    def test_a_logged_in_post_from_a_foreign_origin_is_403(self, csrf_client, article):
        token = self.token(csrf_client, article)
        response = csrf_client.post(
            post_url(article), {"body": "Hi", "csrfmiddlewaretoken": token}, headers={"origin": "https://evil.example"}
        )
        assert response.status_code == 403
        assert not article.comments.exists()

    def test_a_logged_in_post_with_the_pages_token_is_saved(self, csrf_client, article):
        token = self.token(csrf_client, article)
        assert post(csrf_client, article, csrfmiddlewaretoken=token).status_code == 302
        assert article.comments.count() == 1

    def test_an_anonymous_post_from_a_foreign_origin_keeps_no_draft(self, article):
        client = Client(enforce_csrf_checks=True)
        response = client.post(post_url(article), {"body": "Planted"}, headers={"origin": "https://evil.example"})
        assert response.status_code == 403
        assert "comments:draft" not in client.session


class TestLimits:
    """Flood and repeat limits, counted in the database."""

    def test_a_double_submit_saves_one_comment_and_returns_to_it(self, regular_client, article):
        first = post(regular_client, article, "Said once.")
        second = post(regular_client, article, "Said once.")
        comment = Comment.objects.get(body="Said once.")
        assert first["Location"] == second["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"
        assert "You had already posted this comment" in regular_client.get(second["Location"]).content.decode()

    def test_repeating_a_removed_comment_is_refused_with_409(self, regular_client, regular, article):
        make_comment(article=article, user=regular, body="Buy cheap watches.", status=Comment.Status.SPAM)
        response = post(regular_client, article, "Buy cheap watches.")
        assert response.status_code == 409
        assert "You have already posted this comment." in response.content.decode()
        assert article.comments.filter(body="Buy cheap watches.").count() == 1

    def test_the_same_text_on_another_article_is_allowed(self, regular_client, regular, article):
        make_comment(user=regular, body="Well reported.")
        assert post(regular_client, article, "Well reported.").status_code == 302

    def test_the_sixth_comment_in_a_minute_gets_429_with_the_text_kept(self, regular_client, article, time_machine):
        time_machine.move_to(timezone.now(), tick=False)
        for n in range(5):
            assert post(regular_client, article, f"Quick thought {n}.").status_code == 302
        response = post(regular_client, article, "One thought too many.")
        html = response.content.decode()
        assert response.status_code == 429
        assert response["Retry-After"] == "60"
        assert "You are posting too quickly. Please wait 60 seconds" in html
        assert "One thought too many.</textarea>" in html
        assert article.comments.filter(body__startswith="Quick thought").count() == 5
        assert not article.comments.filter(body="One thought too many.").exists()

        time_machine.shift(timedelta(seconds=61))
        assert post(regular_client, article, "One thought too many.").status_code == 302

    def test_the_daily_limit_holds_across_articles(self, regular_client, settings, time_machine):
        settings.COMMENTS_PER_DAY = 3
        time_machine.move_to(timezone.now(), tick=False)
        for n in range(3):
            post(regular_client, make_article(), f"Comment {n}.")
            time_machine.shift(timedelta(minutes=5))
        response = post(regular_client, make_article(), "The fourth today.")
        assert response.status_code == 429
        assert "Please wait 24 hours" in response.content.decode()
        time_machine.shift(timedelta(days=1))
        assert post(regular_client, make_article(), "The fourth today.").status_code == 302

    def test_limits_hold_with_every_cache_emptied(self, regular_client, article, time_machine):
        time_machine.move_to(timezone.now(), tick=False)
        for n in range(5):
            post(regular_client, article, f"Thought {n}.")
            for cache in caches.all():
                cache.clear()
        assert post(regular_client, article, "Sixth.").status_code == 429

    def test_someone_elses_flood_does_not_limit_me(self, regular_client, article, time_machine):
        time_machine.move_to(timezone.now(), tick=False)
        flooder = make_user()
        for n in range(5):
            make_comment(article=article, user=flooder, body=f"Flood {n}")
        assert post(regular_client, article).status_code == 302


def test_more_than_two_links_wait_for_moderation_and_are_nofollow(regular_client, article):
    links = " ".join(f"https://shop{n}.example/" for n in range(20))
    post(regular_client, article, f"Deals: {links}")
    comment = Comment.objects.get(body__startswith="Deals:")
    assert comment.status == Comment.Status.PENDING
    assert "20 links" in comment.moderation_note
    assert "shop1.example" not in Client().get(article.get_absolute_url()).content.decode()
    own_view = regular_client.get(article.get_absolute_url()).content.decode()
    assert own_view.count('rel="nofollow ugc noopener"') == 20


def test_two_links_appear_at_once(regular_client, article):
    post(regular_client, article, "See https://a.example/ and https://b.example/")
    assert Comment.objects.get(body__startswith="See").status == Comment.Status.APPROVED


def test_moderation_policy_follows_the_settings(regular_client, reader_client, article, settings):
    settings.COMMENTS_MODERATE_FIRST = False
    settings.COMMENTS_MAX_LINKS = 0
    post(reader_client, article, "My first comment, no links.")
    post(regular_client, article, "One link: https://a.example/")
    assert Comment.objects.get(body__startswith="My first").status == Comment.Status.APPROVED
    assert Comment.objects.get(body__startswith="One link").status == Comment.Status.PENDING
