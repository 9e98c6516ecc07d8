"""Character 3-5-gram TF-IDF over the chunks: built in batches, memory-mapped, scored per row.

The weighting is scikit-learn's ``TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5),
sublinear_tf=True)`` (smooth IDF, l2-normalised rows; a test compares the two), computed
differently so that it scales:

* an n-gram is an integer key: each character has a small code in the corpus alphabet (12
  bits), a key packs up to five codes and the n-gram's length, so n-grams of a whole batch of
  texts come out of a few numpy operations instead of a Python loop over substrings;
* the writer builds the matrix batch by batch and streams it to disk (``chars/`` in a
  generation: vocabulary keys, IDF, and the rows as CSR arrays ``data``/``indices``/``indptr``,
  uncompressed ``.npy``); memory stays bounded by the vocabulary, not the corpus;
* readers memory-map the arrays and score only the rows they are asked about (the candidates
  of BM25 and dense retrieval), so a question costs the same at 1,000 or 100,000 chunks and
  only the touched pages are read.

An alphabet larger than 4,095 characters (not seen in German documents) maps its rarest
characters to one shared code; n-grams with a character the corpus never had cannot match.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from .german import transliterate

__all__ = ["CHAR_DIR", "CharIndex", "QueryVector", "build_char_index", "char_text"]

CHAR_DIR = "chars"
NGRAMS = (3, 4, 5)
_BITS = 12
_MAX_CODE = (1 << _BITS) - 1  # shared code of the rarest characters of a huge alphabet
_LENGTH_SHIFT = _BITS * NGRAMS[-1]
_BATCH = 2_000  # chunks per build batch (a few MB of keys)


def char_text(text: str) -> str:
    """What the n-grams are taken from: "Schüler" and a typed "Schueler" share them."""
    return transliterate(text.lower().replace("-", " "))


@dataclass(frozen=True)
class QueryVector:
    """A text's TF-IDF vector: vocabulary ids (sorted) and l2-normalised weights."""

    ids: np.ndarray
    weights: np.ndarray

    def dot_rows(
        self, ids: np.ndarray, weights: np.ndarray, segments: np.ndarray, n: int
    ) -> np.ndarray:
        """Dot products with ``n`` sparse rows given as concatenated (ids, weights, row of each)."""
        if not len(self.ids) or not len(ids):
            return np.zeros(n, dtype=np.float32)
        where = np.searchsorted(self.ids, ids)
        where[where >= len(self.ids)] = 0
        hit = self.ids[where] == ids
        products = np.where(hit, weights * self.weights[where], 0.0)
        return np.bincount(segments, weights=products, minlength=n).astype(np.float32)


class _Alphabet:
    """Character codes: 1..4095 for the corpus's characters, 0 for unknown ones."""

    def __init__(self, chars: Sequence[str]) -> None:
        self.chars = list(chars)
        points = np.array([ord(c) for c in self.chars], dtype=np.uint32)
        order = np.argsort(points)
        self._points = points[order]
        codes = np.minimum(np.arange(1, len(self.chars) + 1), _MAX_CODE)
        self._codes = codes[order].astype(np.uint64)

    @classmethod
    def of(cls, texts: Sequence[str]) -> _Alphabet:
        """The alphabet of the n-gram text of ``texts``, most frequent characters first (they
        keep codes of their own when there are more than 4,095)."""
        counts: dict[int, int] = {ord(" "): 1}
        for start in range(0, len(texts), _BATCH):
            joined = " ".join(char_text(t) for t in texts[start : start + _BATCH])
            points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
            for point, count in zip(*np.unique(points, return_counts=True), strict=True):
                counts[int(point)] = counts.get(int(point), 0) + int(count)
        return cls([chr(p) for p in sorted(counts, key=lambda p: (-counts[p], p))])

    def codes(self, points: np.ndarray) -> np.ndarray:
        """Codes of code points (0 where the alphabet lacks the character)."""
        if not len(self._points):
            return np.zeros(len(points), dtype=np.uint64)
        where = np.searchsorted(self._points, points)
        where[where >= len(self._points)] = 0
        return np.where(self._points[where] == points, self._codes[where], 0).astype(np.uint64)


def _ngram_keys(texts: Sequence[str], alphabet: _Alphabet) -> tuple[np.ndarray, np.ndarray]:
    """(text number, key) of every character n-gram of ``texts``, in order.

    ``char_wb`` semantics: each whitespace-separated word is padded with one space on both
    sides and n-grams never cross a word; a padded word shorter than n gives none of length n.
    """
    words = [(i, w) for i, text in enumerate(texts) for w in char_text(text).split()]
    if not words:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64)
    joined = "".join(f" {w} " for _, w in words)
    points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    codes = alphabet.codes(points)
    lengths = np.fromiter((len(w) + 2 for _, w in words), dtype=np.int64, count=len(words))
    ends = np.cumsum(lengths)
    owner = np.repeat(np.arange(len(words)), lengths)
    remaining = ends[owner] - np.arange(len(points))  # characters left in the word from here
    text_of = np.fromiter((i for i, _ in words), dtype=np.int64, count=len(words))[owner]
    padded = np.concatenate([codes, np.zeros(NGRAMS[-1], dtype=np.uint64)])
    found_texts, found_keys = [], []
    for n in NGRAMS:
        starts = np.nonzero(remaining >= n)[0]
        key = np.full(len(starts), n << _LENGTH_SHIFT, dtype=np.uint64)
        known = np.ones(len(starts), dtype=bool)
        for k in range(n):
            part = padded[starts + k]
            known &= part != 0
            key |= part << np.uint64(_BITS * k)
        found_texts.append(text_of[starts[known]])
        found_keys.append(key[known])
    return np.concatenate(found_texts), np.concatenate(found_keys)


def _counts(texts: Sequence[str], alphabet: _Alphabet) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per text: its distinct n-gram keys with counts, as (text number, key, count) sorted."""
    owners, keys = _ngram_keys(texts, alphabet)
    if not len(keys):
        return owners, keys, np.zeros(0, dtype=np.float32)
    order = np.lexsort((keys, owners))
    owners, keys = owners[order], keys[order]
    new = np.ones(len(keys), dtype=bool)
    new[1:] = (keys[1:] != keys[:-1]) | (owners[1:] != owners[:-1])
    starts = np.nonzero(new)[0]
    counts = np.diff(np.append(starts, len(keys))).astype(np.float32)
    return owners[starts], keys[starts], counts


class _Vocabulary:
    """N-gram keys -> ids in order of first sight (grown batch by batch)."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.uint64)  # sorted
        self.ids = np.zeros(0, dtype=np.int64)  # id of each sorted key

    def ids_of(self, keys: np.ndarray) -> np.ndarray:
        """Ids of ``keys``, adding the unseen ones."""
        unique = np.unique(keys)
        where = np.searchsorted(self.keys, unique)
        seen = where < len(self.keys)
        seen[seen] = self.keys[where[seen]] == unique[seen]
        fresh = unique[~seen]
        if len(fresh):
            fresh_ids = np.arange(len(self.ids), len(self.ids) + len(fresh))
            merged = np.concatenate([self.keys, fresh])
            order = np.argsort(merged, kind="stable")
            self.keys = merged[order]
            self.ids = np.concatenate([self.ids, fresh_ids])[order]
        return self.ids[np.searchsorted(self.keys, keys)]


def build_char_index(texts: Sequence[str], folder: Path) -> None:
    """Build the TF-IDF rows of ``texts`` into ``folder`` (replaced if present)."""
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    alphabet = _Alphabet.of(texts)
    vocabulary = _Vocabulary()
    indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    df = np.zeros(0, dtype=np.int64)
    with open(tmp / "indices.raw", "wb") as ids_out, open(tmp / "tf.raw", "wb") as tf_out:
        for start in range(0, len(texts), _BATCH):
            owners, keys, counts = _counts(texts[start : start + _BATCH], alphabet)
            ids = vocabulary.ids_of(keys)
            row_lengths = np.bincount(owners, minlength=min(_BATCH, len(texts) - start))
            indptr[start + 1 : start + 1 + len(row_lengths)] = row_lengths
            df = _grow(df, len(vocabulary.ids))
            np.add.at(df, ids, 1)
            ids.astype(np.int32).tofile(ids_out)
            counts.tofile(tf_out)
    np.cumsum(indptr, out=indptr)
    idf = (np.log((1 + len(texts)) / (1 + df)) + 1).astype(np.float32)
    _finish(tmp, indptr, idf)
    np.save(tmp / "keys.npy", vocabulary.keys)
    np.save(tmp / "key_ids.npy", vocabulary.ids.astype(np.int32))
    np.save(tmp / "idf.npy", idf)
    (tmp / "alphabet.json").write_text(json.dumps(alphabet.chars), encoding="utf-8")
    for path in tmp.iterdir():
        _fsync(path)
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)


def _grow(array: np.ndarray, size: int) -> np.ndarray:
    return (
        array
        if len(array) >= size
        else np.concatenate([array, np.zeros(size - len(array), array.dtype)])
    )


def _finish(tmp: Path, indptr: np.ndarray, idf: np.ndarray) -> None:
    """Weight the raw counts (sublinear TF x IDF, l2 per row) into the final CSR files."""
    nnz = int(indptr[-1])
    raw_ids = (
        np.memmap(tmp / "indices.raw", dtype=np.int32, mode="r", shape=(nnz,))
        if nnz
        else np.zeros(0, np.int32)
    )
    raw_tf = (
        np.memmap(tmp / "tf.raw", dtype=np.float32, mode="r", shape=(nnz,))
        if nnz
        else np.zeros(0, np.float32)
    )
    data = np.lib.format.open_memmap(tmp / "data.npy", mode="w+", dtype=np.float32, shape=(nnz,))
    indices = np.lib.format.open_memmap(
        tmp / "indices.npy", mode="w+", dtype=np.int32, shape=(nnz,)
    )
    rows = len(indptr) - 1
    for first in range(0, rows, _BATCH):
        last = min(rows, first + _BATCH)
        lo, hi = int(indptr[first]), int(indptr[last])
        ids = np.asarray(raw_ids[lo:hi])
        weights = (1 + np.log(np.asarray(raw_tf[lo:hi]))) * idf[ids]
        segments = np.repeat(np.arange(last - first), np.diff(indptr[first : last + 1]))
        norms = np.sqrt(np.bincount(segments, weights=weights * weights, minlength=last - first))
        weights /= np.where(norms == 0, 1.0, norms)[segments]
        data[lo:hi] = weights
        indices[lo:hi] = ids
    data.flush()
    indices.flush()
    del data, indices, raw_ids, raw_tf
    np.save(tmp / "indptr.npy", indptr)
    (tmp / "indices.raw").unlink()
    (tmp / "tf.raw").unlink()


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


class CharIndex:
    """The memory-mapped character n-gram rows of one generation (read-only, thread-safe)."""

    def __init__(self, folder: Path) -> None:
        self.keys = _load(folder / "keys.npy")
        self.key_ids = _load(folder / "key_ids.npy")
        self.idf = _load(folder / "idf.npy")
        self.data = _load(folder / "data.npy")
        self.indices = _load(folder / "indices.npy")
        self.indptr = _load(folder / "indptr.npy")
        chars = json.loads((folder / "alphabet.json").read_text(encoding="utf-8"))
        self.alphabet = _Alphabet(chars)

    def __len__(self) -> int:
        return int(len(self.indptr) - 1)

    def vectors(self, texts: Sequence[str]) -> list[QueryVector]:
        """TF-IDF vectors of arbitrary texts (unknown n-grams are left out, as sklearn does)."""
        owners, keys, counts = _counts(texts, self.alphabet)
        where = np.searchsorted(self.keys, keys)
        where[where >= len(self.keys)] = 0
        known = self.keys[where] == keys if len(self.keys) else np.zeros(len(keys), dtype=bool)
        owners, counts = owners[known], counts[known]
        ids = self.key_ids[where[known]].astype(np.int64)
        weights = (1 + np.log(counts)) * self.idf[ids]
        order = np.lexsort((ids, owners))  # per text, ids ascending
        owners, ids, weights = owners[order], ids[order], weights[order]
        bounds = np.searchsorted(owners, np.arange(len(texts) + 1))
        out = []
        for lo, hi in pairwise(bounds):
            row = weights[lo:hi]
            norm = float(np.sqrt(np.dot(row, row))) or 1.0
            out.append(QueryVector(ids[lo:hi], (row / norm).astype(np.float32)))
        return out

    def score_rows(self, vector: QueryVector, rows: Sequence[int]) -> np.ndarray:
        """Cosine of ``vector`` with the stored rows ``rows`` (only those rows are read)."""
        if not len(rows):
            return np.zeros(0, dtype=np.float32)
        starts = self.indptr[np.asarray(rows)]
        ends = self.indptr[np.asarray(rows) + 1]
        ids = np.concatenate([self.indices[s:e] for s, e in zip(starts, ends, strict=True)])
        weights = np.concatenate([self.data[s:e] for s, e in zip(starts, ends, strict=True)])
        segments = np.repeat(np.arange(len(rows)), ends - starts)
        return vector.dot_rows(ids, weights, segments, len(rows))

    def similarity(self, query: QueryVector, texts: Sequence[str]) -> np.ndarray:
        """Cosine of ``query`` with each of ``texts`` (vectors computed on the fly)."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        vectors = self.vectors(texts)
        ids = np.concatenate([v.ids for v in vectors])
        weights = np.concatenate([v.weights for v in vectors])
        segments = np.repeat(np.arange(len(vectors)), [len(v.ids) for v in vectors])
        return query.dot_rows(ids, weights, segments, len(vectors))


def _load(path: Path) -> np.ndarray:
    array = np.load(path, mmap_mode="r")
    return np.asarray(array) if array.size == 0 else array
