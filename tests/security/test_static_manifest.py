"""Row 41: after collectstatic with a manifest, every page renders with DEBUG off: no missing static entry."""

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import make_user


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=root, STORAGES=_manifest_storages()):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def _manifest_storages():
    # Strict manifest storage: a {% static %} name missing from the manifest raises, which the page shows as a 500.
    # Production uses WhiteNoise's subclass of it, which only adds compression.
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }


@pytest.fixture
def manifest(settings, collected):
    settings.STATIC_ROOT = collected
    settings.STORAGES = _manifest_storages()
    settings.WHITENOISE_USE_FINDERS = False
    settings.DEBUG = False


def test_every_page_renders_with_hashed_static_names(manifest, article, author, db):
    client = Client(raise_request_exception=False)
    pages = [
        reverse("articles:home"),
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        reverse("articles:author", args=[author.slug]),
        reverse("articles:tag", args=["trade"]),
        reverse("articles:trending"),
        reverse("articles:search") + "?q=trade",
        reverse("login"),
        "/no-such-page/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert "/static/css/site." in response.content.decode(), url
        assert 'href="/static/css/site.css"' not in response.content.decode(), url

    assert "/static/admin/css/base." in client.get(reverse("admin:login")).content.decode()
    client.force_login(make_user(username="night-editor", is_staff=True, is_superuser=True))
    for name in ["admin:index", "admin:auth_user_changelist", "admin:auth_user_add"]:
        assert client.get(reverse(name)).status_code == 200, name
