"""Streamlit chat for staff: questions in, cited answers out. Run via ``konzeptlotse ui``."""

from __future__ import annotations

import streamlit as st

from assistant import Answer, Citation, Filters, KonzeptlotseError, Settings, get_assistant
from assistant.privacy import apply_offline_defaults

TITLE = "Konzeptlotse"
INTRO = (
    "Fragen Sie nach Inhalten der Kommunalen Konzepte und des Orientierungsrahmens. "
    "Jede Aussage der Antwort ist mit einer nummerierten Quelle (Dokument, Seite, Textstelle) "
    "belegt. Steht etwas nicht in den Dokumenten, sagt der Konzeptlotse das."
)
REFUSAL_NOTE = "Keine belegte Antwort: Die Dokumente enthalten dazu nichts Ausreichendes."


@st.cache_resource
def _settings() -> Settings:
    apply_offline_defaults()
    return Settings.from_env()


def _kommunen(settings: Settings) -> list[str]:
    try:
        documents = get_assistant(settings).index.documents()
    except KonzeptlotseError:
        return []
    return sorted({d.meta.kommune for d in documents if d.meta.kommune})


def _render_sources(citations: tuple[Citation, ...], heading: str) -> None:
    st.markdown(f"**{heading}**")
    for c in citations:
        label = (
            f"[{c.n}] {c.title}" + (f" – {c.kommune}" if c.kommune else "") + f", Seite {c.page}"
        )
        with st.expander(label):
            details = [c.doc_type, f"Stand {c.stand}" if c.stand else "", c.section]
            st.caption(" · ".join(d for d in details if d))
            st.markdown(f"> {c.quote}")


def _render_answer(answer: Answer) -> None:
    if not answer.found:
        st.warning(REFUSAL_NOTE, icon="ℹ️")
    st.markdown(answer.text)
    if answer.citations:
        _render_sources(answer.citations, "Quellen")
    elif answer.related:
        _render_sources(answer.related, "Möglicherweise relevant")


def main() -> None:
    """Render the chat page."""
    st.set_page_config(page_title=TITLE, page_icon="🧭", layout="wide")
    settings = _settings()
    st.title(TITLE)
    st.caption(INTRO)
    with st.sidebar:
        st.header("Filter")
        chosen = st.multiselect("Kommune", _kommunen(settings), placeholder="Alle Kommunen")
    history: list[Answer] = st.session_state.setdefault("history", [])
    for past in history:
        with st.chat_message("user"):
            st.markdown(past.question)
        with st.chat_message("assistant"):
            _render_answer(past)
    question = st.chat_input("Ihre Frage, z. B. „Wer führt die Erstberatung durch?“")
    if not question:
        return
    with st.chat_message("user"):
        st.markdown(question)
    with st.chat_message("assistant"):
        try:
            with st.spinner("Suche in den Dokumenten …"):
                answer = get_assistant(settings).ask(
                    question, filters=Filters(kommunen=tuple(chosen))
                )
        except KonzeptlotseError as exc:
            st.error(str(exc))
            return
        _render_answer(answer)
    history.append(answer)


main()
