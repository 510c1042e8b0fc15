"""Logging in and out: where it sends the reader, what failure says, and what happens to sessions."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"

# hostile-inputs.md row 9: url_has_allowed_host_and_scheme rejects the first seven; the last two are same-host paths.
FOREIGN_NEXT = [
    "//evil.example",
    "https://evil.example",
    "https:evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http://testserver\\@evil.example",
]
ENCODED_NEXT = ["%2F%2Fevil.example", "/%09/evil.example"]


def log_in(client, user, **extra):
    return client.post(reverse("login"), {"username": user.username, "password": PASSWORD} | extra)


def assert_stays_on_our_host(location):
    parts = urlsplit(location)
    assert parts.scheme in ("", "http")
    assert parts.netloc in ("", "testserver")


def test_login_returns_the_reader_to_the_article_comments(client, reader, article):
    target = f"{article.get_absolute_url()}#comments"
    response = log_in(client, reader, next=target)
    assert response["Location"] == target
    assert client.session[SESSION_KEY] == str(reader.pk)


def test_login_page_keeps_next_and_offers_sign_up_with_it(client):
    html = client.get(reverse("login"), {"next": "/articles/a-story/#comments"}).content.decode()
    assert 'name="next" value="/articles/a-story/#comments"' in html
    assert f'href="{reverse("signup")}?next=/articles/a-story/%23comments"' in html
    assert f'href="{reverse("password_reset")}"' in html


@pytest.mark.parametrize("target", FOREIGN_NEXT)
def test_login_falls_back_home_for_a_foreign_next(client, reader, target):
    response = log_in(client, reader, next=target)
    assert response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)


@pytest.mark.parametrize("target", ENCODED_NEXT)
def test_login_treats_an_encoded_next_as_a_path_on_our_host(client, reader, target):
    response = log_in(client, reader, next=target)
    assert response["Location"] == target  # never decoded by us
    assert_stays_on_our_host(response["Location"])


@pytest.mark.parametrize("target", FOREIGN_NEXT + ENCODED_NEXT)
def test_logout_never_sends_the_reader_to_another_site(client, reader, target):
    client.force_login(reader)
    response = client.post(reverse("logout"), {"next": target})
    assert response.status_code == 302
    assert_stays_on_our_host(response["Location"])


def test_wrong_password_and_unknown_username_read_the_same(client, reader):
    cache.clear()  # the nav fragment is cached after the first page: render both pages from scratch
    wrong = client.post(reverse("login"), {"username": reader.username, "password": "not-the-password"})
    cache.clear()
    unknown = client.post(reverse("login"), {"username": "nobody-here", "password": "not-the-password"})
    assert wrong.status_code == unknown.status_code == 200
    assert [t.name for t in wrong.templates] == [t.name for t in unknown.templates]
    assert wrong.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_an_inactive_account_cannot_log_in_and_is_told_nothing_more(client, reader):
    reader.is_active = False
    reader.save()
    inactive = log_in(client, reader)
    unknown = client.post(reverse("login"), {"username": "nobody-here", "password": PASSWORD})
    assert inactive.status_code == 200
    assert inactive.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_logout_answers_get_with_405(client, reader):
    client.force_login(reader)
    assert client.get(reverse("logout")).status_code == 405
    assert client.session[SESSION_KEY] == str(reader.pk)


def test_logout_without_a_csrf_token_is_refused(reader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    assert client.post(reverse("logout")).status_code == 403
    assert client.session[SESSION_KEY] == str(reader.pk)


def test_a_session_cookie_kept_from_before_logout_is_anonymous_and_cannot_comment(client, reader, article):
    client.force_login(reader)
    old_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("logout"))
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = old_cookie
    response = replay.post(reverse("comments:post", args=[article.slug]), {"body": "Posted with an old cookie."})
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("login")
    assert not Comment.objects.exists()


def test_logging_in_changes_the_session_key(client, reader, article):
    # An anonymous draft gives the visitor a session before they log in.
    client.post(reverse("comments:post", args=[article.slug]), {"body": "Drafted before logging in."})
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    log_in(client, reader)
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert client.session[SESSION_KEY] == str(reader.pk)


def test_a_deactivated_user_is_logged_out_everywhere_and_cannot_comment(client, reader, article):
    client.force_login(reader)
    reader.is_active = False
    reader.save()
    assert client.get(reverse("profile")).status_code == 302
    response = client.post(reverse("comments:post", args=[article.slug]), {"body": "Still here?"})
    assert urlsplit(response["Location"]).path == reverse("login")
    assert not Comment.objects.exists()


def test_the_header_shows_the_logged_in_username_linking_to_the_profile(client):
    user = make_user(username="nadia")
    client.force_login(user)
    html = client.get(reverse("articles:home")).content.decode()
    assert f'href="{reverse("profile")}"' in html
    assert ">nadia</a>" in html
