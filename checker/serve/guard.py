"""Only the desk's own page may use the desk. A web page elsewhere could otherwise post a draft to a
desk on 127.0.0.1 (cross-origin POST), or point a name it controls at 127.0.0.1 and read the
results as its own (DNS rebinding: the request then carries that name in Host). So a request whose
Host is not an address the desk is reached at, and a POST sent from another origin, get 403.

Bound to a loopback address, the desk is reached as 127.0.0.1, localhost or ::1; bound to one
address, by that address; bound to every interface (0.0.0.0, ::), by any IP address or this
machine's own name (rebinding needs a domain name, so an IP address in Host is safe).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def is_loopback(host: str) -> bool:
    address = _ip(host)
    return host == "localhost" if address is None else address.is_loopback


@dataclass(frozen=True)
class Reachable:
    """The names the desk answers to, and its port (None: any, for an app not bound by us)."""

    names: frozenset[str]
    port: int | None
    any_ip: bool = False

    @classmethod
    def at(cls, host: str, port: int | None) -> Reachable:
        if is_loopback(host):
            return cls(LOOPBACK_NAMES | {host.lower()}, port)
        address = _ip(host)
        if address is not None and address.is_unspecified:
            return cls(frozenset({socket.gethostname().lower(), socket.getfqdn().lower()}), port, any_ip=True)
        return cls(frozenset({host.lower()}), port)

    def allows(self, host: str, port: int | None) -> bool:
        if self.port is not None and port != self.port:
            return False
        return host in self.names or (self.any_ip and _ip(host) is not None)


def _split_host(value: str, default_port: int) -> tuple[str, int | None]:
    """"127.0.0.1:8000" → ("127.0.0.1", 8000); "[::1]:8000" → ("::1", 8000); a bad port → None."""
    parts = urlsplit(f"//{value}")
    try:
        port = parts.port
    except ValueError:
        return "", None
    return (parts.hostname or "").lower(), default_port if port is None else port


def _same_origin(origin: str, host: str, port: int | None) -> bool:
    """The page that sent the request came from the address the request was sent to."""
    parts = urlsplit(origin)
    return parts.scheme == "http" and _split_host(parts.netloc, 80) == (host, port)


def refusal(scope: Scope, reachable: Reachable) -> str | None:
    """Why the request is refused (中文), or None."""
    headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope.get("headers", [])}
    host, port = _split_host(headers.get("host", ""), 80)
    if not reachable.allows(host, port):
        return "请求的主机名与审核台的地址不符：请直接在浏览器中打开审核台启动时显示的地址。"
    if scope.get("method") == "POST":
        # The desk's pages say Referrer-Policy: no-referrer, under which a browser sends its own
        # form's POST with "Origin: null": then Sec-Fetch-Site tells where the form was.
        origin = headers.get("origin", "null")
        other_site = headers.get("sec-fetch-site") in ("cross-site", "same-site")
        if (origin != "null" and not _same_origin(origin, host, port)) or (origin == "null" and other_site):
            return "只能从审核台自己的上传页面提交草稿，其他网页发来的请求已拒绝。"
    return None


class HostGuard:
    """ASGI middleware: answers 403 with `page(message)` to a request `refusal` refuses."""

    def __init__(self, app: ASGIApp, reachable: Reachable, page: Callable[[str], Response]) -> None:
        self.app, self.reachable, self.page = app, reachable, page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            message = refusal(scope, self.reachable)
            if message is not None:
                await self.page(message)(scope, receive, send)
                return
        await self.app(scope, receive, send)
