"""newsblog's only settings module.

Every option that differs between a laptop and production is read from the environment through the small typed
helpers below; a malformed value stops startup with ImproperlyConfigured instead of being guessed at.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

TESTING = "pytest" in sys.modules or sys.argv[1:2] == ["test"]


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG or TESTING else [])

# The public origin used in canonical links, share links, feeds and structured data, so that a spoofed Host header
# never ends up in a URL we hand to readers or other sites.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env_str("SITE_NAME", "Newsblog")
SITE_ID = 1  # django.contrib.sites, which flatpages needs; one site

# Mastodon servers whose posts may be embedded in a story (articles/embeds.py). Mastodon has no single host, and a
# pattern matching any server would let any site that mimics its URLs be framed; the newsroom lists the ones it uses.
EMBED_MASTODON_HOSTS = frozenset(
    env_list("EMBED_MASTODON_HOSTS", ["mastodon.social", "mastodon.online", "mas.to", "journa.host", "newsie.social"])
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.sites",  # for flatpages
    "django.contrib.flatpages",  # About, Contact, Privacy, Corrections: editable in the admin (#16)
    "taggit",
    "axes",  # login lockouts (#7)
    "csp",  # Content-Security-Policy header (#7)
    "reversion",  # full article revisions (#13)
    "articles",
    # django.contrib.admin with the newsroom dashboard (#13); after articles, whose admin/ templates override its own.
    "articles.admin_apps.NewsroomAdminConfig",
    "accounts",
    "comments",
    "throttling",
]

MIDDLEWARE = [
    # An article's read beacon, asked for with every view, also those a cache in front served (articles/beacon.py).
    "articles.beacon.ReadBeaconMiddleware",
    # Anonymous readers are served from the page cache before anything else runs; each copy was stored with the
    # headers the middleware below added to it (articles/caching.py).
    "articles.caching.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security and faults (#7): every response, cached or static too, carries the CSP header; a NUL byte in the URL
    # or an oversized body is refused before anything reads it; a database outage answers 503 instead of 500;
    # /healthz is answered before ALLOWED_HOSTS is checked.
    "csp.middleware.CSPMiddleware",
    "newsblog.middleware.RequestGuardMiddleware",
    "newsblog.middleware.DatabaseOutageMiddleware",
    "newsblog.health.HealthCheckMiddleware",
    # Static files are answered before anything else runs, with far-future headers for the hashed names.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "throttling.middleware.FormThrottleMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: turns a login lockout into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsblog.urls"
WSGI_APPLICATION = "newsblog.wsgi.application"

_CONTEXT_PROCESSORS = [
    "django.template.context_processors.request",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
    "articles.context_processors.site",
]
TEMPLATES = [
    {
        # The site's pages, in Jinja2 (newsblog/templating.py says why and how they differ from Django's language).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "environment": "newsblog.templating.environment",
            "context_processors": _CONTEXT_PROCESSORS,
            "filters": "articles.formats.TEMPLATE_FILTERS",
        },
    },
    {
        # The admin's templates and Django's form widgets.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": _CONTEXT_PROCESSORS},
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, with a health check that asks the socket before the server (newsblog/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "newsblog.postgresql"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set: one cache shared by every worker and every app server. Without it, local memory per
# process, plus a small file cache that the workers of this machine share for the page cache's content token, so that
# an edit made in one worker invalidates the pages cached in all of them (see articles/caching.py).
REDIS_URL = env_str("REDIS_URL")
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "newsblog")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache with short timeouts that degrades to a miss when Redis is away (#7).
            "BACKEND": "newsblog.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
    PAGE_CACHE_STATE_ALIAS = "default"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsblog",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # Django's default of 300 entries is a few dozen pages plus their fragments (cards, nav, list rows);
            # at about 30 KB a page, 3,000 entries cap a worker's cache near 100 MB.
            "OPTIONS": {"MAX_ENTRIES": env_int("LOCMEM_CACHE_ENTRIES", 3000)},
        },
        "page_state": (
            # Tests run in one process; a file cache would leak state between test runs.
            {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "newsblog-page-state"}
            if TESTING
            else {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": env_str("PAGE_STATE_DIR", str(BASE_DIR / "var" / "page-state")),
                "KEY_PREFIX": CACHE_KEY_PREFIX,
                # One small file per page tag (article:<id>, ...): Django's default of 300 would cull live tags.
                "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_STATE_ENTRIES", 200_000)},
            }
        ),
    }
    PAGE_CACHE_STATE_ALIAS = "page_state"

# Whole-page cache for anonymous readers (articles/caching.py). 0 turns it off, e.g. to measure uncached rendering.
# It bounds how long a list's comment counts lag: a comment makes its article's page stale, not the lists.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# How long a page is kept whose every part a write makes stale (an article page: no other story's count on it); the
# bound is only a safety net. If the media storage signs its URLs, keep this below the signatures' lifetime.
EXACT_PAGE_CACHE_SECONDS = env_int("EXACT_PAGE_CACHE_SECONDS", 24 * 60 * 60)
# How long a reader waits for the copy another worker is rendering of the same page, before rendering it too. A
# render takes tens of milliseconds; the wait only runs that long if that worker is stuck.
PAGE_CACHE_WAIT_SECONDS = env_int("PAGE_CACHE_WAIT_MS", 1000) / 1000
# X-Page-Cache: hit/miss on anonymous pages. Off in production unless asked: it tells an attacker whether a request
# missed. Scripts that check the cache from outside (scripts/two_servers.py, fault_checks.py) turn it on.
PAGE_CACHE_STATUS_HEADER = env_bool("PAGE_CACHE_STATUS_HEADER", DEBUG)
# What shared anonymous pages tell HTTP caches in front (articles/http_cache.py): how long they may keep a copy, and
# how long past that they may serve it while fetching a fresh one. Raise SHARED_CACHE_SECONDS only with purging on.
SHARED_CACHE_SECONDS = env_int("SHARED_CACHE_SECONDS", 3)
STALE_WHILE_REVALIDATE_SECONDS = env_int("STALE_WHILE_REVALIDATE_SECONDS", 30)
# Purge endpoints of caches in front (e.g. Varnish with xkey, deploy/varnish.vcl), called after every invalidation
# with the invalidated tags. Empty (the default): no purging.
CACHE_PURGE_URLS = env_list("CACHE_PURGE_URLS", [])
# Reads for #TrendingNews are summed in memory and written at most this often per worker (0: on every read).
READS_FLUSH_SECONDS = env_int("READS_FLUSH_SECONDS", 0 if TESTING else 5)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "articles:home"
LOGOUT_REDIRECT_URL = "articles:home"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
# One language, English: without the translation machinery every date, number and form label renders faster
# (measured: a fifth of the article template's time). Dates and numbers are still formatted for en-us.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Production serves compressed, content-hashed static files through WhiteNoise (run collectstatic first); their
# names change with their content, so they are sent with far-future caching. Development and tests use plain names.
STORAGES = {
    "default": {"BACKEND": "newsblog.storage.MediaStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Development and tests serve static files straight from static/, without collectstatic.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

# Articles listed per page on category, tag and author pages.
ARTICLES_PER_PAGE = env_int("ARTICLES_PER_PAGE", 12)

# --- Photo uploads (articles/images.py) ---
# A photo larger than this many pixels is refused before it is decoded: a small file can declare a huge canvas
# (a decompression bomb). Kept well below Pillow's own warning limit (about 89 megapixels), which Django alone accepts.
PHOTO_MAX_PIXELS = env_int("PHOTO_MAX_PIXELS", 40_000_000)
# The largest photo file an editor may upload. The proxy in front should refuse bodies much larger than this.
PHOTO_MAX_BYTES = env_int("PHOTO_MAX_BYTES", 15 * 1024 * 1024)
# Widths of the resized copies made of every article photo at upload, in WebP and JPEG. Never upscaled; after a
# change, run `manage.py rebuild_renditions`.
RENDITION_WIDTHS = [480, 800, 1200, 1600]
# Uploads above this size are streamed to a temporary file instead of being held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Uploaded files readable by the web server, never executable.
FILE_UPLOAD_PERMISSIONS = 0o644
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o755

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@newsblog.localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}


# --- Security and faults (#7) -----------------------------------------------------------------------------------------
# tests/security/ checks each of these under the values a production environment yields.

# HTTPS only whenever DEBUG is off: redirect to https, Secure cookies, HSTS for a year with subdomains, preloadable.
# The test suite speaks plain HTTP and turns this on per test; HTTPS_ONLY=0 runs a production-like server on
# http://127.0.0.1 (the soak and fault scripts do).
HTTPS_ONLY = env_bool("HTTPS_ONLY", default=not (DEBUG or TESTING))
SECURE_SSL_REDIRECT = HTTPS_ONLY
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # probes from the private network speak plain HTTP
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Behind a proxy that terminates TLS, sets X-Forwarded-Proto and drops any the client sent: BEHIND_TLS_PROXY=1.
# (gunicorn already trusts that header from FORWARDED_ALLOW_IPS, see deploy/gunicorn.conf.py.)
if env_bool("BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script of ours reads it; forms carry the token
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Sessions stay in the database, so logins keep working while Redis is away.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4). Scripts only from our own files: an inline <script> needs
# nonce="{{ request.csp_nonce }}" and must not be on a page the page cache stores, whose copy would replay an old
# nonce. A <script type="application/ld+json"> is data, never executed, so it needs none.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": HTTPS_ONLY,
    }
}

# Request bodies: form fields up to 2.5 MB (Django's default, stated), a whole request up to 50 MB. That leaves room
# for a too-large photo to reach the form and be told the photo limit, while a 200 MB body is refused with 413 unread
# (newsblog/middleware.py). The proxy in front should use the same figure (nginx client_max_body_size).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MAX_REQUEST_BODY_BYTES = env_int("MAX_REQUEST_BODY_BYTES", 50 * 1024 * 1024)

# A database host that does not answer at all must not hold a worker for minutes.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", env_int("DB_CONNECT_TIMEOUT", 5))

# Addresses of our own proxies (e.g. 127.0.0.1 for an nginx on this machine). Only their X-Forwarded-For is believed
# when deciding a client's IP for lockouts and throttles (throttling/clientip.py); from anyone else it is ignored.
TRUSTED_PROXY_IPS = env_list("TRUSTED_PROXY_IPS", [])

# Login lockouts with django-axes, site and admin alike, stored in the database (throttling/logins.py). The lockout is
# checked by the first backend, before ModelBackend spends ~0.2 s hashing the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = 6  # per username and IP: five wrong passwords are answered normally, the sixth gets 429
LOGIN_IP_FAILURE_LIMIT = 20  # per IP across all usernames: credential stuffing
AXES_COOLOFF_TIME = timedelta(minutes=15)  # lockouts lift by themselves
AXES_HANDLER = "throttling.logins.LoginAttemptHandler"
AXES_LOCKOUT_CALLABLE = "throttling.logins.lockout_response"
AXES_CLIENT_IP_CALLABLE = "throttling.clientip.client_key"  # IPv6 by /64

# Wrong "old password" answers on the password change form, per user: (count, seconds). The next attempt gets 429
# without its password being checked, as with logins (accounts/views.py).
PASSWORD_CHANGE_FAILURES = (5, 15 * 60)

# Sign-up and password reset POSTs allowed per client IP: URL name -> (count, seconds). Counted in the database.
THROTTLED_FORMS = {
    "signup": (10, 60 * 60),
    "password_reset": (5, 60 * 60),
}

# --- Comments (#3): moderation policy and abuse limits, enforced in comments/services.py --------------------------
# Comments are plain text of 1 to COMMENTS_MAX_LENGTH characters after trimming.
COMMENTS_MAX_LENGTH = env_int("COMMENTS_MAX_LENGTH", 3000)
# Held for a moderator: a user's comments until one of theirs has been approved, and any comment with more links.
COMMENTS_MODERATE_FIRST = env_bool("COMMENTS_MODERATE_FIRST", default=True)
COMMENTS_MAX_LINKS = env_int("COMMENTS_MAX_LINKS", 2)
# Per user, counted in the database so that they hold with Redis away: 429 past either limit.
COMMENTS_PER_MINUTE = env_int("COMMENTS_PER_MINUTE", 5)
COMMENTS_PER_DAY = env_int("COMMENTS_PER_DAY", 50)
# Anonymous readers' comments are kept as drafts in their session until they log in: at most this many per client IP
# in this many seconds (429 past it).
COMMENTS_ANONYMOUS_DRAFTS = (env_int("COMMENTS_ANONYMOUS_DRAFTS_PER_HOUR", 30), 60 * 60)
# Authors may edit a comment for this long after posting it (and delete it at any time).
COMMENTS_EDIT_MINUTES = env_int("COMMENTS_EDIT_MINUTES", 15)
# Top-level threads per page of an article's discussion; replies always stay with their thread.
COMMENTS_PER_PAGE = env_int("COMMENTS_PER_PAGE", 50)
