"""Page scripts run by ``st.navigation``. Not named ``pages/``: Streamlit would also serve
that folder as an old-style multipage app, bypassing ``app.py`` on direct URLs."""
