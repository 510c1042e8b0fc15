"""`make bench BENCH_ARGS="--mixed"`: readers and commenters at once, the way a news site is used.

Readers draw article pages by a Zipf law of exponent s over the newest N articles (a few stories get most readers,
a long tail gets the rest), while commenters post at a steady rate through the site itself (logged in, the comment
form's POST: CommentForm, comment_post, the signals that invalidate the commented page). For each s, each comment
rate and each stack (the app alone: gunicorn with its page cache in Redis; the same behind nginx with the shipped
deploy/nginx.conf micro-cache; and the same behind Varnish with the shipped deploy/varnish.vcl, copies kept an hour
and purged by tag), readers are driven by wrk and every figure is a ratio to the hello-world app measured just
before, in the same run. Nothing is asserted about timing.

The three stacks share one app instance, which therefore sends a PURGE to Varnish after every comment on every line
(from a background thread, as in production), and says s-maxage=3600, which only Varnish reads: nginx's micro-cache
ignores Cache-Control. Without varnishd the Varnish line is left out.
"""

import os
import random
import statistics
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nginx_local
import varnish_local
from site_client import SiteClient

PASSWORD = "bench-commenter-password-1"  # noqa: S105  throwaway accounts in the benchmark's own database
COMMENTERS = 8
SAMPLES = 200_000
SHARED_CACHE_SECONDS = 3600  # what deploy/varnish.vcl recommends once purging is on
STACKS = {"app": "app alone", "nginx": "through nginx", "varnish": "through Varnish (purge by tag)"}


def commenters(count: int) -> list[str]:
    from django.contrib.auth import get_user_model

    names = [f"bench-commenter-{n}" for n in range(count)]
    users = get_user_model().objects
    for name in names:
        user, _ = users.get_or_create(username=name, defaults={"email": f"{name}@example.com"})
        user.set_password(PASSWORD)
        user.save()
    return names


def zipf_paths(work: Path, newest: int, exponent: float) -> Path:
    """A file of article paths drawn by a Zipf law over the newest articles (rank 1, the newest, most often)."""
    from articles.models import Article

    slugs = list(Article.objects.published().order_by("-published_at", "-id").values_list("slug", flat=True)[:newest])
    weights = [1 / rank**exponent for rank in range(1, len(slugs) + 1)]
    drawn = random.Random(15).choices(slugs, weights=weights, k=SAMPLES)  # noqa: S311  a load pattern, not a secret
    path = work / f"zipf-{exponent}.txt"
    path.write_text("".join(f"/articles/{slug}/\n" for slug in drawn))
    return path


def warm(base: str, paths: list[str], most: int, agent: str) -> int:
    """Request the `most` most drawn pages once, as a site that has been up a while has them cached."""
    distinct = [path for path, _ in Counter(paths).most_common(most)]

    def fetch(path):
        request = urllib.request.Request(base + path, headers={"User-Agent": agent})  # noqa: S310  our own server
        for attempt in range(3):  # a connection reset by a busy server is retried; a page that never comes is not
            try:
                with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310  our own server
                    response.read()
                return
            except ConnectionError:
                if attempt == 2:
                    raise

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(fetch, distinct))
    return len(distinct)


def wait_answering(url: str, process, seconds: int = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"bench: the server for {url} exited")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310  our own server
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"bench: {url} did not answer within {seconds} s")


class Commenter(SiteClient):
    """One logged-in reader posting through the comment form."""

    def __init__(self, port: int, username: str):
        super().__init__(f"http://127.0.0.1:{port}")
        status = self.log_in(username, PASSWORD)
        if status != 302:
            raise SystemExit(f"bench: {username} could not log in ({status})")

    def post(self, article_path: str, body: str) -> int:
        form = {"body": body, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        return self.request("POST", f"{article_path}comments/", form=form).status


class CommentLoad:
    """Posts at `rate` per second, on articles drawn like the readers', until stopped."""

    def __init__(self, port: int, names: list[str], rate: float, paths: list[str]):
        self.rate, self.paths = rate, paths
        self.commenters = [Commenter(port, name) for name in names] if rate else []
        self.statuses: dict = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        draw = random.Random(5)  # noqa: S311  a load pattern
        started, n = time.monotonic(), 0
        while not self.stop.is_set():
            self.stop.wait(max(0.0, started + n / self.rate - time.monotonic()))
            if self.stop.is_set():
                return
            commenter = self.commenters[n % len(self.commenters)]
            body = f"Benchmark comment {n} at {time.time():.6f}: what readers make of it."
            try:
                status = commenter.post(draw.choice(self.paths), body)
            except OSError:
                status = "dropped"
            self.statuses[status] = self.statuses.get(status, 0) + 1
            n += 1

    def __enter__(self):
        if self.rate:
            self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        if self.rate:
            self.thread.join(timeout=60)


def run(args, env, lua, servers_module):
    """Measure every (s, rate, stack); return the table as Markdown."""
    bench = servers_module
    work = Path(tempfile.mkdtemp(prefix="newsblog-mixed-"))
    names = commenters(COMMENTERS)
    exponents = [float(s) for s in args.zipf.split(",")]
    rates = [float(r) for r in args.comment_rates.split(",")]
    path_files = {s: zipf_paths(work, args.newest, s) for s in exponents}
    nginx_port, varnish_port = bench.free_port(), bench.free_port()
    with_varnish = os.access(varnish_local.VARNISHD, os.X_OK)
    if not with_varnish:
        bench.log(f"{varnish_local.VARNISHD} not found: no Varnish line (apt-get install varnish varnish-modules)")
    app_env = dict(
        env,
        REDIS_URL=args.redis_url,
        CACHE_PURGE_URLS=f"http://127.0.0.1:{varnish_port}/" if with_varnish else "",
        SHARED_CACHE_SECONDS=str(SHARED_CACHE_SECONDS),
        # Longer than a run: the copies the first warm-up makes in one burst would otherwise all expire together
        # PAGE_CACHE_SECONDS (600 s) later, in the middle of whichever line runs then (the 5 comments/s line fell to
        # 0.06x through nginx that way), which measures the warm-up, not the comments.
        PAGE_CACHE_SECONDS=str(SHARED_CACHE_SECONDS),
        COMMENTS_MODERATE_FIRST="0",  # a comment shows at once, so it invalidates its page: the costly case
        COMMENTS_PER_MINUTE="100000",
        COMMENTS_PER_DAY="1000000",
    )
    hello = bench.Server("hello", bench.free_port(), env, ["--pythonpath", str(bench.ROOT / "scripts"),
                         "hello_app:application"], args.workers)  # fmt: skip
    app = bench.Server("mixed", bench.free_port(), app_env, [], args.workers)
    nginx = varnish = None
    rows = []
    try:
        hello.wait()
        app.wait()
        nginx = nginx_local.start(work / "nginx", port=nginx_port, app_port=app.port)
        stacks = {"app": app.base, "nginx": f"http://127.0.0.1:{nginx_port}"}
        if with_varnish:
            log = bench.RESULTS / "varnishd.log"
            varnish = varnish_local.start(work / "varnish", port=varnish_port, app_port=app.port, log=log)
            stacks["varnish"] = f"http://127.0.0.1:{varnish_port}"
            wait_answering(stacks["varnish"] + "/healthz", varnish)
        bench.log("warming up")
        bench.run_wrk(hello.base + "/", lua, None, 1, args.connections)
        for s, path_file in path_files.items():
            paths = path_file.read_text().splitlines()
            for rate in rates:
                # Before every line: pages copied all at once by an earlier warm-up would otherwise expire together
                # (PAGE_CACHE_SECONDS) in the middle of a later line, which a site up a while never sees.
                started = time.monotonic()
                # The app's page cache first (each page rendered once), then nginx's and Varnish's, which those
                # copies then fill.
                for base in stacks.values():
                    warmed = warm(base, paths, args.warm, bench.BROWSER_AGENT)
                bench.log(f"s={s}: warmed the {warmed:,} most read pages in {time.monotonic() - started:.0f} s")
                for base in stacks.values():
                    bench.run_wrk(base + "/articles/", lua, str(path_file), 2, args.connections)
                for stack, base in stacks.items():
                    ratios, rps, posted = [], [], {}
                    for _ in range(args.rounds):
                        baseline = bench.run_wrk(hello.base + "/", lua, None, args.duration, args.connections)
                        with CommentLoad(app.port, names, rate, paths) as comments:
                            measured = bench.run_wrk(
                                base + "/articles/", lua, str(path_file), args.duration, args.connections
                            )
                        rps.append(measured["rps"])
                        ratios.append(measured["rps"] / baseline["rps"])
                        for status, count in comments.statuses.items():
                            posted[status] = posted.get(status, 0) + count
                        errors = measured["errors"]
                    rows.append((s, rate, stack, statistics.median(rps), statistics.median(ratios), errors, posted))
                    bench.log(f"s={s} comments/s={rate} {stack}: {rows[-1][3]:,.0f} req/s, {rows[-1][4]:.2f}x hello")
    finally:
        for front in (nginx, varnish):
            if front is not None:
                front.terminate()
                front.wait(timeout=20)
        hello.stop()
        app.stop()
    return format_table(args, rows)


def format_table(args, rows) -> str:
    lines = [
        f"Mixed load: Zipf over the newest {args.newest:,} articles; page cache in Redis; wrk -t1 "
        f"-c{args.connections} -d{args.duration}s, {args.rounds} round(s), hello-world measured before each; the "
        f"{args.warm:,} most read pages requested once before each line (a site that has been up a while).",
        "",
        "| s | comments/s | stack | req/s | vs hello-world | wrk errors | comment POSTs |",
        "|---:|---:|---|---:|---:|---:|---|",
    ]
    for s, rate, stack, rps, ratio, errors, posted in rows:
        shown = ", ".join(f"{status}: {count}" for status, count in sorted(posted.items(), key=str)) or "-"
        lines.append(f"| {s} | {rate:g} | {STACKS[stack]} | {rps:,.0f} | {ratio:.2f}x | {errors} | {shown} |")
    return "\n".join(lines)
