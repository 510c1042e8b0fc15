"""Row 65: /healthz tells a load balancer whether the database and the cache answer."""

from unittest import mock

import pytest
from django.db import OperationalError, connection

from tests.security.conftest import closed_port


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        "default": {"BACKEND": "newsblog.cache.ResilientRedisCache", "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"}
    }
    settings.PAGE_CACHE_STATE_ALIAS = "default"


def test_both_up_is_200_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_cache_down_is_200_degraded(client, db, cache_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_database_down_is_503(client, db):
    with mock.patch.object(connection, "ensure_connection", side_effect=OperationalError("refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "down", "database": "unavailable", "cache": "ok"}


def test_needs_no_login_and_no_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200


def test_only_reads(client, db):
    assert client.post("/healthz").status_code == 405


def test_answers_whatever_host_the_probe_uses(client, db):
    assert client.get("/healthz", HTTP_HOST="10.0.0.12").status_code == 200
