"""One careful HTTP GET: product user-agent, time and size limits, same-site redirects only.

A page that never finishes loading is cut off by a deadline for the whole response (a read
timeout alone does not catch a server that trickles one byte per second); a body larger than
the limit is refused; a redirect to another site is refused, never followed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from assistant.texts import (
    WEB_HTTP_ERROR,
    WEB_NETWORK,
    WEB_OFFSITE_REDIRECT,
    WEB_TOO_LARGE,
    WEB_TOO_MANY_REDIRECTS,
    WEB_TOO_SLOW,
)

__all__ = ["USER_AGENT", "FetchError", "FetchLimits", "Response", "fetch", "same_site"]

USER_AGENT = "Konzeptlotse/0.1 (Einlesen von Webseiten fuer einen Auskunftsassistenten)"
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A page could not be fetched; ``str(exc)`` is a German reason, ``status`` the HTTP
    status when the server answered with an error."""

    def __init__(self, reason: str, status: int = 0) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True)
class FetchLimits:
    """Limits for one request: connect/read timeouts, total deadline, body size."""

    timeout_s: float = 15.0
    deadline_s: float = 60.0
    max_bytes: int = 20 * 1024 * 1024


@dataclass(frozen=True)
class Response:
    """What a fetch returned (``status`` 304: unchanged since the validators given)."""

    url: str  # final URL after same-site redirects
    status: int
    body: bytes
    content_type: str
    etag: str
    last_modified: str
    location: str = ""  # redirect target (status 3xx)


def same_site(url: str, other: str) -> bool:
    """Same host (ignoring a leading "www." and the scheme) and port."""
    a, b = urlsplit(url), urlsplit(other)
    return _host(a.hostname) == _host(b.hostname) and _port(a) == _port(b)


def _host(host: str | None) -> str:
    host = (host or "").lower()
    return host[4:] if host.startswith("www.") else host


def _port(parts: object) -> int:
    port = getattr(parts, "port", None)
    return port or (443 if getattr(parts, "scheme", "") == "https" else 80)


def fetch(
    client: object,
    url: str,
    limits: FetchLimits,
    etag: str = "",
    last_modified: str = "",
) -> Response:
    """GET ``url`` through an ``httpx.Client``; raises ``FetchError`` with a German reason."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        response = _get(client, current, headers, limits)
        if response.status not in (301, 302, 303, 307, 308):
            return response
        target = urljoin(current, response.location)
        if not same_site(url, target) or urlsplit(target).scheme not in ("http", "https"):
            raise FetchError(WEB_OFFSITE_REDIRECT.format(target=target[:200]))
        current = target
    raise FetchError(WEB_TOO_MANY_REDIRECTS.format(count=MAX_REDIRECTS))


def _get(client: object, url: str, headers: dict[str, str], limits: FetchLimits) -> Response:
    import httpx

    started = time.monotonic()
    try:
        with client.stream("GET", url, headers=headers) as response:  # type: ignore[attr-defined]
            if response.is_redirect:
                location = response.headers.get("location", "")
                return Response(url, response.status_code, b"", "", "", "", location)
            if response.status_code == 304:
                return Response(url, 304, b"", "", "", "")
            if response.status_code >= 400:
                status = response.status_code
                raise FetchError(WEB_HTTP_ERROR.format(status=status), status)
            body = _read(response, started, limits)
            return Response(
                url=str(response.url),
                status=response.status_code,
                body=body,
                content_type=response.headers.get("content-type", "").lower(),
                etag=response.headers.get("etag", ""),
                last_modified=response.headers.get("last-modified", ""),
            )
    except httpx.TimeoutException as exc:
        raise FetchError(WEB_TOO_SLOW.format(seconds=limits.timeout_s)) from exc
    except httpx.HTTPError as exc:
        raise FetchError(WEB_NETWORK.format(detail=type(exc).__name__)) from exc


def _read(response: object, started: float, limits: FetchLimits) -> bytes:
    declared = response.headers.get("content-length", "")  # type: ignore[attr-defined]
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(WEB_TOO_LARGE.format(limit=limits.max_bytes // (1024 * 1024)))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # type: ignore[attr-defined]
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(WEB_TOO_LARGE.format(limit=limits.max_bytes // (1024 * 1024)))
        if time.monotonic() - started > limits.deadline_s:
            raise FetchError(WEB_TOO_SLOW.format(seconds=limits.deadline_s))
        chunks.append(chunk)
    return b"".join(chunks)
