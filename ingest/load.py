"""Files -> pages. The only module that knows file formats (the loaders live in ``loaders/``).

Every format is turned into the same page text: blocks separated by blank lines, headings as
Markdown-style ``#`` lines, list items starting with ``- ``, tables as a block that starts
with ``[Tabelle] caption`` followed by one ``- Spalte: Wert; Spalte: Wert`` line per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant import texts
from assistant.errors import DocumentError
from assistant.types import Page

from .clean import first_heading, list_marks_as_dashes, normalize_chars
from .loaders.html import html_to_text, is_chrome_line, read_html
from .loaders.markdown import markdown_to_text
from .textcodec import decode_text, looks_like_text

__all__ = [
    "KIND_NAMES",
    "OCR_SETTING",
    "SUPPORTED_SUFFIXES",
    "LoadOptions",
    "LoadedDocument",
    "html_to_text",
    "load_file",
    "markdown_to_text",
    "sniff",
]

SUPPORTED_SUFFIXES = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".docx": "docx",
    ".odt": "odt",
}
KIND_NAMES = {
    "pdf": "PDF",
    "html": "HTML",
    "markdown": "Text",
    "text": "Text",
    "docx": "Word-Dokument (DOCX)",
    "odt": "OpenDocument-Text (ODT)",
    "zip": "ein ZIP-Archiv",
    "ole": "ein altes bzw. verschlüsseltes Office-Dokument",
    "binary": "Binärdaten",
}
OCR_SETTING = "KONZEPTLOTSE_OCR"  # named in the warning about skipped scanned pages
# Formats whose pages are real pages; the others are cited by section.
PAGED_KINDS = frozenset({"pdf"})


@dataclass(frozen=True)
class LoadOptions:
    """How to load: OCR for image-only PDF pages (on/off, language, time limit per file)."""

    ocr: bool = True
    ocr_language: str = "deu"
    ocr_timeout_s: float = 600.0
    # Called with a German progress line (e.g. "Texterkennung Seite 2 von 5").
    on_progress: Callable[[str], None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class LoadedDocument:
    """The pages of one file plus what the loader noticed on the way."""

    doc_id: str
    kind: str
    pages: tuple[Page, ...]
    title: str = ""  # embedded title or first heading, used when the manifest has none
    warnings: tuple[str, ...] = ()
    dated: str = ""  # the date the file's metadata gives its content (ISO), "" if none

    @property
    def paged(self) -> bool:
        """Whether the page numbers are real pages (else citations name the section)."""
        return self.kind in PAGED_KINDS


def sniff(data: bytes) -> str:
    """Content type by content, not by name: "pdf", "html", "zip", "ole", "text", "binary"."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: .doc, encrypted .docx
        return "ole"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        return "html"
    return "text" if looks_like_text(data) else "binary"


def load_file(path: Path, doc_id: str, options: LoadOptions | None = None) -> LoadedDocument:
    """Read ``path`` into pages; raises ``DocumentError`` with a German reason."""
    options = options or LoadOptions()
    suffix = path.suffix.lower()
    kind = SUPPORTED_SUFFIXES.get(suffix)
    if kind is None:
        raise DocumentError(doc_id, texts.LOAD_UNSUPPORTED.format(suffix=suffix or "(ohne)"))
    data = path.read_bytes()
    if not data.strip():
        raise DocumentError(doc_id, texts.LOAD_EMPTY)
    _check_kind(doc_id, suffix, kind, sniff(data))
    if kind == "pdf":
        from .loaders.pdf import load_pdf

        return load_pdf(doc_id, data, options)
    if kind in ("docx", "odt"):
        from .loaders.office import load_office

        title, body = load_office(doc_id, data, kind)
        return _single_page(doc_id, kind, body, title)
    text = _decode(data)
    if kind == "html":
        page = read_html(text)
        return replace(_single_page(doc_id, kind, page.text, page.title), dated=page.dated)
    text = _without_chrome_lines(text)  # a web page saved as text keeps its skip links
    if kind == "markdown":
        body = markdown_to_text(text)
        return _single_page(doc_id, kind, body, first_heading(body))
    return _single_page(doc_id, kind, list_marks_as_dashes(normalize_chars(text)), "")


def _without_chrome_lines(text: str) -> str:
    """Text without the lines that are only web chrome ("Zum Inhalt springen", "Drucken |
    Teilen"), as the HTML loader drops such blocks; a Markdown table row ("| Kontakt |
    E-Mail |") stays."""
    return "\n".join(
        line
        for line in text.split("\n")
        if line.lstrip().startswith("|") or not is_chrome_line(line)
    )


def _check_kind(doc_id: str, suffix: str, expected: str, actual: str) -> None:
    compatible = actual == expected or (actual == "text" and expected in {"markdown", "text"})
    office = actual in {"zip", "ole"} and expected in {"docx", "odt"}
    # An HTML file named .txt/.md is still readable text; anything else is mislabelled.
    if compatible or office or (actual == "html" and expected in {"markdown", "text"}):
        return
    raise DocumentError(
        doc_id, texts.LOAD_MISLABELLED.format(suffix=suffix, actual=KIND_NAMES[actual])
    )


def _decode(data: bytes) -> str:
    return decode_text(data)


def _single_page(doc_id: str, kind: str, body: str, title: str) -> LoadedDocument:
    if not body.strip():
        raise DocumentError(doc_id, texts.LOAD_EMPTY)
    return LoadedDocument(doc_id, kind, (Page(doc_id, 1, body),), title=title)
