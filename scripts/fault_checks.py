"""Faults under gunicorn on 127.0.0.1 (hostile-inputs rows 44, 55, 56, 59, 60, 65), each bounded in time.

1. /healthz is 200 "ok" with PostgreSQL and Redis up.
2. A request declaring a 200 MB body is refused with 413 before the body is read.            (row 44)
3. PostgreSQL restarts while four clients load pages: no 500, ever; 503 only while it is down. (row 55)
4. PostgreSQL stopped for 10 s: pages 503 with Retry-After (or 200 where everything they show is cached: list
   pages), the article page 503, /healthz 503, a comment POST 503 with its text shown back; once it is started
   again the same comment sent again is stored exactly once.                                  (rows 56, 65)
5. Redis stopped: pages 200, a new login and a comment work, /healthz 200 "degraded".          (rows 59, 65)
6. Redis hanging (CLIENT PAUSE): every request still answers 200 well under a second.          (row 60)
7. gunicorn workers killed with SIGKILL while comments are posted: no false success, and every comment whose
   connection dropped is stored exactly once after it is sent again.                          (row 62)
8. Cache attacks (issue 14), with the page cache on in Redis: anonymous POSTs to the admin (logout, failed logins)
   and a reader saving an unchanged profile flush nothing; a Host header with another port stores no feed or
   sitemap with its links; 200 requests with a new ?utm_source each store no more copies than one.

It prints what it saw and exits 1 on the first check that fails. Redis is a private instance on --redis-port that
this script starts and stops, so nothing else loses its cache. PostgreSQL is the cluster serving --database-url
(--pg-cluster), which is restarted and stopped: do not point it at a cluster others are using at the same time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsblog_faults .venv/bin/python scripts/fault_checks.py

--cache-attacks-only runs check 8 alone: it never touches PostgreSQL's cluster, so it is safe on a shared machine.
"""

import argparse
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter

from soak_comments import (
    ARTICLE_SLUG,
    Session,
    default_cluster,
    pg_ctl,
    prepare_site,
    server_environment,
    setup_django,
    start_gunicorn,
    stop_gunicorn,
    stored_bodies,
    wait_until_healthy,
)

PAGES = ["/", f"/articles/{ARTICLE_SLUG}/", "/category/soak/", "/trending/"]


class CheckFailed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def say(message: str) -> None:
    print(f"faults: {message}", flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--pg-cluster", default=default_cluster(), help='"<version> <name>" serving the database')
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--redis-port", type=int, default=6390)
    parser.add_argument("--cache-attacks-only", action="store_true", help="only check 8; PostgreSQL is left alone")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("--database-url (or DATABASE_URL) must point at a PostgreSQL database")
    # server_environment() reads these two; the fault checks always use two sync workers.
    args.workers = 2
    return args


def run(command: list[str], timeout: float = 60) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=timeout)


def redis(port: int, *command: str) -> None:
    run(["redis-cli", "-p", str(port), *command], timeout=10)


def start_redis(port: int) -> None:
    run(["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(port), "--save", ""])
    run(["redis-cli", "-p", str(port), "--raw", "ping"])


def get(session: Session, path: str) -> tuple[int, dict, str, float]:
    started = time.monotonic()
    status, headers, body = session.request("GET", path)
    return status, headers, body, time.monotonic() - started


def health(port: int) -> tuple[int, str]:
    status, _, body = Session(port).request("GET", "/healthz")
    return status, body


# --- the checks --------------------------------------------------------------------------------------------------


def check_oversized_body(port: int) -> None:
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        head = (
            "POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
            f"Content-Length: {200 * 1024 * 1024}\r\nConnection: close\r\n\r\n"
        )
        conn.sendall(head.encode() + b"\0" * 65536)
        answer = conn.recv(4096).decode("latin-1")
    status_line = answer.split("\r\n", 1)[0]
    say(f"a declared 200 MB body: {status_line!r} after {time.monotonic() - started:.2f} s")
    check(" 413 " in status_line, "a 200 MB body was not refused with 413")


def check_restart_under_load(args) -> None:
    statuses_by_phase = {"before": Counter(), "during": Counter(), "after": Counter()}
    window = {}
    stop = threading.Event()
    lock = threading.Lock()

    def load():
        session = Session(args.port)
        n = 0
        while not stop.is_set():
            path = PAGES[n % len(PAGES)]
            n += 1
            begun = time.monotonic()
            try:
                status = session.request("GET", path)[0]
            except (OSError, http.client.HTTPException):
                status = "dropped"
            with lock:
                if "start" not in window:
                    phase = "before"
                elif "end" not in window or begun < window["end"] + 1.0:
                    phase = "during"
                else:
                    phase = "after"
                statuses_by_phase[phase][status] += 1

    clients = [threading.Thread(target=load) for _ in range(4)]
    for client in clients:
        client.start()
    time.sleep(5)
    window["start"] = time.monotonic()
    run(pg_ctl(args.pg_cluster, "restart"), timeout=90)
    window["end"] = time.monotonic()
    time.sleep(10)
    stop.set()
    for client in clients:
        client.join(timeout=30)
    say(
        f"PostgreSQL restarted in {window['end'] - window['start']:.1f} s under 4 clients: "
        + ", ".join(f"{phase} {dict(counts)}" for phase, counts in statuses_by_phase.items())
    )
    everything = sum(statuses_by_phase.values(), Counter())
    check(everything[500] == 0, "a page answered 500 around the restart")
    check(everything["dropped"] == 0, "a connection was dropped around the restart")
    check(set(statuses_by_phase["before"]) == {200}, "pages were not all 200 before the restart")
    check(set(statuses_by_phase["after"]) == {200}, "pages were not all 200 once PostgreSQL was back")
    check(set(statuses_by_phase["during"]) <= {200, 503}, "something other than 200/503 during the restart")


def check_database_stopped(args) -> None:
    session = Session(args.port)
    session.log_in("soaker1")
    typed = f"Written while the database was away, {time.time():.0f}."
    run(pg_ctl(args.pg_cluster, "stop"), timeout=90)
    stopped = time.monotonic()
    try:
        answered = {}
        for path in PAGES:
            status, headers, body, _ = get(Session(args.port), path)
            answered[path] = status
            # A list page whose rows and cards are cached under the current content token needs no query; it is
            # still exact, since nothing can change while the database is away.
            check(status in (200, 503), f"{path} answered {status} with the database stopped")
            if status == 503:
                check(headers.get("Retry-After") == "30", f"{path}: no Retry-After with the 503")
                check("back in a moment" in body, f"{path}: the 503 page is not the friendly one")
        article = f"/articles/{ARTICLE_SLUG}/"
        check(answered[article] == 503, f"the article page answered {answered[article]} with the database stopped")
        status, body = health(args.port)
        check(status == 503 and '"down"' in body, f"/healthz answered {status} {body} with the database stopped")
        status, shown = session.post_comment(typed)
        check(status == 503 and shown, f"a comment POST answered {status} (text shown: {shown})")
        say(f"PostgreSQL stopped: pages {answered} (503 with Retry-After), /healthz 503, comment 503 with its text")
        time.sleep(max(0.0, stopped + 10 - time.monotonic()))
    finally:
        run(pg_ctl(args.pg_cluster, "start"), timeout=90)
    check(wait_until_healthy(args.port, 60), "the site did not recover after PostgreSQL started")
    status, _ = session.post_comment(typed)
    check(status == 302, f"sending the comment again after recovery answered {status}")
    check(stored_bodies()[typed] == 1, "the comment sent again is not stored exactly once")
    say("PostgreSQL started again: pages 200, the comment sent again is stored exactly once")


def check_redis_stopped(args) -> None:
    redis(args.redis_port, "shutdown", "nosave")
    try:
        slowest = 0.0
        for path in PAGES * 2:
            status, _, _, took = get(Session(args.port), path)
            slowest = max(slowest, took)
            check(status == 200, f"{path} answered {status} with Redis stopped")
        status, body = health(args.port)
        check(status == 200 and '"degraded"' in body, f"/healthz answered {status} {body} with Redis stopped")
        session = Session(args.port)
        session.log_in("soaker2")
        typed = f"Written while Redis was away, {time.time():.0f}."
        status, _ = session.post_comment(typed)
        check(status == 302 and stored_bodies()[typed] == 1, f"a comment with Redis stopped answered {status}")
        say(f"Redis stopped: pages 200 (slowest {slowest:.2f} s), login and comment work, /healthz degraded")
    finally:
        start_redis(args.redis_port)
    check(wait_until_healthy(args.port, 30), "not healthy after Redis started again")


def check_redis_hanging(args) -> None:
    time.sleep(6)  # let every worker's cache circuit close again after the previous check
    redis(args.redis_port, "client", "pause", "5000", "all")
    paused = time.monotonic()
    timings = []
    while time.monotonic() - paused < 4:
        status, _, _, took = get(Session(args.port), PAGES[len(timings) % len(PAGES)])
        check(status == 200, f"a page answered {status} with Redis hanging")
        timings.append(took)
    median = sorted(timings)[len(timings) // 2]
    say(f"Redis hanging: {len(timings)} pages 200, slowest {max(timings):.2f} s, median {median:.2f} s")
    check(max(timings) < 1.0, "a request waited a second or more on a hanging Redis")
    time.sleep(max(0.0, paused + 5.5 - time.monotonic()))


def check_workers_killed_mid_post(args, server) -> None:
    sessions = [Session(args.port), Session(args.port)]
    for number, session in enumerate(sessions, start=1):
        session.log_in(f"soaker{number}")
    results = []
    stop = threading.Event()

    def post_loop(session, name):
        n = 0
        while not stop.is_set():
            n += 1
            body = f"Posted while workers die, {name} #{n} at {time.time():.3f}."
            results.append((session, body, session.post_comment(body)[0]))

    posters = [threading.Thread(target=post_loop, args=(s, f"poster {i}")) for i, s in enumerate(sessions)]
    for poster in posters:
        poster.start()
    kills = 0
    for _ in range(5):
        time.sleep(1.5)
        workers = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
        if workers:
            os.kill(int(workers[kills % len(workers)]), signal.SIGKILL)
            kills += 1
    time.sleep(2)
    stop.set()
    for poster in posters:
        poster.join(timeout=30)
    statuses = Counter(status for *_, status in results)
    check(set(statuses) <= {302, "dropped"}, f"posts while workers died answered {dict(statuses)}")
    stored = stored_bodies()
    check(all(stored[body] == 1 for _, body, status in results if status == 302), "a 302 without exactly one row")
    check(all(stored[body] <= 1 for _, body, _ in results), "a comment stored twice")
    check(wait_until_healthy(args.port, 30), "gunicorn did not replace its killed workers")
    dropped = [(session, body) for session, body, status in results if status == "dropped"]
    saved_before_drop = sum(1 for _, body in dropped if stored[body])
    for session, body in dropped:
        check(session.post_comment(body)[0] == 302, "a dropped comment sent again was not accepted")
    stored = stored_bodies()
    check(all(stored[body] == 1 for _, body in dropped), "a dropped comment sent again is not stored exactly once")
    say(
        f"{kills} workers killed during {len(results)} posts: {dict(statuses)}; {len(dropped)} dropped "
        f"({saved_before_drop} of them saved before the kill), all stored exactly once after sending again"
    )


# --- cache attacks (issue 14, findings 1, 2 and 8) ------------------------------------------------------------------


def fetch(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, str | None, str]:
    """An anonymous GET with a Host header of our choosing: status, X-Page-Cache, body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": host, "Connection": "close"})
        response = conn.getresponse()
        return response.status, response.getheader("X-Page-Cache"), response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def csrf_token(session: Session, path: str) -> str:
    status, _, page = session.request("GET", path)
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    check(status == 200 and found is not None, f"{path} answered {status} without a form")
    return found.group(1)


def stored_pages(redis_port: int) -> int:
    found = subprocess.run(
        ["redis-cli", "-p", str(redis_port), "--scan", "--pattern", "*pagecache:page:*"],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    )
    return len(found.stdout.split())


def check_cache_flush(args) -> None:
    pages = ["/", f"/articles/{ARTICLE_SLUG}/", "/category/soak/", "/feed/", "/sitemap.xml"]
    for path in pages:
        fetch(args.port, path)
        check(fetch(args.port, path)[1] == "hit", f"{path} was not served from the page cache the second time")
    answers = Counter()
    reader = Session(args.port)
    reader.log_in("soaker1")
    for _ in range(10):
        form = {"display_name": "", "csrfmiddlewaretoken": csrf_token(reader, "/accounts/profile/")}
        answers[reader.request("POST", "/accounts/profile/", form)[0]] += 1
    attacker = Session(args.port)
    for _ in range(15):
        form = {"username": "nobody-at-all", "password": "not-the-password", "next": "/admin/"}
        form["csrfmiddlewaretoken"] = csrf_token(attacker, "/admin/login/")
        answers[attacker.request("POST", "/admin/login/", form)[0]] += 1
        logout = {"csrfmiddlewaretoken": attacker.cookies["csrftoken"]}
        answers[attacker.request("POST", "/admin/logout/", logout)[0]] += 1
    misses = [path for path in pages * 6 if fetch(args.port, path)[1] != "hit"]
    say(f"cache flush: 30 anonymous admin POSTs and 10 unchanged profile saves {dict(answers)}; misses after: {misses}")
    check(not misses, "an anonymous admin POST or an unchanged profile save made cached pages miss")


def check_host_poisoning(args) -> None:
    site = f"http://127.0.0.1:{args.port}/"
    for path in ("/feed/", "/feed/atom/", "/sitemap.xml"):
        status, _, body = fetch(args.port, path, host="127.0.0.1:1")
        check(status == 200 and "127.0.0.1:1/" not in body, f"{path} with Host 127.0.0.1:1 linked to port 1")
        status, cached, body = fetch(args.port, path)
        check(cached == "hit" and "127.0.0.1:1/" not in body and site in body, f"{path}: a poisoned copy was served")
    status, _, _ = fetch(args.port, "/feed/", host="attacker.example")
    check(status == 400, f"a Host outside ALLOWED_HOSTS answered {status}")
    say("cache poisoning: Host with another port stored no links of its own; a foreign Host is 400")


def check_unbounded_keys(args) -> None:
    path = f"/articles/{ARTICLE_SLUG}/"
    fetch(args.port, path)
    before = stored_pages(args.redis_port)
    statuses = Counter(fetch(args.port, f"{path}?utm_source=n{n}&fbclid={n}")[1] for n in range(200))
    added = stored_pages(args.redis_port) - before
    say(f"200 requests with a new ?utm_source each: {dict(statuses)}, {added} more cached copies")
    check(added == 0 and statuses == Counter({"hit": 200}), "unknown query parameters made copies of their own")


def run_cache_attacks(args) -> int:
    env = server_environment(args) | {
        "REDIS_URL": f"redis://127.0.0.1:{args.redis_port}/0",
        "PAGE_CACHE_STATUS_HEADER": "1",  # what the checks read; off in production
        "PAGE_CACHE_SECONDS": "600",  # on, whatever the checks before set in this process's environment
        "READS_FLUSH_SECONDS": "0",
    }
    setup_django(env)
    prepare_site(["soaker1", "soaker2"])
    start_redis(args.redis_port)
    server = start_gunicorn(env, "cache-attacks")
    try:
        check(wait_until_healthy(args.port, 30), "gunicorn did not become healthy within 30 s")
        check_cache_flush(args)
        check_host_poisoning(args)
        check_unbounded_keys(args)
    except CheckFailed as failure:
        print(f"faults: FAIL {failure}; gunicorn's log is in {server.log_path}", file=sys.stderr)
        return 1
    finally:
        stop_gunicorn(server)
        subprocess.run(["redis-cli", "-p", str(args.redis_port), "shutdown", "nosave"], capture_output=True, timeout=10)
    say("OK: the page cache held against flushing, Host poisoning and unbounded keys")
    return 0


def main() -> int:
    args = parse_args()
    # `timeout` in CI sends SIGTERM: unwind through the finally blocks so gunicorn and Redis are stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if args.cache_attacks_only:
        return run_cache_attacks(args)
    env = server_environment(args) | {
        "REDIS_URL": f"redis://127.0.0.1:{args.redis_port}/0",
        "PAGE_CACHE_SECONDS": "0",  # every page reaches the database, so its faults show
        "READS_FLUSH_SECONDS": "0",
    }
    setup_django(env)
    prepare_site(["soaker1", "soaker2"])
    start_redis(args.redis_port)
    server = start_gunicorn(env, "faults")
    try:
        check(wait_until_healthy(args.port, 30), "gunicorn did not become healthy within 30 s")
        status, body = health(args.port)
        check(status == 200 and '"ok"' in body, f"/healthz answered {status} {body} with everything up")
        say(f"/healthz with PostgreSQL and Redis up: {status} {body}")
        check_oversized_body(args.port)
        check_restart_under_load(args)
        check_database_stopped(args)
        check_redis_stopped(args)
        check_redis_hanging(args)
        check_workers_killed_mid_post(args, server)
    except CheckFailed as failure:
        print(f"faults: FAIL {failure}; gunicorn's log is in {server.log_path}", file=sys.stderr)
        return 1
    finally:
        stop_gunicorn(server)
        subprocess.run(["redis-cli", "-p", str(args.redis_port), "shutdown", "nosave"], capture_output=True, timeout=10)
    say("OK: every fault was answered as designed")
    return run_cache_attacks(args)


if __name__ == "__main__":
    sys.exit(main())
