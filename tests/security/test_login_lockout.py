"""Rows 1-5, 13 and 53: login throttling with django-axes, per username+IP and per IP, before the password hash."""

from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.backends import ModelBackend
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.factories import make_user

LOCKED = "Too many failed attempts, try again in 15 minutes."
GENERIC_ERROR = "Please enter a correct username and password."
PASSWORD = "a-long-test-password"


@pytest.fixture
def victim(db):
    return make_user(username="victim", password=PASSWORD)


def log_in(client, username, password, ip="203.0.113.7", url=None, **extra):
    return client.post(url or reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def test_five_wrong_passwords_are_answered_then_the_sixth_and_the_right_one_get_429(client, victim):
    for _ in range(5):
        response = log_in(client, "victim", "wrong password")
        assert response.status_code == 200
        assertContains(response, GENERIC_ERROR)

    sixth = log_in(client, "victim", "wrong password")
    assert sixth.status_code == 429
    assertContains(sixth, LOCKED, status_code=429)
    assert sixth["Retry-After"] == "900"

    right = log_in(client, "victim", PASSWORD)
    assertContains(right, LOCKED, status_code=429)
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="victim", ip_address="203.0.113.7").exists()


def test_the_lockout_page_keeps_the_typed_username_escaped(client, db):
    for _ in range(6):
        response = log_in(client, '<b>"ed"</b>', "wrong password")
    assert response.status_code == 429
    assertContains(response, 'value="&lt;b&gt;&#34;ed&#34;&lt;/b&gt;"', status_code=429)
    assert "wrong password" not in response.content.decode()


def test_a_locked_out_attempt_never_reaches_the_password_hash(client, victim):
    for _ in range(6):
        log_in(client, "victim", "wrong password")
    with mock.patch.object(ModelBackend, "authenticate", autospec=True) as hashing_backend:
        response = log_in(client, "victim", PASSWORD)
    assert response.status_code == 429
    hashing_backend.assert_not_called()


def test_the_lockout_lifts_by_itself_after_15_minutes(client, victim, time_machine):
    time_machine.move_to("2026-05-10 12:00:00Z", tick=False)
    for _ in range(6):
        log_in(client, "victim", "wrong password")
    time_machine.move_to("2026-05-10 12:14:00Z", tick=False)
    assert log_in(client, "victim", PASSWORD).status_code == 429
    time_machine.move_to("2026-05-10 12:30:00Z", tick=False)
    assert log_in(client, "victim", PASSWORD).status_code == 302


def test_credential_stuffing_from_one_ip_is_stopped_at_the_ip_limit(client, settings, db):
    statuses = [log_in(client, f"someone{n}", "Summer2026!").status_code for n in range(30)]
    limit = settings.LOGIN_IP_FAILURE_LIMIT
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert set(statuses[limit - 1 :]) == {429}


def test_an_attacker_elsewhere_cannot_lock_the_victim_out(client, victim):
    for _ in range(20):
        log_in(client, "victim", "guess", ip="198.51.100.66")
    assert log_in(client, "victim", PASSWORD, ip="192.0.2.10").status_code == 302


def test_a_spoofed_x_forwarded_for_does_not_escape_the_lockout(client, victim):
    statuses = [log_in(client, "victim", "guess", HTTP_X_FORWARDED_FOR=f"10.0.{n}.1").status_code for n in range(20)]
    assert statuses[:5] == [200] * 5
    assert set(statuses[5:]) == {429}
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_x_forwarded_for_is_believed_only_from_a_configured_proxy(client, victim, settings):
    settings.TRUSTED_PROXY_IPS = ["127.0.0.1"]
    for _ in range(6):
        # Our proxy appends the address it saw; what the client put to the left of it is ignored.
        log_in(client, "victim", "guess", ip="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.66")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.66"}
    behind_proxy = {"ip": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    assert log_in(client, "victim", PASSWORD, **behind_proxy).status_code == 429
    assert log_in(client, "victim", PASSWORD, ip="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 302


def test_wrong_password_and_unknown_user_look_the_same(client, victim):
    def page(username):
        response = log_in(client, username, "wrong password")
        body = response.content.decode()
        return response.status_code, body.replace(username, "USERNAME").split('name="csrfmiddlewaretoken"')[0]

    assert page("victim") == page("nobody-by-this-name")


def test_a_one_megabyte_password_is_an_ordinary_failure(client, victim):
    response = log_in(client, "victim", "x" * 1_000_000)
    assertContains(response, GENERIC_ERROR)


def test_a_three_megabyte_body_is_refused_with_413_and_a_message(client, victim):
    response = log_in(client, "victim", "x" * 3_000_000)
    assertContains(response, "too large", status_code=413)


def test_the_admin_login_is_locked_out_the_same_way(client, victim):
    victim.is_staff = True
    victim.save()
    url = reverse("admin:login")
    statuses = [log_in(client, "victim", "wrong password", url=url).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    response = log_in(client, "victim", PASSWORD, url=url)
    assertContains(response, LOCKED, status_code=429)


def test_after_five_failures_even_the_right_password_is_not_checked(client, victim):
    """#14: the sixth password used to be checked, so a right sixth guess logged in."""
    for _ in range(5):
        assert log_in(client, "victim", "wrong password").status_code == 200
    with mock.patch.object(ModelBackend, "authenticate", autospec=True) as hashing_backend:
        sixth = log_in(client, "victim", PASSWORD)
    assertContains(sixth, LOCKED, status_code=429)
    hashing_backend.assert_not_called()
    assert "_auth_user_id" not in client.session


def test_ipv6_addresses_of_one_network_share_one_lockout(client, victim):
    """#14 finding 12: a /64 is one subscriber, who may use any of its addresses."""
    statuses = [log_in(client, "victim", "guess", ip=f"2001:db8:1:2::{n:x}").status_code for n in range(1, 8)]
    assert statuses == [200] * 5 + [429] * 2
    assert log_in(client, "victim", PASSWORD, ip="2001:db8:1:2:ffff:ffff:ffff:fffe").status_code == 429
    assert log_in(client, "victim", PASSWORD, ip="2001:db8:1:3::1").status_code == 302  # the next network


def test_credential_stuffing_from_one_ipv6_network_is_stopped(client, settings, db):
    statuses = [
        log_in(client, f"someone{n}", "Summer2026!", ip=f"2001:db8:9:9::{n + 1:x}").status_code for n in range(25)
    ]
    limit = settings.LOGIN_IP_FAILURE_LIMIT
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert set(statuses[limit - 1 :]) == {429}
