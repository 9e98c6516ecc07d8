"""Optional reranking stage: a cross-encoder rescores the best fused hits.

No cross-encoder can be installed offline on the reference machines, so the stage is off by
default. An admin who has a model (a local directory of a sentence-transformers CrossEncoder,
e.g. a multilingual MiniLM reranker copied onto the server) sets ``KONZEPTLOTSE_RERANKER``.
A missing or unloadable model is logged and the assistant continues without reranking.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from .types import Hit

__all__ = ["RERANK_DEPTH", "CrossEncoderReranker", "Reranker", "load_reranker"]

log = logging.getLogger(__name__)

RERANK_DEPTH = 20  # hits rescored; the rest keep their fused order behind them


class Reranker(Protocol):
    """Reorders retrieval hits for a query."""

    def rerank(self, query: str, hits: list[Hit]) -> list[Hit]:
        """The hits in a better order (same hits, new scores)."""
        ...


class CrossEncoderReranker:
    """A sentence-transformers CrossEncoder loaded from a local directory."""

    def __init__(self, path: Path, model: Any = None) -> None:
        self.path = path
        self._model = model

    def _encoder(self) -> Any:
        if self._model is None:
            from sentence_transformers import CrossEncoder

            self._model = CrossEncoder(str(self.path), device="cpu")
        return self._model

    def rerank(self, query: str, hits: list[Hit]) -> list[Hit]:
        """Rescore the first ``RERANK_DEPTH`` hits by (query, passage) relevance."""
        head, tail = hits[:RERANK_DEPTH], hits[RERANK_DEPTH:]
        if not head:
            return hits
        scores = self._encoder().predict([(query, h.chunk.embed_text) for h in head])
        rescored = [replace(h, score=float(s)) for h, s in zip(head, scores, strict=True)]
        rescored.sort(key=lambda h: -h.score)
        return rescored + tail


def load_reranker(setting: str) -> Reranker | None:
    """The configured reranker, or None (not configured, or the model cannot be loaded)."""
    if not setting:
        return None
    path = Path(setting).expanduser()
    if not path.is_dir():
        log.warning("Reranker-Modell nicht gefunden: %s – es wird ohne Reranking gesucht.", path)
        return None
    reranker = CrossEncoderReranker(path)
    try:
        reranker._encoder()
    except Exception as exc:  # noqa: BLE001 - any load failure means: continue without it
        log.warning("Reranker %s nicht ladbar (%s) – es wird ohne Reranking gesucht.", path, exc)
        return None
    return reranker
