"""Debian's nginx with the shipped deploy/nginx.conf, on loopback ports: for tests/deploy/ and `make bench`.

The configuration is generated from deploy/nginx.conf itself: only what cannot run on a test machine is rewritten
(ports to loopback ports, the TLS server to plain HTTP, the cache and media paths to a given folder), each rewrite
asserted to apply exactly once, so the shipped text is what runs and a change this cannot follow fails loudly.
"""

import os
import re
import subprocess
from pathlib import Path

NGINX = "/usr/sbin/nginx"
SHIPPED = Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"


class ConfigChanged(Exception):
    pass


def micro_cache_seconds(shipped: str | None = None) -> int:
    shipped = SHIPPED.read_text() if shipped is None else shipped
    return int(re.search(r"proxy_cache_valid 200 301 404 (\d+)s;\s+# MICRO_CACHE", shipped).group(1))


def _rewrite(text: str, pattern: str, replacement: str, flags=0) -> str:
    new, count = re.subn(pattern, replacement, text, flags=flags)
    if count != 1:
        raise ConfigChanged(f"deploy/nginx.conf: {pattern!r} matched {count} times; update scripts/nginx_local.py")
    return new


def adapted_config(shipped: str, *, port: int, app_port: int, folder: Path) -> str:
    """deploy/nginx.conf made runnable on loopback ports, wrapped in the main configuration it is included from."""
    site = _rewrite(shipped, r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{app_port};")
    site = _rewrite(site, r"proxy_cache_path /var/cache/nginx/newsblog ", f"proxy_cache_path {folder / 'cache'} ")
    site = _rewrite(site, r"\nserver \{\s*listen 80;.*?\n\}\n", "\n", flags=re.S)  # the plain-HTTP redirect
    site = _rewrite(site, r"listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    site = _rewrite(site, r"\n\s*listen \[::\]:443 ssl http2;", "")
    site = _rewrite(site, r"\n\s*ssl_certificate [^\n]*", "")
    site = _rewrite(site, r"\n\s*ssl_certificate_key [^\n]*", "")
    site = _rewrite(site, r"alias /srv/newsblog/media/;", f"alias {folder / 'media'}/;")
    temp = "\n".join(
        f"  {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root root;\n" if os.geteuid() == 0 else ""  # workers must reach the temporary folder
    # One worker per core, as Debian's own /etc/nginx/nginx.conf has it.
    return (
        f"{user}worker_processes auto;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
        f"events {{ worker_connections 1024; }}\nhttp {{\n  include /etc/nginx/mime.types;\n  access_log off;\n"
        f"{temp}\n{site}\n}}\n"
    )


def start(folder: Path, *, port: int, app_port: int) -> subprocess.Popen:
    """nginx in the foreground of a child process, its files in `folder`; raises if the configuration is refused."""
    for name in ("cache", "media"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    config = folder / "nginx.conf"
    config.write_text(adapted_config(SHIPPED.read_text(), port=port, app_port=app_port, folder=folder))
    checked = subprocess.run([NGINX, "-t", "-p", str(folder), "-c", str(config)], capture_output=True, text=True)
    if checked.returncode != 0:
        raise ConfigChanged(checked.stderr)
    return subprocess.Popen([NGINX, "-p", str(folder), "-c", str(config), "-g", "daemon off;"])
