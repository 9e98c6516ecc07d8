"""A tiny two-municipality corpus with a manifest, and the environment the app reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import Settings

from .pdfs import PAGES_MUSTERHAUSEN, make_pdf

BEISPIELSTADT_MD = """\
# Konzept Neuzuwanderung der Stadt Beispielstadt

## Schulplatzvergabe

Die Schulplatzkonferenz der Stadt Beispielstadt tagt jeden Mittwoch im Rathaus. Sie vergibt
die Plätze an den Schulen innerhalb von drei Wochen.

## Elternarbeit

Das Elterncafé im Familienzentrum Beispielstadt öffnet donnerstags von 15 bis 17 Uhr.

## Erstberatung

Zuständig für die Erstberatung ist das Kommunale Integrationszentrum Beispielstadt (Bildungshaus,
Raum 2.05), erreichbar unter Telefon 05231 99-4410 oder per E-Mail an ki@beispielstadt.example.
Die offene Sprechstunde ist montags und mittwochs von 9 bis 12 Uhr.
"""

MANIFEST = """\
# Testkorpus
version: 1
documents:
  - file: "musterhausen.pdf"
    title: "Konzept Neuzuwanderung Musterhausen"
    issuer: "Stadt Musterhausen"
    kommune: "Stadt Musterhausen"
    doc_type: "Kommunales Konzept"
    stand: "2023-05-01"
    source: "Testdokument"
  - file: "beispielstadt.md"
    title: "Konzept Neuzuwanderung Beispielstadt"
    kommune: "Stadt Beispielstadt"
    doc_type: "Handreichung"
    stand: "2021-02-01"
"""


def make_corpus(docs_dir: Path) -> Path:
    """Write the PDF, the Markdown file and the manifest into ``docs_dir``."""
    make_pdf(docs_dir / "musterhausen.pdf", PAGES_MUSTERHAUSEN)
    (docs_dir / "beispielstadt.md").write_text(BEISPIELSTADT_MD, encoding="utf-8")
    (docs_dir / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    return docs_dir


def app_env(monkeypatch: pytest.MonkeyPatch, settings: Settings, password_hash: str = "") -> None:
    """Point the app at the test folders (and neutralise a developer's ``.env``)."""
    monkeypatch.setenv("KONZEPTLOTSE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("KONZEPTLOTSE_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("KONZEPTLOTSE_ADMIN_PASSWORD_HASH", password_hash)
