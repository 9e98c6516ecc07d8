"""The app shell: three pages behind one navigation, each rendering without errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.settings import Settings
from ui import texts

from .ui_corpus import app_env

APP = str(Path(__file__).resolve().parents[1] / "ui" / "app.py")


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("views/chat.py", texts.CHAT_TITLE),
        ("views/admin.py", texts.ADMIN_TITLE),
        ("views/evaluation.py", texts.EVAL_TITLE),
    ],
)
def test_every_page_renders(
    page: str, title: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_env(monkeypatch, settings)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title[0].value == title


def test_ui_does_not_hold_retrieval_logic() -> None:
    for path in (Path(APP).parent).rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for forbidden in (
            "assistant.retrieve",
            "assistant.answer",
            "assistant.lexical",
            "chromadb",
        ):
            assert forbidden not in source, f"{path.name} importiert {forbidden}"
