"""Sign-up: Django's password rules, nothing half-created, logged in afterwards, and back where the reader was."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "a-long-test-password"


def sign_up(client, *, username="omar", email="omar@example.com", password=PASSWORD, confirm=None, **extra):
    data = {"username": username, "email": email, "password1": password, "password2": confirm or password}
    return client.post(reverse("signup"), data | extra)


def test_sign_up_creates_the_account_and_logs_it_in(client):
    response = sign_up(client)
    user = User.objects.get(username="omar")
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:home")
    assert user.email == "omar@example.com"
    assert user.check_password(PASSWORD)
    assert client.session[SESSION_KEY] == str(user.pk)


def test_sign_up_returns_the_reader_to_a_page_of_our_own(client, article):
    target = f"{article.get_absolute_url()}#comments"
    response = sign_up(client, next=target)
    assert response["Location"] == target


FOREIGN = ["//evil.example", "https://evil.example/", "javascript:alert(1)", "/\\evil.example"]


@pytest.mark.parametrize("target", FOREIGN)
def test_sign_up_never_sends_the_reader_to_another_site(client, target):
    response = sign_up(client, next=target)
    assert response["Location"] == reverse("articles:home")


def test_sign_up_page_carries_next_into_its_form(client):
    html = client.get(reverse("signup"), {"next": "/articles/a-story/#comments"}).content.decode()
    assert 'name="next" value="/articles/a-story/#comments"' in html
    assert f'href="{reverse("login")}?next=/articles/a-story/%23comments"' in html


@pytest.mark.parametrize(
    ("password", "error"),
    [
        ("password123", "too common"),
        ("81726354019283", "entirely numeric"),
        ("omar@example.com", "too similar to the email address"),
        ("zq8-vw3-k1x", "at least 12 characters"),  # 11 characters
    ],
)
def test_weak_passwords_are_refused_keeping_username_and_email(client, password, error):
    response = sign_up(client, password=password)
    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    assert 'value="omar"' in html
    assert 'value="omar@example.com"' in html
    password_inputs = re.findall(r'<input type="password"[^>]*>', html)
    assert len(password_inputs) == 2
    assert not [tag for tag in password_inputs if "value=" in tag]  # never filled back in
    assert not User.objects.filter(username="omar").exists()


def test_mismatched_confirmation_is_refused(client):
    response = sign_up(client, confirm="another-long-password")
    assert "didn’t match" in response.content.decode()
    assert not User.objects.exists()


def test_long_passphrase_with_spaces_and_emoji_works_for_login_exactly(client):
    passphrase = ("correct horse battery staple 🐴🔋 " * 5)[:128]
    assert len(passphrase) == 128
    sign_up(client, password=passphrase)
    client.post(reverse("logout"))
    wrong = client.post(reverse("login"), {"username": "omar", "password": passphrase[:-1]})
    assert wrong.status_code == 200
    right = client.post(reverse("login"), {"username": "omar", "password": passphrase})
    assert right.status_code == 302


def test_a_taken_username_is_refused_whatever_its_case(client):
    make_user(username="Omar")
    response = sign_up(client, username="omar")
    assert "already exists" in response.content.decode()
    assert User.objects.count() == 1


def test_an_email_already_in_use_is_not_revealed(client):
    make_user(username="someone", email="omar@example.com")
    response = sign_up(client)
    assert response.status_code == 302
    assert User.objects.filter(email="omar@example.com").count() == 2


def test_a_logged_in_reader_is_sent_on_from_the_sign_up_page(client, reader):
    client.force_login(reader)
    response = client.get(reverse("signup"), {"next": "/trending/"})
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/trending/"


def test_sign_up_page_has_labelled_fields_and_plain_password_help(client):
    html = client.get(reverse("signup")).content.decode()
    for label in ("Username", "Email address", "Password", "Password confirmation"):
        assert f">{label}</label>" in html
    assert "At least 12 characters. Avoid common passwords" in html
    assert "<ul><li>" not in html  # the password rules are plain text, escaped like everything else
    # Written for readers, not Django's developer copy.
    assert "Shown with your comments unless you choose a display name." in html
    assert "Letters, digits and @/./+/-/_ only." not in html
    assert "Type the same password again" in html


def test_sign_up_errors_are_summarised_linked_and_announced(client):
    response = client.post(
        reverse("signup"),
        {"username": "new reader", "email": "not-an-address", "password1": "x", "password2": "y"},
    )
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary" role="alert".*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in summary
    # Each error links to its field, and each field's aria-describedby names ids that exist on the page.
    for field_id in ("id_username", "id_email", "id_password2"):
        assert f'<a href="#{field_id}">' in summary
        tag = re.search(rf'<(?:input|textarea)[^>]*id="{field_id}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in tag
        described_by = re.search(r'aria-describedby="([^"]+)"', tag).group(1).split()
        assert f"{field_id}_error" in described_by
        for target in described_by:
            assert f'id="{target}"' in html
    assert 'class="form__field form__field--invalid"' in html
    assert 'value="new reader"' in html  # what the reader typed is kept
