"""Admin file operations (ingest/admin.py): uploads, manifest, delete, document status."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.errors import IndexLocked
from assistant.settings import Settings
from ingest import admin, run_ingest
from ingest.metadata import read_manifest
from ingest.pipeline import ingest_lock

from .pdfs import make_image_only_pdf
from .ui_corpus import make_corpus

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.md", "passwd.md"),
        ("..\\..\\windows\\boot.txt", "boot.txt"),
        ("Konzept Stadt Größingen 2024.PDF", "konzept-stadt-groessingen-2024.pdf"),
        (".versteckt.md", "versteckt.md"),
        ("a/b/../c.html", "c.html"),
        ("Bericht (final)!.pdf", "bericht-final.pdf"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert admin.safe_filename(name) == expected


@pytest.mark.parametrize("name", ["", "..", "/", "../", "ohne-endung", "....pdf"])
def test_unusable_names_are_refused(name: str) -> None:
    with pytest.raises(admin.AdminError):
        admin.safe_filename(name)


def test_content_is_checked_not_the_extension() -> None:
    html = b"<!DOCTYPE html><html><body>Hallo</body></html>"
    with pytest.raises(admin.AdminError, match="enthält aber HTML"):
        admin.check_upload("konzept.pdf", html, max_mb=5)
    with pytest.raises(admin.AdminError, match="enthält aber PDF"):
        admin.check_upload("notiz.md", PDF, max_mb=5)
    with pytest.raises(admin.AdminError, match="Binärdaten"):
        admin.check_upload("notiz.txt", b"\x00\x01\x02abc", max_mb=5)
    with pytest.raises(admin.AdminError, match="nicht unterstützt"):
        admin.check_upload("tabelle.xlsx", b"PK\x03\x04", max_mb=5)
    with pytest.raises(admin.AdminError, match="leer"):
        admin.check_upload("leer.txt", b"  \n", max_mb=5)
    assert admin.check_upload("Konzept.PDF", PDF, max_mb=5) == "konzept.pdf"
    assert admin.check_upload("seite.htm", html, max_mb=5) == "seite.htm"


def test_size_limit() -> None:
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1)
    with pytest.raises(admin.AdminError, match="höchstens 1 MB"):
        admin.check_upload("gross.pdf", big, max_mb=1)


def test_upload_writes_file_and_manifest_entry_keeping_the_rest(docs_dir: Path) -> None:
    make_corpus(docs_dir)
    before = (docs_dir / "manifest.yaml").read_text(encoding="utf-8")
    meta = admin.UploadMeta(title="Neu", kommune="Stadt Neustadt", stand="2024-03-01")
    path = admin.save_upload(_settings(docs_dir), "../Neu Konzept.md", b"# Neu\n\nText.", meta)
    assert path == docs_dir / "neu-konzept.md" and path.read_bytes() == b"# Neu\n\nText."
    text = (docs_dir / "manifest.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Testkorpus\n")  # the leading comment block survives
    data = yaml.safe_load(text)
    assert data["version"] == 1
    assert [e["file"] for e in data["documents"]] == [
        "musterhausen.pdf",
        "beispielstadt.md",
        "neu-konzept.md",
    ]
    assert data["documents"][:2] == yaml.safe_load(before)["documents"]
    assert list(data["documents"][0]) == [
        "file",
        "title",
        "issuer",
        "kommune",
        "doc_type",
        "stand",
        "source",
    ]
    entry = read_manifest(docs_dir)["neu-konzept.md"]
    assert entry == {
        "file": "neu-konzept.md",
        "title": "Neu",
        "kommune": "Stadt Neustadt",
        "stand": "2024-03-01",
    }


def test_existing_file_needs_explicit_replace(docs_dir: Path) -> None:
    make_corpus(docs_dir)
    with pytest.raises(admin.AdminError, match="gibt es schon"):
        admin.save_upload(_settings(docs_dir), "beispielstadt.md", b"# Neu", admin.UploadMeta())
    assert "Schulplatzkonferenz" in (docs_dir / "beispielstadt.md").read_text(encoding="utf-8")
    meta = admin.UploadMeta(title="Beispielstadt neu", kommune="Stadt Beispielstadt")
    admin.save_upload(_settings(docs_dir), "beispielstadt.md", b"# Neu", meta, replace=True)
    assert (docs_dir / "beispielstadt.md").read_text(encoding="utf-8") == "# Neu"
    entries = yaml.safe_load((docs_dir / "manifest.yaml").read_text(encoding="utf-8"))["documents"]
    assert [e["file"] for e in entries].count("beispielstadt.md") == 1
    assert read_manifest(docs_dir)["beispielstadt.md"]["title"] == "Beispielstadt neu"


def test_manifest_is_created_when_missing(docs_dir: Path) -> None:
    admin.save_upload(_settings(docs_dir), "a.txt", b"Text", admin.UploadMeta(kommune="K"))
    assert read_manifest(docs_dir) == {"a.txt": {"file": "a.txt", "kommune": "K"}}


def test_delete_removes_file_manifest_entry_and_index_entry(settings: Settings) -> None:
    make_corpus(settings.corpus_dir)
    run_ingest(settings)
    result = admin.delete_document(settings, "beispielstadt.md")
    assert result == admin.DeleteResult("beispielstadt.md", True, True, True)
    assert not (settings.corpus_dir / "beispielstadt.md").exists()
    assert "beispielstadt.md" not in read_manifest(settings.corpus_dir)
    rows = admin.document_rows(settings)
    assert [r.doc_id for r in rows] == ["musterhausen.pdf"]
    with pytest.raises(admin.AdminError, match="weder im Index"):
        admin.delete_document(settings, "beispielstadt.md")


def test_delete_never_touches_files_outside_the_corpus(settings: Settings, tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text("geheim", encoding="utf-8")
    with pytest.raises(admin.AdminError, match="nicht im Dokumentordner"):
        admin.delete_document(settings, "../secret.md")
    assert outside.exists()


def test_delete_waits_for_no_running_ingest(settings: Settings) -> None:
    make_corpus(settings.corpus_dir)
    with ingest_lock(settings.data_dir), pytest.raises(IndexLocked):
        admin.delete_document(settings, "beispielstadt.md")
    assert (settings.corpus_dir / "beispielstadt.md").exists()


def test_document_rows_show_status_and_warnings(settings: Settings) -> None:
    docs = make_corpus(settings.corpus_dir)
    (docs / "kopie.md").write_bytes((docs / "beispielstadt.md").read_bytes())
    make_image_only_pdf(docs / "scan.pdf")
    report = admin.run_and_record(settings)
    assert report.count("failed") == 1
    (docs / "spaeter.txt").write_text("Kommt später.", encoding="utf-8")
    rows = {r.doc_id: r for r in admin.document_rows(settings)}
    assert rows["musterhausen.pdf"].status == "indexed"
    assert rows["musterhausen.pdf"].pages == 3 and rows["musterhausen.pdf"].chunks
    assert rows["musterhausen.pdf"].stand == "2023-05-01"
    assert rows["kopie.md"].status == "skipped"  # same content: indexed once, under one name
    assert rows["kopie.md"].warnings == (
        "Duplikat von „beispielstadt.md“ (gleicher Inhalt) – nur einmal eingelesen.",
    )
    assert rows["scan.pdf"].status == "failed"
    assert "gescanntes PDF" in rows["scan.pdf"].warnings[0]
    assert rows["spaeter.txt"].status == "pending"


def test_status_record_follows_removed_documents(settings: Settings) -> None:
    docs = make_corpus(settings.corpus_dir)
    make_image_only_pdf(docs / "scan.pdf")
    admin.run_and_record(settings)
    assert admin.load_status(settings.data_dir)["scan.pdf"]["status"] == "failed"
    admin.delete_document(settings, "scan.pdf")
    assert "scan.pdf" not in admin.load_status(settings.data_dir)
    dry = admin.run_and_record(settings, dry_run=True)
    assert {o.status for o in dry.outcomes} == {"unchanged"}


def _settings(docs_dir: Path) -> Settings:
    return Settings(data_dir=docs_dir.parent / "data", corpus_dir=docs_dir, upload_max_mb=5)


def test_upload_waits_for_no_writer(docs_dir: Path) -> None:
    """An upload rewrites the folder and manifest only under the single-writer lock."""
    make_corpus(docs_dir)
    config = _settings(docs_dir)
    with ingest_lock(config.data_dir), pytest.raises(IndexLocked):
        admin.save_upload(config, "neu.md", b"# Neu", admin.UploadMeta())
    assert not (docs_dir / "neu.md").exists()
    assert "neu.md" not in (docs_dir / "manifest.yaml").read_text(encoding="utf-8")
