"""The index of one data directory: one writer builds generations, many readers use them.

**Generations.** Everything a question needs lives in one immutable generation folder
(``generations/<name>/``, layout in ``assistant.generations``):

* ``chunks.sqlite``: documents (the manifest: id, metadata, content hash, fingerprint) and
  chunks, the source of truth;
* ``lexical/``: the lexical index (BM25 + character n-grams, ``assistant.lexical_files``) as
  plain arrays, built once by the writer, memory-mapped by readers, never rebuilt on a question;
* ``vectors.npy`` + ``vectors.ids.json``: the chunk vectors, normalised, in chunk order;
* ``e5.npy`` + ``e5.ids.json``: the vectors of the second dense channel, where it is on
  (``assistant.e5``; also in client/server mode, they are not kept in Chroma);
* ``places.json``: the place names the documents use (``places.place_names``),
  ``nouns.json``: the stems of the words they use as nouns (``places.noun_stems``),
  ``placed.json``: those of the words they write after "in" (``places.placed_stems``) and
  ``mentions.json``: the rows naming each municipality (``assistant.mentions``), so that a
  reader never scans every chunk for them;
* ``chroma/``: the writer's Chroma store the vectors come from (see ``assistant.vectors``);
  in client/server mode (``KONZEPTLOTSE_CHROMA_URL``) neither this nor ``vectors.npy``: the
  vectors live in one collection on the Chroma server (``assistant.chromaserver``) and READY
  says ``"vector_store": "chroma-server"``;
* ``READY``: counts and timings, written last; ``lease``: the readers' lock file.

**One writer** (``IndexWriter``, only with the ``writer_lock`` of the data directory: CLI
``ingest``/``add``/``delete``/``remove``, admin upload and delete, the background ingest job)
builds the next generation copy-on-write: it copies the published chunk store (SQLite backup)
and Chroma folder, applies the run's changes document by document, removes vectors without a
chunk (orphans) at the end of every run, checks that chunks and vectors match, exports the
vectors, builds and saves the lexical index, writes READY and then publishes by replacing
``CURRENT`` atomically. A crash or ``kill -9`` anywhere before that leaves ``CURRENT`` on the
previous complete generation; the unfinished folder is deleted by the next writer, which then
redoes the run from the published state and so converges to what a clean run produces.
Copying costs little next to embedding; rebuilding the lexical index is the fixed cost of a
generation (measured in ``evals/lifecycle_bench.py``, figures in the README).

**Many readers** (``Index``, followed by ``LiveIndex``) open a published generation read-only:
SQLite with ``mode=ro&immutable=1`` (never creates a file), the lexical arrays and the vector
matrix memory-mapped. A reader holds a shared ``flock`` lease on the generation while any
question uses it; ``LiveIndex`` checks ``CURRENT`` before each question and switches to a newer
generation once it is loaded, while questions in flight finish on the one they started with.

**Deleting old generations.** The writer deletes every generation that is neither published
nor leased, after each publish and at the start of each run. A generation still used by a
reader in any process stays until a later writer run finds it free. Leases rather than "keep
the last N": a slow reader (a long LLM answer) can never lose its files, an idle process
releases them as soon as it switches, and a crashed process releases them through the kernel.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from . import e5, texts
from .chunkstore import FILE_NAME as CHUNKS_FILE
from .chunkstore import SCHEMA_VERSION, ChunkStore, StoredChunks, read_documents
from .embed import load_embeddings, model_identity
from .errors import EmbeddingModelMismatch, IndexMissing
from .generations import (
    GENERATIONS,
    Lease,
    WriterLock,
    collect_garbage,
    current_generation,
    generation_dir,
    generation_number,
    new_generation,
    publish,
    read_ready,
    write_ready,
)
from .glossary import Glossary
from .lexical import LexicalIndex
from .lexical_files import LEXICAL_DIR, build_lexical, is_current
from .mentions import build_mentions, load_mentions, rows_mentioning
from .places import mention_names, noun_stems, place_names, placed_stems
from .types import Chunk, DocRecord, DocumentMeta, Filters
from .vectors import CHROMA_DIR, EMBED_BATCH, VectorMatrix, VectorSearch, VectorWriter

if TYPE_CHECKING:
    from .chromaserver import ServerVectorWriter

__all__ = [
    "VECTORS_LOCAL",
    "VECTORS_SERVER",
    "Index",
    "IndexWriter",
    "LiveIndex",
    "current_generation",
    "lacks_e5",
    "lexical_is_current",
]

log = logging.getLogger(__name__)

GlossaryLoader = Callable[[], Glossary | None]
PLACES_FILE = "places.json"
NOUNS_FILE = "nouns.json"
PLACED_FILE = "placed.json"
# The word lists a generation keeps, each derived from the chunk texts once by the writer
_WORD_LISTS: tuple[tuple[str, Callable[[Iterable[str]], Iterable[str]]], ...] = (
    (PLACES_FILE, place_names),
    (NOUNS_FILE, noun_stems),
    (PLACED_FILE, placed_stems),
)
_MASKS = 64  # recent filter masks kept per generation (comparisons repeat them)
_NAMING = 256  # places whose documents are kept per generation (a Land asks for all sixteen)
VECTORS_LOCAL = "local"  # READY "vector_store": vectors.npy in the generation folder
VECTORS_SERVER = "chroma-server"  # ... the shared collection of a Chroma server


class Index:
    """One published generation, read-only. Immutable, so threads may share it freely."""

    def __init__(
        self,
        data_dir: Path,
        lease: Lease,
        model: str,
        glossary: Glossary | None = None,
        chroma_url: str = "",
    ) -> None:
        self.data_dir = data_dir
        self.chroma_url = chroma_url
        self.generation = lease.name
        self.folder = lease.folder
        self.model = model
        self.model_id = model_identity(model)
        self.glossary = glossary
        self._finalizer = weakref.finalize(self, lease.close)  # the lease ends with the object
        self._meta, documents = read_documents(self.folder / CHUNKS_FILE)
        self._documents = {d.doc_id: d for d in documents}
        self._load_lock = threading.Lock()
        self._ordered = StoredChunks([], {})  # read on first use (listing documents needs none)
        self._rows: dict[str, int] = {}
        self._chunks_loaded = False
        self._lexical: LexicalIndex | None = None
        self._vectors: VectorSearch | None = None
        self._query_vectors: dict[tuple[str, str], list[float]] = {}  # (model, text) -> vector
        self._e5: VectorMatrix | None = None
        self._e5_loaded = False
        self._spans: list[tuple[int, int]] = []  # rows of each document (chunks are grouped)
        self._doc_metas: list[DocumentMeta] = []  # per span, built with _row_doc on first filter
        self._row_doc: np.ndarray | None = None
        self._masks: dict[tuple[Filters, bool], np.ndarray] = {}
        self._mentions: dict[str, np.ndarray] | None = None  # name -> rows naming it
        self._naming: dict[str, frozenset[str]] = {}  # place -> documents naming it

    @classmethod
    def open(
        cls,
        data_dir: Path,
        model: str,
        glossary: Glossary | None = None,
        chroma_url: str = "",
    ) -> Index:
        """The published generation; raises ``IndexMissing`` or ``EmbeddingModelMismatch``.

        ``chroma_url`` is the Chroma server of a generation built in client/server mode."""
        lease = Lease.of_current(data_dir)
        if lease is None:
            raise IndexMissing(texts.ERR_INDEX_MISSING.format(data_dir=data_dir))
        try:
            index = cls(data_dir, lease, model, glossary, chroma_url)
        except BaseException:
            lease.close()
            raise
        indexed = index.get_meta("embedding_model")
        if indexed != index.model_id:
            index.close()
            raise EmbeddingModelMismatch(
                texts.ERR_EMBEDDING_MISMATCH.format(
                    data_dir=data_dir, indexed=indexed, configured=index.model_id
                )
            )
        return index

    def close(self) -> None:
        """Release the lease now (otherwise when the last reference goes)."""
        self._finalizer()

    def get_meta(self, key: str) -> str | None:
        """A value of the generation's meta table."""
        return self._meta.get(key)

    @property
    def version(self) -> int:
        """The generation's sequence number: caches compare against it."""
        return generation_number(self.generation)

    def ready(self) -> dict[str, Any]:
        """The writer's summary of this generation (counts, timings)."""
        return read_ready(self.data_dir, self.generation)

    # --- reading -------------------------------------------------------------------------

    def documents(self) -> list[DocRecord]:
        """All ingested documents (the manifest), sorted by id."""
        return list(self._documents.values())

    def document(self, doc_id: str) -> DocRecord | None:
        """The manifest entry of one document."""
        return self._documents.get(doc_id)

    def chunks(self) -> Sequence[Chunk]:
        """All chunks in document order (each made when first used)."""
        self._load_chunks()
        return self._ordered

    def chunk(self, chunk_id: str) -> Chunk | None:
        """One chunk by id."""
        self._load_chunks()
        row = self._rows.get(chunk_id)
        return None if row is None else self._ordered[row]

    def preceding(self, chunk_id: str) -> Chunk | None:
        """The chunk before this one in its document (None for a document's first)."""
        row = self.row_of(chunk_id)
        if not row:
            return None
        this, before = self._ordered[row], self._ordered[row - 1]
        return before if before.doc_id == this.doc_id else None

    def earlier_of(self, chunk_id: str) -> list[Chunk]:
        """The chunks before this one in its document, in order (a document's chunks stand
        in order, ``position`` counting from 0)."""
        row = self.row_of(chunk_id)
        if row is None:
            return []
        this = self._ordered[row]
        start = max(0, row - this.position)
        rows = (self._ordered[i] for i in range(start, row))
        return [chunk for chunk in rows if chunk.doc_id == this.doc_id]

    def first_of(self, chunk_id: str) -> Chunk | None:
        """The first chunk of this chunk's document (a document's chunks stand in order)."""
        row = self.row_of(chunk_id)
        if row is None:
            return None
        first = self._ordered[row - self._ordered[row].position]
        return first if first.doc_id == self._ordered[row].doc_id and first.position == 0 else None

    def documents_naming(self, place: str) -> frozenset[str]:
        """The documents with a passage that names ``place`` (any of its ``mention_names``);
        remembered per generation, since a question naming a Land asks this of every Land."""
        return self._documents_with(place, mention_names(place))

    def documents_writing(self, phrase: str) -> frozenset[str]:
        """The documents with a passage that writes ``phrase`` as it stands (any case)."""
        return self._documents_with(f"\0{phrase}", (phrase.lower(),))

    def _documents_with(self, key: str, names: Sequence[str]) -> frozenset[str]:
        found = self._naming.get(key)
        if found is None:
            self._load_chunks()
            rows = np.flatnonzero(self._mentioning(names))
            metas, row_doc = self._rows_by_document()
            found = frozenset(metas[d].doc_id for d in np.unique(row_doc[rows]))
            if len(self._naming) >= _NAMING:
                self._naming.clear()
            self._naming[key] = found
        return found

    def _load_chunks(self) -> None:
        if self._chunks_loaded:
            return
        with self._load_lock:
            if not self._chunks_loaded:
                ordered = StoredChunks.read(self.folder / CHUNKS_FILE)
                self._rows = {chunk_id: i for i, chunk_id in enumerate(ordered.ids)}
                self._spans = _spans(ordered.doc_ids)
                self._ordered = ordered
                self._chunks_loaded = True

    def lexical(self) -> LexicalIndex:
        """The lexical index the writer saved for this generation (mapped once)."""
        self._load_chunks()
        with self._load_lock:
            if self._lexical is None:
                try:
                    self._lexical = LexicalIndex.load(
                        self.folder / LEXICAL_DIR,
                        self._ordered.ids,
                        self._rows,
                        self.glossary,
                    )
                except (OSError, ValueError, KeyError, ImportError) as exc:
                    log.error("Wortindex von %s nicht ladbar: %s", self.generation, exc)
                    raise IndexMissing(texts.ERR_LEXICAL.format(data_dir=self.data_dir)) from exc
            return self._lexical

    def place_names(self) -> list[str]:
        """Place names with a type word the documents use twice or more (writer's list)."""
        return list(self._written_list(PLACES_FILE, place_names))

    def noun_stems(self) -> frozenset[str]:
        """Stems of the words the documents use as nouns (writer's list)."""
        return frozenset(self._written_list(NOUNS_FILE, noun_stems))

    def placed_stems(self) -> frozenset[str]:
        """Stems of the words the documents write after "in" (writer's list)."""
        return frozenset(self._written_list(PLACED_FILE, placed_stems))

    def _written_list(
        self, file_name: str, derive: Callable[[Iterable[str]], Iterable[str]]
    ) -> Iterable[str]:
        """A word list the writer saved with the generation (``_WORD_LISTS``), or, for a
        generation of an earlier version without it, the list derived from the chunks."""
        try:
            words: list[str] = json.loads((self.folder / file_name).read_text("utf-8"))
            return words
        except (OSError, ValueError):
            return derive(c.text for c in self.chunks())

    def vectors(self) -> VectorSearch:
        """The generation's chunk vectors (memory-mapped once, or the Chroma server's)."""
        self._load_chunks()
        with self._load_lock:
            if self._vectors is None:
                self._vectors = self._open_vectors(self._ordered.ids)
            return self._vectors

    def _open_vectors(self, ids: list[str]) -> VectorSearch:
        if read_ready(self.data_dir, self.generation).get("vector_store") != VECTORS_SERVER:
            return VectorMatrix.load(self.folder, ids)
        if not self.chroma_url:
            raise IndexMissing(texts.ERR_CHROMA_NEEDED.format(data_dir=self.data_dir))
        from .chromaserver import RemoteVectors

        name = read_ready(self.data_dir, self.generation)["chroma_collection"]
        return RemoteVectors(self.chroma_url, name, ids)

    def warm(self) -> None:
        """Load what questions need, so that the first one after a switch is not slower."""
        self.lexical()
        self.vectors()
        self._e5_vectors()  # and the engine, where the generation has e5 vectors

    def vector_count(self) -> int:
        """Number of vectors in this generation."""
        return len(self.vectors())

    def embed_query(self, text: str) -> list[float]:
        """The query vector from the index's embedding model (recent ones are cached)."""
        return self._query_vector(
            "model", text, lambda: list(load_embeddings(self.model).embed_query(text))
        )

    def _query_vector(
        self, model: str, text: str, compute: Callable[[], list[float]]
    ) -> list[float]:
        """``model``'s vector of ``text``, from the cache of recent queries."""
        vector = self._query_vectors.get((model, text))
        if vector is None:
            vector = compute()
            if len(self._query_vectors) > 512:
                self._query_vectors.clear()
            self._query_vectors[(model, text)] = vector
        return vector

    def has_e5(self) -> bool:
        """Whether the generation carries e5 vectors (``assistant.e5``)."""
        return e5.has_vectors(self.folder)

    def e5_scores(self, text: str) -> np.ndarray | None:
        """Cosine of every chunk's e5 vector with the query, in row order; None when the
        generation has no e5 vectors or the channel cannot run here."""
        vectors = self._e5_vectors()
        if vectors is None:
            return None
        query = self._query_vector("e5", text, lambda: e5.embed_query(text).tolist())
        return vectors.similarities(query)

    def _e5_vectors(self) -> VectorMatrix | None:
        self._load_chunks()
        with self._load_lock:
            if not self._e5_loaded:
                if e5.has_vectors(self.folder) and e5.available():
                    try:
                        self._e5 = VectorMatrix.load(self.folder, self._ordered.ids, e5.FILES)
                    except (OSError, ValueError) as exc:  # searched without the channel
                        log.warning("e5-Vektoren von %s nicht ladbar: %s", self.generation, exc)
                self._e5_loaded = True
            return self._e5

    def row_of(self, chunk_id: str) -> int | None:
        """The chunk's row (its place in ``chunks()``, the lexical arrays and the vectors)."""
        self._load_chunks()
        return self._rows.get(chunk_id)

    def mask(self, filters: Filters | None, passages: bool = True) -> np.ndarray | None:
        """Rows ``filters`` admit (``Filters.admits``; with ``passages=False`` only the
        documents' ``Filters.matches``), or None when all are; recent masks are kept."""
        if not filters:
            return None
        self._load_chunks()
        key = (filters, passages)
        mask = self._masks.get(key)
        if mask is None:
            mask = self._compute_mask(filters, passages)
            mask.flags.writeable = False
            if len(self._masks) >= _MASKS:
                self._masks.clear()
            self._masks[key] = mask
        return mask

    def _compute_mask(self, filters: Filters, passages: bool) -> np.ndarray:
        """One decision per document; for ``mentions`` the rows naming the municipality."""
        metas, row_doc = self._rows_by_document()
        matching = np.fromiter((filters.matches(m) for m in metas), bool, len(metas))
        mask = matching[row_doc]
        if passages and filters.mentions:
            own = np.fromiter((filters.owns(m) for m in metas), bool, len(metas))
            mask &= own[row_doc] | self._mentioning(filters.mentions)
        return mask

    def _rows_by_document(self) -> tuple[list[DocumentMeta], np.ndarray]:
        """Each document's metadata (in row order) and the document index of every row."""
        with self._load_lock:
            if self._row_doc is None:
                self._doc_metas = [self._ordered.meta_of(start) for start, _ in self._spans]
                lengths = [end - start for start, end in self._spans]
                self._row_doc = np.repeat(np.arange(len(lengths)), lengths)
            return self._doc_metas, self._row_doc

    def _mentioning(self, names: Sequence[str]) -> np.ndarray:
        """Rows whose mention text contains one of ``names`` (the writer's list, else a scan)."""
        with self._load_lock:
            if self._mentions is None:
                self._mentions = load_mentions(self.folder)
            missing = [n for n in names if n not in self._mentions]
            if missing:
                self._mentions |= rows_mentioning(self._ordered, missing)
            named = np.zeros(len(self._ordered), dtype=bool)
            for name in names:
                named[self._mentions[name]] = True
            return named

    def dense_search(
        self, vector: Sequence[float], k: int, filters: Filters | None = None
    ) -> list[tuple[Chunk, float]]:
        """Nearest chunks by cosine similarity, optionally restricted by ``filters``."""
        self._load_chunks()
        allowed = self.mask(filters, passages=False)
        return [(self._ordered[i], s) for i, s in self.vectors().top(vector, k, allowed)]

    def similarities(self, vector: Sequence[float], chunk_ids: Sequence[str]) -> dict[str, float]:
        """Cosine of the stored vectors of ``chunk_ids`` with ``vector`` (stored ones only)."""
        self._load_chunks()
        rows = {cid: self._rows[cid] for cid in dict.fromkeys(chunk_ids) if cid in self._rows}
        if not rows:
            return {}
        return dict(zip(rows, self.vectors().cosines(vector, list(rows.values())), strict=True))

    def __len__(self) -> int:
        self._load_chunks()
        return len(self._ordered)


class LiveIndex:
    """The newest published generation for the readers of one process.

    ``current()`` is cheap (it reads ``CURRENT``). When a newer generation has been published,
    the first caller loads it while concurrent callers keep the previous one; superseded
    generations are released when the last question holding them ends.
    """

    def __init__(
        self,
        data_dir: Path,
        model: str,
        glossary: GlossaryLoader | None = None,
        chroma_url: str = "",
    ):
        self.data_dir = data_dir
        self.model = model
        self.chroma_url = chroma_url
        self._glossary = glossary or (lambda: None)
        self._index: Index | None = None
        self._switch = threading.Lock()

    def current(self) -> Index:
        """The newest loaded generation (raises ``IndexMissing`` when there is none)."""
        index = self._index
        name = current_generation(self.data_dir)
        if index is not None and (name is None or name == index.generation):
            return index
        if not self._switch.acquire(blocking=index is None):
            return index  # type: ignore[return-value]  # another thread loads the new one
        try:
            index = self._index
            if index is not None and index.generation == current_generation(self.data_dir):
                return index
            fresh = Index.open(self.data_dir, self.model, self._glossary(), self.chroma_url)
            fresh.warm()
            self._index = fresh
            return fresh
        finally:
            self._switch.release()


class IndexWriter:
    """Builds the next generation copy-on-write and publishes it (needs the writer lock)."""

    def __init__(
        self,
        lock: WriterLock,
        model: str,
        base: str | None,
        chroma_url: str = "",
        with_e5: bool = False,
    ) -> None:
        started = time.perf_counter()
        self.lock = lock
        self.model = model
        self.model_id = model_identity(model)
        self.base = base
        self.chroma_url = chroma_url
        self.with_e5 = with_e5
        embeddings = load_embeddings(model)  # before the folder exists: loading takes a while
        embeddings.embed_query("Bereit.")  # models that load lazily load now
        self.generation, self.folder = new_generation(lock)
        self.timings: dict[str, float] = {}
        try:
            self.store = self._chunk_store(lock.data_dir, base)
            self.timings["copy_s"] = time.perf_counter() - started
            self.vectors = self._vector_store(embeddings)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self._changed = False
        self._published = False
        self._e5_new: dict[str, np.ndarray] = {}  # e5 vectors embedded in this run, by chunk id

    @classmethod
    def start(
        cls,
        lock: WriterLock,
        model: str,
        from_current: bool = True,
        chroma_url: str = "",
        with_e5: bool = False,
    ) -> IndexWriter:
        """A writer on a copy of the published generation (or on an empty one); with
        ``chroma_url`` its vectors go to that Chroma server (checked before anything else);
        ``with_e5`` (see ``e5.wanted``) publishes the second channel's vectors too."""
        if chroma_url:
            from .chromaserver import check_server

            check_server(chroma_url)
        base = current_generation(lock.data_dir) if from_current else None
        if base is not None:
            indexed = read_ready(lock.data_dir, base).get("embedding_model")
            if indexed != model_identity(model):
                raise EmbeddingModelMismatch(
                    texts.ERR_EMBEDDING_MISMATCH.format(
                        data_dir=lock.data_dir, indexed=indexed, configured=model_identity(model)
                    )
                )
        return cls(lock, model, base, chroma_url, with_e5)

    def _vector_store(self, embeddings: Any) -> VectorWriter | ServerVectorWriter:
        if self.chroma_url:
            from .chromaserver import ServerVectorWriter, collection_name, data_id

            name = collection_name(data_id(self.lock.data_dir), self.model_id)
            return ServerVectorWriter(self.chroma_url, name, embeddings)
        return VectorWriter(self.folder, embeddings)

    def _chunk_store(self, data_dir: Path, base: str | None) -> ChunkStore:
        target = self.folder / CHUNKS_FILE
        if base is None:
            store = ChunkStore(target)
            store.set_meta(
                {
                    "schema_version": str(SCHEMA_VERSION),
                    "embedding_model": self.model_id,
                    "created_at": _now(),
                }
            )
            return store
        source = generation_dir(data_dir, base)
        if not self.chroma_url and (source / CHROMA_DIR).is_dir():
            # a base built on a Chroma server has none: publishing embeds what is missing
            shutil.copytree(source / CHROMA_DIR, self.folder / CHROMA_DIR)
        return ChunkStore.copy_of(source / CHUNKS_FILE, target)

    @property
    def changed(self) -> bool:
        """Whether anything was written since the copy."""
        return self._changed

    def documents(self) -> list[DocRecord]:
        """The documents of the generation being built."""
        return self.store.documents()

    def document(self, doc_id: str) -> DocRecord | None:
        """One document of the generation being built."""
        return self.store.document(doc_id)

    def put_document(
        self,
        record: DocRecord,
        chunks: list[Chunk],
        progress: Callable[[int], None] | None = None,
        basis: bytes | None = None,
    ) -> None:
        """Add or replace one document: its new vectors, then its rows (with ``basis``, what
        its municipality is inferred from), then old vectors."""
        old_ids = self.store.chunk_ids(record.doc_id)
        keep = set(old_ids)
        to_embed = [c for c in chunks if c.chunk_id not in keep]
        self._changed = True
        for start in range(0, len(to_embed), EMBED_BATCH):
            batch = to_embed[start : start + EMBED_BATCH]
            self.vectors.add(batch)
            if progress:
                progress(len(batch))  # may raise (time limit); leftovers are orphans
        if self.with_e5 and to_embed:  # here, not at publish: it counts in the file's time
            started = time.perf_counter()
            vectors = e5.embed_passages([c.text for c in to_embed])
            self._e5_new |= {c.chunk_id: v for c, v in zip(to_embed, vectors, strict=True)}
            self.timings["e5_s"] = self.timings.get("e5_s", 0.0) + time.perf_counter() - started
        self.store.put(record, chunks, basis)
        new_ids = {c.chunk_id for c in chunks}
        self.vectors.delete([i for i in old_ids if i not in new_ids])

    def basis_ids(self) -> set[str]:
        """The documents whose municipality is inferred (none in the manifest): each has what
        it is inferred from, stored by ``put_document`` and kept while unchanged."""
        return self.store.basis_ids()

    def basis(self, doc_id: str) -> bytes | None:
        """What a document's municipality is inferred from (None: the manifest gives it)."""
        return self.store.basis(doc_id)

    def set_metas(self, metas: Sequence[DocumentMeta]) -> None:
        """Replace stored documents' metadata (links between versions worked out after all
        files were read); their chunks and vectors stay."""
        for meta in metas:
            self._changed = True
            self.store.set_document_meta(meta)

    def remove_document(self, doc_id: str) -> None:
        """Remove a document's rows and vectors."""
        old_ids = self.store.chunk_ids(doc_id)
        self._changed = True
        self.store.remove(doc_id)
        self.vectors.delete(old_ids)

    def publish(self, status: Callable[[str], None] | None = None) -> dict[str, Any]:
        """Finish the generation (orphans, checks, vectors, lexical index) and publish it."""
        say = status or (lambda _: None)
        t0 = time.perf_counter()
        chunks = self.store.chunks()
        say(texts.PUBLISH_VECTORS)
        vectors = self._finish_vectors(chunks)
        self.timings["vectors_s"] = time.perf_counter() - t0
        if self.with_e5:
            say(texts.PUBLISH_E5)
            started = time.perf_counter()
            base = generation_dir(self.lock.data_dir, self.base) if self.base else None
            vectors["e5_embedded"] = e5.build(self.folder, chunks, base, self._e5_new)
            self.timings["e5_s"] = self.timings.get("e5_s", 0.0) + time.perf_counter() - started
        t1 = time.perf_counter()
        say(texts.PUBLISH_LEXICAL)
        build_lexical(chunks, self.folder / LEXICAL_DIR)
        for file_name, derive in _WORD_LISTS:
            words = derive(c.text for c in chunks)  # a list keeps its order, a set is sorted
            listed = words if isinstance(words, list) else sorted(words)
            (self.folder / file_name).write_text(json.dumps(listed, ensure_ascii=False), "utf-8")
        build_mentions(chunks, self.folder)
        t2 = time.perf_counter()
        documents = len(self.store.documents())
        self.store.seal({"chunk_count": str(len(chunks)), "published_at": _now()})
        self.store.close()
        self.timings["lexical_s"] = t2 - t1
        summary = {
            "generation": self.generation,
            "base": self.base or "",
            "embedding_model": self.model_id,
            "documents": documents,
            "chunks": len(chunks),
            **vectors,
            "published_at": _now(),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }
        write_ready(self.folder, summary)
        publish(self.lock, self.generation)
        self._published = True
        summary["deleted"] = self._tidy_up()
        return summary

    def _finish_vectors(self, chunks: Sequence[Chunk]) -> dict[str, Any]:
        """Embed chunks without a vector (a base from the other mode), then check and export
        (embedded) or check (server); returns the READY fields about the vectors."""
        ids = [c.chunk_id for c in chunks]
        if isinstance(self.vectors, VectorWriter):
            stored = self.vectors.ids()
            self._embed_missing([c for c in chunks if c.chunk_id not in stored])
            orphans = sorted(stored - set(ids))  # what was embedded now has a chunk
            self.vectors.delete(orphans)
            if self.vectors.count() != len(chunks):
                raise RuntimeError(f"{self.vectors.count()} vectors for {len(chunks)} chunks")
            rows = self.vectors.export(ids, self.folder)
            self.vectors.close()
            return {"vectors": rows, "orphans_removed": len(orphans)}
        absent = set(self.vectors.missing(ids))
        self._embed_missing([c for c in chunks if c.chunk_id in absent])
        still = self.vectors.missing(ids)
        if still:
            raise RuntimeError(f"{len(still)} chunks without vector, e.g. {still[0]}")
        return {
            "vectors": len(ids),
            "orphans_removed": 0,
            "vector_store": VECTORS_SERVER,
            "chroma_collection": self.vectors.name,
        }

    def _embed_missing(self, chunks: Sequence[Chunk]) -> None:
        for start in range(0, len(chunks), EMBED_BATCH):
            self.vectors.add(chunks[start : start + EMBED_BATCH])

    def _tidy_up(self) -> list[str]:
        """Delete unused generations (on a Chroma server then the vectors none uses)."""
        try:
            deleted = collect_garbage(self.lock)
        except OSError as exc:  # published all the same; the next run tidies up
            log.warning("Alte Generationen nicht gelöscht: %s", exc)
            return []
        if self.chroma_url:
            try:
                name = read_ready(self.lock.data_dir, self.generation)["chroma_collection"]
                removed = prune_server(self.lock.data_dir, self.chroma_url, name)
                log.info("%d Vektoren ohne Generation vom Chroma-Server gelöscht", removed)
            except Exception as exc:  # noqa: BLE001 - published all the same; next run prunes
                log.warning("Vektoren auf dem Chroma-Server nicht aufgeräumt: %s", exc)
        return deleted

    def discard(self) -> None:
        """Abandon the generation being built (the published one stays)."""
        if self._published:
            return  # it is the live generation now
        for close in (self.vectors.close, self.store.close):
            try:
                close()
            except Exception:
                log.debug("closing a discarded generation failed", exc_info=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def prune_server(data_dir: Path, chroma_url: str, name: str) -> int:
    """Delete the server's vectors (of collection ``name``) that no generation left in the
    data folder uses, and collections none names (call with the writer lock held, after
    collecting garbage); returns how many vectors."""
    from .chromaserver import prune_vectors

    live: set[str] = set()
    collections: set[str] = set()
    root = data_dir / GENERATIONS
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        store = folder / CHUNKS_FILE
        if store.is_file() and not folder.name.startswith("."):
            live.update(StoredChunks.read(store).ids)
            with contextlib.suppress(OSError, ValueError, KeyError):
                collections.add(read_ready(data_dir, folder.name)["chroma_collection"])
    return prune_vectors(chroma_url, name, live, collections)


def _spans(doc_ids: Sequence[str]) -> list[tuple[int, int]]:
    """(first row, end row) of each document's chunks in row order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for row in range(1, len(doc_ids) + 1):
        if row == len(doc_ids) or doc_ids[row] != doc_ids[start]:
            spans.append((start, row))
            start = row
    return spans


def lexical_is_current(data_dir: Path) -> bool:
    """Whether the published generation has a lexical index in this program's format (an
    older one, e.g. the pickle of earlier versions, makes the next ingest republish)."""
    name = current_generation(data_dir)
    return name is None or is_current(generation_dir(data_dir, name) / LEXICAL_DIR)


def lacks_e5(data_dir: Path) -> bool:
    """Whether the published generation has no e5 vectors (``assistant.e5``)."""
    name = current_generation(data_dir)
    return name is not None and not e5.has_vectors(generation_dir(data_dir, name))


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
