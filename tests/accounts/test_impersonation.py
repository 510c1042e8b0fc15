"""Readers' names cannot pass for the newsroom or for another reader (finding 11 of issue 14), and the newsroom's own
comments are marked as staff."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Profile
from tests.factories import make_comment, make_user

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "a-long-test-password"

LOOKALIKES = ["vіctim", "Ѕtaff", "аdmin", "еditor", "Jаne Doe"]  # each with one Cyrillic letter
RESERVED = ["editor", "Editors", "admin", "staff", "newsblog_staff", "The.Editors", "e.d.i.t.o.r", "Ｅditor"]
RESERVED_DISPLAY = ["editor", "The Newsblog Editors (staff)", "Staff", "Site Admin", "Moderator Jo", "ЕDITOR"]
FINE = ["Саша", "Jean 李", "Zoë Müller", "Staffordshire Sam", "Nadia K.", "José"]


def sign_up(client, username):
    data = {"username": username, "email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD}
    return client.post(reverse("signup"), data)


@pytest.mark.parametrize("username", LOOKALIKES[:4])
def test_a_username_with_lookalike_letters_from_another_alphabet_is_refused(client, username):
    make_user(username="victim")
    response = sign_up(client, username)
    assert response.status_code == 200
    html = response.content.decode()
    assert "letters from one alphabet in each word" in html
    assert f'value="{username}"' in html, "what was typed is kept"
    assert not User.objects.filter(username=username).exists()


@pytest.mark.parametrize("username", RESERVED)
def test_a_username_with_a_newsroom_word_is_refused(client, username):
    response = sign_up(client, username)
    assert response.status_code == 200
    assert "kept for the newsroom" in response.content.decode()
    assert User.objects.count() == 0


def test_a_username_taken_as_someone_elses_display_name_is_refused(client):
    Profile.objects.create(user=make_user(), display_name="nadia")
    response = sign_up(client, "Nadia")
    assert "Another reader goes by this name" in response.content.decode()
    assert not User.objects.filter(username="Nadia").exists()


def test_djangos_username_validator_still_applies(client):
    response = sign_up(client, "no spaces allowed")
    assert response.status_code == 200
    assert "Use only letters, digits and the signs @ . + - _ in your username" in response.content.decode()
    assert User.objects.count() == 0


@pytest.mark.parametrize("username", ["Саша", "zoë", "jean_li", "staffordshire"])
def test_ordinary_usernames_in_any_one_alphabet_are_accepted(client, username):
    assert sign_up(client, username).status_code == 302
    assert User.objects.filter(username=username).exists()


@pytest.mark.parametrize("name", LOOKALIKES + RESERVED_DISPLAY)
def test_a_display_name_that_passes_for_someone_else_is_refused(reader_client, reader, name):
    response = reader_client.post(reverse("profile"), {"display_name": name})
    assert response.status_code == 200
    html = response.content.decode()
    assert "kept for the newsroom" in html or "letters from one alphabet in each word" in html
    assert not Profile.objects.filter(user=reader).exclude(display_name="").exists()


def test_a_display_name_that_is_another_readers_name_is_refused(reader_client, reader):
    make_user(username="victim")
    Profile.objects.create(user=make_user(), display_name="Nadia K.")
    for name in ["Victim", "nadia k."]:
        response = reader_client.post(reverse("profile"), {"display_name": name})
        assert "Another reader goes by this name" in response.content.decode()
    assert not Profile.objects.filter(user=reader).exclude(display_name="").exists()


@pytest.mark.parametrize("name", FINE)
def test_ordinary_display_names_are_accepted(reader_client, reader, name):
    response = reader_client.post(reverse("profile"), {"display_name": name})
    assert response.status_code == 302
    assert Profile.objects.get(user=reader).display_name == name


def test_a_reader_may_show_their_own_username(reader_client, reader):
    assert reader_client.post(reverse("profile"), {"display_name": "Reader"}).status_code == 302


def test_staff_comments_are_marked_as_staff_and_readers_comments_are_not(client, article, editor, reader):
    make_comment(article=article, user=editor, body="From the newsroom.")
    make_comment(article=article, user=reader, body="From a reader.")
    html = client.get(article.get_absolute_url()).content.decode()
    staff_mark = '<span class="comment__staff">Newsblog staff</span>'
    assert html.count(staff_mark) == 1
    assert f'<span class="comment__author">editor</span> {staff_mark}' in html
    assert '<span class="comment__author">reader</span> <time' in html
