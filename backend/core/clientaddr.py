"""Who is really calling: the client's address, behind trusted proxies only.

`X-Forwarded-For` is written by whoever sends the request, so it counts only when the
direct peer is a configured trusted proxy (`TRUSTED_PROXIES`: the portal's server, a
load balancer). The header is read from the right: each hop that is itself a trusted
proxy is skipped, and the first address that is not is the client. Anything malformed
stops the walk at the last address we can vouch for.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Protocol

from backend.core.config import get_settings

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class HasClient(Protocol):
    """What we need of a Starlette request."""

    @property
    def client(self) -> object: ...

    @property
    def headers(self) -> object: ...


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address, proxies: Iterable[IPNetwork]) -> bool:
    return any(address in network for network in proxies)


def is_trusted_proxy(host: str) -> bool:
    address = _parse(host)
    return address is not None and _trusted(address, get_settings().trusted_proxies)


def client_address(request: HasClient | None) -> str:
    """The calling client's IP address as text ("unknown" without a peer)."""
    peer_host = getattr(getattr(request, "client", None), "host", None)
    peer = _parse(peer_host) if peer_host else None
    if peer is None:
        return peer_host or "unknown"
    proxies = get_settings().trusted_proxies
    if not _trusted(peer, proxies):
        return str(peer)
    header = request.headers.get("x-forwarded-for", "") if request else ""  # type: ignore[attr-defined]
    vouched = peer
    for hop in reversed([h for h in header.split(",") if h.strip()]):
        address = _parse(hop)
        if address is None:
            break
        vouched = address
        if not _trusted(address, proxies):
            break
    return str(vouched)
