"""User interfaces: the ``konzeptlotse`` CLI and the Streamlit app (rendering only)."""
