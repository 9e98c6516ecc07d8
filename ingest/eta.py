"""How long an ingest still takes: remaining work at the rate measured so far in this run.

Work is counted in bytes of the files that are actually read (unchanged, skipped and
duplicate files drop out of the total when the run gets to them); a file in progress counts
with the share of its chunks already embedded, because embedding is most of a file's time.
No estimate before a second of work or before anything is done: an early rate misleads.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

__all__ = ["Estimate"]

MIN_ELAPSED_S = 1.0


class Estimate:
    """Remaining seconds of an ingest run (``remaining()`` is None while unknown)."""

    def __init__(
        self, sizes: Mapping[str, int], clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.sizes = dict(sizes)
        self.total = float(sum(self.sizes.values()))
        self.done = 0.0
        self.clock = clock
        self.started: float | None = None
        self._current = ""
        self._chunks = 0
        self._embedded = 0

    def skip(self, doc_id: str) -> None:
        """A file that needs no work (unchanged, skipped, failed before reading)."""
        self.total -= self.sizes.pop(doc_id, 0)

    def begin(self, doc_id: str) -> None:
        """Work on a file starts (the first one starts the clock)."""
        if self.started is None:
            self.started = self.clock()
        self._current, self._chunks, self._embedded = doc_id, 0, 0

    def chunks(self, count: int) -> None:
        """The current file has ``count`` chunks to embed."""
        self._chunks = count

    def embedded(self, count: int) -> None:
        """``count`` more chunks of the current file are embedded."""
        self._embedded += count

    def finish(self, doc_id: str) -> None:
        """The file is done (stored or failed)."""
        self.done += self.sizes.get(doc_id, 0)
        if doc_id == self._current:
            self._current = ""

    def remaining(self) -> float | None:
        """Seconds still needed at the rate so far, or None when there is no rate yet."""
        if self.started is None or self.total <= 0:
            return None
        elapsed = self.clock() - self.started
        done = self.done
        if self._current and self._chunks:
            share = min(1.0, self._embedded / self._chunks)
            done += share * self.sizes.get(self._current, 0)
        if elapsed < MIN_ELAPSED_S or done <= 0:
            return None
        return max(0.0, elapsed * (self.total - done) / done)
