"""Hybrid retrieval: German BM25 + character n-grams + dense vectors (USE, and e5 where it runs:
``assistant.e5``), fused by normalised score.

Each channel contributes its top candidates; on the union of candidates every channel's scores
are z-normalised (mean 0, spread 1 over its own top list), so the fusion depends on how far a
chunk stands out within a channel, not on absolute scores that change with corpus size. Rank
fusion (RRF) was measured worse here: it lets the weak English dense model outvote BM25.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

from .lexical import Query
from .store import Index
from .types import Chunk, Filters, Hit
from .vectors import top_rows

__all__ = ["CHAR_POOL", "FusionWeights", "Mode", "fuse", "retrieve"]

Mode = Literal["hybrid", "dense", "lexical"]


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the channels in the fused score (BM25 is the reference at 1.0)."""

    bm25: float = 1.0
    chars: float = 1.0
    dense: float = 0.0
    e5: float = 0.0  # the second dense channel (retrieval only)
    expansion: float = 0.0  # weight of glossary synonyms inside BM25
    candidates: int = 40  # top-N per channel that enter the fusion


# Rows the character channel scores: the best of BM25 and of dense retrieval, far more than
# enter the fusion, so that its top list matches a whole-corpus scan on the evaluation sets
# while its cost stays the same at any corpus size.
CHAR_POOL = 200


def retrieve(
    index: Index,
    query: str | Query,
    k: int,
    filters: Filters | None = None,
    mode: Mode = "hybrid",
    weights: FusionWeights | None = None,
) -> list[Hit]:
    """The ``k`` best chunks for ``query`` under ``filters``."""
    weights = weights or FusionWeights()
    lexical = index.lexical()
    chunks = index.chunks()
    parsed = query if isinstance(query, Query) else lexical.query(query)
    allowed = index.mask(filters)
    channels: dict[str, list[tuple[Chunk, float]]] = {}
    pool: list[int] = []  # candidate rows of the character channel
    n = weights.candidates
    use_chars = mode == "hybrid" and weights.chars > 0 and lexical.has_char_ngrams
    if mode in ("hybrid", "lexical"):
        rows = _top_rows(lexical.bm25_scores(parsed, weights.expansion), allowed, CHAR_POOL)
        channels["bm25"] = [(chunks[i], s) for i, s in rows[:n]]
        pool += [i for i, _ in rows]
    if mode == "dense" or (mode == "hybrid" and weights.dense > 0):
        vector = index.embed_query(parsed.text)
        nearest = _dense(index, vector, max(n, CHAR_POOL) if use_chars else n, filters)
        channels["dense"] = nearest[:n]
        if use_chars:
            dense_rows = (index.row_of(c.chunk_id) for c, _ in nearest)
            pool += [row for row in dense_rows if row is not None]
    if mode == "hybrid" and weights.e5 > 0:
        scores = index.e5_scores(parsed.text)
        if scores is not None:
            rows = _top_rows(scores, allowed, CHAR_POOL)
            channels["e5"] = [(chunks[i], s) for i, s in rows[:n]]
            pool += [i for i, _ in rows]
    if use_chars:
        channels["chars"] = _char_channel(index, parsed, pool, allowed, weights)
    channel_weights = {
        "bm25": weights.bm25,
        "chars": weights.chars,
        "dense": weights.dense,
        "e5": weights.e5,
    }
    return fuse(channels, {c: channel_weights[c] for c in channels})[:k]


def _char_channel(
    index: Index, query: Query, pool: list[int], allowed: np.ndarray | None, weights: FusionWeights
) -> list[tuple[Chunk, float]]:
    """The character channel's top candidates, scored on the candidate rows only."""
    rows = np.unique(np.asarray(pool, dtype=np.int64))
    if allowed is not None:
        rows = rows[allowed[rows]]
    scores = index.lexical().char_scores(query, rows.tolist(), weights.expansion)
    order = np.argsort(-scores, kind="stable")[: weights.candidates]
    chunks = index.chunks()
    return [(chunks[int(rows[i])], float(scores[i])) for i in order if scores[i] > 0]


def _dense(
    index: Index, vector: list[float], n: int, filters: Filters | None
) -> list[tuple[Chunk, float]]:
    """Nearest passages under ``filters``; passages of other documents that name the
    municipality asked for (``Filters.mentions``) come from a second, unscoped search."""
    if not filters or not filters.mentions:
        return index.dense_search(vector, n, filters)
    own = index.dense_search(vector, n, replace(filters, mentions=()))
    other = index.dense_search(vector, n, replace(filters, kommunen=(), mentions=()))
    best: dict[str, tuple[Chunk, float]] = {}
    for chunk, score in own + [(c, s) for c, s in other if filters.admits(c)]:
        if chunk.chunk_id not in best or best[chunk.chunk_id][1] < score:
            best[chunk.chunk_id] = (chunk, score)
    return sorted(best.values(), key=lambda item: -item[1])[:n]


def _top_rows(scores: np.ndarray, allowed: np.ndarray | None, n: int) -> list[tuple[int, float]]:
    """(row, score) of the ``n`` best positive scores among the allowed rows."""
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)
    return [(row, score) for row, score in top_rows(scores, n) if score > 0]


def fuse(
    channels: Mapping[str, list[tuple[Chunk, float]]], weights: Mapping[str, float]
) -> list[Hit]:
    """Weighted sum of per-channel z-scores over the union of candidates.

    A candidate missing from a channel's list gets that channel's lowest listed score. A
    single channel keeps its own order.
    """
    chunks: dict[str, Chunk] = {}
    for hits in channels.values():
        for chunk, _ in hits:
            chunks.setdefault(chunk.chunk_id, chunk)
    fused = dict.fromkeys(chunks, 0.0)
    ranks: dict[str, dict[str, int]] = {name: {} for name in channels}
    for name, hits in channels.items():
        if not hits:
            continue
        values = np.array([score for _, score in hits], dtype=np.float64)
        mean, spread = float(values.mean()), float(values.std()) or 1.0
        listed = {chunk.chunk_id: score for chunk, score in hits}
        floor = float(values.min())
        for rank, (chunk, _) in enumerate(hits, start=1):
            ranks[name][chunk.chunk_id] = rank
        for cid in fused:
            fused[cid] += weights.get(name, 0.0) * (listed.get(cid, floor) - mean) / spread
    similarity = {c.chunk_id: s for c, s in channels.get("dense", [])}
    # Ties (the same passage in a concept and in its update) go by document and position:
    # chunk ids change with every ingest version, and so would the order and the figures.
    order = sorted(
        fused,
        key=lambda cid: (
            -fused[cid],
            -similarity.get(cid, 0.0),
            chunks[cid].doc_id,
            chunks[cid].position,
            cid,
        ),
    )
    return [
        Hit(
            chunk=chunks[cid],
            score=fused[cid],
            dense_rank=ranks.get("dense", {}).get(cid),
            lexical_rank=ranks.get("bm25", {}).get(cid),
            dense_similarity=similarity.get(cid),
        )
        for cid in order
    ]
