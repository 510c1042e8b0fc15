import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image

from articles.models import Article, Category

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
    first = (Category.objects.count(), Article.objects.count())
    call_command("seed_demo")
    assert (Category.objects.count(), Article.objects.count()) == first

    assert list(Category.objects.values_list("name", flat=True)) == NAV
    published = Article.objects.published()
    assert published.count() >= 30
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    assert Article.objects.filter(status=Article.Status.PUBLISHED).exclude(pk__in=published).exists()
    assert all(article.photo and article.photo_credit for article in published)

    with Image.open(published.first().photo.path) as photo:
        assert len(set(photo.resize((32, 32)).getdata())) > 50, "photos are drawn, not blank"

    settings.DEBUG = False
    assert client.get(reverse("articles:home")).status_code == 200
    response = client.post(reverse("login"), {"username": "editor", "password": "editor-demo-pass"})
    assert response.status_code == 302
    assert response.wsgi_request.user.is_authenticated
