"""Rows 29/59/60 (test-client half): with Redis stopped or hanging, pages, logins and the rest still work.

Every cache is pointed at ResilientRedisCache on a closed port (a stopped Redis: refused at once) or on a port that
accepts and never answers (a hanging Redis, like CLIENT PAUSE). scripts/fault_checks.sh does it to the real Redis.
"""

import logging
import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles import reads
from articles.models import ArticleDailyReads
from newsblog.cache import ResilientRedisCache
from tests.factories import as_reader, make_user
from tests.security.conftest import closed_port


@pytest.fixture(params=["stopped", "hanging"])
def redis_down(request, redis_cache_at, silent_port):
    port = closed_port() if request.param == "stopped" else silent_port
    redis_cache_at(f"redis://127.0.0.1:{port}/0")
    return request.param


def test_reader_pages_still_answer_200(client, article, author, redis_down):
    urls = [
        reverse("articles:home"),
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        reverse("articles:author", args=[author.slug]),
        reverse("articles:trending"),
        reverse("articles:feed"),
        reverse("sitemap"),
    ]
    for url in urls:
        started = time.monotonic()
        response = client.get(url)
        assert response.status_code == 200, url
        # At most one cache timeout per process per interval: later requests skip the cache altogether.
        assert time.monotonic() - started < 1.5, url


def test_logging_in_still_works(client, redis_down, db):
    make_user(username="reader", password="a-long-test-password")
    response = client.post(reverse("login"), {"username": "reader", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert client.get(reverse("articles:home")).status_code == 200


def test_login_lockouts_still_hold(client, redis_down, db):
    statuses = [
        client.post(reverse("login"), {"username": "someone", "password": "guess"}).status_code for _ in range(6)
    ]
    assert statuses == [200] * 5 + [429]


def test_each_cache_call_gives_up_within_a_quarter_second(redis_down):
    cache._down_until = 0  # as if Redis had just been reachable
    started = time.monotonic()
    assert cache.get("anything", "fallback") == "fallback"
    assert time.monotonic() - started < 0.5
    started = time.monotonic()
    assert cache.add("key", 1) is False
    assert time.monotonic() - started < 0.05, "a second call within the interval must not wait again"


def test_one_warning_per_interval_not_per_call(redis_cache_at, caplog):
    redis_cache_at(f"redis://127.0.0.1:{closed_port()}/0")
    with caplog.at_level(logging.WARNING, logger="newsblog.cache"):
        for _ in range(20):
            cache.get("key")
            cache.set("key", 1)
    assert len(caplog.records) == 1
    assert "Cache unavailable" in caplog.records[0].getMessage()


def test_the_cache_is_used_again_once_redis_is_back(redis_cache_at, monkeypatch):
    redis_cache_at(f"redis://127.0.0.1:{closed_port()}/0")
    assert cache.get("key") is None
    calls = []
    monkeypatch.setattr(
        "django.core.cache.backends.redis.RedisCache.get", lambda self, *a, **k: calls.append(a) or "from redis"
    )
    assert cache.get("key") is None  # still inside the quiet interval
    monkeypatch.setattr(ResilientRedisCache, "retry_seconds", 0)
    cache._down_until = 0
    assert cache.get("key") == "from redis"
    assert len(calls) == 1


def test_with_redis_up_it_is_an_ordinary_redis_cache(redis_cache_at):
    redis_cache_at("redis://127.0.0.1:6379/15")
    try:
        cache.ping()
    except Exception:
        pytest.skip("no Redis on 127.0.0.1:6379")
    cache.set("roundtrip", {"a": 1}, 30)
    assert cache.get("roundtrip") == {"a": 1}
    assert cache.add("roundtrip", 2) is False
    cache.set("count", 41, 30)  # stored as digits, so that incr() is atomic in Redis
    assert cache.incr("count") == 42
    assert cache.get_many(["roundtrip", "count", "absent"]) == {"roundtrip": {"a": 1}, "count": 42}
    cache.delete("absent")
    assert cache.add_many({"roundtrip": 3, "absent": 1}, 30) == ["absent"]  # only the key that was not there
    assert cache.get_many(["roundtrip", "absent"]) == {"roundtrip": {"a": 1}, "absent": 1}
    cache.delete_many(["roundtrip", "absent"])


def test_with_redis_stopped_article_pages_answer_and_count_no_reads(client, article, redis_cache_at):
    """Without the cache a reader's first read of the day cannot be told from a repeat; none is counted, so an
    outage cannot be used to inflate #TrendingNews."""
    redis_cache_at(f"redis://127.0.0.1:{closed_port()}/0")
    for number in range(1, 4):
        assert client.get(article.get_absolute_url(), **as_reader(number)).status_code == 200
    reads.flush()
    assert not ArticleDailyReads.objects.exists()
