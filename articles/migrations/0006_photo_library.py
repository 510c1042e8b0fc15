"""The photo library: each article's photo becomes a library Photo that the article points at.

Every stored file stays where it is, with its renditions: one Photo per distinct file and credit (generate_bulk_content
shares a few files between many articles), carrying the alt text and caption of the first article that used it. An
article whose alt text or caption differs from its photo's keeps its own as this story's override, so every page prints
the same caption and credit as before.
"""

import django.db.models.deletion
import django.utils.timezone
import taggit.managers
from django.conf import settings
from django.db import migrations, models

import articles.models


def articles_to_photos(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Photo = apps.get_model("articles", "Photo")
    photos = {}
    for article in Article.objects.exclude(photo="").exclude(photo__isnull=True).order_by("pk").iterator():
        key = (article.photo.name, article.photo_credit)
        photo = photos.get(key)
        if photo is None:
            photo = photos[key] = Photo.objects.create(
                file=article.photo.name,
                width=article.photo_width,
                height=article.photo_height,
                renditions=article.photo_renditions or {},
                alt=article.photo_alt,
                caption=article.photo_caption,
                credit=article.photo_credit,
                uploaded_by_id=article.created_by_id,
                uploaded_at=article.created_at,
            )
        article.library_photo = photo
        # Only what differs from the library photo stays on the article, as this story's own words.
        article.photo_alt = "" if article.photo_alt == photo.alt else article.photo_alt
        article.photo_caption = "" if article.photo_caption == photo.caption else article.photo_caption
        article.save(update_fields=["library_photo", "photo_alt", "photo_caption"])
    _check_constraints_now(schema_editor)


def photos_to_articles(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.exclude(library_photo=None).select_related("library_photo").iterator():
        photo = article.library_photo
        article.photo = photo.file.name
        article.photo_width, article.photo_height = photo.width, photo.height
        article.photo_renditions = photo.renditions
        article.photo_alt = article.photo_alt or photo.alt
        article.photo_caption = article.photo_caption or photo.caption
        article.photo_credit = photo.credit
        article.save()
    _check_constraints_now(schema_editor)


def _check_constraints_now(schema_editor):
    # PostgreSQL refuses to ALTER a table with deferred foreign-key checks still pending in the transaction.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_article_search_title"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Photo",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("file", models.ImageField(height_field="height", upload_to="photos/%Y/%m/", width_field="width")),
                ("width", models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ("height", models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ("renditions", models.JSONField(blank=True, default=dict, editable=False)),
                (
                    "crops",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        editable=False,
                        help_text="Renditions cropped around the focal point, by shape.",
                    ),
                ),
                (
                    "alt",
                    models.CharField(
                        help_text="What the photo shows, for readers who cannot see it. A story may use its own instead.",
                        max_length=250,
                        verbose_name="alt text",
                    ),
                ),
                (
                    "caption",
                    models.CharField(
                        blank=True,
                        help_text="Who and what is pictured, where and when. The credit is added after it.",
                        max_length=400,
                    ),
                ),
                (
                    "credit",
                    models.CharField(
                        blank=True, help_text='Shown in parentheses after the caption, e.g. "AA Photo".', max_length=100
                    ),
                ),
                (
                    "focal_x",
                    models.FloatField(
                        default=0.5,
                        help_text="0 is the left edge, 1 the right. Cropped copies keep this point in the picture.",
                        validators=[articles.models.focal_coordinate],
                        verbose_name="focal point across",
                    ),
                ),
                (
                    "focal_y",
                    models.FloatField(
                        default=0.5,
                        help_text="0 is the top edge, 1 the bottom.",
                        validators=[articles.models.focal_coordinate],
                        verbose_name="focal point down",
                    ),
                ),
                ("uploaded_at", models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                (
                    "tags",
                    taggit.managers.TaggableManager(
                        blank=True,
                        help_text="Words to find the photo by in the library, separated by commas.",
                        through="taggit.TaggedItem",
                        to="taggit.Tag",
                        verbose_name="Tags",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-uploaded_at", "-id"],
                "indexes": [models.Index(fields=["-uploaded_at", "-id"], name="photo_uploaded_idx")],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="library_photo",
            field=models.ForeignKey(
                null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="articles.photo"
            ),
        ),
        migrations.RunPython(articles_to_photos, photos_to_articles, elidable=False),
        migrations.RemoveField(model_name="article", name="photo"),
        migrations.RemoveField(model_name="article", name="photo_width"),
        migrations.RemoveField(model_name="article", name="photo_height"),
        migrations.RemoveField(model_name="article", name="photo_credit"),
        migrations.RemoveField(model_name="article", name="photo_renditions"),
        migrations.RenameField(model_name="article", old_name="library_photo", new_name="photo"),
        migrations.AlterField(
            model_name="article",
            name="photo",
            field=models.ForeignKey(
                blank=True,
                help_text="The lead photo, from the photo library. Type to search by caption, credit or tag.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="articles",
                to="articles.photo",
            ),
        ),
        migrations.RenameField(model_name="article", old_name="photo_alt", new_name="photo_alt_override"),
        migrations.RenameField(model_name="article", old_name="photo_caption", new_name="photo_caption_override"),
        migrations.AlterField(
            model_name="article",
            name="photo_alt_override",
            field=models.CharField(
                blank=True,
                help_text="Leave empty to use the photo's own alt text. What the photo shows, for readers who cannot see it.",
                max_length=250,
                verbose_name="alt text for this story",
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="photo_caption_override",
            field=models.CharField(
                blank=True,
                help_text="Leave empty to use the photo's own caption. The photo's credit is always added after it.",
                max_length=400,
                verbose_name="caption for this story",
            ),
        ),
    ]
