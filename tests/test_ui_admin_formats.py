"""The admin page with new formats: a scan, a DOCX upload and a website, cited in answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant import get_assistant
from assistant.settings import Settings
from ingest import run_ingest
from ingest.metadata import read_manifest

from .pdfs import PAGES_MUSTERHAUSEN, make_pdf
from .test_ocr import _scan as scan_pdf
from .test_ui_admin import (
    PASSWORD,
    _documents,
    _flash,
    _login,
    _open_admin,
    _wait_for_ingest,
)
from .ui_corpus import make_corpus
from .uiwait import wait_for_ingest
from .web_site import fixture_site


@pytest.fixture
def corpus(settings: Settings) -> Settings:
    make_corpus(settings.corpus_dir)
    run_ingest(settings)
    return settings


@pytest.fixture
def admin(corpus: Settings, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    from ui.auth import hash_password

    at = _open_admin(corpus, monkeypatch, hash_password(PASSWORD, n=2**10))
    return _login(at, PASSWORD)


def test_docx_upload_is_ingested_and_cited_by_section(
    admin: AppTest,
    corpus: Settings,
    office_files: dict[str, Path],
) -> None:
    data = office_files["DOCX (LibreOffice)"].read_bytes()
    admin.file_uploader(key="up_file").set_value(
        ("Konzept Beispielhausen.docx", data, "application/octet-stream")
    )
    admin.button(key="FormSubmitter:upload-Hochladen und einlesen").click().run()
    assert "konzept-beispielhausen.docx" in _flash(admin)
    _wait_for_ingest(admin, corpus)
    table = _documents(admin)
    assert "konzept-beispielhausen.docx" in set(table.iloc[:, 0])
    answer = get_assistant(corpus).ask("Wie lange dauert das Gespräch der Erstberatung?")
    cited = next(c for c in answer.citations if c.doc_id.endswith(".docx"))
    assert not cited.paged and cited.section


@pytest.mark.slow  # OCR of two pages plus a full admin-page ingest: about a minute
def test_scanned_pdf_upload_is_recognised_and_cited_with_its_page(
    admin: AppTest, corpus: Settings, tmp_path: Path
) -> None:
    text = make_pdf(tmp_path / "text.pdf", PAGES_MUSTERHAUSEN[:2])
    data = scan_pdf(text, tmp_path / "scan.pdf").read_bytes()
    admin.file_uploader(key="up_file").set_value(("Scan Musterhausen.pdf", data, "application/pdf"))
    admin.button(key="FormSubmitter:upload-Hochladen und einlesen").click().run()
    assert "scan-musterhausen.pdf" in _flash(admin)
    _wait_for_ingest(admin, corpus)
    assert "scan-musterhausen.pdf" in set(_documents(admin).iloc[:, 0])
    answer = get_assistant(corpus).ask("Wie lange dauert in Musterhausen der Sprachtest?")
    cited = next(c for c in answer.citations if c.doc_id == "scan-musterhausen.pdf")
    assert cited.ocr and cited.paged and cited.page == 2


def test_website_is_fetched_from_the_admin_page(admin: AppTest, corpus: Settings) -> None:
    with fixture_site() as site:
        admin.text_input(key="web_url").set_value(site.base + "/")
        admin.checkbox(key="web_same_site").check()
        admin.text_input(key="web_kommune").set_value("Stadt Musterhausen")
        admin.button(key="FormSubmitter:website-Abrufen und einlesen").click().run()
        wait_for_ingest(corpus)
    admin.run()
    assert any("abgeschlossen" in w.value for w in [*admin.success, *admin.warning])
    manifest = read_manifest(corpus.corpus_dir)
    web = [entry for doc_id, entry in manifest.items() if doc_id.startswith("web/")]
    assert len(web) == 3 and all(e["kommune"] == "Stadt Musterhausen" for e in web)
    answer = get_assistant(corpus).ask("Wann tagt die Schulplatzkonferenz laut Webseite?")
    assert any(c.doc_id.startswith("web/") for c in answer.citations)


def test_website_form_refuses_a_non_web_address(admin: AppTest) -> None:
    admin.text_input(key="web_url").set_value("ftp://127.0.0.1/")
    admin.button(key="FormSubmitter:website-Abrufen und einlesen").click().run()
    assert "http://" in _flash(admin)
