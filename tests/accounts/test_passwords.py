"""Password change and reset: other sessions end, reset mail says nothing about who has an account, links work once."""

import logging
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
NEW_PASSWORD = "a-brand-new-passphrase"


def change_password(client):
    return client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


def request_reset(client, email, **headers):
    return client.post(reverse("password_reset"), {"email": email}, headers=headers)


def reset_link():
    (message,) = mail.outbox
    return re.search(r"http://\S+/accounts/reset/\S+/", message.body).group(0)


def test_password_change_keeps_this_session_and_ends_the_others(reader):
    here, elsewhere = Client(), Client()
    here.force_login(reader)
    elsewhere.force_login(reader)
    response = change_password(here)
    assert response["Location"] == reverse("password_change_done")
    assert here.get(reverse("profile")).status_code == 200
    assert elsewhere.get(reverse("profile")).status_code == 302
    assert SESSION_KEY not in elsewhere.session


def test_password_change_needs_the_old_password(reader_client, reader):
    response = reader_client.post(
        reverse("password_change"),
        {"old_password": "wrong-password", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD)


def guess_old_password(client, guess, **extra):
    data = {"old_password": guess, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    return client.post(reverse("password_change"), data, **extra)


class TestPasswordChangeGuessing:
    """#14 finding 6: the "old password" field is counted like a login, per user, so a session is no oracle."""

    def test_after_five_wrong_old_passwords_the_right_one_is_not_even_checked(
        self, reader_client, reader, time_machine
    ):
        time_machine.move_to(timezone.now(), tick=False)
        for n in range(5):
            response = guess_old_password(reader_client, f"guess number {n}")
            assert response.status_code == 200
            assert "Your old password was entered incorrectly." in response.content.decode()
        with mock.patch("django.contrib.auth.base_user.AbstractBaseUser.check_password") as checked:
            sixth = guess_old_password(reader_client, PASSWORD)
        assert sixth.status_code == 429
        assert "Too many wrong passwords, try again in 15 minutes." in sixth.content.decode()
        assert sixth["Retry-After"] == "900"
        checked.assert_not_called()
        reader.refresh_from_db()
        assert reader.check_password(PASSWORD)

    def test_the_count_is_per_user_whatever_the_address(self, reader_client, reader):
        for n in range(5):
            guess_old_password(reader_client, f"guess {n}", REMOTE_ADDR=f"198.51.100.{n + 1}")
        assert guess_old_password(reader_client, PASSWORD, REMOTE_ADDR="192.0.2.99").status_code == 429
        other = Client()
        other.force_login(make_user())
        assert change_password(other)["Location"] == reverse("password_change_done")

    def test_the_limit_lifts_by_itself(self, reader_client, reader, time_machine):
        time_machine.move_to(timezone.now(), tick=False)
        for n in range(5):
            guess_old_password(reader_client, f"guess {n}")
        time_machine.shift(timedelta(minutes=15, seconds=1))
        assert change_password(reader_client)["Location"] == reverse("password_change_done")

    def test_a_mismatched_new_password_is_not_a_failure(self, reader_client, reader):
        data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": "something else entirely"}
        for _ in range(6):
            assert reader_client.post(reverse("password_change"), data).status_code == 200
        assert change_password(reader_client)["Location"] == reverse("password_change_done")


def test_password_change_is_for_logged_in_readers_only(client):
    response = client.get(reverse("password_change"))
    assert response["Location"].startswith(reverse("login"))


def test_reset_request_reads_the_same_for_known_and_unknown_addresses(client, reader):
    known = request_reset(client, reader.email)
    unknown = request_reset(client, "nobody@example.com")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [reader.email]


def test_reset_mail_links_to_the_configured_site_not_the_request_host(client, reader, settings):
    settings.SITE_URL = "https://news.example"
    request_reset(client, reader.email)
    assert "https://news.example/accounts/reset/" in mail.outbox[0].body
    assert "testserver" not in mail.outbox[0].body


def test_reset_request_with_a_foreign_host_is_refused_and_sends_nothing(client, reader):
    response = request_reset(client, reader.email, host="evil.example")
    assert response.status_code == 400
    assert mail.outbox == []


def test_a_failing_mail_server_is_logged_not_a_500(client, reader, caplog):
    with (
        mock.patch.object(EmailBackend, "send_messages", side_effect=ConnectionRefusedError),
        caplog.at_level(logging.ERROR),
    ):
        response = request_reset(client, reader.email)
    assert response["Location"] == reverse("password_reset_done")
    assert any("password reset" in record.getMessage().lower() for record in caplog.records)


def follow_reset(client, link, password=NEW_PASSWORD):
    path = link.removeprefix(settings.SITE_URL)
    form_page = client.get(path, follow=True)
    return client.post(form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})


def test_reset_link_sets_a_new_password_once(client, reader):
    request_reset(client, reader.email)
    link = reset_link()
    response = follow_reset(client, link)
    assert response["Location"] == reverse("password_reset_complete")
    reader.refresh_from_db()
    assert reader.check_password(NEW_PASSWORD)

    again = Client().get(link.removeprefix(settings.SITE_URL), follow=True)
    assert "Link invalid or expired" in again.content.decode()


def test_reset_link_stops_working_after_a_password_change(client, reader):
    request_reset(client, reader.email)
    link = reset_link()
    reader.set_password("changed-meanwhile-pass")
    reader.save()
    page = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    assert "Link invalid or expired" in page.content.decode()


def test_reset_link_expires(client, reader, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    request_reset(client, reader.email)
    link = reset_link()
    time_machine.shift(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60))
    page = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    assert "Link invalid or expired" in page.content.decode()
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD)


def test_every_account_of_an_address_gets_its_own_link(client):
    make_user(username="first", email="shared@example.com")
    make_user(username="second", email="shared@example.com")
    request_reset(client, "shared@example.com")
    assert len(mail.outbox) == 2
