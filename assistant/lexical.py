"""German lexical retrieval over chunks.

Two channels, both built in memory from the committed chunks:

* BM25 (bm25s) on German Snowball stems, with compounds split against the corpus vocabulary
  and the query expanded by the domain glossary (abbreviations, synonyms);
* TF-IDF over character 3-5-grams, which tolerates inflection, spelling variants and
  compounds the splitter does not know.

It also provides the term weights (IDF) and the coverage measure that the answer composer uses
to decide whether a passage answers a question at all.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .compounds import Decompounder
from .german import analyze, content_words, normalize_question, nouns, stems
from .glossary import Glossary
from .types import Chunk

__all__ = ["CHAR_NGRAM_LIMIT", "LEXICAL_FORMAT", "LexicalIndex", "Query"]

log = logging.getLogger(__name__)

# Weight of question terms the corpus does not know, as a share of the maximum IDF
# (calibrated on the evaluation set's dev part, see ``LexicalIndex.weight``).
UNKNOWN_NOUN_WEIGHT = 0.5
UNKNOWN_WORD_WEIGHT = 0.1

# Above this many chunks the character n-gram matrix would need gigabytes; the channel is
# then switched off (BM25 and dense retrieval remain).
CHAR_NGRAM_LIMIT = 50_000

# Version of the saved artefact (``LexicalIndex.save``); bump when the saved state changes.
LEXICAL_FORMAT = 1
# Not saved: the chunks come from the generation's chunk store, the glossary from the reader's
# settings, and the query cache starts empty.
_NOT_SAVED = frozenset({"chunks", "glossary", "_queries"})


@dataclass(frozen=True)
class Query:
    """An analysed question: its own terms, compound parts, and glossary expansions."""

    text: str
    terms: tuple[str, ...]  # stems of the question's content words
    parts: tuple[str, ...]  # stems of compound parts not already in ``terms``
    expansions: tuple[str, ...]  # stems of glossary synonyms
    compounds: tuple[tuple[str, tuple[str, ...]], ...] = ()  # term -> stems of its parts
    nouns: frozenset[str] = frozenset()  # terms written capitalised inside the question

    def parts_of(self, term: str) -> tuple[str, ...]:
        """Stems of the compound parts of one of the question's terms (empty if none)."""
        return next((parts for t, parts in self.compounds if t == term), ())


class LexicalIndex:
    """BM25 + character n-grams over the chunks' section heading and text."""

    def __init__(
        self,
        chunks: Sequence[Chunk],
        glossary: Glossary | None = None,
        char_ngrams: bool = True,
    ) -> None:
        import bm25s

        self.chunks = list(chunks)
        self.glossary = glossary or Glossary()
        words = [content_words(c.embed_text) for c in self.chunks]
        self.splitter: Callable[[str], tuple[str, ...]] = Decompounder(
            w for ws in words for w in ws
        ).split
        self.doc_terms = [analyze(c.embed_text, self.splitter) for c in self.chunks]
        self.heading_terms = [frozenset(analyze(_context(c), self.splitter)) for c in self.chunks]
        self.context_terms = [
            frozenset(terms) | heading
            for terms, heading in zip(self.doc_terms, self.heading_terms, strict=True)
        ]
        self._position = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self._queries: dict[str, Query] = {}
        vocab: dict[str, int] = {}
        ids = [[vocab.setdefault(t, len(vocab)) for t in terms] for terms in self.doc_terms]
        self._vocab = vocab
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        if self.chunks:
            self._bm25.index(
                bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False
            )
        self._idf, self._max_idf, self._df = _idf(self.doc_terms)
        self._chars: Any = None
        self._char_matrix: Any = None
        if char_ngrams and 0 < len(self.chunks) <= CHAR_NGRAM_LIMIT:
            self._build_char_index()
        elif char_ngrams and self.chunks:
            log.warning(
                "Zeichen-n-Gramm-Suche abgeschaltet: mehr als %d Abschnitte", CHAR_NGRAM_LIMIT
            )

    def save(self, path: Path) -> None:
        """Write the computed index to ``path`` (atomically), without chunks and glossary.

        The artefact is a pickle: it is written by the index writer into the data directory
        and read only from there (the same trust as the chunk store next to it).
        """
        state = {k: v for k, v in self.__dict__.items() if k not in _NOT_SAVED}
        payload = {
            "format": LEXICAL_FORMAT,
            "chunk_ids": [c.chunk_id for c in self.chunks],
            "state": state,
        }
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    @classmethod
    def load(
        cls, path: Path, chunks: Sequence[Chunk], glossary: Glossary | None = None
    ) -> LexicalIndex:
        """The index saved by ``save`` for exactly these ``chunks`` (raises ``ValueError``)."""
        with open(path, "rb") as handle:
            payload = pickle.load(handle)
        if payload.get("format") != LEXICAL_FORMAT:
            raise ValueError(f"{path}: format {payload.get('format')} != {LEXICAL_FORMAT}")
        if payload["chunk_ids"] != [c.chunk_id for c in chunks]:
            raise ValueError(f"{path}: saved for other chunks")
        index = cls.__new__(cls)
        index.__dict__.update(payload["state"])
        index.chunks = list(chunks)
        index.glossary = glossary or Glossary()
        index._queries = {}
        return index

    def _build_char_index(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self._chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(3, 5),
            sublinear_tf=True,
            dtype=np.float32,
            preprocessor=_char_text,
        )
        self._char_matrix = self._chars.fit_transform([c.embed_text for c in self.chunks])

    @property
    def has_char_ngrams(self) -> bool:
        """Whether the character n-gram channel is available."""
        return self._char_matrix is not None

    def heading_terms_of(self, chunk: Chunk) -> frozenset[str]:
        """Terms of a chunk's section heading, document title and municipality."""
        position = self._position.get(chunk.chunk_id)
        if position is not None:
            return self.heading_terms[position]
        return frozenset(analyze(_context(chunk), self.splitter))

    def context_terms_of(self, chunk: Chunk) -> frozenset[str]:
        """Terms of a chunk plus its section, title and municipality (for coverage)."""
        position = self._position.get(chunk.chunk_id)
        if position is not None:
            return self.context_terms[position]
        return frozenset(analyze(chunk.embed_text + " " + _context(chunk), self.splitter))

    def query(self, text: str) -> Query:
        """Analyse a question once for all channels (recent analyses are reused)."""
        cached = self._queries.get(text)
        if cached is None:
            cached = self._analyse(text)
            if len(self._queries) > 256:
                self._queries.clear()
            self._queries[text] = cached
        return cached

    def _analyse(self, text: str) -> Query:
        text = normalize_question(text)
        words = content_words(text)
        terms = stems(words)
        compounds = []
        for word, term in zip(words, terms, strict=True):
            pieces = self.splitter(word)
            if len(pieces) > 1:
                compounds.append((term, tuple(stems(list(pieces)))))
        parts = [p for _, ps in compounds for p in ps if p not in terms]
        expansions = [t for t in self.glossary.expansions(terms) if t not in terms + parts]
        return Query(
            text,
            tuple(terms),
            tuple(dict.fromkeys(parts)),
            tuple(dict.fromkeys(expansions)),
            tuple(compounds),
            frozenset(stems(nouns(text))),
        )

    def idf(self, term: str) -> float:
        """BM25 IDF of a term; unseen terms get the maximum (they are the most specific)."""
        return self._idf.get(term, self._max_idf)

    def bm25_scores(self, query: Query, expansion_weight: float = 0.5) -> np.ndarray:
        """BM25 score of every chunk: own terms and compound parts, plus weighted synonyms."""
        scores = self._bm25_of(list(query.terms) + list(query.parts))
        if query.expansions and expansion_weight > 0:
            scores = scores + expansion_weight * self._bm25_of(list(query.expansions))
        return scores

    def _bm25_of(self, terms: list[str]) -> np.ndarray:
        known = [t for t in terms if t in self._vocab]
        if not known or not self.chunks:
            return np.zeros(len(self.chunks), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)

    def char_scores(self, query: Query, expansion_weight: float = 0.0) -> np.ndarray:
        """Cosine similarity of character 3-5-gram TF-IDF vectors (zeros when switched off).

        Glossary synonyms join the query text only while they count (``expansion_weight``).
        """
        if self._char_matrix is None:
            return np.zeros(len(self.chunks), dtype=np.float32)
        synonyms = list(query.expansions) if expansion_weight > 0 else []
        text = " ".join([query.text, *synonyms])
        vector = self._chars.transform([text])
        return np.asarray((self._char_matrix @ vector.T).toarray()).ravel()

    def char_similarity(self, query: Query, texts: Sequence[str]) -> np.ndarray:
        """Character n-gram cosine of each text with the question (zeros when switched off)."""
        if self._char_matrix is None or not texts:
            return np.zeros(len(texts), dtype=np.float32)
        vectors = self._chars.transform(list(texts))
        question = self._chars.transform([query.text])
        return np.asarray((vectors @ question.T).toarray()).ravel()

    def coverage(self, query: Query, terms: Collection[str]) -> float:
        """IDF-weighted share of the question's terms that ``terms`` covers (0..1).

        A term counts as covered when it, a glossary synonym, or all of its compound parts
        occur, so "SSF" is covered by "Sprachstandsfeststellung" and "Sprachtest" by
        "Sprache" + "Test".
        """
        total = covered = 0.0
        for term in dict.fromkeys(query.terms):
            weight = self.weight(query, term)
            total += weight
            if self.covers(query, term, terms):
                covered += weight
        return covered / total if total else 0.0

    def passage_count(self, word: str) -> int:
        """In how many passages the word's stem occurs."""
        terms = stems(content_words(word))
        return min((self._df.get(t, 0) for t in terms), default=0)

    def knows_word(self, word: str) -> bool:
        """Whether the corpus knows a single word: its stem, or the stems of all its parts."""
        folded = content_words(word)
        if not folded:
            return True  # stopwords and the like are no names
        if all(term in self._vocab for term in stems(folded)):
            return True
        parts = [p for w in folded for p in self.splitter(w)]
        return len(parts) > len(folded) and all(t in self._vocab for t in stems(parts))

    def known(self, query: Query, term: str) -> bool:
        """Whether the corpus knows ``term`` (itself, a synonym, or all of its parts)."""
        return self.covers(query, term, self._vocab.keys())

    def weight(self, query: Query, term: str) -> float:
        """How much a question term counts for coverage.

        Terms the corpus knows weigh their IDF. An unknown term is either a paraphrase
        ("sitzt", "Kids") or a concept the documents lack ("Lehrwerke"): unknown nouns
        (capitalised in the question) keep a high weight, other unknown words a low one.
        """
        if self.known(query, term):
            return self.idf(term)
        share = UNKNOWN_NOUN_WEIGHT if term in query.nouns else UNKNOWN_WORD_WEIGHT
        return share * self._max_idf

    def covers(self, query: Query, term: str, terms: Collection[str]) -> bool:
        """Whether ``terms`` contain ``term``, a synonym of it, or all of its parts."""
        if term in terms or any(s in terms for s in self.glossary.synonyms(term)):
            return True
        parts = query.parts_of(term)
        return bool(parts) and all(p in terms for p in parts)


def _context(chunk: Chunk) -> str:
    return " ".join([chunk.meta.title, chunk.meta.kommune, chunk.section])


_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _char_text(text: str) -> str:
    # "Schüler" and a typed "Schueler" share their n-grams after transliteration.
    return text.lower().replace("-", " ").translate(_TRANSLITERATE)


def _idf(doc_terms: list[list[str]]) -> tuple[dict[str, float], float, dict[str, int]]:
    df: Counter[str] = Counter()
    for terms in doc_terms:
        df.update(set(terms))
    n = max(len(doc_terms), 1)
    idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
    return idf, math.log(1 + (n + 0.5) / 0.5), dict(df)
