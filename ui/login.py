"""Logins of the protected pages: roles, the throttled login form, idle expiry.

Two roles: ``admin`` (Verwaltung and Evaluation) and ``evaluator`` (Evaluation only), each
with its own password hash in the settings. A login is bound to the hash it was made with
(changing the hash logs everyone out) and ends after ``session_idle_minutes`` without a run
of the page. Failed attempts are throttled per client address by one process-wide
``LoginGuard``. The chat stays open without a login.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from assistant.settings import Settings

from . import texts, upload_guard
from .auth import LoginGuard, is_valid_hash, verify_password

__all__ = [
    "ADMIN",
    "EVALUATOR",
    "Login",
    "client_address",
    "current",
    "guard",
    "login_form",
    "logout",
]

ADMIN = "admin"
EVALUATOR = "evaluator"
SESSION_KEY = "auth_session"
EXPIRED_KEY = "login_expired"
COUNTDOWN_SECONDS = 1.0

_guards: dict[tuple[str, str], LoginGuard] = {}
_guard_lock = threading.Lock()


@dataclass
class Login:
    """Who is logged in in this session, against which hash, and when they were last active."""

    role: str
    password_hash: str
    last_active: float


def guard(config: Settings) -> LoginGuard:
    """The login throttle of this server process for the configured accounts."""
    with _guard_lock:
        key = (config.admin_password_hash, config.evaluator_password_hash)
        return _guards.setdefault(key, LoginGuard())


def client_address() -> str:
    """The client's address as the server sees it ("lokal" for this machine)."""
    try:
        address = st.context.ip_address
    except Exception:  # noqa: BLE001 - no client context (tests, bare mode)
        address = None
    return address if isinstance(address, str) and address else "lokal"


def role_hashes(config: Settings) -> dict[str, str]:
    """The configured, valid password hash per role."""
    hashes = {ADMIN: config.admin_password_hash, EVALUATOR: config.evaluator_password_hash}
    return {role: h for role, h in hashes.items() if h and is_valid_hash(h)}


def current(config: Settings, roles: Sequence[str]) -> Login | None:
    """This session's login if it is one of ``roles``, still valid and not idle for too long."""
    login: Login | None = st.session_state.get(SESSION_KEY)
    if login is None:
        return None
    if role_hashes(config).get(login.role) != login.password_hash:
        logout()
        return None
    if time.time() - login.last_active > config.session_idle_minutes * 60:
        logout()
        st.session_state[EXPIRED_KEY] = config.session_idle_minutes
        return None
    login.last_active = time.time()
    return login if login.role in roles else None


def logout() -> None:
    """End this session's login (and its right to upload)."""
    st.session_state.pop(SESSION_KEY, None)
    upload_guard.revoke(upload_guard.current_session_id())


def _check(password: str, config: Settings, roles: Sequence[str]) -> str:
    """The role whose hash ``password`` matches ("" if none); roles in the given order."""
    hashes = role_hashes(config)
    for role in roles:
        if role in hashes and verify_password(password, hashes[role]):
            return role
    return ""


def login_form(config: Settings, roles: Sequence[str], label: str, key: str) -> None:
    """The password form for ``roles``; logs in (and reruns) on the right password."""
    expired = st.session_state.pop(EXPIRED_KEY, None)
    if expired:
        st.info(texts.LOGIN_EXPIRED.format(minutes=expired), icon=":material/timer_off:")
    st.header(texts.LOGIN_HEADING)
    client = client_address()
    with st.form(key, clear_on_submit=True):  # a failed password never stays in the field
        password = st.text_input(label, type="password", key=f"{key}_password")
        submitted = st.form_submit_button(texts.LOGIN_SUBMIT, type="primary")
    if submitted and password:
        role = ""

        def verify() -> bool:
            nonlocal role
            role = _check(password, config, roles)
            return bool(role)

        result = guard(config).attempt(client, verify)
        if result.ok:
            _logged_in(role, config)
            st.rerun()
        if result.checked:
            st.error(texts.LOGIN_WRONG)
    if guard(config).wait_seconds(client) > 0:
        _countdown(guard(config), client)


def _logged_in(role: str, config: Settings) -> None:
    hashes = role_hashes(config)
    st.session_state[SESSION_KEY] = Login(role, hashes[role], time.time())
    if role == ADMIN:
        upload_guard.allow(upload_guard.current_session_id())


@st.fragment(run_every=COUNTDOWN_SECONDS)
def _countdown(throttle: LoginGuard, client: str) -> None:
    """The remaining wait, counting down each second; the whole page reruns when it is over."""
    wait = throttle.wait_seconds(client)
    if wait <= 0:
        st.rerun()
    seconds = math.ceil(wait)
    text = texts.LOGIN_THROTTLED_ONE if seconds == 1 else texts.LOGIN_THROTTLED
    st.error(text.format(seconds=seconds), icon=":material/hourglass_top:")
