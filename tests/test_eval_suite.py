"""Per-corpus calibration and the evaluation suite over several corpora (mini corpus)."""

from __future__ import annotations

import json
from dataclasses import replace
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
    neutral = record["corpora"][f"Minikorpus · {runner.NEUTRAL}"]["overall"]
    assert neutral["hit@5"] == 1.0  # the gold documents under their neutral names
    copies = tmp_path / "data" / "eval-korpora" / "mini-ohne-manifest-neutrale-namen" / "docs"
    assert sorted(f.name for f in copies.iterdir()) == sorted(
        corpora.neutral_names(corpus).values()
    )
    assert "Minikorpus · eigene Kalibrierung (dev)" in record["corpora"]
    lowercase = record["corpora"]["Minikorpus · Fragen kleingeschrieben"]["overall"]
    assert lowercase["hit@5"] == 1.0 and lowercase["n"] == with_manifest["n"]
    assert "Minikorpus · Fragen mit Tippfehler" in record["corpora"]
    assert "Minikorpus · Fragen mit Gruß und Dank" in record["corpora"]
    assert runner._framed("Wer berät?") == "Hallo, kurze Frage: wer berät? Danke!"
    assert "Minikorpus · Fragen mit Vorrede" in record["corpora"]
    assert runner._prefaced("Wer berät?").endswith(". Wer berät?")
    assert runner._chatted("Wer berät in Adorf?").endswith(
        "hallo, kurze frage: wer berät in adorf? danke!"
    )
    question = replace(corpus.load()[0], history=("Wer berät in Adorf?",))
    typed = runner._as_typed(question, runner._TYPED[runner.LOWERCASE])
    assert typed.question == question.question.lower() != question.question
    assert typed.history == ("wer berät in adorf?",) and typed.id == question.id
    assert runner._slipped("Wie lange dauert die Sprachstandsfeststellung?") == (
        "Wie lange dauert die Sprachstandseststellung?"
    )
    assert runner._slipped("Wer berät?") == "Wer berät?"  # no word of 8 letters


def test_refusal_budget_keeps_unseen_false_refusals_within_the_target() -> None:
    """A threshold fitted on n answerable questions refuses more than MAX_FALSE_REFUSAL of
    unseen answerable questions in at most 1 - CONFIDENCE of the fits (plus sampling slack);
    the former plain 8 % share of n does not keep to that with a few dozen questions."""
    import random

    from evals.calibrate import CONFIDENCE, MAX_FALSE_REFUSAL, refusal_budget, threshold_for

    rng = random.Random(7)
    trials = 2000
    for n in (30, 45, 60):
        # Scores uniform on [0, 1]: the unseen false-refusal rate of a threshold is the threshold.
        over = sum(
            threshold_for([rng.random() for _ in range(n)]) > MAX_FALSE_REFUSAL
            for _ in range(trials)
        )
        assert over / trials <= 1 - CONFIDENCE + 0.03, n
        if n < 60:  # the check can fail: the plain share misses the target far more often
            plain = sum(
                sorted(rng.random() for _ in range(n))[int(0.08 * n)] > MAX_FALSE_REFUSAL
                for _ in range(trials)
            )
            assert plain / trials > 1 - CONFIDENCE + 0.05, n
    assert [refusal_budget(n) for n in (10, 26, 27, 39, 155)] == [0, 0, 1, 2, 12]


def test_threshold_counts_requirement_refusals_against_the_budget() -> None:
    from evals.calibrate import threshold_for

    scores: list[float | None] = [i / 40 for i in range(40)]
    assert threshold_for(scores) == pytest.approx(2 / 40, abs=1e-5)  # budget 2 of 40
    blocked: list[float | None] = [None, None, *scores[2:]]  # two refused by requirements
    assert threshold_for(blocked) == pytest.approx(2 / 40, abs=1e-5)  # nothing more refused
    assert threshold_for([None, None, None, *scores[3:]]) == 0.0  # over budget already
    with pytest.raises(ValueError):
        threshold_for([])


def test_split_check_shows_the_plain_share_missing_the_target_more_often() -> None:
    """``python -m evals.calibrate --split-check`` on synthetic questions: uniform scores for
    60 answerable and 20 unanswerable questions (lower scores)."""
    import random

    from evals.calibrate import PLAIN_SHARE, Scored, refusal_budget, split_check

    rng = random.Random(3)
    scored = [Scored(True, ((True, rng.random()),)) for _ in range(60)]
    scored += [Scored(False, ((False, rng.random() * 0.3),)) for _ in range(20)]
    plain, plain_accuracy = split_check(scored, lambda n: int(PLAIN_SHARE * n), rounds=100)
    bound, bound_accuracy = split_check(scored, refusal_budget, rounds=100)
    assert bound < plain and bound <= 0.3
    assert bound_accuracy <= plain_accuracy  # the margin costs refusals, never the reverse


def test_neutral_names_hide_folder_and_file_name_and_follow_the_corpus(tmp_path: Path) -> None:
    """The neutral copy names files "dok01.md", … in path order, the gold documents of the
    questions follow, and a file the corpus no longer has leaves the copy."""
    documents = write_minicorpus(tmp_path / "mini")
    (documents / "unterordner").mkdir()
    (documents / "unterordner" / "kreis_adorf_seite.txt").write_text("Platzhalter.", "utf-8")
    corpus = EvalCorpus("mini", "Minikorpus", documents, _dataset(tmp_path))
    names = corpora.neutral_names(corpus)
    assert "manifest.yaml" not in names and names["unterordner/kreis_adorf_seite.txt"]
    assert sorted(n.split(".")[0] for n in names.values()) == [
        f"dok{i:02d}" for i in range(1, len(names) + 1)
    ]
    assert all(n.endswith(Path(p).suffix) for p, n in names.items())
    question = corpus.load()[0]
    gold = corpora.renamed(question, names).gold
    assert [g.doc for g in gold] == [names[g.doc] for g in question.gold] and gold
    copy = tmp_path / "copy"
    corpora._copy_without_manifest(corpus, copy, names)
    assert sorted(f.name for f in copy.rglob("*")) == sorted(names.values())
    (documents / "unterordner" / "kreis_adorf_seite.txt").unlink()
    corpora._copy_without_manifest(corpus, copy, corpora.neutral_names(corpus))
    assert len(list(copy.rglob("*"))) == len(names) - 1
