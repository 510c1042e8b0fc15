"""Playwright fixtures: one Chromium per session, a fresh context per test, the site served by `live_server`.

Without Chromium the whole package skips with one line saying how to enable it, except in CI (the CI environment
variable is set), where a missing browser is a failure: the browser tests are required there.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.servers.basehttp import WSGIServer
from django.utils.text import slugify
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.browser.support import COMMENT, DESKTOP, PHONE, REPLY
from tests.factories import make_article, make_author, make_category, make_comment, make_image_file, make_user

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SKIP_REASON = f"browser tests skipped: {CHROMIUM} not found; apt-get install chromium to enable"

ARTIFACTS = Path(settings.BASE_DIR) / "artifacts"


def chromium_path():
    return CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")


def pytest_runtest_setup(item):
    # Skipping from this hook, not from a fixture, reports every browser test at this one line: a single
    # summary line under `make test` instead of one per test.
    if chromium_path() is None and not os.environ.get("CI"):
        pytest.skip(SKIP_REASON)


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.fail(f"{CHROMIUM} not found, and the browser tests are required in CI (apt-get install chromium).")
    # From here on Playwright's sync API keeps an event loop running in this thread, so Django's async-safety check
    # would refuse every ORM call a test makes (factories, assertions on rows). Nothing here is actually async;
    # Django documents this switch. It is set only while Playwright runs, not for the whole test process.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class OneAtATimeWSGIServer(WSGIServer):
    """Django's development server without a thread per request (it then closes each connection after its answer)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        # The live server's thread has already put the shared connections in place for itself.
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session")
def live_server(django_db_setup):
    """pytest-django's live server, started once the test database exists.

    pytest-django's own fixture can start before the test database is set up; it then sees the settings' file
    database, shares no connection, and with SQLite every request thread opens its own connection to the shared
    in-memory test database, where two requests at once (an editor's autosave and an autocomplete lookup) collide
    on SQLite's table locks and one answers 503. Here the server shares the test's connection, as Django's
    LiveServerTestCase does, and answers one request at a time so that no two threads use that connection together.
    On PostgreSQL each request thread has its own connection, as in production, and requests stay concurrent.
    """
    server = LiveServer("localhost", start=False)
    if server.thread.connections_override:
        server.thread.server_class = OneAtATimeWSGIServer
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Users made by factories and logins typed into forms hash passwords; the real hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def artifacts_dir():
    """Screenshots land here on every run for a person to look at; the folder is git-ignored."""
    path = ARTIFACTS / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


class ConsoleWatch:
    """Collects console errors and uncaught page errors of every page opened in a context."""

    def __init__(self):
        self.errors = []

    def attach(self, page):
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def _on_console(self, message):
        # Chromium asks for /favicon.ico by itself on pages that name no icon, which only Django's stock admin
        # pages are; that request is the browser's, not the page's.
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            self.errors.append(self._describe(message))

    @staticmethod
    def _describe(message):
        location = message.location.get("url", "")
        return f"{message.text} ({location})" if location else message.text

    def forgive_not_found(self, url):
        """Drop the error Chromium logs for a document that answered 404 on purpose (the test checks the status)."""
        self.errors = [e for e in self.errors if not ("status of 404" in e and e.endswith(f"{url})"))]

    def take(self):
        errors, self.errors = self.errors, []
        return errors


@pytest.fixture
def console():
    return ConsoleWatch()


@pytest.fixture
def new_context(browser, console, live_server):
    """Opens browser contexts (a phone, a second user, JavaScript off) on the live site.

    They are closed after the test, which fails if any page in them logged a console error or threw.
    """
    contexts = []

    def factory(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        context.on("page", console.attach)
        contexts.append(context)
        return context

    yield factory
    for context in contexts:
        context.close()
    errors = console.take()
    assert not errors, "console errors:\n" + "\n".join(errors)


@pytest.fixture
def page(new_context):
    """A desktop-sized page (1280 px)."""
    return new_context().new_page()


@pytest.fixture
def phone_page(new_context):
    """A 360 px wide phone page with touch, honouring the viewport meta tag."""
    return new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()


# The sections of the handed page's nav, after #TrendingNews, in its order.
SECTIONS = [
    "Blog",
    "Business",
    "Entertainment",
    "Environment",
    "Health",
    "Lifestyle",
    "News Analysis",
    "Opinion",
    "Science",
    "Sports",
    "Technology",
    "World News",
]


@pytest.fixture
def sections(db):
    """Every section of the real nav, so the phone layout is measured with its full width."""
    return {name: make_category(name=name, slug=slugify(name), nav_position=i) for i, name in enumerate(SECTIONS)}


@pytest.fixture
def story(sections):
    """A published World News article with a photo, caption, credit and tags, plus two other stories for the lists."""
    author = make_author(name="Ayla Demir", slug="ayla-demir")
    article = make_article(
        headline="Two countries agree to deepen trade and energy ties",
        slug="two-countries-deepen-ties",
        standfirst="A new agreement covers gas pipelines, customs and a joint investment fund.",
        body=ARTICLE_BODY,
        category=sections["World News"],
        authors=[author],
        tags=["diplomacy", "trade"],
        photo=make_image_file(size=(1200, 800)),
        photo_alt="Two delegates shake hands in front of their flags",
        photo_caption="Delegates meet in Ankara, May 10, 2026.",
        photo_credit="AA Photo",
        featured=True,
    )
    make_article(headline="Markets steady after rate decision", category=sections["Business"], authors=[author])
    make_article(
        headline="Coastal towns plan for rising seas",
        category=sections["World News"],
        photo=make_image_file(size=(1200, 800), color=(40, 90, 160)),
        photo_alt="A sea wall at high tide",
        photo_caption="The harbour wall in Kas.",
        photo_credit="Reuters",
    )
    return article


@pytest.fixture
def discussion(story):
    """An approved comment on the story and a reply to it by `reader`, who is returned (not yet logged in)."""
    reader = make_user(username="reader")
    first = make_comment(article=story, user=make_user(username="ekin"), body=COMMENT)
    make_comment(article=story, user=reader, parent=first, body=REPLY)
    return reader


ARTICLE_BODY = """\
The two governments signed an agreement on Tuesday that ties their energy and customs systems together for the next
decade, officials said.

"This is the beginning of a new chapter," the trade minister told reporters. The deal covers **gas pipelines**,
customs procedures and a joint investment fund of $2 billion.

## What changes

Trucks crossing the border will use a single inspection. Analysts expect trade to grow by a fifth within three years.
"""
