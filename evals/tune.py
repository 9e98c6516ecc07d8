"""Grid search of the fusion weights on the dev part of the evaluation set (retrieval only).

    .venv/bin/python -m evals.tune [--split dev]

Prints hit@1 / hit@5 / MRR@10 (gold document + page) for every combination of the character
n-gram, dense and synonym weights, best first. The defaults in ``assistant/settings.py`` were
chosen with this on ``dev``; ``--split test`` only reports.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass

from assistant.api import Assistant
from assistant.privacy import apply_offline_defaults
from assistant.retrieve import FusionWeights, retrieve
from assistant.settings import Settings
from assistant.types import Filters

from . import metrics
from .dataset import Question, load_questions

__all__ = ["GRID", "main", "score"]

GRID = {
    "chars": (0.0, 0.5, 1.0, 1.5),
    "dense": (0.0, 0.3, 0.6),
    "expansion": (0.0, 0.25, 0.5),
}


@dataclass(frozen=True)
class _Prepared:
    question: Question
    parts: tuple[tuple[str, Filters], ...]


def _prepare(assistant: Assistant, questions: list[Question]) -> list[_Prepared]:
    prepared = []
    for q in questions:
        plan = assistant.plan(q.question, history=q.history)
        prepared.append(_Prepared(q, tuple((p.text, p.filters) for p in plan.parts)))
    return prepared


def score(
    assistant: Assistant, prepared: list[_Prepared], weights: FusionWeights
) -> dict[str, float]:
    """Retrieval metrics of one weight setting (parts of a comparison interleaved)."""
    ranks = []
    for item in prepared:
        lists = [
            retrieve(assistant.index, text, 10, filters, "hybrid", weights)
            for text, filters in item.parts
        ]
        merged = [h for row in itertools.zip_longest(*lists) for h in row if h is not None]
        ranked = [(h.chunk.doc_id, h.chunk.page_start, h.chunk.page_end) for h in merged][:10]
        ranks.append(metrics.first_relevant_rank(ranked, item.question.gold))
    return {
        "hit@1": metrics.mean(metrics.hit_at(r, 1) for r in ranks),
        "hit@5": metrics.mean(metrics.hit_at(r, 5) for r in ranks),
        "mrr@10": metrics.mean(metrics.reciprocal_rank(r) for r in ranks),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the grid and print it sorted by MRR@10."""
    parser = argparse.ArgumentParser(prog="python -m evals.tune")
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    args = parser.parse_args(argv)
    apply_offline_defaults()
    assistant = Assistant(Settings.from_env())
    questions = [q for q in load_questions() if q.split == args.split and q.answerable]
    prepared = _prepare(assistant, questions)
    rows = []
    for chars, dense, expansion in itertools.product(*GRID.values()):
        weights = FusionWeights(chars=chars, dense=dense, expansion=expansion)
        rows.append((score(assistant, prepared, weights), chars, dense, expansion))
    rows.sort(key=lambda r: (-r[0]["mrr@10"], -r[0]["hit@5"]))
    print(f"{len(questions)} beantwortbare Fragen ({args.split})")
    print("chars  dense  synonyme  hit@1  hit@5  MRR@10")
    for result, chars, dense, expansion in rows:
        print(
            f"{chars:5.2f}  {dense:5.2f}  {expansion:8.2f}  {result['hit@1']:.3f}  "
            f"{result['hit@5']:.3f}  {result['mrr@10']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
