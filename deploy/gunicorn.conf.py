"""gunicorn settings for newsblog: `gunicorn -c deploy/gunicorn.conf.py newsblog.wsgi`.

Sync workers, one request at a time each. Rendering a page is CPU-bound Python; on this 2-core machine threads
(gthread) measured no faster, because the GIL lets only one of them render at a time. The page cache and nginx's
micro-cache absorb spikes; more capacity comes from more machines (docs/scaling.md), not more threads.
Every value can be overridden from the environment without editing this file.
"""

import multiprocessing
import os
import sys

wsgi_app = "newsblog.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

worker_class = "sync"
# Two per core plus one: while one worker waits on PostgreSQL or Redis, another renders.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Queue connections beyond the busy workers rather than refusing them during a spike.
backlog = int(os.environ.get("GUNICORN_BACKLOG", "2048"))

# A request that takes longer than this is stuck; the worker is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Load Django once before forking: workers start faster and share the imported code's memory.
preload_app = True
# The worker heartbeat file on tmpfs, so a slow disk never makes a healthy worker look dead.
SHM = "/dev/shm"  # noqa: S108  a private heartbeat file per worker, as gunicorn's own docs advise
worker_tmp_dir = SHM if os.path.isdir(SHM) else None

# Recycle workers now and then to bound slow memory growth; 0 (the default) never recycles.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# nginx logs every request; gunicorn logs errors only unless asked, which keeps logging off the hot path.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Trust X-Forwarded-* only from the nginx on this machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def worker_exit(server, worker):
    """Write the reads this worker counted but has not stored yet (articles/reads.py) before it goes."""
    reads = sys.modules.get("articles.reads")  # absent in the hello-world baseline, which shares this file
    if reads is not None:
        reads.flush()
