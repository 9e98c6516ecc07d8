"""Quality floors on both evaluation corpora (slow): a regression in retrieval or answering
fails CI.

The floors sit a little below the figures measured when they were set (README, evaluation
section, 2026-11-30), so that noise does not fail the build but a real regression does. They
guard the whole set of each corpus, with manifest and without, plus XQuAD-de retrieval.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.settings import Settings
from evals.corpora import CORPORA, prepare_index
from evals.runner import run_evaluation

pytestmark = pytest.mark.slow

XQUAD = Path(
    os.environ.get(
        "KONZEPTLOTSE_XQUAD_DIR",
        Path(__file__).resolve().parents[2] / "shared" / "datasets" / "xquad-de",
    )
)
# Measured 2026-11-30 (`konzeptlotse eval`, fresh data folder, commit 031f585), with manifest:
#   Beispielkorpus: hit@5 0.921, MRR 0.837, facts 0.636, citations 0.730, refusals 0.571,
#                   false refusals 0.070, municipalities covered 0.902
#   Zweitkorpus:    hit@5 0.963, MRR 0.902, facts 0.689, citations 0.792, refusals 0.500,
#                   false refusals 0.037, municipalities covered 1.000
FLOORS = {
    "beispiel": {
        "hit@5": 0.90,
        "mrr@10": 0.82,
        "fact_recall": 0.55,
        "citation_precision": 0.65,
        "refusal_accuracy": 0.50,
        "kommune_coverage": 0.85,
    },
    "zweit": {
        "hit@5": 0.94,
        "mrr@10": 0.85,
        "fact_recall": 0.63,
        "citation_precision": 0.75,
        "refusal_accuracy": 0.43,
        "kommune_coverage": 0.90,
    },
}
CEILINGS = {"false_refusal": 0.10}
WITHOUT_MANIFEST_HIT5 = 0.85  # the same files dropped in without manifest entries


def _run(tmp_path_factory: pytest.TempPathFactory, name: str, manifest: bool) -> dict:
    settings = Settings(data_dir=tmp_path_factory.mktemp(f"gate-{name}"))
    corpus = CORPORA[name]
    local = prepare_index(settings, corpus, manifest=manifest)
    return run_evaluation(local, corpus.load(), baselines=manifest)


@pytest.fixture(scope="module", params=["beispiel", "zweit"])
def record(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    return request.param, _run(tmp_path_factory, request.param, manifest=True)


def test_each_corpus_meets_its_floors(record: tuple) -> None:
    name, run = record
    overall = run["systems"]["Konzeptlotse"]["overall"]
    for metric, floor in FLOORS[name].items():
        assert overall[metric] >= floor, f"{name}: {metric} {overall[metric]:.3f} < {floor}"
    for metric, ceiling in CEILINGS.items():
        assert overall[metric] <= ceiling, f"{name}: {metric} {overall[metric]:.3f} > {ceiling}"


def test_konzeptlotse_beats_the_langchain_baseline(record: tuple) -> None:
    name, run = record
    systems = run["systems"]
    ours = systems["Konzeptlotse"]["overall"]["mrr@10"]
    plain = systems["LangChain-Standard"]["overall"]["mrr@10"]
    assert ours >= plain + 0.15, name


@pytest.mark.parametrize("name", ["beispiel", "zweit"])
def test_documents_without_manifest_are_still_found(
    name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    run = _run(tmp_path_factory, name, manifest=False)
    overall = run["systems"]["Konzeptlotse"]["overall"]
    assert overall["hit@5"] >= WITHOUT_MANIFEST_HIT5, f"{name}: {overall['hit@5']:.3f}"


@pytest.mark.skipif(not XQUAD.is_dir(), reason="XQuAD-de liegt nicht unter ../shared/datasets")
def test_xquad_de_paragraph_retrieval(tmp_path: Path) -> None:
    from evals.xquad import run_xquad

    record = run_xquad(Settings(data_dir=tmp_path), XQUAD, limit=400)
    assert record["systems"]["Konzeptlotse (Standard)"]["overall"]["mrr@10"] >= 0.93
