"""Admin page: password-protected upload, ingest, document status, delete and the audit trail."""

from __future__ import annotations

import streamlit as st

from assistant.settings import Settings
from ui import admin_sections, audit_section, login, state, texts
from ui.auth import is_valid_hash


def _console(config: Settings) -> None:
    with st.sidebar:
        st.caption(texts.LOGGED_IN)
        st.button(texts.LOGOUT, on_click=login.logout, icon=":material/logout:")
    admin_sections.flash_messages()
    admin_sections.job_section(config)
    busy = state.ingest_job(config).state().running
    documents, upload, ingest, audit = st.tabs(
        [texts.TAB_DOCUMENTS, texts.TAB_UPLOAD, texts.TAB_INGEST, texts.TAB_AUDIT]
    )
    with documents:
        doc_ids = admin_sections.documents_section(config)
        admin_sections.confirm_section(config, busy)
        admin_sections.delete_section(config, doc_ids, busy)
    with upload:
        admin_sections.upload_section(config, busy)
        admin_sections.website_section(config, busy)
    with ingest:
        admin_sections.ingest_section(config, busy)
    with audit:
        audit_section.audit_section(config)


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
    if login.current(config, [login.ADMIN]):
        _console(config)
    else:
        login.login_form(config, [login.ADMIN], texts.LOGIN_PASSWORD, "login")


if __name__ == "__main__":
    main()
