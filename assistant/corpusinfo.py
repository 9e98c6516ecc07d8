"""What the assistant derives from an index's document list: municipalities, versions, types.

Computed once per index version (``Assistant.corpus`` caches it): which "Kommune" values name
municipalities, which documents supersede which, the document types a question can name as its
source ("laut Leitfaden") and each document's page count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .german import file_name_words, fold, stem, tokenize
from .lexical import LexicalIndex, Query
from .nrw import TOWNS
from .places import Municipalities, NameUse, distinctive_words, is_one_word_kreis, municipality_type
from .store import Index
from .types import DocRecord

__all__ = ["CorpusInfo", "corpus_info"]

_TERM_PASSAGES = 3  # a token in this many passages is a term of the documents


@dataclass(frozen=True)
class CorpusInfo:
    """What the assistant derives from the index's document list (one index version)."""

    version: int
    municipalities: Municipalities
    newer: dict[str, tuple[str, ...]]  # doc_id -> doc_ids of the documents that supersede it
    older: dict[str, str]  # doc_id of an unconfirmed new version -> the one it would replace
    doc_types: dict[str, str]  # stem of a one-word document type -> the type ("Leitfaden")
    scope_terms: frozenset[str]  # document-type stems and their glossary synonyms
    pages: dict[str, int]  # doc_id -> page count
    kommune_types: dict[str, frozenset[str]]  # municipality -> its documents' types
    names: NameUse  # which words the documents use as names
    # documents of no municipality and no place: a school's page that never names its town
    placeless: frozenset[str] = frozenset()

    def source_types(self, query: Query) -> frozenset[str]:
        """Document types the question names, also as the last part of a compound
        ("laut Bildungsbericht": a Bericht) — what it may want its answer from."""
        heads = {parts[-1] for _, parts in query.compounds if parts}
        return frozenset(self._types_among(set(query.terms) | set(query.expansions) | heads))

    def named_types(self, query: Query) -> tuple[str, ...]:
        """Document types the question names as its source ("laut Leitfaden", "Webseite")."""
        return tuple(sorted(self._types_among(set(query.terms) | set(query.expansions))))

    def _types_among(self, stems: set[str]) -> list[str]:
        return [doc_type for stem, doc_type in self.doc_types.items() if stem in stems]


def corpus_info(index: Index) -> CorpusInfo:
    """Municipalities, versions, document types and page counts of the index's documents."""
    documents = index.documents()
    places = index.place_names()
    lexical = index.lexical()
    doc_types = {
        stem(d.meta.doc_type): d.meta.doc_type
        for d in documents
        if d.meta.doc_type and len(d.meta.doc_type.split()) == 1
    }
    return CorpusInfo(
        version=index.version,
        municipalities=Municipalities.of(
            _municipal(documents, places),
            places=places,
            known=_term_of(lexical),
        ),
        newer=_successors(documents),
        older={d.doc_id: d.meta.supersedes for d in documents if d.meta.unconfirmed},
        doc_types=doc_types,
        scope_terms=frozenset(doc_types) | frozenset(lexical.glossary.expansions(list(doc_types))),
        pages={d.doc_id: d.pages for d in documents},
        kommune_types=_types_by_kommune(documents),
        names=NameUse(index.noun_stems(), _title_stems(documents), index.placed_stems()),
        placeless=frozenset(d.doc_id for d in documents if not (d.meta.kommune or d.meta.place)),
    )


def _title_stems(documents: Sequence[DocRecord]) -> frozenset[str]:
    """Stems of the words of the documents' titles and file names."""
    words = (w for d in documents for w in [*tokenize(d.meta.title), *file_name_words(d.doc_id)])
    return frozenset(stem(w) for w in words if len(w) >= 3)


def _types_by_kommune(documents: Sequence[DocRecord]) -> dict[str, frozenset[str]]:
    types: dict[str, set[str]] = {}
    for d in documents:
        types.setdefault(d.meta.kommune, set()).add(d.meta.doc_type)
    return {kommune: frozenset(found) for kommune, found in types.items()}


def _successors(documents: Sequence[DocRecord]) -> dict[str, tuple[str, ...]]:
    """doc_id -> the documents that (claim to) supersede it."""
    newer: dict[str, tuple[str, ...]] = {}
    for d in documents:
        if d.meta.supersedes:
            newer[d.meta.supersedes] = (*newer.get(d.meta.supersedes, ()), d.doc_id)
    return newer


def _term_of(lexical: LexicalIndex) -> Callable[[str], bool]:
    """Whether the documents use a token as a term of their own (in several passages)."""

    def is_term(token: str) -> bool:
        return lexical.passage_count(token) >= _TERM_PASSAGES

    return is_term


def _municipal(documents: Sequence[DocRecord], places: Sequence[str]) -> list[str]:
    """The "Kommune" values that name municipalities: with a type word ("Stadt Feldau") or
    named with one in the documents ("Mülheim an der Ruhr" as "Stadt Mülheim an der Ruhr"),
    or a town of NRW by its bare name ("Ratingen", inferred from a page that never types
    it), and so is any the ingestion inferred ("Fulda" from "fulda_….txt" and its text:
    ``ingest.infer`` reads only places). An issuing body entered as Kommune ("Regionales
    Bildungsbüro …") is none."""
    typed = {fold(p) for p in places}
    inferred = {d.meta.kommune for d in documents if d.meta.is_inferred("kommune")}
    return [
        k
        for k in {d.meta.kommune for d in documents}
        if k
        and (
            k in inferred
            or municipality_type(k)
            or is_one_word_kreis(k)
            or k in TOWNS
            or any(fold(w) in typed for w in distinctive_words(k))
        )
    ]
