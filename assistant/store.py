"""The index of one data directory: the ONE mapping between chunks and storage.

Layout of the data directory::

    CURRENT                 name of the live index generation (absent = no index yet)
    chroma/                 the persistent Chroma database (one collection per generation)
    index-<gen>.sqlite      documents (the manifest) and chunks, the source of truth
    ingest.lock             held while an ingest run writes

A document is written in three steps: its vectors are added to Chroma, then one SQLite
transaction replaces its chunk rows and manifest entry, then its old vectors are deleted.
SQLite decides what exists: vectors without a chunk row (left by an interrupted run) are
ignored by queries and removed by ``repair``. A rebuild writes a new generation and switches
``CURRENT`` atomically, so the old index answers until the new one is complete.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import texts
from .embed import load_embeddings, model_identity
from .errors import EmbeddingModelMismatch, IndexMissing
from .glossary import Glossary
from .lexical import LexicalIndex
from .types import Chunk, DocRecord, DocumentMeta, Filters, stand_year

__all__ = ["HNSW_METADATA", "Index", "chroma_client"]

SCHEMA_VERSION = 1
EMBED_BATCH = 64
# Set at collection creation; they cannot be changed later. ef values above the defaults
# keep recall on large collections (DESIGN.md).
HNSW_METADATA = {
    "hnsw:space": "cosine",
    "hnsw:M": 32,
    "hnsw:construction_ef": 200,
    "hnsw:search_ef": 128,
}

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
"""
# Columns added after the first schema, with their definitions (added to older databases).
_CHUNK_COLUMNS_ADDED = {
    "kind": "TEXT NOT NULL DEFAULT ''",
    "ocr": "INTEGER NOT NULL DEFAULT 0",
    "paged": "INTEGER NOT NULL DEFAULT 1",
}
_CHUNK_COLUMNS = (
    "chunk_id, doc_id, position, text, section, page_start, page_end, page_breaks, kind, ocr, paged"
)

_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()


def chroma_client(path: Path) -> Any:
    """The process-wide persistent Chroma client for ``path`` (telemetry off)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    key = str(path.resolve())
    with _clients_lock:
        if key not in _clients:
            path.mkdir(parents=True, exist_ok=True)
            _clients[key] = chromadb.PersistentClient(
                path=key, settings=ChromaSettings(anonymized_telemetry=False)
            )
        return _clients[key]


class Index:
    """Chunks, vectors and the manifest of one index generation in a data directory."""

    def __init__(
        self, data_dir: Path, generation: str, model: str, glossary: Glossary | None = None
    ) -> None:
        self.data_dir = data_dir
        self.generation = generation
        self.model = model
        self.glossary = glossary
        self.model_id = model_identity(model)
        self.db_path = data_dir / f"index-{generation}.sqlite"
        self._cache_lock = threading.Lock()
        self._cached_version = -1
        self._chunks: dict[str, Chunk] = {}
        self._ordered: list[Chunk] = []
        self._lexical: LexicalIndex | None = None
        self._store: Any = None
        self._schema_ready = False
        self._query_vectors: dict[str, list[float]] = {}

    # --- opening and generations ------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, model: str, glossary: Glossary | None = None) -> Index:
        """The live index; raises ``IndexMissing`` or ``EmbeddingModelMismatch``."""
        generation = current_generation(data_dir)
        if generation is None:
            raise IndexMissing(texts.ERR_INDEX_MISSING.format(data_dir=data_dir))
        index = cls(data_dir, generation, model, glossary)
        indexed = index.get_meta("embedding_model")
        if indexed != index.model_id:
            raise EmbeddingModelMismatch(
                texts.ERR_EMBEDDING_MISMATCH.format(
                    data_dir=data_dir, indexed=indexed, configured=index.model_id
                )
            )
        return index

    @classmethod
    def create(cls, data_dir: Path, model: str) -> Index:
        """A new, empty generation; it becomes live only with ``publish()``."""
        data_dir.mkdir(parents=True, exist_ok=True)
        index = cls(data_dir, f"g{time.time_ns()}", model)
        with index._connect() as db:
            db.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [
                    ("schema_version", str(SCHEMA_VERSION)),
                    ("embedding_model", index.model_id),
                    ("version", "0"),
                    ("created_at", _now()),
                ],
            )
        return index

    def publish(self) -> None:
        """Make this generation the live one (atomic) and delete older generations."""
        tmp = self.data_dir / "CURRENT.tmp"
        tmp.write_text(self.generation, encoding="utf-8")
        os.replace(tmp, self.data_dir / "CURRENT")
        client = chroma_client(self.data_dir / "chroma")
        generations = {f.stem.removeprefix("index-") for f in self.data_dir.glob("index-*.sqlite")}
        generations |= {
            name.removeprefix(_COLLECTION_PREFIX)
            for name in (getattr(c, "name", c) for c in client.list_collections())
            if name.startswith(_COLLECTION_PREFIX)
        }
        for old in generations - {self.generation}:
            self._drop_generation(old)

    def discard(self) -> None:
        """Delete this (unpublished) generation, e.g. after a failed rebuild."""
        if current_generation(self.data_dir) != self.generation:
            self._drop_generation(self.generation)

    def _drop_generation(self, generation: str) -> None:
        client = chroma_client(self.data_dir / "chroma")
        names = {getattr(c, "name", c) for c in client.list_collections()}
        if _collection_name(generation) in names:
            client.delete_collection(_collection_name(generation))
        for suffix in ("", "-wal", "-shm"):
            (self.data_dir / f"index-{generation}.sqlite{suffix}").unlink(missing_ok=True)

    # --- SQLite ------------------------------------------------------------------------

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.db_path, timeout=30)
        try:
            if not self._schema_ready:
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(_SCHEMA)
                _add_missing_columns(db)
                self._schema_ready = True
            with db:  # one transaction
                yield db
        finally:
            db.close()

    def get_meta(self, key: str) -> str | None:
        """A value of the index's meta table."""
        with self._connect() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def version(self) -> int:
        """Increases with every committed change; caches compare against it."""
        return int(self.get_meta("version") or 0)

    # --- reading -----------------------------------------------------------------------

    def documents(self) -> list[DocRecord]:
        """All ingested documents (the manifest), sorted by id."""
        with self._connect() as db:
            rows = db.execute("SELECT * FROM documents ORDER BY doc_id").fetchall()
        return [_record(row) for row in rows]

    def document(self, doc_id: str) -> DocRecord | None:
        """The manifest entry of one document."""
        with self._connect() as db:
            row = db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return _record(row) if row else None

    def chunks(self) -> list[Chunk]:
        """All committed chunks in document order (cached until the index changes)."""
        self._refresh()
        return self._ordered

    def chunk(self, chunk_id: str) -> Chunk | None:
        """One committed chunk by id."""
        self._refresh()
        return self._chunks.get(chunk_id)

    def lexical(self) -> LexicalIndex:
        """The lexical index over the committed chunks (rebuilt after changes)."""
        self._refresh()
        with self._cache_lock:
            if self._lexical is None:
                self._lexical = LexicalIndex(self._ordered, self.glossary)
            return self._lexical

    def _refresh(self) -> None:
        version = self.version
        with self._cache_lock:
            if version == self._cached_version:
                return
            with self._connect() as db:
                metas = {
                    row[0]: _meta(row[1])
                    for row in db.execute("SELECT doc_id, meta FROM documents")
                }
                rows = db.execute(
                    f"SELECT {_CHUNK_COLUMNS} FROM chunks ORDER BY doc_id, position"
                ).fetchall()
            self._ordered = [_chunk(row, metas) for row in rows]
            self._chunks = {c.chunk_id: c for c in self._ordered}
            self._lexical = None
            self._cached_version = version

    def embed_query(self, text: str) -> list[float]:
        """The query vector from the index's embedding model (recent ones are cached)."""
        vector = self._query_vectors.get(text)
        if vector is None:
            vector = list(load_embeddings(self.model).embed_query(text))
            if len(self._query_vectors) > 256:
                self._query_vectors.clear()
            self._query_vectors[text] = vector
        return vector

    def dense_search(
        self, vector: Sequence[float], k: int, filters: Filters | None = None
    ) -> list[tuple[Chunk, float]]:
        """Nearest chunks by cosine similarity (1 - Chroma's distance), committed ones only."""
        self._refresh()
        if not self._chunks:
            return []
        where = _chroma_where(filters) if filters else None
        results = self._vectors().similarity_search_by_vector_with_relevance_scores(
            list(vector), k=k, filter=where
        )
        hits = []
        for document, distance in results:
            chunk = self._chunks.get(document.id or "")
            if chunk is not None:  # vectors without a chunk row are leftovers of a crash
                hits.append((chunk, 1.0 - float(distance)))
        return hits

    def similarities(self, vector: Sequence[float], chunk_ids: Sequence[str]) -> dict[str, float]:
        """Cosine of the stored vectors of ``chunk_ids`` with ``vector`` (stored ones only)."""
        if not chunk_ids:
            return {}
        import numpy as np

        got = self._vectors().get(ids=list(dict.fromkeys(chunk_ids)), include=["embeddings"])
        query = np.asarray(vector, dtype=np.float32)
        out = {}
        for chunk_id, stored in zip(got["ids"], got["embeddings"], strict=True):
            row = np.asarray(stored, dtype=np.float32)
            norm = float(np.linalg.norm(row) * np.linalg.norm(query)) or 1.0
            out[chunk_id] = float(row @ query) / norm
        return out

    def _vectors(self) -> Any:
        if self._store is None:
            from langchain_chroma import Chroma

            self._store = Chroma(
                client=chroma_client(self.data_dir / "chroma"),
                collection_name=_collection_name(self.generation),
                embedding_function=load_embeddings(self.model),
                collection_metadata=HNSW_METADATA,
            )
        return self._store

    # --- writing -----------------------------------------------------------------------

    def put_document(
        self,
        record: DocRecord,
        chunks: list[Chunk],
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Add or replace one document: vectors first, then the manifest, then cleanup."""
        old_ids = self._chunk_ids(record.doc_id)
        new_ids = [c.chunk_id for c in chunks]
        to_embed = [c for c in chunks if c.chunk_id not in set(old_ids)]
        try:
            for start in range(0, len(to_embed), EMBED_BATCH):
                batch = to_embed[start : start + EMBED_BATCH]
                self._vectors().add_texts(
                    [c.embed_text for c in batch],
                    metadatas=[_chroma_metadata(c) for c in batch],
                    ids=[c.chunk_id for c in batch],
                )
                if progress:
                    progress(len(batch))
        except BaseException:
            self._delete_vectors([c.chunk_id for c in to_embed])
            raise
        with self._connect() as db:
            db.execute("DELETE FROM chunks WHERE doc_id = ?", (record.doc_id,))
            db.executemany(
                f"INSERT INTO chunks ({_CHUNK_COLUMNS}) VALUES ({', '.join('?' * 11)})",
                [_row(c) for c in chunks],
            )
            db.execute(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _doc_row(record),
            )
            _bump_version(db)
        self._delete_vectors([i for i in old_ids if i not in set(new_ids)])

    def remove_document(self, doc_id: str) -> None:
        """Remove a document from the manifest, the chunk store and Chroma."""
        old_ids = self._chunk_ids(doc_id)
        with self._connect() as db:
            db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            _bump_version(db)
        self._delete_vectors(old_ids)

    def repair(self) -> int:
        """Delete vectors that have no committed chunk (left by an interrupted run)."""
        collection = self._vectors()._collection
        stored = set(collection.get(include=[])["ids"])
        with self._connect() as db:
            known = {row[0] for row in db.execute("SELECT chunk_id FROM chunks")}
        orphans = sorted(stored - known)
        self._delete_vectors(orphans)
        return len(orphans)

    def vector_count(self) -> int:
        """Number of vectors in this generation's Chroma collection."""
        return int(self._vectors()._collection.count())

    def _chunk_ids(self, doc_id: str) -> list[str]:
        with self._connect() as db:
            rows = db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,))
            return [row[0] for row in rows]

    def _delete_vectors(self, ids: list[str]) -> None:
        for start in range(0, len(ids), 1000):
            self._vectors().delete(ids=ids[start : start + 1000])


def current_generation(data_dir: Path) -> str | None:
    """Name of the live generation, or None when no index was published yet."""
    marker = data_dir / "CURRENT"
    if not marker.is_file():
        return None
    generation = marker.read_text(encoding="utf-8").strip()
    return generation if (data_dir / f"index-{generation}.sqlite").is_file() else None


_COLLECTION_PREFIX = "konzeptlotse-"


def _collection_name(generation: str) -> str:
    return _COLLECTION_PREFIX + generation


def _chroma_metadata(chunk: Chunk) -> dict[str, str | int]:
    return {
        "doc_id": chunk.doc_id,
        "kommune": chunk.meta.kommune,
        "doc_type": chunk.meta.doc_type,
        "stand_year": stand_year(chunk.meta.stand),
        "page_start": chunk.page_start,
        "page_end": chunk.page_end,
    }


def _chroma_where(filters: Filters) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if filters.doc_ids:
        clauses.append({"doc_id": {"$in": list(filters.doc_ids)}})
    if filters.kommunen and not filters.mentions:  # passages naming them: checked by the caller
        clauses.append({"kommune": {"$in": list(filters.kommunen)}})
    if filters.doc_types:
        clauses.append({"doc_type": {"$in": list(filters.doc_types)}})
    if filters.min_year:
        clauses.append({"stand_year": {"$gte": filters.min_year}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _bump_version(db: sqlite3.Connection) -> None:
    db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version'")


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


def _add_missing_columns(db: sqlite3.Connection) -> None:
    """Bring a chunk table of an older schema up to date (new columns get their defaults)."""
    present = {row[1] for row in db.execute("PRAGMA table_info(chunks)")}
    for name, definition in _CHUNK_COLUMNS_ADDED.items():
        if name not in present:
            db.execute(f"ALTER TABLE chunks ADD COLUMN {name} {definition}")


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
        page_breaks=tuple(json.loads(breaks)),
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


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
