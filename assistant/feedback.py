"""Local feedback on answers (helpful / not helpful + comment) and its export as eval candidates.

Feedback is stored in one SQLite file in the data directory and never leaves the machine.
Nothing personal is kept: the question, the earlier questions and the comment pass the
personal-data guard (``assistant.pii``) before they are written, and records written before
the guard existed are redacted when the store is opened.
The export turns it into candidate questions in the JSONL format of ``evals/fragen.jsonl``
for a reviewer to complete (category, gold pages, facts) before they join the set.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .pii import redact
from .types import Answer

__all__ = [
    "FEEDBACK_FILE",
    "FeedbackRecord",
    "FeedbackStore",
    "candidate_questions",
    "candidates_jsonl",
]

FEEDBACK_FILE = "feedback.sqlite"
SCHEMA_VERSION = 1  # 1: question, history and comment are stored redacted

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    history TEXT NOT NULL,
    answer TEXT NOT NULL,
    found INTEGER NOT NULL,
    citations TEXT NOT NULL,
    index_version TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    comment TEXT NOT NULL
);
"""

REVIEW_HELPFUL = (
    "Als hilfreich bewertet: Gold (Dokument/Seite) aus den Zitaten übernommen, bitte prüfen."
)
REVIEW_HELPFUL_REFUSAL = (
    "Ablehnung als hilfreich bewertet: bitte prüfen, ob wirklich nichts dazu steht."
)
REVIEW_NOT_HELPFUL = (
    "Als nicht hilfreich bewertet: erwartetes Verhalten, Gold und Fakten bitte festlegen."
)


@dataclass(frozen=True)
class FeedbackRecord:
    """One stored rating of one answer."""

    id: int
    created_at: str
    question: str
    history: tuple[str, ...]
    answer: str
    found: bool
    citations: tuple[dict[str, Any], ...]
    index_version: str
    helpful: bool
    comment: str


class FeedbackStore:
    """Feedback records in ``<data_dir>/feedback.sqlite``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> FeedbackStore:
        """The store of a data directory."""
        return cls(data_dir / FEEDBACK_FILE)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute("PRAGMA secure_delete = ON")  # overwritten text leaves no trace in the file
            db.executescript(_SCHEMA)
            if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                _redact_stored(db)
                db.execute("VACUUM")
            with db:
                yield db
        finally:
            db.close()

    def add(
        self, answer: Answer, helpful: bool, comment: str = "", history: Sequence[str] = ()
    ) -> int:
        """Store a rating of ``answer`` (asked after ``history``); returns its id."""
        citations = [c.to_json() for c in answer.citations]
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO feedback (created_at, question, history, answer, found, citations,"
                " index_version, helpful, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    time.strftime("%Y-%m-%dT%H:%M:%S"),
                    redact(answer.question),
                    json.dumps([redact(h) for h in history], ensure_ascii=False),
                    answer.text,
                    int(answer.found),
                    json.dumps(citations, ensure_ascii=False),
                    answer.index_version,
                    int(helpful),
                    redact(comment.strip()),
                ),
            )
            return int(cursor.lastrowid or 0)

    def update(
        self, feedback_id: int, helpful: bool | None = None, comment: str | None = None
    ) -> None:
        """Change the rating and/or the comment of a stored record."""
        with self._connect() as db:
            if helpful is not None:
                db.execute(
                    "UPDATE feedback SET helpful = ? WHERE id = ?", (int(helpful), feedback_id)
                )
            if comment is not None:
                db.execute(
                    "UPDATE feedback SET comment = ? WHERE id = ?",
                    (redact(comment.strip()), feedback_id),
                )

    def records(self) -> list[FeedbackRecord]:
        """All records, oldest first."""
        if not self.path.is_file():
            return []
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, created_at, question, history, answer, found, citations,"
                " index_version, helpful, comment FROM feedback ORDER BY id"
            ).fetchall()
        return [_record(row) for row in rows]


def _redact_stored(db: sqlite3.Connection) -> None:
    """Redact records stored before the personal-data guard (once per file)."""
    with db:
        rows = db.execute("SELECT id, question, history, comment FROM feedback").fetchall()
        for id_, question, history, comment in rows:
            earlier = [redact(h) for h in json.loads(history)]
            db.execute(
                "UPDATE feedback SET question = ?, history = ?, comment = ? WHERE id = ?",
                (redact(question), json.dumps(earlier, ensure_ascii=False), redact(comment), id_),
            )
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _record(row: tuple[Any, ...]) -> FeedbackRecord:
    id_, created, question, history, answer, found, citations, version, helpful, comment = row
    return FeedbackRecord(
        id=int(id_),
        created_at=created,
        question=question,
        history=tuple(json.loads(history)),
        answer=answer,
        found=bool(found),
        citations=tuple(json.loads(citations)),
        index_version=version,
        helpful=bool(helpful),
        comment=comment,
    )


def _gold(citations: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    pages: dict[str, set[int]] = {}
    for c in citations:
        pages.setdefault(str(c["doc_id"]), set()).add(int(c["page"]))
    return [{"doc": doc, "pages": sorted(p)} for doc, p in pages.items()]


def candidate_questions(records: Sequence[FeedbackRecord]) -> list[dict[str, Any]]:
    """Feedback as candidate eval questions (``evals/dataset.py`` format, marked as candidates).

    Helpful answers propose their cited documents/pages as gold; a helpful refusal proposes
    "refuse"; not helpful ones are flagged for review with gold left empty.
    """
    candidates = []
    for r in records:
        refusal = r.helpful and not r.found
        if r.helpful and r.found:
            review = REVIEW_HELPFUL
        else:
            review = REVIEW_HELPFUL_REFUSAL if refusal else REVIEW_NOT_HELPFUL
        candidates.append(
            {
                "id": f"kandidat-{r.id}",
                "question": redact(r.question),
                "category": "nicht_enthalten" if refusal else "",
                "expected": "refuse" if refusal else "answer",
                "split": "dev",
                "gold": _gold(r.citations) if r.helpful and r.found else [],
                "facts": [],
                "history": [redact(h) for h in r.history],
                "candidate": True,
                "needs_review": not r.helpful,
                "review": review,
                "feedback": {
                    "helpful": r.helpful,
                    "comment": redact(r.comment),
                    "answer": r.answer,
                    "found": r.found,
                    "citations": list(r.citations),
                    "index_version": r.index_version,
                    "created_at": r.created_at,
                },
            }
        )
    return candidates


def candidates_jsonl(records: Sequence[FeedbackRecord]) -> str:
    """The candidates as JSONL text (one question per line)."""
    lines = [json.dumps(c, ensure_ascii=False) for c in candidate_questions(records)]
    return "\n".join(lines) + ("\n" if lines else "")
