"""The evaluation runner: metrics, baselines in the same run, report and JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from evals import metrics
from evals.dataset import Gold, load_questions
from evals.runner import run_cli
from ingest import run_ingest

QUESTIONS = [
    {
        "id": "t1",
        "question": "Wann tagt die Schulplatzkonferenz?",
        "category": "fakt",
        "expected": "answer",
        "split": "dev",
        "gold": [{"doc": "musterhausen.pdf", "pages": [3]}],
        "facts": [["Dienstag"]],
    },
    {
        "id": "t2",
        "question": "Wer führt die Erstberatung durch?",
        "category": "fakt",
        "expected": "answer",
        "split": "test",
        "gold": [{"doc": "musterhausen.pdf", "pages": [1]}],
        "facts": [["Kommunale Integrationszentrum", "KI"]],
    },
    {
        "id": "t3",
        "question": "Wie teuer ist das Mittagessen in der Mensa?",
        "category": "nicht_enthalten",
        "expected": "refuse",
        "split": "dev",
    },
]


def test_metric_functions() -> None:
    gold = [Gold("a.pdf", (3, 4))]
    ranked = [("b.pdf", 3, 3), ("a.pdf", 1, 2), ("a.pdf", 4, 5)]
    rank = metrics.first_relevant_rank(ranked, gold)
    assert rank == 3
    assert metrics.hit_at(rank, 1) == 0.0 and metrics.hit_at(rank, 5) == 1.0
    assert metrics.reciprocal_rank(rank) == pytest.approx(1 / 3)
    assert metrics.reciprocal_rank(None) == 0.0
    assert metrics.facts_found("Die Konferenz tagt „dienstags“.", [["Dienstag"], ["Mittwoch"]]) == [
        True,
        False,
    ]
    assert metrics.citation_is_supported("b.pdf", 9, "tagt am Dienstag", gold, [["Dienstag"]])
    assert not metrics.citation_is_supported("b.pdf", 9, "tagt am Montag", gold, [["Dienstag"]])
    assert metrics.percentile([1, 2, 3, 4], 50) == 2.5
    assert math.isnan(metrics.mean([]))


def test_eval_run_with_baselines(
    settings, musterhausen_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    run_ingest(settings)
    dataset = tmp_path / "fragen.jsonl"
    dataset.write_text(
        "\n".join(json.dumps(q, ensure_ascii=False) for q in QUESTIONS), encoding="utf-8"
    )
    assert len(load_questions(dataset)) == 3
    out = tmp_path / "run.json"
    assert run_cli(settings, dataset, out, baselines=True, split="all", limit=0) == 0
    table = capsys.readouterr().out
    for name in (
        "Konzeptlotse",
        "LangChain-Standard",
        "Nur BM25",
        "Nur Dense",
        "MRR@10",
        "Einzelfakt",
    ):
        assert name in table
    record = json.loads(out.read_text(encoding="utf-8"))
    main = record["systems"]["Konzeptlotse"]["overall"]
    assert main["hit@1"] == 1.0
    assert main["refusal_accuracy"] == 1.0
    assert main["fact_recall"] == 1.0
    assert record["systems"]["LangChain-Standard"]["overall"]["fact_recall"] is None
    rows = {q["id"]: q for q in record["questions"]}
    assert rows["t3"]["passed"] and not rows["t3"]["found"]
    assert rows["t1"]["citations"][0]["page"] == 3


def test_a_municipality_counts_as_covered_under_its_bare_or_typed_name() -> None:
    """A comparison's municipality ("Stadt Feldau" in the dataset) is covered by a citation
    labelled with the bare name a page without manifest entry gets ("Feldau"), not by the
    Kreis of that name."""
    from assistant.types import Answer, Citation
    from evals.dataset import Question
    from evals.runner import evaluate

    question = Question(
        "v1",
        "Wie ist es in Feldau und in Bergen?",
        "vergleich",
        "answer",
        kommunen=("Stadt Feldau", "Stadt Bergen"),
    )

    def cited(*kommunen: str) -> Answer:
        quotes = [Citation(n, "x.txt", "x", k, 1, "Platzhalter.") for n, k in enumerate(kommunen)]
        return Answer(question.question, "Platzhalter.", True, tuple(quotes))

    assert evaluate(question, lambda q: ([], cited("Feldau", "Stadt Bergen"))).kommune_coverage == 1
    assert evaluate(question, lambda q: ([], cited("Kreis Feldau"))).kommune_coverage == 0
