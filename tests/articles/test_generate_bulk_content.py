import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, ArticleAuthor, Category, Photo
from comments.models import Comment

pytestmark = pytest.mark.django_db


def quiet():
    return io.StringIO()


@pytest.fixture
def generated(settings):
    settings.DEBUG = True
    call_command(
        "generate_bulk_content", articles=120, comments_per_article=3, users=10, batch_size=50, photos=2, stdout=quiet()
    )


def test_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_bulk_content", articles=1)
    call_command("generate_bulk_content", articles=1, photos=1, force=True, stdout=quiet())
    assert Article.objects.count() == 1


def test_adds_the_asked_numbers_of_articles_and_approved_comments(generated):
    assert Article.objects.count() == 120
    assert Comment.objects.count() == 120 * 3
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}
    assert not Comment.objects.filter(article__status=Article.Status.DRAFT).exists()


def test_articles_look_like_an_archive(generated):
    per_category = Counter(Article.objects.values_list("category__slug", flat=True))
    biggest = Category.objects.order_by("nav_position").first()
    assert per_category.most_common(1)[0][0] == biggest.slug  # deep pagination needs one big section
    assert ArticleAuthor.objects.values("article").distinct().count() == 120
    assert Article.objects.filter(tags__isnull=False).distinct().count() == 120
    photos = set(Article.objects.exclude(photo=None).values_list("photo", flat=True))
    assert len(photos) == 2  # a few shared library photos, not one file per article
    assert Photo.objects.filter(tags__name="generated").count() == 2
    assert all(a.body_html.startswith("<p>") and a.reading_time >= 1 for a in Article.objects.all()[:5])


def test_generated_pages_render(client, generated):
    article = Article.objects.published().first()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert article.headline in response.content.decode()
    assert client.get(reverse("articles:category", args=[article.category.slug])).status_code == 200


def test_each_run_adds_to_what_is_there(settings, generated):
    call_command("generate_bulk_content", articles=10, photos=1, stdout=quiet())
    assert Article.objects.count() == 130
