"""Core data types shared by ingestion, retrieval, answering, UI and evals.

Everything here is a frozen dataclass without I/O, so it can be passed around, compared and
serialised freely.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any

from . import texts

__all__ = [
    "FRONT_MATTER_KINDS",
    "KIND_MEMBERS",
    "KIND_TABLE",
    "KIND_TEXT",
    "KIND_TITLE",
    "KIND_TOC",
    "Answer",
    "Chunk",
    "Citation",
    "ComparisonPart",
    "DocRecord",
    "DocumentMeta",
    "Filters",
    "Hit",
    "Page",
    "SentenceCheck",
    "mention_text",
    "stand_year",
]


@dataclass(frozen=True)
class DocumentMeta:
    """Descriptive metadata of one source document (from the corpus manifest or the file)."""

    doc_id: str
    title: str
    kommune: str = ""
    doc_type: str = ""
    stand: str = ""  # ISO date "YYYY-MM-DD" or "" when unknown
    issuer: str = ""
    source: str = ""
    supersedes: str = ""  # doc_id of an older document this one partly replaces
    inferred: str = ""  # fields read off the document, not the manifest ("kommune,stand")
    # A document of no clear municipality that names only one (far down, once) is about that
    # place: its statements meet a question's place, but it is no municipality filter. One
    # that names two about as often is about each ("Kreis Lippe, Stadt Detmold").
    place: str = ""
    # A newly added document that claims to supersede another and that an admin has not
    # confirmed yet (manifest ``confirmed: false``): answers keep the older one first.
    unconfirmed: bool = False

    def is_inferred(self, name: str) -> bool:
        """Whether field ``name`` was read off the document rather than given in the manifest."""
        return name in self.inferred.split(",")

    def to_dict(self) -> dict[str, str | bool]:
        """Plain dict (strings, and the confirmation flag as a bool)."""
        return asdict(self)


@dataclass(frozen=True)
class DocRecord:
    """What the index knows about one ingested document (its manifest entry)."""

    meta: DocumentMeta
    path: str  # source file as given to ingest (absolute)
    content_hash: str  # sha256 of the file's bytes
    fingerprint: str  # content hash + metadata + pipeline settings; unchanged => skip
    pages: int
    chunk_count: int
    ingested_at: str  # ISO timestamp (UTC)
    warnings: tuple[str, ...] = ()

    @property
    def doc_id(self) -> str:
        """The document id (path relative to the corpus folder)."""
        return self.meta.doc_id


@dataclass(frozen=True)
class Filters:
    """Metadata restrictions for retrieval; empty fields restrict nothing."""

    kommunen: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    min_year: int = 0  # documents whose "Stand" is in this year or later
    doc_ids: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()  # with ``kommunen``: also passages naming one of these

    def matches(self, meta: DocumentMeta) -> bool:
        """Whether a document passes the filters."""
        return (
            (not self.doc_ids or meta.doc_id in self.doc_ids)
            and (not self.kommunen or self.mentions or meta.kommune in self.kommunen)
            and (not self.doc_types or meta.doc_type in self.doc_types)
            and (not self.min_year or stand_year(meta.stand) >= self.min_year)
        )

    def admits(self, chunk: Chunk) -> bool:
        """Whether a passage passes: its document matches, and with ``mentions`` it belongs to
        one of ``kommunen`` (or to a document of no municipality about one of them:
        ``DocumentMeta.place``) or names one of them (a regional report, a guide's example)."""
        if not self.matches(chunk.meta):
            return False
        if not self.mentions or self.owns(chunk.meta):
            return True
        text = mention_text(chunk)
        return any(name in text for name in self.mentions)

    def owns(self, meta: DocumentMeta) -> bool:
        """Whether the document belongs to one of ``kommunen``: as its municipality, or with
        ``mentions`` as the one place a document of no municipality is about, named as its
        passages would be (every passage of a news item about a town is about that town,
        also one that does not repeat its name)."""
        if meta.kommune in self.kommunen:
            return True
        place = meta.place.lower()
        return bool(place) and any(name in place for name in self.mentions)

    def __bool__(self) -> bool:
        return bool(self.kommunen or self.doc_types or self.min_year or self.doc_ids)


def mention_text(chunk: Chunk) -> str:
    """What ``Filters.mentions`` names are searched in: section, text and title, lower case."""
    return f"{chunk.section} {chunk.text} {chunk.meta.title}".lower()


def stand_year(stand: str) -> int:
    """Year of an ISO "Stand" date, 0 when unknown."""
    head = stand[:4]
    return int(head) if head.isdigit() else 0


# Kinds of pages and chunks. Front matter (title page, table of contents, committee and
# member lists) answers no question; answer composition may skip it.
KIND_TEXT = ""
KIND_TABLE = "table"
KIND_TITLE = "title"
KIND_TOC = "toc"
KIND_MEMBERS = "members"
FRONT_MATTER_KINDS = frozenset({KIND_TITLE, KIND_TOC, KIND_MEMBERS})


@dataclass(frozen=True)
class Page:
    """Text of one page (1-based ``page_no``); non-paginated formats are a single page 1.

    ``kind`` marks a whole page as front matter (title page, table of contents); ``ocr``
    says that its text came from text recognition of a scanned image.
    """

    doc_id: str
    page_no: int
    text: str
    kind: str = KIND_TEXT
    ocr: bool = False


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage with the data needed to cite it.

    ``page_breaks`` holds the character offsets in ``text`` where ``page_start + 1``,
    ``page_start + 2`` ... begin, so a quoted sentence maps to its page as data.
    """

    chunk_id: str
    doc_id: str
    position: int
    text: str
    section: str
    page_start: int
    page_end: int
    page_breaks: tuple[int, ...] = ()
    meta: DocumentMeta = field(default_factory=lambda: DocumentMeta(doc_id="", title=""))
    kind: str = KIND_TEXT  # KIND_TABLE for table rows, a FRONT_MATTER_KINDS value, or ""
    ocr: bool = False  # text from text recognition (OCR) of a scanned page
    paged: bool = True  # False: the format has no pages; cite the section instead

    @property
    def front_matter(self) -> bool:
        """Title page, table of contents or member list: answers no question."""
        return self.kind in FRONT_MATTER_KINDS

    def page_at(self, offset: int) -> int:
        """Page number of the character at ``offset`` in ``text``."""
        return self.page_start + bisect_right(self.page_breaks, offset)

    def offset_of(self, passage: str) -> int:
        """Where ``passage`` starts in ``text`` (read across line breaks too); -1 if absent."""
        offset = self.text.find(passage)
        if offset < 0 and passage.strip():  # a sentence read across a line break
            spaced = re.search(r"\s+".join(map(re.escape, passage.split())), self.text)
            offset = spaced.start() if spaced else -1
        return offset

    def page_of(self, passage: str) -> int:
        """Page where ``passage`` (a substring of ``text``) starts; ``page_start`` if absent."""
        offset = self.offset_of(passage)
        return self.page_start if offset < 0 else self.page_at(offset)

    @property
    def embed_text(self) -> str:
        """What the embedder and the lexical index see: section heading as context + text."""
        return f"{self.section}\n{self.text}" if self.section else self.text


@dataclass(frozen=True)
class Hit:
    """A chunk returned by retrieval with its fused score and the per-retriever ranks."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    dense_similarity: float | None = None


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer: where the quoted passage stands."""

    n: int
    doc_id: str
    title: str
    kommune: str
    page: int
    quote: str
    section: str = ""
    doc_type: str = ""
    stand: str = ""
    chunk_id: str = ""
    context: str = ""  # the whole chunk text around the quote, for highlighting
    ocr: bool = False  # the quoted text comes from text recognition (OCR)
    paged: bool = True  # False: the document has no pages; ``section`` locates the quote

    def to_json(self) -> dict[str, Any]:
        """The stable JSON form used by ``ask --json`` (contract fields first)."""
        return {
            "n": self.n,
            "doc_id": self.doc_id,
            "title": self.title,
            "kommune": self.kommune,
            "page": self.page,
            "quote": self.quote,
            "section": self.section,
            "doc_type": self.doc_type,
            "stand": self.stand,
            "paged": self.paged,
            "ocr": self.ocr,
        }


@dataclass(frozen=True)
class SentenceCheck:
    """One sentence of a generated answer and how well its citations back it."""

    text: str  # without citation markers
    cited: tuple[int, ...]
    support: float  # share of its content words (and numbers) found in the cited passages
    status: str  # "belegt" | "schwach belegt" | "ohne Beleg"

    def to_json(self) -> dict[str, Any]:
        """JSON form inside ``ask --json``."""
        return {
            "text": self.text,
            "cited": list(self.cited),
            "support": round(self.support, 2),
            "status": self.status,
        }


@dataclass(frozen=True)
class ComparisonPart:
    """One municipality's share of a comparison answer (citations numbered as in the Answer)."""

    kommune: str
    text: str
    found: bool
    citations: tuple[Citation, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """JSON form inside ``ask --json``."""
        return {
            "kommune": self.kommune,
            "answer": self.text,
            "found": self.found,
            "citations": [c.n for c in self.citations],
        }


@dataclass(frozen=True)
class Answer:
    """What the assistant says to one question, with its sources and timings."""

    question: str
    text: str
    found: bool
    citations: tuple[Citation, ...] = ()
    related: tuple[Citation, ...] = ()  # "möglicherweise relevant" when refused
    timings_ms: dict[str, float] = field(default_factory=dict)
    rewritten_query: str = ""
    hits: tuple[Hit, ...] = ()  # ranked retrieval results behind the answer (for evals)
    notes: tuple[str, ...] = ()  # German remarks for the reader (e.g. a newer Stand wins)
    comparison: tuple[ComparisonPart, ...] = ()  # set when the question compares municipalities
    index_version: str = ""  # which index state answered (for feedback records)
    generator: str = "extractive"  # "extractive" or "<backend>:<model>"
    checks: tuple[SentenceCheck, ...] = ()  # support check of a generated answer's sentences

    def to_json(self) -> dict[str, Any]:
        """The stable ``ask --json`` contract."""
        return {
            "question": self.question,
            "answer": self.text,
            "found": self.found,
            "citations": [c.to_json() for c in self.citations],
            "related": [c.to_json() for c in self.related],
            "rewritten_query": self.rewritten_query,
            "notes": list(self.notes),
            "comparison": [part.to_json() for part in self.comparison],
            "generator": self.generator,
            "checks": {
                "sentences": len(self.checks),
                "uncited": sum(1 for c in self.checks if c.status == texts.SENTENCE_UNCITED),
                "weak": sum(1 for c in self.checks if c.status == texts.SENTENCE_WEAK),
                "details": [c.to_json() for c in self.checks],
            },
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }
