#!/usr/bin/env python3
"""newsblog's benchmark: production settings on bulk data, measured against an in-run hello-world baseline.

    make bench                                   # 100,000 articles, 10 comments each, on PostgreSQL
    make bench BENCH_ARGS="--articles 1000"      # the same at 1,000 articles
    make bench BENCH_ARGS="--quick"              # what CI runs: small data, a few seconds per page, no targets
    make bench BENCH_ARGS="--mixed"              # readers by a Zipf law while comments are posted (bench_mixed.py)
    .venv/bin/python scripts/bench.py --help

What it does, all on 127.0.0.1 and bounded in time:
1. Fills a database of its own (newsblog_bench_<articles> on PostgreSQL, or --database-url) with
   `generate_bulk_content` once; later runs reuse it.
2. Starts, under the same deploy/gunicorn.conf.py, the minimal Django app in scripts/hello_app.py and three copies of
   newsblog with DEBUG off: page cache off (what each page costs to render), page cache in local memory, and page
   cache in Redis.
3. Drives each page with wrk for --duration seconds, every round measuring hello-world first, and reports the median
   over the rounds: requests/s, p50 and p99 latency, errors, and the ratio to hello-world from the same round.
4. Records how many SQL queries each page runs and EXPLAIN ANALYZE of each, so the indexes in use are on the record.
The table is printed and written to bench-results/ (not versioned). Nothing is asserted about timing.
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

from pgtools import ensure_database

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench-results"
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432"

# What readers' browsers send: without it a request counts as a robot's, and the read counting that every reader's
# page pays for (articles/reads.py) would be left out of the figures.
BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"

REPORT_LUA = """
local paths = nil
function init(args)
  if args[1] then
    paths = {}
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
    math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  end
end
function request()
  if paths then return wrk.format("GET", paths[math.random(#paths)]) end
  return wrk.format("GET")
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d, "status_errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout + e.status, e.status))
end
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--comments-per-article", type=int, default=10)
    parser.add_argument("--database-url", help="default: PostgreSQL database newsblog_bench_<articles>")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: the config's 2 x cores + 1)")
    parser.add_argument("--profile", action="store_true", help="also profile each page with pyinstrument")
    parser.add_argument("--quick", action="store_true", help="CI: 1,000 articles, 2 s per page, one round")
    parser.add_argument("--only", help="measure only the pages whose label contains this text, e.g. 'random'")
    parser.add_argument("--mixed", action="store_true", help="readers and commenters at once (bench_mixed.py)")
    parser.add_argument("--zipf", default="1,0.8", help="--mixed: the Zipf exponents s to measure")
    parser.add_argument("--newest", type=int, default=10_000, help="--mixed: readers pick among the newest N")
    parser.add_argument("--comment-rates", default="0,0.2,1,5", help="--mixed: comments per second to post")
    parser.add_argument("--warm", type=int, default=5000, help="--mixed: most read pages to request first")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.comments_per_article, args.duration, args.rounds = 1000, 2, 2, 1
    args.database_url = args.database_url or f"{PG_ADMIN_URL}/newsblog_bench_{args.articles}"
    return args


def log(message):
    print(f"[bench] {message}", flush=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    log("wrk is missing; installing it with apt-get")
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-q"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True)


def django_env(args, work):
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="newsblog.settings",
        DATABASE_URL=args.database_url,
        DEBUG="0",
        HTTPS_ONLY="0",  # plain HTTP on 127.0.0.1, no TLS proxy in front
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        MEDIA_ROOT=str(work / "media"),
        PAGE_STATE_DIR=str(work / "page-state"),
        CACHE_KEY_PREFIX=f"bench-{os.getpid()}",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(env, *command):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *command], env=env, cwd=ROOT, check=True)


def prepare_data(args, env):
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    import django

    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    django.setup()
    from articles.models import Article

    have = Article.objects.count()
    if have >= args.articles:
        return None
    log(f"generating {args.articles - have:,} articles with {args.comments_per_article} comments each")
    started = time.monotonic()
    count, comments = str(args.articles - have), str(args.comments_per_article)
    manage(env, "generate_bulk_content", "--articles", count, "--comments-per-article", comments, "--force")
    took = time.monotonic() - started
    log(f"bulk generation took {took:.1f} s")
    return took


def pick_pages(work):
    """The URLs to measure, chosen from the data: the biggest category, its page 5,000 (or last), the busiest tag."""
    from django.conf import settings
    from django.db.models import Count
    from taggit.models import Tag

    from articles.management.commands.generate_bulk_content import TOPICS
    from articles.models import Article

    published = Article.objects.published()
    biggest = published.values("category__slug").annotate(n=Count("id")).order_by("-n").first()
    category_url = f"/category/{biggest['category__slug']}/"
    deep_page = min(5000, -(-biggest["n"] // settings.ARTICLES_PER_PAGE))
    tag = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).order_by("-n").first()
    slugs = list(published.values_list("slug", flat=True))
    slug_file = work / "article-paths.txt"
    slug_file.write_text("".join(f"/articles/{slug}/\n" for slug in slugs))
    cached_article = f"/articles/{published.values_list('slug', flat=True).first()}/"
    search_word = TOPICS[10]  # a topic in about 2 % of the headlines
    uncached = "nocache"
    return [
        # label, server, url, lua argument
        ("home", uncached, "/", None),
        ("category page 1", uncached, category_url, None),
        (f"category page {deep_page:,}", uncached, f"{category_url}?page={deep_page}", None),
        (f"random article (of {len(slugs):,})", uncached, "/articles/", str(slug_file)),
        ("same article, cached (locmem)", "locmem", cached_article, None),
        ("same article, cached (Redis)", "redis", cached_article, None),
        ("tag page", uncached, f"/tag/{tag.slug}/", None),
        ("search", uncached, f"/search/?q={search_word}", None),
        ("feed", uncached, "/feed/", None),
    ]


class Server:
    def __init__(self, name, port, env, app_args, workers):
        self.name, self.port = name, port
        env = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}")
        if workers:
            env["WEB_CONCURRENCY"] = str(workers)
        command = [str(VENV_BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), *app_args]
        self.log = open(RESULTS / f"gunicorn-{name}.log", "w")  # noqa: SIM115  closed in stop()
        self.process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def wait(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn {self.name} exited; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.base + "/", timeout=5) as response:  # noqa: S310  our own server
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise SystemExit(f"gunicorn {self.name} did not answer within {timeout} s")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_wrk(url, lua, lua_arg, duration, connections):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(lua), url]
    if lua_arg:
        command += ["--", lua_arg]
    output = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    data = json.loads(line[len("BENCH ") :])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def query_report(pages):
    """SQL queries per page (page cache off) with EXPLAIN ANALYZE of each, run in this process.

    Each page is measured as the first reader after a change sees it: with the fragment and list caches empty, so
    every query a page can run (and the index it uses) is on the record; later readers run fewer."""
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    lines = []
    client = Client()
    with override_settings(PAGE_CACHE_SECONDS=0):
        for label, server, url, lua_arg in pages:
            if server != "nocache":
                continue
            if lua_arg:
                url = Path(lua_arg).read_text().splitlines()[0]
            caches["default"].clear()
            with CaptureQueriesContext(connection) as captured:
                status = client.get(url).status_code
            lines.append(f"### {label}: {url} -> {status}, {len(captured.captured_queries)} queries\n")
            for query in captured.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith("SELECT") or connection.vendor != "postgresql":
                    lines.append(f"    {sql[:300]}\n")
                    continue
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                    plan = [row[0] for row in cursor.fetchall()]
                lines.append("```\n" + sql[:1200] + "\n" + "\n".join(plan) + "\n```\n")
    return "".join(lines)


def profile_pages(pages, work):
    from django.test import Client, override_settings
    from pyinstrument import Profiler

    client = Client()
    with override_settings(PAGE_CACHE_SECONDS=0):
        for label, server, url, lua_arg in pages:
            if server != "nocache":
                continue
            urls = Path(lua_arg).read_text().splitlines()[:200] if lua_arg else [url] * 200
            client.get(urls[0])
            profiler = Profiler(interval=0.0002)
            profiler.start()
            for each in urls:
                client.get(each)
            profiler.stop()
            name = "".join(c if c.isalnum() else "-" for c in label)
            (RESULTS / f"profile-{name}.txt").write_text(profiler.output_text(unicode=False, color=False))
            log(f"profile of {label} written")


def main():
    args = parse_args()
    # `timeout` (CI) and kill send SIGTERM: unwind through the finally blocks so the servers are stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    RESULTS.mkdir(exist_ok=True)
    ensure_wrk()
    ensure_database(args.database_url, log=log)
    work = Path(tempfile.mkdtemp(prefix="newsblog-bench-"))
    env = django_env(args, work)
    generation = prepare_data(args, env)
    lua = work / "report.lua"
    lua.write_text(f'wrk.headers["User-Agent"] = "{BROWSER_AGENT}"\n{REPORT_LUA}')
    if args.mixed:
        import bench_mixed

        table = bench_mixed.run(args, env, lua, sys.modules[__name__])
        print("\n" + table)
        write_report(args, table, "", generation)
        shutil.rmtree(work, ignore_errors=True)
        return
    pages = pick_pages(work)
    if args.only:
        pages = [page for page in pages if args.only in page[0]]

    servers = {
        "hello": Server("hello", free_port(), env, ["--pythonpath", str(ROOT / "scripts"), "hello_app:application"],
                        args.workers),
        "nocache": Server("nocache", free_port(), dict(env, PAGE_CACHE_SECONDS="0"), [], args.workers),
        "locmem": Server("locmem", free_port(), env, [], args.workers),
        "redis": Server("redis", free_port(), dict(env, REDIS_URL=args.redis_url), [], args.workers),
    }  # fmt: skip
    try:
        for server in servers.values():
            server.wait()
        log("warming up")
        for _label, server, url, lua_arg in [("hello", "hello", "/", None), *pages]:
            run_wrk(servers[server].base + url, lua, lua_arg, 1, args.connections)

        results = {label: [] for label, *_ in pages}
        hello = []
        for round_number in range(1, args.rounds + 1):
            log(f"round {round_number}/{args.rounds}")
            baseline = run_wrk(servers["hello"].base + "/", lua, None, args.duration, args.connections)
            hello.append(baseline)
            for label, server, url, lua_arg in pages:
                measured = run_wrk(servers[server].base + url, lua, lua_arg, args.duration, args.connections)
                measured["ratio"] = measured["rps"] / baseline["rps"]
                results[label].append(measured)
    finally:
        for server in servers.values():
            server.stop()

    table = format_table(pages, results, hello)
    print("\n" + table)
    queries = query_report(pages)
    if args.profile:
        profile_pages(pages, work)
    summary = "Targets: measured only with every page (no --only)." if args.only else targets(pages, results, hello)
    write_report(args, table + "\n\n" + summary, queries, generation)
    print("\n" + summary)
    shutil.rmtree(work, ignore_errors=True)


def median(runs, key):
    return statistics.median(run[key] for run in runs)


def format_table(pages, results, hello):
    rows = [
        "| page | req/s | p50 ms | p99 ms | errors | vs hello-world |",
        "|---|---:|---:|---:|---:|---:|",
        f"| hello-world (baseline) | {median(hello, 'rps'):,.0f} | {median(hello, 'p50_us') / 1000:.2f} | "
        f"{median(hello, 'p99_us') / 1000:.2f} | {sum(run['errors'] for run in hello)} | 100 % |",
    ]
    for label, *_ in pages:
        runs = results[label]
        rows.append(
            f"| {label} | {median(runs, 'rps'):,.0f} | {median(runs, 'p50_us') / 1000:.2f} | "
            f"{median(runs, 'p99_us') / 1000:.2f} | {sum(run['errors'] for run in runs)} | "
            f"{median(runs, 'ratio') * 100:.1f} % |"
        )
    return "\n".join(rows)


def targets(pages, results, hello):
    """The issue's targets, as ratios measured in this run. Printed for people to read; nothing fails on them."""
    ratio = {label: median(results[label], "ratio") for label, *_ in pages}
    rps = {label: median(results[label], "rps") for label, *_ in pages}
    labels = [label for label, *_ in pages]
    article = next(label for label in labels if label.startswith("random article"))
    deep = next(label for label in labels if label.startswith("category page") and label != "category page 1")
    errors = sum(run["errors"] for runs in [*results.values(), hello] for run in runs)
    checks = [
        ("uncached random article >= 10 % of hello-world", ratio[article] >= 0.10, f"{ratio[article]:.1%}"),
        (
            "cached article (locmem) >= 75 %",
            ratio["same article, cached (locmem)"] >= 0.75,
            f"{ratio['same article, cached (locmem)']:.1%}",
        ),
        (
            "cached article (Redis) >= 40 %",
            ratio["same article, cached (Redis)"] >= 0.40,
            f"{ratio['same article, cached (Redis)']:.1%}",
        ),
        (
            "category page 1 >= 80 % of the uncached article",
            rps["category page 1"] >= 0.8 * rps[article],
            f"{rps['category page 1'] / rps[article]:.0%}",
        ),
        (
            f"{deep} >= 50 % of page 1",
            rps[deep] >= 0.5 * rps["category page 1"],
            f"{rps[deep] / rps['category page 1']:.0%}",
        ),
        ("no errors", errors == 0, str(errors)),
    ]
    return "Targets (issue 5), informational:\n" + "\n".join(
        f"- [{'x' if met else ' '}] {name}: {value}" for name, met, value in checks
    )


def write_report(args, table, queries, generation):
    from django.conf import settings
    from django.db import connection

    from articles.models import Article

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS / f"bench-{stamp}-{args.articles}.md"
    database = f"{connection.vendor} {connection.settings_dict['NAME']}"
    text = (
        f"# newsblog benchmark {stamp}\n\n"
        f"- data: {Article.objects.count():,} articles, {args.comments_per_article} comments per article"
        f"{f'; generated in this run in {generation:.0f} s' if generation else ''}\n"
        f"- database: {database}\n"
        f"- servers: gunicorn -c deploy/gunicorn.conf.py, {args.workers or 'default'} sync workers each; "
        f"DEBUG off; whole-page cache off for all rows but the cached ones (locmem, and Redis at {args.redis_url}); "
        f"fragment caches (cards, related stories, list counts, in local memory) on, as in production\n"
        f"- load: wrk -t1 -c{args.connections} -d{args.duration}s, {args.rounds} rounds, hello-world first in each; "
        f"medians\n"
        f"- machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}\n"
        f"- command: {' '.join(sys.argv)}\n"
        f"- per page: {settings.ARTICLES_PER_PAGE} articles\n\n"
        f"{table}\n\n## Queries per page and their plans\n\n{queries}"
    )
    path.write_text(text)
    log(f"report written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
