"""The lexical index of a generation on disk: built once by the writer, memory-mapped by readers.

Layout of ``lexical/`` in a generation folder (all arrays uncompressed ``.npy``)::

    meta.json         format, number of rows, digest of the chunk ids in row order
    terms.json        the stem vocabulary, in id order
    df.npy            in how many chunks each term occurs
    row_terms.npy     each chunk's distinct term ids, concatenated (CSR with row_ptr.npy)
    row_ptr.npy
    compounds.json    word counts the compound splitter decides with
    abbreviations.json short form -> long form the documents define ("SBA" -> "Servicestelle …")
    casing.json       how the documents spell words inside sentences ("haldenberg" -> "Haldenberg")
    bm25/             bm25s arrays (``BM25.save``; loaded with ``mmap=True``)
    chars/            character n-gram TF-IDF rows (``assistant.charindex``)

Row ``i`` is the ``i``-th chunk in the chunk store's order (documents by id, chunks by
position), the same order as the vector matrix. Nothing here is a pickle: a reader maps
arrays and parses JSON, so opening a 100,000-chunk index costs a fraction of a second and
the operating system shares the pages between processes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .abbreviations import defined_abbreviations
from .casing import casing_table
from .charindex import CHAR_DIR, build_char_index
from .compounds import Decompounder
from .german import content_words, expand_and_stem
from .types import Chunk

__all__ = [
    "LEXICAL_DIR",
    "LEXICAL_FORMAT",
    "build_lexical",
    "ids_digest",
    "is_current",
    "read_meta",
]

LEXICAL_DIR = "lexical"
# Version of the files; bump when what is saved or how it is computed changes.
LEXICAL_FORMAT = 6
BM25_DIR = "bm25"
BM25_K1, BM25_B = 1.2, 0.75


def ids_digest(chunk_ids: Sequence[str]) -> str:
    """A digest of the chunk ids in row order (ties the files to one chunk store)."""
    digest = hashlib.sha256()
    for chunk_id in chunk_ids:
        digest.update(chunk_id.encode() + b"\n")
    return digest.hexdigest()


def read_meta(folder: Path) -> dict[str, Any]:
    """The ``meta.json`` of a lexical folder (raises OSError/ValueError when unreadable)."""
    data: dict[str, Any] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return data


def is_current(folder: Path) -> bool:
    """Whether ``folder`` holds a complete lexical index in this program's format."""
    try:
        return read_meta(folder).get("format") == LEXICAL_FORMAT
    except (OSError, ValueError):
        return False


def build_lexical(chunks: Sequence[Chunk], folder: Path) -> dict[str, float]:
    """Analyse ``chunks`` and write the lexical index to ``folder`` atomically; sizes."""
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    texts = [c.embed_text for c in chunks]
    words = [content_words(t) for t in texts]
    splitter = Decompounder(w for ws in words for w in ws)
    doc_terms = [expand_and_stem(ws, splitter.split) for ws in words]
    vocab: dict[str, int] = {}
    ids = [[vocab.setdefault(t, len(vocab)) for t in terms] for terms in doc_terms]
    _save_bm25(ids, vocab, tmp / BM25_DIR)
    df = np.zeros(len(vocab), dtype=np.int32)
    rows = [np.unique(np.asarray(row, dtype=np.int32)) for row in ids]
    for row in rows:
        df[row] += 1
    ptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(r) for r in rows], out=ptr[1:])
    np.save(tmp / "row_terms.npy", np.concatenate(rows) if rows else np.zeros(0, np.int32))
    np.save(tmp / "row_ptr.npy", ptr)
    np.save(tmp / "df.npy", df)
    _write_json(tmp / "terms.json", list(vocab))
    _write_json(tmp / "compounds.json", splitter.counts)
    _write_json(tmp / "abbreviations.json", defined_abbreviations(c.text for c in chunks))
    _write_json(tmp / "casing.json", casing_table(texts))
    build_char_index(texts, tmp / CHAR_DIR)
    meta = {
        "format": LEXICAL_FORMAT,
        "rows": len(chunks),
        "ids": ids_digest([c.chunk_id for c in chunks]),
        "terms": len(vocab),
    }
    _write_json(tmp / "meta.json", meta)
    _fsync_tree(tmp)
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)
    return {"terms": float(len(vocab)), "rows": float(len(chunks))}


def _save_bm25(ids: list[list[int]], vocab: dict[str, int], folder: Path) -> None:
    import bm25s

    model = bm25s.BM25(k1=BM25_K1, b=BM25_B)
    if ids:
        tokens = bm25s.tokenization.Tokenized(ids=ids, vocab=vocab)
        model.index(tokens, show_progress=False)
    else:  # bm25s cannot index nothing: an empty score matrix
        model.scores = {
            "data": np.zeros(0, np.float32),
            "indices": np.zeros(0, np.int32),
            "indptr": np.zeros(len(vocab) + 1, np.int32),
            "num_docs": 0,
        }
        model.nonoccurrence_array = None  # only the BM25L/BM25+ variants have one
    model.vocab_dict = {}  # our vocabulary is terms.json; no second copy
    model.save(folder, show_progress=False)


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
