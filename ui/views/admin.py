"""Admin page: password-protected upload, ingest, document status and delete."""

from __future__ import annotations

import math

import streamlit as st

from assistant.settings import Settings
from ui import admin_sections, state, texts
from ui.auth import is_valid_hash, verify_password

SESSION_KEY = "admin_hash"  # the hash this session logged in against


def _logged_in(config: Settings) -> bool:
    return bool(config.admin_password_hash) and (
        st.session_state.get(SESSION_KEY) == config.admin_password_hash
    )


def _logout() -> None:
    st.session_state.pop(SESSION_KEY, None)


def _login(config: Settings) -> None:
    """The login form; failed attempts are throttled for the whole process."""
    throttle = state.throttle(config.admin_password_hash)
    st.header(texts.LOGIN_HEADING)
    with st.form("login"):
        password = st.text_input(texts.LOGIN_PASSWORD, type="password", key="login_password")
        submitted = st.form_submit_button(texts.LOGIN_SUBMIT, type="primary")
    wait = throttle.wait_seconds()
    if wait > 0:
        st.error(texts.LOGIN_THROTTLED.format(seconds=math.ceil(wait)))
        return
    if not submitted:
        return
    if verify_password(password, config.admin_password_hash):
        throttle.record_success()
        st.session_state[SESSION_KEY] = config.admin_password_hash
        st.rerun()
    throttle.record_failure()
    st.error(texts.LOGIN_WRONG)
    wait = throttle.wait_seconds()
    if wait > 0:
        st.error(texts.LOGIN_THROTTLED.format(seconds=math.ceil(wait)))


def _console(config: Settings) -> None:
    with st.sidebar:
        st.caption(texts.LOGGED_IN)
        st.button(texts.LOGOUT, on_click=_logout, icon=":material/logout:")
    admin_sections.flash_messages()
    admin_sections.job_section(config)
    busy = state.ingest_job(config).state().running
    documents, upload, ingest = st.tabs([texts.TAB_DOCUMENTS, texts.TAB_UPLOAD, texts.TAB_INGEST])
    with documents:
        doc_ids = admin_sections.documents_section(config)
        admin_sections.delete_section(config, doc_ids, busy)
    with upload:
        admin_sections.upload_section(config, busy)
        admin_sections.website_section(config, busy)
    with ingest:
        admin_sections.ingest_section(config, busy)


def main() -> None:
    """Render the admin page (or how to enable it, or the login)."""
    config = state.settings()
    st.title(texts.ADMIN_TITLE)
    if not config.admin_password_hash:
        st.info(texts.ADMIN_DISABLED, icon=":material/lock:")
        return
    if not is_valid_hash(config.admin_password_hash):
        st.error(texts.ADMIN_HASH_INVALID)
        return
    if _logged_in(config):
        _console(config)
    else:
        _login(config)


if __name__ == "__main__":
    main()
