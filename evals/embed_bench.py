"""Default USE embedder against its int8 onnxruntime variant: speed, memory, agreement (README).

    .venv/bin/python -m evals.embed_bench --data-dir DATA [--rounds 3] [--json FILE]

Takes the embedding texts of the chunks of an ingested index (``konzeptlotse ingest`` first;
for >= 2,000 chunks a synthetic corpus from ``evals.scale_corpus``), embeds them alternately
with ``use-multilingual-v3`` (numpy) and ``use-multilingual-v3-int8`` (onnxruntime), both
on one thread, so that load from other processes hits both alike, and reports chunks/s and
tokens/s per model (median of the rounds), the speed-up, and the cosine of each int8 vector
to the default vector of the same text (min and mean). The memory a model costs (RSS growth
from loading it and embedding a few texts) is measured in a fresh process per model.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embed import USE_INT8_MODEL, USE_MODEL, load_embeddings, use_tokenizer
from assistant.errors import EmbeddingModelMismatch
from assistant.store import Index

__all__ = ["chunk_texts", "main", "memory", "speed"]

MODELS = (USE_MODEL, USE_INT8_MODEL)


def chunk_texts(data_dir: Path) -> list[str]:
    """The texts the embedder saw for every chunk of the index in ``data_dir``."""
    for model in MODELS:
        try:
            index = Index.open(data_dir, model)
        except EmbeddingModelMismatch:
            continue
        try:
            return [chunk.embed_text for chunk in index.chunks()]
        finally:
            index.close()
    raise SystemExit(f"Kein mit USE gebauter Index in {data_dir}.")


def speed(texts: list[str], rounds: int) -> dict[str, Any]:
    """Seconds per round for each model (alternating) and the int8 vectors' cosines."""
    tokens = sum(use_tokenizer()(t) for t in texts)  # also fills the word cache for both
    encoders = {m: load_embeddings(m) for m in MODELS}
    seconds: dict[str, list[float]] = {m: [] for m in MODELS}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(rounds):
        for model, encoder in encoders.items():
            started = time.perf_counter()
            vectors[model] = encoder.encode(texts)
            seconds[model].append(time.perf_counter() - started)
    cosines = np.sum(vectors[USE_MODEL] * vectors[USE_INT8_MODEL], axis=1)
    result: dict[str, Any] = {"chunks": len(texts), "tokens": tokens, "rounds": rounds}
    for model in MODELS:
        median = statistics.median(seconds[model])
        result[model] = {
            "seconds": [round(s, 2) for s in seconds[model]],
            "chunks_per_s": round(len(texts) / median, 1),
            "tokens_per_s": round(tokens / median),
        }
    ratios = [a / b for a, b in zip(seconds[USE_MODEL], seconds[USE_INT8_MODEL], strict=True)]
    result["speedup_median"] = round(statistics.median(ratios), 2)
    result["speedup_rounds"] = [round(r, 2) for r in ratios]
    result["cosine_min"] = round(float(cosines.min()), 5)
    result["cosine_mean"] = round(float(cosines.mean()), 5)
    return result


def memory(model: str, texts: list[str]) -> dict[str, float]:
    """In this process: RSS (MB) before loading ``model``, after loading, after embedding."""
    use_tokenizer()
    before = _rss_mb()
    encoder = load_embeddings(model)
    encoder.encode(texts[:1])
    loaded = _rss_mb()
    encoder.encode(texts)
    return {
        "before_mb": before,
        "loaded_mb": loaded,
        "after_encode_mb": _rss_mb(),
        "growth_mb": round(loaded - before, 1),
    }


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _memory_in_fresh_process(model: str, data_dir: Path) -> dict[str, float]:
    command = [
        sys.executable,
        "-m",
        "evals.embed_bench",
        "--data-dir",
        str(data_dir),
        "--memory-of",
        model,
    ]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout))


def main(argv: list[str] | None = None) -> int:
    """Print (and optionally save) the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m evals.embed_bench")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--memory-of", choices=MODELS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    texts = chunk_texts(args.data_dir)
    if args.memory_of:
        print(json.dumps(memory(args.memory_of, texts[:200])))
        return 0
    result = {"memory": {m: _memory_in_fresh_process(m, args.data_dir) for m in MODELS}}
    result.update(speed(texts, args.rounds))
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
