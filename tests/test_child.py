"""The admin page's ingest runs in a child process: progress and report come back, errors too."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.errors import IndexLocked
from assistant.generations import writer_lock
from ingest.child import run_in_child
from ingest.pipeline import Progress

from .minicorpus import write_minicorpus


def test_ingest_in_a_child_process_reports_like_in_process(tmp_path: Path) -> None:
    docs = write_minicorpus(tmp_path / "docs")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=docs)
    seen: list[Progress] = []
    report = run_in_child(settings, on_progress=seen.append)
    assert {o.status for o in report.outcomes} == {"new"} and len(report.outcomes) == 4
    assert report.published["documents"] == 4 and report.chunks > 0
    assert seen and seen[-1].files_total == 4
    answer = Assistant(settings).ask("Wie viele Lernpaten begleiten die Kinder im Kreis Cedorf?")
    assert answer.found and "85" in answer.text


def test_errors_of_the_child_are_raised_here_in_german(tmp_path: Path) -> None:
    docs = write_minicorpus(tmp_path / "docs")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=docs)
    with writer_lock(settings.data_dir), pytest.raises(IndexLocked, match="Es läuft bereits"):
        run_in_child(settings)
