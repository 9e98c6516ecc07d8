"""Offline extractive answers: the sentences that best answer the question, each cited.

Deterministic and unable to hallucinate: every sentence of the answer is a sentence of a
retrieved passage, followed by the number of the source it was taken from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import texts
from .german import analyze
from .sentences import split_sentences
from .types import Chunk, Citation, Hit

__all__ = ["Candidate", "Composition", "compose_extractive", "query_weights", "support"]

_DUPLICATE_OVERLAP = 0.7
_MIN_RELATIVE_SCORE = 0.45


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved chunk, scored against the question."""

    text: str
    chunk: Chunk
    rank: int  # rank of its chunk in retrieval (0 = best)
    order: int  # position of the sentence within its chunk
    score: float
    terms: frozenset[str]


@dataclass(frozen=True)
class Composition:
    """An extractive answer: text with markers, its sources, and whether it answers."""

    text: str
    citations: tuple[Citation, ...]
    found: bool
    related: tuple[Citation, ...] = ()


def query_weights(question: str, idf: Callable[[str], float]) -> dict[str, float]:
    """Content-term stems of the question, weighted by their IDF in the index."""
    return {term: idf(term) for term in dict.fromkeys(analyze(question))}


def support(weights: dict[str, float], terms: set[str] | frozenset[str]) -> float:
    """Share of the question's weighted terms that occur in ``terms`` (0..1)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return sum(w for t, w in weights.items() if t in terms) / total


def compose_extractive(
    question: str,
    hits: Sequence[Hit],
    idf: Callable[[str], float],
    max_sentences: int = 3,
    min_support: float = 0.5,
) -> Composition:
    """Pick, order and cite the answer sentences; refuse when support is too weak."""
    weights = query_weights(question, idf)
    best_support = max(
        (support(weights, set(analyze(h.chunk.embed_text))) for h in hits), default=0.0
    )
    candidates = _candidates(hits, weights)
    if best_support < min_support or not candidates:
        related = _citations([(c.chunk, c.text) for c in _first_per_chunk(candidates)[:3]])
        return Composition(texts.REFUSAL, (), False, related)
    chosen = sorted(_select(candidates, max_sentences), key=lambda c: (c.rank, c.order))
    groups: dict[tuple[str, int], list[Candidate]] = {}
    for c in chosen:
        groups.setdefault(_source_key(c), []).append(c)
    number = {key: i + 1 for i, key in enumerate(groups)}
    lines = [f"{c.text} [{number[_source_key(c)]}]" for c in chosen]
    citations = _citations([(g[0].chunk, " … ".join(c.text for c in g)) for g in groups.values()])
    return Composition(_join_lines(lines), citations, True)


def _source_key(c: Candidate) -> tuple[str, int]:
    return (c.chunk.chunk_id, c.chunk.page_of(c.text))


def _candidates(hits: Sequence[Hit], weights: dict[str, float]) -> list[Candidate]:
    out = []
    for rank, hit in enumerate(hits):
        section_terms = set(analyze(hit.chunk.section))
        for order, sentence in enumerate(split_sentences(hit.chunk.text)):
            terms = frozenset(analyze(sentence))
            if len(terms) < 3 and not sentence.startswith("- "):
                continue  # fragments and bare headings do not answer anything
            own = support(weights, terms)
            context = support(weights, terms | section_terms)
            score = (0.7 * own + 0.3 * context) / (1.0 + 0.15 * rank)
            out.append(Candidate(sentence, hit.chunk, rank, order, score, terms))
    out.sort(key=lambda c: (-c.score, c.rank, c.order))
    return out


def _select(candidates: list[Candidate], limit: int) -> list[Candidate]:
    best = candidates[0].score
    chosen: list[Candidate] = []
    for c in candidates:
        if len(chosen) >= limit or c.score < _MIN_RELATIVE_SCORE * best:
            break
        if any(_overlap(c.terms, other.terms) > _DUPLICATE_OVERLAP for other in chosen):
            continue
        chosen.append(c)
    return chosen


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _first_per_chunk(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for c in sorted(candidates, key=lambda c: (c.rank, -c.score)):
        if c.chunk.chunk_id not in seen:
            seen.add(c.chunk.chunk_id)
            out.append(c)
    return out


def _citations(items: list[tuple[Chunk, str]]) -> tuple[Citation, ...]:
    return tuple(
        Citation(
            n=i + 1,
            doc_id=chunk.doc_id,
            title=chunk.meta.title,
            kommune=chunk.meta.kommune,
            page=chunk.page_of(quote.split(" … ")[0]),
            quote=quote,
            section=chunk.section,
            doc_type=chunk.meta.doc_type,
            stand=chunk.meta.stand,
            chunk_id=chunk.chunk_id,
            context=chunk.text,
        )
        for i, (chunk, quote) in enumerate(items)
    )


def _join_lines(lines: list[str]) -> str:
    # List items keep their own line; running sentences form one paragraph.
    out = ""
    for line in lines:
        if not out:
            out = line
        elif line.startswith("- ") or (out.endswith("]") and out.splitlines()[-1].startswith("- ")):
            out += "\n" + line
        else:
            out += " " + line
    return out
