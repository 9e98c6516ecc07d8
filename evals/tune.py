"""Grid search of the fusion weights on the dev halves of all evaluation corpora (retrieval).

    .venv/bin/python -m evals.tune [--split dev]

Prints hit@1 / hit@5 / MRR@10 (gold document + page) per corpus and their mean for every
combination of the character n-gram, dense and synonym weights, best mean MRR@10 first. The
defaults in ``assistant/settings.py`` were chosen with this on ``dev``; ``--split test`` only
reports.
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
from .corpora import available, prepare_index
from .dataset import Question

__all__ = ["GRID", "main", "score"]

GRID = {
    "chars": (0.0, 0.5, 1.0, 1.5),
    "dense": (0.0, 0.2, 0.4, 0.6, 0.8),
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
    """Run the grid on every corpus and print it sorted by mean MRR@10."""
    parser = argparse.ArgumentParser(prog="python -m evals.tune")
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    args = parser.parse_args(argv)
    apply_offline_defaults()
    settings = Settings.from_env()
    prepared = {}
    for corpus in available():
        assistant = Assistant(prepare_index(settings, corpus))
        questions = [q for q in corpus.load() if q.split == args.split and q.gold]
        prepared[corpus.name] = (assistant, _prepare(assistant, questions))
    rows = []
    for chars, dense, expansion in itertools.product(*GRID.values()):
        weights = FusionWeights(chars=chars, dense=dense, expansion=expansion)
        results = {n: score(a, p, weights) for n, (a, p) in prepared.items()}
        mean = sum(r["mrr@10"] for r in results.values()) / len(results)
        rows.append((mean, results, chars, dense, expansion))
    rows.sort(key=lambda r: -r[0])
    names = list(prepared)
    print(f"Split {args.split}; je Korpus hit@5 / MRR@10, sortiert nach mittlerem MRR@10")
    print("chars  dense  synonyme  mittel  " + "  ".join(f"{n:>13}" for n in names))
    for mean, results, chars, dense, expansion in rows:
        cells = "  ".join(
            f"{results[n]['hit@5']:.3f}/{results[n]['mrr@10']:.3f}".rjust(13) for n in names
        )
        print(f"{chars:5.2f}  {dense:5.2f}  {expansion:8.2f}  {mean:6.3f}  {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
