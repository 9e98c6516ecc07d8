"""``kill -9`` at random points of an ingest: the previous generation answers, the next run
converges to exactly what a clean run produces.

A calibration run (a clean ``konzeptlotse ingest`` in its own process) gives the expected chunk
and vector counts and how long the writing phase lasts (from the new generation folder's
appearance to the end). Five trials then kill the same ingest at seeded random points spread
over that phase (and one before it), on the mini corpus.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.embed import resolve_model
from assistant.generations import GENERATIONS, READY, current_generation, read_ready
from assistant.store import Index
from ingest import run_ingest

from .minicorpus import write_minicorpus

MODEL = resolve_model("")
QUESTION = "Wie viele Lernpaten begleiten die Kinder im Kreis Cedorf?"
TRIALS = 5


def _final_state(docs: Path) -> None:
    """What changes between the base generation and the run that gets killed."""
    (docs / "bedorf.md").unlink()
    with (docs / "adorf.md").open("a", encoding="utf-8") as handle:
        handle.write("\n## 4 Elterncafé\n\nIn Adorf gibt es zwei Elterncafés.\n")
    for n in range(3):
        (docs / f"dorf-{n}.md").write_text(
            f"# Dorf {n}\n\n## Beratung\n\nIm Dorf {n} berät das Bildungsbüro {n + 2} Tage "
            "pro Woche.\n\n## Lernpaten\n\nDort helfen auch Lernpaten beim Lesen.\n",
            encoding="utf-8",
        )


def _ingest_process(data: Path, docs: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KONZEPTLOTSE_CORPUS_DIR": str(docs)}
    command = [sys.executable, "-m", "ui.cli", "--data-dir", str(data), "ingest", "--quiet"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _new_folder(data: Path, known: set[str]) -> bool:
    root = data / GENERATIONS
    return root.is_dir() and any(p.name not in known for p in root.iterdir())


def _wait_for_writing(process: subprocess.Popen[bytes], data: Path, known: set[str]) -> float:
    """Block until the writer created the next generation's folder; returns when that was."""
    while process.poll() is None and not _new_folder(data, known):
        time.sleep(0.005)
    return time.monotonic()


def _base(tmp: Path, name: str) -> tuple[Settings, Path]:
    docs = write_minicorpus(tmp / name / "docs")
    settings = Settings(data_dir=tmp / name / "data", corpus_dir=docs)
    run_ingest(settings)
    return settings, docs


def _counts(data: Path) -> tuple[int, int, int]:
    index = Index.open(data, MODEL)
    ready = read_ready(data, index.generation)
    return len(index.chunks()), index.vector_count(), int(ready["vectors"])


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[tuple[int, int, int], float]:
    """Counts of an uninterrupted run, and how long it wrote before it published."""
    settings, docs = _base(tmp_path_factory.mktemp("clean"), "clean")
    known = {p.name for p in (settings.data_dir / GENERATIONS).iterdir()}
    _final_state(docs)
    process = _ingest_process(settings.data_dir, docs)
    started = _wait_for_writing(process, settings.data_dir, known)
    while process.poll() is None and current_generation(settings.data_dir) in known:
        time.sleep(0.005)
    published = time.monotonic()
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()
    return _counts(settings.data_dir), published - started


# The first trial runs by default; the others (about 8 s each) with the slow suite.
@pytest.mark.parametrize(
    "trial", [t if t == 0 else pytest.param(t, marks=pytest.mark.slow) for t in range(TRIALS)]
)
def test_kill_during_ingest_keeps_the_index_and_the_next_run_converges(
    trial: int, tmp_path: Path, clean: tuple[tuple[int, int, int], float]
) -> None:
    expected, span = clean
    settings, docs = _base(tmp_path, "trial")
    data = settings.data_dir
    before = current_generation(data)
    known = {p.name for p in (data / GENERATIONS).iterdir()}
    _final_state(docs)
    rng = random.Random(1000 + trial)
    # Trial 0 kills while the process still starts up; the others spread over the writing
    # phase up to just after the publish (fractions 0-0.3, 0.3-0.6, 0.6-0.9, 0.9-1.2).
    low = 0.3 * (trial - 1)
    delay = rng.uniform(0.0, 0.5) if trial == 0 else span * rng.uniform(low, low + 0.3)
    process = _ingest_process(data, docs)
    if trial == 0:
        time.sleep(delay)
    else:
        _wait_for_writing(process, data, known)
        time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)

    where = f"trial {trial}: killed {delay:.2f} s into a {span:.2f} s write"
    # A complete generation answers: the previous one, or the new one if it was published.
    after = current_generation(data)
    assert after is not None and (data / GENERATIONS / after / READY).is_file()
    answer = Assistant(settings).ask(QUESTION)
    assert answer.found and "85" in answer.text, where
    killed_before_publish = after == before

    # The next run converges to the clean result and leaves no debris behind.
    report = run_ingest(settings)
    assert not report.failed
    assert _counts(data) == expected, (where, killed_before_publish)
    assert [p.name for p in (data / GENERATIONS).iterdir()] == [current_generation(data)]
    shutil.rmtree(tmp_path / "trial", ignore_errors=True)
