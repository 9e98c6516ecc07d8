"""Pages -> chunks: structure- and sentence-aware, bounded by the embedding model's tokens.

Pure: the token counter is passed in. Chunks follow the heading structure (a new heading
starts a new chunk), never split a sentence unless the sentence alone exceeds the limit, and
record on which page each part of their text stands.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from assistant.german import ends_in_function_word
from assistant.sentences import ends_sentence, split_sentences
from assistant.types import KIND_MEMBERS, KIND_TABLE, KIND_TEXT, Chunk, DocumentMeta, Page

from .kinds import section_kind, unit_kind
from .loaders.tables import TABLE_MARK

__all__ = ["CHUNK_VERSION", "Unit", "chunk_pages", "units_of"]

CHUNK_VERSION = "6"
_SECTION_TOKEN_SHARE = 0.3
_MIN_WORDS = 3  # a section label may use at most this share of the limit


@dataclass(frozen=True)
class Unit:
    """A sentence, list item or table row with its page and the section it belongs to."""

    text: str
    page: int
    section: str
    kind: str = KIND_TEXT
    ocr: bool = False


def units_of(pages: list[Page]) -> Iterator[Unit | str]:
    """Sentence units in reading order; a heading yields the new section label (a ``str``).

    A paragraph that runs over a page break (the page's last paragraph does not end a
    sentence and the next page starts lower-case) is joined, and each of its sentences
    keeps the page on which it starts.
    """
    path: list[tuple[int, str]] = []
    pending: tuple[str, Page] | None = None  # unfinished paragraph text and its page
    section = ""
    for page in pages:
        blocks = [b.strip() for b in page.text.split("\n\n") if b.strip()]
        last_body = max((i for i, b in enumerate(blocks) if not _FOOTNOTE.match(b)), default=-1)
        for i, block in enumerate(blocks):
            heading = block.startswith("#") and "\n" not in block
            if pending and (heading or block.startswith(TABLE_MARK)):
                yield from _sentences(pending[0], pending[1].page_no, section, page=pending[1])
                pending = None
            if block.startswith(TABLE_MARK):
                yield from _table_units(block, page, section)
                continue
            if heading:
                level = len(block) - len(block.lstrip("#"))
                path = [(lvl, title) for lvl, title in path if lvl < level]
                path.append((level, block.lstrip("#").strip()))
                section = " > ".join(title for _, title in path)
                yield section
                continue
            if pending and block[:1].islower():
                joined = f"{pending[0]} {block}"
                start = len(pending[0]) + 1
                yield from _sentences(
                    joined, pending[1].page_no, section, start, page.page_no, pending[1]
                )
                pending = None
                continue
            if pending and not _FOOTNOTE.match(block):
                yield from _sentences(pending[0], pending[1].page_no, section, page=pending[1])
                pending = None
            if i == last_body and _unfinished(block):
                pending = (block, page)
                continue
            yield from _sentences(block, page.page_no, section, page=page)
    if pending:
        yield from _sentences(pending[0], pending[1].page_no, section, page=pending[1])


def _table_units(block: str, page: Page, section: str) -> Iterator[Unit | str]:
    """A table: its caption as the section of its rows, then one unit per row."""
    lines = block.split("\n")
    caption = lines[0][len(TABLE_MARK) :].strip() or "Tabelle"
    yield f"{section} > {caption}" if section else caption
    listed = section_kind(section) == KIND_MEMBERS
    kind = page.kind or (KIND_MEMBERS if listed else KIND_TABLE)
    for row in lines[1:]:
        if row.strip():
            yield Unit(row.strip(), page.page_no, caption, kind, page.ocr)
    yield section


_FOOTNOTE = re.compile(r"^\d{1,2}\s+\S")


def _unfinished(block: str) -> bool:
    return (
        not block.startswith("- ")
        and " | " not in block
        and not block.rstrip().endswith((".", "!", "?", ":", ";", "“", '"', ")"))
    )


def _sentences(
    text: str,
    page_no: int,
    section: str,
    next_from: int = -1,
    next_page: int = 0,
    page: Page | None = None,
) -> Iterator[Unit]:
    """Sentence units of a block; sentences starting at ``next_from`` or later are on
    ``next_page``. ``page`` (the block's page) lends its kind and OCR flag."""
    offset = 0
    page_kind = page.kind if page else KIND_TEXT
    ocr = page.ocr if page else False
    for sentence in (s for paragraph in _unwrapped(text) for s in split_sentences(paragraph)):
        offset = text.find(sentence, offset)
        on_next = 0 <= next_from <= offset
        kind = unit_kind(sentence, section, page_kind)
        yield Unit(sentence, next_page if on_next else page_no, section, kind, ocr)
        offset += len(sentence)


def _unwrapped(block: str) -> list[str]:
    """The paragraphs of a block whose lines may be hard-wrapped (a text file, a web page).

    A line continues on the next one only where it was wrapped: it ends no sentence, and the
    next line starts lower-case, or the line ends in a function word ("… beim" above
    "Kommunalen Integrationszentrum …"), or it is full (the next line's first word would not
    have fitted on it) and so is the next line (or that line is the block's last or ends a
    sentence). A short line that ends no sentence ("Erstberatung für Seiteneinsteiger" above
    a paragraph) is a paragraph of its own, and so are form labels and their values
    ("Betreff", "Sprachförderung an Grundschulen", "Vorlage", "051/22").
    """
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) < 2:
        return lines
    width = max(len(line) for line in lines)

    def full(i: int) -> bool:
        following = lines[i + 1].split()[0]
        return len(lines[i]) + 1 + len(following) > _WRAP_SHARE * width

    def full_or_last(i: int) -> bool:
        return i == len(lines) - 1 or ends_sentence(lines[i]) or full(i)

    paragraphs: list[list[str]] = [[lines[0]]]
    for i, line in enumerate(lines[1:]):
        before = lines[i]
        wrapped = not ends_sentence(before) and (
            _runs_on(before, line) or (full(i) and full_or_last(i + 1))
        )
        if wrapped:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return ["\n".join(p) for p in paragraphs]


_WRAP_SHARE = 0.85  # of the block's longest line: ragged right edges vary this much


def chunk_pages(
    pages: list[Page],
    meta: DocumentMeta,
    fingerprint: str,
    count_tokens: Callable[[str], int],
    target_tokens: int,
    max_tokens: int,
    paged: bool = True,
) -> list[Chunk]:
    """Chunks of one document; ids derive from ``fingerprint`` and position (idempotent).

    A chunk holds units of one kind only (table rows, front matter and text stay apart);
    ``paged=False`` marks a format without pages, cited by section.
    """
    builder = _Builder(meta, fingerprint, count_tokens, min(target_tokens, max_tokens), max_tokens)
    builder.paged = paged
    for item in units_of(pages):
        if isinstance(item, str):
            builder.flush()
            builder.section = _fit_section(item, count_tokens, max_tokens)
        else:
            builder.add(item)
    builder.flush()
    return builder.chunks


def _fit_section(section: str, count_tokens: Callable[[str], int], max_tokens: int) -> str:
    parts = section.split(" > ")
    while len(parts) > 1 and count_tokens(" > ".join(parts)) > max_tokens * _SECTION_TOKEN_SHARE:
        parts = parts[1:]  # keep the most specific headings
    label = " > ".join(parts)
    while count_tokens(label) > max_tokens * _SECTION_TOKEN_SHARE:
        label = " ".join(label.split()[:-1])
    return label


class _Builder:
    def __init__(
        self,
        meta: DocumentMeta,
        fingerprint: str,
        count_tokens: Callable[[str], int],
        target: int,
        limit: int,
    ) -> None:
        self.meta, self.fingerprint, self.count = meta, fingerprint, count_tokens
        self.target, self.limit = target, limit
        self.section = ""
        self.units: list[Unit] = []
        self.tokens = 0
        self.chunks: list[Chunk] = []
        self.paged = True

    def add(self, unit: Unit) -> None:
        if self.units and (unit.kind, unit.ocr) != (self.units[-1].kind, self.units[-1].ocr):
            self.flush()
        for piece in self._pieces(unit):
            cost = self.count(piece.text) - 2  # without [CLS]/[SEP]
            if self.units and self._size() + cost > self.target:
                self.flush()
            self.units.append(piece)
            self.tokens += cost

    def _size(self) -> int:
        return self.count(self.section) + self.tokens if self.section else self.tokens + 2

    def _pieces(self, unit: Unit) -> list[Unit]:
        """The unit itself, or word-window pieces when it alone exceeds the limit."""
        budget = max(self.limit - self.count(self.section) - 2, 1)
        if self.count(unit.text) - 2 <= budget:
            return [unit]
        words = [part for word in unit.text.split() for part in self._fitting(word, budget)]
        pieces, start = [], 0
        while start < len(words):
            take = _first_guess(words, start, budget)
            while take > 1 and self.count(" ".join(words[start : start + take])) - 2 > budget:
                take = max(1, take * 3 // 4)
            pieces.append(replace(unit, text=" ".join(words[start : start + take])))
            start += take
        return pieces

    def _fitting(self, word: str, budget: int) -> list[str]:
        """A "word" longer than the limit (junk such as ";;;;…") cut into pieces that fit."""
        if len(word) <= budget // 2 or self.count(word) - 2 <= budget:
            return [word]
        size = max(budget // 2, 1)  # a word piece covers at least one character
        return [word[i : i + size] for i in range(0, len(word), size)]

    def flush(self) -> None:
        if sum(len(u.text.split()) for u in self.units) < _MIN_WORDS:
            self.units, self.tokens = [], 0  # a stray word ("Inhaltsverzeichnis") answers nothing
            return
        text, breaks = _join(self.units)
        chunk = Chunk(
            chunk_id=chunk_id(self.fingerprint, len(self.chunks)),
            doc_id=self.meta.doc_id,
            position=len(self.chunks),
            text=text,
            section=self.section,
            page_start=self.units[0].page,
            page_end=self.units[-1].page,
            page_breaks=breaks,
            meta=self.meta,
            kind=_chunk_kind(self.units),
            ocr=any(u.ocr for u in self.units),
            paged=self.paged,
        )
        if self.count(chunk.embed_text) > self.limit:
            raise ValueError(f"chunk exceeds the model limit: {chunk.chunk_id}")
        self.chunks.append(chunk)
        self.units, self.tokens = [], 0


_CHARS_PER_TOKEN_MAX = 8  # a word piece rarely covers more characters than this


def _first_guess(words: list[str], start: int, budget: int) -> int:
    """How many words to try first: at most one per token, and not more characters than
    ``budget`` tokens can hold (keeps the tokenizer calls short on junk text)."""
    take, length = 0, 0
    limit = budget * _CHARS_PER_TOKEN_MAX
    while start + take < len(words) and take < budget:
        length += len(words[start + take]) + 1
        if length > limit and take:
            break
        take += 1
    return max(take, 1)


def _chunk_kind(units: list[Unit]) -> str:
    kinds = {u.kind for u in units}
    return kinds.pop() if len(kinds) == 1 else KIND_TEXT


def _join(units: list[Unit]) -> tuple[str, tuple[int, ...]]:
    text = ""
    breaks: list[int] = []
    page = units[0].page
    previous = ""
    for unit in units:
        if text:
            text += _separator(previous, unit.text)
        previous = unit.text
        while unit.page > page:  # the unit starts on a later page
            breaks.append(len(text))
            page += 1
        text += unit.text
    return text, tuple(breaks)


def _separator(previous: str, following: str) -> str:
    """What stands between two units in a chunk's text.

    List items and table rows stand on lines of their own. A unit that ends no sentence (a
    heading line of a web page, a label such as "Betreff", navigation left in a text file)
    is a paragraph of its own: joined with a space, the sentence splitter of the answer path
    would read it and the next sentence as one ("Sprungziele Hauptmenü Ende Juli 2023 ist …").
    """
    if _is_line_unit(following) or _is_line_unit(previous):
        return "\n"
    return " " if ends_sentence(previous) or _runs_on(previous, following) else "\n\n"


def _runs_on(line: str, following: str) -> bool:
    """Whether text that ends no sentence goes on in ``following``: that starts lower-case,
    or ``line`` ends in a function word ("… in den Vorbereitungsklassen im" at a page's end,
    "Südkreis." on the next page)."""
    return following[:1].islower() or ends_in_function_word(line)


def _is_line_unit(text: str) -> bool:
    return text.startswith("- ") or " | " in text


def chunk_id(fingerprint: str, position: int) -> str:
    """Stable chunk id from the document fingerprint and the chunk's position."""
    return hashlib.sha256(f"{fingerprint}:{position}".encode()).hexdigest()[:24]
