#!/usr/bin/env python3
"""What an article's discussion costs its page: few comments against thousands, the first page of threads against the
last (issue 14: 5,000 comments made a logged-in view cost 136 ms against 15 ms with few).

    .venv/bin/python scripts/bench_discussion.py                      # 5,000 comments, on PostgreSQL
    .venv/bin/python scripts/bench_discussion.py --comments 20000 --requests 100

Production settings (DEBUG off) with the page cache off, so that every request renders; requests go through Django's
test client in this process, anonymous and logged in. The data (two articles, their comments, one reader) goes into a
database of its own, made once and reused. Prints the median and 90th percentile per request and the queries each
request runs. Nothing is asserted about timing.
"""

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from pgtools import ensure_database

ROOT = Path(__file__).resolve().parent.parent


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=5000, help="comments on the busy article")
    parser.add_argument("--few", type=int, default=10, help="comments on the quiet article")
    parser.add_argument("--reply-share", type=float, default=0.1, help="share of the comments that are replies")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/newsblog_bench_discussion")
    return parser.parse_args()


def setup_django(args):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsblog.settings",
        DATABASE_URL=args.database_url,
        DEBUG="0",
        HTTPS_ONLY="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        PAGE_CACHE_SECONDS="0",
        READS_FLUSH_SECONDS="3600",  # read counters are written every few seconds in production, not per request
        LOG_LEVEL="WARNING",
        PAGE_STATE_DIR=tempfile.mkdtemp(prefix="bench-discussion-"),
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off serves hashed names


def discussed_article(slug: str, *, comments: int, reply_share: float, readers: list):
    """The published article at `slug` with `comments` approved comments (threads and replies to them), made once."""
    from django.utils import timezone

    from articles.models import Article, Category
    from comments.models import Comment

    article = Article.objects.filter(slug=slug).first()
    if article is not None and Comment.objects.filter(article=article).count() == comments:  # made by an earlier run
        return article
    Article.objects.filter(slug=slug).delete()
    category, _ = Category.objects.get_or_create(slug="bench", defaults={"name": "Bench"})
    article = Article.objects.create(
        headline=f"An article with {comments:,} comments",
        slug=slug,
        standfirst="How the discussion weighs on its page.",
        body="Some text.\n\nAnd a second paragraph.",
        category=category,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )
    replies = int(comments * reply_share)
    start = timezone.now() - timedelta(hours=12)

    def comment(n, **fields):
        text = f"Comment {n}: a reader's view, written for the benchmark."
        return Comment(
            article=article,
            user=readers[n % len(readers)],
            body=text,
            body_html=Comment.render(text),
            status=Comment.Status.APPROVED,
            created_at=start + timedelta(seconds=n),
            **fields,
        )

    threads = Comment.objects.bulk_create(comment(n) for n in range(comments - replies))
    # Replies spread evenly over the threads, so that every page draws as many comments. bulk_create skips save(),
    # which records each reply's thread: given here.
    answered = threads[:: max(1, len(threads) // replies)][:replies] if replies else []
    Comment.objects.bulk_create(
        comment(len(threads) + n, parent=thread, thread_root=thread) for n, thread in enumerate(answered)
    )
    return article


def measure(client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(5):
        client.get(url)  # warm: templates compiled, connection open
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)  # now: the next request empties the connection's query log
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=10)[-1], queries


def main():
    args = parse_args()
    ensure_database(args.database_url)
    setup_django(args)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    users = get_user_model().objects
    readers = [users.get_or_create(username=f"bench-reader-{n}")[0] for n in range(50)]
    few = discussed_article("bench-few-comments", comments=args.few, reply_share=0, readers=readers)
    many = discussed_article(
        "bench-many-comments", comments=args.comments, reply_share=args.reply_share, readers=readers
    )
    threads = args.comments - int(args.comments * args.reply_share)
    last = max(1, -(-threads // settings.COMMENTS_PER_PAGE))
    pages = [
        (f"{args.few} comments", few.get_absolute_url()),
        (f"{args.comments:,} comments, page 1", many.get_absolute_url()),
        (f"{args.comments:,} comments, page {last // 2}", f"{many.get_absolute_url()}?page={last // 2}"),
        (f"{args.comments:,} comments, page {last} (last)", f"{many.get_absolute_url()}?page={last}"),
    ]
    anonymous, reader = Client(), Client()
    reader.force_login(readers[0])
    print(f"{settings.DATABASES['default']['ENGINE']}, {settings.COMMENTS_PER_PAGE} threads a page, page cache off")
    print(f"{'page':<32} {'viewer':<10} {'median ms':>10} {'p90 ms':>8} {'queries':>8}")
    for label, url in pages:
        for viewer, client in (("anonymous", anonymous), ("logged in", reader)):
            median, p90, queries = measure(client, url, args.requests)
            print(f"{label:<32} {viewer:<10} {median:>10.1f} {p90:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
