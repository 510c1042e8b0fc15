import base64
import os
import pickle
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The settings that DEBUG=0 changes for security; the suite itself runs with them relaxed (plain HTTP test client).
PRODUCTION_KEYS = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "CONTENT_SECURITY_POLICY",
]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "production-like-secret-key-for-tests-only-0123456789abcdef",
    "ALLOWED_HOSTS": "testserver,news.example",
}


def production_environment(**extra) -> dict:
    """The process environment of a production-like run, without anything this test run set."""
    # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for this process; no deployment would.
    harness = {"DEBUG", "HTTPS_ONLY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in harness}
    return env | PRODUCTION_ENV | extra


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """These tests make hundreds of login attempts; what they check does not depend on what a hash costs."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def production_values():
    """The security settings exactly as newsblog/settings.py computes them with DEBUG=0, from a fresh interpreter."""
    script = (
        "import base64, pickle, sys; from newsblog import settings as s; "
        f"sys.stdout.write(base64.b64encode(pickle.dumps({{k: getattr(s, k) for k in {PRODUCTION_KEYS!r}}})).decode())"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", script], cwd=ROOT, env=production_environment(), capture_output=True, check=True
    )
    return pickle.loads(base64.b64decode(out.stdout))  # noqa: S301 - produced by the line above


@pytest.fixture
def production(settings, production_values):
    """Run this test under the production security settings (requests then need secure=True)."""
    for key, value in production_values.items():
        setattr(settings, key, value)
    return settings


@pytest.fixture
def silent_port():
    """A TCP port that accepts connections and never answers: a hanging Redis."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(timeout=1)
    for each in held:
        each.close()
    server.close()


def closed_port() -> int:
    """A port nothing listens on: connecting is refused at once, as with a stopped Redis."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_cache_at(settings):
    """Point every cache at a Redis URL through ResilientRedisCache, as settings do when REDIS_URL is set."""

    def configure(url: str):
        settings.CACHES = {
            "default": {"BACKEND": "newsblog.cache.ResilientRedisCache", "LOCATION": url, "KEY_PREFIX": "i7test"}
        }
        settings.PAGE_CACHE_STATE_ALIAS = "default"

    return configure
