"""A reader in its own process: asks in a loop and prints one JSON line per answer.

``python -m tests.ask_loop DATA_DIR CORPUS_DIR SECONDS`` (used by the lifecycle tests and
``evals/lifecycle_bench.py``): every line has the generation that answered, whether the
answer was found, the chunk ids it used, and an error if the question failed.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from assistant import Assistant, Settings
from assistant.privacy import apply_offline_defaults

QUESTIONS = (
    "Wie viele Lernpaten begleiten die Kinder im Kreis Cedorf?",
    "Wer führt in Adorf die Erstberatung durch?",
    "Wie viele Wochenstunden umfassen die Deutschförderklassen in Bedorf?",
)


def main(data_dir: str, corpus_dir: str, seconds: str) -> None:
    """Ask until ``seconds`` have passed; one JSON line per question on stdout."""
    apply_offline_defaults()
    assistant = Assistant(Settings(data_dir=Path(data_dir), corpus_dir=Path(corpus_dir)))
    end = time.monotonic() + float(seconds)
    n = 0
    while time.monotonic() < end:
        question = QUESTIONS[n % len(QUESTIONS)]
        started = time.perf_counter()
        try:
            answer = assistant.ask(question)
            ids = sorted({h.chunk.chunk_id for h in answer.hits})
            row = {"version": answer.index_version, "found": answer.found, "ids": ids}
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
            row = {"error": f"{type(exc).__name__}: {exc}"}
        row["ms"] = round((time.perf_counter() - started) * 1000, 1)
        print(json.dumps(row), flush=True)
        n += 1


if __name__ == "__main__":
    main(*sys.argv[1:4])
