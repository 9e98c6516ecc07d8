"""Admin operations on the corpus folder: upload, delete, document status, ingest records.

Pure logic plus file I/O, shared by the admin page and the CLI. Nothing here renders or
prompts; errors an admin can fix are ``AdminError`` with a German message.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant import e5
from assistant.embed import resolve_model
from assistant.errors import IndexMissing, KonzeptlotseError
from assistant.generations import WriterLock
from assistant.german import transliterate
from assistant.settings import Settings
from assistant.store import Index, IndexWriter
from assistant.types import DocRecord

from .load import KIND_NAMES, SUPPORTED_SUFFIXES, sniff
from .metadata import MANIFEST_NAME
from .pipeline import (
    IngestReport,
    Progress,
    discover,
    ingest_lock,
    relinked_versions,
    run_ingest,
)
from .review import version_warnings

__all__ = [
    "DOC_TYPES",
    "STATUS_FILE",
    "AdminError",
    "DeleteResult",
    "DocumentRow",
    "UploadMeta",
    "check_upload",
    "delete_document",
    "document_rows",
    "load_status",
    "remove_from_index",
    "remove_manifest_entry",
    "run_and_record",
    "safe_filename",
    "save_upload",
    "set_manifest_entry",
]

DOC_TYPES = ("Kommunales Konzept", "Fortschreibung", "Leitfaden", "Handreichung", "Webseite")
STATUS_FILE = "ingest-status.json"  # last outcome per document, kept in the data directory
MAX_NAME_LENGTH = 120
_ENTRY_KEYS = ("file", "title", "issuer", "kommune", "doc_type", "stand", "source", "supersedes")
_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_MANIFEST_HEADER = (
    "# Konzeptlotse – Dokumentenverzeichnis (manifest.yaml)\n"
    "# Felder: file, title, issuer, kommune, doc_type, stand (JJJJ-MM-TT), source, supersedes,\n"
    "# confirmed (false = neue Fassung, noch nicht bestätigt: konzeptlotse confirm DATEI).\n"
)

# German messages (admin-facing; the UI shows them verbatim).
ERR_NAME = "Der Dateiname „{name}“ ist nicht verwendbar."
ERR_SUFFIX = (
    "Dateityp „{suffix}“ wird nicht unterstützt (erlaubt: PDF, Word/DOCX, OpenDocument/ODT, "
    "HTML, Markdown, TXT)."
)
ERR_EMPTY = "Die Datei „{name}“ ist leer."
ERR_TOO_LARGE = "Die Datei ist {size:.1f} MB groß; erlaubt sind höchstens {limit} MB."
ERR_CONTENT = (
    "Die Datei heißt „{name}“, enthält aber {actual}. Bitte eine echte {expected}-Datei "
    "hochladen oder die Datei richtig benennen."
)
ERR_EXISTS = (
    "Eine Datei „{name}“ gibt es schon. Zum Ersetzen bitte ausdrücklich „Vorhandene Datei "
    "ersetzen“ wählen, sonst die Datei umbenennen."
)
ERR_OUTSIDE = "Das Dokument „{doc_id}“ liegt nicht im Dokumentordner und wird nicht gelöscht."
ERR_UNKNOWN = "Das Dokument „{doc_id}“ ist weder im Index noch im Dokumentordner."
# Which sniffed content types each declared kind accepts.
_ACCEPTED = {
    "pdf": {"pdf"},
    "html": {"html"},
    "markdown": {"text"},
    "text": {"text"},
    "docx": {"zip"},
    "odt": {"zip"},
}


class AdminError(KonzeptlotseError):
    """An admin operation was refused; the message says why and what to do."""


@dataclass(frozen=True)
class UploadMeta:
    """Metadata an admin gives for an uploaded document (the manifest entry's fields)."""

    title: str = ""
    kommune: str = ""
    doc_type: str = ""
    stand: str = ""  # ISO date "YYYY-MM-DD" or ""
    issuer: str = ""
    source: str = ""
    supersedes: str = ""

    def entry(self, file: str) -> dict[str, str | bool]:
        """The manifest entry for ``file`` in the manifest's key order (empty fields left out).

        An upload that supersedes another document waits for an admin's confirmation.
        """
        values = {"file": file, **{k: getattr(self, k).strip() for k in _ENTRY_KEYS[1:]}}
        entry: dict[str, str | bool] = {k: v for k, v in values.items() if v or k == "file"}
        if self.supersedes.strip():
            entry["confirmed"] = False
        return entry


@dataclass(frozen=True)
class DeleteResult:
    """What ``delete_document`` removed."""

    doc_id: str
    file_removed: bool
    manifest_removed: bool
    index_removed: bool


@dataclass(frozen=True)
class DocumentRow:
    """One line of the admin's document list."""

    doc_id: str
    title: str
    kommune: str
    doc_type: str
    stand: str
    pages: int | None
    chunks: int | None
    ingested_at: str
    status: str  # "indexed" | "failed" | "pending"
    warnings: tuple[str, ...] = field(default=())
    inferred: tuple[str, ...] = field(default=())  # fields read off the document (no manifest)
    place: str = ""  # without a municipality: the one municipality the document names


# --- uploads ------------------------------------------------------------------------------


def safe_filename(name: str) -> str:
    """A harmless file name: no folders, no hidden files, ASCII, lower case, bounded length."""
    base = re.split(r"[\\/]", name.strip())[-1]
    base = transliterate(unicodedata.normalize("NFC", base).lower())
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = _UNSAFE.sub("-", base.replace(" ", "-"))
    base = re.sub(r"-{2,}", "-", base).strip(".-_")
    stem, dot, suffix = base.rpartition(".")
    if not dot or not stem.strip(".-_"):
        raise AdminError(ERR_NAME.format(name=name))
    stem = stem.strip(".-_")[: MAX_NAME_LENGTH - len(suffix) - 1]
    return f"{stem}.{suffix}"


def check_upload(name: str, data: bytes, max_mb: int) -> str:
    """Validate an upload by name, size and content; returns the safe file name."""
    safe = safe_filename(name)
    suffix = Path(safe).suffix
    kind = SUPPORTED_SUFFIXES.get(suffix)
    if kind is None:
        raise AdminError(ERR_SUFFIX.format(suffix=suffix))
    if not data.strip():
        raise AdminError(ERR_EMPTY.format(name=safe))
    if len(data) > max_mb * 1024 * 1024:
        raise AdminError(ERR_TOO_LARGE.format(size=len(data) / 1024 / 1024, limit=max_mb))
    actual = sniff(data)
    if actual not in _ACCEPTED[kind]:
        raise AdminError(
            ERR_CONTENT.format(name=safe, actual=KIND_NAMES[actual], expected=KIND_NAMES[kind])
        )
    return safe


def save_upload(
    settings: Settings,
    name: str,
    data: bytes,
    meta: UploadMeta,
    *,
    replace: bool = False,
) -> Path:
    """Check and store an upload in the corpus folder and write its manifest entry.

    Holds the writer lock, so no ingest run reads the folder or manifest meanwhile (raises
    ``IndexLocked`` while one runs). An existing file is only overwritten with
    ``replace=True``; returns the stored path.
    """
    safe = check_upload(name, data, settings.upload_max_mb)
    corpus_dir = settings.corpus_dir
    target = corpus_dir / safe
    with ingest_lock(settings.data_dir):
        if target.exists() and not replace:
            raise AdminError(ERR_EXISTS.format(name=safe))
        corpus_dir.mkdir(parents=True, exist_ok=True)
        _write_atomic(target, data)
        set_manifest_entry(corpus_dir, meta.entry(safe))
    return target


def _write_atomic(target: Path, data: bytes) -> None:
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- manifest -----------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key, like the hand-written manifest."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _read_manifest_file(corpus_dir: Path) -> tuple[str, dict[str, Any]]:
    """(leading comment block, parsed data) of the manifest; a fresh one if there is none."""
    path = corpus_dir / MANIFEST_NAME
    if not path.is_file():
        return _MANIFEST_HEADER, {"version": 1, "documents": []}
    text = path.read_text(encoding="utf-8")
    header_lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        header_lines.append(line)
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise AdminError(
            f"{path}: Das Manifest hat kein erwartetes Format (Schlüssel 'documents')."
        )
    data.setdefault("documents", [])
    return "".join(header_lines), data


def _write_manifest_file(corpus_dir: Path, header: str, data: dict[str, Any]) -> None:
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000)
    _write_atomic(corpus_dir / MANIFEST_NAME, (header + body).encode("utf-8"))


def set_manifest_entry(corpus_dir: Path, entry: Mapping[str, Any]) -> None:
    """Add or replace the manifest entry of ``entry['file']``; other entries stay as they are."""
    header, data = _read_manifest_file(corpus_dir)
    documents = data["documents"]
    for i, existing in enumerate(documents):
        if isinstance(existing, dict) and str(existing.get("file", "")).strip("/") == entry["file"]:
            documents[i] = dict(entry)
            break
    else:
        documents.append(dict(entry))
    _write_manifest_file(corpus_dir, header, data)


def remove_manifest_entry(corpus_dir: Path, doc_id: str) -> bool:
    """Drop the manifest entry of ``doc_id``; returns whether there was one."""
    if not (corpus_dir / MANIFEST_NAME).is_file():
        return False
    header, data = _read_manifest_file(corpus_dir)
    documents = data["documents"]
    kept = [
        e
        for e in documents
        if not (isinstance(e, dict) and str(e.get("file", "")).strip("/") == doc_id)
    ]
    if len(kept) == len(documents):
        return False
    data["documents"] = kept
    _write_manifest_file(corpus_dir, header, data)
    return True


# --- delete -------------------------------------------------------------------------------


def _open_index(settings: Settings) -> Index | None:
    try:
        return Index.open(
            settings.data_dir,
            resolve_model(settings.embedding_model),
            chroma_url=settings.chroma_url,
        )
    except IndexMissing:
        return None


def _file_to_delete(corpus_dir: Path, doc_id: str, record: DocRecord | None) -> Path | None:
    """The document's file if it exists inside the corpus folder (never anything outside)."""
    root = corpus_dir.resolve()
    path = (Path(record.path) if record else corpus_dir / doc_id).resolve()
    inside = path.is_relative_to(root) and path != root / MANIFEST_NAME
    if not inside and record is None:
        raise AdminError(ERR_OUTSIDE.format(doc_id=doc_id))
    return path if inside and path.is_file() else None


def delete_document(settings: Settings, doc_id: str) -> DeleteResult:
    """Remove a document's file, its manifest entry and its index entry (under the lock).

    A file outside the corpus folder (ingested from elsewhere) is left in place.
    """
    with ingest_lock(settings.data_dir) as lock:
        index = _open_index(settings)
        record = index.document(doc_id) if index else None
        if index is not None:
            index.close()  # our own lease must not keep the old generation from deletion
        path = _file_to_delete(settings.corpus_dir, doc_id, record)
        in_manifest = remove_manifest_entry(settings.corpus_dir, doc_id)
        if record is None and path is None and not in_manifest:
            raise AdminError(ERR_UNKNOWN.format(doc_id=doc_id))
        if path is not None:
            path.unlink()
        if record is not None:
            _publish_without(lock, settings, doc_id)
        _forget_status(settings.data_dir, [doc_id])
    return DeleteResult(doc_id, path is not None, in_manifest, record is not None)


def remove_from_index(settings: Settings, doc_id: str) -> bool:
    """Remove a document from the index only (its file stays); False if it is not indexed."""
    with ingest_lock(settings.data_dir) as lock:
        index = _open_index(settings)
        known = index is not None and index.document(doc_id) is not None
        if index is not None:
            index.close()
        if not known:
            return False
        _publish_without(lock, settings, doc_id)
        _forget_status(settings.data_dir, [doc_id])
    return True


def _publish_without(lock: WriterLock, settings: Settings, doc_id: str) -> None:
    """Publish a new generation that lacks ``doc_id`` (copy-on-write from the current one)."""
    writer = IndexWriter.start(
        lock,
        resolve_model(settings.embedding_model),
        chroma_url=settings.chroma_url,
        with_e5=e5.wanted(settings.weight_e5),
    )
    try:
        writer.remove_document(doc_id)
        writer.set_metas(relinked_versions([r.meta for r in writer.documents()]))
        writer.publish()
    except BaseException:
        writer.discard()
        raise


# --- ingest runs and their per-document record ----------------------------------------------


def run_and_record(
    settings: Settings,
    paths: list[Path] | None = None,
    rebuild: bool = False,
    dry_run: bool = False,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """``run_ingest`` that also remembers each document's last outcome (for the status list)."""
    report = run_ingest(settings, paths, rebuild, dry_run, on_progress)
    if not dry_run:
        _record_status(settings.data_dir, report)
    return report


def load_status(data_dir: Path) -> dict[str, dict[str, Any]]:
    """Last known outcome per document id (status, reason, warnings, at)."""
    path = data_dir / STATUS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_status(data_dir: Path, status: dict[str, dict[str, Any]]) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(status, ensure_ascii=False, indent=1, sort_keys=True)
    _write_atomic(data_dir / STATUS_FILE, payload.encode("utf-8"))


def _record_status(data_dir: Path, report: IngestReport) -> None:
    status = load_status(data_dir)
    at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    for outcome in report.outcomes:
        if outcome.status == "removed":
            status.pop(outcome.doc_id, None)
        else:
            status[outcome.doc_id] = {
                "status": outcome.status,
                "reason": outcome.reason,
                "warnings": list(outcome.warnings),
                "at": at,
            }
    _save_status(data_dir, status)


def _forget_status(data_dir: Path, doc_ids: Iterable[str]) -> None:
    status = load_status(data_dir)
    if any(d in status for d in doc_ids):
        for doc_id in doc_ids:
            status.pop(doc_id, None)
        _save_status(data_dir, status)


# --- document list ------------------------------------------------------------------------

WARN_DUPLICATE = "Gleicher Inhalt wie {other} (Duplikat?)"
WARN_FILE_MISSING = "Datei fehlt im Dokumentordner – beim nächsten Einlesen wird es entfernt."
WARN_NO_CHUNKS = "Keine Textabschnitte – gescanntes PDF?"
WARN_SUPERSEDED = "Wird (teilweise) ersetzt durch {other}"
WARN_PENDING = "Noch nicht eingelesen."


def document_rows(settings: Settings) -> list[DocumentRow]:
    """Every indexed document plus every corpus file not (yet) in the index, with warnings."""
    index = _open_index(settings)
    records = index.documents() if index else []
    status = load_status(settings.data_dir)
    versions = version_warnings(index) if index else {}
    rows = [_indexed_row(r, records, versions.get(r.doc_id, ())) for r in records]
    known = {r.doc_id for r in records}
    root = settings.corpus_dir
    files = discover([root], root) if root.is_dir() else []
    for source in files:
        if source.doc_id not in known:
            rows.append(_unindexed_row(source.doc_id, source.entry or {}, status))
    return sorted(rows, key=lambda row: row.doc_id)


def _indexed_row(
    record: DocRecord, records: list[DocRecord], versions: tuple[str, ...] = ()
) -> DocumentRow:
    warnings = [*versions, *record.warnings]
    duplicates = [
        r.doc_id
        for r in records
        if r.content_hash == record.content_hash and r.doc_id != record.doc_id
    ]
    warnings += [WARN_DUPLICATE.format(other=d) for d in duplicates]
    warnings += [
        WARN_SUPERSEDED.format(other=r.doc_id)
        for r in records
        if r.meta.supersedes == record.doc_id
    ]
    if record.chunk_count == 0:
        warnings.append(WARN_NO_CHUNKS)
    if not Path(record.path).exists():
        warnings.append(WARN_FILE_MISSING)
    meta = record.meta
    return DocumentRow(
        doc_id=record.doc_id,
        title=meta.title,
        kommune=meta.kommune,
        doc_type=meta.doc_type,
        stand=meta.stand,
        pages=record.pages,
        chunks=record.chunk_count,
        ingested_at=record.ingested_at,
        status="indexed",
        warnings=tuple(warnings),
        inferred=tuple(f for f in meta.inferred.split(",") if f),
        place=meta.place,
    )


def _unindexed_row(
    doc_id: str, entry: dict[str, Any], status: dict[str, dict[str, Any]]
) -> DocumentRow:
    last = status.get(doc_id, {})
    verdict = str(last.get("status", ""))
    failed = verdict in ("failed", "skipped")
    warnings = (str(last.get("reason", "")),) if failed else (WARN_PENDING,)
    return DocumentRow(
        doc_id=doc_id,
        title=str(entry.get("title") or ""),
        kommune=str(entry.get("kommune") or ""),
        doc_type=str(entry.get("doc_type") or ""),
        stand=str(entry.get("stand") or ""),
        pages=None,
        chunks=None,
        ingested_at=str(last.get("at", "")) if failed else "",
        status=verdict if failed else "pending",
        warnings=warnings,
    )
