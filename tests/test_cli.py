"""The konzeptlotse command line and its JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Settings
from ui.cli import main


@pytest.fixture
def ingested(settings, musterhausen_pdf: Path) -> Path:  # type: ignore[no-untyped-def]
    data_dir = settings.data_dir
    assert (
        main(["--data-dir", str(data_dir), "ingest", "--quiet", str(musterhausen_pdf.parent)]) == 0
    )
    return data_dir


def test_ask_json_contract(ingested: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert (
        main(
            [
                "--data-dir",
                str(ingested),
                "ask",
                "--json",
                "Wie lange dauert die Sprachstandsfeststellung?",
            ]
        )
        == 0
    )
    payload = json.loads(capsys.readouterr().out)
    assert {"question", "answer", "found", "citations", "timings_ms"} <= set(payload)
    assert payload["found"] is True
    assert "45 Minuten" in payload["answer"]
    citation = payload["citations"][0]
    assert {"n", "doc_id", "title", "kommune", "page", "quote"} <= set(citation)
    assert citation == {**citation, "n": 1, "doc_id": "musterhausen.pdf", "page": 2}
    assert isinstance(payload["timings_ms"]["total"], float)


def test_a_source_without_pages_or_headings_names_neither(
    settings: Settings, docs_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Konzept Stadt Feldau\n\nDie Sprachfördergruppe in Feldau dauert zwölf Monate.\n"
    (docs_dir / "feldau.txt").write_text(text, "utf-8")
    data_dir = str(settings.data_dir)
    assert main(["--data-dir", data_dir, "ingest", "--quiet", str(docs_dir)]) == 0
    capsys.readouterr()
    main(["--data-dir", data_dir, "ask", "Wie lange dauert die Sprachfördergruppe in Feldau?"])
    out = capsys.readouterr().out
    assert "zwölf Monate" in out
    assert "[1] " in out and "Abschnitt" not in out  # was ", Abschnitt " with nothing after it


def test_ask_refusal_in_json(ingested: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    main(
        ["--data-dir", str(ingested), "ask", "--json", "Wie hoch ist das Budget für Schwimmkurse?"]
    )
    payload = json.loads(capsys.readouterr().out)
    assert payload["found"] is False
    assert payload["answer"] == "Dazu steht nichts in den Dokumenten."
    assert payload["citations"] == []


def test_ingest_summary_and_failure_exit_code(
    settings, docs_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    (docs_dir / "kaputt.pdf").write_bytes(b"%PDF-1.7\nnicht wirklich")
    (docs_dir / "notiz.md").write_text(
        "# Notiz\n\nDas Elterncafé öffnet dienstags.", encoding="utf-8"
    )
    code = main(["--data-dir", str(settings.data_dir), "ingest", "--quiet", str(docs_dir)])
    out = capsys.readouterr().out
    assert code == 3
    assert any(line.split() == ["fehlgeschlagen", "kaputt.pdf"] for line in out.splitlines())
    assert "Grund:" in out
    assert "1 neu" in out and "1 fehlgeschlagen" in out


def test_sources_lists_documents(ingested: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(ingested), "sources", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["doc_id"] == "musterhausen.pdf"
    assert row["pages"] == 3


def test_missing_index_is_a_german_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "leer"), "ask", "Frage?"]) == 1
    assert "Es gibt noch keinen Index" in capsys.readouterr().err
