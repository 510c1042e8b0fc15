"""Load newsblog's demo content: categories in nav order, authors, articles with generated photos, demo logins.

Idempotent: rows are matched by slug or username and updated, photos are only drawn when an article has none.
"""

import hashlib
import io
import random
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFilter

from articles import demo_content, services
from articles.models import Article, ArticleAuthor, Author, Category
from articles.roles import AUTHORS, EDITORS

CATEGORIES = [
    ("Blog", "Notes and first-person pieces from our newsroom."),
    ("Business", "Companies, markets, jobs and the economy."),
    ("Entertainment", "Film, music, television and the people who make them."),
    ("Environment", "Climate, nature, energy and the places we live."),
    ("Health", "Medicine, public health and living well."),
    ("Lifestyle", "Food, travel, family and everyday life."),
    ("News Analysis", "The background and the stakes behind the headlines."),
    ("Opinion", "Arguments from our columnists and guest writers."),
    ("Science", "Discoveries, research and how we know what we know."),
    ("Sports", "Results, transfers and the stories behind the games."),
    ("Technology", "Software, devices and the companies that build them."),
    ("World News", "Diplomacy, conflict and politics around the globe."),
]

# Local demo logins; printed by `make run`. These passwords are published, so with DEBUG off (only with --force)
# each login gets a random password instead, printed once.
DEMO_USERS = [
    {"username": "editor", "password": "editor-demo-pass", "is_staff": True, "is_superuser": True, "group": EDITORS},
    {"username": "author", "password": "author-demo-pass", "is_staff": True, "is_superuser": False, "group": AUTHORS},
    {"username": "reader", "password": "reader-demo-pass", "is_staff": False, "is_superuser": False, "group": None},
]
DEMO_AUTHOR_LOGIN = {"author": "leyla-arslan"}  # username -> demo_content author slug taken over by that login

PHOTO_SIZE = (1600, 1067)


def draw_photo(seed: str) -> bytes:
    """A varied, non-blank JPEG drawn from the seed: a sky gradient, a horizon and a few shapes."""
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    width, height = PHOTO_SIZE
    top = tuple(rng.randrange(40, 220) for _ in range(3))
    bottom = tuple(rng.randrange(20, 200) for _ in range(3))
    image = Image.new("RGB", PHOTO_SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)))
    horizon = rng.randrange(height // 2, height * 4 // 5)
    ground = tuple(rng.randrange(20, 120) for _ in range(3))
    points = [(0, horizon)]
    for x in range(0, width + 100, 100):
        points.append((x, horizon + rng.randrange(-60, 60)))
    points += [(width, height), (0, height)]
    draw.polygon(points, fill=ground)
    for _ in range(rng.randrange(4, 9)):
        x, y = rng.randrange(width), rng.randrange(height)
        size = rng.randrange(60, 260)
        color = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse([x, y, x + size, y + size], fill=color)
        else:
            draw.rectangle([x, y, x + size // 2, y + size * 2], fill=color)
    image = image.filter(ImageFilter.GaussianBlur(2))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Create or update the demo categories, authors, articles and local demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (the demo logins get random passwords)."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_demo creates demo logins; it runs with DEBUG on, or with --force.")
        passwords = {
            spec["username"]: spec["password"] if settings.DEBUG else secrets.token_urlsafe(18) for spec in DEMO_USERS
        }
        with transaction.atomic():
            categories = self.seed_categories()
            users = self.seed_users(passwords)
            authors = self.seed_authors(users)
            counts = self.seed_articles(categories, authors, users["editor"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(categories)} categories, {len(authors)} authors, "
                f"{counts['published']} published, {counts['draft']} drafts, {counts['scheduled']} scheduled."
            )
        )
        if not settings.DEBUG:
            self.stdout.write("Random passwords, shown only now:")
        for username, password in passwords.items():
            self.stdout.write(f"  login: {username} / {password}")

    def seed_categories(self):
        categories = {}
        for position, (name, description) in enumerate(CATEGORIES, start=1):
            categories[name], _ = Category.objects.update_or_create(
                slug=slugify(name), defaults={"name": name, "description": description, "nav_position": position * 10}
            )
        return categories

    def seed_users(self, passwords):
        users = {}
        for spec in DEMO_USERS:
            user, _ = get_user_model().objects.update_or_create(
                username=spec["username"],
                defaults={
                    "email": f"{spec['username']}@newsblog.localhost",
                    "is_staff": spec["is_staff"],
                    "is_superuser": spec["is_superuser"],
                },
            )
            user.set_password(passwords[spec["username"]])
            user.save(update_fields=["password"])
            if spec["group"]:
                user.groups.add(Group.objects.get(name=spec["group"]))
            users[spec["username"]] = user
        return users

    def seed_authors(self, users):
        login_for = {slug: users[username] for username, slug in DEMO_AUTHOR_LOGIN.items()}
        authors = {}
        for spec in demo_content.AUTHORS:
            authors[spec["slug"]], _ = Author.objects.update_or_create(
                slug=spec["slug"],
                defaults={"name": spec["name"], "bio": spec["bio"], "user": login_for.get(spec["slug"])},
            )
        return authors

    def seed_articles(self, categories, authors, editor):
        now = timezone.now()
        counts = {"published": 0, "draft": 0, "scheduled": 0}
        for spec in demo_content.ARTICLES:
            status = spec["status"]
            counts[status] += 1
            if status == "scheduled":
                published_at = now + timedelta(days=2)
            elif status == "published":
                published_at = now - timedelta(hours=spec["hours_ago"])
            else:
                published_at = None
            article, _ = Article.objects.update_or_create(
                slug=spec["slug"],
                defaults={
                    "headline": spec["headline"],
                    "standfirst": spec["standfirst"],
                    "body": spec["body"],
                    "category": categories[spec["category"]],
                    "status": Article.Status.DRAFT if status == "draft" else Article.Status.PUBLISHED,
                    "published_at": published_at,
                    "featured": spec["featured"],
                    "comments_open": spec["comments_open"],
                    "created_by": editor,
                },
            )
            if article.photo is None or not article.photo.renditions:
                # The same path as an upload in the admin: cleaned, re-encoded, renditions made, into the library.
                photo = ContentFile(draw_photo(spec["slug"]), name=f"{spec['slug']}.jpg")
                services.replace_article_photo(
                    article=article,
                    upload=photo,
                    alt=spec["alt"],
                    caption=spec["caption"],
                    credit=spec["credit"],
                    uploaded_by=editor,
                )
            else:
                photo = article.photo
                photo.alt, photo.caption, photo.credit = spec["alt"], spec["caption"], spec["credit"]
                photo.save(update_fields=["alt", "caption", "credit"])
            for position, slug in enumerate(spec["authors"]):
                ArticleAuthor.objects.update_or_create(
                    article=article, author=authors[slug], defaults={"position": position}
                )
            article.tags.set(spec["tags"])
        return counts
