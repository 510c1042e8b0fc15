"""seed_demo: the demo site from articles/demo/*.md, idempotent, honest about its pictures and dates, and safe with
DEBUG off. Seeding draws 34 pictures, so this module seeds once and its tests share the result (rolled back after)."""

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from articles import demo
from articles.management.commands.seed_demo import DEMO_USERS
from articles.models import Article, Category, Photo

pytestmark = pytest.mark.django_db

NAV = [
    "Blog", "Business", "Entertainment", "Environment", "Health", "Lifestyle",
    "News Analysis", "Opinion", "Science", "Sports", "Technology", "World News",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(MEDIA_ROOT=media):
        with override_settings(DEBUG=True):
            call_command("seed_demo", stdout=io.StringIO())
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def media(seeded, settings):
    settings.MEDIA_ROOT = seeded  # the shared seed's pictures, not the per-test folder
    return seeded


def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")


def test_seed_demo_builds_the_demo_site_and_is_idempotent(media, settings, client):
    first = (Category.objects.count(), Article.objects.count(), Photo.objects.count(), FlatPage.objects.count())
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    assert (Category.objects.count(), Article.objects.count(), Photo.objects.count(), FlatPage.objects.count()) == first
    assert first[2] == first[1], "one library photo per demo story, made once"

    assert list(Category.objects.values_list("name", flat=True)) == NAV
    published = Article.objects.published()
    assert published.count() >= 30
    assert published.count() == sum(story.status == "published" for story in demo.stories())
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    assert Article.objects.filter(status=Article.Status.PUBLISHED).exclude(pk__in=published).exists()
    assert all(article.photo and article.photo_credit for article in published)

    with Image.open(published.first().photo.file.path) as photo:
        assert len(set(photo.resize((32, 32)).get_flattened_data())) > 50, "photos are drawn, not blank"

    settings.DEBUG = False
    assert client.get(reverse("articles:home")).status_code == 200
    response = client.post(reverse("login"), {"username": "editor", "password": "editor-demo-pass"})
    assert response.status_code == 302
    assert response.wsgi_request.user.is_authenticated


def test_seed_demo_force_without_debug_never_uses_the_published_passwords(seeded, settings):
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


def test_every_story_comes_from_its_markdown_file(seeded):
    for story in demo.stories():
        article = Article.objects.get(slug=story.slug)
        assert (article.headline, article.standfirst, article.body) == (story.headline, story.standfirst, story.body)
        assert article.category.name == story.category
        assert sorted(article.tags.names()) == sorted(story.tags)
        assert [byline.author.slug for byline in article.article_authors.order_by("position")] == story.authors


def test_pictures_are_described_as_the_illustrations_they_are(seeded):
    for article in Article.objects.all():
        assert article.photo_alt.startswith("An abstract illustration: ")
        assert "does not show the events described" in article.photo_caption


def test_weekdays_in_the_text_agree_with_the_publication_date(seeded):
    """ "on Tuesday" in a story means its publication day: no story names a weekday it was not published on, unless
    it is a day still ahead ("Sunday's draw") or a regular one ("on Saturdays")."""
    for article in Article.objects.published():
        named = set(re.findall(rf"\bon ({'|'.join(WEEKDAYS)})\b(?!s)", article.body))
        published_on = WEEKDAYS[article.published_at.weekday()]
        earlier = {WEEKDAYS[(article.published_at - timedelta(days=n)).weekday()] for n in range(1, 3)}
        assert named <= {published_on, *earlier}, f"{article.slug}: says {named}, published on a {published_on}"


def test_no_demo_story_claims_an_update_it_never_had(seeded, client):
    for article in Article.objects.published()[:5]:
        assert article.updated_at == article.published_at
        assert "Updated" not in client.get(article.get_absolute_url()).content.decode()


def test_the_site_pages_exist_and_the_footer_links_them(seeded, client):
    html = client.get(reverse("articles:home")).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    for name, title in (
        ("about", "About Newsblog"),
        ("contact", "Contact us"),
        ("privacy", "Privacy"),
        ("corrections", "Corrections policy"),
    ):
        url = reverse(f"articles:{name}")
        assert f'href="{url}"' in footer
        page = client.get(url).content.decode()
        assert f'<h1 class="page-header__title">{title}</h1>' in page


def test_a_story_file_without_its_fields_is_refused_by_name(tmp_path):
    (tmp_path / "broken-story.md").write_text("---\nheadline: Only a headline\n---\nBody.\n")
    with pytest.raises(demo.DemoStoryError, match=r"broken-story\.md: missing authors, category, standfirst, status"):
        demo.stories(tmp_path)


def test_a_published_story_needs_its_publication_time(tmp_path):
    fields = "headline: H\ncategory: Blog\nauthors: a\nstatus: published\nstandfirst: S\n"
    (tmp_path / "undated.md").write_text(f"---\n{fields}---\nBody.\n")
    with pytest.raises(demo.DemoStoryError, match=r"undated\.md: a published story needs"):
        demo.stories(tmp_path)
    (tmp_path / "undated.md").write_text(f"---\n{fields}published: 2026-04-14 17:00\n---\nBody.\n")
    assert demo.stories(tmp_path)[0].published == datetime(2026, 4, 14, 17, 0, tzinfo=UTC)
