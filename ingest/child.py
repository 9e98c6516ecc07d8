"""An ingest run in a child process, for the admin page of the running app.

The app answers questions in the same process; an ingest thread there would compete with
them for the interpreter (measured: p95 latency twice the idle value). So the admin page's
job starts ``python -m ingest.child`` at low priority and follows its progress: the child is
the writer (it alone opens the new generation's Chroma store), the app stays a pure reader.

Protocol: the request (settings, paths, rebuild) arrives as one JSON object on stdin, because
it may hold secrets; the child writes JSON lines to stdout: ``{"progress": [...]}`` while it
works, then ``{"report": {...}}`` or ``{"error": ..., "kind": ...}``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from assistant import errors
from assistant.settings import Settings

from .pipeline import FileOutcome, IngestReport, Progress

__all__ = ["main", "run_in_child"]


def run_in_child(
    settings: Settings,
    paths: list[Path] | None = None,
    rebuild: bool = False,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """``admin.run_and_record`` in a child process; raises its errors here."""
    request = {
        "settings": settings.model_dump(mode="json"),
        "paths": [str(p) for p in paths] if paths else None,
        "rebuild": rebuild,
    }
    command = [sys.executable, "-m", "ingest.child"]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8"
    ) as child:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(json.dumps(request))
        child.stdin.close()
        result: dict[str, Any] = {}
        for line in child.stdout:
            message = json.loads(line)
            if "progress" in message and on_progress is not None:
                on_progress(Progress(*message["progress"]))
            result.update({k: v for k, v in message.items() if k != "progress"})
    if "report" in result:
        return _report(result["report"])
    kind = getattr(errors, str(result.get("kind", "")), errors.KonzeptlotseError)
    if not (isinstance(kind, type) and issubclass(kind, errors.KonzeptlotseError)):
        kind = errors.KonzeptlotseError
    raise kind(result.get("error") or f"Der Einleseprozess endete mit Code {child.returncode}.")


def _report(data: dict[str, Any]) -> IngestReport:
    outcomes = [
        FileOutcome(**{**o, "warnings": tuple(o.get("warnings", ()))}) for o in data["outcomes"]
    ]
    return IngestReport(outcomes, data["seconds"], False, data.get("published") or {})


def main() -> int:
    """The child: read the request, run, report (JSON lines on stdout)."""
    from assistant.privacy import apply_offline_defaults

    from .admin import run_and_record
    from .priority import lower_process_priority

    apply_offline_defaults()
    lower_process_priority()
    request = json.loads(sys.stdin.read())
    settings = Settings.model_validate(request["settings"])
    paths = [Path(p) for p in request["paths"]] if request["paths"] else None

    def emit(message: dict[str, Any]) -> None:
        print(json.dumps(message, ensure_ascii=False), flush=True)

    def progress(p: Progress) -> None:
        emit({"progress": [p.files_done, p.files_total, p.current, p.chunks_embedded, "", p.eta_s]})

    try:
        report = run_and_record(settings, paths, request["rebuild"], on_progress=progress)
    except (errors.KonzeptlotseError, FileNotFoundError, ValueError) as exc:
        emit({"error": str(exc), "kind": type(exc).__name__})
        return 1
    outcomes = [asdict(o) for o in report.outcomes]
    emit(
        {"report": {"outcomes": outcomes, "seconds": report.seconds, "published": report.published}}
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
