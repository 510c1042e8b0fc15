"""Row 18: sign-up (and password reset) POSTs are limited per IP in the database, with a readable 429.

Runs against stand-in views carrying the throttled URL names, so it tests the throttle on its own;
tests/security/test_accounts_hostile.py repeats the main case against the real forms.
"""

import pytest
from django.contrib.auth import get_user_model
from pytest_django.asserts import assertContains

from tests.security.conftest import closed_port
from throttling.models import Attempt

pytestmark = pytest.mark.urls("tests.security.throttled_urls")

SIGNUP = "/stand-in/signup/"
RESET = "/stand-in/password_reset/"


def sign_up(client, n, ip="203.0.113.9"):
    return client.post(SIGNUP, {"username": f"bot{n}", "email": f"bot{n}@example.com"}, REMOTE_ADDR=ip)


def test_fifty_signups_from_one_ip_stop_at_the_limit_with_no_partial_users(client, settings, db):
    limit, _ = settings.THROTTLED_FORMS["signup"]
    statuses = [sign_up(client, n).status_code for n in range(50)]
    assert statuses == [302] * limit + [429] * (50 - limit)
    assert get_user_model().objects.count() == limit


def test_the_429_page_says_when_and_keeps_what_was_typed(client, settings, db):
    limit, _ = settings.THROTTLED_FORMS["signup"]
    for n in range(limit):
        sign_up(client, n)
    response = client.post(
        SIGNUP,
        {"username": "<i>ana</i>", "email": "ana@example.com", "password1": "secret!"},
        REMOTE_ADDR="203.0.113.9",
    )
    assertContains(response, "Too many attempts from your network. Please try again in 60 minutes.", status_code=429)
    assert response["Retry-After"] == "3600"
    assertContains(response, 'value="&lt;i&gt;ana&lt;/i&gt;"', status_code=429)
    assertContains(response, 'value="ana@example.com"', status_code=429)
    assert "secret!" not in response.content.decode()


def test_another_ip_is_not_affected(client, settings, db):
    limit, _ = settings.THROTTLED_FORMS["signup"]
    for n in range(limit + 3):
        sign_up(client, n)
    assert sign_up(client, 99, ip="198.51.100.20").status_code == 302


def test_the_limit_lifts_by_itself_and_old_counts_are_removed(client, settings, db, time_machine):
    limit, _ = settings.THROTTLED_FORMS["signup"]
    time_machine.move_to("2026-05-10 12:00:00Z", tick=False)
    for n in range(limit + 1):
        sign_up(client, n)
    time_machine.move_to("2026-05-10 12:59:00Z", tick=False)
    assert sign_up(client, 100).status_code == 429
    time_machine.move_to("2026-05-10 13:00:01Z", tick=False)
    assert sign_up(client, 101).status_code == 302
    assert Attempt.objects.filter(scope="signup").count() == 1


def test_password_reset_has_its_own_limit(client, settings, db):
    limit, _ = settings.THROTTLED_FORMS["password_reset"]
    statuses = [
        client.post(RESET, {"email": "victim@example.com"}, REMOTE_ADDR="203.0.113.9").status_code
        for _ in range(limit + 2)
    ]
    assert statuses == [302] * limit + [429, 429]
    assert sign_up(client, 1).status_code == 302  # a different form, a different count


def test_only_posts_are_counted(client, db):
    for _ in range(30):
        client.get(SIGNUP, REMOTE_ADDR="203.0.113.9")
    assert not Attempt.objects.exists()


def test_the_count_holds_with_the_cache_down(client, settings, redis_cache_at, db):
    redis_cache_at(f"redis://127.0.0.1:{closed_port()}/0")
    limit, _ = settings.THROTTLED_FORMS["signup"]
    statuses = [sign_up(client, n).status_code for n in range(limit + 1)]
    assert statuses[-1] == 429


def test_ipv6_addresses_of_one_network_share_the_limit(client, settings, db):
    """#14 finding 12: a fresh address from the same /64 is the same client."""
    limit, _ = settings.THROTTLED_FORMS["signup"]
    statuses = [sign_up(client, n, ip=f"2001:db8:abcd:12::{n + 1:x}").status_code for n in range(limit + 2)]
    assert statuses == [302] * limit + [429] * 2
    assert sign_up(client, 99, ip="2001:db8:abcd:13::1").status_code == 302  # another network
    assert set(Attempt.objects.values_list("key", flat=True)) == {"2001:db8:abcd:12::", "2001:db8:abcd:13::"}


def test_an_ipv4_mapped_address_counts_as_its_ipv4_address(client, settings, db):
    limit, _ = settings.THROTTLED_FORMS["signup"]
    for n in range(limit):
        sign_up(client, n, ip="203.0.113.50")
    assert sign_up(client, 98, ip="::ffff:203.0.113.50").status_code == 429
