"""The chat page, driven by Streamlit's AppTest against a real index of a small corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.audit import AuditLog
from assistant.feedback import FeedbackStore
from assistant.settings import Settings
from assistant.types import Answer, Citation, ComparisonPart, SentenceCheck
from ingest import run_ingest
from ui import texts
from ui.state import ChatTurn

from .ui_corpus import app_env, make_corpus

APP = str(Path(__file__).resolve().parents[1] / "ui" / "app.py")


@pytest.fixture(scope="module")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The two-municipality corpus, ingested once for this module."""
    root = tmp_path_factory.mktemp("chat")
    docs = root / "docs"
    docs.mkdir()
    settings = Settings(data_dir=root / "data", corpus_dir=make_corpus(docs))
    run_ingest(settings)
    return settings


@pytest.fixture
def app(corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    app_env(monkeypatch, corpus_settings)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    yield at


def _ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def _button(at: AppTest, label: str) -> Any:
    """The first button with this label."""
    return next(b for b in at.button if b.label == label)


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def _captions(at: AppTest) -> str:
    """Caption texts without Markdown escapes."""
    return "\n".join(c.value for c in at.caption).replace("\\", "")


def test_first_visit_explains_and_offers_three_examples(app: AppTest) -> None:
    assert texts.WELCOME_HEADING in [h.value for h in app.header]
    assert "Was er nicht kann" in _markdown(app)
    labels = [b.label for b in app.button]
    assert all(example in labels for example in texts.EXAMPLE_QUESTIONS)
    app.button(key="example-0").click().run()
    assert not app.exception
    assert app.chat_message[0].markdown[0].value.startswith("Wann hat die Clearingstelle")
    assert texts.WELCOME_HEADING not in [h.value for h in app.header]


def test_question_in_cited_answer_with_verifiable_sources_out(app: AppTest) -> None:
    _ask(app, "Wann tagt die Schulplatzkonferenz in Musterhausen?")
    answer = app.chat_message[1].markdown[0].value
    assert "Dienstag" in answer
    assert "[\\[1\\]](#quelle-1-1)" in answer  # the marker links to its source card
    assert '<span id="quelle-1-1"></span>' in _markdown(app)
    meta = _captions(app)
    assert "Stadt Musterhausen · Kommunales Konzept · Stand 01.05.2023 · Seite 3" in meta
    assert "Konzept Neuzuwanderung Musterhausen" in _markdown(app)
    context = "\n".join(h.proto.body for h in app.get("html"))
    assert "<mark>" in context and "Dienstag" in context
    assert next(d.proto.label for d in app.get("download_button")) == texts.DOWNLOAD
    assert any(p.proto.popover.label == texts.COPY for p in app.get("popover"))


def test_source_opens_the_original_page(app: AppTest) -> None:
    _ask(app, "Wann tagt die Schulplatzkonferenz in Musterhausen?")
    _button(app, texts.OPEN_PAGE).click().run()
    assert not app.exception
    assert len(app.image) == 1
    assert "Seite 3 von 3" in _captions(app) and texts.PAGE_MARKED in _captions(app)
    assert _button(app, texts.PAGE_NEXT).disabled  # page 3 of 3
    # Paging inside the dialog reruns only the dialog; the browser test covers it.


def test_markdown_source_opens_as_text_with_the_quote_marked(app: AppTest) -> None:
    quote = "Das Elterncafé im Familienzentrum Beispielstadt öffnet donnerstags von 15 bis 17 Uhr."
    citation = Citation(
        1, "beispielstadt.md", "Konzept Beispielstadt", "Stadt Beispielstadt", 1, quote
    )
    answer = Answer("Wann öffnet das Elterncafé?", "Donnerstags. [1]", True, (citation,))
    app.session_state["chat_turns"] = [ChatTurn(answer)]
    app.run()
    _button(app, texts.OPEN_PAGE).click().run()
    assert not app.exception
    body = "\n".join(h.proto.body for h in app.get("html"))
    assert "<mark>Das Elterncafé im Familienzentrum Beispielstadt öffnet donnerstags" in body


def test_feedback_is_stored_locally_with_its_context(
    app: AppTest, corpus_settings: Settings
) -> None:
    store = FeedbackStore.for_data_dir(corpus_settings.data_dir)
    before = len(store.records())
    _ask(app, "Wann tagt die Schulplatzkonferenz in Musterhausen?")
    _button(app, texts.FEEDBACK_HELPFUL).click().run()
    assert texts.FEEDBACK_THANKS in _captions(app)
    record = store.records()[-1]
    assert len(store.records()) == before + 1
    assert record.helpful and record.found and record.question.startswith("Wann tagt")
    assert record.citations[0]["doc_id"] == "musterhausen.pdf" and record.index_version
    app.text_input[0].set_value("Genau richtig")
    _button(app, texts.FEEDBACK_COMMENT_SAVE).click().run()
    _button(app, texts.FEEDBACK_UNHELPFUL).click().run()
    record = store.records()[-1]
    assert record.comment == "Genau richtig" and not record.helpful
    assert len(store.records()) == before + 1


def test_refusal_is_marked_and_offers_related_passages(app: AppTest) -> None:
    _ask(app, "Wie viel kostet ein Schwimmkurs im Hallenbad?")
    assert texts.REFUSAL_MARK in [w.value for w in app.warning]
    assert f"**{texts.RELATED}**" in _markdown(app)
    assert texts.RELATED_HINT in _captions(app)


def test_filters_restrict_the_sources(app: AppTest) -> None:
    assert app.sidebar.multiselect[0].options == ["Stadt Beispielstadt", "Stadt Musterhausen"]
    assert app.sidebar.multiselect[1].options == ["Handreichung", "Kommunales Konzept"]
    assert app.sidebar.selectbox[0].options == ["Alle", "2023", "2021"]
    app.sidebar.multiselect[0].set_value(["Stadt Beispielstadt"]).run()
    _ask(app, "Wann tagt die Schulplatzkonferenz?")
    answer = app.chat_message[1].markdown[0].value
    assert "Mittwoch" in answer and "Dienstag" not in answer
    assert "Gefiltert: Stadt Beispielstadt" in _captions(app)
    app.sidebar.multiselect[0].set_value([]).run()
    app.sidebar.selectbox[0].set_value(2023).run()
    _ask(app, "Wann tagt die Schulplatzkonferenz?")
    assert "Dienstag" in app.chat_message[3].markdown[0].value


def test_follow_up_questions_carry_the_history(app: AppTest) -> None:
    _ask(app, "Wann tagt die Schulplatzkonferenz in Musterhausen?")
    _ask(app, "Und wie lange dauert die Sprachstandsfeststellung?")
    assert len(app.chat_message) == 4
    _button(app, texts.FEEDBACK_HELPFUL).click().run()
    assert _button(app, texts.FEEDBACK_HELPFUL).proto.type == "primary"
    app.sidebar.button[0].click().run()  # "Neues Gespräch"
    assert len(app.chat_message) == 0
    _ask(app, "Wann tagt die Schulplatzkonferenz in Musterhausen?")
    assert _button(app, texts.FEEDBACK_HELPFUL).proto.type == "secondary"  # unrated


def _citation(n: int, kommune: str) -> Citation:
    return Citation(
        n,
        "musterhausen.pdf",
        f"Konzept {kommune}",
        kommune,
        1,
        f"Zitat {n}.",
        context=f"Kontext. Zitat {n}. Mehr.",
    )


def test_two_questions_in_one_message_are_answered_with_a_note_for_the_open_one(
    app: AppTest,
) -> None:
    _ask(app, "Wann tagt die Schulplatzkonferenz in Musterhausen, und was kostet sie?")
    answer = app.chat_message[1].markdown[0].value
    assert "Dienstag" in answer and "[\\[1\\]](#quelle-1-1)" in answer
    notes = "\n".join(i.value for i in app.info).replace("\\", "")
    assert "Zur Frage „Was kostet sie?“ steht nichts in den Dokumenten." in notes


def test_comparison_is_shown_side_by_side(app: AppTest) -> None:
    answer = Answer(
        question="Wie unterscheiden sich A und B bei der Erstberatung?",
        text="**Stadt A:** Im Rathaus. [1]\n\n**Stadt B:** Nichts.",
        found=True,
        citations=(_citation(1, "Stadt A"),),
        rewritten_query="Erstberatung Stadt A Stadt B",
        notes=("Hinweis: Die Fortschreibung 2025 ersetzt Teile des Konzepts 2022.",),
        comparison=(
            ComparisonPart("Stadt A", "Im Rathaus. [1]", True, (_citation(1, "Stadt A"),)),
            ComparisonPart("Stadt B", "In den Dokumenten von Stadt B steht dazu nichts.", False),
        ),
    )
    app.session_state["chat_turns"] = [ChatTurn(answer)]
    app.run()
    assert not app.exception
    assert len(app.columns) >= 2
    first, second = app.columns[0], app.columns[1]
    assert "**Stadt A**" in first.markdown[0].value
    assert "[\\[1\\]](#quelle-1-1)" in first.markdown[1].value
    assert "**Stadt B**" in second.markdown[0].value
    assert "steht dazu nichts" in second.info[0].value
    assert "Fortschreibung 2025" in app.info[-1].value.replace("\\", "")
    assert "Erstberatung Stadt A Stadt B" in _captions(app)


def test_generated_answers_show_their_model_and_weak_sentences(app: AppTest) -> None:
    checks = (
        SentenceCheck("Die Konferenz tagt dienstags.", (1,), 0.9, "belegt"),
        SentenceCheck("Sie tagt auch samstags.", (), 0.0, "ohne Beleg"),
    )
    answer = Answer(
        "Wann tagt die Konferenz?",
        "Die Konferenz tagt dienstags. [1] Sie tagt auch samstags.",
        True,
        (_citation(1, "Stadt A"),),
        generator="ollama:qwen",
        checks=checks,
    )
    app.session_state["chat_turns"] = [ChatTurn(answer)]
    app.run()
    assert "ollama:qwen" in _captions(app)
    (expander,) = [e for e in app.expander if "nicht ausreichend belegt" in e.label]
    assert "Sie tagt auch samstags" in expander.markdown[0].value.replace("\\", "")
    assert "Die Konferenz tagt" not in expander.markdown[0].value


def test_without_index_the_page_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_env(monkeypatch, Settings(data_dir=tmp_path / "leer", corpus_dir=tmp_path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert texts.NO_INDEX in [i.value for i in at.info]
    _ask(at, "Wann tagt die Schulplatzkonferenz?")
    assert "noch keinen Index" in at.error[0].value


PERSONAL = "Mein Schüler Ahmet Yilmaz, geboren 12.03.2011, braucht einen Schulplatz – was tun?"


def _page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [w.value for w in at.warning]
    return "\n".join(parts).replace("\\", "")


def test_personal_details_are_not_asked_and_a_redacted_question_is_offered(
    app: AppTest, corpus_settings: Settings
) -> None:
    _ask(app, PERSONAL)
    assert len(app.chat_message) == 0  # not asked, not echoed
    text = _page_text(app)
    assert "persönliche Angaben (Namen, Geburtsdaten)" in text
    assert "Mein Schüler [Name], geboren [Geburtsdatum], braucht einen Schulplatz" in text
    assert "Yilmaz" not in text and "12.03.2011" not in text
    _button(app, texts.PRIVACY_ASK_REDACTED).click().run()
    assert not app.exception
    assert (
        app.chat_message[0]
        .markdown[0]
        .value.replace("\\", "")
        .startswith("Mein Schüler [Name], geboren [Geburtsdatum]")
    )
    assert texts.PRIVACY_ASK_REDACTED not in [b.label for b in app.button]
    records = AuditLog.for_data_dir(corpus_settings.data_dir).entries()
    assert records[-1]["question"].startswith("Mein Schüler [Name]")
    assert records[-1]["personal_data_removed"] == ["name", "birthdate"]
    audit_files = b"".join(p.read_bytes() for p in (corpus_settings.data_dir / "audit").iterdir())
    assert b"Yilmaz" not in audit_files


def test_the_notice_can_be_discarded(app: AppTest) -> None:
    _ask(app, "Kann Frau Kowalski ihre Tochter unter 0151 23456789 anmelden?")
    _button(app, texts.PRIVACY_DISCARD).click().run()
    assert texts.PRIVACY_ASK_REDACTED not in [b.label for b in app.button]
    assert len(app.chat_message) == 0


def test_every_answer_is_recorded_in_the_audit_trail(
    app: AppTest, corpus_settings: Settings
) -> None:
    log = AuditLog.for_data_dir(corpus_settings.data_dir)
    before = len(log.entries())
    _ask(app, "Wann tagt die Schulplatzkonferenz in Musterhausen?")
    records = log.entries()
    assert len(records) == before + 1
    record = records[-1]
    assert record["channel"] == "chat" and record["found"] and record["generator"] == "extractive"
    assert record["index_generation"] and record["session"]
    (doc,) = [d for d in record["documents"] if d["doc_id"] == "musterhausen.pdf"]
    assert doc["stand"] == "2023-05-01" and len(doc["content_hash"]) == 64
    assert log.verify() == []


def test_the_responsible_office_is_shown_with_its_own_source(app: AppTest) -> None:
    _ask(app, "Wer ist in Beispielstadt für die Erstberatung zuständig?")
    assert not app.exception
    assert f"**{texts.CONTACT_HEADING}**" in [m.value for m in app.markdown]
    box = "\n".join(h.proto.body for h in app.get("html"))
    assert "<li>Stelle: Kommunale Integrationszentrum Beispielstadt</li>" in box
    assert "<li>Telefon: 05231 99-4410</li>" in box
    assert "<li>E-Mail: ki@beispielstadt.example</li>" in box
    assert "<li>Sprechzeiten: montags und mittwochs von 9 bis 12 Uhr</li>" in box
    assert "Quelle: Konzept Neuzuwanderung Beispielstadt" in _captions(app)


def test_no_responsible_office_is_invented(app: AppTest) -> None:
    _ask(app, "Wann tagt die Schulplatzkonferenz in Musterhausen?")
    assert f"**{texts.CONTACT_HEADING}**" not in [m.value for m in app.markdown]
