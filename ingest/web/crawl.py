"""Websites -> dated snapshots in the corpus folder: robots.txt, sitemap, same-site links.

A crawl fetches the start page (with ``sitemap``: the pages its sitemap lists; with
``same_site``: the pages its links reach on the same site), at most ``max_pages`` pages, one
request at a time with a delay between them (or the site's Crawl-delay, if longer). Every
page is checked against robots.txt first. Each fetched page is handed to ``SnapshotStore``,
which keeps the corpus folder reproducible offline.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from assistant import texts

from .fetch import USER_AGENT, FetchError, FetchLimits, Response, fetch, same_site
from .snapshots import SnapshotStore

__all__ = ["CrawlOptions", "CrawlReport", "PageOutcome", "crawl"]

_MAX_CRAWL_DELAY = 30.0
_MAX_SITEMAPS = 50
_MAX_SITEMAP_URLS = 100_000
_SKIP_SUFFIXES = (
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".svg",
    ".webp",
    ".ico",
    ".css",
    ".js",
    ".zip",
    ".mp4",
    ".mp3",
    ".doc",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".ics",
    ".xml",
    ".json",
    ".woff",
    ".woff2",
)


@dataclass(frozen=True)
class CrawlOptions:
    """What to fetch and how politely."""

    sitemap: bool = False
    same_site: bool = False
    max_pages: int = 50
    delay_s: float = 1.0
    limits: FetchLimits = field(default_factory=FetchLimits)
    kommune: str = ""
    doc_type: str = "Webseite"


@dataclass(frozen=True)
class PageOutcome:
    """What happened to one URL (status: new, changed, unchanged, failed, skipped)."""

    url: str
    status: str
    doc_id: str = ""
    reason: str = ""


@dataclass
class CrawlReport:
    """All page outcomes of a crawl, the folder of its snapshots and run-wide notes."""

    folder: Path
    pages: list[PageOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[PageOutcome]:
        """Pages that could not be fetched or stored."""
        return [p for p in self.pages if p.status == "failed"]


def crawl(
    url: str,
    corpus_dir: Path,
    options: CrawlOptions,
    on_page: Callable[[PageOutcome], None] | None = None,
) -> CrawlReport:
    """Fetch a website into dated snapshots under ``corpus_dir/web/<host>/``."""
    import httpx

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(texts.WEB_BAD_URL.format(url=url))
    store = SnapshotStore(corpus_dir, url, options.kommune, options.doc_type)
    report = CrawlReport(store.folder)
    timeout = httpx.Timeout(options.limits.timeout_s)
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    with httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=timeout,
        follow_redirects=False,
        trust_env=not loopback,  # a proxy from the environment must not see loopback tests
    ) as client:
        session = _Session(client, url, options, store, report, on_page)
        session.run()
    store.save_state()
    return report


class _Session:
    """One crawl: robots rules, the queue of URLs, politeness delay, the page budget."""

    def __init__(
        self,
        client: object,
        start: str,
        options: CrawlOptions,
        store: SnapshotStore,
        report: CrawlReport,
        on_page: Callable[[PageOutcome], None] | None,
    ) -> None:
        self.client, self.start, self.options = client, start, options
        self.store, self.report, self.on_page = store, report, on_page
        self.robots = self._robots()
        self.delay = max(options.delay_s, min(self._crawl_delay(), _MAX_CRAWL_DELAY))
        self.last_request = 0.0

    def run(self) -> None:
        queue = deque(self._seeds())
        seen = set(queue)
        done = 0
        while queue:
            url = queue.popleft()
            if done >= self.options.max_pages:
                found = done + len(queue) + 1
                self.report.notes.append(
                    texts.WEB_PAGE_LIMIT.format(limit=self.options.max_pages, found=found)
                )
                return
            links = self._page(url)
            done += 1
            if self.options.same_site:
                for link in links:
                    if link not in seen and len(seen) < _MAX_SITEMAP_URLS:
                        seen.add(link)
                        queue.append(link)

    def _seeds(self) -> list[str]:
        if not self.options.sitemap:
            return [_normal(self.start)]
        urls = list(dict.fromkeys(_normal(u) for u in self._sitemap_urls()))
        return [u for u in urls if same_site(self.start, u)] or [_normal(self.start)]

    def _page(self, url: str) -> list[str]:
        """Fetch and store one page; returns its same-site links."""
        if not self.robots.can_fetch(USER_AGENT, url):
            self._record(PageOutcome(url, "skipped", reason=texts.WEB_ROBOTS))
            return []
        state = self.store.state_of(url)
        try:
            response = self._fetch(url, state.get("etag", ""), state.get("last_modified", ""))
        except FetchError as exc:
            reason = str(exc)
            if state.get("file"):
                reason = texts.WEB_GONE.format(reason=reason)
            self._record(PageOutcome(url, "failed", state.get("file", ""), reason))
            return []
        outcome, links = self.store.put(url, response)
        self._record(outcome)
        return [link for link in links if self._follow(link)]

    def _fetch(self, url: str, etag: str = "", last_modified: str = "") -> Response:
        wait = self.last_request + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return fetch(self.client, url, self.options.limits, etag, last_modified)
        finally:
            self.last_request = time.monotonic()

    def _follow(self, link: str) -> bool:
        """Same-site pages without parameters: "?druck=1", filters and session ids lead to
        copies of pages already fetched."""
        parts = urlsplit(link)
        return (
            parts.scheme in ("http", "https")
            and not parts.query
            and same_site(self.start, link)
            and not parts.path.lower().endswith(_SKIP_SUFFIXES)
        )

    def _record(self, outcome: PageOutcome) -> None:
        self.report.pages.append(outcome)
        if self.on_page:
            self.on_page(outcome)

    # --- robots.txt and sitemaps ------------------------------------------------------

    def _robots(self) -> RobotFileParser:
        parser = RobotFileParser()
        robots_url = urljoin(self.start, "/robots.txt")
        try:
            response = fetch(self.client, robots_url, self.options.limits)
            parser.parse(response.body.decode("utf-8", "replace").splitlines())
        except FetchError as exc:
            # RFC 9309: robots.txt unavailable (4xx) allows everything; unreachable (5xx,
            # network) allows nothing.
            allowed = 400 <= exc.status < 500
            parser.parse([] if allowed else ["User-agent: *", "Disallow: /"])
        return parser

    def _crawl_delay(self) -> float:
        value = self.robots.crawl_delay(USER_AGENT)
        try:
            return float(value) if value is not None else 0.0
        except (TypeError, ValueError):
            return 0.0

    def _sitemap_urls(self) -> Iterator[str]:
        if urlsplit(self.start).path.lower().endswith(".xml"):
            pending = [self.start]
        else:
            listed = [urljoin(self.start, s) for s in self.robots.site_maps() or []]
            pending = listed or [urljoin(self.start, "/sitemap.xml")]
        visited = 0
        while pending and visited < _MAX_SITEMAPS:
            sitemap = pending.pop(0)
            visited += 1
            if not same_site(self.start, sitemap):
                continue
            locations, nested = self._read_sitemap(sitemap)
            pending += nested
            yield from locations

    def _read_sitemap(self, url: str) -> tuple[list[str], list[str]]:
        import defusedxml.ElementTree as SafeET

        try:
            response = self._fetch(url)
            root = SafeET.fromstring(getattr(response, "body", b""))
        except (FetchError, SafeET.ParseError, ValueError) as exc:
            self.report.notes.append(texts.WEB_SITEMAP_BROKEN.format(url=url, detail=exc))
            return [], []
        except Exception as exc:  # noqa: BLE001 - defusedxml refuses entity tricks
            self.report.notes.append(texts.WEB_SITEMAP_BROKEN.format(url=url, detail=exc))
            return [], []
        locations = [
            (element.text or "").strip()
            for element in root.iter()
            if isinstance(element.tag, str) and element.tag.endswith("loc")
        ][:_MAX_SITEMAP_URLS]
        if root.tag.endswith("sitemapindex"):
            return [], locations
        return locations, []


def _normal(url: str) -> str:
    """URL without fragment; an empty path becomes "/"."""
    url = urldefrag(url.strip())[0]
    parts = urlsplit(url)
    return url if parts.path else url + "/"
