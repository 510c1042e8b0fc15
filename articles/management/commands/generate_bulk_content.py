"""Fill the database with many realistic articles (and comments) fast, for load tests and the benchmark.

    python manage.py generate_bulk_content --articles 100000 --comments-per-article 10

Rows go in with bulk_create in batches, one transaction per batch, with progress printed as it goes. Expensive work
is done once and shared: a pool of Markdown bodies rendered once, a handful of photos drawn with Pillow and stored
with their renditions once, one unusable password for every commenter. Each run adds content; it never deletes.

The shape is meant to look like a real archive, not like uniform noise: the first category in nav order holds about
two thirds of the articles (so a category has a page 5,000 at 100,000 articles), tags follow a long tail, most
articles have a photo and one or two authors, a few are drafts or scheduled, and publication times span five years.
The photos are library photos (tagged "generated"), each the lead photo of many articles.
"""

import io
import math
import random
import secrets
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction
from django.utils import lorem_ipsum, timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw
from taggit.models import Tag, TaggedItem

from articles import caching, services
from articles.markdown import render_markdown
from articles.models import WORDS_READ_PER_MINUTE, Article, ArticleAuthor, Author, Category

CATEGORY_NAMES = [
    "World News", "Business", "Technology", "Science", "Health", "Environment",
    "Sports", "Entertainment", "Lifestyle", "Opinion", "News Analysis", "Blog",
]  # fmt: skip
# Lorem ipsum has under 200 words, all of them in every body, so every search would match everything. Each headline
# also names a topic; topics follow a long tail, so some searches find thousands of stories and most find a few.
TOPICS = [
    "election", "budget", "harbour", "railway", "vaccine", "drought", "wildfire", "earthquake", "summit", "treaty",
    "strike", "tariff", "startup", "satellite", "glacier", "reef", "vineyard", "orchestra", "marathon", "derby",
    "olympics", "referendum", "pension", "inflation", "mortgage", "refinery", "pipeline", "airport", "ferry",
    "bridge", "tunnel", "stadium", "museum", "library", "hospital", "clinic", "university", "curriculum",
    "scholarship", "festival", "premiere", "exhibition", "auction", "merger", "lawsuit", "verdict", "parliament",
    "senate", "coalition", "ministry", "embassy", "ceasefire", "refugee", "border", "customs", "heatwave", "flood",
    "typhoon", "monsoon", "harvest", "fishery", "forestry", "mining", "copper", "lithium", "battery", "reactor",
    "turbine", "solar", "hydrogen", "tramway", "motorway", "cycling", "ballet", "opera", "cinema", "novelist",
    "painter", "architect", "chef", "bakery", "brewery", "vintage", "telescope", "asteroid", "genome", "antibiotic",
    "surgery", "nutrition", "insomnia", "pandemic", "quarantine", "robotics", "semiconductor", "smartphone",
    "broadband", "encryption", "chatbot", "blockchain", "payroll", "layoffs", "dividend", "bond", "currency",
]  # fmt: skip
BIGGEST_CATEGORY_SHARE = 0.66
BODY_POOL_SIZE = 40
COMMENT_POOL_SIZE = 500
PHOTO_SHARE = 0.8
TAG_POOL_SIZE = 400
ARCHIVE_DAYS = 5 * 365
DRAFT_SHARE = 0.005
SCHEDULED_SHARE = 0.001


def copy_text(value) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


@dataclass
class Batch:
    """Rows planned in the main thread, inserted by a worker: the articles first, then what points at them."""

    articles: list
    links: list  # ArticleAuthor rows holding the unsaved articles; their ids are read at insert time
    tagged: list  # (article, tag) pairs: TaggedItem's object_id is a plain integer, known only once inserted
    comments: list  # (article, user id, index in the comment pool, created_at)


class Command(BaseCommand):
    help = "Add N generated articles (and M comments each) in bulk, for load tests and the benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="How many articles to add.")
        parser.add_argument("--comments-per-article", type=int, default=0, help="Approved comments per article.")
        parser.add_argument("--users", type=int, default=1000, help="How many commenter accounts to spread them over.")
        parser.add_argument("--batch-size", type=int, default=2000, help="Articles per batch and transaction.")
        parser.add_argument(
            "--workers",
            type=int,
            help="Threads inserting batches while the next ones are planned (default: 2 on PostgreSQL, else 0).",
        )
        parser.add_argument("--photos", type=int, default=8, help="How many shared photos to draw.")
        parser.add_argument("--seed", type=int, default=5, help="Random seed, for repeatable data.")
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, articles, comments_per_article, users, batch_size, workers, photos, seed, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError("generate_bulk_content fills the database with fake content; use DEBUG=1 or --force.")
        if articles < 1 or comments_per_article < 0 or users < 1 or batch_size < 1:
            raise CommandError("--articles, --users and --batch-size must be positive, --comments-per-article >= 0.")
        comment_model = self.find_comment_model() if comments_per_article else None
        if comments_per_article and comment_model is None:
            raise CommandError("There is no comments.Comment model yet; run with --comments-per-article 0.")
        if workers is None:
            workers = 2 if connection.vendor == "postgresql" else 0
        if connection.in_atomic_block:
            workers = 0  # inside a test's transaction, other threads would neither see its rows nor be rolled back

        self.rng = random.Random(seed)
        random.seed(seed)  # django.utils.lorem_ipsum draws from the module-level generator
        self.run = secrets.token_hex(3)  # keeps slugs unique across runs
        self.topic_weights = [1 / (k + 1) for k in range(len(TOPICS))]
        self.comments_per_article = comments_per_article
        self.owed = 0
        started = time.monotonic()
        self.category_pool, self.category_weights = self.categories()
        self.author_pool = self.authors(max(20, articles // 500))
        self.tag_pool = self.tags()
        self.tag_weights = [1 / (k + 1) for k in range(len(self.tag_pool))]  # a long tail of tags
        self.photo_pool = self.photos(photos)
        self.body_pool = self.bodies()
        self.comment_model = comment_model
        self.commenters = self.users(users) if comment_model else []
        self.comment_pool = self.comment_bodies() if comment_model else []
        self.article_type = ContentType.objects.get_for_model(Article)
        self.now = timezone.now()
        self.stdout.write(f"Prepared pools in {time.monotonic() - started:.1f} s; inserting with {workers} workers.")

        step = timedelta(days=ARCHIVE_DAYS) / articles
        plans = (
            self.plan(range(first, min(first + batch_size, articles)), step) for first in range(0, articles, batch_size)
        )
        made = comments_made = 0
        for batch in self.insert_all(plans, workers):
            made += len(batch.articles)
            comments_made += len(batch.comments)
            elapsed = time.monotonic() - started
            self.stdout.write(f"  {made:,}/{articles:,} articles, {comments_made:,} comments ({elapsed:.1f} s)")

        caching.invalidate("nav", schedule=True)  # bulk_create sends no signal: every page
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            vacuum_started = time.monotonic()
            self.vacuum(comment_model)
            self.stdout.write(f"VACUUM ANALYZE done ({time.monotonic() - vacuum_started:.1f} s)")
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {made:,} articles and {comments_made:,} comments in {time.monotonic() - started:.1f} s."
            )
        )

    def insert_all(self, plans, workers):
        """Insert the planned batches, yielding each when it is in. With workers, PostgreSQL works on earlier batches
        (on the other core) while this thread plans the next ones; at most `workers` batches wait in memory."""
        if not workers:
            for batch in plans:
                self.insert(batch)
                yield batch
            return
        with ThreadPoolExecutor(max_workers=workers) as pool:
            pending = deque()
            for batch in plans:
                pending.append(pool.submit(self.insert_in_thread, batch))
                while len(pending) > workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def insert_in_thread(self, batch):
        try:
            self.insert(batch)
        finally:
            connections.close_all()  # this thread's own connection
        return batch

    def insert(self, batch):
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    # Bodies are long enough to be compressed; lz4 does it several times faster than the default pglz.
                    cursor.execute("SET LOCAL default_toast_compression = 'lz4'")
            Article.objects.bulk_create(batch.articles)
            ArticleAuthor.objects.bulk_create(batch.links)
            TaggedItem.objects.bulk_create(
                TaggedItem(tag=tag, content_type=self.article_type, object_id=article.pk)
                for article, tag in batch.tagged
            )
            if batch.comments and self.can_copy():
                self.copy_comments(batch.comments)
            elif batch.comments:
                self.comment_model.objects.bulk_create(
                    (
                        self.comment_model(
                            article=article,
                            user_id=user_id,
                            body=self.comment_pool[body][0],
                            body_html=self.comment_pool[body][1],
                            status="approved",
                            created_at=created_at,
                        )
                        for article, user_id, body, created_at in batch.comments
                    ),
                    batch_size=5000,
                )

    @staticmethod
    def can_copy():
        with connection.cursor() as cursor:
            return hasattr(cursor.cursor, "copy_expert")  # psycopg2 on PostgreSQL

    def copy_comments(self, comments):
        """COPY instead of bulk_create for the biggest table: building and compiling a million model instances costs
        about a minute of Python, COPY a few seconds. Columns we do not set get their field's default."""
        planned = ["article_id", "user_id", "body", "body_html", "status", "created_at"]
        fields = [f for f in self.comment_model._meta.concrete_fields if not f.primary_key and f.attname not in planned]
        defaults = "".join(
            "\t" + copy_text(field.get_db_prep_save(field.get_default(), connection)) for field in fields
        )
        pool = [(copy_text(text), copy_text(html)) for text, html in self.comment_pool]
        rows = io.StringIO()
        for article, user_id, body, created_at in comments:
            text, html = pool[body]
            rows.write(f"{article.pk}\t{user_id}\t{text}\t{html}\tapproved\t{created_at.isoformat()}{defaults}\n")
        rows.seek(0)
        columns = ", ".join(connection.ops.quote_name(name) for name in [*planned, *(f.column for f in fields)])
        table = connection.ops.quote_name(self.comment_model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN", rows)

    @staticmethod
    def find_comment_model():
        try:
            return apps.get_model("comments", "Comment")
        except LookupError:
            return None

    def categories(self):
        if not Category.objects.exists():
            Category.objects.bulk_create(
                Category(name=name, slug=slugify(name), nav_position=(position + 1) * 10)
                for position, name in enumerate(CATEGORY_NAMES)
            )
        categories = list(Category.objects.order_by("nav_position", "name"))
        rest = (1 - BIGGEST_CATEGORY_SHARE) / max(1, len(categories) - 1)
        return categories, [BIGGEST_CATEGORY_SHARE] + [rest] * (len(categories) - 1)

    def authors(self, count):
        return Author.objects.bulk_create(
            Author(
                name=f"{lorem_ipsum.words(2, common=False).title()}",
                slug=f"bulk-{self.run}-author-{n}",
                bio=lorem_ipsum.sentence(),
            )
            for n in range(count)
        )

    def tags(self):
        words = list(lorem_ipsum.WORDS)
        names = set()
        while len(names) < TAG_POOL_SIZE:
            names.add(" ".join(self.rng.sample(words, self.rng.choice((1, 2)))))
        names = sorted(names)
        Tag.objects.bulk_create([Tag(name=name, slug=slugify(name)) for name in names], ignore_conflicts=True)
        tags = list(Tag.objects.filter(name__in=names))
        self.rng.shuffle(tags)
        return tags

    def photos(self, count):
        """A few library photos with their renditions, each the lead photo of many articles."""
        stored = []
        for n in range(count):
            image = Image.new("RGB", (1600, 1067), tuple(self.rng.randrange(40, 200) for _ in range(3)))
            draw = ImageDraw.Draw(image)
            for _ in range(12):
                x, y, size = self.rng.randrange(1600), self.rng.randrange(1067), self.rng.randrange(80, 400)
                draw.ellipse([x, y, x + size, y + size], fill=tuple(self.rng.randrange(256) for _ in range(3)))
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=85)
            upload = SimpleUploadedFile(f"bulk-{n}.jpg", buffer.getvalue(), content_type="image/jpeg")
            stored.append(
                services.create_photo(
                    stored=services.store_photo_upload(upload=upload),
                    alt="A generated illustration of coloured circles",
                    caption=lorem_ipsum.words(8, common=False).capitalize(),
                    credit="Newsblog",
                    tags=["generated"],
                )
            )
        return stored

    def bodies(self):
        pool = []
        for _ in range(BODY_POOL_SIZE):
            paragraphs = lorem_ipsum.paragraphs(self.rng.randrange(5, 12), common=False)
            heading = f"## {lorem_ipsum.words(4, common=False).capitalize()}"
            body = "\n\n".join([*paragraphs[:3], heading, *paragraphs[3:]])
            words = len(body.split())
            pool.append((body, render_markdown(body), max(1, math.ceil(words / WORDS_READ_PER_MINUTE))))
        return pool

    def users(self, count):
        password = make_password(None)  # unusable: nobody can log in as a generated commenter
        user_model = get_user_model()
        return user_model.objects.bulk_create(
            user_model(username=f"bulk-{self.run}-reader-{n}", email=f"reader{n}@bulk.invalid", password=password)
            for n in range(count)
        )

    def plan(self, numbers, step):
        rng = self.rng
        batch = Batch([], [], [], [])
        for n in numbers:
            article = self.article(n, self.now - step * n)
            batch.articles.append(article)
            for position, author in enumerate(rng.sample(self.author_pool, rng.choice((1, 1, 1, 2)))):
                batch.links.append(ArticleAuthor(article=article, author=author, position=position))
            for tag in {*rng.choices(self.tag_pool, self.tag_weights, k=rng.randrange(1, 5))}:
                batch.tagged.append((article, tag))
            # Comments of drafts and scheduled articles go to the next published one, so the total is exact.
            self.owed += self.comments_per_article
            if self.comment_model and article.published_at is not None and article.published_at <= self.now:
                for _ in range(self.owed):
                    batch.comments.append(
                        (
                            article,
                            rng.choice(self.commenters).pk,
                            rng.randrange(len(self.comment_pool)),
                            min(self.now, article.published_at + timedelta(minutes=rng.randrange(1, 4000))),
                        )
                    )
                self.owed = 0
        return batch

    def article(self, n, published_at):
        rng = self.rng
        topic = rng.choices(TOPICS, self.topic_weights)[0]
        headline = f"{topic.capitalize()} {lorem_ipsum.words(rng.randrange(5, 11), common=False)}"
        body, body_html, reading_time = rng.choice(self.body_pool)
        roll = rng.random()
        if roll < DRAFT_SHARE:
            status, published_at = Article.Status.DRAFT, None
        elif roll < DRAFT_SHARE + SCHEDULED_SHARE:
            status, published_at = Article.Status.PUBLISHED, self.now + timedelta(hours=rng.randrange(1, 720))
        else:
            status = Article.Status.PUBLISHED
        photo = rng.choice(self.photo_pool) if rng.random() < PHOTO_SHARE else None
        return Article(
            headline=headline,
            slug=f"{slugify(headline)[:150]}-{self.run}-{n}",
            standfirst=lorem_ipsum.sentence()[:400],
            body=body,
            body_html=body_html,
            reading_time=reading_time,
            photo=photo,
            category=rng.choices(self.category_pool, self.category_weights)[0],
            status=status,
            published_at=published_at,
            featured=rng.random() < 0.01,
        )

    def comment_bodies(self):
        """Comment texts with their HTML made once (Comment.save is skipped by bulk_create)."""
        bodies = []
        for _ in range(COMMENT_POOL_SIZE):
            body = "\n\n".join(lorem_ipsum.sentence() for _ in range(self.rng.randrange(1, 4)))
            bodies.append((body, self.comment_model.render(body)))
        return bodies

    def vacuum(self, comment_model):
        """Fresh statistics and visibility maps, so the planner picks the indexes and index-only scans at once."""
        models = [Article, ArticleAuthor, Author, Category, Tag, TaggedItem, get_user_model()]
        if comment_model:
            models.append(comment_model)
        with connection.cursor() as cursor:
            for model in models:
                cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
