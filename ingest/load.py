"""Files -> pages. The only module that knows file formats.

Every format is turned into the same page text: blocks separated by blank lines, headings as
Markdown-style ``#`` lines, list items starting with ``- ``, table rows with `` | ``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from assistant import texts
from assistant.errors import DocumentError
from assistant.types import Page

from .clean import clean_pdf_pages, normalize_chars
from .textcodec import decode_text, looks_like_text

__all__ = ["KIND_NAMES", "SUPPORTED_SUFFIXES", "LoadedDocument", "load_file", "sniff"]

SUPPORTED_SUFFIXES = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
}
KIND_NAMES = {
    "pdf": "PDF",
    "html": "HTML",
    "markdown": "Text",
    "text": "Text",
    "binary": "Binärdaten",
}


@dataclass(frozen=True)
class LoadedDocument:
    """The pages of one file plus what the loader noticed on the way."""

    doc_id: str
    kind: str
    pages: tuple[Page, ...]
    title: str = ""  # embedded title or first heading, used when the manifest has none
    warnings: tuple[str, ...] = ()


def sniff(data: bytes) -> str:
    """Content type by content, not by name: "pdf", "html", "text" or "binary"."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        return "html"
    return "text" if looks_like_text(data) else "binary"


def load_file(path: Path, doc_id: str) -> LoadedDocument:
    """Read ``path`` into pages; raises ``DocumentError`` with a German reason."""
    suffix = path.suffix.lower()
    kind = SUPPORTED_SUFFIXES.get(suffix)
    if kind is None:
        raise DocumentError(doc_id, texts.LOAD_UNSUPPORTED.format(suffix=suffix or "(ohne)"))
    data = path.read_bytes()
    if not data.strip():
        raise DocumentError(doc_id, texts.LOAD_EMPTY)
    _check_kind(doc_id, suffix, kind, sniff(data))
    if kind == "pdf":
        return _load_pdf(doc_id, data)
    text = _decode(data)
    if kind == "html":
        title, body = html_to_text(text)
        return _single_page(doc_id, kind, body, title)
    if kind == "markdown":
        body = markdown_to_text(text)
        return _single_page(doc_id, kind, body, _first_heading(body))
    return _single_page(doc_id, kind, normalize_chars(text), "")


def _check_kind(doc_id: str, suffix: str, expected: str, actual: str) -> None:
    compatible = actual == expected or (actual == "text" and expected in {"markdown", "text"})
    # An HTML file named .txt/.md is still readable text; anything else is mislabelled.
    if compatible or (actual == "html" and expected in {"markdown", "text"}):
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


# --- PDF ------------------------------------------------------------------------------


def _load_pdf(doc_id: str, data: bytes) -> LoadedDocument:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _try_empty_password(reader):
            raise DocumentError(doc_id, texts.LOAD_ENCRYPTED)
        raw_pages = [_page_text(page) for page in reader.pages]
        title = _pdf_title(reader)
    except DependencyError as exc:  # AES without the crypto extra
        raise DocumentError(doc_id, texts.LOAD_ENCRYPTED) from exc
    except (PyPdfError, PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        detail = type(exc).__name__ + (f": {exc}" if str(exc) else "")
        raise DocumentError(
            doc_id, texts.LOAD_UNREADABLE.format(kind="PDF", detail=detail)
        ) from exc
    if not raw_pages or not any(t.strip() for t in raw_pages):
        raise DocumentError(doc_id, texts.LOAD_NO_TEXT)
    pages = clean_pdf_pages([Page(doc_id, i + 1, t) for i, t in enumerate(raw_pages)])
    empty = [p.page_no for p in pages if not p.text.strip()]
    warnings = (texts.LOAD_NO_TEXT_PAGES.format(pages=_page_list(empty)),) if empty else ()
    return LoadedDocument(doc_id, "pdf", tuple(pages), title=title, warnings=warnings)


def _try_empty_password(reader: object) -> bool:
    from pypdf import PasswordType

    # Many municipal PDFs are "encrypted" only with an owner password (printing limits);
    # they open with the empty user password.
    return reader.decrypt("") != PasswordType.NOT_DECRYPTED  # type: ignore[attr-defined]


def _page_text(page: object) -> str:
    try:
        return page.extract_text() or ""  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - one broken page must not lose the document
        return ""


def _pdf_title(reader: object) -> str:
    try:
        meta = reader.metadata  # type: ignore[attr-defined]
        return str(meta.title).strip() if meta and meta.title else ""
    except Exception:  # noqa: BLE001 - metadata is optional decoration
        return ""


def _page_list(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:10])
    return shown + (f" … (+{len(pages) - 10})" if len(pages) > 10 else "")


# --- HTML and Markdown ----------------------------------------------------------------

_BOILERPLATE_TAGS = ["script", "style", "noscript", "nav", "footer", "header", "aside", "form"]
_BOILERPLATE_HINT = re.compile(r"cookie|consent|banner|breadcrumb|skip|social|share|menu", re.I)


def html_to_text(html: str) -> tuple[str, str]:
    """(title, page text) of an HTML page, without navigation, cookie banners and footers."""
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(_BOILERPLATE_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if isinstance(tag, Tag) and tag.attrs is not None and _is_boilerplate(tag):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    blocks: list[str] = []
    for element in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "pre"]):
        if element.find_parent(["li", "tr"]) is not None and element.name != "tr":
            continue  # nested: its text is part of the enclosing item/row
        blocks.append(_html_block(element))
    body = normalize_chars("\n\n".join(b for b in blocks if b.strip()))
    return title or _first_heading(body), body


def _is_boilerplate(tag: object) -> bool:
    attrs = getattr(tag, "attrs", {}) or {}
    ident = " ".join([str(attrs.get("id", ""))] + [str(c) for c in attrs.get("class", [])])
    return bool(ident.strip()) and bool(_BOILERPLATE_HINT.search(ident))


def _html_block(element: object) -> str:
    name = getattr(element, "name", "")
    if name == "tr":
        cells = [c.get_text(" ", strip=True) for c in element.find_all(["th", "td"])]  # type: ignore[attr-defined]
        return " | ".join(cells)
    text = " ".join(element.get_text(" ", strip=True).split())  # type: ignore[attr-defined]
    if name.startswith("h") and name[1:].isdigit():
        return "#" * int(name[1:]) + " " + text
    return "- " + text if name == "li" else text


_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def markdown_to_text(markdown: str) -> str:
    """Markdown to page text: front matter, link targets, emphasis and table rules removed."""
    text = _FRONT_MATTER.sub("", normalize_chars(markdown), count=1)
    lines: list[str] = []
    for line in text.splitlines():
        if _MD_TABLE_RULE.match(line):
            continue
        line = _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", line))
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            line = " | ".join(c.strip() for c in stripped.strip("|").split("|"))
        elif stripped.startswith(("* ", "+ ")):
            line = "- " + stripped[2:]
        lines.append(line.rstrip())
    return "\n".join(lines).strip()


def _first_heading(body: str) -> str:
    for line in body.splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return ""
