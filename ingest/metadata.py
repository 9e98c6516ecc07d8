"""Document metadata from the corpus manifest (``manifest.yaml``), with file-based fallbacks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from assistant.types import DocumentMeta

from .infer import Inferred

__all__ = [
    "MANIFEST_NAME",
    "awaits_confirmation",
    "document_meta",
    "read_manifest",
    "with_inferred_kommune",
    "with_inferred_link",
]

MANIFEST_NAME = "manifest.yaml"
_FIELDS = ("title", "kommune", "doc_type", "stand", "issuer", "source", "supersedes")


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """Entries of ``folder/manifest.yaml`` keyed by file path (relative, posix); {} if none.

    A malformed manifest raises ``ValueError`` with a German message naming the file.
    """
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: Manifest ist kein gültiges YAML ({exc}).") from exc
    entries = data.get("documents", []) if isinstance(data, dict) else []
    result: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if not isinstance(entry, dict) or "file" not in entry:
            raise ValueError(f"{path}: Jeder Eintrag unter 'documents' braucht 'file'.")
        result[str(entry["file"]).strip("/")] = entry
    return result


def document_meta(
    doc_id: str,
    entry: dict[str, Any] | None,
    fallback_title: str,
    inferred: Inferred | None = None,
) -> DocumentMeta:
    """Metadata of a document: the manifest entry where present, else what the file says.

    Fields the manifest leaves out (municipality, document type, Stand) are taken from
    ``inferred`` and recorded as inferred, so the UI and ``sources`` can show them as such.
    """
    entry = entry or {}
    values = {key: _text(entry.get(key)) for key in _FIELDS}
    if not values["title"]:
        from_file = inferred.title if inferred else ""
        values["title"] = (
            fallback_title or from_file or Path(doc_id).stem.replace("-", " ").replace("_", " ")
        )
    read_off = []
    for key in ("kommune", "doc_type", "stand"):
        guess = getattr(inferred, key) if inferred else ""
        if key not in entry and guess:
            values[key] = guess
            read_off.append(key)
    place = inferred.place if inferred and "kommune" not in entry else ""
    return DocumentMeta(
        doc_id=doc_id,
        inferred=",".join(read_off),
        unconfirmed=awaits_confirmation(entry),
        place=place,
        **values,
    )


def with_inferred_link(meta: DocumentMeta, older: str) -> DocumentMeta:
    """``meta`` continuing ``older`` by inference ("" drops an inferred link): recorded as
    inferred and unconfirmed, so answers keep the older document's statements first."""
    inferred = _marked(meta, "supersedes", bool(older))
    return replace(meta, supersedes=older, unconfirmed=bool(older), inferred=inferred)


def with_inferred_kommune(meta: DocumentMeta, kommune: str, place: str = "") -> DocumentMeta:
    """``meta`` with the municipality read off its document ("" when none is clear) and,
    without one, the place it names (``DocumentMeta.place``)."""
    inferred = _marked(meta, "kommune", bool(kommune))
    return replace(meta, kommune=kommune, inferred=inferred, place="" if kommune else place)


_INFERRED_ORDER = ("kommune", "doc_type", "stand", "supersedes")


def _marked(meta: DocumentMeta, name: str, inferred: bool) -> str:
    """``meta.inferred`` with ``name`` marked as read off the document or not."""
    fields = {f for f in meta.inferred.split(",") if f} - {name} | ({name} if inferred else set())
    return ",".join(f for f in _INFERRED_ORDER if f in fields)


def awaits_confirmation(entry: dict[str, Any]) -> bool:
    """An entry that supersedes another document with ``confirmed: false`` (or "nein").

    Without the key an admin wrote the entry by hand, which counts as confirmed.
    """
    value = entry.get("confirmed")
    negative = value is False or str(value).strip().lower() in {"false", "nein", "no", "0"}
    return bool(_text(entry.get("supersedes"))) and negative


def _text(value: Any) -> str:
    # YAML turns 2022-09-01 into a date; Chroma metadata cannot hold None.
    return "" if value is None else str(value).strip()
