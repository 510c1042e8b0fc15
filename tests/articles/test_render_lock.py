"""When a popular page goes stale, one worker renders it and the readers arriving meanwhile get its copy
(articles/caching.py, "One render per change"). Another worker is played here by holding the page's render lock, and
its finishing by what the waiting reader's pause does."""

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from articles import caching
from tests.factories import make_comment

pytestmark = pytest.mark.django_db


def lock_of(url):
    return caching.RENDERING_PREFIX + caching._page_key(RequestFactory().get(url))


@pytest.fixture
def stale_page(client, article):
    """The article page, cached, then made stale by a new comment."""
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    make_comment(article=article, body="Posted while the page was cached.")
    return article.get_absolute_url()


def test_a_miss_releases_the_render_lock(client, article):
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert cache.get(lock_of(article.get_absolute_url())) is None


def test_a_reader_arriving_during_a_render_gets_that_renders_copy(client, stale_page, monkeypatch):
    cache.add(lock_of(stale_page), 1)  # another worker is rendering the page
    pauses = []

    def other_worker_finishes(seconds):
        pauses.append(seconds)
        if len(pauses) == 1:
            cache.delete(lock_of(stale_page))
            assert Client().get(stale_page)["X-Page-Cache"] == "miss"  # it renders and stores the page

    monkeypatch.setattr(caching, "_pause", other_worker_finishes)
    response = client.get(stale_page)
    assert response["X-Page-Cache"] == "hit"
    assert "Posted while the page was cached." in response.content.decode()
    assert len(pauses) == 1


def test_a_reader_whose_awaited_copy_does_not_come_renders_the_page_itself(client, settings, stale_page, monkeypatch):
    """The stale copy from before the comment stays in the cache all along: it is never served."""
    settings.PAGE_CACHE_WAIT_SECONDS = 0.05
    cache.add(lock_of(stale_page), 1)  # a worker that never finishes
    pauses = []
    monkeypatch.setattr(caching, "_pause", pauses.append)
    response = client.get(stale_page)
    assert response["X-Page-Cache"] == "miss"
    assert "Posted while the page was cached." in response.content.decode()
    assert len(pauses) == 5


def test_a_reader_who_cannot_see_the_lock_renders_at_once(client, stale_page, monkeypatch):
    """Redis away: add() fails and get() misses, as newsblog/cache.py makes them. Nobody waits for anything."""
    monkeypatch.setattr(caching._page_cache(), "add", lambda *args, **kwargs: False)
    monkeypatch.setattr(caching, "_pause", lambda seconds: pytest.fail("waited while the lock could not be seen"))
    response = client.get(stale_page)
    assert response["X-Page-Cache"] == "miss"
    assert "Posted while the page was cached." in response.content.decode()


def test_a_page_that_is_never_stored_takes_no_lock(client, monkeypatch):
    monkeypatch.setattr(caching, "_claim_render", lambda key: pytest.fail("a search page took the render lock"))
    assert client.get("/search/?q=harbour").status_code == 200
