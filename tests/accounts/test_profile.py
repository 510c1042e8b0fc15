"""The profile page: a display name that shows on the reader's comments, escaped wherever it appears."""

import pytest
from django.urls import reverse

from accounts.models import Profile
from tests.factories import make_comment

pytestmark = pytest.mark.django_db


def test_profile_needs_a_login(client):
    response = client.get(reverse("profile"))
    assert response["Location"] == f"{reverse('login')}?next={reverse('profile')}"


def test_display_name_is_saved_and_shown_on_comments(reader_client, reader, article):
    make_comment(article=article, user=reader, body="Shown under my chosen name.")
    response = reader_client.post(reverse("profile"), {"display_name": "  Nadia   K.  "})
    assert response["Location"] == reverse("profile")
    assert Profile.objects.get(user=reader).display_name == "Nadia K."
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert '<span class="comment__author">Nadia K.</span>' in html


def test_an_empty_display_name_shows_the_username(reader_client, reader, article):
    make_comment(article=article, user=reader)
    reader_client.post(reverse("profile"), {"display_name": ""})
    html = reader_client.get(article.get_absolute_url()).content.decode()
    assert f'<span class="comment__author">{reader.username}</span>' in html


def test_display_name_with_invisible_direction_marks_is_refused(reader_client, reader):
    response = reader_client.post(reverse("profile"), {"display_name": "Editor\u202etxt.exe"})
    assert response.status_code == 200
    assert "letters, numbers, spaces and punctuation" in response.content.decode()
    assert not Profile.objects.filter(user=reader).exclude(display_name="").exists()


def test_a_refused_name_with_a_control_character_comes_back_visible_and_the_page_stays_valid(reader_client, reader):
    response = reader_client.post(reverse("profile"), {"display_name": "Ann\x07 Lee"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "letters, numbers, spaces and punctuation" in html
    assert 'value="Ann\ufffd Lee"' in html  # what was typed, with the character HTML cannot carry made visible
    assert "\x07" not in html


def test_sign_up_with_a_control_character_in_the_username_is_refused_on_a_valid_page(client):
    response = client.post(reverse("signup"), {"username": "ann\x07", "email": "ann@example.org"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="ann\ufffd"' in html
    assert "\x07" not in html


def test_a_display_name_change_shows_on_cached_article_pages_at_once(client, reader, article):
    make_comment(article=article, user=reader)
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    Profile.objects.create(user=reader, display_name="A New Name")
    response = client.get(article.get_absolute_url())
    assert "A New Name" in response.content.decode()


def test_a_hostile_display_name_is_escaped_on_the_article_and_in_the_admin(client, reader, article, admin_client):
    payload = '<img src=x onerror=alert(1)>"><script>'  # within the 50 characters a display name may have
    Profile.objects.create(user=reader, display_name=payload)
    top = make_comment(article=article, body="Top.")
    middle = make_comment(article=article, parent=top, body="Middle.")
    deepest = make_comment(article=article, parent=middle, user=reader, body="Look at my name.")
    make_comment(article=article, parent=deepest, body="Answering the name.")  # printed "in reply to <name>"
    for html in (
        client.get(article.get_absolute_url()).content.decode(),
        admin_client.get(reverse("admin:accounts_profile_changelist")).content.decode(),
        admin_client.get(reverse("admin:comments_comment_changelist")).content.decode(),
    ):
        assert "<img src=x onerror" not in html
        assert '"><script>' not in html
    article_html = client.get(article.get_absolute_url()).content.decode()
    # Escaped in the author's name, the "Reply to" label and the deep reply's "in reply to".
    assert article_html.count("&lt;img src=x onerror=alert(1)&gt;&#34;&gt;&lt;script&gt;") == 3
