"""What the pages share: settings, the assistant, process-wide jobs and throttles, session data.

Process-wide objects live in module-level registries (this module is imported once per
server process; page scripts rerun, modules do not), keyed by configuration so that tests
with different data directories never share state.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import streamlit as st

from assistant.api import Assistant, get_assistant
from assistant.audit import AuditLog
from assistant.contacts import Contact
from assistant.errors import KonzeptlotseError
from assistant.feedback import FeedbackStore
from assistant.privacy import apply_offline_defaults
from assistant.settings import Settings
from assistant.types import Answer, DocRecord

from .jobs import BackgroundJob, job

__all__ = [
    "ChatTurn",
    "assistant",
    "audit_log",
    "chat_turns",
    "documents",
    "eval_job",
    "feedback_store",
    "ingest_job",
    "known_places",
    "session_token",
    "settings",
]


def settings() -> Settings:
    """The configuration, read from the environment and ``.env`` (cheap; read per run)."""
    apply_offline_defaults()
    return Settings.from_env()


def assistant(config: Settings) -> Assistant:
    """The shared assistant of this configuration (it follows rebuilds to the new index)."""
    return get_assistant(config)


def documents(config: Settings) -> list[DocRecord]:
    """The indexed documents ([] while there is no index)."""
    try:
        return assistant(config).index.documents()
    except KonzeptlotseError:
        return []


def known_places(config: Settings) -> list[str]:
    """Municipalities and issuers of the indexed documents: never mistaken for a person."""
    return [p for d in documents(config) for p in (d.meta.kommune, d.meta.issuer) if p]


def audit_log(config: Settings) -> AuditLog:
    """Where a record of every answer goes (``<data_dir>/audit``)."""
    return AuditLog.for_data_dir(config.data_dir, config.audit_retention_days)


def session_token() -> str:
    """A random id of this browser session (groups its answers in the audit trail)."""
    token: str = st.session_state.setdefault("session_token", uuid.uuid4().hex[:12])
    return token


def feedback_store(config: Settings) -> FeedbackStore:
    """Where ratings of answers are stored (SQLite in the data directory)."""
    return FeedbackStore.for_data_dir(config.data_dir)


def ingest_job(config: Settings) -> BackgroundJob:
    """The one ingest job of this data directory in this process."""
    return job(f"ingest:{config.data_dir.resolve()}")


def eval_job(config: Settings) -> BackgroundJob:
    """The one evaluation job of this data directory in this process."""
    return job(f"eval:{config.data_dir.resolve()}")


@dataclass
class ChatTurn:
    """One question and its answer in the session's conversation."""

    answer: Answer
    filters: str = ""  # human-readable filters in force when it was asked
    history: tuple[str, ...] = ()  # earlier questions it was asked after
    contact: Contact | None = None  # who is responsible, as the cited document says
    feedback_id: int = 0  # id of the stored rating (0 = not rated yet)
    helpful: bool | None = None
    uid: str = field(default_factory=lambda: uuid.uuid4().hex[:10])  # widget keys


def chat_turns() -> list[ChatTurn]:
    """This session's conversation (oldest first)."""
    turns: list[ChatTurn] = st.session_state.setdefault("chat_turns", [])
    return turns
