"""The SQLite chunk store of one generation: documents (the manifest) and their chunks.

The writer opens it read-write while it builds the generation; readers open the published
file with ``mode=ro&immutable=1``, which never creates a file (no journal, no WAL, no -shm)
and takes no locks: a published generation does not change.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, overload

from .types import Chunk, DocRecord, DocumentMeta

__all__ = ["SCHEMA_VERSION", "ChunkStore", "StoredChunks", "read_chunks", "read_documents"]

SCHEMA_VERSION = 2
FILE_NAME = "chunks.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, meta TEXT NOT NULL, path TEXT NOT NULL,
    content_hash TEXT NOT NULL, fingerprint TEXT NOT NULL, pages INTEGER NOT NULL,
    chunk_count INTEGER NOT NULL, ingested_at TEXT NOT NULL, warnings TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, position INTEGER NOT NULL,
    text TEXT NOT NULL, section TEXT NOT NULL, page_start INTEGER NOT NULL,
    page_end INTEGER NOT NULL, page_breaks TEXT NOT NULL, kind TEXT NOT NULL DEFAULT '',
    ocr INTEGER NOT NULL DEFAULT 0, paged INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks (doc_id, position);
CREATE TABLE IF NOT EXISTS bases (doc_id TEXT PRIMARY KEY, packed BLOB NOT NULL);
"""
# Columns added after the first schema, with their definitions and the value they default to.
_CHUNK_COLUMNS_ADDED = {
    "kind": ("TEXT NOT NULL DEFAULT ''", ""),
    "ocr": ("INTEGER NOT NULL DEFAULT 0", 0),
    "paged": ("INTEGER NOT NULL DEFAULT 1", 1),
}
_BASE_COLUMNS = (
    "chunk_id",
    "doc_id",
    "position",
    "text",
    "section",
    "page_start",
    "page_end",
    "page_breaks",
)
_CHUNK_COLUMNS = (*_BASE_COLUMNS, *_CHUNK_COLUMNS_ADDED)


class ChunkStore:
    """Read-write access for the writer of a generation (one connection, one thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        # No sync per document: an unpublished generation is discarded after a crash anyway;
        # ``seal`` makes everything durable once, before the generation is published.
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.executescript(_SCHEMA)
        self._add_missing_columns()

    def _add_missing_columns(self) -> None:
        """Bring a copy of an older generation's chunk table up to the current schema."""
        present = {row[1] for row in self._db.execute("PRAGMA table_info(chunks)")}
        with self._db:
            for name, (definition, _) in _CHUNK_COLUMNS_ADDED.items():
                if name not in present:
                    self._db.execute(f"ALTER TABLE chunks ADD COLUMN {name} {definition}")

    @classmethod
    def copy_of(cls, source: Path, target: Path) -> ChunkStore:
        """A writable copy of a published store (SQLite's online backup, read-only source)."""
        src = sqlite3.connect(_readonly_uri(source), uri=True)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        return cls(target)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction (committed on success, rolled back on error)."""
        with self._db:
            yield self._db

    def seal(self, values: dict[str, str]) -> None:
        """Set the last meta keys in a fully synced commit (flushes all earlier writes)."""
        self._db.execute("PRAGMA synchronous=FULL")
        self.set_meta(values)

    def set_meta(self, values: dict[str, str]) -> None:
        """Set keys of the meta table."""
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(values.items()))

    def get_meta(self, key: str) -> str | None:
        """A value of the meta table."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def documents(self) -> list[DocRecord]:
        """All documents, sorted by id."""
        return _documents(self._db)

    def document(self, doc_id: str) -> DocRecord | None:
        """One document's manifest entry."""
        row = self._db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return _record(row) if row else None

    def chunk_ids(self, doc_id: str | None = None) -> list[str]:
        """Chunk ids of one document (or of all)."""
        if doc_id is None:
            return [r[0] for r in self._db.execute("SELECT chunk_id FROM chunks")]
        rows = self._db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,))
        return [r[0] for r in rows]

    def chunks(self) -> list[Chunk]:
        """All chunks in document order."""
        return _chunks(self._db)

    def put(self, record: DocRecord, chunks: list[Chunk], basis: bytes | None = None) -> None:
        """Replace a document's manifest entry, chunks and inference basis (what its
        municipality is inferred from; none when the manifest gives it) in one transaction."""
        with self.transaction() as db:
            db.execute("DELETE FROM chunks WHERE doc_id = ?", (record.doc_id,))
            db.execute("DELETE FROM bases WHERE doc_id = ?", (record.doc_id,))
            if basis is not None:
                db.execute("INSERT INTO bases VALUES (?, ?)", (record.doc_id, basis))
            columns = ", ".join(_CHUNK_COLUMNS)
            marks = ", ".join("?" * len(_CHUNK_COLUMNS))
            db.executemany(
                f"INSERT INTO chunks ({columns}) VALUES ({marks})", [_row(c) for c in chunks]
            )
            db.execute(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _doc_row(record),
            )

    def set_document_meta(self, meta: DocumentMeta) -> None:
        """Replace the metadata of a stored document (its chunks stay as they are)."""
        raw = json.dumps(meta.to_dict(), ensure_ascii=False)
        with self.transaction() as db:
            db.execute("UPDATE documents SET meta = ? WHERE doc_id = ?", (raw, meta.doc_id))

    def basis_ids(self) -> set[str]:
        """The documents with a stored inference basis."""
        return {row[0] for row in self._db.execute("SELECT doc_id FROM bases")}

    def basis(self, doc_id: str) -> bytes | None:
        """A document's inference basis (opaque to the store), None when it has none."""
        row = self._db.execute("SELECT packed FROM bases WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def remove(self, doc_id: str) -> None:
        """Remove a document and its chunks."""
        with self.transaction() as db:
            db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM bases WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def close(self) -> None:
        """Switch to a rollback journal (readers need no -wal/-shm files) and close."""
        self._db.execute("PRAGMA journal_mode=DELETE")
        self._db.close()


def read_documents(path: Path) -> tuple[dict[str, str], list[DocRecord]]:
    """(meta, documents) of a published store, read without creating any file."""
    with _readonly(path) as db:
        return dict(db.execute("SELECT key, value FROM meta").fetchall()), _documents(db)


def read_chunks(path: Path) -> list[Chunk]:
    """All chunks of a published store in document order, read without creating any file."""
    with _readonly(path) as db:
        return _chunks(db)


class StoredChunks(Sequence[Chunk]):
    """The chunks of a published store in row order, each made a ``Chunk`` when first used.

    A reader of 100,000 chunks needs only a few hundred of them per question; building every
    ``Chunk`` at start took more than half a second. Immutable, so threads may share it.
    """

    def __init__(self, rows: list[tuple[Any, ...]], metas: dict[str, DocumentMeta]) -> None:
        self._rows = rows
        self._metas = metas
        self._made: dict[int, Chunk] = {}
        self.ids = [row[0] for row in rows]
        self.doc_ids = [row[1] for row in rows]

    @classmethod
    def read(cls, path: Path) -> StoredChunks:
        """The chunks of the store at ``path``, read without creating any file."""
        with _readonly(path) as db:
            metas, rows = _chunk_rows(db)
        return cls(rows, metas)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> Chunk: ...

    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...

    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        chunk = self._made.get(i)
        if chunk is None:
            chunk = _chunk(self._rows[i], self._metas)
            self._made[i if i >= 0 else i + len(self)] = chunk
        return chunk

    def meta_of(self, i: int) -> DocumentMeta:
        """The document metadata of row ``i`` (without making its chunk)."""
        doc_id = self.doc_ids[i]
        return self._metas.get(doc_id, DocumentMeta(doc_id=doc_id, title=doc_id))


@contextmanager
def _readonly(path: Path) -> Iterator[sqlite3.Connection]:
    if not path.is_file():
        raise FileNotFoundError(path)  # sqlite would report a vague "unable to open"
    db = sqlite3.connect(_readonly_uri(path), uri=True)
    try:
        yield db
    finally:
        db.close()


def _readonly_uri(path: Path) -> str:
    quoted = str(path.resolve()).replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?mode=ro&immutable=1"


def _documents(db: sqlite3.Connection) -> list[DocRecord]:
    return [_record(row) for row in db.execute("SELECT * FROM documents ORDER BY doc_id")]


def _chunks(db: sqlite3.Connection) -> list[Chunk]:
    """All chunks; a published generation of an older schema gets the defaults of new columns."""
    metas, rows = _chunk_rows(db)
    return [_chunk(row, metas) for row in rows]


def _chunk_rows(
    db: sqlite3.Connection,
) -> tuple[dict[str, DocumentMeta], list[tuple[Any, ...]]]:
    """Document metadata and the raw chunk rows in row order (older schemas get defaults)."""
    metas = {row[0]: _meta(row[1]) for row in db.execute("SELECT doc_id, meta FROM documents")}
    present = {row[1] for row in db.execute("PRAGMA table_info(chunks)")}
    added = [
        name if name in present else f"{default!r} AS {name}"
        for name, (_, default) in _CHUNK_COLUMNS_ADDED.items()
    ]
    columns = ", ".join([*_BASE_COLUMNS, *added])
    rows = db.execute(f"SELECT {columns} FROM chunks ORDER BY doc_id, position").fetchall()
    return metas, rows


def _row(c: Chunk) -> tuple[Any, ...]:
    return (
        c.chunk_id,
        c.doc_id,
        c.position,
        c.text,
        c.section,
        c.page_start,
        c.page_end,
        json.dumps(list(c.page_breaks)),
        c.kind,
        int(c.ocr),
        int(c.paged),
    )


def _chunk(row: tuple[Any, ...], metas: dict[str, DocumentMeta]) -> Chunk:
    chunk_id, doc_id, position, text, section, page_start, page_end, breaks = row[:8]
    kind, ocr, paged = row[8:11]
    return Chunk(
        chunk_id=chunk_id,
        doc_id=doc_id,
        position=position,
        text=text,
        section=section,
        page_start=page_start,
        page_end=page_end,
        page_breaks=() if breaks == "[]" else tuple(json.loads(breaks)),
        meta=metas.get(doc_id, DocumentMeta(doc_id=doc_id, title=doc_id)),
        kind=kind,
        ocr=bool(ocr),
        paged=bool(paged),
    )


def _doc_row(r: DocRecord) -> tuple[Any, ...]:
    return (
        r.doc_id,
        json.dumps(r.meta.to_dict(), ensure_ascii=False),
        r.path,
        r.content_hash,
        r.fingerprint,
        r.pages,
        r.chunk_count,
        r.ingested_at,
        json.dumps(list(r.warnings), ensure_ascii=False),
    )


def _meta(raw: str) -> DocumentMeta:
    return DocumentMeta(**json.loads(raw))


def _record(row: tuple[Any, ...]) -> DocRecord:
    _, meta, path, content_hash, fingerprint, pages, chunk_count, ingested_at, warnings = row
    return DocRecord(
        meta=_meta(meta),
        path=path,
        content_hash=content_hash,
        fingerprint=fingerprint,
        pages=pages,
        chunk_count=chunk_count,
        ingested_at=ingested_at,
        warnings=tuple(json.loads(warnings)),
    )
