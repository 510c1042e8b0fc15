import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image

from articles.management.commands.seed_demo import DEMO_USERS
from articles.models import Article, Category, Photo

pytestmark = pytest.mark.django_db

NAV = [
    "Blog", "Business", "Entertainment", "Environment", "Health", "Lifestyle",
    "News Analysis", "Opinion", "Science", "Sports", "Technology", "World News",
]  # fmt: skip


def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")


def test_seed_demo_builds_the_demo_site_and_is_idempotent(settings, client):
    settings.DEBUG = True
    call_command("seed_demo")
    first = (Category.objects.count(), Article.objects.count(), Photo.objects.count())
    call_command("seed_demo")
    assert (Category.objects.count(), Article.objects.count(), Photo.objects.count()) == first
    assert first[2] == first[1], "one library photo per demo story, made once"

    assert list(Category.objects.values_list("name", flat=True)) == NAV
    published = Article.objects.published()
    assert published.count() >= 30
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    assert Article.objects.filter(status=Article.Status.PUBLISHED).exclude(pk__in=published).exists()
    assert all(article.photo and article.photo_credit for article in published)

    with Image.open(published.first().photo.file.path) as photo:
        assert len(set(photo.resize((32, 32)).getdata())) > 50, "photos are drawn, not blank"

    settings.DEBUG = False
    assert client.get(reverse("articles:home")).status_code == 200
    response = client.post(reverse("login"), {"username": "editor", "password": "editor-demo-pass"})
    assert response.status_code == 302
    assert response.wsgi_request.user.is_authenticated


def test_seed_demo_force_without_debug_never_uses_the_published_passwords(settings, client):
    settings.DEBUG = False
    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)

    printed = dict(re.findall(r"login: (\S+) / (\S+)", out.getvalue()))
    assert set(printed) == {spec["username"] for spec in DEMO_USERS}
    for spec in DEMO_USERS:
        user = get_user_model().objects.get(username=spec["username"])
        assert not user.check_password(spec["password"]), f"{spec['username']} kept its published password"
        assert printed[spec["username"]] != spec["password"]
        assert user.check_password(printed[spec["username"]])
    assert len(set(printed.values())) == len(printed)
