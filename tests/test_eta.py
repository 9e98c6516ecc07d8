"""The ingest's time estimate: remaining bytes at the rate of this run, shown in German."""

from __future__ import annotations

from ingest.eta import Estimate
from ui.formatting import remaining_time


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_estimate_counts_only_files_that_are_read_and_the_share_already_embedded() -> None:
    clock = Clock()
    eta = Estimate({"a.pdf": 1_000, "b.pdf": 1_000, "alt.pdf": 50_000, "c.pdf": 2_000}, clock)
    assert eta.remaining() is None  # nothing started
    eta.skip("alt.pdf")  # unchanged: leaves the total
    eta.begin("a.pdf")
    clock.now += 0.5
    assert eta.remaining() is None  # too early for a rate
    eta.chunks(10)
    eta.embedded(5)
    clock.now += 0.5  # 1 s for half of a.pdf (500 of 4,000 bytes)
    assert eta.remaining() == 7.0
    eta.embedded(5)
    eta.finish("a.pdf")
    clock.now += 1.0  # 2 s for 1,000 bytes: 3,000 left
    assert eta.remaining() == 6.0
    eta.begin("b.pdf")
    eta.finish("b.pdf")
    eta.begin("c.pdf")
    eta.finish("c.pdf")
    assert eta.remaining() == 0.0


def test_remaining_time_reads_as_german() -> None:
    assert remaining_time(None) == ""
    assert remaining_time(2) == "noch etwa 5 s"
    assert remaining_time(42) == "noch etwa 40 s"
    assert remaining_time(185) == "noch etwa 3 min"
    assert remaining_time(4_800) == "noch etwa 1 h 20 min"
