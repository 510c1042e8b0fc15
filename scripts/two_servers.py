#!/usr/bin/env python3
"""Two app servers, one PostgreSQL, one Redis: what one server changes, the other serves on the very next request.

    .venv/bin/python scripts/two_servers.py            # PostgreSQL database newsblog_two_servers, Redis db 0

It starts two gunicorn instances (deploy/gunicorn.conf.py, DEBUG off, the same SECRET_KEY, REDIS_URL and
DATABASE_URL, as two machines behind a load balancer would have) and checks, printing each step:
1. a reader's second request to server B is answered from B's page cache;
2. an editor logs in through server A, and the same session cookie is logged in on server B;
3. the editor changes the article's headline through the admin on server A;
4. the reader's next request to server B shows the new headline, rendered afresh, not the cached copy;
5. a reader comments on that story through server A: on server B the story's next request shows the comment,
   rendered afresh, while another story's cached page (another section) is still served from the cache.
Exit status 0 when all hold. Everything runs on 127.0.0.1 and stops within a minute.
"""

import argparse
import http.cookiejar
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from html.parser import HTMLParser
from pathlib import Path

from pgtools import ensure_database

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
EDITOR, PASSWORD = "two-servers-editor", secrets.token_urlsafe(16)
COMMENTER = "two-servers-reader"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies shared across both servers, as a browser has for one site behind a load balancer."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, url, data=None, headers=None):
        request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310  http to our servers
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), None)


class FormReader(HTMLParser):
    """The fields of the form with the given id, as a browser would submit them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.fields, self.in_form, self.textarea, self.select = form_id, [], False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form or ("name" not in attrs and tag != "option"):
            return
        kind = attrs.get("type", "text").lower()
        if tag == "input" and kind not in {"submit", "button", "file", "image", "reset"}:
            if kind not in {"checkbox", "radio"} or "checked" in attrs:
                self.fields.append([attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
            self.fields.append(self.textarea)
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append([self.select, attrs.get("value", "")])

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.in_form:
            self.in_form = False


def multipart(fields):
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n' for name, value in fields
    ]
    return "".join([*parts, f"--{boundary}--\r\n"]).encode(), f"multipart/form-data; boundary={boundary}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(name, port, env):
    log = open(Path(env["TWO_SERVERS_DIR"]) / f"{name}.log", "w")  # noqa: SIM115  closed with the process
    process = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")],
        env=dict(env, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2"),
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5).close()  # noqa: S310  our own server
            return process, base
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None:
                raise SystemExit(f"server {name} exited; see {log.name}") from None
            time.sleep(0.3)
    raise SystemExit(f"server {name} did not start")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def check(ok, message):
    print(("PASS " if ok else "FAIL ") + message, flush=True)
    if not ok:
        raise SystemExit(1)


def headline_of(html):
    found = re.search(r'<h1 class="article__headline">(.*?)</h1>', html, re.S)
    return found.group(1).strip() if found else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/newsblog_two_servers")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()

    work = Path(ROOT / "bench-results" / "two-servers")
    work.mkdir(parents=True, exist_ok=True)
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        CACHE_KEY_PREFIX=f"two-servers-{os.getpid()}",  # nothing left over from another run
        SECRET_KEY=secrets.token_urlsafe(50),  # the same on both servers, as in production
        DEBUG="0",
        HTTPS_ONLY="0",
        ALLOWED_HOSTS="127.0.0.1",
        MEDIA_ROOT=str(work / "media"),
        LOG_LEVEL="WARNING",
        PAGE_CACHE_STATUS_HEADER="1",  # off in production; here it is what the checks read
        TWO_SERVERS_DIR=str(work),
    )
    prepare(args.database_url, env)
    servers = []
    try:
        (server_a, a), (server_b, b) = start("a", free_port(), env), start("b", free_port(), env)
        servers = [server_a, server_b]
        run_checks(a, b)
    finally:
        for process in servers:
            stop(process)


def prepare(database_url, env):
    """Create the database if needed, migrate, and make the editor and an article through Django itself."""
    ensure_database(database_url, log=lambda message: None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=env, cwd=ROOT, check=True)
    setup = f"""
from django.contrib.auth import get_user_model
from articles.models import Article, ArticleAuthor, Author, Category
user, _ = get_user_model().objects.get_or_create(username="{EDITOR}", defaults={{"is_staff": True}})
user.is_staff = user.is_superuser = True
user.set_password("{PASSWORD}")
user.save()
category, _ = Category.objects.get_or_create(slug="two-servers", defaults={{"name": "Two servers"}})
story, _ = Article.objects.update_or_create(slug="two-servers-story", defaults=dict(
    headline="The first headline", standfirst="A story edited on one server and read on another.",
    body="Text.", category=category, status="published", comments_open=True))
desk, _ = Author.objects.get_or_create(slug="two-servers-desk", defaults={{"name": "Two Servers Desk"}})
ArticleAuthor.objects.get_or_create(article=story, author=desk)  # publishing needs a byline
elsewhere, _ = Category.objects.get_or_create(slug="two-servers-elsewhere", defaults={{"name": "Elsewhere"}})
Article.objects.update_or_create(slug="two-servers-other", defaults=dict(
    headline="Another story", standfirst="Read, never commented on.", body="Text.", category=elsewhere,
    status="published"))
from comments.models import Comment
reader, _ = get_user_model().objects.get_or_create(username="{COMMENTER}")
reader.set_password("{PASSWORD}")
reader.save()
# An approved comment before: this reader's next comments appear without waiting for a moderator.
Comment.objects.get_or_create(article=story, user=reader, body="An earlier comment.", defaults={{"status": "approved"}})
"""
    subprocess.run([*manage, "shell", "-c", setup], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def run_checks(a, b):
    article = "/articles/two-servers-story/"
    reader = Browser()
    reader.request(b + article)
    status, headers, html = reader.request(b + article)
    check(status == 200 and headers.get("X-Page-Cache") == "hit", "server B answers a reader from its page cache")
    check(headline_of(html) == "The first headline", "server B shows the first headline")

    editor = Browser()
    status, _, html = editor.request(a + "/admin/login/")
    form = {"csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)}
    form.update(username=EDITOR, password=PASSWORD, next="/admin/")
    status, headers, _ = editor.request(a + "/admin/login/", urllib.parse.urlencode(form).encode())
    check(status == 302 and editor.cookie("sessionid"), "the editor logs in on server A")
    status, _, html = editor.request(b + "/admin/")
    check(status == 200 and EDITOR in html, "the same session is logged in on server B")

    status, _, html = editor.request(a + "/admin/articles/article/")
    change = re.search(r'href="(/admin/articles/article/\d+/change/)[^"]*"[^>]*>The first headline<', html).group(1)
    status, _, html = editor.request(a + change)
    reader_form = FormReader("article_form")
    reader_form.feed(html)
    fields = [[n, "The headline changed on server A" if n == "headline" else v] for n, v in reader_form.fields]
    # A live story's edit is staged until published (docs/newsroom.md): the editor saves and publishes in one step.
    body, content_type = multipart([*fields, ["_publish_changes", "Save and publish changes"]])
    status, headers, html = editor.request(a + change, body, {"Content-Type": content_type})
    errors = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    check(
        status == 302,
        "the editor changes the headline through the admin on server A" + (f": {errors}" if errors else ""),
    )

    status, headers, html = reader.request(b + article)
    check(
        headline_of(html) == "The headline changed on server A" and headers.get("X-Page-Cache") == "miss",
        "the reader's very next request to server B shows the new headline, rendered afresh",
    )
    comment_on_one_story_leaves_the_others_cached(a, b, article)
    print("Two app servers on one PostgreSQL and one Redis agree on every request.")


def csrf_of(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def comment_on_one_story_leaves_the_others_cached(a, b, article):
    other = "/articles/two-servers-other/"
    anonymous = Browser()
    for page in (article, other):
        anonymous.request(b + page)
    _, headers, _ = anonymous.request(b + other)
    check(headers.get("X-Page-Cache") == "hit", "server B has another story's page cached")

    commenter = Browser()
    _, _, html = commenter.request(a + "/accounts/login/")
    form = {"csrfmiddlewaretoken": csrf_of(html), "username": COMMENTER, "password": PASSWORD}
    status, _, _ = commenter.request(a + "/accounts/login/", urllib.parse.urlencode(form).encode())
    check(status == 302 and commenter.cookie("sessionid"), "a reader logs in on server A")
    _, _, html = commenter.request(a + article)
    text = f"Seen on the other server ({uuid.uuid4().hex[:8]})."
    form = {"csrfmiddlewaretoken": csrf_of(html), "body": text}
    status, _, _ = commenter.request(a + article + "comments/", urllib.parse.urlencode(form).encode())
    check(status == 302, "the reader comments on the story through server A")

    _, headers, html = anonymous.request(b + article)
    check(
        text in html and headers.get("X-Page-Cache") == "miss",
        "the story's very next request to server B shows the comment, rendered afresh",
    )
    _, headers, _ = anonymous.request(b + other)
    check(headers.get("X-Page-Cache") == "hit", "the other story's page on server B is still served from its cache")


if __name__ == "__main__":
    main()
