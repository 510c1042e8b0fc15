"""Load newsblog's demo content: categories in nav order, authors, the stories in articles/demo/*.md with drawn
illustrations, the About, Contact, Privacy and Corrections pages, and demo logins.

Idempotent: rows are matched by slug, URL or username and updated; pictures are only drawn when a story has none.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import demo, illustrations, services
from articles.markdown import render_markdown
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
DEMO_AUTHOR_LOGIN = {"author": "leyla-arslan"}  # username -> demo author slug taken over by that login

AUTHORS = [
    {
        "name": "Leyla Arslan",
        "slug": "leyla-arslan",
        "bio": (
            "Leyla Arslan is Newsblog's foreign affairs correspondent, based in Ankara. She covers diplomacy, "
            "elections and regional politics from the eastern Mediterranean to Central Asia."
        ),
    },
    {
        "name": "Marcus Whitfield",
        "slug": "marcus-whitfield",
        "bio": (
            "Marcus Whitfield is Newsblog's business editor, writing about markets, trade and the economics of "
            "everyday life. He previously covered shipping and logistics for a trade journal."
        ),
    },
    {
        "name": "Priya Raman",
        "slug": "priya-raman",
        "bio": (
            "Priya Raman reports on science and health, with a particular interest in public health research and "
            "how studies are designed."
        ),
    },
    {
        "name": "Tomas Novak",
        "slug": "tomas-novak",
        "bio": (
            "Tomas Novak covers sport, culture and lifestyle. He has reported from football grounds, film "
            "festivals and food markets across Europe."
        ),
    },
    {
        "name": "Elena Duarte",
        "slug": "elena-duarte",
        "bio": (
            "Elena Duarte writes about the environment, technology and cities from Lisbon. She focuses on how "
            "climate adaptation and new technology change daily life."
        ),
    },
]

# The pictures are drawn, not photographed: the caption says so, and the alt text describes the drawing.
ILLUSTRATION_CAPTION = "An abstract illustration drawn for this demo story; it does not show the events described."
ILLUSTRATION_CREDIT = "Newsblog demo art"


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
            page_count = self.seed_pages()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(categories)} categories, {len(authors)} authors, "
                f"{counts['published']} published, {counts['draft']} drafts, {counts['scheduled']} scheduled, "
                f"{page_count} pages."
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
        for spec in AUTHORS:
            authors[spec["slug"]], _ = Author.objects.update_or_create(
                slug=spec["slug"],
                defaults={"name": spec["name"], "bio": spec["bio"], "user": login_for.get(spec["slug"])},
            )
        return authors

    def seed_articles(self, categories, authors, editor):
        now = timezone.now()
        counts = {"published": 0, "draft": 0, "scheduled": 0}
        for story in demo.stories():
            counts[story.status] += 1
            published_at = {"published": story.published, "scheduled": now + timedelta(days=2)}.get(story.status)
            picture = illustrations.plan(story.slug)
            article, _ = Article.objects.update_or_create(
                slug=story.slug,
                defaults={
                    "headline": story.headline,
                    "standfirst": story.standfirst,
                    "body": story.body,
                    "category": categories[story.category],
                    "status": Article.Status.DRAFT if story.status == "draft" else Article.Status.PUBLISHED,
                    "published_at": published_at,
                    "featured": story.featured,
                    "comments_open": story.comments_open,
                    "created_by": editor,
                },
            )
            alt = illustrations.describe(picture)
            if article.photo is None or not article.photo.renditions:
                # The same path as an upload in the admin: cleaned, re-encoded, renditions made, into the library.
                photo = ContentFile(illustrations.draw(picture), name=f"{story.slug}.jpg")
                services.replace_article_photo(
                    article=article,
                    upload=photo,
                    alt=alt,
                    caption=ILLUSTRATION_CAPTION,
                    credit=ILLUSTRATION_CREDIT,
                    uploaded_by=editor,
                )
            else:
                photo = article.photo
                photo.alt, photo.caption, photo.credit = alt, ILLUSTRATION_CAPTION, ILLUSTRATION_CREDIT
                photo.save(update_fields=["alt", "caption", "credit"])
            for position, slug in enumerate(story.authors):
                ArticleAuthor.objects.update_or_create(
                    article=article, author=authors[slug], defaults={"position": position}
                )
            article.tags.set(story.tags)
            # Nothing was revised after publication: the page shows no "Updated" for a story seeded later.
            if published_at:
                Article.objects.filter(pk=article.pk).update(updated_at=published_at)
        return counts

    def seed_pages(self):
        """About, Contact, Privacy and Corrections: flatpages on this site, editable in the admin. Their Markdown
        goes through the same sanitizer as article bodies."""
        site = Site.objects.get_current()
        found = demo.pages()
        for spec in found:
            page, _ = FlatPage.objects.update_or_create(
                url=spec.url, defaults={"title": spec.title, "content": render_markdown(spec.body)}
            )
            page.sites.add(site)
        return len(found)
