"""CLI commands for scripted administration: admin-hash, add, delete, feedback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.feedback import FeedbackStore
from assistant.settings import Settings
from assistant.types import Answer
from ingest.metadata import read_manifest
from ui.auth import verify_password
from ui.cli import main

from .pdfs import PAGES_MUSTERHAUSEN, make_pdf


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("KONZEPTLOTSE_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("KONZEPTLOTSE_DATA_DIR", str(settings.data_dir))
    return settings


def test_admin_hash_prints_a_line_for_dotenv(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["Geheim-2024", "Geheim-2024"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["admin-hash"]) == 0
    line = capsys.readouterr().out.strip()
    key, value = line.split("=", 1)
    assert key == "KONZEPTLOTSE_ADMIN_PASSWORD_HASH"
    assert verify_password("Geheim-2024", value)


def test_admin_hash_refuses_mismatch_and_short_passwords(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["Geheim-2024", "Geheim-2025"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["admin-hash"]) == 1
    assert "stimmen nicht überein" in capsys.readouterr().err
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "kurz")
    assert main(["admin-hash"]) == 1
    assert "mindestens 8 Zeichen" in capsys.readouterr().err


def test_add_and_delete_like_the_admin_page(
    cli_env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = make_pdf(tmp_path / "Konzept Muster.pdf", PAGES_MUSTERHAUSEN)
    args = ["add", str(source), "--kommune", "Stadt Musterhausen", "--stand", "2023-05-01"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "konzept-muster.pdf" in out and "neu" in out
    assert (
        read_manifest(cli_env.corpus_dir)["konzept-muster.pdf"]["kommune"] == "Stadt Musterhausen"
    )
    assert main(args) == 1  # same name again: only with --replace
    assert "gibt es schon" in capsys.readouterr().err
    assert main(["sources", "--json"]) == 0
    assert [r["doc_id"] for r in json.loads(capsys.readouterr().out)] == ["konzept-muster.pdf"]
    assert main(["delete", "konzept-muster.pdf"]) == 0
    assert "Datei, Manifest-Eintrag, Index-Eintrag" in capsys.readouterr().out
    assert not (cli_env.corpus_dir / "konzept-muster.pdf").exists()


def test_add_checks_content(
    cli_env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_text("<html><body>kein PDF</body></html>", encoding="utf-8")
    assert main(["add", str(fake), "--no-ingest"]) == 1
    assert "enthält aber HTML" in capsys.readouterr().err


def test_feedback_export(
    cli_env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    FeedbackStore.for_data_dir(cli_env.data_dir).add(Answer("Wann?", "Nie.", True), helpful=False)
    out = tmp_path / "kandidaten.jsonl"
    assert main(["feedback", "--out", str(out)]) == 0
    (candidate,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert candidate["question"] == "Wann?" and candidate["needs_review"]


def test_admin_hash_for_the_evaluator_role(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "Evaluation-2024")
    assert main(["admin-hash", "--role", "evaluator"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("KONZEPTLOTSE_EVALUATOR_PASSWORD_HASH=scrypt:")


def test_audit_exports_the_records_of_cli_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ingest import run_ingest

    from .ui_corpus import make_corpus

    docs = tmp_path / "docs"
    docs.mkdir()
    make_corpus(docs)
    data = tmp_path / "data"
    run_ingest(Settings(data_dir=data, corpus_dir=docs))
    question = "Wann tagt die Schulplatzkonferenz? Frage von Frau Kowalski, Tel. 0151 23456789"
    assert main(["--data-dir", str(data), "ask", question]) == 0
    err = capsys.readouterr().err
    assert "persönliche Angaben" in err and "Frau [Name]" in err
    assert main(["--data-dir", str(data), "audit", "--json", "--since", "2000-01-01"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["channel"] == "cli" and record["index_generation"]
    assert record["question"].endswith("Frage von Frau [Name], Tel. [Telefon]")
    assert record["personal_data_removed"] == ["name", "phone"]
    assert "Kowalski" not in "".join(p.read_text() for p in (data / "audit").glob("*.jsonl"))
    assert main(["--data-dir", str(data), "audit", "--verify"]) == 0
    assert main(["--data-dir", str(data), "audit", "--since", "gestern"]) == 1
    assert "JJJJ-MM-TT" in capsys.readouterr().err
