"""Compare two saved evaluation runs: metric deltas and which questions changed verdict."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .runner import MAIN_SYSTEM

__all__ = ["MetricDelta", "QuestionChange", "RunComparison", "compare_runs", "metric_value"]


@dataclass(frozen=True)
class MetricDelta:
    """One metric before and after (None where it does not apply)."""

    metric: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        """after - before, None unless both are known."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class QuestionChange:
    """A question whose verdict differs between the runs."""

    id: str
    category: str
    question: str
    reason_before: str
    reason_after: str


@dataclass(frozen=True)
class RunComparison:
    """Everything the evaluator page shows about two runs of the main system."""

    overall: list[MetricDelta]
    categories: dict[str, list[MetricDelta]]
    improved: list[QuestionChange] = field(default_factory=list)
    regressed: list[QuestionChange] = field(default_factory=list)
    still_passing: int = 0
    still_failing: int = 0
    only_before: list[str] = field(default_factory=list)
    only_after: list[str] = field(default_factory=list)


def metric_value(metrics: dict[str, Any], key: str) -> float | None:
    """A metric as float; None for missing, null or NaN."""
    value = metrics.get(key)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _deltas(before: dict[str, Any], after: dict[str, Any]) -> list[MetricDelta]:
    keys = list(dict.fromkeys([*before, *after]))
    return [MetricDelta(k, metric_value(before, k), metric_value(after, k)) for k in keys]


def _system(record: dict[str, Any], system: str) -> dict[str, Any]:
    systems: dict[str, Any] = record.get("systems", {})
    return systems.get(system) or next(iter(systems.values()), {})


def compare_runs(
    before: dict[str, Any], after: dict[str, Any], system: str = MAIN_SYSTEM
) -> RunComparison:
    """Metric deltas (overall, per category) and per-question verdict changes of ``system``."""
    old, new = _system(before, system), _system(after, system)
    old_cats, new_cats = old.get("categories", {}), new.get("categories", {})
    rows_before = {q["id"]: q for q in before.get("questions", [])}
    rows_after = {q["id"]: q for q in after.get("questions", [])}
    shared = [q for q in rows_after if q in rows_before]
    verdicts = [(rows_before[q], rows_after[q]) for q in shared]
    return RunComparison(
        overall=_deltas(old.get("overall", {}), new.get("overall", {})),
        categories={
            c: _deltas(old_cats.get(c, {}), new_cats.get(c, {}))
            for c in dict.fromkeys([*old_cats, *new_cats])
        },
        improved=[_change(a, b) for a, b in verdicts if b.get("passed") and not a.get("passed")],
        regressed=[_change(a, b) for a, b in verdicts if a.get("passed") and not b.get("passed")],
        still_passing=sum(1 for a, b in verdicts if a.get("passed") and b.get("passed")),
        still_failing=sum(1 for a, b in verdicts if not a.get("passed") and not b.get("passed")),
        only_before=sorted(set(rows_before) - set(rows_after)),
        only_after=sorted(set(rows_after) - set(rows_before)),
    )


def _change(before: dict[str, Any], after: dict[str, Any]) -> QuestionChange:
    return QuestionChange(
        id=str(after["id"]),
        category=str(after.get("category", "")),
        question=str(after.get("question", "")),
        reason_before=str(before.get("reason", "")),
        reason_after=str(after.get("reason", "")),
    )
