"""A fixture website on 127.0.0.1 (http.server): real HTTP, real robots.txt, and bad pages.

Serves ``tests/fixtures/site`` with ETag/Last-Modified (conditional requests answer 304),
plus pages that misbehave: an off-site redirect, a page that never finishes loading, a site
part with 10,000 linked pages and a sitemap that lists them.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).parent / "fixtures" / "site"
HUGE_PAGES = 10_000


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
        path = self.path.split("?")[0]
        if path == "/weiter-fremd":
            self._redirect("http://fremde-seite.example/ziel.html")
        elif path == "/weiter-intern":
            self._redirect("/angebote/schulplatz.html")
        elif path == "/langsam":
            self._trickle()
        elif path.startswith("/viele/"):
            self._many(path)
        elif path == "/viele-sitemap.xml":
            self._huge_sitemap()
        else:
            self._file(path)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.end_headers()

    def _trickle(self) -> None:
        """Headers at once, then one byte per 0.2 s for ever (until the client gives up)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        try:
            self.wfile.write(b"<html><body><p>")
            for _ in range(600):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            return

    def _many(self, path: str) -> None:
        number = int(path.rsplit("/", 1)[-1].removesuffix(".html") or 0)
        links = "".join(
            f'<li><a href="/viele/{n}.html">Seite {n}</a></li>'
            for n in range(number * 10 + 1, min(number * 10 + 11, HUGE_PAGES))
        )
        body = (
            f"<html><head><title>Seite {number}</title></head><body><main><h1>Seite {number}"
            f"</h1><p>Diese Seite {number} gehört zu einer sehr großen Website mit vielen "
            f"Unterseiten, die nur das Seitenlimit prüfen.</p><ul>{links}</ul></main></body>"
            "</html>"
        ).encode()
        self._send(body, "text/html; charset=utf-8")

    def _huge_sitemap(self) -> None:
        base = self.server.base
        urls = "".join(f"<url><loc>{base}/viele/{n}.html</loc></url>" for n in range(HUGE_PAGES))
        body = (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>"
        ).encode()
        self._send(body, "application/xml")

    def _file(self, path: str) -> None:
        relative = path.lstrip("/")
        target = (SITE / (relative + "index.html" if path.endswith("/") else relative)).resolve()
        if not target.is_relative_to(SITE.resolve()) or not target.is_file():
            self.send_error(404)
            return
        body = target.read_bytes().replace(b"BASE", self.server.base.encode())
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        kind = {
            ".html": "text/html; charset=utf-8",
            ".txt": "text/plain",
            ".xml": "application/xml",
        }
        self._send(body, kind.get(target.suffix, "application/octet-stream"), etag, target)

    def _send(
        self, body: bytes, content_type: str, etag: str = "", path: Path | None = None
    ) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        if path is not None:
            self.send_header("Last-Modified", formatdate(path.stat().st_mtime, usegmt=True))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    base = ""
    requests: list[tuple[str, str]]


@contextmanager
def fixture_site() -> Iterator[_Server]:
    """The fixture website on a free port of 127.0.0.1; yields the server (``.base`` URL)."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
