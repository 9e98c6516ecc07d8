"""Per-corpus calibration and the evaluation suite over several corpora (mini corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import evals.corpora as corpora
import evals.runner as runner
from assistant import Assistant
from assistant.calibration import load_calibration
from assistant.settings import Settings
from evals.corpora import EvalCorpus
from ingest import run_ingest
from ui.cli import main

from .minicorpus import write_minicorpus

QUESTIONS = [
    {
        "id": "m1",
        "question": "Wie lange bleiben Kinder in Adorf höchstens in der Sprachfördergruppe?",
        "category": "fakt",
        "expected": "answer",
        "split": "dev",
        "gold": [
            {"doc": "adorf-fortschreibung.md", "pages": [1]},
            {"doc": "adorf.md", "pages": [1]},
        ],
        "facts": [["zwölf Monate"]],
    },
    {
        "id": "m2",
        "question": "Wie viele Lernpaten gibt es im Kreis Cedorf?",
        "category": "fakt",
        "expected": "answer",
        "split": "test",
        "gold": [{"doc": "cekreis.md", "pages": [1]}],
        "facts": [["85 Lernpaten"]],
    },
    {
        "id": "m3",
        "question": "Wie viel Geld bekommen die Lernpaten im Kreis Cedorf pro Einsatz?",
        "category": "nicht_enthalten",
        "expected": "refuse",
        "split": "dev",
        "notes": "Lernpaten gibt es, eine Vergütung steht nicht im Dokument.",
    },
    {
        "id": "m4",
        "question": "Wie viele Lesepaten gibt es in Dedorf?",
        "category": "nicht_enthalten",
        "expected": "refuse",
        "split": "test",
        "notes": "Dedorf kommt nicht vor; Lesepaten nur in Adorf.",
    },
]


def _dataset(folder: Path) -> Path:
    path = folder / "fragen.jsonl"
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in QUESTIONS), "utf-8")
    return path


def test_calibrate_stores_the_threshold_with_the_index(
    settings: Settings, docs_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_minicorpus(docs_dir)
    run_ingest(settings)
    dataset = _dataset(tmp_path)
    code = main(["--data-dir", str(settings.data_dir), "calibrate", "--dataset", str(dataset)])
    assert code == 0
    assert "Ablehnungsschwelle" in capsys.readouterr().out
    calibration = load_calibration(settings.data_dir)
    assert calibration is not None and calibration.questions == len(QUESTIONS)
    assert calibration.false_refusal <= 0.5  # at most one of the two answerable questions
    assert Assistant(settings).threshold == pytest.approx(calibration.answer_threshold)
    explicit = settings.with_overrides(refusal_threshold="0.9")
    assert Assistant(explicit).threshold == 0.9  # the setting wins over the calibration


def test_near_misses_of_the_mini_corpus_are_refused_with_a_reason(
    settings: Settings, docs_dir: Path
) -> None:
    write_minicorpus(docs_dir)
    run_ingest(settings)
    assistant = Assistant(settings)
    answer = assistant.ask("Wie viele Lesepaten gibt es in Dedorf?")
    assert not answer.found
    amount = assistant.ask("Wie viel Geld bekommen die Lernpaten im Kreis Cedorf pro Einsatz?")
    assert not amount.found
    assert any("nennen aber keinen Betrag" in n for n in amount.notes)


def test_suite_reports_every_corpus_with_and_without_manifest(
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    documents = write_minicorpus(tmp_path / "mini")
    corpus = EvalCorpus("mini", "Minikorpus", documents, _dataset(tmp_path))
    monkeypatch.setattr(corpora, "CORPORA", {"mini": corpus})
    monkeypatch.setattr(runner, "available", lambda: [corpus])
    out = tmp_path / "suite.json"
    assert runner.run_cli(settings, None, out, baselines=False, split="all", limit=0) == 0
    report = capsys.readouterr().out
    assert "Minikorpus · mit Manifest" in report and "Minikorpus · ohne Manifest" in report
    record = json.loads(out.read_text(encoding="utf-8"))
    with_manifest = record["corpora"]["Minikorpus · mit Manifest"]["overall"]
    without = record["corpora"]["Minikorpus · ohne Manifest"]["overall"]
    assert with_manifest["hit@5"] == 1.0
    assert without["hit@5"] == 1.0  # found without manifest entries too
    assert "Minikorpus · eigene Kalibrierung (dev)" in record["corpora"]
