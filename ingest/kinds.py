"""Front matter detection: title pages, tables of contents, committee and member lists.

They answer no question ("Wer saß in der Steuerungsgruppe?" aside, which the member list
still answers: it is marked, not dropped). Pages are classified from their raw text before
cleanup (dot leaders still present); sections by their heading.
"""

from __future__ import annotations

import re

from assistant.types import KIND_MEMBERS, KIND_TEXT, KIND_TITLE, KIND_TOC

from .clean import is_toc_entry

__all__ = ["classify_pages", "page_kind", "section_kind", "unit_kind"]

_TOC_HEADINGS = ("inhaltsverzeichnis", "inhalt", "inhaltsübersicht", "gliederung")
_MEMBER_HEADINGS = (
    "mitglieder",
    "teilnehmende",
    "teilnehmer",
    "mitwirkende",
    "beteiligte personen",
    "zusammensetzung",
    "impressum",
    "redaktion",
    "autorinnen",
    "autoren",
    "herausgeber",
    "steuerungsgruppe:",
    "arbeitsgruppe:",
)
_TITLE_MAX_WORDS = 90
_TITLE_MIN_PAGES = 3
_TITLE_MAX_SENTENCES = 2  # a disclaimer or two ("Alle Angaben ohne Gewähr.")
_NUMBERED = re.compile(r"^#*\s*\d{1,2}(?:\.\d{1,2}){0,3}\s+[A-ZÄÖÜ]")  # "2.1 Erstberatung"
_MEMBER_LINE_MAX_WORDS = 14


def classify_pages(texts: list[str]) -> list[str]:
    """The kind of every page of a document (a title page only as the first page of a
    document of at least ``_TITLE_MIN_PAGES`` pages: a one-page note is all content)."""
    kinds = [page_kind(text, number) for number, text in enumerate(texts, start=1)]
    if len(texts) < _TITLE_MIN_PAGES and kinds and kinds[0] == KIND_TITLE:
        kinds[0] = KIND_TEXT
    return kinds


def page_kind(text: str, page_no: int) -> str:
    """``KIND_TOC``, ``KIND_TITLE`` or ``KIND_TEXT`` for one page's raw text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return KIND_TEXT
    entries = sum(1 for line in lines if is_toc_entry(line))
    named = any(_bare(line) in _TOC_HEADINGS for line in lines[:6])
    if entries >= 4 and (named or entries >= 0.4 * len(lines)):
        return KIND_TOC
    if page_no == 1 and _looks_like_title_page(lines):
        return KIND_TITLE
    return KIND_TEXT


def _bare(line: str) -> str:
    return line.lstrip("#").strip().rstrip(":").lower()


def _looks_like_title_page(lines: list[str]) -> bool:
    """Few words and hardly a sentence (title, issuer, date, logo caption); no section yet."""
    words = sum(len(line.split()) for line in lines)
    text = " ".join(lines)
    ends = sum(
        1
        for i, char in enumerate(text)
        if char in ".!?" and i > 0 and text[i - 1].islower() and text[i + 1 : i + 2] in ("", " ")
    )
    numbered = any(_NUMBERED.match(line) for line in lines)
    return words <= _TITLE_MAX_WORDS and ends <= _TITLE_MAX_SENTENCES and not numbered


def section_kind(section: str) -> str:
    """``KIND_MEMBERS`` when the innermost heading names a member list or imprint."""
    innermost = section.split(" > ")[-1].lower() if section else ""
    innermost = innermost.lstrip("0123456789. ").strip()
    if innermost.startswith(_MEMBER_HEADINGS):
        return KIND_MEMBERS
    return KIND_TEXT


def unit_kind(text: str, section: str, page_kind: str) -> str:
    """Kind of one sentence, list item or row: its page's, or a member-list entry's."""
    if page_kind != KIND_TEXT:
        return page_kind
    if section_kind(section) != KIND_MEMBERS:
        return KIND_TEXT
    listed = text.startswith("- ") or len(text.split()) <= _MEMBER_LINE_MAX_WORDS
    return KIND_MEMBERS if listed else KIND_TEXT
