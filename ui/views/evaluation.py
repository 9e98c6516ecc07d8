"""Evaluator page: run the evaluation suite, read a run, compare two runs, export feedback."""

from __future__ import annotations

import streamlit as st

from ui import eval_sections, state, texts


def main() -> None:
    """Render the evaluator page."""
    config = state.settings()
    st.title(texts.EVAL_TITLE)
    st.caption(texts.EVAL_CAPTION)
    eval_sections.follow_finished_run(config)
    view, compare, new_run, feedback = st.tabs(
        [texts.TAB_RUN_VIEW, texts.TAB_COMPARE, texts.TAB_NEW_RUN, texts.TAB_FEEDBACK]
    )
    with view:
        eval_sections.run_section(config)
    with compare:
        eval_sections.compare_section(config)
    with new_run:
        eval_sections.new_run_section(config)
    with feedback:
        eval_sections.feedback_section(config)


if __name__ == "__main__":
    main()
