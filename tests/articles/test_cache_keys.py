"""What a cached copy is keyed by and what it tells the outside (issue 14 findings 2 and 8, issue 15 part 2)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.cache import caches
from django.test import Client, RequestFactory
from django.urls import reverse

from articles import caching
from articles.pagination import count_cache_key
from tests.factories import make_comment

pytestmark = pytest.mark.django_db


def test_unknown_query_parameters_share_one_copy(client, article):
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    for n in range(20):
        assert client.get(url, {"utm_source": n, "fbclid": f"x{n}"})["X-Page-Cache"] == "hit"


def test_the_page_number_is_part_of_the_key_and_nothing_else_is():
    def key(query):
        return caching._page_key(RequestFactory().get("/category/world-news/", query))

    assert key({"page": 2}) != key({})
    assert key({"page": 2, "utm_source": "x"}) == key({"page": 2})


def test_unknown_query_parameters_share_the_list_fragment_too(reader_client, article, monkeypatch):
    """Logged-in readers skip the page cache; the card grid they get is still one cached fragment per list page."""
    stored = []
    fragments = caches["default"]
    store = fragments.set
    monkeypatch.setattr(
        fragments, "set", lambda key, *args, **kwargs: (stored.append(key), store(key, *args, **kwargs))
    )
    url = article.category.get_absolute_url()
    for n in range(5):
        reader_client.get(url, {"utm_source": n})
    assert len([key for key in stored if "article_list" in key]) == 1
    reader_client.get(url, {"page": 1})
    assert len([key for key in stored if "article_list" in key]) == 2


def test_a_reply_form_neither_gets_nor_leaves_a_copy(client, article):
    comment = make_comment(article=article, body="Worth answering.")
    url = article.get_absolute_url()
    replying = client.get(url, {"reply": comment.pk})
    assert "X-Page-Cache" not in replying
    assert "Replying to" in replying.content.decode()
    shared = client.get(url)
    assert shared["X-Page-Cache"] == "miss"
    assert "Replying to" not in shared.content.decode()
    assert "X-Page-Cache" not in client.get(url, {"reply": comment.pk})


def test_a_host_with_another_port_gets_the_same_copy_and_no_links_of_its_own(client, settings, article):
    settings.SITE_URL = "https://news.example.com"
    for url in (reverse("articles:feed"), reverse("articles:atom"), reverse("sitemap")):
        poisoned = client.get(url, headers={"host": "testserver:1"})
        assert poisoned["X-Page-Cache"] == "miss"
        assert b"testserver:1" not in poisoned.content
        served = client.get(url)
        assert served["X-Page-Cache"] == "hit"
        assert b"https://news.example.com/" in served.content


def test_a_host_outside_allowed_hosts_is_refused_not_stored(client, article):
    assert client.get(article.get_absolute_url(), headers={"host": "evil.example"}).status_code == 400
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"


def test_the_page_cache_status_header_is_off_unless_asked(client, settings, article):
    settings.PAGE_CACHE_STATUS_HEADER = False
    for _ in range(2):
        assert "X-Page-Cache" not in client.get(article.get_absolute_url())


def test_a_shared_page_names_its_tags_for_caches_in_front(client, article):
    response = client.get(article.get_absolute_url())
    tags = response["Surrogate-Key"].split(" ")
    assert set(tags) == {f"article:{article.pk}", f"section:{article.category_id}", "nav"}
    assert response["Cache-Tag"].split(",") == tags
    assert client.get(article.get_absolute_url())["Surrogate-Key"] == response["Surrogate-Key"]


def test_personal_pages_name_no_tags(reader_client, article):
    assert "Surrogate-Key" not in reader_client.get(article.get_absolute_url())


def test_search_counts_are_keyed_by_the_encoded_query():
    query = Client().get("/").wsgi_request.GET.copy()
    query.update({"q": "comet", "r": "1"})
    joined = query.copy()
    joined.clear()
    joined["q"] = "comet&r=1"
    assert count_cache_key("v", "/search/", query) != count_cache_key("v", "/search/", joined)


class PurgeEndpoint(BaseHTTPRequestHandler):
    received: list

    def do_PURGE(self):
        self.received.append((self.command, self.path, self.headers["xkey"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_endpoint(settings):
    received = []
    handler = type("Handler", (PurgeEndpoint,), {"received": received})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CACHE_PURGE_URLS = [f"http://127.0.0.1:{server.server_port}/purge"]
    yield received
    server.shutdown()
    server.server_close()


def test_the_purge_hook_is_off_by_default(settings):
    assert settings.CACHE_PURGE_URLS == []


def test_a_write_purges_its_tags_at_every_endpoint_after_the_commit(
    purge_endpoint, article, django_capture_on_commit_callbacks, monkeypatch
):
    started = []
    purge = caching.http_cache.purge
    monkeypatch.setattr(caching.http_cache, "purge", lambda tags: started.append(purge(tags)))
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(article=article, body="Purge me from the CDN.")
    for thread in started:
        thread.join(timeout=5)
    assert purge_endpoint == [("PURGE", "/purge", f"article:{article.pk}")]


def test_a_pending_comment_purges_nothing(purge_endpoint, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_comment(article=article, status="pending")
    assert callbacks == []
    assert purge_endpoint == []


def test_a_broken_purge_endpoint_never_breaks_a_write(settings, article, django_capture_on_commit_callbacks):
    settings.CACHE_PURGE_URLS = ["http://127.0.0.1:9/purge"]  # discard port: refused
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(article=article)
    assert article.comments.count() == 1
