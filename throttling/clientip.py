"""The client's IP address, and the key that login lockouts and form throttles count it under.

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


def client_key(request) -> str:
    """Who a per-client limit counts against: the client's IPv4 address, or the /64 network of an IPv6 one."""
    return address_key(client_ip(request))


def address_key(address: str) -> str:
    """An IPv4 address itself; for IPv6, its /64 network.

    An IPv6 subscriber is given a whole /64 (often more), and picks any address in it at will, so keyed by the full
    address every request could be a new client. The key is the network's first address, a valid IP like any other,
    so it fits every field that stores one (django-axes' attempts among them)."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 4:
        return address
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.IPv6Network((parsed, 64), strict=False).network_address)
