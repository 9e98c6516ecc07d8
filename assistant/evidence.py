"""What the retrieved passages offer as an answer: scored candidate sentences (pure).

``gather`` splits the retrieved passages into sentences, describes each by the features of
``assistant.scoring`` and scores it with the sentence model; it also computes the
question-level evidence the answerability model decides on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .german import analyze
from .lexical import LexicalIndex, Query
from .scoring import AnswerModel, answerability_features, sentence_features
from .sentences import split_sentences
from .support import looks_like_instruction
from .types import Chunk, Hit

__all__ = [
    "Candidate",
    "Evidence",
    "expects_quantity",
    "gather",
    "is_list_question",
    "starts_with_reference",
    "states_quantity",
]

# Sentence starts that refer back to the previous sentence. "Das" only as a pronoun ("Das gilt
# ..."), not as an article ("Das Elterncafé ..."); "Sie"/"Es"/"Ihr" are left out because
# staff-facing texts use them for the reader ("Sie erhalten ...") and for "Es gibt ...".
_ANAPHORA = re.compile(
    r"^(dies|diese[rsmn]?|das(?=\s+(?-i:[a-zäöüß]))|dabei|dafür|dazu|davon|darüber|damit|"
    r"hierfür|hierzu|hier|er|außerdem|zudem|ebenso|darauf|dort|deshalb|daher|somit|danach|"
    r"anschließend)\b",
    re.IGNORECASE,
)
_LIST_QUESTION = re.compile(
    r"\b(welche|nenn\w*|liste\w*|aufzähl\w*|alle|schritte|kriterien|maßnahmen|bausteine|"
    r"bestandteile|instrumente|themenfelder|cluster|phasen|unterlagen|dokumente)\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"\b(wie\s+(viele?|hoch|lange|oft|groß|alt|schnell|weit)|wieviele?|(bis|seit|ab)\s+wann|"
    r"was\s+kostet|in\s+welchem\s+(jahr|umfang|rhythmus|abstand)|wie\s+viel\w*)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\d|\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|"
    r"vierzig|fünfzig|hundert|tausend|halb\w*|doppelt\w*|einmal|zweimal|dreimal|viermal|"
    r"\w*wöchentlich|\w*monatlich|\w*jährlich|täglich|quartal\w*|wöchig\w*|"
    r"januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    r"montags?|dienstags?|mittwochs?|donnerstags?|freitags?|sofort|unverzüglich|"
    r"schuljahr\w*|halbjahr\w*|einer?\s+(woche|monat|jahr))\b",
    re.IGNORECASE,
)
_MIN_TERMS = 3  # fragments and bare headings answer nothing


def expects_quantity(question: str) -> bool:
    """Whether the question asks for a number, duration, date or frequency."""
    return bool(_QUANTITY.search(question))


def states_quantity(sentence: str) -> bool:
    """Whether a sentence states a number, duration, date or frequency."""
    return bool(_NUMBER.search(sentence))


def is_list_question(question: str) -> bool:
    """Whether the question asks for several items ("Welche Schritte ...?")."""
    return bool(_LIST_QUESTION.search(question))


def starts_with_reference(sentence: str) -> bool:
    """Whether a sentence leans on the one before ("Dies gilt auch ...", "Dabei ...")."""
    return bool(_ANAPHORA.match(sentence))


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved passage with its features and answer probability."""

    text: str
    chunk: Chunk
    rank: int  # rank of its passage in retrieval (0 = best)
    order: int  # position of the sentence within its passage
    features: tuple[float, ...]
    probability: float
    terms: frozenset[str]


@dataclass(frozen=True)
class Evidence:
    """Everything the composer and the answerability model need for one question."""

    query: Query
    hits: tuple[Hit, ...]
    sentences: dict[str, list[str]]  # chunk id -> its sentences
    candidates: tuple[Candidate, ...]  # best first
    features: tuple[float, ...]  # answerability features
    answerability: float


def gather(
    query: Query,
    hits: Sequence[Hit],
    lexical: LexicalIndex,
    model: AnswerModel,
    topic: Query | None = None,
) -> Evidence:
    """Score every sentence of the passages and the question's answerability.

    Coverage is measured on ``topic``: the question without the municipality or document type
    it names, which every passage in scope mentions anyway.
    """
    query = topic or query
    sentences = {h.chunk.chunk_id: split_sentences(h.chunk.text) for h in hits}
    candidates = _candidates(query, hits, lexical, sentences, model)
    features = answerability_features(query, hits, lexical)
    return Evidence(
        query=query,
        hits=tuple(hits),
        sentences=sentences,
        candidates=tuple(candidates),
        features=tuple(features),
        answerability=model.answerability.probability(features),
    )


def _candidates(
    query: Query,
    hits: Sequence[Hit],
    lexical: LexicalIndex,
    sentences: dict[str, list[str]],
    model: AnswerModel,
) -> list[Candidate]:
    quantity = expects_quantity(query.text)
    pairs = _pairs(list(query.terms))
    rows: list[tuple[int, int, list[list[str]]]] = []
    for rank, hit in enumerate(hits):
        analysed = [analyze(t, lexical.splitter) for t in sentences[hit.chunk.chunk_id]]
        for order, sentence_terms in enumerate(analysed):
            text = sentences[hit.chunk.chunk_id][order]
            if looks_like_instruction(text):
                continue  # planted instructions are never quoted as an answer
            if len(set(sentence_terms)) >= _MIN_TERMS or text.startswith("- "):
                rows.append((rank, order, analysed))
    texts = [sentences[hits[rank].chunk.chunk_id][order] for rank, order, _ in rows]
    similarity = lexical.char_similarity(query, texts)
    out = []
    for (rank, order, analysed), text, char_sim in zip(rows, texts, similarity, strict=True):
        hit = hits[rank]
        terms = frozenset(analysed[order])
        around = terms.union(*analysed[max(0, order - 1) : order + 2])
        own = lexical.coverage(query, terms)
        features = sentence_features(
            own=own,
            context=lexical.coverage(query, terms | lexical.heading_terms_of(hit.chunk)),
            chunk=lexical.coverage(query, lexical.context_terms_of(hit.chunk)),
            neighbours=lexical.coverage(query, around),
            pairs=_pair_share(pairs, analysed[order]),
            rank=rank,
            fused=hit.score,
            char_similarity=float(char_sim),
            quantity=(1 if states_quantity(text) else -1) if quantity else 0,
            list_item=text.startswith("- "),
            position=order / max(1, len(analysed) - 1),
            words=len(text.split()),
            anaphora=starts_with_reference(text),
        )
        probability = model.sentence.probability(features)
        out.append(Candidate(text, hit.chunk, rank, order, tuple(features), probability, terms))
    out.sort(key=lambda c: (-c.probability, c.rank, c.order))
    return out


def _pairs(terms: list[str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in pairwise(terms) if a != b}


def _pair_share(pairs: set[tuple[str, str]], terms: list[str]) -> float:
    """Share of the question's adjacent term pairs that stand adjacent in the sentence too."""
    if not pairs:
        return 0.0
    return len(pairs & _pairs(terms)) / len(pairs)
