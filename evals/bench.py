"""Speed and memory benchmark: ``make bench`` (figures go into the README, not into tests).

Measures on the bundled corpus, in a fresh temporary data directory:
* ingest from scratch (seconds, chunks per second) and a no-change re-run,
* ``ask`` latency: the first question (cold: model and index load) and all evaluation
  questions warm (p50 / p95 / max),
* the cost of one query vector per model (USE, and e5 when its channel is on), p50 / p95
  over the evaluation questions, uncached: the share of a question's time spent embedding,
* peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant import e5
from assistant.api import Assistant
from assistant.embed import load_embeddings
from assistant.privacy import apply_offline_defaults
from assistant.settings import Settings
from ingest import run_ingest

from .dataset import DEFAULT_DATASET, load_questions
from .metrics import percentile

__all__ = ["main", "run_bench"]


def run_bench(settings: Settings) -> dict[str, Any]:
    """Run all measurements; returns the figures."""
    started = time.perf_counter()
    report = run_ingest(settings)
    ingest_s = time.perf_counter() - started
    started = time.perf_counter()
    run_ingest(settings)
    unchanged_s = time.perf_counter() - started

    questions = load_questions(DEFAULT_DATASET)
    assistant = Assistant(settings)
    started = time.perf_counter()
    assistant.ask(questions[0].question)
    cold_ms = (time.perf_counter() - started) * 1000
    warm = []
    for question in questions:
        started = time.perf_counter()
        assistant.ask(question.question, history=question.history)
        warm.append((time.perf_counter() - started) * 1000)
    texts = [q.question for q in questions]
    figures = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {_cpus()} CPU, Python {platform.python_version()}",
        "documents": len(report.outcomes),
        "chunks": report.chunks,
        "ingest_s": round(ingest_s, 1),
        "chunks_per_s": round(report.chunks / ingest_s, 1) if ingest_s else 0.0,
        "reingest_unchanged_s": round(unchanged_s, 2),
        "ask_cold_ms": round(cold_ms),
        "ask_warm_p50_ms": round(percentile(warm, 50), 1),
        "ask_warm_p95_ms": round(percentile(warm, 95), 1),
        "ask_warm_max_ms": round(max(warm), 1),
        "questions": len(warm),
    }
    embedder = load_embeddings(assistant.index.model)
    figures |= _query_vector_ms("use", texts, embedder.embed_query)
    if e5.wanted(settings.weight_e5):
        figures |= _query_vector_ms("e5", texts, e5.embed_query)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return figures


def _query_vector_ms(
    name: str, texts: list[str], embed: Callable[[str], object]
) -> dict[str, float]:
    """p50 / p95 milliseconds of embedding each text once (no cache in between)."""
    times = []
    for text in texts:
        started = time.perf_counter()
        embed(text)
        times.append((time.perf_counter() - started) * 1000)
    return {
        f"{name}_query_p50_ms": round(percentile(times, 50), 1),
        f"{name}_query_p95_ms": round(percentile(times, 95), 1),
    }


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


def main(argv: list[str] | None = None) -> int:
    """CLI: print the figures as a table (and optionally write JSON)."""
    parser = argparse.ArgumentParser(prog="python -m evals.bench")
    parser.add_argument("--json", type=Path, help="Ergebnis zusätzlich als JSON speichern")
    args = parser.parse_args(argv)
    apply_offline_defaults()
    base = Settings.from_env()
    with tempfile.TemporaryDirectory(prefix="konzeptlotse-bench-") as tmp:
        figures = run_bench(base.with_overrides(data_dir=Path(tmp)))
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key.ljust(width)}  {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
