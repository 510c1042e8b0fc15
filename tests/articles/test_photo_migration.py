"""Migration 0006: every article photo becomes a library Photo, and nothing a reader sees changes.

Run on a copy of demo-like data at the schema before the library: the demo stories' alt texts, captions and credits,
plus what generate_bulk_content makes (one file shared by several stories with different captions), a story with
no photo and a photo stored before renditions existed.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from PIL import Image

from articles import demo, illustrations

BEFORE = [("articles", "0005_article_search_title")]
AFTER = [("articles", "0006_photo_library")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def stored_jpeg(name: str) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (90, 40, 20)).save(buffer, "JPEG")
    return default_storage.save(name, ContentFile(buffer.getvalue()))


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def make_old_articles(apps) -> list[dict]:
    """Demo-like rows through the old schema; returns what each should print afterwards."""
    Article, Category = apps.get_model("articles", "Article"), apps.get_model("articles", "Category")
    category = Category.objects.create(name="World", slug="world")
    specs = []
    demo_words = [
        {
            "slug": story.slug,
            "alt": illustrations.describe(illustrations.plan(story.slug)),
            "caption": f"An illustration for “{story.headline}”.",
            "credit": "Newsblog demo art",
        }
        for story in demo.stories()[:8]
    ]
    for n, spec in enumerate(demo_words):
        name = stored_jpeg(f"photos/2026/05/{spec['slug']}.jpg")
        rendition = stored_jpeg(f"photos/2026/05/{spec['slug']}-480w.jpeg")
        renditions = {"jpeg": [{"name": rendition, "width": 480, "height": 320}]} if n % 2 else {}
        specs.append({"slug": spec["slug"], "photo": name, "renditions": renditions, **_words(spec)})
    shared = stored_jpeg("photos/2026/05/bulk-0.jpg")
    for n in range(3):
        words = {"alt": "A generated illustration", "caption": f"Bulk caption {n}", "credit": "Newsblog"}
        specs.append({"slug": f"bulk-{n}", "photo": shared, "renditions": {}, **words})
    specs.append({"slug": "no-photo", "photo": "", "renditions": {}, "alt": "", "caption": "", "credit": ""})
    for spec in specs:
        Article.objects.create(
            headline=spec["slug"],
            slug=spec["slug"],
            standfirst="A standfirst.",
            body="A body.",
            category=category,
            status="published",
            published_at=timezone.now(),
            photo=spec["photo"],
            photo_width=600 if spec["photo"] else None,
            photo_height=400 if spec["photo"] else None,
            photo_renditions=spec["renditions"],
            photo_alt=spec["alt"],
            photo_caption=spec["caption"],
            photo_credit=spec["credit"],
        )
    return specs


def _words(spec) -> dict:
    return {"alt": spec["alt"], "caption": spec["caption"], "credit": spec["credit"]}


def test_every_photo_caption_and_credit_survives_the_move_to_the_library(old_apps):
    expected = make_old_articles(old_apps)
    files_before = {spec["photo"] for spec in expected if spec["photo"]}

    apps = migrate(AFTER)
    Article, Photo = apps.get_model("articles", "Article"), apps.get_model("articles", "Photo")
    for spec in expected:
        article = Article.objects.select_related("photo").get(slug=spec["slug"])
        photo = article.photo
        if not spec["photo"]:
            assert photo is None
            continue
        shown = {
            "alt": article.photo_alt_override or photo.alt,
            "caption": article.photo_caption_override or photo.caption,
            "credit": photo.credit,
        }
        assert shown == _words(spec), spec["slug"]
        assert (photo.file.name, photo.renditions, photo.width, photo.height) == (
            spec["photo"],
            spec["renditions"],
            600,
            400,
        )
    # One library photo per file: the bulk stories share theirs, each keeping its own caption as an override.
    assert Photo.objects.count() == len(files_before)
    assert all(default_storage.exists(name) for name in files_before)

    # And back: the old columns hold the same words again.
    apps = migrate(BEFORE)
    Article = apps.get_model("articles", "Article")
    for spec in expected:
        article = Article.objects.get(slug=spec["slug"])
        back = {"alt": article.photo_alt, "caption": article.photo_caption, "credit": article.photo_credit}
        assert back == _words(spec) and article.photo.name == spec["photo"], spec["slug"]
