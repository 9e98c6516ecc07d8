"""Versions of a document in one answer: which statement leads, and the note that says so (pure).

A document may supersede another (manifest ``supersedes``). In an answer that quotes both, the
newer one leads and a note names both with their Stand and, where they state different values
on the same thing, those values ("5 Werktage (Stand 2025-02-01) statt 10 Werktage …").

A newer version an admin has not confirmed yet (``DocumentMeta.unconfirmed``) never leads: the
confirmed statement stays first, and the note says that a newly added, unconfirmed version
says something else. So a planted "Fortschreibung" cannot silently take over answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import texts
from .facts import Difference, differences
from .types import DocumentMeta

__all__ = ["LEADS", "REPLACED", "UNCONFIRMED", "lead_order", "version_notes"]

LEADS, REPLACED, UNCONFIRMED = 0, 1, 2  # order of a document's statements in an answer


def lead_order(metas: Mapping[str, DocumentMeta]) -> dict[str, int]:
    """Per document of an answer: ``UNCONFIRMED`` (a newer version nobody confirmed) goes
    last, ``REPLACED`` (a confirmed newer version is in the answer) after those that lead."""
    replaced = {m.supersedes for m in metas.values() if m.supersedes and not m.unconfirmed}
    return {
        doc_id: UNCONFIRMED if meta.unconfirmed else REPLACED if doc_id in replaced else LEADS
        for doc_id, meta in metas.items()
    }


def version_notes(
    metas: Mapping[str, DocumentMeta], said: Mapping[str, Sequence[str]]
) -> tuple[str, ...]:
    """The notes for the versions among an answer's documents (``said``: their sentences)."""
    notes = []
    for meta in metas.values():
        old = metas.get(meta.supersedes) if meta.supersedes else None
        if old is None and meta.unconfirmed:
            notes.append(_alone(meta))
        elif old is not None:
            pairs = differences(said.get(meta.doc_id, ()), said.get(old.doc_id, ()))
            notes.append(_note(meta, old) + _values(meta, old, pairs))
    return tuple(notes)


def _stand(meta: DocumentMeta) -> str:
    return meta.stand or "?"


def _note(new: DocumentMeta, old: DocumentMeta) -> str:
    template = texts.NOTE_UNCONFIRMED if new.unconfirmed else texts.NOTE_SUPERSEDED
    if new.is_inferred("supersedes"):
        template = texts.NOTE_INFERRED_VERSION
    return template.format(
        new_title=new.title,
        new_stand=_stand(new),
        old_title=old.title,
        old_stand=_stand(old),
    )


def _alone(new: DocumentMeta) -> str:
    inferred = new.is_inferred("supersedes")
    template = texts.NOTE_INFERRED_VERSION_ALONE if inferred else texts.NOTE_UNCONFIRMED_ALONE
    return template.format(new_title=new.title, new_stand=_stand(new), old=new.supersedes)


def _values(new: DocumentMeta, old: DocumentMeta, pairs: Sequence[Difference]) -> str:
    if not pairs:
        return ""
    template = texts.UNCONFIRMED_PAIR if new.unconfirmed else texts.CONFLICT_PAIR
    listed = "; ".join(
        template.format(
            new=p.new.label,
            old=p.old.label,
            new_stand=_stand(new),
            old_stand=_stand(old),
        )
        for p in pairs
    )
    return texts.NOTE_VALUES_DIFFER.format(pairs=listed)
