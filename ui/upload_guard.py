"""Uploads only from logged-in admin sessions, enforced in the Streamlit server itself.

Streamlit accepts a file upload (``PUT /_stcore/upload_file/<session>/<file>``) from any open
session. This module narrows that to the sessions in ``_admin_sessions``: the upload route
asks ``Runtime.is_active_session`` before it reads the body, so a chat session gets a 400 and
its bytes are never read; should a file still arrive (a logout during the upload), the file
manager drops it at once. ``install`` patches both once per process; the admin page adds and
removes its session, and a stored upload is released as soon as it has been saved.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

__all__ = ["allow", "current_session_id", "install", "is_allowed", "release", "revoke"]

log = logging.getLogger(__name__)

_admin_sessions: set[str] = set()
_lock = threading.Lock()
_installed = False


def allow(session_id: str) -> None:
    """Let ``session_id`` upload files (after an admin login)."""
    if session_id:
        with _lock:
            _admin_sessions.add(session_id)


def revoke(session_id: str) -> None:
    """Take the right away again (logout, expiry) and drop what the session holds."""
    with _lock:
        _admin_sessions.discard(session_id)
    manager = _file_manager()
    if manager is not None and session_id:
        manager.remove_session_files(session_id)


def is_allowed(session_id: str) -> bool:
    """Whether ``session_id`` may upload."""
    with _lock:
        return session_id in _admin_sessions


def current_session_id() -> str:
    """The id of the session running this script ("" outside a script run)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else ""


def release(file_id: str) -> None:
    """Drop a stored upload of this session from the server's memory (after saving it)."""
    manager = _file_manager()
    if manager is not None and file_id:
        manager.remove_file(current_session_id(), file_id)


def _file_manager() -> Any:
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return None
    return Runtime.instance().uploaded_file_mgr


def install() -> None:
    """Patch the upload checks of this Streamlit server process (idempotent)."""
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
    from streamlit.runtime import Runtime
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager

    active = Runtime.is_active_session

    def is_active_upload_session(self: Any, session_id: str) -> bool:
        # Only the upload route asks this (Streamlit 1.67); a refusal means HTTP 400.
        return bool(active(self, session_id)) and is_allowed(session_id)

    add_file = MemoryUploadedFileManager.add_file

    def add_admin_file(self: Any, session_id: str, file: Any) -> None:
        if not is_allowed(session_id):
            log.warning("Hochladen außerhalb einer Admin-Sitzung verworfen.")
            return
        add_file(self, session_id, file)

    Runtime.is_active_session = is_active_upload_session  # type: ignore[method-assign]
    MemoryUploadedFileManager.add_file = add_admin_file  # type: ignore[method-assign]
