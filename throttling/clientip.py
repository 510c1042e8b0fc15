"""The client's IP address, for login lockouts and form throttles.

X-Forwarded-For is written by whoever sends the request, so it is believed only when the request comes straight from
a proxy we run (settings.TRUSTED_PROXY_IPS, e.g. the nginx in front of gunicorn). Such a proxy appends the address it
saw, so the right-most entry that is not one of our proxies is the client; anything left of it may be forged.
"""

import ipaddress

from django.conf import settings


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_IPS
    if remote not in trusted:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for entry in reversed(forwarded):
        if entry in trusted:
            continue
        return entry if _valid(entry) else remote
    return remote
