"""Confirming a new version: an admin vouches for a document that supersedes another.

A document added through the admin page or ``konzeptlotse add --supersedes`` is recorded as
``confirmed: false`` in the manifest; until it is confirmed, answers keep the statement of the
document it claims to replace first. Confirming writes ``confirmed: true`` under the write
lock; the caller then re-ingests the document so the index carries the new state.
"""

from __future__ import annotations

from pathlib import Path

from assistant import texts
from assistant.settings import Settings

from .admin import AdminError, set_manifest_entry
from .metadata import awaits_confirmation, read_manifest
from .pipeline import ingest_lock

__all__ = ["confirm_document"]


def confirm_document(settings: Settings, doc_id: str) -> Path:
    """Mark ``doc_id``'s manifest entry as confirmed; returns the file to re-ingest."""
    corpus_dir = settings.corpus_dir
    with ingest_lock(settings.data_dir):
        entry = read_manifest(corpus_dir).get(doc_id.strip("/"))
        if entry is None:
            raise AdminError(texts.ERR_CONFIRM_UNKNOWN.format(doc_id=doc_id))
        if not awaits_confirmation(entry):
            raise AdminError(texts.ERR_CONFIRM_NOTHING.format(doc_id=doc_id))
        set_manifest_entry(corpus_dir, {**entry, "confirmed": True})
    return corpus_dir / doc_id.strip("/")
