import shutil
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.template.backends import jinja2 as jinja2_backend
from django.test.signals import template_rendered
from django.utils import timezone

from tests.factories import (
    make_article,
    make_author,
    make_category,
    make_comment,
    make_image_file,
    make_staff_user,
    make_user,
)


@pytest.fixture(autouse=True, scope="session")
def _context_of_jinja2_pages():
    """Django's test client records the context of templates in Django's own language only (it instruments their
    rendering); our pages are Jinja2 (newsblog/templating.py). Sending the same signal for them gives tests the
    same response.context."""
    render = jinja2_backend.Template.render

    def render_and_record(self, context=None, request=None):
        template_rendered.send(sender=self, template=self.template, context=dict(context or {}))
        return render(self, context, request)

    jinja2_backend.Template.render = render_and_record
    yield
    jinja2_backend.Template.render = render


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a throwaway folder, never the developer's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(autouse=True)
def _page_cache_status_header(settings):
    """Tests read X-Page-Cache to tell a hit from a miss; production leaves it off (articles/caching.py)."""
    settings.PAGE_CACHE_STATUS_HEADER = True


@pytest.fixture(autouse=True)
def _clear_cache():
    for each in caches.all():  # the page cache keeps its content token in a cache of its own without Redis
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def category(db):
    return make_category(name="World News", slug="world-news")


@pytest.fixture
def author(db):
    return make_author(name="Ayla Demir", slug="ayla-demir")


@pytest.fixture
def article(db, category, author):
    return make_article(
        headline="Two countries agree to deepen trade and energy ties",
        slug="two-countries-deepen-ties",
        category=category,
        authors=[author],
        tags=["diplomacy", "trade"],
        photo=make_image_file(),
        photo_alt="Delegates shake hands",
        photo_caption="Delegates meet in Ankara, May 10, 2026.",
        photo_credit="AA Photo",
    )


@pytest.fixture
def reader(db):
    return make_user(username="reader")


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def editor(db):
    """A staff login in the Editors group: every article, publishing, categories, authors, moderation."""
    return make_staff_user(group="Editors", username="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def staff_author(db):
    """A staff login in the Authors group, with its own byline: writes and submits, never publishes."""
    user = make_staff_user(group="Authors", username="writer")
    make_author(name="Writer Person", slug="writer-person", user=user)
    return user


@pytest.fixture
def author_client(client, staff_author):
    client.force_login(staff_author)
    return client


@pytest.fixture
def regular(db):
    """A reader who has had a comment approved before, so that their new comments appear without moderation."""
    user = make_user(username="regular")
    make_comment(user=user, body="An earlier comment of mine.", created_at=timezone.now() - timedelta(days=2))
    return user


@pytest.fixture
def regular_client(client, regular):
    client.force_login(regular)
    return client
