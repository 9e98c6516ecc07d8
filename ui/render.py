"""Rendering of one chat turn: answer text, comparison, sources, original page, actions."""

from __future__ import annotations

import html
import itertools
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import streamlit as st

from assistant.errors import KonzeptlotseError
from assistant.settings import Settings
from assistant.texts import SENTENCE_SUPPORTED
from assistant.types import Answer, Citation

from . import state, texts
from .formatting import (
    anchor,
    answer_markdown,
    citation_meta,
    contact_lines,
    escape_markdown,
    linked_markdown,
    stream_tokens,
)
from .highlight import highlighted_html
from .preview import PageImage, render_pdf_page

__all__ = ["stream_answer", "turn"]

STREAM_DELAY_S = 0.012  # pacing per word, so an extractive answer also appears progressively
CURSOR = "▌"
COMPARISON_COLUMNS = 3
PAGE_WIDTH_PX = 820


def stream_answer(events: Iterable[str | Answer]) -> Answer | None:
    """Show answer text while it is produced; returns the final ``Answer`` (None if none came).

    ``events`` is ``Assistant.ask_stream``: text chunks (from a language model as they
    arrive, or the extractive answer at once), then the ``Answer``. The provisional text is
    cleared afterwards; ``turn`` renders the final answer with its links and sources.
    """
    placeholder = st.empty()
    iterator = iter(events)
    with st.spinner(texts.SEARCHING):  # retrieval runs until the first chunk
        first = next(iterator, None)
    shown = ""
    final = None
    for item in itertools.chain([] if first is None else [first], iterator):
        if isinstance(item, Answer):
            final = item
            break
        for token in stream_tokens(item):
            shown += token
            placeholder.markdown(escape_markdown(shown) + CURSOR)
            time.sleep(STREAM_DELAY_S)
    placeholder.empty()
    return final


def turn(index: int, chat_turn: state.ChatTurn, config: Settings) -> None:
    """Render one answer with its sources and actions."""
    answer = chat_turn.answer
    if not answer.found:
        st.warning(texts.REFUSAL_MARK, icon=":material/block:")
    if answer.comparison:
        _comparison(index, answer)
    else:
        st.markdown(linked_markdown(answer.text, index, [c.n for c in answer.citations]))
    _generation_checks(answer)
    for note in answer.notes:
        st.info(escape_markdown(note), icon=":material/info:")
    if chat_turn.contact is not None:
        _contact_box(index, chat_turn, config)
    if chat_turn.filters:
        st.caption(escape_markdown(texts.FILTERS_ACTIVE.format(filters=chat_turn.filters)))
    if answer.citations:
        _sources(index, chat_turn, answer.citations, texts.SOURCES, config)
    elif answer.related:
        _sources(index, chat_turn, answer.related, texts.RELATED, config, texts.RELATED_HINT)
    _actions(index, chat_turn, config)


def _generation_checks(answer: Answer) -> None:
    """For a generated answer: which model wrote it and which sentences lack support."""
    if answer.generator == "extractive":
        return
    st.caption(escape_markdown(texts.GENERATED_BY.format(generator=answer.generator)))
    doubtful = [c for c in answer.checks if c.status != SENTENCE_SUPPORTED]
    if doubtful:
        label = texts.CHECKS_DOUBTFUL.format(count=len(doubtful))
        with st.expander(label, icon=":material/warning:"):
            for check in doubtful:
                st.markdown(f"- **{escape_markdown(check.status)}:** {escape_markdown(check.text)}")


def _issuers(config: Settings) -> dict[str, str]:
    """doc_id -> issuer, shown where a cross-municipal document has no Kommune."""
    return {d.doc_id: d.meta.issuer for d in state.documents(config)}


def _contact_box(index: int, chat_turn: state.ChatTurn, config: Settings) -> None:
    """Who is responsible, as the cited document says, with its own source."""
    contact = chat_turn.contact
    if contact is None or contact.citation is None:
        return
    c = contact.citation
    with st.container(border=True, key=f"contact-{chat_turn.uid}"):
        st.markdown(f"**{texts.CONTACT_HEADING}**")
        items = "".join(f"<li>{html.escape(line)}</li>" for line in contact_lines(contact))
        st.html(f'<ul class="kl-contact">{items}</ul>')  # plain text: no auto-linked e-mail
        issuer = _issuers(config).get(c.doc_id, "")
        source = f"{texts.CONTACT_SOURCE}: {c.title} – {citation_meta(c, issuer)}"
        st.caption(escape_markdown(source))
        st.markdown("> " + escape_markdown(" ".join(c.quote.split())))
        with st.container(horizontal=True, vertical_alignment="center"):
            key = f"open-z-{chat_turn.uid}"
            if st.button(texts.OPEN_PAGE, key=key, icon=":material/description:"):
                st.session_state[f"page-offset-{key}"] = 0
                _original_page(c, config, f"page-offset-{key}")
            st.caption(texts.CONTACT_HINT)


def _comparison(index: int, answer: Answer) -> None:
    st.markdown(f"**{texts.COMPARISON_HEADING}**")
    numbers = [c.n for c in answer.citations]
    parts = list(answer.comparison)
    for row in range(0, len(parts), COMPARISON_COLUMNS):
        columns = st.columns(COMPARISON_COLUMNS if len(parts) > COMPARISON_COLUMNS else len(parts))
        for column, part in zip(columns, parts[row : row + COMPARISON_COLUMNS], strict=False):
            with column, st.container(border=True):
                st.markdown(f"**{escape_markdown(part.kommune)}**")
                if part.found:
                    st.markdown(linked_markdown(part.text, index, numbers))
                else:
                    nothing = part.text or texts.COMPARISON_NOTHING.format(kommune=part.kommune)
                    st.info(escape_markdown(nothing), icon=":material/search_off:")


def _sources(
    index: int,
    chat_turn: state.ChatTurn,
    citations: Sequence[Citation],
    heading: str,
    config: Settings,
    hint: str = "",
) -> None:
    st.markdown(f"**{heading}**")
    if hint:
        st.caption(hint)
    query = chat_turn.answer.rewritten_query
    if query:
        st.caption(escape_markdown(texts.DETAILS_REWRITTEN.format(query=query)))
    kind = "q" if heading == texts.SOURCES else "r"
    issuers = _issuers(config)
    for citation in citations:
        key = f"open-{kind}-{chat_turn.uid}-{citation.n}"
        _source_card(index, citation, key, config, issuers.get(citation.doc_id, ""))


def _source_card(index: int, c: Citation, key: str, config: Settings, issuer: str) -> None:
    with st.container(border=True, gap="xsmall"):
        title = f"\\[{c.n}\\] {escape_markdown(c.title)}"
        st.markdown(f'<span id="{anchor(index, c.n)}"></span>**{title}**', unsafe_allow_html=True)
        st.caption(escape_markdown(citation_meta(c, issuer)))
        st.markdown("> " + escape_markdown(" ".join(c.quote.split())))
        with st.container(horizontal=True, vertical_alignment="top"):
            if st.button(
                texts.OPEN_PAGE, key=key, icon=":material/description:", help=texts.OPEN_PAGE_HELP
            ):
                st.session_state[f"page-offset-{key}"] = 0
                _original_page(c, config, f"page-offset-{key}")
            with st.expander(texts.CONTEXT):
                context = highlighted_html(c.context or c.quote, c.quote)
                st.html(f'<div class="kl-context">{context}</div>')


@st.cache_data(max_entries=32, show_spinner=False)
def _page_image(path: str, mtime: float, page: int, quote: str) -> PageImage:
    return render_pdf_page(Path(path), page, quote)


def _document_path(config: Settings, doc_id: str) -> Path | None:
    try:
        record = state.assistant(config).index.document(doc_id)
    except KonzeptlotseError:
        return None
    path = Path(record.path) if record else None
    return path if path and path.is_file() else None


@st.dialog(texts.PAGE_DIALOG, width="large")
def _original_page(c: Citation, config: Settings, offset_key: str) -> None:
    path = _document_path(config, c.doc_id)
    if path is None:
        st.error(texts.PAGE_MISSING.format(doc_id=c.doc_id))
        return
    if path.suffix.lower() == ".pdf":
        _pdf_page(c, path, offset_key)
    else:
        _text_document(c, path)
    st.download_button(
        texts.PAGE_DOWNLOAD,
        data=path.read_bytes,
        file_name=path.name,
        on_click="ignore",
        icon=":material/download:",
        key=f"download-{offset_key}",
    )


def _pdf_page(c: Citation, path: Path, key: str) -> None:
    page = c.page + st.session_state.get(key, 0)
    quote = c.quote if page == c.page else ""
    try:
        image = _page_image(str(path), path.stat().st_mtime, page, quote)
    except Exception as exc:  # noqa: BLE001 - a damaged file must not break the chat
        st.error(texts.PAGE_FAILED.format(detail=type(exc).__name__))
        return
    st.markdown(f"**{escape_markdown(c.title)}**")
    where = texts.PAGE_OF.format(page=page, count=image.page_count)
    marked = ""
    if quote:
        marked = texts.PAGE_MARKED if image.marked else texts.PAGE_UNMARKED.format(quote=c.quote)
    st.caption(escape_markdown(" · ".join(p for p in (where, marked) if p)))
    _page_navigation(key, page, image.page_count)
    alt = texts.PAGE_ALT.format(title=c.title, page=page)
    st.image(image.png, alt=alt, width=PAGE_WIDTH_PX)


def _page_navigation(key: str, page: int, count: int) -> None:
    with st.container(horizontal=True):
        if st.button(
            texts.PAGE_PREVIOUS,
            key=f"{key}-prev",
            disabled=page <= 1,
            icon=":material/chevron_left:",
        ):
            st.session_state[key] = st.session_state.get(key, 0) - 1
            st.rerun(scope="fragment")
        if st.button(
            texts.PAGE_NEXT,
            key=f"{key}-next",
            disabled=page >= count,
            icon=":material/chevron_right:",
        ):
            st.session_state[key] = st.session_state.get(key, 0) + 1
            st.rerun(scope="fragment")


def _text_document(c: Citation, path: Path) -> None:
    from ingest.load import load_file

    try:
        pages = load_file(path, c.doc_id).pages
    except KonzeptlotseError as exc:
        st.error(str(exc))
        return
    text = pages[min(max(c.page, 1), len(pages)) - 1].text
    st.markdown(f"**{escape_markdown(c.title)}**")
    st.caption(texts.DOC_KIND_TEXT)
    with st.container(height=520):
        st.html(f'<div class="kl-context">{highlighted_html(text, c.quote)}</div>')


def _actions(index: int, chat_turn: state.ChatTurn, config: Settings) -> None:
    markdown = answer_markdown(chat_turn.answer, chat_turn.filters, chat_turn.contact)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(texts.FEEDBACK_PROMPT)
        for helpful, label, icon in (
            (True, texts.FEEDBACK_HELPFUL, ":material/thumb_up:"),
            (False, texts.FEEDBACK_UNHELPFUL, ":material/thumb_down:"),
        ):
            st.button(
                label,
                icon=icon,
                type="primary" if chat_turn.helpful is helpful else "secondary",
                key=f"feedback-{'yes' if helpful else 'no'}-{chat_turn.uid}",
                on_click=_store_feedback,
                args=(chat_turn, config, helpful),
            )
        with st.popover(texts.COPY, icon=":material/content_copy:"):
            st.caption(texts.COPY_HINT)
            st.code(markdown, language="markdown", wrap_lines=True)
        st.download_button(
            texts.DOWNLOAD,
            data=markdown,
            file_name=f"konzeptlotse-antwort-{index + 1}.md",
            mime="text/markdown",
            on_click="ignore",
            icon=":material/download:",
            key=f"download-{chat_turn.uid}",
        )
    if chat_turn.helpful is not None:
        _comment_form(chat_turn, config)


def _store_feedback(chat_turn: state.ChatTurn, config: Settings, helpful: bool) -> None:
    store = state.feedback_store(config)
    if not chat_turn.feedback_id:
        chat_turn.feedback_id = store.add(chat_turn.answer, helpful, history=chat_turn.history)
    elif chat_turn.helpful != helpful:
        store.update(chat_turn.feedback_id, helpful=helpful)
    chat_turn.helpful = helpful


def _comment_form(chat_turn: state.ChatTurn, config: Settings) -> None:
    st.caption(texts.FEEDBACK_THANKS)
    with (
        st.form(key=f"feedback-comment-form-{chat_turn.uid}", border=False),
        st.container(horizontal=True, vertical_alignment="bottom"),
    ):
        comment = st.text_input(
            texts.FEEDBACK_COMMENT,
            key=f"feedback-comment-{chat_turn.uid}",
            help=texts.FEEDBACK_COMMENT_HELP,
        )
        if st.form_submit_button(texts.FEEDBACK_COMMENT_SAVE):
            state.feedback_store(config).update(chat_turn.feedback_id, comment=comment)
            st.caption(texts.FEEDBACK_COMMENT_SAVED)
