"""The first-visit example questions must work on the bundled corpus (slow: full ingest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.api import Assistant
from assistant.settings import Settings
from ui import texts

from .conftest import CORPUS_DOCS


@pytest.mark.slow
@pytest.mark.parametrize("question", texts.EXAMPLE_QUESTIONS)
def test_example_question_is_answered_with_sources(question: str, corpus_index_dir: Path) -> None:
    assistant = Assistant(Settings(data_dir=corpus_index_dir, corpus_dir=CORPUS_DOCS))
    answer = assistant.ask(question)
    assert answer.found, f"{question!r} wird abgelehnt"
    assert answer.citations and all(c.page >= 1 for c in answer.citations)
