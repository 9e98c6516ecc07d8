"""Confirming a new version: an admin vouches for a document that supersedes another.

A document added through the admin page or ``konzeptlotse add --supersedes`` is recorded as
``confirmed: false`` in the manifest; until it is confirmed, answers keep the statement of the
document it claims to replace first. Confirming writes ``confirmed: true`` under the write
lock; the caller then re-ingests the document so the index carries the new state.
"""

from __future__ import annotations

from pathlib import Path

from assistant import texts
from assistant.embed import resolve_model
from assistant.errors import KonzeptlotseError
from assistant.settings import Settings
from assistant.store import Index

from .admin import AdminError, set_manifest_entry
from .metadata import awaits_confirmation, read_manifest
from .pipeline import ingest_lock

__all__ = ["confirm_document"]


def confirm_document(settings: Settings, doc_id: str) -> Path:
    """Mark ``doc_id``'s manifest entry as confirmed; returns the file to re-ingest.

    A version link read off the documents (no ``supersedes`` in the manifest) is confirmed by
    writing it into the manifest: the document's entry gets ``supersedes`` and ``confirmed``.
    """
    corpus_dir = settings.corpus_dir
    key = doc_id.strip("/")
    with ingest_lock(settings.data_dir):
        entry = read_manifest(corpus_dir).get(key)
        older = _inferred_predecessor(settings, key)
        if entry is not None and awaits_confirmation(entry):
            set_manifest_entry(corpus_dir, {**entry, "confirmed": True})
        elif older and not (entry or {}).get("supersedes"):
            base = entry or {"file": key}
            set_manifest_entry(corpus_dir, {**base, "supersedes": older, "confirmed": True})
        elif entry is None:
            raise AdminError(texts.ERR_CONFIRM_UNKNOWN.format(doc_id=doc_id))
        else:
            raise AdminError(texts.ERR_CONFIRM_NOTHING.format(doc_id=doc_id))
    return corpus_dir / key


def _inferred_predecessor(settings: Settings, doc_id: str) -> str:
    """The document the index links ``doc_id`` to by inference, or ""."""
    try:
        index = Index.open(settings.data_dir, resolve_model(settings.embedding_model))
    except KonzeptlotseError:
        return ""
    try:
        record = index.document(doc_id)
    finally:
        index.close()
    if record is None or not record.meta.is_inferred("supersedes"):
        return ""
    return record.meta.supersedes
