"""Audit trail: one append-only record per answer, kept for a configurable number of days.

Records are JSON lines in one file per day under ``<data_dir>/audit/`` (``2026-11-30.jsonl``).
Each record names the index generation, the cited documents with their Stand and content
hash, the generator and model, whether the answer was found or refused, the support marks of
its sentences, and the question only in its redacted form. Records are chained by hashes
(``prev`` -> ``hash``), so a changed or removed line is detected by ``verify``; whole days
older than the retention period are deleted.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import texts
from .types import Answer, DocRecord

__all__ = [
    "AUDIT_DIR",
    "AuditEntry",
    "AuditLog",
    "CitedDocument",
    "entry_for",
    "parse_day",
]

AUDIT_DIR = "audit"
GENESIS = "0" * 64
_TAIL_BYTES = 65536
_process_lock = threading.Lock()


@dataclass(frozen=True)
class CitedDocument:
    """A document an answer cites, in the version that was indexed."""

    doc_id: str
    stand: str
    content_hash: str


@dataclass(frozen=True)
class AuditEntry:
    """What is recorded about one answer (never the question as typed, only redacted)."""

    time: str  # UTC, ISO 8601 to the second
    channel: str  # "chat" or "cli"
    session: str  # random id of the chat session ("" on the command line)
    question: str  # redacted form
    personal_data_removed: tuple[str, ...]  # kinds removed from the question (assistant.pii)
    found: bool
    index_generation: str
    generator: str
    model: str
    documents: tuple[CitedDocument, ...]
    citations: tuple[dict[str, Any], ...]  # n, doc_id, page
    support: dict[str, int] = field(default_factory=dict)  # status -> number of sentences

    def to_json(self) -> dict[str, Any]:
        """Plain JSON form (the fields of a line in the audit file, without the chain)."""
        return asdict(self)


def entry_for(
    answer: Answer,
    documents: Mapping[str, DocRecord],
    channel: str,
    session: str = "",
    removed: Sequence[str] = (),
    now: dt.datetime | None = None,
) -> AuditEntry:
    """The audit record of ``answer`` (``answer.question`` must already be redacted)."""
    cited = sorted({c.doc_id for c in answer.citations})
    backend, _, model = answer.generator.partition(":")
    support: dict[str, int] = {}
    for check in answer.checks:
        support[check.status] = support.get(check.status, 0) + 1
    when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return AuditEntry(
        time=when.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        channel=channel,
        session=session,
        question=answer.question,
        personal_data_removed=tuple(removed),
        found=answer.found,
        index_generation=answer.index_version,
        generator=backend,
        model=model,
        documents=tuple(_cited(doc_id, documents.get(doc_id)) for doc_id in cited),
        citations=tuple({"n": c.n, "doc_id": c.doc_id, "page": c.page} for c in answer.citations),
        support=support,
    )


def _cited(doc_id: str, record: DocRecord | None) -> CitedDocument:
    if record is None:
        return CitedDocument(doc_id, "", "")
    return CitedDocument(doc_id, record.meta.stand, record.content_hash)


def parse_day(value: str) -> dt.date:
    """A date given as JJJJ-MM-TT (or TT.MM.JJJJ); ValueError with a German hint otherwise."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(texts.AUDIT_BAD_DATE.format(value=value))


class AuditLog:
    """The audit files of one data directory."""

    def __init__(self, directory: Path, retention_days: int = 90) -> None:
        self.directory = directory
        self.retention_days = retention_days

    @classmethod
    def for_data_dir(cls, data_dir: Path, retention_days: int = 90) -> AuditLog:
        """The audit log of a data directory."""
        return cls(data_dir / AUDIT_DIR, retention_days)

    def append(self, entry: AuditEntry) -> dict[str, Any]:
        """Add one record (chained to the previous one); returns the line as written."""
        with self._locked():
            self.purge(today=dt.date.fromisoformat(entry.time[:10]))
            record = {**entry.to_json(), "prev": self._last_hash()}
            record["hash"] = _digest(record)
            path = self.directory / f"{entry.time[:10]}.jsonl"
            with path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            return record

    def purge(self, today: dt.date | None = None) -> list[Path]:
        """Delete the day files older than the retention period; returns them."""
        if self.retention_days <= 0:
            return []
        cutoff = (today or dt.date.today()) - dt.timedelta(days=self.retention_days)
        removed = [p for p in self._files() if _day_of(p) < cutoff]
        for path in removed:
            path.unlink(missing_ok=True)
        return removed

    def entries(self, since: dt.date | None = None) -> list[dict[str, Any]]:
        """All records (oldest first), from ``since`` on if given."""
        records: list[dict[str, Any]] = []
        for path in self._files():
            if since is None or _day_of(path) >= since:
                records.extend(_read_lines(path))
        return records

    def verify(self) -> list[str]:
        """German descriptions of every broken link in the chain ([] = intact)."""
        problems = []
        previous: str | None = None
        for record in self.entries():
            stated = record.get("hash", "")
            body = {k: v for k, v in record.items() if k != "hash"}
            if _digest(body) != stated:
                problems.append(f"Eintrag vom {record.get('time', '?')} wurde verändert.")
            if previous is not None and record.get("prev") != previous:
                problems.append(f"Vor dem Eintrag vom {record.get('time', '?')} fehlt etwas.")
            previous = stated
        return problems

    def _files(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(p for p in self.directory.glob("????-??-??.jsonl") if _is_day(p))

    def _last_hash(self) -> str:
        files = self._files()
        if not files:
            return GENESIS
        with files[-1].open("rb") as handle:
            handle.seek(0, 2)
            handle.seek(max(0, handle.tell() - _TAIL_BYTES))
            lines = [line for line in handle.read().splitlines() if line.strip()]
        try:
            return str(json.loads(lines[-1])["hash"]) if lines else GENESIS
        except (ValueError, KeyError):
            return GENESIS

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """One writer at a time: threads of this process and other processes (CLI, server)."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o750)
        with _process_lock, (self.directory / ".lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _digest(record: Mapping[str, Any]) -> str:
    body = {k: v for k, v in record.items() if k != "hash"}
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _is_day(path: Path) -> bool:
    try:
        _day_of(path)
    except ValueError:
        return False
    return True


def _day_of(path: Path) -> dt.date:
    return dt.date.fromisoformat(path.stem)


def _read_lines(path: Path) -> list[dict[str, Any]]:
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            try:
                records.append(json.loads(line))
            except ValueError:
                records.append({"time": path.stem, "hash": "", "defekt": line[:80]})
    return records
