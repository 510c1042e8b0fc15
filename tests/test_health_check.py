"""newsblog.postgresql: the per-request health check of a reused connection asks the socket, and the server only
when the socket has something to say."""

import time
from unittest import mock

import pytest
from django.db import connection, connections

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the backend is PostgreSQL's"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def reused():
    """A second connection to the test database, as a worker holds one between requests."""
    other = connections.create_connection("default")
    other.ensure_connection()
    assert other.health_check_enabled  # CONN_HEALTH_CHECKS, as in production
    yield other
    other.close()


def next_request(wrapper):
    # What Django does for a persistent connection: at the start of each request the check is due again, and it
    # runs before the request's first query.
    wrapper.close_if_unusable_or_obsolete()
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT 2")
        return cursor.fetchone()[0]


def test_a_quiet_connection_is_reused_without_a_round_trip(reused):
    driver_connection = reused.connection
    with mock.patch.object(type(reused), "is_usable", autospec=True, side_effect=AssertionError("round trip")):
        assert next_request(reused) == 2
        assert next_request(reused) == 2
    assert reused.connection is driver_connection


def test_a_connection_the_server_ended_is_replaced_without_failing_the_request(reused):
    driver_connection = reused.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [driver_connection.info.backend_pid])
    deadline = time.monotonic() + 5
    while reused._quiet() and time.monotonic() < deadline:  # the server's goodbye takes a moment to arrive
        time.sleep(0.01)
    assert next_request(reused) == 2
    assert reused.connection is not driver_connection


def test_a_connection_the_driver_knows_is_broken_is_replaced(reused):
    driver_connection = reused.connection
    driver_connection.close()
    assert next_request(reused) == 2
    assert reused.connection is not driver_connection
