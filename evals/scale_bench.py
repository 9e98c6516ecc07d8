"""Scale benchmark: ``make bench-scale`` (figures for the README, not for tests).

For each corpus size (default about 2,000 / 10,000 / 30,000 / 100,000 chunks) it builds a
synthetic German corpus (``evals.scale_corpus``: the bundled documents plus documents
recombined from their sentences, nothing downloaded), ingests it into a fresh data directory
and measures, each step in its own process:

* **ingest**: wall time, chunks, of which embedding (time spent inside the embedder), peak
  RSS; with the real USE model up to ``--fake-from`` chunks. From that size on the ingest
  time is measured with a deterministic fake embedder (a hash of the text, no model) and is
  marked as such; the index the questions run on is still built with real USE vectors;
* **raw embedding** (``--raw-upto``): the same chunks embedded alone, the reference for
  "ingest within 1.3x of the embedding time";
* **cold start**: from starting a Python process to the first answer (imports, opening the
  published generation, the first question);
* **warm questions**: all questions of ``evals/fragen.jsonl`` (follow-ups with their history,
  17 comparisons) twice, p50/p95 overall and for comparisons;
* **peak RSS** of the answering process and the **size on disk** of the generation.

Real USE vectors are kept in ``<work>/embeddings`` (keyed by a hash of the chunk text), so
the 100k index, whose corpus contains the smaller ones, embeds only what is new, and a
second run embeds nothing. The ingest figures of real-model runs never read that cache.
``--readme`` writes the table between the ``bench-scale`` markers of README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["main"]

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (2_000, 10_000, 30_000, 100_000)
README_START = "<!-- bench-scale:start -->"
README_END = "<!-- bench-scale:end -->"
DIM = 512


# --- embedders used while ingesting --------------------------------------------------------


class _Timed:
    """Wraps an encoder and sums the seconds spent embedding passages."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seconds = 0.0
        self.texts = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        started = time.perf_counter()
        vectors = self.inner.embed_documents(texts)
        self.seconds += time.perf_counter() - started
        self.texts += len(texts)
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return list(self.inner.embed_query(text))

    def encode(self, texts: Sequence[str], query: bool = False) -> np.ndarray:
        return np.asarray(self.inner.encode(texts, query))


class FakeEmbeddings:
    """Deterministic unit vectors from a hash of the text (no model; ingest timing only)."""

    def encode(self, texts: Sequence[str], query: bool = False) -> np.ndarray:
        rows = [_fake_vector(t) for t in texts]
        return np.vstack(rows) if rows else np.zeros((0, DIM), dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(map(float, row)) for row in self.encode(texts)]

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in _fake_vector(text)]


def _fake_vector(text: str) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
    vector = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    return vector / np.linalg.norm(vector)


class CachedEmbeddings:
    """Real vectors, looked up in (and added to) an on-disk cache keyed by the text's hash."""

    def __init__(self, inner: Any, folder: Path, read: bool = True) -> None:
        self.inner, self.folder, self.read = inner, folder, read
        self.keys: dict[str, int] = {}
        self.matrix = np.zeros((0, DIM), dtype=np.float32)
        if (folder / "keys.json").is_file():
            self.keys = json.loads((folder / "keys.json").read_text(encoding="utf-8"))
            self.matrix = np.load(folder / "vectors.npy")
        self.new: dict[str, np.ndarray] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def encode(self, texts: Sequence[str], query: bool = False) -> np.ndarray:
        if query:
            return np.asarray(self.inner.encode(texts, query))
        keys = [hashlib.sha256(t.encode()).hexdigest()[:32] for t in texts]
        missing = [i for i, k in enumerate(keys) if not self._known(k)]
        if missing:
            fresh = np.asarray(self.inner.encode([texts[i] for i in missing]), dtype=np.float32)
            for i, row in zip(missing, fresh, strict=True):
                self.new[keys[i]] = row
        return np.vstack([self._vector(k) for k in keys]) if keys else self.matrix[:0]

    def _known(self, key: str) -> bool:
        return key in self.new or (self.read and key in self.keys)

    def _vector(self, key: str) -> np.ndarray:
        return self.new[key] if key in self.new else self.matrix[self.keys[key]]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(map(float, row)) for row in self.encode(texts)]

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in self.inner.encode([text], True)[0]]

    def save(self) -> None:
        """Append the vectors computed in this run to the cache."""
        fresh = {k: v for k, v in self.new.items() if k not in self.keys}
        if not fresh:
            return
        start = len(self.keys)
        self.keys.update({k: start + i for i, k in enumerate(fresh)})
        self.matrix = np.vstack([self.matrix, np.vstack(list(fresh.values()))])
        self.folder.mkdir(parents=True, exist_ok=True)
        np.save(self.folder / "vectors.npy", self.matrix)
        (self.folder / "keys.json").write_text(json.dumps(self.keys), encoding="utf-8")


# --- child processes ---------------------------------------------------------------------


def _settings(data_dir: Path, corpus_dir: Path) -> Any:
    from assistant.privacy import apply_offline_defaults
    from assistant.settings import Settings

    apply_offline_defaults()
    # Without the e5 channel: it embeds about 14 chunks/s on two cores, the 100k build would
    # take two hours; the figures stay comparable with those before it existed (README).
    return Settings.from_env().with_overrides(
        data_dir=data_dir, corpus_dir=corpus_dir, weight_e5=0.0
    )


def _child_ingest(args: argparse.Namespace) -> dict[str, Any]:
    """Ingest ``corpus_dir`` with the chosen embedder; figures as a dict."""
    import assistant.store as store
    from assistant.embed import load_embeddings
    from ingest import run_ingest

    settings = _settings(args.data_dir, args.corpus_dir)
    real = load_embeddings("use-multilingual-v3") if args.embeddings != "fake" else None
    if args.embeddings == "fake":
        inner: Any = FakeEmbeddings()
    else:
        inner = CachedEmbeddings(real, args.cache, read=args.embeddings == "cached")
    timed = _Timed(inner)
    store.load_embeddings = lambda model: timed  # type: ignore[assignment]
    started = time.perf_counter()
    report = run_ingest(settings, on_progress=None)
    seconds = time.perf_counter() - started
    if isinstance(inner, CachedEmbeddings):
        inner.save()
    return {
        "ingest_s": round(seconds, 1),
        "embed_s": round(timed.seconds, 1),
        "embedded": timed.texts,
        "chunks": report.chunks,
        "documents": report.count("new"),
        "failed": len(report.failed),
        "ingest_peak_rss_mb": _peak_rss_mb(),
    }


def _child_raw_embedding(args: argparse.Namespace) -> dict[str, Any]:
    """Embed the chunks of the published generation alone (the ingest's reference time)."""
    from assistant.embed import load_embeddings, resolve_model
    from assistant.store import Index

    settings = _settings(args.data_dir, args.corpus_dir)
    index = Index.open(settings.data_dir, resolve_model(settings.embedding_model))
    texts = [c.embed_text for c in index.chunks()]
    model = load_embeddings("use-multilingual-v3")
    model.embed_query("Bereit.")
    started = time.perf_counter()
    for start in range(0, len(texts), 64):
        model.embed_documents(texts[start : start + 64])
    seconds = time.perf_counter() - started
    return {"raw_embed_s": round(seconds, 1), "raw_embed_per_s": round(len(texts) / seconds, 1)}


def _child_questions(args: argparse.Namespace) -> dict[str, Any]:
    """First answer (prints FIRST for the parent's clock), then all questions twice, warm."""
    from assistant.api import Assistant

    from .dataset import DEFAULT_DATASET, load_questions
    from .metrics import percentile

    settings = _settings(args.data_dir, args.corpus_dir)
    questions = load_questions(DEFAULT_DATASET)
    assistant = Assistant(settings)
    started = time.perf_counter()
    assistant.ask(questions[0].question)
    first_s = time.perf_counter() - started
    print("FIRST", flush=True)
    warm: list[float] = []
    comparisons: list[float] = []
    for _ in range(args.rounds):
        for question in questions:
            started = time.perf_counter()
            assistant.ask(question.question, history=question.history)
            ms = (time.perf_counter() - started) * 1000
            warm.append(ms)
            if question.category == "vergleich":
                comparisons.append(ms)
    return {
        "first_answer_in_process_s": round(first_s, 2),
        "warm_p50_ms": round(percentile(warm, 50)),
        "warm_p95_ms": round(percentile(warm, 95)),
        "warm_max_ms": round(max(warm)),
        "comparison_p95_ms": round(percentile(comparisons, 95)),
        "questions": len(warm),
        "query_peak_rss_mb": _peak_rss_mb(),
    }


def _peak_rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


# --- the parent ---------------------------------------------------------------------------


def _run_child(command: str, extra: list[str], env: dict[str, str]) -> tuple[dict[str, Any], float]:
    """Run ``python -m evals.scale_bench <command>``; (its JSON, seconds until FIRST or end)."""
    argv = [sys.executable, "-m", "evals.scale_bench", command, *extra]
    started = time.perf_counter()
    first = 0.0
    with subprocess.Popen(
        argv, cwd=Path.cwd(), env=env, stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            if line.strip() == "FIRST" and not first:
                first = time.perf_counter() - started
            lines.append(line)
        if process.wait() != 0:
            raise RuntimeError(f"{command} failed:\n{''.join(lines[-20:])}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result, first or time.perf_counter() - started


def measure_size(
    size: int,
    work: Path,
    fake_from: int,
    raw_upto: int,
    rounds: int,
    real_upto: int = 10**9,
) -> dict[str, Any]:
    """All figures for one corpus size (the corpus and its index are rebuilt from scratch)."""
    from .scale_corpus import build_corpus, documents_for

    corpus = build_corpus(work / f"corpus-{size}", documents_for(size))
    data = work / f"data-{size}"
    cache = work / "embeddings"
    env = dict(os.environ, PYTHONHASHSEED="0")
    paths = ["--data-dir", str(data), "--corpus-dir", str(corpus), "--cache", str(cache)]
    figures: dict[str, Any] = {"size": size}
    if size >= fake_from:
        shutil.rmtree(data, ignore_errors=True)
        timing, _ = _run_child("_ingest", [*paths, "--embeddings", "fake"], env)
        figures |= timing | {"ingest_embeddings": "fake"}
        if size <= real_upto:  # the questions run on real vectors
            shutil.rmtree(data, ignore_errors=True)
            built, _ = _run_child("_ingest", [*paths, "--embeddings", "cached"], env)
            figures["chunks"] = built["chunks"]
        else:
            figures["index_vectors"] = "fake"
    else:
        shutil.rmtree(data, ignore_errors=True)
        timing, _ = _run_child("_ingest", [*paths, "--embeddings", "real"], env)
        figures |= timing | {"ingest_embeddings": "real"}
    if size <= raw_upto:
        raw, _ = _run_child("_raw", paths, env)
        figures |= raw
    answers, cold = _run_child("_questions", [*paths, "--rounds", str(rounds)], env)
    figures |= answers | {"cold_start_s": round(cold, 2)}
    figures |= _disk(data)
    return figures


def _disk(data: Path) -> dict[str, Any]:
    """Size on disk of the published generation, in total and per part (MB)."""
    name = (data / "CURRENT").read_text(encoding="utf-8").strip()
    folder = data / "generations" / name
    parts: dict[str, float] = {}
    for path in folder.rglob("*"):
        if path.is_file():
            top = path.relative_to(folder).parts[0]
            parts[top] = parts.get(top, 0.0) + path.stat().st_size / 1e6
    total = sum(parts.values())
    shown = {k: round(v, 1) for k, v in sorted(parts.items(), key=lambda kv: -kv[1]) if v >= 1}
    return {"disk_mb": round(total), "disk_parts_mb": shown}


def table(rows: list[dict[str, Any]]) -> str:
    """The README table (German)."""
    lines = [
        "| Abschnitte | Kaltstart bis erste Antwort | Frage warm p50 / p95 | Vergleiche p95 "
        "| Spitzen-RSS (Fragen) | Einlesen | davon Embedding | Einlesen ÷ reines Embedding "
        "| Index auf Platte |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ingest = f"{_de(r['ingest_s'])} s"
        embed = f"{_de(r['embed_s'])} s"
        if r.get("ingest_embeddings") == "fake":
            ingest += " ¹"
            embed = "– ¹"
        ratio = f"{_de(r['ingest_s'] / r['raw_embed_s'], 2)}" if r.get("raw_embed_s") else "–"
        if r.get("ingest_embeddings") == "fake":
            ratio = "–"
        chunks = f"{r['chunks']:,}".replace(",", ".")
        if r.get("index_vectors") == "fake":
            chunks += " ²"
        lines.append(
            f"| {chunks} | {_de(r['cold_start_s'])} s | {r['warm_p50_ms']} / "
            f"{r['warm_p95_ms']} ms | {r['comparison_p95_ms']} ms | "
            f"{_de(r['query_peak_rss_mb'] / 1000, 2)} GB | {ingest} | {embed} | {ratio} | "
            f"{_de(r['disk_mb'] / 1000, 2)} GB |"
        )
    return "\n".join(lines)


def _de(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def write_readme(rows: list[dict[str, Any]], readme: Path = ROOT / "README.md") -> None:
    """Replace the table between the bench-scale markers of the README."""
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        raise SystemExit(f"{readme}: Markierungen {README_START} / {README_END} fehlen.")
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    machine = f"{platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}"
    body = f"\n{time.strftime('%Y-%m-%d')}, {machine}:\n\n{table(rows)}\n"
    readme.write_text(head + README_START + body + README_END + tail, encoding="utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evals.scale_bench")
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="alle Größen messen (Standard)")
    run.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    run.add_argument("--work", type=Path, default=ROOT / "data" / "bench-scale")
    run.add_argument("--fake-from", type=int, default=100_000)
    run.add_argument("--raw-upto", type=int, default=10_000)
    run.add_argument("--rounds", type=int, default=2)
    run.add_argument(
        "--real-upto",
        type=int,
        default=1_000_000,
        help="größere Bestände beantworten Fragen über Hash-Vektoren (nur Zeit und Speicher)",
    )
    run.add_argument("--json", type=Path, help="Ergebnis zusätzlich als JSON speichern")
    run.add_argument("--readme", action="store_true", help="Tabelle in README.md schreiben")
    for name in ("_ingest", "_raw", "_questions"):
        child = sub.add_parser(name)
        child.add_argument("--data-dir", type=Path, required=True)
        child.add_argument("--corpus-dir", type=Path, required=True)
        child.add_argument("--cache", type=Path, required=True)
        child.add_argument("--embeddings", choices=["real", "cached", "fake"], default="real")
        child.add_argument("--rounds", type=int, default=2)
    return parser


def main(argv: list[str] | None = None) -> int:
    """CLI: ``run`` measures every size; the underscore commands are its child processes."""
    args = _parser().parse_args(argv if argv is not None else sys.argv[1:] or ["run"])
    children = {"_ingest": _child_ingest, "_raw": _child_raw_embedding}
    children["_questions"] = _child_questions
    if args.command in children:
        print(json.dumps(children[args.command](args)), flush=True)
        return 0
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        row = measure_size(
            size, args.work, args.fake_from, args.raw_upto, args.rounds, args.real_upto
        )
        print(json.dumps(row, ensure_ascii=False), flush=True)
        rows.append(row)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), "utf-8")
    print(table(rows))
    if args.readme:
        write_readme(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
