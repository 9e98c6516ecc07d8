"""German lexical index over chunks: BM25 (bm25s) on stemmed, stopword-free tokens."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from .german import analyze
from .types import Chunk

__all__ = ["LexicalIndex"]


class LexicalIndex:
    """BM25 over the chunks' section + text; also provides IDF weights for term coverage."""

    def __init__(self, chunks: Sequence[Chunk], analyzer: Callable[[str], list[str]] = analyze):
        import bm25s

        self.chunks = list(chunks)
        self.analyzer = analyzer
        self.doc_terms = [analyzer(c.embed_text) for c in self.chunks]
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        vocab: dict[str, int] = {}
        ids = [[vocab.setdefault(t, len(vocab)) for t in terms] for terms in self.doc_terms]
        self._vocab = vocab
        if self.chunks:
            self._bm25.index(
                bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False
            )
        df: Counter[str] = Counter()
        for terms in self.doc_terms:
            df.update(set(terms))
        n = max(len(self.chunks), 1)
        self._idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self._max_idf = math.log(1 + (n + 0.5) / 0.5)

    def idf(self, term: str) -> float:
        """BM25 IDF of a term; unseen terms get the maximum (they are the most specific)."""
        return self._idf.get(term, self._max_idf)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk for ``query`` (zeros when no term is known)."""
        terms = [t for t in self.analyzer(query) if t in self._vocab]
        if not terms or not self.chunks:
            return np.zeros(len(self.chunks), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)

    def search(
        self, query: str, k: int, allowed: Callable[[Chunk], bool] | None = None
    ) -> list[tuple[Chunk, float]]:
        """Top ``k`` chunks with a positive score, optionally restricted by ``allowed``."""
        scores = self.scores(query)
        order = np.argsort(-scores, kind="stable")
        hits: list[tuple[Chunk, float]] = []
        for i in order:
            if scores[i] <= 0 or len(hits) >= k:
                break
            chunk = self.chunks[i]
            if allowed is None or allowed(chunk):
                hits.append((chunk, float(scores[i])))
        return hits
