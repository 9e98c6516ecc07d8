"""Accessibility checks with axe-core (from npm, ``tests/browser/node_modules``).

Serious and critical violations fail the test unless they sit in markup Streamlit itself
renders and the app cannot change; those are listed in ``STREAMLIT_INTERNAL`` with the reason
and printed on every run so they stay visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

AXE_JS = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class Known:
    """A violation in Streamlit's own markup: rule id + a fragment of the node's HTML + why."""

    rule: str
    html: str
    reason: str


# Streamlit-internal markup the app cannot change (checked against Streamlit 1.67). Each entry
# is matched against the offending node's HTML (Streamlit's ids and classes are generated).
STREAMLIT_INTERNAL: tuple[Known, ...] = (
    # st.date_input's calendar popover (react-aria): the month and year pickers are buttons
    # that show "August" / "2025" but are named "Monat" / "Jahr" (WCAG 2.5.3 label in name).
    # Their markup and labels come from Streamlit's frontend; the app has no option for them.
    Known(
        "label-content-name-mismatch",
        'aria-label="Monat"',
        "st.date_input: Monatsauswahl im Kalender (Streamlit/react-aria)",
    ),
    Known(
        "label-content-name-mismatch",
        'aria-label="Jahr"',
        "st.date_input: Jahresauswahl im Kalender (Streamlit/react-aria)",
    ),
)


@dataclass(frozen=True)
class Finding:
    """One offending node of one violated rule."""

    rule: str
    impact: str
    target: str
    summary: str
    known: Known | None

    @property
    def fails(self) -> bool:
        """Serious or critical and in markup the app controls."""
        return self.impact in BLOCKING and self.known is None


def run_axe(page: Any) -> list[Finding]:
    """Run axe-core on the current page; every violated node, Streamlit-internal ones marked."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [_finding(v, node) for v in result["violations"] for node in v["nodes"]]


def _finding(violation: dict[str, Any], node: dict[str, Any]) -> Finding:
    html = str(node.get("html", ""))
    known = next(
        (k for k in STREAMLIT_INTERNAL if k.rule == violation["id"] and k.html in html), None
    )
    return Finding(
        rule=violation["id"],
        impact=violation["impact"],
        target=" ".join(str(t) for t in node["target"]),
        summary=str(node.get("failureSummary", "")),
        known=known,
    )


def report(name: str, findings: list[Finding]) -> str:
    """A readable list of findings for the test output (failing ones with the reason)."""
    blocking = sum(1 for f in findings if f.impact in BLOCKING)
    lines = [f"axe {name}: {blocking} serious/critical, {len(findings) - blocking} other"]
    for f in findings:
        tag = f"Streamlit-intern ({f.known.reason})" if f.known else "App" if f.fails else "Hinweis"
        lines.append(f"  [{f.impact}] {f.rule} @ {f.target} – {tag}")
        if f.fails:
            lines.append("      " + " ".join(f.summary.split())[:300])
    return "\n".join(lines)
