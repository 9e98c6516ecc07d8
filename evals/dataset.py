"""The evaluation set format (JSONL, one question per line) and its loader.

See ``evals/README.md`` for the field meanings. Validation of the set against the corpus
lives in the tests (``tests/test_eval_set.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "CATEGORIES",
    "DEFAULT_DATASET",
    "FORMAT_VERSION",
    "Gold",
    "Question",
    "load_questions",
]

FORMAT_VERSION = 1
DEFAULT_DATASET = Path(__file__).with_name("fragen.jsonl")
CATEGORIES = {
    "fakt": "Einzelfakt",
    "prozess": "Prozess (Leitfaden)",
    "vergleich": "Vergleich der Kommunen",
    "mehrteilig": "Über mehrere Seiten/Abschnitte",
    "folgefrage": "Folgefrage im Dialog",
    "nicht_enthalten": "Nicht in den Dokumenten",
}


@dataclass(frozen=True)
class Gold:
    """A document and the pages on which the answer stands."""

    doc: str
    pages: tuple[int, ...]

    def matches(self, doc_id: str, page_start: int, page_end: int) -> bool:
        """Whether a passage (document + page span) lies on one of the gold pages."""
        return doc_id == self.doc and any(page_start <= p <= page_end for p in self.pages)


@dataclass(frozen=True)
class Question:
    """One evaluation item. ``facts``: each entry is a list of acceptable spellings."""

    id: str
    question: str
    category: str
    expected: str  # "answer" | "refuse"
    split: str = "dev"  # "dev" (tuning allowed) | "test" (report only)
    gold: tuple[Gold, ...] = ()
    facts: tuple[tuple[str, ...], ...] = ()
    history: tuple[str, ...] = ()  # earlier turns of a dialogue (questions only)
    kommunen: tuple[str, ...] = ()  # comparisons: municipalities that address the topic
    # comparisons with a gap: municipalities the question names whose documents are on the
    # topic but do not state the asked detail (their part of the answer must be a refusal)
    ohne: tuple[str, ...] = ()
    lexical_overlap: bool = False  # tagged: shares most words with the gold passage
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def answerable(self) -> bool:
        """Whether the documents contain the answer."""
        return self.expected == "answer"


def _question(raw: dict[str, Any], where: str) -> Question:
    try:
        facts = tuple(tuple(f) if isinstance(f, list) else (str(f),) for f in raw.get("facts", []))
        gold = tuple(Gold(g["doc"], tuple(int(p) for p in g["pages"])) for g in raw.get("gold", []))
        known = {
            "id",
            "question",
            "category",
            "expected",
            "split",
            "gold",
            "facts",
            "history",
            "kommunen",
            "ohne",
            "lexical_overlap",
            "notes",
            "format",
        }
        return Question(
            id=str(raw["id"]),
            question=str(raw["question"]),
            category=str(raw["category"]),
            expected=str(raw.get("expected", "answer")),
            split=str(raw.get("split", "dev")),
            gold=gold,
            facts=facts,
            history=tuple(raw.get("history", [])),
            kommunen=tuple(raw.get("kommunen", [])),
            ohne=tuple(raw.get("ohne", [])),
            lexical_overlap=bool(raw.get("lexical_overlap", False)),
            notes=str(raw.get("notes", "")),
            extra={k: v for k, v in raw.items() if k not in known},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where}: ungültige Frage ({exc!r})") from exc


def load_questions(path: Path = DEFAULT_DATASET) -> list[Question]:
    """All questions of a JSONL file (blank lines and ``//`` comment lines are skipped)."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: kein gültiges JSON ({exc})") from exc
        questions.append(_question(raw, f"{path}:{number}"))
    return questions
