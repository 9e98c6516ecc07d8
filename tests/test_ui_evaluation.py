"""The evaluator page, driven by AppTest: saved runs, comparison, a new run, feedback export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.feedback import FeedbackStore
from assistant.settings import Settings
from assistant.types import Answer, Citation
from evals.runner import list_runs, load_run, save_run
from ingest import run_ingest
from ui import login, state, texts
from ui.auth import hash_password

from .ui_corpus import app_env, make_corpus

APP = str(Path(__file__).resolve().parents[1] / "ui" / "app.py")


def _record(stamp: str, passed: dict[str, bool], hit5: float) -> dict[str, Any]:
    overall = {"n": 3.0, "hit@5": hit5, "mrr@10": hit5 / 2, "pass_rate": sum(passed.values()) / 3}
    return {
        "run": {"timestamp": stamp, "commit": "abc1234", "questions": 3},
        "systems": {
            "Konzeptlotse": {
                "overall": overall,
                "splits": {"dev": overall, "test": {"n": 0.0}},
                "categories": {"fakt": overall, "nicht_enthalten": {"n": 1.0, "pass_rate": 1.0}},
                "answers": True,
            },
            "Nur BM25": {"overall": {"n": 3.0, "hit@5": 0.5}, "categories": {}, "answers": True},
        },
        "questions": [
            {
                "id": qid,
                "category": "fakt",
                "split": "dev",
                "expected": "answer",
                "question": f"Frage {qid}?",
                "rank": 1,
                "found": True,
                "answer": f"Antwort {qid}. [1]",
                "citations": [{"n": 1, "doc_id": "musterhausen.pdf", "page": 3}],
                "passed": ok,
                "reason": "" if ok else "fehlende Fakten: Dienstag",
                "gold": [{"doc": "musterhausen.pdf", "pages": [3]}],
            }
            for qid, ok in passed.items()
        ],
    }


EVAL_PASSWORD = "Evaluation-1234"
ADMIN_PASSWORD = "Verwaltung-1234"


def _login(at: AppTest, password: str) -> AppTest:
    at.text_input(key="eval_login_password").set_value(password)
    at.button(key="FormSubmitter:eval_login-Anmelden").click().run()
    assert not at.exception, at.exception
    return at


def _open(settings: Settings, monkeypatch: pytest.MonkeyPatch, evaluator_hash: str) -> AppTest:
    app_env(monkeypatch, settings, hash_password(ADMIN_PASSWORD, n=2**10))
    monkeypatch.setenv("KONZEPTLOTSE_EVALUATOR_PASSWORD_HASH", evaluator_hash)
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("views/evaluation.py").run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def evaluator(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv(
        "KONZEPTLOTSE_EVALUATOR_PASSWORD_HASH", hash_password(EVAL_PASSWORD, n=2**10)
    )
    app_env(monkeypatch, settings)
    runs = settings.data_dir / "eval-runs"
    save_run(
        settings,
        _record("2026-01-01T10:00:00", {"a": True, "b": False, "c": True}, 0.5),
        runs / "20260101-100000.json",
    )
    save_run(
        settings,
        _record("2026-01-02T10:00:00", {"a": True, "b": True, "c": False}, 0.75),
        runs / "20260102-100000.json",
    )
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("views/evaluation.py").run()
    assert not at.exception, at.exception
    assert not at.tabs  # nothing before the login
    return _login(at, EVAL_PASSWORD)


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_opens_a_saved_run_with_metrics_and_question_rows(evaluator: AppTest) -> None:
    assert evaluator.selectbox(key="view_run").value == 0  # newest first
    metrics = _metrics(evaluator)
    assert metrics["hit@5"] == "0.750" and metrics["Bestanden"] == "0.667"
    systems = evaluator.dataframe[0].value
    assert list(systems[texts.COL_SYSTEM]) == ["Konzeptlotse", "Nur BM25"]
    questions = next(d.value for d in evaluator.dataframe if texts.COL_REASON in d.value.columns)
    assert list(questions[texts.COL_ID]) == ["a", "b", "c"]
    assert list(questions[texts.COL_PASSED]) == ["✓", "✓", "✗"]
    assert questions[texts.COL_GOLD][0] == "musterhausen.pdf S. 3"
    assert questions[texts.COL_CITATIONS][0] == "[1] musterhausen.pdf S. 3"
    evaluator.toggle(key="only_failed").set_value(True).run()
    questions = next(d.value for d in evaluator.dataframe if texts.COL_REASON in d.value.columns)
    assert list(questions[texts.COL_ID]) == ["c"]
    assert questions[texts.COL_REASON][0] == "fehlende Fakten: Dienstag"
    assert evaluator.get("arrow_vega_lite_chart") or evaluator.get("vega_lite_chart")


def test_compares_two_runs(evaluator: AppTest) -> None:
    markdown = "\n".join(m.value for m in evaluator.markdown)
    assert "**Neu bestanden (1)**" in markdown and "**Neu nicht bestanden (1)**" in markdown
    changes = [d.value for d in evaluator.dataframe if texts.COL_BEFORE in d.value.columns]
    deltas = changes[0]
    row = deltas[deltas[texts.COL_METRIC] == "hit@5"].iloc[0]
    assert (row[texts.COL_BEFORE], row[texts.COL_AFTER], row[texts.COL_DELTA]) == (
        "0.500",
        "0.750",
        "+0.250",
    )
    improved, regressed = changes[1], changes[2]
    assert list(improved[texts.COL_ID]) == ["b"] and list(regressed[texts.COL_ID]) == ["c"]
    assert regressed[texts.COL_AFTER][0] == "fehlende Fakten: Dienstag"


def test_runs_a_new_evaluation_in_the_background(
    settings: Settings, evaluator: AppTest, tmp_path: Path
) -> None:
    make_corpus(settings.corpus_dir)
    run_ingest(settings)
    dataset = settings.data_dir / "kurz.jsonl"
    questions = [
        {
            "id": "t1",
            "question": "Wann tagt die Schulplatzkonferenz in Musterhausen?",
            "category": "fakt",
            "expected": "answer",
            "gold": [{"doc": "musterhausen.pdf", "pages": [3]}],
            "facts": [["Dienstag"]],
        },
        {
            "id": "t2",
            "question": "Wie teuer ist das Mittagessen in der Mensa?",
            "category": "nicht_enthalten",
            "expected": "refuse",
        },
    ]
    dataset.write_text(
        "\n".join(json.dumps(q, ensure_ascii=False) for q in questions), encoding="utf-8"
    )
    evaluator.run()
    evaluator.selectbox(key="eval_dataset").set_value(dataset)
    evaluator.checkbox(key="eval_baselines").uncheck()
    next(b for b in evaluator.button if b.label == texts.NEW_RUN_START).click().run()
    final = state.eval_job(settings).wait(120)
    assert not final.error, final.error
    evaluator.run()
    assert not evaluator.exception
    assert len(list_runs(settings)) == 3
    record = load_run(final.result)
    assert record["run"]["questions"] == 2 and record["run"]["dataset"] == str(dataset)
    assert {q["id"]: q["passed"] for q in record["questions"]} == {"t1": True, "t2": True}
    assert any("abgeschlossen" in s.value for s in evaluator.success)
    assert evaluator.selectbox(key="view_run").value == 0
    assert _metrics(evaluator)["Bestanden"] == "1.000"


def test_only_question_sets_from_evals_and_the_data_dir_are_offered(
    settings: Settings, evaluator: AppTest, tmp_path: Path
) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "eigene.jsonl").write_text("{}", encoding="utf-8")
    (tmp_path / "geheim.jsonl").write_text("{}", encoding="utf-8")
    (settings.data_dir / "link.jsonl").symlink_to(tmp_path / "geheim.jsonl")
    evaluator.run()
    offered = evaluator.selectbox(key="eval_dataset").options
    assert offered[0].startswith("fragen.jsonl")
    assert any(o.startswith("eigene.jsonl") for o in offered)
    assert not any("geheim" in o or "link" in o or "personendaten" in o for o in offered)
    assert not evaluator.text_input  # no free path to type


def test_the_page_needs_the_evaluator_or_admin_login(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(settings, monkeypatch, hash_password(EVAL_PASSWORD, n=2**10))
    _login(at, "falsch")
    assert texts.LOGIN_WRONG in [e.value for e in at.error] and not at.tabs
    assert at.get("form")[0].proto.form.clear_on_submit  # the browser empties the field
    _login(at, ADMIN_PASSWORD)  # the admin may evaluate too
    assert [t.label for t in at.tabs][:1] == [texts.TAB_RUN_VIEW]
    assert "Administrator/in" in "".join(c.value for c in at.sidebar.caption)


def test_an_evaluator_cannot_open_the_admin_page(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _login(_open(settings, monkeypatch, hash_password(EVAL_PASSWORD, n=2**10)), EVAL_PASSWORD)
    at.switch_page("views/admin.py").run()
    assert not at.tabs and at.text_input(key="login_password") is not None


def test_an_idle_login_expires(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONZEPTLOTSE_SESSION_IDLE_MINUTES", "1")
    at = _login(_open(settings, monkeypatch, hash_password(EVAL_PASSWORD, n=2**10)), EVAL_PASSWORD)
    assert at.tabs
    at.session_state[login.SESSION_KEY].last_active -= 61
    at.run()
    assert not at.tabs
    assert any("abgelaufen" in i.value for i in at.info)


def test_without_any_password_the_page_explains_how_to_enable_it(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_env(monkeypatch, settings, "")
    monkeypatch.setenv("KONZEPTLOTSE_EVALUATOR_PASSWORD_HASH", "")
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("views/evaluation.py").run()
    assert "admin-hash --role evaluator" in at.info[0].value
    assert not at.text_input and not at.tabs


def test_feedback_can_be_exported_as_candidate_questions(
    settings: Settings, evaluator: AppTest
) -> None:
    store = FeedbackStore.for_data_dir(settings.data_dir)
    citation = Citation(1, "musterhausen.pdf", "Konzept", "Stadt Musterhausen", 3, "Dienstags.")
    store.add(Answer("Wann tagt sie?", "Dienstags. [1]", True, (citation,)), helpful=True)
    store.add(Answer("Wo ist das?", "Im Rathaus.", True), helpful=False, comment="falsch")
    evaluator.run()
    assert "1 hilfreich · 1 nicht hilfreich" in [c.value for c in evaluator.caption]
    labels = [d.proto.label for d in evaluator.get("download_button")]
    assert texts.FEEDBACK_EXPORT in labels
