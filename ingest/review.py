"""What an admin should look at before trusting a document (shared by the admin page and CLI).

* Planted instructions: sentences that address a language model (``assistant.injection``) are
  found in the pages when a document is ingested and kept as a warning on its record.
* Versions: a new version that waits for an admin's confirmation, and values in which a
  document differs from the one it claims to supersede (``assistant.facts``), are worked out
  when the document list is shown, since they depend on two documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from assistant import texts
from assistant.facts import Difference, differences, values
from assistant.injection import instruction_sentences, tainted_sentences
from assistant.sentences import split_sentences
from assistant.store import Index
from assistant.types import DocRecord

__all__ = ["instruction_warnings", "version_warnings"]

_EXAMPLE_CHARS = 140
_CACHE_LIMIT = 512
# (doc_id, content hash) -> the document's sentences that state values
_VALUE_SENTENCES: dict[tuple[str, str], tuple[str, ...]] = {}


def instruction_warnings(pages: Iterable[str]) -> tuple[str, ...]:
    """The warning for a document whose pages address a language model (or none).

    Pages, not chunks: a planted heading or a line the chunker drops is reported, too.
    """
    found = instruction_sentences(pages)
    if not found:
        return ()
    example = _shorten(found[0], _EXAMPLE_CHARS)
    return (texts.WARN_INSTRUCTIONS.format(count=len(found), example=example),)


def version_warnings(index: Index) -> dict[str, tuple[str, ...]]:
    """Per document id: waiting for confirmation, and values that contradict its predecessor."""
    records = {r.doc_id: r for r in index.documents()}
    pairs = [
        (r, records[r.meta.supersedes]) for r in records.values() if r.meta.supersedes in records
    ]
    stated = _value_sentences(index, [r for pair in pairs for r in pair])
    out: dict[str, list[str]] = {}
    for record in records.values():
        if record.meta.unconfirmed:
            other = record.meta.supersedes
            inferred = record.meta.is_inferred("supersedes")
            template = texts.WARN_INFERRED_VERSION if inferred else texts.WARN_UNCONFIRMED
            out.setdefault(record.doc_id, []).append(
                template.format(other=other, doc_id=record.doc_id)
            )
    for new, old in pairs:
        found = differences(stated[new.doc_id], stated[old.doc_id])
        if found:
            out.setdefault(new.doc_id, []).append(_conflict(old, found))
    return {doc_id: tuple(warnings) for doc_id, warnings in out.items()}


def _conflict(old: DocRecord, found: Sequence[Difference]) -> str:
    pairs = "; ".join(f"{d.new.label} statt {d.old.label} („… {d.new.snippet} …“)" for d in found)
    return texts.WARN_CONFLICT.format(other=old.doc_id, stand=old.meta.stand or "?", pairs=pairs)


def _value_sentences(index: Index, records: Sequence[DocRecord]) -> dict[str, tuple[str, ...]]:
    """The sentences with values of ``records`` (read from the index once, then cached)."""
    keys = {(r.doc_id, r.content_hash) for r in records}
    found = {key: _VALUE_SENTENCES[key] for key in keys if key in _VALUE_SENTENCES}
    missing = keys - found.keys()
    if missing:
        wanted = {doc_id for doc_id, _ in missing}
        by_doc: dict[str, list[str]] = {doc_id: [] for doc_id in wanted}
        for chunk in index.chunks():
            if chunk.doc_id in wanted:
                planted = tainted_sentences(chunk.text)  # an instruction states no fact
                by_doc[chunk.doc_id] += [
                    s for s in split_sentences(chunk.text) if s not in planted and values(s)
                ]
        fresh = {key: tuple(by_doc[key[0]]) for key in missing}
        if len(_VALUE_SENTENCES) > _CACHE_LIMIT:
            _VALUE_SENTENCES.clear()
        _VALUE_SENTENCES.update(fresh)
        found.update(fresh)
    return {r.doc_id: found[(r.doc_id, r.content_hash)] for r in records}


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + " …"
