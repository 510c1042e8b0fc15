"""Rows 13 and 44 (server half): bodies over the limits are refused with 413 and a message, not a bare 400."""

from django.urls import reverse
from pytest_django.asserts import assertContains


def test_a_declared_200_megabyte_body_is_refused_before_it_is_read(client, db):
    # Only the header claims 200 MB: were the body read, the test client's payload would run dry and fail.
    response = client.post(
        reverse("admin:login"),
        data=b"x" * 10,
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
    )
    assertContains(response, "That was too large to send", status_code=413)
    assertContains(response, "50.0\xa0MB", status_code=413)


def test_form_fields_over_two_and_a_half_megabytes_are_413(client, db):
    response = client.post(reverse("login"), {"username": "someone", "password": "p" * 3 * 1024 * 1024})
    assertContains(response, "too large to send", status_code=413)
    assertContains(response, "2.5\xa0MB", status_code=413)


def test_a_nul_byte_in_the_url_is_400(client, db):
    assert client.get("/tag/%00/").status_code == 400
    assert client.get("/search/?q=%00").status_code == 400


def test_an_ordinary_form_post_is_untouched(client, db):
    response = client.post(reverse("login"), {"username": "someone", "password": "wrong password"})
    assert response.status_code == 200
