"""Row 38: with DEBUG off, a forced 404 and a forced 500 are friendly pages that give nothing away."""

from unittest import mock

import pytest
from django.test import Client

from articles.views import HomeView

LEAKS = ["Traceback", "SECRET_KEY", "settings.py", "RuntimeError", "SELECT ", 'File "', "DATABASES"]


@pytest.fixture
def server_client():
    return Client(raise_request_exception=False)


def test_a_missing_page_is_the_friendly_404(server_client, production, db):
    response = server_client.get("/no/such/page/", secure=True)
    assert response.status_code == 404
    body = response.content.decode()
    assert "We couldn’t find that page" in body
    assert not [leak for leak in LEAKS if leak in body]


def test_a_crashing_view_is_the_friendly_500(server_client, production, db):
    with mock.patch.object(HomeView, "get_context_data", side_effect=RuntimeError("SELECT secret FROM settings.py")):
        response = server_client.get("/", secure=True)
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    assert not [leak for leak in LEAKS if leak in body]
