"""The audit trail: one chained record per answer, retention by day, tamper detection."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assistant.audit import AuditLog, entry_for, parse_day
from assistant.types import Answer, Citation, DocRecord, DocumentMeta, SentenceCheck

UTC = dt.UTC


def _answer(found: bool = True) -> Answer:
    citation = Citation(1, "a.pdf", "A", "Stadt A", 3, "Die Konferenz tagt dienstags.")
    checks = (SentenceCheck("x", (1,), 0.9, "belegt"), SentenceCheck("y", (), 0, "ohne Beleg"))
    return Answer(
        "Wann tagt die Konferenz?",
        "Die Konferenz tagt dienstags. [1]",
        found,
        (citation,) if found else (),
        index_version="g7:3",
        generator="openai:qwen2.5",
        checks=checks,
    )


DOCS = {
    "a.pdf": DocRecord(
        DocumentMeta("a.pdf", "A", stand="2023-05-01"), "/x/a.pdf", "f" * 64, "fp", 3, 9, "t"
    )
}


def _at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T10:00:00+00:00")


def test_an_entry_names_index_documents_generator_and_support() -> None:
    entry = entry_for(_answer(), DOCS, "chat", "s1", ("name",), now=_at("2026-11-30"))
    assert entry.time == "2026-11-30T10:00:00Z"
    assert entry.index_generation == "g7:3" and entry.found
    assert entry.generator == "openai" and entry.model == "qwen2.5"
    assert entry.documents[0].stand == "2023-05-01" and entry.documents[0].content_hash == "f" * 64
    assert entry.support == {"belegt": 1, "ohne Beleg": 1}
    assert entry.personal_data_removed == ("name",)


def test_records_are_appended_chained_and_verifiable(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit")
    for day in ("2026-11-28", "2026-11-29", "2026-11-29"):
        log.append(entry_for(_answer(), DOCS, "cli", now=_at(day)))
    records = log.entries()
    assert len(records) == 3 and records[1]["prev"] == records[0]["hash"]
    assert log.verify() == []
    assert len(log.entries(since=dt.date(2026, 11, 29))) == 2
    path = tmp_path / "audit" / "2026-11-29.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    changed = json.loads(lines[0])
    changed["found"] = False
    path.write_text(json.dumps(changed) + "\n" + lines[1] + "\n", encoding="utf-8")
    assert any("verändert" in p for p in log.verify())
    path.write_text(lines[1] + "\n", encoding="utf-8")  # a record removed
    assert any("fehlt" in p for p in log.verify())


def test_days_older_than_the_retention_are_deleted(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit", retention_days=90)
    log.append(entry_for(_answer(), DOCS, "chat", now=_at("2026-06-01")))
    log.append(entry_for(_answer(), DOCS, "chat", now=_at("2026-11-30")))
    assert [r["time"][:10] for r in log.entries()] == ["2026-11-30"]
    assert log.verify() == []  # the chain starts again at the oldest kept record


def test_dates_are_parsed_in_both_german_and_iso_form() -> None:
    assert parse_day("2026-11-01") == parse_day("01.11.2026") == dt.date(2026, 11, 1)
    with pytest.raises(ValueError, match="JJJJ-MM-TT"):
        parse_day("gestern")
