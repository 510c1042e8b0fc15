"""Debian's Varnish with the shipped deploy/varnish.vcl, on loopback ports: for tests/deploy/ and `make bench`.

The VCL is generated from deploy/varnish.vcl itself: only the backend's port is rewritten (its host and the purgers'
ACL are already loopback), asserted to apply exactly once, so the shipped text is what runs and a change this cannot
follow fails loudly. vmod xkey comes from Debian's varnish-modules.
"""

import os
import re
import subprocess
from pathlib import Path

VARNISHD = "/usr/sbin/varnishd"
SHIPPED = Path(__file__).resolve().parent.parent / "deploy" / "varnish.vcl"
STORAGE = "malloc,256m"


class ConfigChanged(Exception):
    pass


def _rewrite(text: str, pattern: str, replacement: str) -> str:
    new, count = re.subn(pattern, replacement, text)
    if count != 1:
        raise ConfigChanged(f"deploy/varnish.vcl: {pattern!r} matched {count} times; update scripts/varnish_local.py")
    return new


def adapted_vcl(shipped: str, *, app_port: int) -> str:
    """deploy/varnish.vcl with its backend on `app_port`."""
    # The host stays: asserted to be loopback once, as the backend and the purgers' ACL here need.
    vcl = _rewrite(shipped, r'\.host = "127\.0\.0\.1";', '.host = "127.0.0.1";')
    return _rewrite(vcl, r'\.port = "8000";', f'.port = "{app_port}";')


def start(folder: Path, *, port: int, app_port: int, log: Path) -> subprocess.Popen:
    """varnishd in the foreground of a child process, its working directory in `folder`, its output in `log`;
    raises if the VCL does not compile."""
    folder.mkdir(parents=True, exist_ok=True)
    vcl = folder / "varnish.vcl"
    vcl.write_text(adapted_vcl(SHIPPED.read_text(), app_port=app_port))
    # As root, varnishd would compile and serve as its own unprivileged users, who cannot reach a private temporary
    # folder: no jail then, as nginx_local runs its workers as root.
    jail = ["-j", "none"] if os.geteuid() == 0 else []
    workdir = ["-n", str(folder / "work"), *jail]
    checked = subprocess.run([VARNISHD, "-C", *workdir, "-f", str(vcl)], capture_output=True, text=True)
    if checked.returncode != 0:
        raise ConfigChanged(checked.stderr)
    command = [VARNISHD, "-F", *workdir, "-a", f"127.0.0.1:{port}", "-T", "127.0.0.1:0", "-f", str(vcl)]
    command += ["-s", STORAGE]
    with log.open("w") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
