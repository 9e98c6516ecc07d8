"""Local feedback storage and its export as candidate evaluation questions."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.feedback import FeedbackStore, candidate_questions, candidates_jsonl
from assistant.types import Answer, Citation
from evals.dataset import load_questions


def _answer(question: str, found: bool = True) -> Answer:
    citations = (
        (
            Citation(1, "a.pdf", "A", "Stadt A", 3, "Die Konferenz tagt dienstags."),
            Citation(2, "a.pdf", "A", "Stadt A", 4, "Sie vergibt Plätze."),
            Citation(3, "b.md", "B", "Stadt B", 1, "Mittwochs."),
        )
        if found
        else ()
    )
    text = "Die Konferenz tagt dienstags. [1]" if found else "Dazu steht nichts in den Dokumenten."
    return Answer(question, text, found, citations, index_version="g1:7")


def test_store_add_update_and_read(tmp_path: Path) -> None:
    store = FeedbackStore.for_data_dir(tmp_path / "data")
    assert store.records() == []
    first = store.add(_answer("Wann tagt die Konferenz?"), helpful=True, history=["Vorher?"])
    second = store.add(_answer("Was kostet das?", found=False), helpful=False, comment=" zu knapp ")
    store.update(first, comment="passt")
    store.update(second, helpful=True)
    records = store.records()
    assert [r.id for r in records] == [first, second]
    one, two = records
    assert one.question == "Wann tagt die Konferenz?" and one.history == ("Vorher?",)
    assert one.helpful and one.comment == "passt" and one.found
    assert one.index_version == "g1:7"
    assert one.citations[0] == {**one.citations[0], "doc_id": "a.pdf", "page": 3, "n": 1}
    assert two.helpful and two.comment == "zu knapp" and not two.found
    assert (tmp_path / "data" / "feedback.sqlite").is_file()


def test_candidates_propose_gold_or_flag_for_review(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite")
    store.add(_answer("Wann tagt die Konferenz?"), helpful=True)
    store.add(_answer("Wo ist das Büro?"), helpful=False, comment="falsche Stadt")
    store.add(_answer("Was kostet der Kurs?", found=False), helpful=True)
    helpful, unhelpful, refusal = candidate_questions(store.records())
    assert helpful["candidate"] is True and helpful["expected"] == "answer"
    assert helpful["gold"] == [{"doc": "a.pdf", "pages": [3, 4]}, {"doc": "b.md", "pages": [1]}]
    assert helpful["category"] == "" and not helpful["needs_review"]
    assert unhelpful["needs_review"] and unhelpful["gold"] == []
    assert unhelpful["feedback"]["comment"] == "falsche Stadt"
    assert refusal["expected"] == "refuse" and refusal["category"] == "nicht_enthalten"


def test_export_is_loadable_as_a_question_set(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite")
    store.add(_answer("Wann tagt die Konferenz?"), helpful=True, history=["Und davor?"])
    store.add(_answer("Wo?"), helpful=False)
    dataset = tmp_path / "kandidaten.jsonl"
    dataset.write_text(candidates_jsonl(store.records()), encoding="utf-8")
    questions = load_questions(dataset)
    assert [q.question for q in questions] == ["Wann tagt die Konferenz?", "Wo?"]
    assert questions[0].gold[0].doc == "a.pdf" and questions[0].history == ("Und davor?",)
    assert questions[1].extra["needs_review"] is True
    assert all(json.loads(line)["candidate"] for line in dataset.read_text().splitlines())
    assert candidates_jsonl([]) == ""


def test_nothing_personal_is_stored_or_exported(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite")
    question = "Mein Schüler Ahmet Yilmaz, geboren 12.03.2011, braucht einen Schulplatz – was tun?"
    rating = store.add(
        _answer(question), helpful=False, comment="Mutter: 0151 23456789", history=["Frau Nowak?"]
    )
    store.update(rating, comment="Familie Haddad, Lindenstraße 14, bitte prüfen")
    raw = (tmp_path / "f.sqlite").read_bytes()
    for detail in (b"Yilmaz", b"Ahmet", b"12.03.2011", b"0151", b"Nowak", b"Haddad", b"Lindenstra"):
        assert detail not in raw
    (record,) = store.records()
    assert record.question.startswith("Mein Schüler [Name], geboren [Geburtsdatum]")
    assert record.comment == "Familie [Name], [Adresse], bitte prüfen"
    assert "Yilmaz" not in candidates_jsonl(store.records())


def test_records_from_before_the_guard_are_redacted_on_open(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "f.sqlite"
    FeedbackStore(path).add(_answer("Wann tagt die Konferenz?"), helpful=True)
    with sqlite3.connect(path) as db:  # an old record, written without the guard
        db.execute("UPDATE feedback SET question = 'Was gilt für Olena Melnyk?'")
        db.execute("PRAGMA user_version = 0")
    assert FeedbackStore(path).records()[0].question == "Was gilt für [Name]?"
    assert b"Melnyk" not in path.read_bytes()
