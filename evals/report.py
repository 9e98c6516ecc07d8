"""Plain-text tables of an evaluation run (for the terminal, notes and the README)."""

from __future__ import annotations

import math
from typing import Any

from .dataset import CATEGORIES

__all__ = ["COLUMNS", "format_report", "format_table"]

# metric key -> column header
COLUMNS = {
    "n": "n",
    "hit@1": "hit@1",
    "hit@5": "hit@5",
    "mrr@10": "MRR@10",
    "fact_recall": "Fakten",
    "citation_precision": "Zitat-Präz.",
    "refusal_accuracy": "Ablehn. korrekt",
    "false_refusal": "Fehl-Ablehn.",
    "kommune_coverage": "Kommunen abgedeckt",
    "support_rate": "Offline belegt",
    "faithfulness": "Belegtreue (Richter)",
    "p50_ms": "p50 ms",
    "p95_ms": "p95 ms",
}


def _cell(key: str, value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if key == "n":
        return str(int(value))
    if key.endswith("_ms"):
        return f"{value:.0f}"
    return f"{value:.3f}"


def format_table(
    rows: dict[str, dict[str, Any]] | list[tuple[str, dict[str, Any]]], keys: list[str], label: str
) -> str:
    """A fixed-width table: one row per name, one column per metric key."""
    headers = [label] + [COLUMNS.get(k, k) for k in keys]
    pairs = list(rows.items()) if isinstance(rows, dict) else rows
    body = [[name] + [_cell(k, metrics.get(k)) for k in keys] for name, metrics in pairs]
    widths = [max(len(r[i]) for r in [headers, *body]) for i in range(len(headers))]
    lines = [
        "  ".join(
            h.ljust(w) if i == 0 else h.rjust(w)
            for i, (h, w) in enumerate(zip(headers, widths, strict=True))
        ),
        "  ".join("-" * w for w in widths),
    ]
    for row in body:
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    return "\n".join(lines)


def format_report(record: dict[str, Any]) -> str:
    """The full report of a run: systems overall, splits, and categories of the main system."""
    systems: dict[str, Any] = record["systems"]
    keys = [k for k in COLUMNS if any(k in s["overall"] for s in systems.values())]
    run = record["run"]
    parts = [
        f"Evaluation {run.get('timestamp', '')} · Commit {run.get('commit', '')}"
        f" · {run.get('questions', '?')} Fragen",
        "",
        "Gesamt (alle Verfahren im selben Lauf):",
        format_table({name: s["overall"] for name, s in systems.items()}, keys, "Verfahren"),
    ]
    if record.get("corpora"):
        parts += ["", *_corpora_section(record["corpora"], keys)]
    main_name, main = next(iter(systems.items()))
    if main.get("splits"):
        parts += [
            "",
            f"{main_name} nach Teilmenge (dev = zum Abstimmen, test = nur berichtet):",
            format_table({s: m for s, m in main["splits"].items() if m.get("n")}, keys, "Teil"),
        ]
    if main.get("categories"):
        rows = {CATEGORIES.get(c, c): m for c, m in main["categories"].items()}
        parts += ["", f"{main_name} nach Kategorie:", format_table(rows, keys, "Kategorie")]
        for name, system in list(systems.items())[1:]:
            cats = {CATEGORIES.get(c, c): m for c, m in system.get("categories", {}).items()}
            if cats:
                parts += [
                    "",
                    f"{name} nach Kategorie:",
                    format_table(cats, ["n", "hit@5", "mrr@10"], "Kategorie"),
                ]
    return "\n".join(parts)


_SUMMARY_KEYS = [
    "n",
    "hit@5",
    "mrr@10",
    "fact_recall",
    "citation_precision",
    "refusal_accuracy",
    "false_refusal",
    "kommune_coverage",
    "p95_ms",
]


def _corpora_section(corpora: dict[str, Any], keys: list[str]) -> list[str]:
    """The main system per corpus and condition, overall and per split."""
    shown = [k for k in _SUMMARY_KEYS if k in keys]
    rows: list[tuple[str, dict[str, Any]]] = []
    for name, system in corpora.items():
        rows.append((name, system["overall"]))
        for split, values in system.get("splits", {}).items():
            if values.get("n"):
                rows.append((f"  {split}", values))
        for baseline, values in system.get("baselines", {}).items():
            rows.append((f"  {baseline}", values))
    return [
        "Konzeptlotse je Korpus (dev = zum Abstimmen, test = nur berichtet; "
        "„Modell ohne dieses Korpus“ = Antwortmodell, das dieses Korpus nie gesehen hat):",
        format_table(rows, shown, "Korpus · Bedingung"),
    ]
