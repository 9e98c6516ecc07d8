"""Shared fixtures: temporary data/corpus folders, real PDFs, offline environment."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.privacy import apply_offline_defaults
from assistant.settings import Settings

from .pdfs import PAGES_MUSTERHAUSEN, make_pdf

apply_offline_defaults()

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DOCS = ROOT / "corpus" / "documents"


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    """An empty document folder."""
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder


@pytest.fixture
def settings(tmp_path: Path, docs_dir: Path) -> Settings:
    """Settings pointing at a temporary data directory and document folder."""
    return Settings(data_dir=tmp_path / "data", corpus_dir=docs_dir)


@pytest.fixture
def musterhausen_pdf(docs_dir: Path) -> Path:
    """A three-page German concept PDF with running header and page footer."""
    return make_pdf(docs_dir / "musterhausen.pdf", PAGES_MUSTERHAUSEN)


@pytest.fixture(scope="session")
def corpus_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus ingested once per test session (for slow suites)."""
    from ingest import run_ingest

    data_dir = tmp_path_factory.mktemp("corpus-index")
    run_ingest(Settings(data_dir=data_dir, corpus_dir=CORPUS_DOCS))
    return data_dir


def copy_corpus(target: Path) -> Path:
    """A copy of the bundled documents that a test may change."""
    shutil.copytree(CORPUS_DOCS, target)
    return target


@pytest.fixture(scope="session")
def office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The LibreOffice-made fixture concept as ODT, DOCX, PDF from ODT and PDF from DOCX."""
    from evals.office_fixture import build_office_fixtures

    return build_office_fixtures(tmp_path_factory.mktemp("office"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the figures tests record as ``messwert`` (e.g. the personal-data guard's)."""
    lines = [
        str(value)
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        for name, value in getattr(report, "user_properties", [])
        if name == "messwert"
    ]
    if lines:
        terminalreporter.section("Messwerte")
        for line in lines:
            terminalreporter.write_line(line)
