"""The flow the handed page promises: from "You need to login to leave a comment." through log-in or sign-up back to
the comment form, with anything typed before logging in kept and nothing posted without a click."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_article, make_comment

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def comments_section(response):
    html = response.content.decode()
    return html[html.index('<section id="comments"') :]


def next_of(url):
    return parse_qs(urlsplit(url).query)["next"][0]


def test_anonymous_reader_sees_the_heading_approved_comments_the_gate_and_the_box(client, article):
    make_comment(article=article, body="An approved comment.")
    make_comment(article=article, body="Still waiting.", status=Comment.Status.PENDING)
    section = comments_section(client.get(article.get_absolute_url()))
    assert "Leave a comment" in section
    assert "An approved comment." in section
    assert "Still waiting." not in section
    assert "You need to login to leave a comment." in section
    target = f"{article.get_absolute_url()}%23comments"
    assert f'<a href="{reverse("login")}?next={target}">Log-in</a>' in section
    assert f'<a href="{reverse("signup")}?next={target}">sign up</a>' in section
    assert '<textarea name="body"' in section
    assert "csrfmiddlewaretoken" not in section  # the page is shared from the page cache


def test_the_anonymous_article_page_is_still_served_from_the_page_cache(client, article):
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"


def test_log_in_from_the_gate_returns_to_the_comment_form(client, reader, article):
    section = comments_section(client.get(article.get_absolute_url()))
    login_link = re.search(r'<a href="([^"]+)">Log-in</a>', section).group(1).replace("&amp;", "&")
    assert client.get(login_link).status_code == 200

    response = client.post(login_link, {"username": reader.username, "password": PASSWORD, "next": next_of(login_link)})
    assert response["Location"] == f"{article.get_absolute_url()}#comments"
    section = comments_section(client.get(response["Location"]))
    assert "You need to login to leave a comment." not in section
    assert 'id="comment-form"' in section
    assert "csrfmiddlewaretoken" in section


def test_sign_up_from_the_gate_returns_logged_in_to_the_comment_form(client, article):
    section = comments_section(client.get(article.get_absolute_url()))
    signup_link = re.search(r'<a href="([^"]+)">sign up</a>', section).group(1)
    response = client.post(
        signup_link,
        {
            "username": "omar",
            "email": "omar@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": next_of(signup_link),
        },
    )
    assert response["Location"] == f"{article.get_absolute_url()}#comments"
    section = comments_section(client.get(response["Location"]))
    assert "You need to login to leave a comment." not in section
    assert 'id="comment-form"' in section


class TestDraftAcrossLogin:
    def write_as_anonymous(self, client, article, body, parent=None):
        data = {"body": body} | ({"parent": parent.pk} if parent else {})
        return client.post(reverse("comments:post", args=[article.slug]), data)

    def test_an_anonymous_post_keeps_the_draft_and_sends_the_reader_to_log_in(self, client, article):
        response = self.write_as_anonymous(client, article, "Typed before logging in.")
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("login")
        assert next_of(response["Location"]) == f"{article.get_absolute_url()}#comments"
        assert not Comment.objects.exists()
        login_page = client.get(response["Location"]).content.decode()
        assert "What you wrote is kept for you." in login_page

    def test_after_login_the_form_holds_the_draft_and_nothing_was_posted(self, client, reader, article):
        response = self.write_as_anonymous(client, article, "Typed before logging in.\n\nSecond paragraph.")
        client.post(
            response["Location"],
            {"username": reader.username, "password": PASSWORD, "next": next_of(response["Location"])},
        )
        section = comments_section(client.get(article.get_absolute_url()))
        assert "Typed before logging in.\n\nSecond paragraph.</textarea>" in section
        assert "Here is the comment you wrote before logging in." in section
        assert not Comment.objects.exists()

        posted = client.post(
            reverse("comments:post", args=[article.slug]), {"body": "Typed before logging in.\n\nSecond paragraph."}
        )
        comment = Comment.objects.get()
        assert posted["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"
        assert comment.user == reader
        assert "comments:draft" not in client.session  # used up

    def test_a_reply_draft_keeps_its_parent_through_sign_up(self, client, article):
        parent = make_comment(article=article, body="The comment being answered.")
        response = self.write_as_anonymous(client, article, "My answer.", parent=parent)
        client.post(
            reverse("signup"),
            {
                "username": "omar",
                "email": "omar@example.com",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "next": next_of(response["Location"]),
            },
        )
        section = comments_section(client.get(article.get_absolute_url()))
        assert "My answer.</textarea>" in section
        assert f'name="parent" value="{parent.pk}"' in section
        assert "Replying to" in section
        assert not Comment.objects.filter(body="My answer.").exists()

    def test_the_draft_shows_only_on_its_own_article(self, client, reader, article):
        other = make_article()
        self.write_as_anonymous(client, article, "For the first story only.")
        client.force_login(reader)
        assert "For the first story only." not in comments_section(client.get(other.get_absolute_url()))
        assert "For the first story only." in comments_section(client.get(article.get_absolute_url()))

    def test_an_invalid_draft_is_shown_back_before_login(self, client, article, settings):
        body = "y" * (settings.COMMENTS_MAX_LENGTH + 1)
        response = self.write_as_anonymous(client, article, body)
        assert response.status_code == 400
        assert f"{body}</textarea>" in response.content.decode()
        assert "comments:draft" not in client.session

    def test_a_draft_is_not_kept_past_logout(self, client, reader, article):
        self.write_as_anonymous(client, article, "Draft then log out.")
        client.force_login(reader)
        client.post(reverse("logout"))
        assert "Draft then log out." not in comments_section(client.get(article.get_absolute_url()))

    def test_past_the_per_network_limit_the_draft_is_refused_with_429_and_the_text_kept(self, article, settings):
        settings.COMMENTS_ANONYMOUS_DRAFTS = (3, 3600)
        for n in range(3):
            assert (
                Client().post(reverse("comments:post", args=[article.slug]), {"body": f"Draft {n}."}).status_code == 302
            )
        refused = Client().post(reverse("comments:post", args=[article.slug]), {"body": "One too many."})
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) > 0
        html = refused.content.decode()
        assert "Too many comments from your network" in html
        assert "One too many.</textarea>" in html
        assert not Comment.objects.exists()

    def test_an_anonymous_post_with_no_session_at_all_is_sent_to_log_in(self, article):
        bare = Client()
        response = bare.post(reverse("comments:post", args=[article.slug]), {"body": "From curl."})
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("login")
        assert not Comment.objects.exists()


class TestCrossSiteDrafts:
    """Finding 3 of #14: a foreign page auto-submitting the comment form must neither log the reader out (a new
    session replacing theirs) nor leave its text in their comment box."""

    def post_from(self, client, article, **headers):
        return client.post(reverse("comments:post", args=[article.slug]), {"body": "Planted text."}, headers=headers)

    @pytest.mark.parametrize(
        "headers",
        [
            {"Origin": "null"},  # a no-referrer page, a sandboxed frame
            {"Origin": "https://evil.example"},
            {"Origin": "http://testserver.evil.example"},
            {"Origin": "http://testserver:1"},
            {"Origin": "http://testserver", "Sec-Fetch-Site": "cross-site"},
            {"Sec-Fetch-Site": "cross-site"},
        ],
    )
    def test_a_post_from_another_site_is_refused_and_keeps_nothing(self, article, headers):
        victim = Client()
        response = self.post_from(victim, article, **headers)
        assert response.status_code == 403
        assert "Comments can only be posted from our own pages." in response.content.decode()
        assert "sessionid" not in response.cookies  # no new session to replace the victim's
        assert "comments:draft" not in victim.session
        assert not Comment.objects.exists()

    @pytest.mark.parametrize(
        "headers",
        [{}, {"Origin": "http://testserver"}, {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}],
    )
    def test_a_post_from_our_own_page_keeps_the_draft(self, client, article, headers):
        response = self.post_from(client, article, **headers)
        assert response.status_code == 302
        assert client.session["comments:draft"]


def test_the_draft_limit_counts_an_ipv6_network_as_one_client(article, settings):
    """#14 finding 12: each new address of one /64 is not a new client."""
    settings.COMMENTS_ANONYMOUS_DRAFTS = (3, 3600)
    url = reverse("comments:post", args=[article.slug])
    statuses = [
        Client(REMOTE_ADDR=f"2001:db8:5:6::{n + 1:x}").post(url, {"body": f"Draft {n}."}).status_code for n in range(5)
    ]
    assert statuses == [302] * 3 + [429] * 2
