"""Which files a run sees: supported files with their ids, and a verdict for everything else.

Folders are walked without following links. A link to a file inside the scanned folder is read
under its own name (and then found to be a duplicate of its target); a link leading out of the
folder, a broken link, a link to a folder, a pipe or device, a folder named like a document and
an unsupported file type each get a "skipped" verdict with a German reason instead of
stopping the run.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant import texts

from .load import SUPPORTED_SUFFIXES
from .metadata import MANIFEST_NAME, read_manifest

__all__ = ["Scan", "Skipped", "SourceFile", "scan"]


@dataclass(frozen=True)
class SourceFile:
    """A file to ingest, its document id and the manifest entry that describes it."""

    path: Path
    doc_id: str
    entry: dict[str, object] | None


@dataclass(frozen=True)
class Skipped:
    """A path that is not ingested, and why."""

    doc_id: str
    reason: str


@dataclass(frozen=True)
class Scan:
    """The result of looking at the given roots."""

    sources: tuple[SourceFile, ...]
    skipped: tuple[Skipped, ...]


def scan(roots: list[Path], corpus_dir: Path) -> Scan:
    """Supported files under ``roots`` (ids relative to the corpus folder if inside it)."""
    found: dict[str, SourceFile] = {}
    skipped: dict[str, Skipped] = {}
    manifests: dict[Path, dict[str, dict[str, object]]] = {}
    for root in roots:
        for path, reason in _entries(root):
            base = _base_for(path, root, corpus_dir)
            doc_id = _doc_id(path, base)
            if reason:
                skipped[doc_id] = Skipped(doc_id, reason)
                continue
            if base not in manifests:
                manifests[base] = read_manifest(base)
            found[doc_id] = SourceFile(_absolute(path), doc_id, manifests[base].get(doc_id))
    return Scan(
        tuple(found[k] for k in sorted(found)),
        tuple(skipped[k] for k in sorted(skipped) if k not in found),
    )


def _entries(root: Path) -> Iterator[tuple[Path, str]]:
    """(path, reason to skip or "") for a file root or every entry under a folder root."""
    if not root.is_dir():
        yield root, ""  # a file named explicitly is read, wherever it points
        return
    inside = root.resolve()
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in dirs:
            path = Path(folder) / name
            if path.is_symlink():
                yield path, texts.SKIP_SYMLINK_DIR
            elif path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path, texts.SKIP_DIRECTORY
        for name in sorted(files):
            if not name.startswith(".") and name != MANIFEST_NAME:
                path = Path(folder) / name
                yield path, _verdict(path, inside)


def _verdict(path: Path, inside: Path) -> str:
    """Why ``path`` cannot be ingested ("" when it can)."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # dangling, or a loop
            return texts.SKIP_SYMLINK_BROKEN
        if not target.is_relative_to(inside):
            return texts.SKIP_SYMLINK_OUTSIDE.format(target=target)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return texts.SKIP_UNSUPPORTED.format(suffix=path.suffix or "(ohne Endung)")
    try:
        mode = path.stat().st_mode
    except OSError:
        return ""  # vanished or unreadable: the read reports it
    return "" if stat.S_ISREG(mode) else texts.SKIP_SPECIAL


def _absolute(path: Path) -> Path:
    """The path with its folders resolved but a final link kept (its own name counts)."""
    return path.parent.resolve() / path.name


def _doc_id(path: Path, base: Path) -> str:
    absolute = _absolute(path)
    if absolute.is_relative_to(base):
        return absolute.relative_to(base).as_posix()
    return path.resolve().relative_to(base).as_posix()


def _base_for(path: Path, root: Path, corpus_dir: Path) -> Path:
    corpus = corpus_dir.resolve()
    if _absolute(path).is_relative_to(corpus):
        return corpus
    return (root if root.is_dir() else root.parent).resolve()
