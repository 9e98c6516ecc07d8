"""Scanned PDFs: OCR with ocrmypdf + tesseract (deu), per page, with a time limit per file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assistant import get_assistant
from assistant.settings import Settings
from assistant.types import Citation
from ingest import run_ingest
from ingest.load import LoadOptions, load_file
from ui.formatting import citation_meta

from .pdfs import PAGES_MUSTERHAUSEN, make_pdf


def _scan(text_pdf: Path, target: Path, pages: list[int] | None = None) -> Path:
    """Replace the given pages (all if None) by 300-dpi images of themselves."""
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter

    document = pdfium.PdfDocument(str(text_pdf))
    reader = PdfReader(str(text_pdf))
    writer = PdfWriter()
    for index in range(len(document)):
        if pages is not None and index + 1 not in pages:
            writer.add_page(reader.pages[index])
            continue
        image = document[index].render(scale=300 / 72).to_pil().convert("L")
        buffer = io.BytesIO()
        image.save(buffer, format="PDF", resolution=300)
        writer.add_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    document.close()
    with target.open("wb") as out:
        writer.write(out)
    return target


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scan")
    text = make_pdf(folder / "text.pdf", PAGES_MUSTERHAUSEN[:2])
    return _scan(text, folder / "scan.pdf")


@pytest.mark.slow  # OCR of two pages (the answered scan below stays in the default run)
def test_scanned_pdf_is_recognised_page_by_page(scanned: Path) -> None:
    steps: list[str] = []
    loaded = load_file(scanned, "scan.pdf", LoadOptions(on_progress=steps.append))
    assert steps == [
        "Texterkennung (OCR): Seite 1 (1 von 2)",
        "Texterkennung (OCR): Seite 2 (2 von 2)",
    ]
    assert all(page.ocr for page in loaded.pages)
    first, second = (" ".join(p.text.split()) for p in loaded.pages)
    assert "Kommunale Integrationszentrum die Erstberatung" in first
    assert "Sprachstandsfeststellung" in second and "Sprachstandsfeststellung" not in first
    # a skewed line of the text layer stays one line (its words drift by more than 2.5 pt)
    assert "für Deutsch als Zweitsprache durchgeführt. Das Ergebnis bestimmt" in second
    assert "Seite 1 von 2" not in first  # the running footer is gone from OCR text too


def test_scan_is_answered_with_ocr_label_and_its_page(
    settings: Settings, docs_dir: Path, scanned: Path
) -> None:
    (docs_dir / "scan.pdf").write_bytes(scanned.read_bytes())
    report = run_ingest(settings)
    assert not report.failed
    answer = get_assistant(settings).ask("Wie lange dauert der Test zur Sprachstandsfeststellung?")
    assert answer.found
    cited = answer.citations[0]
    assert cited.ocr and cited.paged and cited.page == 2
    assert "Text per Texterkennung (OCR)" in citation_meta(cited)


@pytest.mark.slow  # OCR again
def test_only_image_pages_of_a_mixed_pdf_are_recognised(tmp_path: Path) -> None:
    text = make_pdf(tmp_path / "text.pdf", PAGES_MUSTERHAUSEN[:2])
    mixed = _scan(text, tmp_path / "mixed.pdf", pages=[2])
    steps: list[str] = []
    loaded = load_file(mixed, "mixed.pdf", LoadOptions(on_progress=steps.append))
    assert [p.ocr for p in loaded.pages] == [False, True]
    assert steps == ["Texterkennung (OCR): Seite 2 (1 von 1)"]


def test_ocr_time_limit_fails_the_file_alone(
    settings: Settings, docs_dir: Path, scanned: Path, musterhausen_pdf: Path
) -> None:
    (docs_dir / "scan.pdf").write_bytes(scanned.read_bytes())
    report = run_ingest(settings.with_overrides(ocr_timeout=0.5))
    reasons = {o.doc_id: o.reason for o in report.failed}
    assert list(reasons) == ["scan.pdf"]
    assert "nach 0.5 s abgebrochen" in reasons["scan.pdf"]
    assert "KONZEPTLOTSE_OCR_TIMEOUT" in reasons["scan.pdf"]
    assert get_assistant(settings).ask("Wann tagt die Schulplatzkonferenz?").found


def test_missing_ocr_programs_are_named(scanned: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.errors import DocumentError

    monkeypatch.setattr("ingest.ocr.shutil.which", lambda tool: None)
    with pytest.raises(DocumentError, match="make ocr-deps"):
        load_file(scanned, "scan.pdf")


def test_source_card_names_the_section_when_there_are_no_pages() -> None:
    docx = Citation(1, "a.docx", "Konzept", "Stadt", 1, "Zitat", section="2 Fristen", paged=False)
    pdf = Citation(1, "a.pdf", "Konzept", "Stadt", 4, "Zitat", section="2 Fristen")
    assert "Seite" not in citation_meta(docx) and "Abschnitt 2 Fristen" in citation_meta(docx)
    assert "Seite 4" in citation_meta(pdf) and "OCR" not in citation_meta(pdf)
