"""Ingest is background work: it yields the CPU to questions.

On a small server (two cores) embedding would otherwise slow staff questions down several
times. Linux keeps nice values per thread, so the admin page's background ingest thread can
lower its own priority without touching the threads that answer questions.
"""

from __future__ import annotations

import logging
import os
import threading

__all__ = ["INGEST_NICENESS", "lower_process_priority", "lower_thread_priority"]

INGEST_NICENESS = 10
log = logging.getLogger(__name__)


def lower_thread_priority(niceness: int = INGEST_NICENESS) -> None:
    """Lower the calling thread's CPU priority (threads it starts afterwards inherit it)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
    except (OSError, AttributeError):  # not Linux, or not permitted: run at normal priority
        log.debug("could not lower the ingest thread's priority", exc_info=True)


def lower_process_priority(niceness: int = INGEST_NICENESS) -> None:
    """Lower the whole process's CPU priority (a command-line ingest)."""
    try:
        os.nice(niceness)
    except OSError:
        log.debug("could not lower the ingest process's priority", exc_info=True)
