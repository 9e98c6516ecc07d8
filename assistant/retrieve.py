"""Hybrid retrieval: dense (Chroma) + German lexical (BM25), fused by reciprocal rank."""

from __future__ import annotations

from typing import Literal

from .store import Index
from .types import Chunk, Filters, Hit

__all__ = ["Mode", "fuse", "retrieve"]

Mode = Literal["hybrid", "dense", "lexical"]


def retrieve(
    index: Index,
    query: str,
    k: int,
    filters: Filters | None = None,
    mode: Mode = "hybrid",
    rrf_k: int = 60,
    candidates: int = 40,
) -> list[Hit]:
    """The ``k`` best chunks for ``query`` under ``filters``."""
    filters = filters or Filters()
    lexical: list[tuple[Chunk, float]] = []
    dense: list[tuple[Chunk, float]] = []
    if mode in ("hybrid", "lexical"):
        allowed = (lambda c: filters.matches(c.meta)) if filters else None
        lexical = index.lexical().search(query, candidates, allowed)
    if mode in ("hybrid", "dense"):
        dense = index.dense_search(index.embed_query(query), candidates, filters)
    return fuse(dense, lexical, rrf_k)[:k]


def fuse(
    dense: list[tuple[Chunk, float]], lexical: list[tuple[Chunk, float]], rrf_k: int
) -> list[Hit]:
    """Reciprocal rank fusion of two ranked lists (ties broken by dense similarity)."""
    scores: dict[str, float] = {}
    chunks: dict[str, Chunk] = {}
    dense_rank: dict[str, int] = {}
    lexical_rank: dict[str, int] = {}
    similarity: dict[str, float] = {}
    for rank, (chunk, sim) in enumerate(dense, start=1):
        scores[chunk.chunk_id] = scores.get(chunk.chunk_id, 0.0) + 1.0 / (rrf_k + rank)
        chunks[chunk.chunk_id] = chunk
        dense_rank[chunk.chunk_id] = rank
        similarity[chunk.chunk_id] = sim
    for rank, (chunk, _) in enumerate(lexical, start=1):
        scores[chunk.chunk_id] = scores.get(chunk.chunk_id, 0.0) + 1.0 / (rrf_k + rank)
        chunks[chunk.chunk_id] = chunk
        lexical_rank[chunk.chunk_id] = rank
    order = sorted(scores, key=lambda cid: (-scores[cid], -similarity.get(cid, 0.0)))
    return [
        Hit(
            chunk=chunks[cid],
            score=scores[cid],
            dense_rank=dense_rank.get(cid),
            lexical_rank=lexical_rank.get(cid),
            dense_similarity=similarity.get(cid),
        )
        for cid in order
    ]
