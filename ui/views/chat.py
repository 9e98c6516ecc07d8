"""Chat page for staff: questions in, cited and verifiable answers out."""

from __future__ import annotations

import logging

import streamlit as st

from assistant.errors import KonzeptlotseError
from assistant.settings import Settings
from assistant.types import DocRecord, Filters, stand_year
from ui import render, state, texts
from ui.formatting import escape_markdown

PENDING = "pending_question"
log = logging.getLogger(__name__)


def _options(documents: list[DocRecord]) -> tuple[list[str], list[str], list[int]]:
    kommunen = sorted({d.meta.kommune for d in documents if d.meta.kommune})
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
    turns = state.chat_turns()
    history = tuple(t.answer.question for t in turns)
    with st.chat_message("user"):
        st.markdown(escape_markdown(question))
    with st.chat_message("assistant"):
        try:
            events = state.assistant(config).ask_stream(
                question, filters=filters or None, history=list(history)
            )
            answer = render.stream_answer(events)
        except KonzeptlotseError as exc:
            st.error(escape_markdown(str(exc)))
            return
        except Exception as exc:  # keep the conversation usable; details go to the log
            log.exception("Frage fehlgeschlagen: %s", question)
            st.error(texts.ASK_FAILED.format(error=type(exc).__name__))
            return
        if answer is None:
            st.error(texts.ASK_FAILED.format(error="keine Antwort"))
            return
        turns.append(state.ChatTurn(answer, label, history))
        render.turn(len(turns) - 1, turns[-1], config)


def main() -> None:
    """Render the chat page."""
    config = state.settings()
    st.title(texts.CHAT_TITLE)
    st.caption(texts.CHAT_CAPTION)
    filters, label = _filters(config)
    question = st.chat_input(texts.CHAT_PLACEHOLDER) or st.session_state.pop(PENDING, None)
    if not state.chat_turns() and not question:
        _welcome(has_index=bool(state.documents(config)))
    _history()
    if question:
        _ask(config, question.strip(), filters, label)


if __name__ == "__main__":
    main()
