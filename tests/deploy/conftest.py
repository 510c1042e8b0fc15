"""Debian's nginx or Varnish with the shipped configuration, in front of gunicorn running this checkout.

The configurations are generated from deploy/nginx.conf and deploy/varnish.vcl themselves by scripts/nginx_local.py
and scripts/varnish_local.py: only ports, the TLS server and the cache and media paths are rewritten, each rewrite
asserted to apply exactly once, so a change to a shipped file is tested. Everything else (the cookie rules, the cache
rules, the headers) is the shipped text.

gunicorn (DEBUG off) shares the test database and a Redis database with the test process, so a write made in a
test invalidates what gunicorn caches (and, for Varnish, purges it there). It needs PostgreSQL: SQLite's test
database lives in the test process's memory. Without nginx or Varnish the tests skip, except in CI, where they are
required.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from scripts import nginx_local, varnish_local
from scripts.site_client import SiteClient
from tests.factories import BROWSER, make_user

REDIS_URL = "redis://127.0.0.1:6379/15"
STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).close()  # noqa: S310  our own loopback server
            return
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"{url} exited: {log.read_text()[-2000:]}")
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer within {STARTUP_SECONDS} s: {log.read_text()[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def require(program: str, packages: str) -> None:
    """Skip without `program` (fail in CI) or without PostgreSQL."""
    if not os.access(program, os.X_OK):
        if os.environ.get("CI"):
            pytest.fail(
                f"{program} not found, and the tests/deploy/ tests are required in CI (apt-get install {packages})."
            )
        pytest.skip(f"{program} not found; apt-get install {packages} to run these tests")
    if connection.vendor != "postgresql":
        pytest.skip("gunicorn cannot share SQLite's in-memory test database; these run on PostgreSQL")


@contextmanager
def app_server(folder: Path, *, prefix: str, site_port: int, **overrides: str):
    """gunicorn (deploy/gunicorn.conf.py, DEBUG off) on the test database, its page cache in Redis under `prefix`,
    serving a site whose public address is on `site_port`; yields its own port."""
    port = free_port()
    env = os.environ | {
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{site_port}",
        "HTTPS_ONLY": "0",
        "PAGE_CACHE_STATUS_HEADER": "1",
        "READS_FLUSH_SECONDS": "0",
        "COMMENTS_MODERATE_FIRST": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
        **overrides,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    root = Path(settings.BASE_DIR)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=root, env=env, check=True, timeout=120
    )
    log_path = folder / "gunicorn.log"
    with log_path.open("w") as log:
        gunicorn = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py"],
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", gunicorn, log_path)
        yield port
    finally:
        stop(gunicorn)


def share_cache(settings, prefix: str) -> None:
    """Point this test process's cache at gunicorn's Redis, so that its writes invalidate there."""
    settings.CACHES = {
        "default": {"BACKEND": "newsblog.cache.ResilientRedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}
    }
    settings.PAGE_CACHE_STATE_ALIAS = "default"


PASSWORD = "a long enough password for the deploy tests"


class Browser(SiteClient):
    """One client with its own cookies, talking HTTP/1.1 to the server in front."""

    def log_in(self, username: str, password: str = PASSWORD) -> int:
        status = super().log_in(username, password)
        assert status == 302 and "sessionid" in self.cookies
        return status


def personal_and_anonymous_views(base: str, article, username: str):
    """`username` logs in through the form and reads `article` twice, then two anonymous readers read it: the
    logged-in reader's answers and the anonymous ones', for each cache's own header to be checked."""
    make_user(username=username, password=PASSWORD)
    reader = Browser(base)
    reader.log_in(username)
    own = [reader.get(article.get_absolute_url()) for _ in range(2)]
    return own, [Browser(base).get(article.get_absolute_url()) for _ in range(2)]


def read_through(base: str, article):
    """Two readers of `article` through a cache in front, each with a User-Agent of its own (behind one proxy every
    reader has its address), and then the page's read beacon as their browsers ask for it, the second reader's twice:
    the two pages' answers and the three beacons'."""
    first, second = (Browser(base, agent=f"{BROWSER} Reader/{number}") for number in (1, 2))
    pages = [first.get(article.get_absolute_url()), second.get(article.get_absolute_url())]
    beacon = re.search(r'class="read-beacon" src="([^"]+)"', pages[1].text).group(1)
    return pages, [browser.get(beacon) for browser in (first, second, second)]


@contextmanager
def fronted_site(folder: Path, *, port: int, start, log: Path, **overrides: str):
    """gunicorn (with `overrides`) serving the site whose public address is on `port`, and in front of it on that port
    the server `start(app_port)` starts, its output in `log`; yields (its URL, gunicorn's cache key prefix)."""
    prefix = f"deploy-test-{folder.name}-{secrets.token_hex(4)}"
    url = f"http://127.0.0.1:{port}"
    try:
        with app_server(folder, prefix=prefix, site_port=port, **overrides) as app_port:
            front = start(app_port)
            try:
                wait_for(f"{url}/healthz", front, log)
                yield url, prefix
            finally:
                stop(front)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def nginx_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The base URL of nginx (shipped config) in front of gunicorn; yields (url, cache key prefix)."""
    require(nginx_local.NGINX, "nginx")
    folder, port = tmp_path_factory.mktemp("nginx"), free_port()

    def start(app_port):
        return nginx_local.start(folder, port=port, app_port=app_port)

    with fronted_site(folder, port=port, start=start, log=folder / "error.log") as site:
        yield site


@pytest.fixture
def site(nginx_site, transactional_db, settings):
    """nginx's URL, with this test process's cache pointed at gunicorn's Redis."""
    url, prefix = nginx_site
    share_cache(settings, prefix)
    return url


@pytest.fixture(scope="module")
def varnish_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The base URL of Varnish (shipped VCL) in front of gunicorn, which purges it on every write, as
    deploy/varnish.vcl recommends: CACHE_PURGE_URLS at Varnish, SHARED_CACHE_SECONDS an hour.
    Yields (url, cache key prefix)."""
    require(varnish_local.VARNISHD, "varnish varnish-modules")
    folder, port = tmp_path_factory.mktemp("varnish"), free_port()
    log = folder / "varnishd.log"

    def start(app_port):
        return varnish_local.start(folder / "varnish", port=port, app_port=app_port, log=log)

    purge = {"CACHE_PURGE_URLS": f"http://127.0.0.1:{port}/", "SHARED_CACHE_SECONDS": "3600"}
    with fronted_site(folder, port=port, start=start, log=log, **purge) as site:
        yield site


@pytest.fixture
def varnish(varnish_site, transactional_db, settings):
    """Varnish's URL, with this test process's cache pointed at gunicorn's Redis and its writes purging Varnish."""
    url, prefix = varnish_site
    share_cache(settings, prefix)
    settings.CACHE_PURGE_URLS = [f"{url}/"]
    settings.SHARED_CACHE_SECONDS = 3600
    return url
