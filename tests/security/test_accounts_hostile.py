"""The cross-cutting guards on the real account and comment forms.

Row 18 on the real sign-up and password reset, rows 29/59 (comment limits and posting with Redis away), row 56
(a comment during a database outage, then sent again) and row 57 (the database connection killed mid-save, PG).
"""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from comments.models import Comment
from tests.security.conftest import closed_port

IP = "203.0.113.40"


def post_comment(client, article, body):
    return client.post(reverse("comments:post", args=[article.slug]), {"body": body})


def test_sign_up_is_throttled_per_ip_keeping_username_and_email(client, settings, db):
    limit, _ = settings.THROTTLED_FORMS["signup"]
    for n in range(limit):
        # Refused forms count too: each one still costs the server password validation.
        client.post(reverse("signup"), {"username": f"ok{n}", "email": f"ok{n}@example.com"}, REMOTE_ADDR=IP)
    data = {"username": "late-one", "email": "late@example.com", "password1": "a-long-pass-1", "password2": "a"}
    response = client.post(reverse("signup"), data, REMOTE_ADDR=IP)
    assertContains(response, "Too many attempts from your network", status_code=429)
    assertContains(response, 'value="late-one"', status_code=429)
    assertContains(response, 'value="late@example.com"', status_code=429)
    assert "a-long-pass-1" not in response.content.decode()
    assert not get_user_model().objects.filter(username="late-one").exists()


def test_password_reset_is_throttled_per_ip_and_sends_nothing_more(client, settings, reader):
    limit, _ = settings.THROTTLED_FORMS["password_reset"]
    for _ in range(limit):
        client.post(reverse("password_reset"), {"email": reader.email}, REMOTE_ADDR=IP)
    sent = len(mail.outbox)
    response = client.post(reverse("password_reset"), {"email": reader.email}, REMOTE_ADDR=IP)
    assertContains(response, "Too many attempts from your network", status_code=429)
    assertContains(response, f'value="{reader.email}"', status_code=429)
    assert len(mail.outbox) == sent


@pytest.fixture
def redis_stopped(redis_cache_at):
    redis_cache_at(f"redis://127.0.0.1:{closed_port()}/0")


def test_comments_post_with_redis_stopped(regular_client, article, redis_stopped):
    response = post_comment(regular_client, article, "Posted while the cache was away.")
    assert response.status_code == 302
    assert article.comments.filter(body="Posted while the cache was away.").count() == 1


def test_the_flood_limit_holds_with_redis_stopped(regular_client, article, settings, redis_stopped, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    for n in range(settings.COMMENTS_PER_MINUTE):
        assert post_comment(regular_client, article, f"Quick thought {n}.").status_code == 302
    response = post_comment(regular_client, article, "One thought too many.")
    assertContains(response, "One thought too many.</textarea>", status_code=429)
    assert not article.comments.filter(body="One thought too many.").exists()


def _database_unreachable():
    return mock.patch.object(connection, "ensure_connection", side_effect=OperationalError("refused"))


def test_a_comment_refused_by_an_outage_is_stored_once_when_sent_again(regular, article):
    client = Client(raise_request_exception=False)
    client.force_login(regular)
    with _database_unreachable():
        response = post_comment(client, article, "Sent during the outage.")
    assertContains(response, "Sent during the outage.</textarea>", status_code=503)
    assert not article.comments.filter(body="Sent during the outage.").exists()
    assert post_comment(client, article, "Sent during the outage.").status_code == 302
    assert article.comments.filter(body="Sent during the outage.").count() == 1


def test_a_comment_saved_just_before_the_outage_is_not_duplicated_when_sent_again(regular, article):
    # The database went away after the comment committed but before the answer was written.
    client = Client(raise_request_exception=False)
    client.force_login(regular)
    with mock.patch("comments.discussion.drop_draft", side_effect=OperationalError("server closed the connection")):
        response = post_comment(client, article, "Saved, then the lights went out.")
    assertContains(response, "Saved, then the lights went out.</textarea>", status_code=503)
    response = post_comment(client, article, "Saved, then the lights went out.")
    assert response.status_code == 302
    assert article.comments.filter(body="Saved, then the lights went out.").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_connection_killed_mid_save_saves_nothing_and_the_next_post_works(article, settings):
    """Row 57, on PostgreSQL: the server ends our backend inside the comment's transaction (pg_terminate_backend)."""
    if connection.vendor != "postgresql":
        pytest.skip("pg_terminate_backend is PostgreSQL's")
    from django.db import connections

    user = get_user_model().objects.create_user("victim-of-a-restart", password="a-long-test-password")
    client = Client(raise_request_exception=False)
    client.force_login(user)

    def kill_our_backend(**kwargs):
        pid = connection.connection.info.backend_pid
        with connections.create_connection("default").cursor() as other:
            other.execute("SELECT pg_terminate_backend(%s)", [pid])
        return ""

    with mock.patch("comments.services._hold_reason", side_effect=kill_our_backend):
        response = post_comment(client, article, "Half written?")
    connection.close()  # the test client does not close a broken connection between requests, a server does
    assert response.status_code == 503
    assert not Comment.objects.filter(body="Half written?").exists()
    assert post_comment(client, article, "Half written?").status_code == 302
    assert Comment.objects.filter(body="Half written?").count() == 1
