"""PDF -> pages: text layer by layout (pdfplumber), pypdf as fallback, OCR for scans.

pypdf opens the file (encryption, metadata) and tells which pages have a text layer. Pages
with text are read by geometry (``layout``): columns, headings by font, ruled tables. Pages
without text that carry an image are scanned pages: they go to OCR when it is switched on
(``ingest.ocr``), else they are reported. Then the shared cleanup runs over all pages.
"""

from __future__ import annotations

import io
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from assistant import texts
from assistant.errors import DocumentError
from assistant.types import Page

from ..clean import clean_pdf_pages, first_heading, usable_title
from ..kinds import classify_pages
from .layout import PageLayout, body_font_size, heading_levels, page_layout
from .tables import placeholder_index

if TYPE_CHECKING:
    from ..load import LoadedDocument, LoadOptions

__all__ = ["load_pdf", "needs_ocr"]

_MIN_TEXT_CHARS = 12  # fewer visible characters than this: the page has no real text layer
_MIN_WORDS = 5  # a scan that yields fewer words than this has no usable text


def load_pdf(doc_id: str, data: bytes, options: LoadOptions) -> LoadedDocument:
    """Pages of a PDF with a text layer, OCR text for scanned pages, cleaned."""
    from ..load import LoadedDocument

    reader, raw, title = _open(doc_id, data)
    scanned = [i + 1 for i, page in enumerate(reader.pages) if needs_ocr(page, raw[i])]
    layouts = _layouts(data, [i + 1 for i in range(len(raw)) if i + 1 not in scanned])
    ocr_texts: dict[int, str] = {}
    warnings: list[str] = []
    if scanned and options.ocr:
        from ..ocr import ocr_pages

        recognised = ocr_pages(doc_id, data, scanned, options)
        ocr_texts = {number: page.text for number, page in recognised.items()}
        for number, page in recognised.items():
            for layout in _layouts(page.pdf, [1], True).values():
                layouts[number] = layout
    elif scanned:
        warnings.append(texts.LOAD_OCR_OFF.format(pages=page_list(scanned)))
    pages, tables = _pages(doc_id, raw, layouts, ocr_texts)
    if not any(p.text.strip() for p in pages):
        raise DocumentError(doc_id, _no_text_reason(scanned, options.ocr))
    kinds = classify_pages([p.text for p in pages])
    cleaned = clean_pdf_pages(pages, marked=frozenset(tables))
    result = [
        replace(page, text=_restore_tables(page.text, tables.get(page.page_no, ())), kind=kind)
        for page, kind in zip(cleaned, kinds, strict=True)
    ]
    if scanned and sum(len(p.text.split()) for p in result) < _MIN_WORDS:
        raise DocumentError(doc_id, _no_text_reason(scanned, options.ocr))
    empty = [p.page_no for p in result if not p.text.strip() and p.page_no not in scanned]
    if empty:
        warnings.append(texts.LOAD_NO_TEXT_PAGES.format(pages=page_list(empty)))
    if not title and result:  # no usable metadata title: the title page's largest heading
        title = first_heading(result[0].text, top=True)
    return LoadedDocument(doc_id, "pdf", tuple(result), title=title, warnings=tuple(warnings))


def _no_text_reason(scanned: list[int], ocr: bool) -> str:
    if not scanned:
        return texts.LOAD_NO_TEXT
    return texts.LOAD_OCR_EMPTY if ocr else texts.LOAD_SCANNED_OCR_OFF


def _open(doc_id: str, data: bytes) -> tuple[Any, list[str], str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _try_empty_password(reader):
            raise DocumentError(doc_id, texts.LOAD_ENCRYPTED)
        raw = [_page_text(page) for page in reader.pages]
        title = _pdf_title(reader)
    except DependencyError as exc:  # AES without the crypto extra
        raise DocumentError(doc_id, texts.LOAD_ENCRYPTED) from exc
    except (PyPdfError, PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        detail = type(exc).__name__ + (f": {exc}" if str(exc) else "")
        raise DocumentError(
            doc_id, texts.LOAD_UNREADABLE.format(kind="PDF", detail=detail)
        ) from exc
    if not raw:
        raise DocumentError(doc_id, texts.LOAD_NO_TEXT)
    return reader, raw, title


def needs_ocr(page: Any, text: str) -> bool:
    """A page without a real text layer that shows an image: a scanned page."""
    if len("".join(text.split())) >= _MIN_TEXT_CHARS:
        return False
    try:
        return bool(page.images)
    except Exception:  # noqa: BLE001 - unreadable image resources: treat as scanned
        return True


def _layouts(
    data: bytes, page_numbers: list[int], recognised: bool = False
) -> dict[int, PageLayout]:
    """Layout text of the given pages; {} when pdfplumber cannot read the file."""
    if not page_numbers:
        return {}
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            body = body_font_size([pages[n - 1] for n in page_numbers])
            result = {}
            for number in page_numbers:
                result[number] = page_layout(pages[number - 1], body, recognised)
                pages[number - 1].close()  # frees the page's parsed objects
            return result
    except Exception:  # noqa: BLE001 - fall back to pypdf's text for the whole file
        return {}


def _pages(
    doc_id: str, raw: list[str], layouts: dict[int, PageLayout], ocr: dict[int, str]
) -> tuple[list[Page], dict[int, tuple[str, ...]]]:
    """Page texts: by layout where there is one (OCR pages too), else pypdf's or OCR text."""
    numbers = sorted(n for n, layout in layouts.items() if any(ln.strip() for ln in layout.lines))
    marked = dict(zip(numbers, heading_levels([layouts[n] for n in numbers]), strict=True))
    pages, tables = [], {}
    for number, text in enumerate(raw, start=1):
        recognised = number in ocr
        if number in marked:
            pages.append(Page(doc_id, number, "\n".join(marked[number]), ocr=recognised))
            tables[number] = layouts[number].tables
        else:
            pages.append(Page(doc_id, number, ocr.get(number, text), ocr=recognised))
    return pages, tables


def _restore_tables(text: str, tables: tuple[str, ...]) -> str:
    blocks = []
    for block in text.split("\n\n"):
        index = placeholder_index(block)
        if index is None:
            blocks.append(block)
        elif index < len(tables) and tables[index]:
            blocks.append(tables[index])
    return "\n\n".join(blocks)


def _try_empty_password(reader: Any) -> bool:
    from pypdf import PasswordType

    # Many municipal PDFs are "encrypted" only with an owner password (printing limits);
    # they open with the empty user password.
    return bool(reader.decrypt("") != PasswordType.NOT_DECRYPTED)


def _page_text(page: Any) -> str:
    try:
        return page.extract_text() or ""
    except Exception:  # noqa: BLE001 - one broken page must not lose the document
        return ""


def _pdf_title(reader: Any) -> str:
    try:
        meta = reader.metadata
        return usable_title(str(meta.title)) if meta and meta.title else ""
    except Exception:  # noqa: BLE001 - metadata is optional decoration
        return ""


def page_list(pages: list[int]) -> str:
    """Page numbers for a German message ("2, 5, 7 … (+3)")."""
    shown = ", ".join(str(p) for p in pages[:10])
    return shown + (f" … (+{len(pages) - 10})" if len(pages) > 10 else "")
