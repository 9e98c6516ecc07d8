"""The Streamlit chat, driven by Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ingest import run_ingest

APP = str(Path(__file__).resolve().parents[1] / "ui" / "app.py")


@pytest.fixture
def app(settings, musterhausen_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:  # type: ignore[no-untyped-def]
    run_ingest(settings)
    monkeypatch.setenv("KONZEPTLOTSE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("KONZEPTLOTSE_CORPUS_DIR", str(settings.corpus_dir))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    return at


def test_question_in_cited_answer_out(app: AppTest) -> None:
    app.chat_input[0].set_value("Wann tagt die Schulplatzkonferenz?").run()
    assert not app.exception
    answer = app.chat_message[1].markdown[0].value
    assert "Dienstag" in answer and "[1]" in answer
    assert any("Seite 3" in e.label for e in app.expander)


def test_refusal_is_marked(app: AppTest) -> None:
    app.chat_input[0].set_value("Wie viel kostet ein Schwimmkurs im Hallenbad?").run()
    assert not app.exception
    assert any("Keine belegte Antwort" in w.value for w in app.warning)
