"""Evaluator page: run the evaluation suite, read a run, compare two runs, export feedback.

Open only to the evaluator or admin login (``ui.login``).
"""

from __future__ import annotations

import streamlit as st

from assistant.settings import Settings
from ui import eval_sections, login, state, texts

ROLES = (login.EVALUATOR, login.ADMIN)


def _page(config: Settings) -> None:
    with st.sidebar:
        role = texts.ROLE_NAMES[st.session_state[login.SESSION_KEY].role]
        st.caption(texts.LOGGED_IN_AS.format(role=role))
        st.button(texts.LOGOUT, on_click=login.logout, icon=":material/logout:", key="eval_logout")
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


def main() -> None:
    """Render the evaluator page (or how to enable it, or the login)."""
    config = state.settings()
    st.title(texts.EVAL_TITLE)
    st.caption(texts.EVAL_CAPTION)
    if not login.role_hashes(config):
        st.info(texts.EVAL_DISABLED, icon=":material/lock:")
        return
    if login.current(config, ROLES):
        _page(config)
    else:
        login.login_form(config, ROLES, texts.EVAL_LOGIN_PASSWORD, "eval_login")


if __name__ == "__main__":
    main()
