"""Text recognition (OCR) for scanned PDF pages: ocrmypdf + tesseract, local and German.

Each scanned page is cut into a one-page PDF and recognised by its own ``ocrmypdf`` run, so
there is a progress line per page and the per-file time limit can stop the run between
pages or kill a page that hangs (the whole process group, tesseract included). Tesseract
runs single-threaded: ingest shares a small machine with the chat.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant import texts
from assistant.errors import DocumentError

if TYPE_CHECKING:
    from .load import LoadOptions

__all__ = ["OCR_TOOLS", "OcrPage", "ocr_available", "ocr_pages"]

OCR_TOOLS = ("ocrmypdf", "tesseract")
_ERROR_TAIL = 300


@dataclass(frozen=True)
class OcrPage:
    """One recognised page: a one-page PDF with an invisible text layer, and the plain text."""

    pdf: bytes
    text: str


def ocr_available() -> str:
    """The first missing OCR program, or "" when everything is installed."""
    return next((tool for tool in OCR_TOOLS if shutil.which(tool) is None), "")


def ocr_pages(
    doc_id: str, data: bytes, page_numbers: list[int], options: LoadOptions
) -> dict[int, OcrPage]:
    """Recognised text of the given pages (1-based) of the PDF ``data``.

    Each page comes back as a one-page PDF with a text layer (word positions and sizes from
    the recognition), so the layout reader treats it like a born-digital page.

    Raises ``DocumentError`` when OCR is not installed, a page fails, or the file's time
    limit (``options.ocr_timeout_s``) runs out.
    """
    missing = ocr_available()
    if missing:
        raise DocumentError(doc_id, texts.LOAD_OCR_MISSING.format(tool=missing))
    deadline = time.monotonic() + options.ocr_timeout_s
    result: dict[int, OcrPage] = {}
    with tempfile.TemporaryDirectory(prefix="konzeptlotse-ocr-") as tmp:
        for done, number in enumerate(page_numbers):
            if options.on_progress:
                options.on_progress(
                    texts.LOAD_OCR_PROGRESS.format(
                        page=number, done=done + 1, total=len(page_numbers)
                    )
                )
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _timeout(doc_id, options, done, len(page_numbers))
            source = Path(tmp) / f"seite-{number}.pdf"
            source.write_bytes(_single_page(data, number))
            try:
                result[number] = _recognise(source, options.ocr_language, remaining)
            except subprocess.TimeoutExpired as exc:
                raise _timeout(doc_id, options, done, len(page_numbers)) from exc
            except RuntimeError as exc:
                raise DocumentError(
                    doc_id, texts.LOAD_OCR_FAILED.format(page=number, detail=str(exc))
                ) from exc
    return result


def _timeout(doc_id: str, options: LoadOptions, done: int, total: int) -> DocumentError:
    return DocumentError(
        doc_id,
        texts.LOAD_OCR_TIMEOUT.format(seconds=options.ocr_timeout_s, done=done, total=total),
    )


def _single_page(data: bytes, number: int) -> bytes:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    writer = PdfWriter()
    writer.add_page(reader.pages[number - 1])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _command(source: Path, language: str) -> list[str]:
    sidecar = source.with_suffix(".txt")
    output = source.with_suffix(".ocr.pdf")
    return [
        "ocrmypdf",
        "--quiet",
        "--jobs",
        "1",
        "--language",
        language,
        "--rotate-pages",
        "--deskew",
        "--output-type",
        "pdf",
        "--optimize",
        "0",
        "--sidecar",
        str(sidecar),
        "--force-ocr",
        str(source),
        str(output),
    ]


def _recognise(source: Path, language: str, timeout: float) -> OcrPage:
    """Run ocrmypdf on a one-page PDF; kill its whole process group on timeout."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "TESSDATA_PREFIX": _tessdata()}
    env = {k: v for k, v in env.items() if v}
    process = subprocess.Popen(
        _command(source, language),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        _, stderr = process.communicate(timeout=max(timeout, 0.1))
    except subprocess.TimeoutExpired:
        _kill(process)
        raise
    if process.returncode != 0:
        detail = stderr.decode("utf-8", "replace").strip()[-_ERROR_TAIL:]
        raise RuntimeError(f"ocrmypdf Code {process.returncode}: {detail}")
    sidecar = source.with_suffix(".txt")
    text = sidecar.read_text(encoding="utf-8", errors="replace") if sidecar.exists() else ""
    output = source.with_suffix(".ocr.pdf")
    pdf = output.read_bytes() if output.exists() else b""
    return OcrPage(pdf, text.replace("\f", "\n").strip())


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def _tessdata() -> str:
    return os.environ.get("TESSDATA_PREFIX", "")
