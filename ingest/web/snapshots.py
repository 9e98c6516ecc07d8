"""Dated snapshots of web pages in the corpus folder, so ingest and citations work offline.

Layout under ``corpus/documents/web/<host>/``::

    angebote/erstberatung.html      the current snapshot (a comment names URL and date)
    .archiv/2026-11-30/angebote/…   earlier snapshots, moved aside when a page changed
    .abrufe.json                    per URL: file, ETag, Last-Modified, SHA-256, dates

Folders and files starting with a dot are not ingested. A page whose content hash did not
change leaves its file untouched, so ingest sees it as unchanged; each stored page gets a
manifest entry (title, source URL, Stand) like an uploaded document.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import time
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from assistant import texts

from .fetch import Response

__all__ = ["STATE_FILE", "SnapshotStore", "snapshot_path"]

STATE_FILE = ".abrufe.json"
ARCHIVE = ".archiv"
_MAX_DEPTH = 6
_MAX_NAME = 80
_UNSAFE = re.compile(r"[^a-z0-9._-]+")


def snapshot_path(url: str, suffix: str) -> Path:
    """Relative snapshot path of a URL: its path segments, made safe ("/" -> "index")."""
    parts = urlsplit(url)
    segments = [_safe(s) for s in parts.path.split("/") if s.strip()][:_MAX_DEPTH]
    segments = [s for s in segments if s] or ["index"]
    if parts.path.endswith("/") and segments != ["index"]:
        segments.append("index")
    stem = segments[-1].rsplit(".", 1)[0] if "." in segments[-1] else segments[-1]
    if parts.query:
        stem += "-" + hashlib.sha256(parts.query.encode()).hexdigest()[:8]
    return Path(*segments[:-1], (stem or "index") + suffix)


def _safe(segment: str) -> str:
    text = _UNSAFE.sub("-", segment.lower()).strip(".-")
    return text[:_MAX_NAME]


def _site_folder(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "seite").lower()
    host = host[4:] if host.startswith("www.") else host
    return _safe(host + (f"-{parts.port}" if parts.port else "")) or "seite"


class SnapshotStore:
    """Snapshots of one site: write changed pages, keep state, write manifest entries."""

    def __init__(self, corpus_dir: Path, start_url: str, kommune: str, doc_type: str) -> None:
        self.corpus_dir = corpus_dir
        self.folder = corpus_dir / "web" / _site_folder(start_url)
        self.kommune, self.doc_type = kommune, doc_type
        self.state: dict[str, dict[str, Any]] = _read_state(self.folder / STATE_FILE)

    def state_of(self, url: str) -> dict[str, Any]:
        """What the last fetch of ``url`` left (empty for a new URL)."""
        return self.state.get(url, {})

    def put(self, url: str, response: Response) -> tuple[Any, list[str]]:
        """Store a fetched page if it changed; (outcome, links found on the page)."""
        from .crawl import PageOutcome

        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        entry = self.state.setdefault(url, {})
        entry["fetched_at"] = now
        if response.status == 304:
            return PageOutcome(url, "unchanged", entry.get("file", "")), []
        suffix = _suffix(response.content_type, response.body)
        if suffix is None:
            reason = texts.WEB_CONTENT_TYPE.format(content_type=response.content_type or "?")
            return PageOutcome(url, "skipped", reason=reason), []
        text = _decoded(response) if suffix == ".html" else ""
        links = _links(text, response.url) if text else []
        digest = hashlib.sha256(response.body).hexdigest()
        relative = Path("web") / self.folder.name / snapshot_path(response.url, suffix)
        doc_id = relative.as_posix()
        entry.update(etag=response.etag, last_modified=response.last_modified, file=doc_id)
        if entry.get("sha256") == digest and (self.corpus_dir / relative).is_file():
            return PageOutcome(url, "unchanged", doc_id), links
        status = "changed" if entry.get("sha256") else "new"
        self._archive(relative, entry.get("changed_at", ""))
        self._write(relative, response, text, now)
        entry.update(sha256=digest, changed_at=now)
        self._manifest(doc_id, url, text, response.last_modified, now)
        return PageOutcome(url, status, doc_id), links

    def save_state(self) -> None:
        """Write the per-URL state (atomically)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps(self.state, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.folder / STATE_FILE)

    def _archive(self, relative: Path, changed_at: str) -> None:
        current = self.corpus_dir / relative
        if not current.is_file():
            return
        day = (changed_at or time.strftime("%Y-%m-%d"))[:10]
        target = self.folder / ARCHIVE / day / relative.relative_to(Path("web") / self.folder.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(current), target)

    def _write(self, relative: Path, response: Response, text: str, now: str) -> None:
        target = self.corpus_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if text:
            note = f"<!-- Konzeptlotse-Snapshot: {response.url} abgerufen {now} -->\n"
            data = (note + text).encode("utf-8")
        else:
            data = response.body
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)

    def _manifest(self, doc_id: str, url: str, html: str, last_modified: str, now: str) -> None:
        from ..admin import set_manifest_entry
        from ..metadata import read_manifest

        existing = read_manifest(self.corpus_dir).get(doc_id, {})
        entry = {
            "file": doc_id,
            "title": existing.get("title") or _title(html) or url,
            "kommune": existing.get("kommune") or self.kommune,
            "doc_type": existing.get("doc_type") or self.doc_type,
            "stand": _date(last_modified) or now[:10],
            "source": f"{url} (abgerufen am {now[:10]})",
        }
        for key in ("issuer", "supersedes"):
            if existing.get(key):
                entry[key] = str(existing[key])
        set_manifest_entry(self.corpus_dir, {k: str(v) for k, v in entry.items() if v})


def _read_state(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _suffix(content_type: str, body: bytes) -> str | None:
    if "pdf" in content_type or body[:5] == b"%PDF-":
        return ".pdf"
    if "html" in content_type or (not content_type and b"<html" in body[:1024].lower()):
        return ".html"
    return None


def _decoded(response: Response) -> str:
    """The page as text: the charset the server names, else UTF-8, else Windows-1252."""
    match = re.search(r"charset=([\w-]{1,40})", response.content_type)
    for encoding in ([match.group(1)] if match else []) + ["utf-8-sig", "cp1252"]:
        try:
            return response.body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return response.body.decode("utf-8", "replace")


def _links(html: str, base: str) -> list[str]:
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    links = []
    for element in root.iter("a"):
        href = (element.get("href") or "").strip()
        if href and not href.startswith(("mailto:", "tel:", "javascript:", "#")):
            links.append(urljoin(base, href).split("#")[0])
    return list(dict.fromkeys(links))


def _title(html: str) -> str:
    import lxml.html

    try:
        found = lxml.html.document_fromstring(html).find(".//title")
    except (ValueError, lxml.etree.ParserError):
        return ""
    return " ".join((found.text_content() if found is not None else "").split())[:200]


def _date(http_date: str) -> str:
    try:
        return parsedate_to_datetime(http_date).date().isoformat() if http_date else ""
    except (TypeError, ValueError):
        return ""
