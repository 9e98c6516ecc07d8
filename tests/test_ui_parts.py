"""The UI's pure parts: password hashes, throttle, jobs, highlighting, formatting, page images."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from assistant.errors import IndexLocked
from assistant.types import Answer, Citation, ComparisonPart
from evals.compare import compare_runs
from ui import auth, formatting, highlight
from ui.jobs import BackgroundJob
from ui.preview import render_pdf_page

from .pdfs import PAGES_MUSTERHAUSEN, make_pdf

FAST = {"n": 2**10, "r": 8, "p": 1}  # keeps the tests quick; production uses N = 2**15


def test_password_hash_round_trip() -> None:
    line = auth.hash_password("Sehr geheim 1", **FAST)
    assert line.startswith("scrypt:1024:8:1:") and "$" not in line
    assert auth.is_valid_hash(line)
    assert auth.verify_password("Sehr geheim 1", line)
    assert not auth.verify_password("sehr geheim 1", line)
    assert line != auth.hash_password("Sehr geheim 1", **FAST)  # salted


def test_default_hash_parameters_are_slow_enough() -> None:
    line = auth.hash_password("x")
    assert line.split(":")[1:4] == ["32768", "8", "1"]
    assert auth.verify_password("x", line)


@pytest.mark.parametrize(
    "bad",
    ["", "geheim", "scrypt:1000:8:1:abc:def", "bcrypt:1024:8:1:YWJj:ZGVm", "scrypt:x:8:1:a:b"],
)
def test_malformed_hashes_never_verify(bad: str) -> None:
    assert not auth.is_valid_hash(bad)
    assert not auth.verify_password("geheim", bad)


def test_throttle_grows_per_client_and_resets() -> None:
    now = [100.0]
    guard = auth.LoginGuard(free_attempts=2, base_delay_s=5, max_delay_s=12, clock=lambda: now[0])
    assert not guard.attempt("a", lambda: False).wait_s
    assert guard.attempt("a", lambda: False).wait_s == 5
    assert guard.wait_seconds("b") == 0  # another client is not affected
    now[0] += 5
    assert guard.attempt("a", lambda: False).wait_s == 10
    now[0] += 10
    assert guard.attempt("a", lambda: False).wait_s == 12  # capped
    now[0] += 12
    assert guard.attempt("a", lambda: True).ok
    assert guard.wait_seconds("a") == 0


def test_background_job_runs_one_at_a_time_and_reports() -> None:
    job = BackgroundJob()
    release = threading.Event()

    def slow(progress):  # type: ignore[no-untyped-def]
        progress("halb")
        release.wait(5)
        return 42

    assert job.start("Test", slow)
    assert not job.start("Zweiter", slow)
    assert job.state().running and job.state().label == "Test"
    release.set()
    state = job.wait(5)
    assert state.finished and state.result == 42 and state.progress == "halb" and not state.error

    def locked(progress):  # type: ignore[no-untyped-def]
        raise IndexLocked("Es läuft bereits eine Indexierung.")

    assert job.start("Gesperrt", locked)
    assert job.wait(5).error == "Es läuft bereits eine Indexierung."
    assert job.state().run_id == 2

    def broken(progress):  # type: ignore[no-untyped-def]
        raise RuntimeError("kaputt")

    job.start("Kaputt", broken)
    assert job.wait(5).error == "RuntimeError: kaputt"


def test_passage_spans_survive_pdf_line_breaks_and_hyphens() -> None:
    page = (
        "Die Erstberatung führen die Bildungs-\r\nlotsen durch, ein Team von "
        "Berate\ufffe\r\nrinnen des KI. Danach folgt mehr."
    )
    quote = "Die Erstberatung führen die Bildungslotsen durch, ein Team von Beraterinnen des KI."
    ((start, end),) = highlight.passage_spans(page, quote)
    assert page[start:end].startswith("Die Erstberatung") and page[start:end].endswith("des KI")


def test_quote_parts_are_highlighted_separately() -> None:
    context = "Erster Satz hier. Zweiter Satz dazwischen. Dritter Satz am Ende."
    quote = "Erster Satz hier. … Dritter Satz am Ende."
    html = highlight.highlighted_html(context, quote)
    assert html.count("<mark>") == 2
    assert "<mark>Erster Satz hier</mark>" in html and "Zweiter Satz dazwischen" in html
    assert highlight.highlighted_html("a < b", "nicht vorhanden") == "a &lt; b"


def test_partial_matches_still_mark_what_they_can() -> None:
    context = "Die Schulplatzkonferenz tagt jeden Dienstag im Schulamt und vergibt Plätze."
    quote = "Die Schulplatzkonferenz tagt jeden Dienstag im Schulamt und verteilt Kinder."
    spans = highlight.passage_spans(context, quote)
    assert spans and context[spans[0][0] :].startswith("Die Schulplatzkonferenz")


def test_markdown_is_escaped_and_markers_link_to_sources() -> None:
    text = "Kosten: 5 $ pro *Kind* [1], siehe [2] und [9]."
    linked = formatting.linked_markdown(text, turn=0, numbers=[1, 2])
    assert "[\\[1\\]](#quelle-1-1)" in linked and "[\\[2\\]](#quelle-1-2)" in linked
    assert "\\[9\\]" in linked  # unknown numbers stay plain text
    assert "\\$" in linked and "\\*Kind\\*" in linked
    assert "".join(formatting.stream_tokens(linked)) == linked
    assert formatting.format_stand("2022-09-01") == "01.09.2022"
    assert formatting.format_stand("") == ""


def _citation(n: int, page: int = 3) -> Citation:
    return Citation(
        n,
        "a.pdf",
        "Konzept A",
        "Stadt A",
        page,
        "Die Konferenz tagt.",
        "3 Verfahren > 3.2 Konferenz",
        "Kommunales Konzept",
        "2023-05-01",
    )


def test_answer_markdown_for_memos() -> None:
    answer = Answer(
        "Wann?",
        "Dienstags. [1]",
        True,
        (_citation(1),),
        notes=("Neuere Fassung gilt.",),
        index_version="g1:3",
    )
    md = formatting.answer_markdown(answer, filters="Stadt A")
    assert md.startswith("## Frage\n\nWann?")
    assert "Dienstags. [1]" in md and "Filter: Stadt A" in md
    meta = "Stadt A · Kommunales Konzept · Stand 01.05.2023 · Seite 3 · Abschnitt 3.2 Konferenz"
    assert f"[1] Konzept A – {meta}" in md
    assert "„Die Konferenz tagt.“" in md and "> Neuere Fassung gilt." in md and "g1:3" in md
    refusal = Answer("Was?", "Dazu steht nichts in den Dokumenten.", False, related=(_citation(1),))
    md = formatting.answer_markdown(refusal)
    assert "**Keine belegte Antwort" in md and "## Möglicherweise relevant" in md
    comparison = Answer(
        "Vergleich?",
        "…",
        True,
        (_citation(1),),
        comparison=(
            ComparisonPart("Stadt A", "Dienstags. [1]", True, (_citation(1),)),
            ComparisonPart("Stadt B", "Nichts.", False),
        ),
    )
    md = formatting.answer_markdown(comparison)
    assert "### Stadt A\n\nDienstags. [1]" in md and "### Stadt B\n\nNichts." in md


def test_pdf_page_is_rendered_with_the_quote_marked(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "m.pdf", PAGES_MUSTERHAUSEN)
    quote = "Die Schulplatzkonferenz tagt jeden Dienstag im Schulamt."
    image = render_pdf_page(pdf, 3, quote)
    assert image.png.startswith(b"\x89PNG") and image.page_count == 3 and image.marked
    assert not render_pdf_page(pdf, 1, quote).marked
    assert render_pdf_page(pdf, 99).page_count == 3  # clamped to the last page


def _run(passed: dict[str, bool], hit5: float) -> dict:  # type: ignore[type-arg]
    return {
        "run": {"timestamp": "2026-01-01T10:00:00", "questions": len(passed)},
        "systems": {
            "Konzeptlotse": {
                "overall": {
                    "hit@5": hit5,
                    "pass_rate": sum(passed.values()) / len(passed),
                    "p50_ms": None,
                },
                "categories": {"fakt": {"pass_rate": 0.5}},
            }
        },
        "questions": [
            {
                "id": q,
                "question": f"Frage {q}",
                "category": "fakt",
                "passed": ok,
                "reason": "" if ok else "fehlende Fakten: x",
            }
            for q, ok in passed.items()
        ],
    }


def test_compare_runs() -> None:
    before = _run({"a": True, "b": False, "c": True, "d": False}, 0.5)
    after = _run({"a": True, "b": True, "c": False, "e": True}, 0.75)
    comparison = compare_runs(before, after)
    deltas = {d.metric: d for d in comparison.overall}
    assert deltas["hit@5"].delta == pytest.approx(0.25)
    assert deltas["p50_ms"].delta is None
    assert [c.id for c in comparison.improved] == ["b"]
    assert [c.id for c in comparison.regressed] == ["c"]
    assert comparison.regressed[0].reason_after == "fehlende Fakten: x"
    assert comparison.still_passing == 1 and comparison.still_failing == 0
    assert comparison.only_before == ["d"] and comparison.only_after == ["e"]
