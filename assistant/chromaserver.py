"""Chroma's client/server mode: one Chroma server holds the vectors for every app instance.

With ``KONZEPTLOTSE_CHROMA_URL`` set, the single writer adds vectors to one collection on a
Chroma server (``chroma run``) instead of a Chroma folder per generation, and readers search
that collection over HTTP. The chunk store and the lexical index of each generation stay
files, published by the writer to the (shared) data folder as in embedded mode; a generation
then has neither ``chroma/`` nor ``vectors.npy``.

One collection serves all generations: chunk ids are content hashes (document fingerprint
and position), so a new generation only adds the vectors of new chunks and deletes nothing
while it is built. A reader keeps to its own generation by mapping results to its rows and
skipping ids it does not have (vectors of a newer generation, or orphans of a killed run);
it asks for more results when skipped ids crowd its top list, and scores small filtered
sets (one municipality, a few documents) exactly from their stored vectors. After
publishing, the writer deletes the vectors that no generation still present in the data
folder uses, so a generation a reader still leases keeps its vectors. The collection's name
carries the data folder's id (``index-id``, made once by the writer: several data folders may
share one server without pruning each other's vectors) and the embedding model (a changed
model never mixes vectors); the READY of a generation names its collection.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import numpy as np

from . import texts
from .errors import VectorStoreUnavailable
from .types import Chunk
from .vectors import HNSW_CONFIGURATION, chunk_metadata, normalised, top_rows

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

__all__ = [
    "EXACT_LIMIT",
    "RemoteVectors",
    "ServerVectorWriter",
    "check_server",
    "collection_name",
    "connect",
    "data_id",
    "prune_vectors",
]

PAGE = 5000
EXACT_LIMIT = 4000  # filtered searches over at most this many rows are scored exactly
_CACHED_VECTORS = 20_000
PREFIX = "konzeptlotse-"
DATA_ID_FILE = "index-id"


def data_id(data_dir: Path) -> str:
    """The data folder's id on Chroma servers (made on first use; call with the writer lock)."""
    path = data_dir / DATA_ID_FILE
    if not path.is_file():
        data_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".tmp")
        partial.write_text(secrets.token_hex(6), encoding="utf-8")
        partial.replace(path)
    return path.read_text(encoding="utf-8").strip()


def collection_name(data_dir_id: str, model_id: str) -> str:
    """The collection of a data folder and an embedding model on the server."""
    return f"{PREFIX}{data_dir_id}-{hashlib.sha256(model_id.encode()).hexdigest()[:16]}"


def connect(url: str) -> Any:
    """A Chroma HTTP client for ``url`` with telemetry off; raises ``VectorStoreUnavailable``."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 8000)
    try:
        client = chromadb.HttpClient(
            host=parts.hostname or "",
            port=port,
            ssl=parts.scheme == "https",
            settings=ChromaSettings(anonymized_telemetry=False),
        )
        client.heartbeat()
    except Exception as exc:  # any connection failure has the same remedy
        raise VectorStoreUnavailable(texts.ERR_CHROMA_DOWN.format(url=url)) from exc
    return client


def check_server(url: str) -> None:
    """Raise ``VectorStoreUnavailable`` (German, says what to do) unless ``url`` answers."""
    if url:
        connect(url)


def _collection(client: Any, name: str) -> Any:
    # embedding_function=None: we always pass vectors; Chroma must never load its own model.
    return client.get_or_create_collection(
        name, configuration=HNSW_CONFIGURATION, embedding_function=None
    )


def _remote(url: str, call: Any) -> Any:
    """Run ``call()``; a failure of the server becomes ``VectorStoreUnavailable``."""
    try:
        return call()
    except VectorStoreUnavailable:
        raise
    except Exception as exc:  # connection errors come in many types
        raise VectorStoreUnavailable(texts.ERR_CHROMA_DOWN.format(url=url)) from exc


class ServerVectorWriter:
    """The writer's side of the shared collection: adds vectors, deletes only when pruning."""

    def __init__(self, url: str, name: str, embeddings: Embeddings) -> None:
        self.url = url
        self.name = name
        self.embeddings = embeddings
        self.collection = _remote(url, lambda: _collection(connect(url), name))

    def add(self, chunks: Sequence[Chunk]) -> None:
        """Embed and store the chunks (an id already stored gets the same vector again)."""
        if not chunks:
            return
        vectors = self.embeddings.embed_documents([c.embed_text for c in chunks])
        _remote(
            self.url,
            lambda: self.collection.upsert(
                ids=[c.chunk_id for c in chunks],
                embeddings=np.asarray(vectors, dtype=np.float32),
                metadatas=[chunk_metadata(c) for c in chunks],
            ),
        )

    def delete(self, ids: Sequence[str]) -> None:
        """Nothing now: the published generation still uses them (``prune_vectors`` later)."""

    def missing(self, chunk_ids: Sequence[str]) -> list[str]:
        """The ids among ``chunk_ids`` without a stored vector."""
        absent: list[str] = []
        for start in range(0, len(chunk_ids), PAGE):
            wanted = list(chunk_ids[start : start + PAGE])
            got = _remote(self.url, lambda w=wanted: self.collection.get(ids=w, include=[]))
            found = set(got["ids"])
            absent.extend(i for i in wanted if i not in found)
        return absent

    def close(self) -> None:
        """Nothing to release (HTTP)."""


def prune_vectors(url: str, name: str, live: Iterable[str], collections: set[str]) -> int:
    """Delete the vectors of collection ``name`` whose chunk no generation uses and the data
    folder's other collections no generation names (an earlier model); returns how many."""
    client = connect(url)
    mine = name.rsplit("-", 1)[0] + "-"
    for other in client.list_collections():
        other_name = getattr(other, "name", other)
        if other_name.startswith(mine) and other_name not in collections | {name}:
            client.delete_collection(other_name)
    collection = _collection(client, name)
    keep = set(live)
    stored: list[str] = []
    offset = 0
    while True:
        page = collection.get(include=[], limit=PAGE, offset=offset)["ids"]
        stored.extend(page)
        if len(page) < PAGE:
            break
        offset += PAGE
    unused = [i for i in stored if i not in keep]
    for start in range(0, len(unused), PAGE):
        collection.delete(ids=unused[start : start + PAGE])
    return len(unused)


class RemoteVectors:
    """A reader's view of the shared collection, restricted to its generation's rows."""

    def __init__(self, url: str, name: str, chunk_ids: Sequence[str]) -> None:
        self.url = url
        self.collection = _remote(url, lambda: connect(url).get_collection(name))
        self.ids = list(chunk_ids)
        self.rows = {chunk_id: i for i, chunk_id in enumerate(self.ids)}
        self._vectors: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def top(
        self, vector: Sequence[float], k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """(row, cosine) of the ``k`` nearest rows of this generation (within ``allowed``)."""
        if not self.ids or k <= 0:
            return []
        if allowed is not None and int(allowed.sum()) <= EXACT_LIMIT:
            return self._exact(vector, k, np.nonzero(allowed)[0])
        # Results come nearest first, so the first k of our rows are our k nearest; other
        # generations' ids only make us ask again for four times as many.
        wanted = 2 * k + 10
        while True:
            found, exhausted = self._query(vector, wanted, allowed)
            if len(found) >= k or exhausted:
                return found[:k]
            wanted *= 4

    def _query(
        self, vector: Sequence[float], n: int, allowed: np.ndarray | None
    ) -> tuple[list[tuple[int, float]], bool]:
        """Our rows among the ``n`` nearest, and whether the collection had no more."""
        result = _remote(
            self.url,
            lambda: self.collection.query(
                query_embeddings=[np.asarray(vector, dtype=np.float32)],
                n_results=n,
                include=["distances"],
            ),
        )
        found = []
        for chunk_id, distance in zip(result["ids"][0], result["distances"][0], strict=True):
            row = self.rows.get(chunk_id)
            if row is not None and (allowed is None or allowed[row]):
                found.append((row, 1.0 - float(distance)))
        return found, len(result["ids"][0]) < n

    def _exact(self, vector: Sequence[float], k: int, rows: np.ndarray) -> list[tuple[int, float]]:
        if not len(rows):
            return []
        scores = np.full(len(self.ids), -np.inf, dtype=np.float32)
        scores[rows] = self.cosines(vector, rows.tolist())
        return top_rows(scores, k)

    def cosines(self, vector: Sequence[float], rows: Sequence[int]) -> list[float]:
        """Cosine similarity of ``vector`` with the stored vectors of ``rows``."""
        if not len(rows):
            return []
        query = normalised(np.asarray(vector, dtype=np.float32)[None, :])[0]
        matrix = self._stored([self.ids[r] for r in rows])
        return [float(x) for x in matrix @ query]

    def _stored(self, chunk_ids: list[str]) -> np.ndarray:
        """Normalised stored vectors of ``chunk_ids`` (fetched once, then kept)."""
        known = {i: self._vectors[i] for i in chunk_ids if i in self._vectors}
        absent = [i for i in dict.fromkeys(chunk_ids) if i not in known]
        for start in range(0, len(absent), PAGE):
            page = absent[start : start + PAGE]
            got = _remote(
                self.url, lambda p=page: self.collection.get(ids=p, include=["embeddings"])
            )
            rows = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(got["ids"]), -1)
            known.update(zip(got["ids"], normalised(rows), strict=True))
        missing = [i for i in chunk_ids if i not in known]
        if missing:
            raise RuntimeError(f"{len(missing)} chunks without vector, e.g. {missing[0]}")
        if len(self._vectors) + len(absent) > _CACHED_VECTORS:
            self._vectors.clear()
        self._vectors.update((i, known[i]) for i in absent)
        return np.vstack([known[i] for i in chunk_ids])
