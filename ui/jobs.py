"""Long-running work (ingest, evaluation) in a background thread, one at a time per job.

Streamlit reruns the page script on every interaction; the thread and its state live in the
process, so every session sees the same job and a page can poll its progress.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from assistant.errors import KonzeptlotseError

__all__ = ["BackgroundJob", "JobState", "job"]

log = logging.getLogger(__name__)

Task = Callable[[Callable[[Any], None]], Any]  # receives a progress callback, returns a result


@dataclass(frozen=True)
class JobState:
    """A snapshot of a job: what runs, how far it is, and how it ended."""

    run_id: int = 0  # increases with every start; 0 = never started
    label: str = ""
    running: bool = False
    progress: Any = None
    result: Any = None
    error: str = ""
    started_at: float = 0.0
    finished_at: float = 0.0

    @property
    def finished(self) -> bool:
        """Whether a started run has ended (successfully or not)."""
        return self.run_id > 0 and not self.running


class BackgroundJob:
    """Runs one task at a time in a daemon thread and keeps its latest state."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = JobState()
        self._thread: threading.Thread | None = None

    def state(self) -> JobState:
        """The current snapshot."""
        with self._lock:
            return self._state

    def start(self, label: str, task: Task) -> bool:
        """Start ``task`` unless a run is in progress; returns whether it started."""
        with self._lock:
            if self._state.running:
                return False
            run_id = self._state.run_id + 1
            self._state = JobState(run_id, label, True, started_at=time.time())
            self._thread = threading.Thread(
                target=self._run, args=(run_id, task), name=f"job-{label}", daemon=True
            )
            self._thread.start()
        return True

    def wait(self, timeout: float | None = None) -> JobState:
        """Block until the current run ends (for tests and scripts)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self.state()

    def _update(self, run_id: int, **changes: Any) -> None:
        with self._lock:
            if self._state.run_id == run_id:
                self._state = replace(self._state, **changes)

    def _run(self, run_id: int, task: Task) -> None:
        try:
            result = task(lambda progress: self._update(run_id, progress=progress))
        except KonzeptlotseError as exc:
            self._update(run_id, running=False, error=str(exc), finished_at=time.time())
        except Exception as exc:  # noqa: BLE001 - a crash must end the run visibly, not kill the server
            log.error("Hintergrundauftrag fehlgeschlagen:\n%s", traceback.format_exc())
            message = f"{type(exc).__name__}: {exc}"
            self._update(run_id, running=False, error=message, finished_at=time.time())
        else:
            self._update(run_id, running=False, result=result, finished_at=time.time())


_jobs: dict[str, BackgroundJob] = {}
_jobs_lock = threading.Lock()


def job(name: str) -> BackgroundJob:
    """The process-wide job registered under ``name`` (created on first use)."""
    with _jobs_lock:
        return _jobs.setdefault(name, BackgroundJob())
