"""The admin page, driven by AppTest: access control, document list, upload, ingest, delete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from assistant.settings import Settings
from ingest import run_ingest
from ingest.metadata import read_manifest
from ui import login, state, texts, upload_guard
from ui.auth import hash_password

from .pdfs import make_pdf
from .ui_corpus import app_env, make_corpus
from .uiwait import wait_for_ingest

APP = str(Path(__file__).resolve().parents[1] / "ui" / "app.py")
PASSWORD = "Richtig-1234"
NEW_PDF_PAGES = [
    ["# Sommerschule", "Die Sommerschule in Neustadt beginnt am 4. August im Lindenhof."]
]


def _open_admin(settings: Settings, monkeypatch: pytest.MonkeyPatch, password_hash: str) -> AppTest:
    app_env(monkeypatch, settings, password_hash)
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("views/admin.py").run()
    assert not at.exception, at.exception
    return at


def _login(at: AppTest, password: str) -> AppTest:
    at.text_input(key="login_password").set_value(password)
    at.button(key="FormSubmitter:login-Anmelden").click().run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def corpus(settings: Settings) -> Settings:
    make_corpus(settings.corpus_dir)
    run_ingest(settings)
    return settings


@pytest.fixture
def admin(corpus: Settings, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    at = _open_admin(corpus, monkeypatch, hash_password(PASSWORD, n=2**10))
    return _login(at, PASSWORD)


def _flash(at: AppTest) -> str:
    alerts = [*at.success, *at.error, *at.info, *at.warning]
    return "\n".join(a.value for a in alerts).replace("\\", "")


def _documents(at: AppTest) -> Any:
    """The document list (the table with a title column)."""
    return next(d.value for d in at.dataframe if texts.COL_TITLE in d.value.columns)


def _wait_for_ingest(at: AppTest, settings: Settings) -> AppTest:
    wait_for_ingest(settings)
    return at.run()


def test_without_configured_hash_the_page_explains_and_offers_nothing(
    corpus: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open_admin(corpus, monkeypatch, "")
    assert "konzeptlotse admin-hash" in at.info[0].value
    assert "KONZEPTLOTSE_ADMIN_PASSWORD_HASH" in at.info[0].value
    assert not at.text_input and not at.get("file_uploader") and not at.tabs
    assert [b.label for b in at.main.button] == []


def test_invalid_hash_offers_nothing(corpus: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open_admin(corpus, monkeypatch, "klartext-passwort")
    assert texts.ADMIN_HASH_INVALID in at.error[0].value
    assert not at.text_input and not at.tabs


def test_wrong_password_is_refused_and_throttled(
    corpus: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open_admin(corpus, monkeypatch, hash_password(PASSWORD, n=2**10))
    for _ in range(2):
        _login(at, "falsch")
        assert texts.LOGIN_WRONG in [e.value for e in at.error]
        assert not at.tabs
    _login(at, "falsch")  # the third failure locks this client out for a while
    assert any("Zu viele Fehlversuche" in e.value for e in at.error)
    assert at.get("form")[0].proto.form.clear_on_submit  # the browser empties the field
    _login(at, PASSWORD)  # even the right password waits, from this client
    assert any("Zu viele Fehlversuche" in e.value for e in at.error)
    assert not at.tabs and not at.get("file_uploader")
    monkeypatch.setattr(login, "client_address", lambda: "192.0.2.44")
    _login(at, PASSWORD)  # another client that has not failed gets in
    assert at.tabs


def test_login_shows_the_document_list_with_status(admin: AppTest) -> None:
    assert [t.label for t in admin.tabs] == [
        texts.TAB_DOCUMENTS,
        texts.TAB_UPLOAD,
        texts.TAB_INGEST,
        texts.TAB_AUDIT,
    ]
    table = _documents(admin)
    assert list(table[texts.COL_DOC]) == ["beispielstadt.md", "musterhausen.pdf"]
    row = table[table[texts.COL_DOC] == "musterhausen.pdf"].iloc[0]
    assert row[texts.COL_PAGES] == 3 and row[texts.COL_CHUNKS] >= 1
    assert row[texts.COL_STAND] == "01.05.2023" and row[texts.COL_STATUS] == "eingelesen"
    assert row[texts.COL_INGESTED]
    admin.sidebar.button[-1].click().run()  # Abmelden
    assert not admin.tabs


def test_the_list_marks_what_was_read_off_a_document_without_manifest_entry(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files dropped in without manifest entries: the municipality, type and Stand read off
    the text are marked as such; a file without a clear municipality shows the only one it
    names; what the manifest gives stays unmarked."""
    make_corpus(settings.corpus_dir)
    (settings.corpus_dir / "konzept_wexheim.md").write_text(
        "# Kommunales Konzept der Stadt Wexheim\n\nStand: 3. März 2024\n\n"
        "Neu zugewanderte Kinder in Wexheim werden im Schulamt der Stadt Wexheim beraten. "
        "Die Stadt Wexheim bietet die Erstberatung im Rathaus Wexheim an.\n",
        encoding="utf-8",
    )
    (settings.corpus_dir / "seite_07.txt").write_text(
        "Das Kommunale Integrationszentrum berät neu zugewanderte Familien zur Schule. " * 9
        + "\n\nKontakt: Schulamt für den Kreis Farnau-Lübbern\n",
        encoding="utf-8",
    )
    run_ingest(settings)
    at = _login(_open_admin(settings, monkeypatch, hash_password(PASSWORD, n=2**10)), PASSWORD)
    table = _documents(at).set_index(texts.COL_DOC)
    mark = texts.INFERRED_VALUE.format(value="")
    wexheim = table.loc["konzept_wexheim.md"]
    assert wexheim[texts.COL_KOMMUNE] == texts.INFERRED_VALUE.format(value="Stadt Wexheim")
    assert wexheim[texts.COL_TYPE].endswith(mark) and len(wexheim[texts.COL_TYPE]) > len(mark)
    assert wexheim[texts.COL_STAND] == texts.INFERRED_VALUE.format(value="03.03.2024")
    page = table.loc["seite_07.txt"]
    assert page[texts.COL_KOMMUNE] == texts.NAMES_ONLY.format(place="Kreis Farnau-Lübbern")
    given = table.loc["musterhausen.pdf"]
    assert given[texts.COL_KOMMUNE] == "Stadt Musterhausen"
    assert given[texts.COL_STAND] == "01.05.2023" and mark not in given[texts.COL_TYPE]


def test_upload_rejects_html_named_pdf(admin: AppTest, corpus: Settings) -> None:
    html = b"<!DOCTYPE html><html><body><p>Kein PDF</p></body></html>"
    admin.file_uploader(key="up_file").set_value(("konzept.pdf", html, "application/pdf"))
    admin.button(key="FormSubmitter:upload-Hochladen und einlesen").click().run()
    assert "enthält aber HTML" in _flash(admin)
    assert not (corpus.corpus_dir / "konzept.pdf").exists()


def test_upload_sanitises_names_and_ingests(
    admin: AppTest, corpus: Settings, tmp_path: Path
) -> None:
    data = make_pdf(tmp_path / "x.pdf", NEW_PDF_PAGES).read_bytes()
    admin.file_uploader(key="up_file").set_value(
        ("../../Sommer Schule.pdf", data, "application/pdf")
    )
    admin.selectbox(key="up_kommune").set_value("Stadt Musterhausen")
    admin.selectbox(key="up_type").set_value("Handreichung")
    admin.button(key="FormSubmitter:upload-Hochladen und einlesen").click().run()
    assert "sommer-schule.pdf" in _flash(admin)
    assert (corpus.corpus_dir / "sommer-schule.pdf").is_file()
    assert not (corpus.corpus_dir.parent.parent / "Sommer Schule.pdf").exists()
    assert read_manifest(corpus.corpus_dir)["sommer-schule.pdf"]["kommune"] == "Stadt Musterhausen"
    _wait_for_ingest(admin, corpus)
    assert any("abgeschlossen" in s.value for s in admin.success)
    table = _documents(admin)
    row = table[table[texts.COL_DOC] == "sommer-schule.pdf"].iloc[0]
    assert row[texts.COL_STATUS] == "eingelesen" and row[texts.COL_TYPE] == "Handreichung"


def test_existing_name_needs_explicit_replace(admin: AppTest, corpus: Settings) -> None:
    new_text = b"# Beispielstadt neu\n\nDas Elterncafe ist geschlossen."
    admin.file_uploader(key="up_file").set_value(("beispielstadt.md", new_text, "text/markdown"))
    admin.button(key="FormSubmitter:upload-Hochladen und einlesen").click().run()
    assert "gibt es schon" in _flash(admin)
    assert b"Schulplatzkonferenz" in (corpus.corpus_dir / "beispielstadt.md").read_bytes()
    admin.checkbox(key="up_replace").check()
    admin.button(key="FormSubmitter:upload-Hochladen und einlesen").click().run()
    _wait_for_ingest(admin, corpus)
    assert (corpus.corpus_dir / "beispielstadt.md").read_bytes() == new_text


def test_dry_run_lists_what_would_change(admin: AppTest, corpus: Settings) -> None:
    (corpus.corpus_dir / "neu.txt").write_text(
        "Neues Dokument über Elternabende.", encoding="utf-8"
    )
    (corpus.corpus_dir / "beispielstadt.md").unlink()
    next(b for b in admin.button if b.label == texts.DRY_RUN).click().run()
    assert not admin.exception
    outcomes = admin.dataframe[-1].value
    assert dict(zip(outcomes[texts.COL_DOC], outcomes[texts.COL_OUTCOME], strict=True)) == {
        "neu.txt": "neu",
        "beispielstadt.md": "entfernt",
    }
    assert not state.ingest_job(corpus).state().running  # nothing was started


def test_ingest_changed_documents(admin: AppTest, corpus: Settings) -> None:
    (corpus.corpus_dir / "neu.txt").write_text("Das Elterncafé öffnet freitags.", encoding="utf-8")
    next(b for b in admin.button if b.label == texts.INGEST_CHANGED).click().run()
    _wait_for_ingest(admin, corpus)
    assert "1 neu" in _flash(admin)
    assert "neu.txt" in list(_documents(admin)[texts.COL_DOC])


def test_delete_removes_the_document(admin: AppTest, corpus: Settings) -> None:
    delete = next(b for b in admin.button if b.label == texts.DELETE_BUTTON)
    assert delete.disabled  # nothing chosen, nothing confirmed
    admin.selectbox(key="del_doc").set_value("beispielstadt.md")
    admin.checkbox(key="del_confirm").check().run()
    next(b for b in admin.button if b.label == texts.DELETE_BUTTON).click().run()
    assert "Gelöscht: beispielstadt.md" in _flash(admin)
    assert list(_documents(admin)[texts.COL_DOC]) == ["musterhausen.pdf"]
    assert not (corpus.corpus_dir / "beispielstadt.md").exists()
    assert "beispielstadt.md" not in read_manifest(corpus.corpus_dir)


def test_rebuild_switches_the_chat_to_the_new_index(admin: AppTest, corpus: Settings) -> None:
    chat = state.assistant(corpus)
    assert chat.ask("Wann tagt die Schulplatzkonferenz in Musterhausen?").found
    old_generation = chat.index.generation
    admin.checkbox(key="rebuild_confirm").check().run()
    next(b for b in admin.button if b.label == texts.REBUILD).click().run()
    _wait_for_ingest(admin, corpus)
    assert "Neuaufbau abgeschlossen" in _flash(admin)
    assert chat.index.generation != old_generation  # the shared assistant follows the rebuild
    assert chat.ask("Wann tagt die Schulplatzkonferenz in Musterhausen?").found


def test_a_chat_session_cannot_store_an_upload(
    corpus: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    upload_guard.install()
    at = _open_admin(corpus, monkeypatch, hash_password(PASSWORD, n=2**10))
    upload_guard.revoke(upload_guard.current_session_id() or "test session id")
    at.switch_page("views/chat.py").run()
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
    from streamlit.runtime.uploaded_file_manager import UploadedFileRec

    manager = MemoryUploadedFileManager("/mock/upload")
    manager.add_file("test session id", UploadedFileRec("f1", "x.pdf", "application/pdf", b"%PDF"))
    assert manager.get_files("test session id", ["f1"]) == []  # dropped at once
    admin = _login(at.switch_page("views/admin.py").run(), PASSWORD)
    assert upload_guard.is_allowed("test session id")
    manager.add_file("test session id", UploadedFileRec("f2", "x.pdf", "application/pdf", b"%PDF"))
    assert [f.file_id for f in manager.get_files("test session id", ["f2"])] == ["f2"]
    admin.sidebar.button[-1].click().run()  # Abmelden
    assert not upload_guard.is_allowed("test session id")


def test_the_audit_tab_lists_answers_without_personal_details(
    corpus: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.audit import AuditLog, entry_for

    chat = state.assistant(corpus)
    answer = chat.ask("Wann tagt die Schulplatzkonferenz in Musterhausen?")
    documents = {d.doc_id: d for d in chat.index.documents()}
    AuditLog.for_data_dir(corpus.data_dir).append(entry_for(answer, documents, "chat", "s1"))
    at = _login(_open_admin(corpus, monkeypatch, hash_password(PASSWORD, n=2**10)), PASSWORD)
    table = next(d.value for d in at.dataframe if texts.COL_SOURCES in d.value.columns)
    row = table.iloc[0]
    assert row[texts.COL_RESULT] == texts.AUDIT_FOUND and row[texts.COL_CHANNEL] == "Chat"
    assert "musterhausen.pdf (Stand 01.05.2023" in row[texts.COL_SOURCES]
    assert texts.AUDIT_INTACT in [c.value for c in at.caption]
    assert texts.AUDIT_EXPORT in [d.proto.label for d in at.get("download_button")]
