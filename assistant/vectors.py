"""Vectors of a generation (embedded mode): Chroma for the writer, an exported matrix for readers.

The writer owns the generation's embedded Chroma store (``chroma/`` in the generation folder):
it is the only process that ever opens it, adds and deletes per document, and the next writer
copies the closed folder to start the next generation. Chroma's embedded mode is not
process-safe, and even a query writes to its files (measured with chromadb 1.5.9: opening and
querying a persisted collection rewrites ``length.bin`` and a row of ``acquire_write``), so
readers do not open it. Instead the writer exports the vectors, normalised, in chunk order to
``vectors.npy``; readers memory-map it (shared page cache, nothing written) and search exactly
(cosine = dot product), which at this corpus size costs a few milliseconds and has perfect
recall. A deployment that outgrows it reads through Chroma's client/server mode instead
(``assistant.chromaserver``). Readers of either kind offer ``top`` and ``cosines`` by row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from .types import Chunk, stand_year

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

__all__ = [
    "HNSW_CONFIGURATION",
    "VectorMatrix",
    "VectorSearch",
    "VectorWriter",
    "chroma_client",
    "chunk_metadata",
    "normalised",
    "top_rows",
]

COLLECTION = "chunks"
CHROMA_DIR = "chroma"
MATRIX_FILE = "vectors.npy"
IDS_FILE = "vectors.ids.json"
EMBED_BATCH = 64
# Vectors per insert into the writer's embedded store: fewer, larger inserts cost less (a one-off
# timing of 10,000 USE vectors: 1.8-2.0 s in 512-vector inserts, 3.6-4.6 s in 64-vector ones);
# the ingest figures in the README (`evals.scale_bench _ingest`/`_raw`) include the effect.
INSERT_BATCH = 512
PAGE = 5000
# Chroma 1.x collection configuration (the legacy ``hnsw:*`` metadata is deprecated). Fixed at
# creation; ef values above the defaults keep recall on large collections (DESIGN.md).
HNSW_CONFIGURATION: dict[str, Any] = {
    "hnsw": {"space": "cosine", "ef_construction": 200, "max_neighbors": 32, "ef_search": 128}
}
# The embedded writer's own store is never searched (readers search the exported matrix
# exactly), so its HNSW graph is built cheaply: inserting 10,000 vectors takes 6 s, not 10 s.
STORE_CONFIGURATION: dict[str, Any] = {
    "hnsw": {"space": "cosine", "ef_construction": 32, "max_neighbors": 16, "ef_search": 32}
}


def chroma_client(path: Path) -> Any:
    """A persistent Chroma client for ``path`` with telemetry off (close it when done)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(
        path=str(path.resolve()), settings=ChromaSettings(anonymized_telemetry=False)
    )


class VectorSearch(Protocol):
    """Nearest rows of a generation by cosine similarity (local matrix or Chroma server)."""

    def __len__(self) -> int: ...

    def top(
        self, vector: Sequence[float], k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """(row, cosine) of the ``k`` nearest rows, optionally only rows ``allowed``."""
        ...

    def cosines(self, vector: Sequence[float], rows: Sequence[int]) -> list[float]:
        """Cosine similarity of ``vector`` with the given rows."""
        ...


class VectorWriter:
    """The writer's Chroma collection in one generation folder (one process, one thread)."""

    def __init__(self, folder: Path, embeddings: Embeddings) -> None:
        self.embeddings = embeddings
        self.client = chroma_client(folder / CHROMA_DIR)
        # embedding_function=None: we always pass vectors; Chroma must never load its own model.
        self.collection = self.client.get_or_create_collection(
            COLLECTION, configuration=STORE_CONFIGURATION, embedding_function=None
        )
        self._pending_ids: list[str] = []
        self._pending: list[np.ndarray] = []

    def add(self, chunks: Sequence[Chunk]) -> None:
        """Embed the chunks (one batch; the caller splits large documents) and store them
        with the next insert: one Chroma insert per ``INSERT_BATCH`` vectors, not per batch.

        Whatever reads or deletes stored vectors inserts the pending ones first. Vectors that
        never reach a chunk row (a run stopped in between) are orphans, removed at publishing.
        """
        if not chunks:
            return
        vectors = self.embeddings.embed_documents([c.embed_text for c in chunks])
        self._pending_ids += [c.chunk_id for c in chunks]
        self._pending.append(np.asarray(vectors, dtype=np.float32))
        if len(self._pending_ids) >= INSERT_BATCH:
            self._insert_pending()

    def _insert_pending(self) -> None:
        if not self._pending_ids:
            return
        # ids and vectors only: readers search the exported matrix and filter by the chunk
        # store, so metadata here would only cost time (a Chroma server keeps it for filters)
        self.collection.add(ids=self._pending_ids, embeddings=np.vstack(self._pending))
        self._pending_ids, self._pending = [], []

    def delete(self, ids: Sequence[str]) -> None:
        """Delete vectors by chunk id (unknown ids are ignored)."""
        if not ids:
            return
        self._insert_pending()
        for start in range(0, len(ids), PAGE):
            self.collection.delete(ids=list(ids[start : start + PAGE]))

    def ids(self) -> set[str]:
        """Ids of all stored vectors."""
        self._insert_pending()
        found: set[str] = set()
        offset = 0
        while True:
            page = self.collection.get(include=[], limit=PAGE, offset=offset)["ids"]
            found.update(page)
            if len(page) < PAGE:
                return found
            offset += PAGE

    def count(self) -> int:
        """Number of stored vectors."""
        self._insert_pending()
        return int(self.collection.count())

    def export(self, chunk_ids: Sequence[str], folder: Path) -> int:
        """Write the vectors of ``chunk_ids`` in that order, normalised, for the readers."""
        self._insert_pending()
        rows: list[np.ndarray] = []
        for start in range(0, len(chunk_ids), PAGE):
            wanted = list(chunk_ids[start : start + PAGE])
            got = self.collection.get(ids=wanted, include=["embeddings"])
            by_id = dict(zip(got["ids"], got["embeddings"], strict=True))
            missing = [i for i in wanted if i not in by_id]
            if missing:
                raise RuntimeError(f"{len(missing)} chunks without vector, e.g. {missing[0]}")
            rows.extend(np.asarray(by_id[i], dtype=np.float32) for i in wanted)
        matrix = np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.float32)
        np.save(folder / MATRIX_FILE, normalised(matrix))
        (folder / IDS_FILE).write_text(json.dumps(list(chunk_ids)), encoding="utf-8")
        return len(rows)

    def close(self) -> None:
        """Release the embedded store (its files may then be copied); vectors not yet
        inserted are dropped (publishing reads the ids, which inserts them first)."""
        self.client.close()


class VectorMatrix:
    """The exported vectors of a published generation, memory-mapped read-only.

    A question's similarities to all rows are computed once and kept for the next few
    searches with the same vector (the parts of a comparison, their filters differing).
    """

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = matrix
        self._similarities: dict[bytes, np.ndarray] = {}

    @classmethod
    def load(
        cls,
        folder: Path,
        chunk_ids: Sequence[str],
        files: tuple[str, str] = (MATRIX_FILE, IDS_FILE),
    ) -> VectorMatrix:
        """Map ``vectors.npy`` (or another matrix and its ids, ``files``) and check that its
        rows belong to ``chunk_ids``, in order."""
        matrix_file, ids_file = files
        ids = json.loads((folder / ids_file).read_text(encoding="utf-8"))
        if ids != list(chunk_ids):
            raise ValueError(f"{folder}: vectors do not match the chunk store")
        if not ids:  # an empty array cannot be memory-mapped
            return cls(np.load(folder / matrix_file))
        return cls(np.load(folder / matrix_file, mmap_mode="r"))

    def __len__(self) -> int:
        return int(self.matrix.shape[0])

    def top(
        self, vector: Sequence[float], k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """(row, cosine similarity) of the ``k`` nearest rows, optionally within ``allowed``."""
        if not len(self) or k <= 0:
            return []
        scores = self.similarities(vector)
        if allowed is not None:
            scores = np.where(allowed, scores, -np.inf)
        return top_rows(scores, k)

    def similarities(self, vector: Sequence[float]) -> np.ndarray:
        """Cosine similarity of ``vector`` with every row (read-only; recent ones kept)."""
        query = normalised(np.asarray(vector, dtype=np.float32)[None, :])[0]
        key = hashlib.sha1(query.tobytes()).digest()
        scores = self._similarities.get(key)
        if scores is None:
            scores = np.asarray(self.matrix @ query)
            scores.flags.writeable = False
            if len(self._similarities) >= 8:
                self._similarities.clear()
            self._similarities[key] = scores
        return scores

    def cosines(self, vector: Sequence[float], rows: Sequence[int]) -> list[float]:
        """Cosine similarity of ``vector`` with the given rows."""
        query = normalised(np.asarray(vector, dtype=np.float32)[None, :])[0]
        return [float(x) for x in self.matrix[list(rows)] @ query]


def top_rows(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """(row, score) of the ``k`` best finite scores, best first (ties: lower row first)."""
    k = min(k, len(scores))
    if k <= 0:
        return []
    negated = -scores
    kth = np.partition(negated, k - 1)[k - 1]
    tied = np.nonzero(negated <= kth)[0]  # the k best and everything tied with the k-th
    order = tied[np.argsort(negated[tied], kind="stable")][:k]
    return [(int(i), float(scores[i])) for i in order if np.isfinite(scores[i])]


def normalised(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    if matrix.size == 0:
        return matrix
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def chunk_metadata(chunk: Chunk) -> dict[str, str | int]:
    """The metadata stored with a chunk's vector (filters on a Chroma server)."""
    return {
        "doc_id": chunk.doc_id,
        "kommune": chunk.meta.kommune,
        "doc_type": chunk.meta.doc_type,
        "stand_year": stand_year(chunk.meta.stand),
        "page_start": chunk.page_start,
        "page_end": chunk.page_end,
    }
