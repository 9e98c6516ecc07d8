"""The bad-input matrix: every kind ends in a per-file verdict, the rest is indexed and answers.

Each case runs the real command line (``konzeptlotse ingest``) on the mini corpus plus one bad
file, with small limits, and checks the exit code, the German reason, that the four good
documents were indexed and that a question is still answered.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.embed import resolve_model
from assistant.store import Index
from ui.cli import EXIT_PARTIAL, main

from .badinputs import CASES, LIMITS, BadInput
from .minicorpus import DOCUMENTS, write_minicorpus

GOOD = sorted(DOCUMENTS)
QUESTION = "Wie viele Lernpaten begleiten die Kinder im Kreis Cedorf?"


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """(document folder with the mini corpus, data folder, a folder outside the corpus)."""
    docs = write_minicorpus(tmp_path / "docs")
    outside = tmp_path / "outside"
    outside.mkdir()
    for name, value in {**LIMITS, "KONZEPTLOTSE_CORPUS_DIR": str(docs)}.items():
        monkeypatch.setenv(name, value)
    return docs, tmp_path / "data", outside


def _verdict(out: str, doc_id: str) -> tuple[str, str]:
    """(status label, reason) of ``doc_id`` in the CLI's report."""
    lines = out.splitlines()
    for i, line in enumerate(lines):
        parts = line.split()
        if len(parts) >= 2 and parts[-1] == doc_id:
            reason = lines[i + 1].strip() if i + 1 < len(lines) else ""
            return parts[0], reason.removeprefix("Grund: ")
    raise AssertionError(f"{doc_id} has no verdict in:\n{out}")


def _assert_rest_indexed_and_answering(data: Path, docs: Path) -> Index:
    index = Index.open(data, resolve_model(""))
    assert set(GOOD) <= {d.doc_id for d in index.documents()}
    answer = Assistant(Settings(data_dir=data, corpus_dir=docs)).ask(QUESTION)
    assert answer.found and "85" in answer.text
    return index


LABELS = {"failed": "fehlgeschlagen", "skipped": "übersprungen", "new": "neu"}


@pytest.mark.parametrize("case", CASES, ids=[c.kind for c in CASES])
def test_bad_input_gets_a_verdict_and_the_rest_is_indexed(
    case: BadInput, folders: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    docs, data, outside = folders
    doc_id = case.make(docs, outside)
    code = main(["--data-dir", str(data), "ingest", "--quiet"])
    out = capsys.readouterr().out
    label, reason = _verdict(out, doc_id)
    assert label == LABELS[case.status], out
    assert code == (EXIT_PARTIAL if case.status == "failed" else 0), out
    assert case.message in (reason if case.status != "new" else case.message), out
    index = _assert_rest_indexed_and_answering(data, docs)
    if case.status == "new":
        answer = Assistant(Settings(data_dir=data, corpus_dir=docs)).ask(case.question)
        assert answer.found and case.expected in answer.text, answer.text
        assert "\x00" not in index.document(doc_id).meta.title  # type: ignore[union-attr]
    else:
        assert index.document(doc_id) is None


def test_file_deleted_during_the_run(
    folders: tuple[Path, Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs, data, _ = folders
    (docs / "weg.md").write_text("# Weg\n\nDiese Datei verschwindet gleich.", encoding="utf-8")
    from ingest import worker

    original = worker.FileWorker.submit

    def delete_first(self: worker.FileWorker, task: worker.Task) -> None:
        if task.doc_id == "weg.md" and task.path.exists():
            task.path.unlink()  # after the scan and the hash, before the read (maybe prefetched)
        original(self, task)

    monkeypatch.setattr(worker.FileWorker, "submit", delete_first)
    code = main(["--data-dir", str(data), "ingest", "--quiet"])
    out = capsys.readouterr().out
    assert code == EXIT_PARTIAL
    assert _verdict(out, "weg.md") == (
        "fehlgeschlagen",
        "Die Datei ist während des Einlesens verschwunden (gelöscht oder verschoben).",
    )
    _assert_rest_indexed_and_answering(data, docs)


def test_unreadable_file(folders: tuple[Path, Path, Path]) -> None:
    """A file without read permission (as root: without the capability to ignore that)."""
    docs, data, _ = folders
    secret = docs / "gesperrt.md"
    secret.write_text("# Gesperrt\n\nNiemand darf das lesen.", encoding="utf-8")
    secret.chmod(0o000)
    command = [sys.executable, "-m", "ui.cli", "--data-dir", str(data), "ingest", "--quiet"]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("root reads every file, and setpriv is missing to drop that right")
        drop = "-dac_override,-dac_read_search"
        command = ["setpriv", "--bounding-set", drop, "--", *command]
    run = subprocess.run(command, capture_output=True, text=True)  # pytest-timeout guards a hang
    assert run.returncode == EXIT_PARTIAL, run.stdout + run.stderr
    assert _verdict(run.stdout, "gesperrt.md") == (
        "fehlgeschlagen",
        "Datei nicht lesbar: keine Leserechte. Bitte die Dateirechte prüfen.",
    )
    _assert_rest_indexed_and_answering(data, docs)
