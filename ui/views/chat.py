"""Chat page for staff: questions in, cited and verifiable answers out."""

from __future__ import annotations

import logging

import streamlit as st

from assistant import pii
from assistant import texts as pii_texts
from assistant.audit import entry_for
from assistant.contacts import Contact, find_contact
from assistant.errors import KonzeptlotseError
from assistant.settings import Settings
from assistant.types import Answer, DocRecord, Filters, stand_year
from ui import render, state, texts
from ui.formatting import escape_markdown, is_municipality

PENDING = "pending_question"
PRIVACY = "privacy_notice"  # (redacted question, kinds found) while the notice is shown
REMOVED = "removed_kinds"  # kinds removed from the question about to be asked
log = logging.getLogger(__name__)


def _options(documents: list[DocRecord]) -> tuple[list[str], list[str], list[int]]:
    # Cross-municipal documents (the guide) carry a pseudo-Kommune; they are found through
    # their document type, not offered as a place.
    kommunen = sorted({d.meta.kommune for d in documents if is_municipality(d.meta.kommune)})
    doc_types = sorted({d.meta.doc_type for d in documents if d.meta.doc_type})
    years = sorted({stand_year(d.meta.stand) for d in documents} - {0}, reverse=True)
    return kommunen, doc_types, years


def _filters(config: Settings) -> tuple[Filters, str]:
    """The sidebar filters and a readable summary of those in force."""
    kommunen, doc_types, years = _options(state.documents(config))
    with st.sidebar:
        st.header(texts.FILTERS)
        chosen_kommunen = st.multiselect(
            texts.FILTER_KOMMUNE, kommunen, placeholder=texts.FILTER_KOMMUNE_ALL, key="f_kommune"
        )
        chosen_types = st.multiselect(
            texts.FILTER_DOC_TYPE, doc_types, placeholder=texts.FILTER_DOC_TYPE_ALL, key="f_type"
        )
        year = st.selectbox(
            texts.FILTER_STAND,
            [0, *years],
            format_func=lambda y: texts.FILTER_STAND_ALL if y == 0 else str(y),
            key="f_year",
        )
        st.button(texts.NEW_CONVERSATION, on_click=_clear, icon=":material/restart_alt:")
    filters = Filters(tuple(chosen_kommunen), tuple(chosen_types), int(year))
    labels = [*chosen_kommunen, *chosen_types]
    if year:
        labels.append(texts.FILTER_YEAR.format(year=year))
    return filters, ", ".join(labels)


def _clear() -> None:
    state.chat_turns().clear()


def _choose(question: str) -> None:
    st.session_state[PENDING] = question


def _welcome(has_index: bool) -> None:
    with st.container(border=True):
        st.header(texts.WELCOME_HEADING)
        if not has_index:
            st.info(texts.NO_INDEX)
            return
        st.markdown(texts.WELCOME_BODY)
        with st.container(horizontal=True):
            for i, example in enumerate(texts.EXAMPLE_QUESTIONS):
                st.button(example, key=f"example-{i}", on_click=_choose, args=(example,))


def _history() -> None:
    for index, turn in enumerate(state.chat_turns()):
        with st.chat_message("user"):
            st.markdown(escape_markdown(turn.answer.question))
        with st.chat_message("assistant"):
            render.turn(index, turn, state.settings())


def _ask(config: Settings, question: str, filters: Filters, label: str) -> None:
    screening = pii.screen(question, state.known_places(config))
    if screening.personal:  # never asked, shown, stored or sent: only the redacted form stays
        st.session_state[PRIVACY] = (screening.redacted, screening.kinds)
        return
    removed = tuple(st.session_state.pop(REMOVED, ()))
    turns = state.chat_turns()
    history = tuple(t.answer.question for t in turns)
    with st.chat_message("user"):
        st.markdown(escape_markdown(question))
    with st.chat_message("assistant"):
        answer = _answer(config, question, filters, history)
        if answer is None:
            return
        turns.append(state.ChatTurn(answer, label, history, contact=_contact(config, answer)))
        _record(config, answer, removed)
        render.turn(len(turns) - 1, turns[-1], config)


def _answer(
    config: Settings, question: str, filters: Filters, history: tuple[str, ...]
) -> Answer | None:
    try:
        events = state.assistant(config).ask_stream(
            question, filters=filters or None, history=list(history)
        )
        answer = render.stream_answer(events)
    except KonzeptlotseError as exc:
        st.error(escape_markdown(str(exc)))
        return None
    except Exception as exc:  # keep the conversation usable; details go to the log
        log.exception("Frage fehlgeschlagen")  # the question itself is not logged
        st.error(texts.ASK_FAILED.format(error=type(exc).__name__))
        return None
    if answer is None:
        st.error(texts.ASK_FAILED.format(error="keine Antwort"))
    return answer


def _contact(config: Settings, answer: Answer) -> Contact | None:
    try:
        return find_contact(answer, state.assistant(config).index.chunks())
    except KonzeptlotseError:
        return None


def _record(config: Settings, answer: Answer, removed: tuple[str, ...]) -> None:
    """Append the audit record of this answer; a full disk must not break the chat."""
    documents = {d.doc_id: d for d in state.documents(config)}
    entry = entry_for(answer, documents, "chat", state.session_token(), removed)
    try:
        state.audit_log(config).append(entry)
    except OSError:
        log.exception("Prüfprotokoll konnte nicht geschrieben werden")
        st.warning(texts.AUDIT_WRITE_FAILED)


def _ask_redacted(redacted: str, kinds: tuple[str, ...]) -> None:
    st.session_state.pop(PRIVACY, None)
    st.session_state[PENDING] = redacted
    st.session_state[REMOVED] = kinds


def _discard() -> None:
    st.session_state.pop(PRIVACY, None)


def _privacy_notice() -> None:
    """The notice for a question with personal details, and the offer to ask without them."""
    pending = st.session_state.get(PRIVACY)
    if pending is None:
        return
    redacted, kinds = pending
    found = ", ".join(pii_texts.PII_KIND_NAMES[k] for k in kinds)
    with st.container(border=True, key="privacy-notice"):
        st.warning(texts.PRIVACY_NOTICE.format(kinds=found), icon=":material/shield_person:")
        st.markdown(f"**{texts.PRIVACY_REDACTED}**")
        st.markdown("> " + escape_markdown(redacted))
        with st.container(horizontal=True):
            st.button(
                texts.PRIVACY_ASK_REDACTED,
                type="primary",
                on_click=_ask_redacted,
                args=(redacted, kinds),
                icon=":material/send:",
                key="privacy-ask",
            )
            st.button(texts.PRIVACY_DISCARD, on_click=_discard, key="privacy-discard")


def main() -> None:
    """Render the chat page."""
    config = state.settings()
    st.title(texts.CHAT_TITLE)
    st.caption(texts.CHAT_CAPTION)
    filters, label = _filters(config)
    question = st.chat_input(texts.CHAT_PLACEHOLDER) or st.session_state.pop(PENDING, None)
    if question:
        st.session_state.pop(PRIVACY, None)  # a new question replaces an open notice
    if not state.chat_turns() and not question and PRIVACY not in st.session_state:
        _welcome(has_index=bool(state.documents(config)))
    _history()
    if question:
        _ask(config, question.strip(), filters, label)
    _privacy_notice()


if __name__ == "__main__":
    main()
