"""Zero-lost-comments soak (hostile-inputs row 58): users post comments while PostgreSQL restarts under them.

Several logged-in users post numbered comments to one article through gunicorn on 127.0.0.1 for about a minute,
while PostgreSQL is restarted twice. Afterwards, with the database back:
- every comment that got its success redirect (302) is in the database exactly once;
- every refusal said so (503, or 429) and, for a 503, showed the text back;
- every comment refused with 503 is sent once more, as a reader would, and then exists exactly once;
- no text is stored twice, and nothing else (500, a dropped connection, a 4xx) was ever answered.
It prints those counts and exits 1 when any of it fails. Everything is bounded: the run, each request, each restart.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsblog_soak .venv/bin/python scripts/soak_comments.py

The database must exist (it is migrated here) and must not be shared with anything else while the soak runs.
--pg-cluster names the cluster that serves DATABASE_URL (default: "main" of the installed PostgreSQL); a cluster of
its own lets the soak run without disturbing anyone else's database.
"""

import argparse
import http.client
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_SLUG = "soak-article"
PASSWORD = "soak-password-not-secret-1"  # noqa: S105 - throwaway soak users
REQUEST_TIMEOUT = 15


def default_cluster() -> str:
    version = sorted(os.listdir("/etc/postgresql"))[-1] if os.path.isdir("/etc/postgresql") else "15"
    return f"{version} main"


def pg_ctl(cluster: str, action: str) -> list[str]:
    return ["pg_ctlcluster", "--skip-systemctl-redirect", *cluster.split(), action]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--users", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pace", type=float, default=0.5, help="seconds each user waits between posts")
    parser.add_argument("--restarts", type=int, default=2)
    parser.add_argument("--pg-cluster", default=default_cluster(), help='"<version> <name>" of the cluster to restart')
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("--database-url (or DATABASE_URL) must point at a PostgreSQL database")
    return args


def server_environment(args) -> dict:
    """Production settings on plain HTTP; comment limits raised so the soak measures loss, not the flood limit."""
    return os.environ | {
        "DEBUG": "0",
        "HTTPS_ONLY": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{args.port}",
        "DATABASE_URL": args.database_url,
        "CONN_MAX_AGE": "60",
        "REDIS_URL": "",
        "PAGE_STATE_DIR": str(ROOT / "var" / "soak-page-state"),
        "COMMENTS_PER_MINUTE": "100000",
        "COMMENTS_PER_DAY": "1000000",
        "COMMENTS_MODERATE_FIRST": "0",
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_TIMEOUT": "30",
        "LOG_LEVEL": "ERROR",
    }


# --- the site, through Django, before and after the run ---------------------------------------------------------


def setup_django(env: dict):
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsblog.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_site(usernames: list[str]) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article, ArticleAuthor, Author, Category
    from comments.models import Comment

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off serves hashed names from a manifest
    category, _ = Category.objects.get_or_create(slug="soak", defaults={"name": "Soak"})
    author, _ = Author.objects.get_or_create(slug="soak-desk", defaults={"name": "Soak Desk"})
    article, _ = Article.objects.update_or_create(
        slug=ARTICLE_SLUG,
        defaults={
            "headline": "Comments keep coming while the database restarts",
            "standfirst": "An article for the zero-lost-comments soak.",
            "body": "Nothing to see here.",
            "category": category,
            "status": Article.Status.PUBLISHED,
            "published_at": timezone.now(),
            "comments_open": True,
        },
    )
    ArticleAuthor.objects.get_or_create(article=article, author=author)
    Comment.objects.filter(article=article).delete()
    users = get_user_model().objects
    for name in usernames:
        user, _ = users.get_or_create(username=name, defaults={"email": f"{name}@example.com"})
        user.set_password(PASSWORD)
        user.save()
    connection.close()  # the restarts must not find this process holding a connection


def stored_bodies() -> Counter:
    from django.db import connection

    from comments.models import Comment

    connection.close()
    bodies = Counter(Comment.objects.filter(article__slug=ARTICLE_SLUG).values_list("body", flat=True))
    connection.close()
    return bodies


# --- gunicorn ---------------------------------------------------------------------------------------------------


def start_gunicorn(env: dict, name: str) -> subprocess.Popen:
    """gunicorn with deploy/gunicorn.conf.py, its log in var/<name>-gunicorn.log (printed on failure)."""
    log_path = ROOT / "var" / f"{name}-gunicorn.log"
    log_path.parent.mkdir(exist_ok=True)
    log = log_path.open("w")
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server.log_path = log_path
    return server


def stop_gunicorn(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


# --- HTTP ------------------------------------------------------------------------------------------------------


@dataclass
class Session:
    port: int
    cookies: dict = field(default_factory=dict)

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, dict, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            headers = {"Connection": "close"}
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            body = None
            if form is not None:
                body = urlencode(form)
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, dict(response.headers), text
        finally:
            conn.close()

    def log_in(self, username: str) -> None:
        status, _, page = self.request("GET", "/accounts/login/")
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or found is None:
            raise SystemExit(f"soak: the login page answered {status} without a form")
        token = found.group(1)
        form = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        status, _, _ = self.request("POST", "/accounts/login/", form)
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"soak: could not log in as {username} (status {status})")

    def post_comment(self, body: str) -> tuple[int | str, bool]:
        """The status (or "dropped" when no answer came) and whether the page showed the text back."""
        form = {"body": body, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        try:
            status, _, page = self.request("POST", f"/articles/{ARTICLE_SLUG}/comments/", form)
        except (OSError, http.client.HTTPException):
            return "dropped", False
        return status, body in page


def wait_until_healthy(port: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if Session(port).request("GET", "/healthz")[0] == 200:
                return True
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.5)
    return False


# --- the run ---------------------------------------------------------------------------------------------------


@dataclass
class Attempt:
    body: str
    status: int | str
    text_shown: bool


def post_until(deadline: float, session: Session, username: str, pace: float, results: list, lock) -> None:
    number = 0
    while time.monotonic() < deadline:
        number += 1
        body = f"Soak comment {number} from {username}, token {secrets.token_hex(6)}."
        status, shown = session.post_comment(body)
        with lock:
            results.append(Attempt(body, status, shown))
        time.sleep(pace)


def restart_database(cluster: str, at: list[float], started: float, timings: list) -> None:
    for moment in at:
        time.sleep(max(0.0, started + moment - time.monotonic()))
        begun = time.monotonic()
        result = subprocess.run(pg_ctl(cluster, "restart"), capture_output=True, text=True, timeout=90, check=False)
        timings.append((round(begun - started, 1), round(time.monotonic() - begun, 1), result.returncode))


def main() -> int:
    args = parse_args()
    # `timeout` in CI sends SIGTERM: unwind through the finally blocks so gunicorn and Redis are stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    env = server_environment(args)
    usernames = [f"soaker{n}" for n in range(1, args.users + 1)]
    setup_django(env)
    prepare_site(usernames)

    server = start_gunicorn(env, "soak")
    try:
        if not wait_until_healthy(args.port, 30):
            print(f"soak: gunicorn did not become healthy within 30 s; see {server.log_path}", file=sys.stderr)
            return 1
        sessions = {}
        for name in usernames:
            sessions[name] = Session(args.port)
            sessions[name].log_in(name)

        results: list[Attempt] = []
        lock = threading.Lock()
        restarts: list = []
        started = time.monotonic()
        deadline = started + args.seconds
        moments = [args.seconds * (n + 1) / (args.restarts + 1) for n in range(args.restarts)]
        threads = [
            threading.Thread(target=post_until, args=(deadline, sessions[n], n, args.pace, results, lock))
            for n in usernames
        ]
        threads.append(threading.Thread(target=restart_database, args=(args.pg_cluster, moments, started, restarts)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 120)
        elapsed = time.monotonic() - started

        if not wait_until_healthy(args.port, 60):
            print("soak: the site did not recover within 60 s of the last restart", file=sys.stderr)
            return 1
        # A reader whose comment got the 503 page sends it again from that page, once the site is back.
        retried = {}
        for attempt in results:
            if attempt.status == 503:
                owner = attempt.body.split(" from ")[1].split(",")[0]
                retried[attempt.body] = sessions[owner].post_comment(attempt.body)[0]
    finally:
        stop_gunicorn(server)

    code = report(results, retried, stored_bodies(), restarts, elapsed, args)
    if code:
        print(f"soak: gunicorn's log is in {server.log_path}", file=sys.stderr)
    return code


def report(results, retried, stored: Counter, restarts, elapsed, args) -> int:
    statuses = Counter(attempt.status for attempt in results)
    successes = {a.body for a in results if a.status == 302} | {body for body, s in retried.items() if s == 302}
    told_503 = [a for a in results if a.status == 503]
    told_429 = [a for a in results if a.status == 429]
    untold = [a for a in results if a.status not in (302, 503, 429)]
    problems = []
    missing = sorted(body for body in successes if stored[body] == 0)
    duplicated = sorted(body for body, count in stored.items() if count > 1)
    strays = sorted(set(stored) - successes - {a.body for a in told_429})
    saved_despite_429 = [a.body for a in told_429 if stored[a.body]]
    if missing:
        problems.append(f"{len(missing)} comments answered 302 but not stored, e.g. {missing[0]!r}")
    if duplicated:
        problems.append(f"{len(duplicated)} comments stored more than once, e.g. {duplicated[0]!r}")
    if strays:
        problems.append(f"{len(strays)} stored comments whose poster was never told they were saved")
    if saved_despite_429:
        problems.append(f"{len(saved_despite_429)} comments refused with 429 but stored")
    if untold:
        kinds = Counter(a.status for a in untold)
        problems.append(f"{len(untold)} answers that were neither success nor 503/429: {dict(kinds)}")
    if any(not a.text_shown for a in told_503 + told_429):
        problems.append("a 503 or 429 page did not show the typed text back")
    if retried and set(retried.values()) != {302}:
        problems.append(f"retries after recovery answered {Counter(retried.values())}")
    if len(restarts) != args.restarts or any(code != 0 for *_, code in restarts):
        problems.append(f"PostgreSQL restarts did not all succeed: {restarts}")

    print(f"soak: {args.users} users, {elapsed:.0f} s, {args.workers} gunicorn workers, PostgreSQL restarted "
          f"{len(restarts)}x (at s, took s, exit): {restarts}")  # fmt: skip
    print(f"soak: {len(results)} posts: {statuses[302]} saved (302), {len(told_503)} told 503, "
          f"{len(told_429)} told 429, {len(untold)} other")  # fmt: skip
    print(f"soak: {len(retried)} posts sent again after recovery: {dict(Counter(retried.values()))}")
    print(f"soak: {len(successes)} successes, {sum(stored.values())} rows, {len(missing)} missing, "
          f"{len(duplicated)} duplicated")  # fmt: skip
    for problem in problems:
        print(f"soak: FAIL {problem}", file=sys.stderr)
    print("soak: " + ("FAILED" if problems else "OK: no comment lost or duplicated, every failure was told"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
