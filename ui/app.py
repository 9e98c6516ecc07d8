"""Streamlit entry point: the chat, admin and evaluator pages. Run via ``konzeptlotse ui``."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import german_dom, texts, upload_guard

PAGES = Path(__file__).with_name("views")


def main() -> None:
    """Configure the app and run the selected page."""
    upload_guard.install()  # no-op when ``ui.serve`` already did it
    st.set_page_config(page_title=texts.APP_TITLE, page_icon=texts.APP_ICON, layout="wide")
    pages = [
        st.Page(
            PAGES / "chat.py",
            title=texts.NAV_CHAT,
            icon=":material/forum:",
            url_path="chat",
            default=True,
        ),
        st.Page(
            PAGES / "admin.py",
            title=texts.NAV_ADMIN,
            icon=":material/admin_panel_settings:",
            url_path="verwaltung",
        ),
        st.Page(
            PAGES / "evaluation.py",
            title=texts.NAV_EVAL,
            icon=":material/analytics:",
            url_path="evaluation",
        ),
    ]
    page = st.navigation(pages)
    with st.sidebar:
        st.caption(texts.OFFLINE_NOTE)
    page.run()
    german_dom.install()


main()
