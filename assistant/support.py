"""Checking a generated answer against its sources, offline (pure).

Every sentence of a generated answer is matched to the passages it cites: its content words
(stems) and numbers must stand in them. Citations of sources that were not given are removed.
Sentences without citation or with weak support are marked; an answer in which no sentence is
supported, or that mixes the refusal sentence with claims, fails as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from . import texts
from .citations import cited_numbers, keep_known, strip_markers
from .german import analyze
from .injection import looks_like_instruction, sanitize_passage  # re-exported for callers
from .sentences import split_sentences
from .texts import REFUSAL
from .types import SentenceCheck

__all__ = [
    "SUPPORTED",
    "UNCITED",
    "WEAK",
    "Checked",
    "SentenceCheck",
    "best_quote",
    "check_answer",
    "looks_like_instruction",
    "sanitize_passage",
    "split_claims",
]

SUPPORTED = texts.SENTENCE_SUPPORTED
WEAK = texts.SENTENCE_WEAK
UNCITED = texts.SENTENCE_UNCITED
MIN_SUPPORT = 0.6  # share of a sentence's content words that must stand in its sources

_MARKERS_ONLY = re.compile(r"^(\s*\[\d+(?:\s*[-–,;]\s*\d+)*\])+\s*$")
_LEADING_MARKERS = re.compile(r"^((?:\s*\[\d+(?:\s*[-–,;]\s*\d+)*\])+)\s*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Checked:
    """The result of checking a generated answer."""

    text: str  # the answer with unknown citations removed
    sentences: tuple[SentenceCheck, ...]
    refusal: bool  # the answer is exactly the refusal sentence
    failure: str  # German reason why the answer fails as a whole ("" if it passes)

    @property
    def uncited(self) -> int:
        """Number of sentences without any (valid) citation."""
        return sum(1 for s in self.sentences if s.status == UNCITED)

    @property
    def weak(self) -> int:
        """Number of cited sentences whose sources barely back them."""
        return sum(1 for s in self.sentences if s.status == WEAK)


def check_answer(text: str, sources: Mapping[int, str]) -> Checked:
    """Check ``text`` (with ``[n]`` markers) against the passages it was given."""
    cleaned = keep_known(text.strip(), set(sources))
    sentences = tuple(_check(s, cited, sources) for s, cited in _sentences_with_markers(cleaned))
    claims = [s for s in sentences if s.text and s.text != REFUSAL]
    refusal = any(s.text == REFUSAL for s in sentences) or REFUSAL in cleaned
    failure = ""
    if not cleaned:
        failure = "Die Antwort des Sprachmodells war leer."
    elif refusal and claims:
        failure = "Die Antwort mischte die Ablehnung mit Behauptungen."
    elif not refusal and not any(s.status == SUPPORTED for s in sentences):
        failure = "Keine Aussage der generierten Antwort war durch die Quellen belegt."
    return Checked(cleaned, sentences, refusal and not claims, failure)


def split_claims(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """The sentences of a reply without their ``[n]`` markers, each with the sources it cites."""
    return _sentences_with_markers(text)


def _sentences_with_markers(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Sentences and the sources they cite; markers after a full stop belong before it."""
    units: list[tuple[str, tuple[int, ...]]] = []
    for part in split_sentences(text):
        leading = _LEADING_MARKERS.match(part)
        if leading and units:  # "… Satz. [2] Nächster" -> [2] belongs to the previous sentence
            prev_text, prev_cited = units[-1]
            units[-1] = (prev_text, prev_cited + tuple(cited_numbers(leading.group(1))))
            part = part[leading.end() :]
        if not part.strip() or _MARKERS_ONLY.match(part):
            continue
        units.append((part, tuple(cited_numbers(part))))
    return [(_strip_markers(t), tuple(dict.fromkeys(c))) for t, c in units]


def _strip_markers(text: str) -> str:
    return re.sub(r"\s+([.!?;:,])", r"\1", strip_markers(text))


def _check(sentence: str, cited: tuple[int, ...], sources: Mapping[int, str]) -> SentenceCheck:
    if sentence == REFUSAL or not cited:
        status = SUPPORTED if sentence == REFUSAL else UNCITED
        return SentenceCheck(sentence, cited, 0.0, status)
    passages = " ".join(sources[n] for n in cited)
    support = _support(sentence, passages)
    return SentenceCheck(sentence, cited, support, SUPPORTED if support >= MIN_SUPPORT else WEAK)


def _support(sentence: str, passages: str) -> float:
    """Share of the sentence's content words in the passages; a missing number halves it."""
    words = set(analyze(sentence))
    if not words:
        return 1.0
    available = set(analyze(passages))
    share = len(words & available) / len(words)
    numbers = set(_NUMBER.findall(sentence))
    if numbers - set(_NUMBER.findall(passages)):
        share *= 0.5
    return share


def best_quote(sentence: str, passage: str) -> str:
    """The sentence of ``passage`` that shares the most content words with ``sentence``."""
    words = set(analyze(sentence))
    candidates = split_sentences(passage)
    if not candidates:
        return passage
    return max(candidates, key=lambda c: len(words & set(analyze(c))))
