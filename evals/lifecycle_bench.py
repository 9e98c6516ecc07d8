"""Index lifecycle under load: ``python -m evals.lifecycle_bench`` (figures for the README).

Three measurements, each in a fresh temporary data directory:

1. **Rebuilds under questions** (bundled corpus): ``--askers`` threads (half sharing one
   ``Assistant``, as the Streamlit server does) and one reader in another process ask the
   evaluation questions in a loop while ``--rebuilds`` consecutive ``ingest --rebuild`` runs
   publish new generations. Counts failed questions and answers per generation.
2. **Latency during ingest**: one asker, questions one after another (warm), idle and while a
   batch ingest (copies of the corpus documents as new files) runs in another process
   (``konzeptlotse ingest``), as the admin page's job (a child process it follows), and, for
   comparison, in a thread of the answering process. p50/p95 and the ratio to idle.
3. **Copy-on-write at scale** (``--chunks``, default about 10,000): a corpus synthesised from the
   bundled one, built once; then one changed document is ingested and the phases of the new
   generation are timed (copying the chunk store and the Chroma folder, embedding, vector
   export, lexical index), together with switching a reader to it and the generation's size.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from assistant.api import Assistant
from assistant.embed import resolve_model
from assistant.generations import GENERATIONS
from assistant.privacy import apply_offline_defaults
from assistant.settings import Settings, project_root
from assistant.store import Index
from ingest import run_ingest
from ingest.child import run_in_child
from ingest.priority import lower_thread_priority

from .dataset import DEFAULT_DATASET, load_questions
from .metrics import percentile

__all__ = ["main"]


def _questions() -> list[str]:
    return [q.question for q in load_questions(DEFAULT_DATASET) if not q.history]


def rebuilds_under_questions(settings: Settings, askers: int, rebuilds: int) -> dict[str, Any]:
    """Failed questions while ``rebuilds`` rebuilds publish, ``askers`` threads + 1 process."""
    run_ingest(settings)
    questions = _questions()
    reader = subprocess.Popen(
        [sys.executable, "-m", "evals.lifecycle_bench", "--reader", str(settings.data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=project_root(),
    )
    assert reader.stdout is not None
    reader.stdout.readline()  # it answers before the first rebuild starts
    shared = Assistant(settings)
    stop = threading.Event()
    ok: list[str] = []
    failed: list[str] = []

    def ask(number: int) -> None:
        assistant = shared if number % 2 == 0 else Assistant(settings)
        n = number
        while not stop.is_set():
            try:
                ok.append(assistant.ask(questions[n % len(questions)]).index_version)
            except Exception as exc:  # noqa: BLE001 - counted, that is the measurement
                failed.append(f"{type(exc).__name__}: {exc}")
            n += askers

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(askers)]
    for thread in threads:
        thread.start()
    durations = []
    for _ in range(rebuilds):
        started = time.perf_counter()
        run_ingest(settings, rebuild=True)
        durations.append(time.perf_counter() - started)
    time.sleep(2)
    stop.set()
    for thread in threads:
        thread.join()
    reader.terminate()
    rows = [json.loads(line) for line in reader.communicate()[0].splitlines() if line]
    return {
        "askers": askers + 1,
        "rebuilds": rebuilds,
        "rebuild_s": [round(d, 1) for d in durations],
        "questions_threads": len(ok) + len(failed),
        "failed_threads": len(failed),
        "failure_examples": sorted(set(failed))[:3],
        "questions_other_process": len(rows),
        "failed_other_process": sum(1 for r in rows if "error" in r),
        "generations_seen": len({v.split(":")[0] for v in ok}),
    }


def _reader(data_dir: str) -> None:
    """The other-process asker of ``rebuilds_under_questions`` (JSON lines until killed)."""
    settings = Settings.from_env().with_overrides(data_dir=Path(data_dir))
    assistant = Assistant(settings)
    questions = _questions()
    for n in range(10**9):
        try:
            answer = assistant.ask(questions[n % len(questions)])
            print(json.dumps({"version": answer.index_version}), flush=True)
        except Exception as exc:  # noqa: BLE001 - reported to the parent
            print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)


def _latencies(assistant: Assistant, questions: list[str], busy: threading.Event) -> list[float]:
    """Warm ask latencies (ms), one question after another, while ``busy`` is set."""
    timings = []
    idle = not busy.is_set()
    n = 0
    while (n < len(questions)) if idle else (busy.is_set() or n < 20):
        started = time.perf_counter()
        assistant.ask(questions[n % len(questions)])
        timings.append((time.perf_counter() - started) * 1000)
        n += 1
    return timings


def _copies(corpus: Path, target: Path, copies: int, tag: str) -> None:
    """New files (copies of the corpus documents, each with its own bytes) for a batch."""
    for n in range(copies):
        for path in sorted(corpus.rglob("*")):
            if path.is_file() and path.suffix in (".pdf", ".md", ".html"):
                marker = f"\n% Kopie {tag} {n}\n" if path.suffix == ".pdf" else ""
                marker = marker or f"\n<!-- Kopie {tag} {n} -->\n"
                (target / f"kopie-{n}-{path.name}").write_bytes(path.read_bytes() + marker.encode())


def _ingest_then_clear(
    mode: str, settings: Settings, batch: Path, busy: threading.Event, assistant: Assistant
) -> None:
    """Ingest ``batch`` in another process (CLI) or in this one (the admin page's job, which
    also loads the new generation for the chat), then signal."""
    try:
        if mode == "other_process":
            env = {**os.environ, "KONZEPTLOTSE_DATA_DIR": str(settings.data_dir)}
            command = [sys.executable, "-m", "ui.cli", "ingest", "--quiet", str(batch)]
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        elif mode == "admin_job":  # what the admin page does: a child writes, we follow
            if run_in_child(settings, paths=[batch]).published:
                assistant.index.warm()
        else:  # an ingest thread in the answering process (for comparison)
            lower_thread_priority()
            if run_ingest(settings, paths=[batch]).published:
                assistant.index.warm()
    finally:
        busy.clear()


def latency_during_ingest(settings: Settings, copies: int) -> dict[str, Any]:
    """p50/p95 of warm questions: idle, during a CLI ingest, during an in-process ingest."""
    questions = _questions()
    assistant = Assistant(settings)
    for question in questions[:10]:
        assistant.ask(question)  # warm
    idle = threading.Event()
    results: dict[str, Any] = {"idle": _summary(_latencies(assistant, questions, idle))}
    extra = Path(tempfile.mkdtemp(prefix="lifecycle-batch-"))
    for mode in ("other_process", "admin_job", "same_process"):
        batch = extra / mode
        batch.mkdir()
        _copies(settings.corpus_dir, batch, copies, mode)
        busy = threading.Event()
        busy.set()
        waiter = threading.Thread(
            target=_ingest_then_clear, args=(mode, settings, batch, busy, assistant)
        )
        started = time.perf_counter()
        waiter.start()
        timings = _latencies(assistant, questions, busy)
        waiter.join()
        results[mode] = _summary(timings) | {"ingest_s": round(time.perf_counter() - started, 1)}
        results[mode]["p50_ratio"] = round(results[mode]["p50_ms"] / results["idle"]["p50_ms"], 2)
        results[mode]["p95_ratio"] = round(results[mode]["p95_ms"] / results["idle"]["p95_ms"], 2)
    shutil.rmtree(extra, ignore_errors=True)
    return results


def _summary(timings: list[float]) -> dict[str, Any]:
    return {
        "n": len(timings),
        "p50_ms": round(percentile(timings, 50), 1),
        "p95_ms": round(percentile(timings, 95), 1),
    }


def _synthesise(source: Index, target: Path, chunks: int) -> None:
    """Markdown documents whose text comes from ``source``, varied per copy (no duplicates)."""
    target.mkdir(parents=True, exist_ok=True)
    by_doc: dict[str, list[str]] = {}
    for chunk in source.chunks():
        by_doc.setdefault(chunk.doc_id, []).append(chunk.text)
    copies = max(1, -(-chunks // max(1, len(source.chunks()))))
    for n in range(copies):
        for doc_id, texts in by_doc.items():
            name = re.sub(r"[^a-z0-9]+", "-", doc_id.lower()).strip("-")
            body = "\n\n".join(_vary(t, n) for t in texts)
            title = f"# {doc_id} (Fassung {n})"
            (target / f"{name}-{n:03d}.md").write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def _vary(text: str, n: int) -> str:
    return re.sub(r"\d", lambda m: str((int(m.group()) + n) % 10), text) + f" (Fassung {n})"


def copy_on_write_at_scale(settings: Settings, chunks: int) -> dict[str, Any]:
    """Build about ``chunks`` chunks, then time the generation of a one-document change."""
    source = Index.open(settings.data_dir, resolve_model(settings.embedding_model))
    root = Path(tempfile.mkdtemp(prefix="lifecycle-scale-"))
    corpus = root / "docs"
    _synthesise(source, corpus, chunks)
    # without the e5 channel, as in the scale benchmark (its first build alone would take
    # about 12 minutes at 10,000 chunks)
    scale = settings.with_overrides(data_dir=root / "data", corpus_dir=corpus, weight_e5=0.0)
    started = time.perf_counter()
    first = run_ingest(scale)
    build_s = time.perf_counter() - started
    changed = sorted(corpus.glob("*.md"))[0]
    with changed.open("a", encoding="utf-8") as handle:
        handle.write("\n\nNachtrag: Die Sprechstunde findet jetzt donnerstags statt.\n")
    started = time.perf_counter()
    report = run_ingest(scale)
    incremental_s = time.perf_counter() - started
    started = time.perf_counter()
    index = Index.open(scale.data_dir, resolve_model(scale.embedding_model))
    index.warm()
    switch_s = time.perf_counter() - started
    folder = scale.data_dir / GENERATIONS / index.generation
    sizes = {p.name: p.stat().st_size for p in folder.iterdir() if p.is_file()}
    chroma = sum(p.stat().st_size for p in (folder / "chroma").rglob("*") if p.is_file())
    result = {
        "documents": len(index.documents()),
        "chunks": len(index.chunks()),
        "first_build_s": round(build_s, 1),
        "first_build_timings": first.published.get("timings", {}),
        "one_changed_document_s": round(incremental_s, 1),
        "one_changed_document_timings": report.published.get("timings", {}),
        "reader_switch_s": round(switch_s, 2),
        "generation_mb": {
            **{k: round(v / 1e6, 1) for k, v in sizes.items()},
            "chroma/": round(chroma / 1e6, 1),
        },
    }
    shutil.rmtree(root, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and print them as JSON."""
    apply_offline_defaults()
    parser = argparse.ArgumentParser(prog="python -m evals.lifecycle_bench")
    parser.add_argument("--askers", type=int, default=8)
    parser.add_argument("--rebuilds", type=int, default=3)
    parser.add_argument("--copies", type=int, default=2, help="Kopien des Korpus im Stapel")
    parser.add_argument("--chunks", type=int, default=10_000, help="Größe für Copy-on-Write")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--reader", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.reader:
        _reader(args.reader)
        return 0
    base = Settings.from_env()
    with tempfile.TemporaryDirectory(prefix="lifecycle-") as tmp:
        settings = base.with_overrides(data_dir=Path(tmp) / "data")
        figures: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count()}
        figures["rebuilds"] = rebuilds_under_questions(settings, args.askers, args.rebuilds)
        print(json.dumps(figures["rebuilds"], ensure_ascii=False), file=sys.stderr)
        figures["latency"] = latency_during_ingest(settings, args.copies)
        print(json.dumps(figures["latency"], ensure_ascii=False), file=sys.stderr)
        if not args.skip_scale:
            figures["scale"] = copy_on_write_at_scale(settings, args.chunks)
    text = json.dumps(figures, ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
