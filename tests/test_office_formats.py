"""Word/ODF files and PDFs from real office software (LibreOffice headless), measured."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from assistant import get_assistant
from assistant.errors import DocumentError
from assistant.settings import Settings
from evals.extraction import ExtractionSpec, corpus_specs, measure
from evals.office_fixture import LONG_HEADING, OFFICE_SPEC
from ingest import run_ingest
from ingest.load import load_file

OFFICE_LABELS = [
    "ODT (LibreOffice)",
    "DOCX (LibreOffice)",
    "PDF aus ODT (LibreOffice)",
    "PDF aus DOCX (LibreOffice)",
]


@pytest.mark.parametrize("label", OFFICE_LABELS)
def test_office_documents_extract_intact(office_files: dict[str, Path], label: str) -> None:
    spec = ExtractionSpec(
        office_files[label],
        label,
        OFFICE_SPEC.sentences,
        OFFICE_SPEC.headings,
        OFFICE_SPEC.chrome,
        OFFICE_SPEC.table_rows,
    )
    quality = measure(spec)
    assert quality.sentences[0] == quality.sentences[1], quality.missing
    assert quality.headings[0] == quality.headings[1]
    assert quality.chrome_chunks == 0
    assert quality.table_rows == (2, 2)


@pytest.mark.slow  # every bundled PDF measured: about 12 s
def test_bundled_fpdf2_pdfs_keep_their_sentences_and_headings() -> None:
    for spec in corpus_specs():
        quality = measure(spec)
        assert quality.sentences[0] >= 0.95 * quality.sentences[1], (spec.label, quality.missing)
        assert quality.headings[0] >= 0.95 * quality.headings[1], spec.label
        assert quality.chrome_chunks == 0, spec.label


def test_pdf_front_matter_and_member_list_are_marked(office_files: dict[str, Path]) -> None:
    from tests.test_chunk import _chunks

    loaded = load_file(office_files["PDF aus ODT (LibreOffice)"], "k.pdf")
    assert [p.kind for p in loaded.pages[:2]] == ["title", "toc"]
    chunks = _chunks(list(loaded.pages))
    kinds = {c.kind for c in chunks if "Beispielfrau" in c.text}
    assert kinds == {"members"}
    assert any(c.front_matter and c.page_start == 1 for c in chunks)
    body = [c for c in chunks if "acht Werktagen" in c.text]
    assert body and all(not c.front_matter for c in body)
    assert any(c.section.endswith(LONG_HEADING) for c in body)


def test_docx_and_odt_are_cited_by_section(
    settings: Settings, docs_dir: Path, office_files: dict[str, Path]
) -> None:
    for label in ("DOCX (LibreOffice)", "ODT (LibreOffice)"):
        source = office_files[label]
        (docs_dir / source.name).write_bytes(source.read_bytes())
    report = run_ingest(settings)
    assert not report.failed
    answer = get_assistant(settings).ask("Wann tagt die Schulplatzkonferenz?")
    assert answer.found
    cited = answer.citations[0]
    assert cited.doc_id.endswith((".docx", ".odt")) and not cited.paged
    assert cited.section


def test_zip_bomb_named_docx_is_refused_and_the_rest_indexed(
    settings: Settings, docs_dir: Path, office_files: dict[str, Path]
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"a" * (300 * 1024 * 1024))
    (docs_dir / "bombe.docx").write_bytes(buffer.getvalue())
    (docs_dir / "kaputt.odt").write_bytes(b"PK\x03\x04 nur ein Anfang")
    (docs_dir / "alt.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    good = office_files["DOCX (LibreOffice)"]
    (docs_dir / "gut.docx").write_bytes(good.read_bytes())
    report = run_ingest(settings)
    reasons = {o.doc_id: o.reason for o in report.failed}
    assert set(reasons) == {"bombe.docx", "kaputt.odt", "alt.docx"}
    assert "Sicherheitsgründen" in reasons["bombe.docx"]
    assert "kein gültiges" in reasons["kaputt.odt"]
    assert "alten Word-Format" in reasons["alt.docx"]
    assert {o.doc_id: o.status for o in report.outcomes}["gut.docx"] == "new"
    assert len(buffer.getvalue()) < 2 * 1024 * 1024  # the bomb itself is small


def test_zip_bomb_is_refused_without_unpacking(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(3):
            archive.writestr(f"word/teil{n}.xml", b" " * (100 * 1024 * 1024))
    path = tmp_path / "bombe.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DocumentError, match="Sicherheitsgründen"):
        load_file(path, "bombe.docx")


_DOCX_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box(text: str) -> str:
    return f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"


def test_a_docx_text_box_is_read_once_as_a_block_of_its_own(tmp_path: Path) -> None:
    """Word stores a text box twice (a drawing and an old-reader fallback) inside the
    paragraph it is anchored in; its text is one block after that paragraph, not glued into
    it twice. In a table cell the fallback copy is skipped too."""
    box = (
        "<w:r><mc:AlternateContent><mc:Choice><w:drawing>"
        f"{_box('Kontakt: Telefon 01234 55')}</w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f"<v:rect>{_box('Kontakt: Telefon 01234 55')}</v:rect></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    cell_box = box.replace("Kontakt: Telefon 01234 55", "Raum 12")
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {_DOCX_NS}><w:body>'
        "<w:p><w:r><w:t>Die Erstberatung findet im Rathaus statt.</w:t></w:r>"
        f"{box}<w:r><w:t> Sie dauert etwa eine Stunde.</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ort</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Wann</w:t></w:r></w:p></w:tc></w:tr>"
        f"<w:tr><w:tc><w:p><w:r><w:t>Rathaus</w:t></w:r>{cell_box}</w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>montags</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:body></w:document>"
    )
    path = tmp_path / "kasten.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", document)
    text = load_file(path, "kasten.docx").pages[0].text
    assert text.split("\n\n")[:2] == [
        "Die Erstberatung findet im Rathaus statt. Sie dauert etwa eine Stunde.",
        "Kontakt: Telefon 01234 55",
    ]
    assert text.count("Kontakt") == 1
    assert "- Ort: Rathaus Raum 12; Wann: montags" in text
