"""Ingest runs: discover files, skip unchanged ones, (re)index changed ones, drop deleted ones.

One bad file never stops a run: it is recorded with its German reason and the run goes on.
The index is only changed document by document (see ``assistant.store``), so a failure or a
kill leaves every other document as it was.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assistant import texts
from assistant.embed import max_tokens, model_identity, resolve_model, token_counter
from assistant.errors import DocumentError, IndexLocked, IndexMissing
from assistant.settings import Settings
from assistant.store import Index, current_generation
from assistant.types import DocRecord

from .chunk import CHUNK_VERSION, chunk_pages
from .clean import CLEAN_VERSION
from .infer import infer_metadata
from .load import OCR_SETTING, SUPPORTED_SUFFIXES, LoadOptions, load_file
from .metadata import MANIFEST_NAME, document_meta, read_manifest
from .review import instruction_warnings

__all__ = [
    "FileOutcome",
    "IngestReport",
    "Progress",
    "SourceFile",
    "discover",
    "ingest_lock",
    "run_ingest",
]

# 2: municipality, type and Stand inferred where the manifest is silent
# 3: passages that address a language model flagged on the record (``review``)
METADATA_VERSION = "3"

STATUS_LABELS = {
    "new": "neu",
    "changed": "geändert",
    "unchanged": "unverändert",
    "removed": "entfernt",
    "failed": "fehlgeschlagen",
}


@dataclass(frozen=True)
class SourceFile:
    """A file to ingest, its document id and the manifest entry that describes it."""

    path: Path
    doc_id: str
    entry: dict[str, object] | None


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one document in a run."""

    doc_id: str
    status: str  # new | changed | unchanged | removed | failed
    chunks: int = 0
    reason: str = ""
    warnings: tuple[str, ...] = ()


@dataclass
class IngestReport:
    """The result of a run, for the CLI summary, the admin page and tests."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0
    dry_run: bool = False

    def count(self, status: str) -> int:
        """Number of documents with ``status``."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        """The documents that could not be ingested."""
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def chunks(self) -> int:
        """Chunks written in this run."""
        return sum(o.chunks for o in self.outcomes if o.status in ("new", "changed"))

    def summary(self) -> str:
        """One German line: counts per status, chunks and duration."""
        counts = ", ".join(f"{self.count(s)} {label}" for s, label in STATUS_LABELS.items())
        verb = "Probelauf (nichts geändert)" if self.dry_run else f"Fertig in {self.seconds:.1f} s"
        return f"{verb}: {counts}; {self.chunks} Textabschnitte indexiert."


@dataclass(frozen=True)
class Progress:
    """A progress notification: files done of total, the current document, chunks embedded."""

    files_done: int
    files_total: int
    current: str
    chunks_embedded: int
    detail: str = ""  # a German step within the current file, e.g. OCR page by page


def discover(roots: list[Path], corpus_dir: Path) -> list[SourceFile]:
    """Supported files under ``roots`` with their document ids and manifest entries.

    A document id is the file's path relative to the corpus folder when it lies inside it,
    else relative to the folder that was given. The manifest is read from that folder.
    """
    found: dict[str, SourceFile] = {}
    manifests: dict[Path, dict[str, dict[str, object]]] = {}
    for root in roots:
        for path in _files(root):
            base = _base_for(path, root, corpus_dir)
            doc_id = path.resolve().relative_to(base).as_posix()
            if base not in manifests:
                manifests[base] = read_manifest(base)
            found[doc_id] = SourceFile(path.resolve(), doc_id, manifests[base].get(doc_id))
    return [found[k] for k in sorted(found)]


def _files(root: Path) -> Iterator[Path]:
    if root.is_file():
        yield root
        return
    for path in sorted(root.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
        supported = path.suffix.lower() in SUPPORTED_SUFFIXES
        if path.is_file() and supported and not hidden and path.name != MANIFEST_NAME:
            yield path


def _base_for(path: Path, root: Path, corpus_dir: Path) -> Path:
    corpus = corpus_dir.resolve()
    if path.resolve().is_relative_to(corpus):
        return corpus
    return (root if root.is_dir() else root.parent).resolve()


def pipeline_id(settings: Settings) -> str:
    """Everything besides the file and its metadata that shapes the chunks and vectors."""
    model = model_identity(resolve_model(settings.embedding_model))
    chunking = f"chunk={CHUNK_VERSION}/{settings.chunk_tokens}"
    return f"clean={CLEAN_VERSION};{chunking};meta={METADATA_VERSION};model={model}"


def run_ingest(
    settings: Settings,
    paths: list[Path] | None = None,
    rebuild: bool = False,
    dry_run: bool = False,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Bring the index in line with the files under ``paths`` (default: the corpus folder)."""
    started = time.perf_counter()
    roots = [p for p in (paths or [settings.corpus_dir])]
    for root in roots:
        if not root.exists():
            raise FileNotFoundError(f"Pfad nicht gefunden: {root}")
    model = resolve_model(settings.embedding_model)
    sources = discover(roots, settings.corpus_dir)
    report = IngestReport(dry_run=dry_run)
    with _lock(settings.data_dir, dry_run):
        if dry_run:
            index = _open_existing(settings.data_dir, model)
            report.outcomes = _plan(index, sources, roots, settings)
        elif rebuild or current_generation(settings.data_dir) is None:
            report.outcomes = _build_new(settings, model, sources, on_progress)
        else:
            index = Index.open(settings.data_dir, model)
            index.repair()
            report.outcomes = _update(index, sources, roots, settings, on_progress)
    report.seconds = time.perf_counter() - started
    return report


def _open_existing(data_dir: Path, model: str) -> Index | None:
    try:
        return Index.open(data_dir, model)
    except IndexMissing:
        return None


def _plan(
    index: Index | None, sources: list[SourceFile], roots: list[Path], settings: Settings
) -> list[FileOutcome]:
    """What a run would do, without loading or writing anything."""
    outcomes = []
    for source in sources:
        record = index.document(source.doc_id) if index else None
        fingerprint = _fingerprint(_hash_file(source.path), source, settings)
        status = (
            "new"
            if record is None
            else "unchanged"
            if record.fingerprint == fingerprint
            else "changed"
        )
        outcomes.append(FileOutcome(source.doc_id, status))
    if index is not None:
        outcomes += [FileOutcome(r.doc_id, "removed") for r in _vanished(index, sources, roots)]
    return outcomes


def _build_new(
    settings: Settings,
    model: str,
    sources: list[SourceFile],
    on_progress: Callable[[Progress], None] | None,
) -> list[FileOutcome]:
    """Build a fresh generation; it replaces the live index only when it is complete."""
    index = Index.create(settings.data_dir, model)
    try:
        outcomes = _update(index, sources, [], settings, on_progress)
    except BaseException:
        index.discard()
        raise
    had_index = current_generation(settings.data_dir) is not None
    if had_index and sources and all(o.status == "failed" for o in outcomes):
        index.discard()  # keep the working index rather than publish an empty one
    else:
        index.publish()
    return outcomes


def _update(
    index: Index,
    sources: list[SourceFile],
    roots: list[Path],
    settings: Settings,
    on_progress: Callable[[Progress], None] | None,
) -> list[FileOutcome]:
    outcomes: list[FileOutcome] = []
    tracker = _Tracker(len(sources), on_progress)
    known = frozenset(str(s.entry.get("kommune") or "") for s in sources if s.entry)
    for done, source in enumerate(sources):
        tracker.at(done, source.doc_id)
        outcomes.append(_ingest_one(index, source, settings, tracker.advance, known, tracker.step))
    for record in _vanished(index, sources, roots):
        index.remove_document(record.doc_id)
        outcomes.append(FileOutcome(record.doc_id, "removed"))
    tracker.at(len(sources), "")
    return outcomes


class _Tracker:
    """Turns per-file and per-batch events into ``Progress`` notifications."""

    def __init__(self, total: int, callback: Callable[[Progress], None] | None) -> None:
        self.total, self.callback = total, callback
        self.done, self.current, self.embedded = 0, "", 0

    def at(self, done: int, current: str) -> None:
        self.done, self.current = done, current
        self._notify()

    def advance(self, chunks: int) -> None:
        self.embedded += chunks
        self._notify()

    def step(self, detail: str) -> None:
        self._notify(detail)

    def _notify(self, detail: str = "") -> None:
        if self.callback:
            self.callback(Progress(self.done, self.total, self.current, self.embedded, detail))


def load_options(settings: Settings, step: Callable[[str], None] | None = None) -> LoadOptions:
    """How files are loaded under ``settings`` (OCR switch, language, time limit)."""
    return LoadOptions(settings.ocr, settings.ocr_language, settings.ocr_timeout, step)


def _ingest_one(
    index: Index,
    source: SourceFile,
    settings: Settings,
    advance: Callable[[int], None],
    known_kommunen: frozenset[str] = frozenset(),
    step: Callable[[str], None] | None = None,
) -> FileOutcome:
    try:
        content_hash = _hash_file(source.path)
        fingerprint = _fingerprint(content_hash, source, settings)
        existing = index.document(source.doc_id)
        if (
            existing is not None
            and existing.fingerprint == fingerprint
            and not (settings.ocr and _ocr_skipped(existing))
        ):
            return FileOutcome(source.doc_id, "unchanged", existing.chunk_count)
        loaded = load_file(source.path, source.doc_id, load_options(settings, step))
        known = {d.meta.kommune for d in index.documents()} | set(known_kommunen)
        inferred = infer_metadata(loaded.pages, loaded.title, loaded.kind, sorted(known - {""}))
        meta = document_meta(source.doc_id, source.entry, loaded.title, inferred)
        model = index.model
        chunks = chunk_pages(
            list(loaded.pages),
            meta,
            fingerprint,
            token_counter(model),
            settings.chunk_tokens,
            max_tokens(model),
            paged=loaded.paged,
        )
        if not chunks:
            raise DocumentError(source.doc_id, texts.LOAD_EMPTY)
        warnings = loaded.warnings + instruction_warnings(p.text for p in loaded.pages)
        record = DocRecord(
            meta=meta,
            path=str(source.path),
            content_hash=content_hash,
            fingerprint=fingerprint,
            pages=len(loaded.pages),
            chunk_count=len(chunks),
            ingested_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            warnings=warnings,
        )
        index.put_document(record, chunks, progress=advance)
        status = "new" if existing is None else "changed"
        return FileOutcome(source.doc_id, status, len(chunks), warnings=warnings)
    except DocumentError as exc:
        return FileOutcome(source.doc_id, "failed", reason=exc.reason)
    except OSError as exc:
        return FileOutcome(source.doc_id, "failed", reason=f"Datei nicht lesbar ({exc.strerror}).")


def _ocr_skipped(record: DocRecord) -> bool:
    """Scanned pages were left out because OCR was off (redo them once it is on)."""
    return any(OCR_SETTING in warning for warning in record.warnings)


def _vanished(index: Index, sources: list[SourceFile], roots: list[Path]) -> list[DocRecord]:
    """Indexed documents under a scanned folder whose file no longer exists."""
    present = {s.doc_id for s in sources}
    folders = [r.resolve() for r in roots if r.is_dir()]
    return [
        record
        for record in index.documents()
        if record.doc_id not in present
        and not Path(record.path).exists()
        and any(Path(record.path).is_relative_to(folder) for folder in folders)
    ]


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fingerprint(content_hash: str, source: SourceFile, settings: Settings) -> str:
    entry = json.dumps(source.entry or {}, sort_keys=True, default=str, ensure_ascii=False)
    payload = f"{content_hash}\n{entry}\n{pipeline_id(settings)}"
    return hashlib.sha256(payload.encode()).hexdigest()


def ingest_lock(data_dir: Path) -> AbstractContextManager[None]:
    """Hold the data directory's write lock (raises ``IndexLocked`` while a run holds it)."""
    return _lock(data_dir, shared=False)


@contextmanager
def _lock(data_dir: Path, shared: bool) -> Iterator[None]:
    """Only one writing run per data directory; dry runs only check that none is running."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(data_dir / "ingest.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        os.close(fd)
        raise IndexLocked(texts.ERR_LOCKED.format(data_dir=data_dir)) from exc
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
