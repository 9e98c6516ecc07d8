"""German compound splitting against the corpus vocabulary (Koehn & Knight style).

"Sprachstandsfeststellung" -> ["sprachstand", "feststellung"] when those parts occur as words
of their own in the corpus; "Seiteneinsteigerklasse" -> ["seiteneinsteiger", "klasse"]. The
split maximises the geometric mean of the parts' corpus frequencies; linking elements (Fugen-s,
-n, -en, -e, -er, -es) may stand between parts. Pure and deterministic.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

__all__ = ["Decompounder"]

_LINKERS = ("", "s", "n", "en", "e", "er", "es", "ns")
MIN_PART = 4
MIN_WORD = 8
_CACHE_SIZE = 100_000


class Decompounder:
    """Splits words into parts that are known words of the corpus (lowercased, folded)."""

    def __init__(self, words: Iterable[str], min_count: int = 2) -> None:
        counts = Counter(words)
        self.counts = {w: n for w, n in counts.items() if n >= min_count and len(w) >= MIN_PART}
        self._cache: dict[str, tuple[str, ...]] = {}

    @classmethod
    def of_counts(cls, counts: dict[str, int]) -> Decompounder:
        """A splitter over word counts saved earlier (``counts``; already filtered)."""
        splitter = cls(())
        splitter.counts = dict(counts)
        return splitter

    def split(self, word: str) -> tuple[str, ...]:
        """The best split of ``word`` (remembered; safe to share between threads)."""
        parts = self._cache.get(word)
        if parts is None:
            parts = self._split(word)
            if len(self._cache) < _CACHE_SIZE:
                self._cache[word] = parts
        return parts

    def _split(self, word: str) -> tuple[str, ...]:
        """The best split of ``word`` (a 1-tuple of the word itself when none is better)."""
        if len(word) < MIN_WORD or not word.isalpha():
            return (word,)
        # Any split beats none: the index keeps the whole word next to its parts anyway.
        best: tuple[str, ...] = (word,)
        score = -1.0
        for parts in self._candidates(word, depth=0):
            candidate = self._score(parts)
            if candidate > score:
                best, score = parts, candidate
        return best

    def _candidates(self, word: str, depth: int) -> Iterable[tuple[str, ...]]:
        if depth > 3:
            return
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            for linker in _LINKERS:
                if not head.endswith(linker) or len(head) - len(linker) < MIN_PART:
                    continue
                stem = head[: len(head) - len(linker)] if linker else head
                if stem not in self.counts:
                    continue
                if tail in self.counts:
                    yield (stem, tail)
                for rest in self._candidates(tail, depth + 1):
                    yield (stem, *rest)

    def _score(self, parts: tuple[str, ...]) -> float:
        product = 1.0
        for part in parts:
            product *= self.counts.get(part, 0)
        return math.pow(product, 1.0 / len(parts)) if product else 0.0
