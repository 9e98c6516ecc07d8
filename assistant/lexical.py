"""German lexical retrieval over chunks: the reading side of a generation's lexical index.

Two channels over files the writer built once (``assistant.lexical_files``), memory-mapped:

* BM25 (bm25s) on German Snowball stems, with compounds split against the corpus vocabulary
  and the query expanded by the domain glossary (abbreviations, synonyms);
* TF-IDF over character 3-5-grams (``assistant.charindex``), which tolerates inflection,
  spelling variants and compounds the splitter does not know. It scores the candidate rows
  it is given (those of BM25 and dense retrieval), so its cost does not grow with the corpus,
  and it is on at every corpus size.

It also provides the term weights (IDF) and the coverage measure that the answer composer uses
to decide whether a passage answers a question at all.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .casing import SLIP_LENGTH, Casing, looks_lowercased, written_out
from .charindex import CHAR_DIR, CharIndex, QueryVector
from .compounds import Decompounder
from .german import (
    analyze,
    content_words,
    normalize_question,
    nouns,
    separable_verbs,
    stems,
)
from .glossary import Glossary
from .lexical_files import BM25_DIR, LEXICAL_FORMAT, ids_digest, read_meta
from .types import Chunk

__all__ = ["LEXICAL_FORMAT", "LexicalIndex", "Query", "covers_in_passage"]

# Weight of question terms the corpus does not know, as a share of the maximum IDF
# (calibrated on the evaluation set's dev part, see ``LexicalIndex.weight``).
UNKNOWN_NOUN_WEIGHT = 0.5
UNKNOWN_WORD_WEIGHT = 0.1
_CACHED = 256  # recent analyses, score arrays and context terms kept per index


@dataclass(frozen=True)
class Query:
    """An analysed question: its own terms, compound parts, and glossary expansions."""

    text: str
    terms: tuple[str, ...]  # stems of the question's content words
    parts: tuple[str, ...]  # stems of compound parts not already in ``terms``
    expansions: tuple[str, ...]  # stems of glossary synonyms
    compounds: tuple[tuple[str, tuple[str, ...]], ...] = ()  # term -> stems of its parts
    nouns: frozenset[str] = frozenset()  # terms written capitalised inside the question
    joined: tuple[tuple[str, str], ...] = ()  # verb term -> stem with its particle joined

    def parts_of(self, term: str) -> tuple[str, ...]:
        """Stems of the compound parts of one of the question's terms (empty if none)."""
        return next((parts for t, parts in self.compounds if t == term), ())

    def joined_of(self, term: str) -> str:
        """The stem of a separable verb with its particle ("meld" in "Wo melden Eltern ihr
        Kind an?" -> "anmeld"), empty when the term is none."""
        return next((whole for t, whole in self.joined if t == term), "")


class LexicalIndex:
    """BM25 + character n-grams over the chunks' section heading and text (one generation).

    Immutable after loading; the caches are plain dicts (safe under the GIL), so threads
    share one instance.
    """

    def __init__(
        self, folder: Path, rows: Mapping[str, int], glossary: Glossary | None = None
    ) -> None:
        import bm25s

        self.folder = folder
        defined = json.loads((folder / "abbreviations.json").read_text("utf-8"))
        self.glossary = (glossary or Glossary()).with_definitions(defined, analyze)
        self._rows = rows  # chunk id -> row
        self._terms: list[str] = json.loads((folder / "terms.json").read_text("utf-8"))
        self._vocab = {term: i for i, term in enumerate(self._terms)}
        self._df = np.load(folder / "df.npy", mmap_mode="r")
        self._row_terms = _load(folder / "row_terms.npy")
        self._row_ptr = _load(folder / "row_ptr.npy")
        counts = json.loads((folder / "compounds.json").read_text("utf-8"))
        self.splitter: Callable[[str], tuple[str, ...]] = Decompounder.of_counts(counts).split
        self._n = max(len(self._row_ptr) - 1, 1)
        self._max_idf = math.log(1 + (self._n + 0.5) / 0.5)
        self._bm25 = bm25s.BM25.load(folder / BM25_DIR, mmap=True, load_vocab=False)
        self._chars = CharIndex(folder / CHAR_DIR)
        self._queries: dict[str, Query] = {}
        self._scores: dict[tuple[object, ...], np.ndarray] = {}
        self._char_vectors: dict[str, QueryVector] = {}
        self._headings: dict[str, frozenset[str]] = {}
        self._contexts: dict[int, frozenset[str]] = {}
        self._casing: Casing | None = None  # read when first needed (``respell``)

    @classmethod
    def load(
        cls,
        folder: Path,
        chunk_ids: Sequence[str],
        rows: Mapping[str, int],
        glossary: Glossary | None = None,
    ) -> LexicalIndex:
        """The index the writer saved for exactly these chunks (raises ``ValueError``)."""
        meta = read_meta(folder)
        if meta.get("format") != LEXICAL_FORMAT:
            raise ValueError(f"{folder}: format {meta.get('format')} != {LEXICAL_FORMAT}")
        if meta.get("ids") != ids_digest(chunk_ids):
            raise ValueError(f"{folder}: saved for other chunks")
        return cls(folder, rows, glossary)

    def __len__(self) -> int:
        return int(len(self._row_ptr) - 1)

    @property
    def has_char_ngrams(self) -> bool:
        """Whether the character n-gram channel has anything to score."""
        return len(self._chars) > 0

    def heading_terms_of(self, chunk: Chunk) -> frozenset[str]:
        """Terms of a chunk's section heading, document title and municipality."""
        context = _context(chunk)
        terms = self._headings.get(context)
        if terms is None:
            terms = frozenset(analyze(context, self.splitter))
            _remember(self._headings, context, terms)
        return terms

    def context_terms_of(self, chunk: Chunk) -> frozenset[str]:
        """Terms of a chunk plus its section, title and municipality (for coverage)."""
        row = self._rows.get(chunk.chunk_id)
        if row is None:
            return frozenset(analyze(chunk.embed_text + " " + _context(chunk), self.splitter))
        terms = self._contexts.get(row)
        if terms is None:
            ids = self._row_terms[int(self._row_ptr[row]) : int(self._row_ptr[row + 1])]
            terms = frozenset(self._terms[i] for i in ids.tolist())
            terms |= self.heading_terms_of(chunk)
            _remember(self._contexts, row, terms)
        return terms

    def respell(self, text: str) -> str:
        """``text`` as the documents write: umlauts where it writes them out ("fuer"), typing
        slips in long words mended, and their capitals when it was typed in lower case
        (``assistant.casing``)."""
        if not looks_lowercased(text) and not written_out(text) and self._all_known(text):
            return text
        if self._casing is None:
            table = json.loads((self.folder / "casing.json").read_text("utf-8"))
            self._casing = Casing(table, self.splitter, self.knows_word, self.passage_count)
        return self._casing.respell(text)

    def _all_known(self, text: str) -> bool:
        """Whether the documents know every long word of ``text`` (no slip to mend)."""
        return all(self.knows_word(w) for w in content_words(text) if len(w) >= SLIP_LENGTH)

    def query(self, text: str) -> Query:
        """Analyse a question once for all channels (recent analyses are reused)."""
        cached = self._queries.get(text)
        if cached is None:
            cached = self._analyse(text)
            _remember(self._queries, text, cached)
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
        joined = []
        for verb, forms in separable_verbs(text):
            known = [w for w in forms if w in self._vocab and w not in terms]
            if verb in terms and known:
                joined.append((verb, known[0]))
        parts = [p for _, ps in compounds for p in ps if p not in terms]
        parts += [w for _, w in joined]
        expansions = [t for t in self.glossary.expansions(terms) if t not in terms + parts]
        return Query(
            text,
            tuple(terms),
            tuple(dict.fromkeys(parts)),
            tuple(dict.fromkeys(expansions)),
            tuple(compounds),
            frozenset(stems(nouns(text))),
            tuple(joined),
        )

    def idf(self, term: str) -> float:
        """BM25 IDF of a term; unseen terms get the maximum (they are the most specific)."""
        i = self._vocab.get(term)
        if i is None:
            return self._max_idf
        d = int(self._df[i])
        return math.log(1 + (self._n - d + 0.5) / (d + 0.5))

    def bm25_scores(self, query: Query, expansion_weight: float = 0.5) -> np.ndarray:
        """BM25 score of every row: own terms and compound parts, plus weighted synonyms.

        The array is shared between callers asking the same (the parts of a comparison):
        treat it as read-only.
        """
        key = (query.terms, query.parts, query.expansions, expansion_weight)
        scores = self._scores.get(key)
        if scores is None:
            scores = self._bm25_of(list(query.terms) + list(query.parts))
            if query.expansions and expansion_weight > 0:
                scores = scores + expansion_weight * self._bm25_of(list(query.expansions))
            scores.flags.writeable = False
            _remember(self._scores, key, scores, limit=16)
        return scores

    def _bm25_of(self, terms: list[str]) -> np.ndarray:
        known = [self._vocab[t] for t in terms if t in self._vocab]  # repeats count repeatedly
        if not known or not len(self):
            return np.zeros(len(self), dtype=np.float32)
        return np.asarray(self._bm25.get_scores_from_ids(known), dtype=np.float32)

    def char_scores(
        self, query: Query, rows: Sequence[int], expansion_weight: float = 0.0
    ) -> np.ndarray:
        """Character 3-5-gram TF-IDF cosine of the question with the given rows only.

        Glossary synonyms join the query text only while they count (``expansion_weight``).
        """
        synonyms = list(query.expansions) if expansion_weight > 0 else []
        return self._chars.score_rows(self._char_vector(" ".join([query.text, *synonyms])), rows)

    def char_similarity(self, query: Query, texts: Sequence[str]) -> np.ndarray:
        """Character n-gram cosine of each text with the question."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        return self._chars.similarity(self._char_vector(query.text), texts)

    def _char_vector(self, text: str) -> QueryVector:
        vector = self._char_vectors.get(text)
        if vector is None:
            vector = self._chars.vectors([text])[0]
            _remember(self._char_vectors, text, vector)
        return vector

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
        return min((self._passages(t) for t in terms), default=0)

    def _passages(self, term: str) -> int:
        i = self._vocab.get(term)
        return 0 if i is None else int(self._df[i])

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
        """Whether ``terms`` contain ``term``, a synonym of it, all of its parts, or (for a
        collective such as "Schülerschaft") the people it is named after."""
        if term in terms:
            return True
        alternatives = self.glossary.alternatives(term, query.terms)
        if any(all(t in terms for t in entry) for entry in alternatives):
            return True
        joined = query.joined_of(term)
        if joined and joined in terms:
            return True
        parts = query.parts_of(term)
        if parts and all(p in terms for p in parts):
            return True
        return term.endswith(_COLLECTIVE) and _collective_of(term, terms)


# A collective of people named after them: "Schülerschaft" (the "Schüler"), "Lehrerschaft"
_COLLECTIVE = "erschaft"
_PEOPLE = 5  # the people's name: three letters at least before "-er" ("Bürger", "Schüler")


def _collective_of(term: str, terms: Collection[str]) -> bool:
    """Whether ``term`` names all people of a kind that ``terms`` name: "Welcher Anteil der
    Schülerschaft …?" is answered by "zehn Prozent aller Schülerinnen und Schüler". (``covers``
    asks it only of a term ending in ``_COLLECTIVE``: it reaches here for every term it finds
    nowhere.)"""
    people = term[: -len("schaft")]
    return len(people) >= _PEOPLE and any(t in terms for t in analyze(people))


def covers_in_passage(
    query: Query, term: str, sentence: Collection[str], passage: Collection[str]
) -> bool:
    """Whether the compound ``term`` of ``query`` is named by its parts spread over a
    passage, one of them in the sentence itself: "16 Stunden Deutsch in der Woche" in a
    passage on the "Unterricht" of a class names "Deutschunterricht"."""
    parts = query.parts_of(term)
    return bool(parts) and any(p in sentence for p in parts) and all(p in passage for p in parts)


def _context(chunk: Chunk) -> str:
    return " ".join([chunk.meta.title, chunk.meta.kommune, chunk.section])


def _remember(cache: dict[Any, Any], key: object, value: object, limit: int = _CACHED) -> None:
    if len(cache) >= limit:
        cache.clear()
    cache[key] = value


def _load(path: Path) -> np.ndarray:
    array = np.load(path, mmap_mode="r")
    return np.asarray(array) if array.size == 0 else array
