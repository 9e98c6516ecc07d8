"""Learned scores for extractive answering: which sentence answers, and whether anything does.

Two small logistic models over interpretable features, fitted on the development part of the
evaluation set by ``evals/calibrate.py`` and stored in ``answer_model.json`` next to this file:

* the sentence model estimates the probability that a sentence of a retrieved passage states
  a fact the question asks for;
* the answerability model estimates, from the best sentences and passages, the probability
  that the documents answer the question at all (below a threshold the assistant refuses).

All features are relative (shares, ranks, z-scores), so they do not drift with corpus size.
Pure numpy at run time; fitting needs scikit-learn (a development dependency).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from .lexical import LexicalIndex, Query
from .types import Hit

__all__ = [
    "ANSWERABILITY_FEATURES",
    "MODEL_PATH",
    "SENTENCE_FEATURES",
    "AnswerModel",
    "LogisticModel",
    "answerability_features",
    "focus_term",
    "load_model",
    "sentence_features",
]

MODEL_PATH = Path(__file__).with_name("answer_model.json")


class _Scored(Protocol):
    """A scored candidate sentence (``assistant.evidence.Candidate``)."""

    @property
    def probability(self) -> float: ...

    @property
    def unmet(self) -> tuple[str, ...]: ...

    @property
    def covers_focus(self) -> bool: ...


SENTENCE_FEATURES = (
    "own_coverage",  # share of the question's weighted terms in the sentence
    "context_coverage",  # ... in the sentence plus its section heading, title, municipality
    "chunk_coverage",  # ... in the whole passage
    "neighbours",  # ... in the sentence and its neighbours
    "pairs",  # share of the question's adjacent term pairs adjacent in the sentence
    "density",  # own coverage per log word count (short, on-point sentences)
    "rank",  # 1 / (1 + retrieval rank of the passage)
    "fused_z",  # the passage's fused retrieval score (z-units)
    "char_similarity",  # character 3-5-gram cosine of sentence and question
    "type_match",  # +1 the expected answer type is stated, -1 it is not, 0 nothing expected
    "list_item",  # the sentence is a list item
    "position",  # relative position of the sentence in its passage (0 = first)
    "length",  # log of the number of words
    "anaphora",  # starts with "Dies ...", "Dabei ...": needs its antecedent
    "semantic",  # embedding cosine of the sentence's passage with the question
)
ANSWERABILITY_FEATURES = (
    "noun_coverage",  # best passage coverage of the question's nouns and abbreviations
    "focus_covered",  # the question's most specific term occurs in the best passage
    "best_sentence",  # probability of the best sentence that meets the requirements
    "semantic_best",  # best embedding cosine of a passage with the question
    "focus_in_answer",  # that sentence (with neighbours and heading) names the focus term
)


@dataclass(frozen=True)
class LogisticModel:
    """A logistic regression: standardisation, coefficients and intercept."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probability(self, values: Sequence[float]) -> float:
        """P(positive) for one feature vector in ``features`` order."""
        x = (np.asarray(values, dtype=float) - np.asarray(self.mean)) / np.asarray(self.scale)
        z = float(x @ np.asarray(self.coef) + self.intercept)
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def to_json(self) -> dict[str, object]:
        """Serialisable form."""
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LogisticModel:
        """Inverse of ``to_json``."""
        return cls(
            features=tuple(data["features"]),  # type: ignore[arg-type]
            mean=tuple(data["mean"]),  # type: ignore[arg-type]
            scale=tuple(data["scale"]),  # type: ignore[arg-type]
            coef=tuple(data["coef"]),  # type: ignore[arg-type]
            intercept=float(data["intercept"]),  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class AnswerModel:
    """Both models plus the decision thresholds chosen on the development questions."""

    sentence: LogisticModel
    answerability: LogisticModel
    answer_threshold: float  # refuse below this answerability
    sentence_threshold: float  # sentences below this probability are not used
    info: dict[str, object] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """Serialisable form."""
        return {
            "sentence": self.sentence.to_json(),
            "answerability": self.answerability.to_json(),
            "answer_threshold": self.answer_threshold,
            "sentence_threshold": self.sentence_threshold,
            "info": self.info,
        }


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> AnswerModel:
    """The fitted models (cached)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return AnswerModel(
        sentence=LogisticModel.from_json(data["sentence"]),
        answerability=LogisticModel.from_json(data["answerability"]),
        answer_threshold=float(data["answer_threshold"]),
        sentence_threshold=float(data["sentence_threshold"]),
        info=dict(data.get("info", {})),
    )


def sentence_features(
    *,
    own: float,
    context: float,
    chunk: float,
    neighbours: float,
    pairs: float,
    rank: int,
    fused: float,
    char_similarity: float,
    type_match: int,
    list_item: bool,
    position: float,
    words: int,
    anaphora: bool,
    semantic: float,
) -> list[float]:
    """A sentence's feature vector in ``SENTENCE_FEATURES`` order."""
    return [
        own,
        context,
        chunk,
        neighbours,
        pairs,
        own / math.log(2 + words),
        1.0 / (1.0 + rank),
        fused,
        char_similarity,
        float(type_match),
        float(list_item),
        position,
        math.log1p(words),
        float(anaphora),
        semantic,
    ]


def answerability_features(
    query: Query,
    hits: Sequence[Hit],
    lexical: LexicalIndex,
    candidates: Sequence[_Scored] = (),
    semantic: Mapping[str, float] | None = None,
) -> list[float]:
    """The question-level feature vector in ``ANSWERABILITY_FEATURES`` order.

    ``query`` is the question's topic (the municipality or document type it names removed,
    since every passage in scope mentions those anyway); ``candidates`` the scored sentences
    (best first), ``semantic`` the embedding cosine of each passage with the question.
    """
    eligible = [c for c in candidates if not c.unmet]
    cosines = [v for k, v in (semantic or {}).items() if k in {h.chunk.chunk_id for h in hits}]
    return [
        _noun_coverage(query, hits, lexical),
        _focus_covered(query, hits, lexical),
        max((c.probability for c in eligible), default=0.0),
        max(cosines, default=0.0),
        float(eligible[0].covers_focus) if eligible else 0.0,
    ]


def focus_term(query: Query, lexical: LexicalIndex) -> str:
    """The question's most specific term the corpus knows (a noun where there is one)."""
    terms = [t for t in dict.fromkeys(query.terms) if lexical.known(query, t)]
    nouns = [t for t in terms if t in query.nouns]
    return max(nouns or terms, key=lexical.idf) if terms else ""


def _noun_coverage(query: Query, hits: Sequence[Hit], lexical: LexicalIndex) -> float:
    """Best passage coverage of the question's nouns (what is asked about, not how)."""
    nouns = replace(query, terms=tuple(t for t in query.terms if t in query.nouns))
    focus = nouns if nouns.terms else query
    return max(
        (lexical.coverage(focus, lexical.context_terms_of(h.chunk)) for h in hits), default=0.0
    )


def _focus_covered(query: Query, hits: Sequence[Hit], lexical: LexicalIndex) -> float:
    terms = [t for t in dict.fromkeys(query.terms) if lexical.known(query, t)]
    if not terms or not hits:
        return 0.0
    focus = max(terms, key=lexical.idf)
    best = max(hits, key=lambda h: lexical.coverage(query, lexical.context_terms_of(h.chunk)))
    return float(lexical.covers(query, focus, lexical.context_terms_of(best.chunk)))
