"""The original page of a cited source: a PDF page as an image with the quote marked.

PDFium is not thread-safe and Streamlit serves sessions from several threads, so every
PDFium call runs under one lock.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path

from .highlight import passage_spans

__all__ = ["PageImage", "render_pdf_page"]

_PDFIUM = threading.Lock()
MARK_RGBA = (255, 213, 0, 110)  # translucent yellow, the text stays readable
OUTLINE_RGBA = (176, 120, 0, 255)


@dataclass(frozen=True)
class PageImage:
    """A rendered page: PNG bytes, the document's page count, and whether the quote was found."""

    png: bytes
    page_count: int
    marked: bool


def _page_text(textpage: object, count: int) -> str:
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw  # type: ignore[attr-defined]
    # One character per PDFium index, so spans map straight back to character boxes.
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0xFFFD) for i in range(count))


def _quote_rects(page: object, quote: str) -> list[tuple[float, float, float, float]]:
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        text = _page_text(textpage, textpage.count_chars())
        rects = []
        for start, end in passage_spans(text, quote):
            for i in range(textpage.count_rects(start, end - start)):
                rects.append(textpage.get_rect(i))
        return rects
    finally:
        textpage.close()


def render_pdf_page(path: Path, page_no: int, quote: str = "", scale: float = 1.6) -> PageImage:
    """Render page ``page_no`` (1-based) of a PDF, marking the passages of ``quote``."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    with _PDFIUM:
        pdf = pdfium.PdfDocument(str(path))
        try:
            count = len(pdf)
            page = pdf[min(max(page_no, 1), count) - 1]
            height = page.get_height()
            rects = _quote_rects(page, quote) if quote else []
            image = page.render(scale=scale).to_pil().convert("RGBA")
            page.close()
        finally:
            pdf.close()
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for left, bottom, right, top in rects:
        box = (
            left * scale - 2,
            (height - top) * scale - 2,
            right * scale + 2,
            (height - bottom) * scale + 2,
        )
        draw.rectangle(box, fill=MARK_RGBA, outline=OUTLINE_RGBA)
    buffer = io.BytesIO()
    Image.alpha_composite(image, overlay).convert("RGB").save(buffer, format="PNG", optimize=True)
    return PageImage(buffer.getvalue(), count, bool(rects))
