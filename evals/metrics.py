"""Evaluation metrics (pure functions over plain data)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

from .dataset import Gold

__all__ = [
    "Passage",
    "citation_is_supported",
    "fact_found",
    "facts_found",
    "first_relevant_rank",
    "hit_at",
    "mean",
    "normalize",
    "percentile",
    "reciprocal_rank",
]

Passage = tuple[str, int, int]  # doc_id, first page, last page

_QUOTES = str.maketrans(
    {"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-"}
)


def normalize(text: str) -> str:
    """Case-, quote-, dash- and whitespace-insensitive form used to find facts in text."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").translate(_QUOTES).lower()
    return re.sub(r"\s+", " ", text).strip()


def fact_found(text: str, alternatives: Sequence[str]) -> bool:
    """Whether any spelling of a fact occurs in ``text``."""
    haystack = normalize(text)
    return any(normalize(alt) in haystack for alt in alternatives)


def facts_found(text: str, facts: Sequence[Sequence[str]]) -> list[bool]:
    """For each required fact, whether the text contains it."""
    return [fact_found(text, alternatives) for alternatives in facts]


def first_relevant_rank(ranked: Sequence[Passage], gold: Sequence[Gold]) -> int | None:
    """1-based rank of the first passage on a gold page, or None."""
    for rank, (doc_id, start, end) in enumerate(ranked, start=1):
        if any(g.matches(doc_id, start, end) for g in gold):
            return rank
    return None


def hit_at(rank: int | None, k: int) -> float:
    """1.0 when the first relevant passage is within the top ``k``."""
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None, k: int = 10) -> float:
    """1/rank of the first relevant passage within the top ``k`` (MRR@k term)."""
    return 1.0 / rank if rank is not None and rank <= k else 0.0


def citation_is_supported(
    doc_id: str, page: int, quote: str, gold: Sequence[Gold], facts: Sequence[Sequence[str]]
) -> bool:
    """A citation is precise if it points to a gold page or its quote holds a required fact."""
    on_gold = any(g.matches(doc_id, page, page) for g in gold)
    return on_gold or any(fact_found(quote, alternatives) for alternatives in facts)


def mean(values: Iterable[float]) -> float:
    """Arithmetic mean; NaN for no values (shown as "–")."""
    items = list(values)
    return sum(items) / len(items) if items else math.nan


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
