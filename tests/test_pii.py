"""The personal-data guard, measured on the labelled set ``evals/personendaten.jsonl``.

Prints precision and recall (question level: "contains personal data?") and the recall per
kind of data; ``pytest -s tests/test_pii.py`` shows them, ``make test`` prints them at the end
of its output (``messwert`` properties, see ``conftest.py``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant import texts
from assistant.pii import KINDS, redact, screen

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "evals" / "personendaten.jsonl"
# The municipalities of the shipped corpus, as the chat passes them (never names).
PLACES = ["Stadt Haldenberg", "Stadt Kesselbrück", "Kreis Ostwaldau"]


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]


def test_labelled_set_is_balanced_and_large_enough() -> None:
    rows = _rows()
    personal = [r for r in rows if r["personal"]]
    assert len(rows) >= 60
    assert abs(len(personal) - (len(rows) - len(personal))) <= 4
    assert {k for r in personal for k in r["categories"]} == set(KINDS)  # type: ignore[attr-defined]


def test_precision_and_recall_on_the_labelled_set(
    record_property: Callable[[str, object], None],
) -> None:
    rows = _rows()
    tp = fp = fn = tn = 0
    kind_hits = dict.fromkeys(KINDS, 0)
    kind_total = dict.fromkeys(KINDS, 0)
    wrong = []
    for row in rows:
        found = screen(str(row["question"]), PLACES)
        expected = bool(row["personal"])
        tp += found.personal and expected
        fp += found.personal and not expected
        fn += expected and not found.personal
        tn += not expected and not found.personal
        for kind in row["categories"]:  # type: ignore[attr-defined]
            kind_total[kind] += 1
            kind_hits[kind] += kind in found.kinds
        if found.personal != expected:
            wrong.append(f"{row['id']}: {found.kinds} statt {row['categories']}")
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    per_kind = ", ".join(f"{k} {kind_hits[k]}/{kind_total[k]}" for k in KINDS)
    summary = (
        f"Personendaten-Erkennung auf {len(rows)} Fragen: Präzision {precision:.3f}, "
        f"Recall {recall:.3f} (TP {tp}, FP {fp}, FN {fn}, TN {tn}); je Art: {per_kind}"
    )
    print("\n" + summary)
    record_property("messwert", summary)
    assert precision >= 0.95 and recall >= 0.95, (summary, wrong)


def test_redaction_removes_every_detail_and_keeps_the_question() -> None:
    question = "Mein Schüler Ahmet Yilmaz, geboren 12.03.2011, braucht einen Schulplatz – was tun?"
    redacted = redact(question, PLACES)
    assert redacted == (
        "Mein Schüler [Name], geboren [Geburtsdatum], braucht einen Schulplatz – was tun?"
    )
    for row in _rows():
        if not row["personal"]:
            assert redact(str(row["question"]), PLACES) == row["question"]


def test_placeholders_are_german_and_not_personal_themselves() -> None:
    assert set(texts.PII_PLACEHOLDERS) == set(KINDS)
    for placeholder in texts.PII_PLACEHOLDERS.values():
        assert not screen(f"Frage zu {placeholder} bitte.").personal


def test_municipalities_of_the_index_are_never_names() -> None:
    assert screen("Was gilt in Hagen?").kinds == ()
    assert screen("Frage von Lena Hagen").kinds == ("name",)
    assert screen("Gilt das in Lena?", ["Gemeinde Lena"]).kinds == ()


@pytest.mark.parametrize(
    "text",
    [
        "a@b." * 20000,
        "0" * 40000,
        "A-" * 20000,
        "12." * 20000,
        "Frau " * 20000,
        "Am Markt " * 10000,
        "Az. " + "1-" * 20000,
        "geb. 1.1.2000 " * 5000,
    ],
)
def test_screening_is_linear_on_hostile_input(text: str) -> None:
    # CPU time of this process (not wall time, which other processes on a busy machine
    # stretch): about 0.3 s at most here; a backtracking pattern takes minutes on 40 KB
    started = time.process_time()
    screen(text)
    assert time.process_time() - started < 10.0
