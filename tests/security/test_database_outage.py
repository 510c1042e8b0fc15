"""Row 56 (test-client half): while the database is unreachable every page is 503 with Retry-After, never 500.

The database is made unreachable by making every new cursor fail the way Django reports a refused connection, on
SQLite and PostgreSQL alike. scripts/fault_checks.sh stops the real PostgreSQL under gunicorn.
"""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from tests.factories import make_user


def database_unreachable():
    error = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    return mock.patch.object(connection, "ensure_connection", side_effect=error)


@pytest.fixture
def database_down():
    with database_unreachable():
        yield


@pytest.fixture
def outage_client():
    """Errors raised outside a view go through handler500, which the default test client would re-raise."""
    return Client(raise_request_exception=False)


def assert_outage_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "We’ll be back in a moment" in body
    assert "Traceback" not in body and "OperationalError" not in body and "5432" not in body
    # Rendering it needed no query: any query would have failed too, and the page would not be this one.


@pytest.mark.parametrize("url", ["/", "/articles/two-countries-deepen-ties/", "/category/world-news/", "/trending/"])
def test_reader_pages_answer_503_with_retry_after(outage_client, article, url, settings):
    settings.PAGE_CACHE_SECONDS = 0  # a page already in the cache would still be served, which is fine
    with database_unreachable():
        assert_outage_page(outage_client.get(url))


def test_a_cold_page_cache_needing_the_database_answers_503(outage_client, article, database_down):
    # The page cache's own query (upcoming publication times) fails in a middleware, outside any view.
    assert_outage_page(outage_client.get("/"))


def test_a_page_cached_before_the_outage_is_still_served(outage_client, article):
    assert outage_client.get("/").status_code == 200
    with database_unreachable():
        assert outage_client.get("/").status_code == 200


def test_a_logged_in_reader_gets_503_not_500(outage_client, article, db):
    outage_client.force_login(make_user(username="reader"))
    with database_unreachable():
        assert_outage_page(outage_client.get(article.get_absolute_url()))


def test_a_login_during_the_outage_answers_503(outage_client, db, database_down):
    response = outage_client.post(reverse("login"), {"username": "reader", "password": "a-long-test-password"})
    assert_outage_page(response)


def test_a_comment_posted_during_the_outage_is_shown_back_escaped(outage_client, article):
    outage_client.force_login(make_user(username="commenter"))
    typed = 'Well argued. <script>alert("x")</script> & more'
    url = f"{article.get_absolute_url()}comments/"
    with database_unreachable():
        response = outage_client.post(url, {"body": typed})
    assert_outage_page(response)
    body = response.content.decode()
    assert "Your comment could not be saved just now" in body
    assert "Well argued. &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more</textarea>" in body
    assert f'action="{url}"' in body and 'name="csrfmiddlewaretoken"' in body
    assert "<script>alert" not in body
