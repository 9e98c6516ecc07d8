"""One writer, many readers: questions never fail while generations are published.

Eight threads (half sharing one ``Assistant`` as the Streamlit server does, half with their
own) and a reader in another process ask in a loop while rebuilds and a batch ingest publish
new generations. Every answer must come from one complete, published generation, and a
generation is deleted only after no reader in any process uses it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant import Assistant, IndexMissing, Settings, e5
from assistant.embed import resolve_model
from assistant.generations import GENERATIONS, current_generation
from assistant.store import Index
from ingest import run_ingest

from .ask_loop import QUESTIONS
from .minicorpus import write_minicorpus

MODEL = resolve_model("")


def _chunk_ids(data: Path) -> tuple[str, set[str]]:
    index = Index.open(data, MODEL)
    return index.generation, {c.chunk_id for c in index.chunks()}


def _edit(docs: Path, step: int) -> None:
    """Change a document (so chunk ids differ per generation) and add one."""
    with (docs / "adorf.md").open("a", encoding="utf-8") as handle:
        handle.write(f"\n## {step + 4} Nachtrag\n\nNachtrag Nummer {step} zur Beratung.\n")
    (docs / f"neu-{step}.md").write_text(
        f"# Neu {step}\n\nIm Ort Neudorf {step} gibt es {step + 3} Sprachcafés.\n", encoding="utf-8"
    )


def test_questions_never_fail_while_generations_are_published(tmp_path: Path) -> None:
    docs = write_minicorpus(tmp_path / "docs")
    data = tmp_path / "data"
    settings = Settings(data_dir=data, corpus_dir=docs)
    run_ingest(settings)
    generation, ids = _chunk_ids(data)
    published = {generation: ids}

    reader = subprocess.Popen(
        [sys.executable, "-m", "tests.ask_loop", str(data), str(docs), "600"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert reader.stdout is not None
    first = json.loads(reader.stdout.readline())  # the other process answers before we publish
    assert "error" not in first
    lines: list[str] = []
    drain = threading.Thread(target=lambda: lines.extend(reader.stdout or []), daemon=True)
    drain.start()

    shared = Assistant(settings)
    stop = threading.Event()
    answers: list[tuple[str, bool, set[str]]] = []
    errors: list[str] = []

    def ask_in_a_loop(number: int) -> None:
        assistant = shared if number % 2 == 0 else Assistant(settings)
        while not stop.is_set():
            try:
                answer = assistant.ask(QUESTIONS[number % len(QUESTIONS)])
            except Exception as exc:  # noqa: BLE001 - every failure is collected and fails the test
                errors.append(f"{type(exc).__name__}: {exc}")
                continue
            used = {h.chunk.chunk_id for h in answer.hits}
            answers.append((answer.index_version.split(":")[0], answer.found, used))
            time.sleep(0.05)  # staff type; and the writer needs the GIL too

    threads = [threading.Thread(target=ask_in_a_loop, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    try:
        for step, rebuild in enumerate([True, False, True]):  # rebuild, batch ingest, rebuild
            _edit(docs, step)
            report = run_ingest(settings, rebuild=rebuild)
            assert not report.failed and report.published
            generation, ids = _chunk_ids(data)
            published[generation] = ids
            time.sleep(0.5)  # let the readers switch
    finally:
        stop.set()
        for thread in threads:
            thread.join(60)
        time.sleep(1.0)  # the other process asks a few more questions on the last generation
        reader.kill()
        reader.wait()
        drain.join(10)

    rows = [first, *(json.loads(line) for line in lines if line.strip())]
    assert errors == []
    assert [r["error"] for r in rows if "error" in r] == []
    assert len(published) == 4 and len(answers) > 50
    for generation, found, used in answers:
        assert generation in published, generation  # only complete, published generations
        assert used <= published[generation]  # every passage from that one generation
        assert found
    for row in rows:
        generation = row["version"].split(":")[0]
        assert generation in published and set(row["ids"]) <= published[generation]
    assert len({g for g, _, _ in answers}) >= 3  # the readers followed the publishes
    assert len({r["version"] for r in rows}) >= 2  # so did the other process

    run_ingest(settings)  # the next writer run deletes what no reader uses any more
    assert sorted(p.name for p in (data / GENERATIONS).iterdir()) == [current_generation(data)]


def test_a_generation_in_use_is_kept_until_its_reader_lets_go(tmp_path: Path) -> None:
    docs = write_minicorpus(tmp_path / "docs")
    data = tmp_path / "data"
    settings = Settings(data_dir=data, corpus_dir=docs)
    run_ingest(settings)
    held = Index.open(data, MODEL)  # a question in flight on the first generation
    run_ingest(settings, rebuild=True)
    run_ingest(settings, rebuild=True)
    names = sorted(p.name for p in (data / GENERATIONS).iterdir())
    assert names == sorted({held.generation, str(current_generation(data))})
    assert len(held.chunks()) and len(held.lexical())  # still fully readable
    created = {p.name for p in held.folder.iterdir()}
    assert created == {
        "READY",
        "lease",
        "chunks.sqlite",
        "lexical",
        "places.json",
        "nouns.json",
        "placed.json",
        "mentions.json",
        "chroma",
        *_vectors(),
    }
    held.close()
    run_ingest(settings)
    assert [p.name for p in (data / GENERATIONS).iterdir()] == [current_generation(data)]


def _vectors() -> set[str]:
    second = {e5.VECTORS_FILE, e5.IDS_FILE} if e5.available() else set()
    return {"vectors.npy", "vectors.ids.json"} | second


def test_readers_never_create_files(tmp_path: Path) -> None:
    """A published generation is opened read-only: asking changes no file in it."""
    docs = write_minicorpus(tmp_path / "docs")
    data = tmp_path / "data"
    settings = Settings(data_dir=data, corpus_dir=docs, weight_dense=0.5)
    run_ingest(settings)
    folder = data / GENERATIONS / str(current_generation(data))

    def snapshot() -> dict[str, tuple[int, int]]:
        return {
            str(p.relative_to(data)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in data.rglob("*")
            if p.is_file()
        }

    before = snapshot()
    os.chmod(folder, 0o555)  # as a non-root user this would also make any write fail
    try:
        answer = Assistant(settings).ask(QUESTIONS[0])
    finally:
        os.chmod(folder, 0o755)
    assert answer.found
    assert snapshot() == before


def test_a_data_folder_of_the_old_layout_is_rebuilt_and_cleaned(tmp_path: Path) -> None:
    """Before generations had folders: ``index-<gen>.sqlite`` + one shared ``chroma/``."""
    docs = write_minicorpus(tmp_path / "docs")
    data = tmp_path / "data"
    (data / "chroma").mkdir(parents=True)
    (data / "chroma" / "chroma.sqlite3").write_bytes(b"alt")
    (data / "index-g1.sqlite").write_bytes(b"alt")
    (data / "CURRENT").write_text("g1", encoding="utf-8")
    (data / "feedback.sqlite").write_bytes(b"bleibt")
    settings = Settings(data_dir=data, corpus_dir=docs)
    with pytest.raises(IndexMissing, match="konzeptlotse ingest"):
        Assistant(settings).ask(QUESTIONS[0])
    run_ingest(settings)
    assert Assistant(settings).ask(QUESTIONS[0]).found
    assert sorted(p.name for p in data.iterdir()) == [
        "CURRENT",
        "feedback.sqlite",
        "generations",
        "writer.lock",
    ]
