"""Waiting for the admin page's background ingest in tests."""

from __future__ import annotations

from assistant.settings import Settings
from ui import state

# An idle machine ingests the test corpora in seconds; one busy with other ingests and
# evaluations side by side took over two minutes. A job still running after this long is a
# failure of its own and is reported as such, not as a missing message on the page.
JOB_TIMEOUT_S = 900


def wait_for_ingest(settings: Settings) -> None:
    """Block until the ingest started from the admin page has ended."""
    job = state.ingest_job(settings).wait(JOB_TIMEOUT_S)
    assert job.finished, f"Einlesen nach {JOB_TIMEOUT_S} s nicht beendet"
