"""Ingest runs: every file gets a verdict, changes go into a new generation, published at once.

A run looks at the files (``ingest.scan``), skips unchanged ones, reads changed ones in a
worker process under the per-file limits (``ingest.worker``), and writes new, changed and
removed documents into the next index generation (``assistant.store.IndexWriter``), which it
publishes atomically at the end. One bad file never stops a run: it is recorded with its
German reason (failed, or skipped for duplicates, links and the like) and the run goes on.
Questions keep being answered from the published generation throughout; a failed or killed
run leaves it untouched.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant import e5, texts
from assistant.embed import model_identity, resolve_model
from assistant.errors import IndexLocked, IndexMissing
from assistant.generations import WriterLock, collect_garbage, writer_lock, writer_running
from assistant.places import noun_stems
from assistant.settings import Settings
from assistant.store import (
    Index,
    IndexWriter,
    current_generation,
    lacks_e5,
    lexical_is_current,
)
from assistant.types import DocRecord, DocumentMeta

from .chunk import CHUNK_VERSION
from .clean import CLEAN_VERSION
from .eta import Estimate
from .infer import Basis, infer_kommune, infer_versions
from .load import OCR_SETTING, LoadOptions
from .metadata import with_inferred_kommune, with_inferred_link
from .scan import Scan, SourceFile, scan
from .worker import FileWorker, Limits, Prepared, Task, os_reason

__all__ = [
    "STATUS_LABELS",
    "FileOutcome",
    "IngestReport",
    "Progress",
    "SourceFile",
    "discover",
    "ingest_lock",
    "reinferred_kommunen",
    "relinked_versions",
    "run_ingest",
]

# 2: municipality, type and Stand inferred where the manifest is silent
# 3: passages that address a language model flagged on the record (``review``)
# 4: document type read from the title before the opening text (an update is linked to the
#    document it continues after all files are read, ``relinked_versions``)
# 5: a Stand written "1. Juni 2025" is read (only "01.06.2025" and "Juni 2025" were)
# 6: a web page's "Zuletzt aktualisiert: 12.09.2024" is its Stand
# 7: failing a Stand in the text, the date of a web page's <meta> tags or <time> is
# 8: the file name counts like the title for a municipality the text names; Kreise named
#    "Ennepe-Ruhr-Kreis", "Märkischer Kreis", hyphenated names; "Stadt X im Dezember" is X
# 9: a file name starting with an NRW municipality of unambiguous name names it ("herne_…")
# 10: a bare name after a postcode or "Bezirksregierung", or listed among others, counts
#     for no municipality (a ministry's "40190 Düsseldorf" made its Erlass the city's)
# 11: "Rhein-Kreis Neuss" and "StädteRegion Aachen" are read whole; the text's type word wins
#     over the file name's ("staedteregion_aachen_…" was a "Kreis Aachen")
# 12: a name in a list ("Stadt und Landkreis X") names no municipality in the file-name rule
# 13: "kreis_<name>_…" names any of the 31 Kreise of NRW, "hochsauerlandkreis_…" too
# 14: a Kreis and its town of the same name are told apart by the type word ("Kreis Feldau",
#     "kreis_feldau_…"); a bare "Feldau" counts for neither
# 15: a kreisfreie Stadt of NRW named bare at least twice, once near the top, owns the page
#     ("neu in Dortmund"); not after "Sitz in", as a noun ("das Essen") or first of a list
# 16: a known name listed with its type word ("der Stadt A, der Stadt B und des Kreises C")
#     is one of several wherever it stands in the list; an article before a typed name is no
#     sign of a noun
# 17: the municipalities of files without a manifest entry are inferred again once all files
#     of the run are read, from the same knowledge for every file (the order of reading made
#     a bare "in Feldau" count for the Stadt Feldau only in files read after its concept)
# 18: what a municipality is inferred from is stored with the document, so a later run infers
#     unchanged files again too (a concept added later made its town's bare name count only in
#     the files read with it)
# 19: a document of no clear municipality that names only one anywhere has it as its place
#     (``DocumentMeta.place``), which a question's place accepts
# 20: "Minden" of "Kreis Minden-Lübbecke" no longer counts for a known Stadt Minden too, and a
#     typed name before a comma and a clause ("des Kreises A, um …") is no list
# 21: the Hochsauerlandkreis (a one-word Kreis of NRW) is a typed name in the text
# 22: a press release's dateline ("Hamm, 16. November 2016" alone on a line) is its Stand
# 23: the kreisangehörige towns of NRW count when named bare ("in Ratingen", more than once),
#     and a typed name may start with "Bad" or "Sankt" ("Stadt Bad Honnef", not "Stadt Bad");
#     a dateline may carry a short note (", 02.08.2016, 13:25 Uhr / Lesedauer: 2 min")
# 24: a town that bears its Kreis's name, named bare in a text that never types the Kreis, is
#     the town ("Stadt Olpe")
# 25: a town one file names bare and another with its type word is one municipality (the
#     typed name), not two ("Hückelhoven" and "Stadt Hückelhoven")
# 26: a town the title or opening names bare, and not its Kreis, counts when the text names
#     it at least as often as the Kreis ("Herdecke: …" with the Ennepe-Ruhr-Kreis once below)
# 27: a town outside NRW named by a news item's dateline ("Limbach-Oberfrohna. Der …") or by
#     an adjective of a name ending in a vowel ("Jenaer Schulen") is used as a place
# 28: a name glued to the next word is no typed name cut short ("Landeshauptstadt
#     HannoverDrucksachen"), and the only place a document names often enough is its
#     municipality though its opening does not name it
# 29: a document of no clear municipality has as its places those it names at least half as
#     often as the one it names most ("Kreis Lippe, Stadt Detmold"), up to two
# 30: a Kreis's hyphenated full name names no other Kreis by a shared word (the
#     "Rheingau-Taunus-Kreis" is not the Main-Taunus-Kreis)
# 31: a name of two words opened by an adjective ("Stadt Bergisch Gladbach", "Landkreis
#     Mecklenburgische Seenplatte"); a file name "kreis_waldeck_frankenberg_…" names the
#     "Kreis Waldeck-Frankenberg" the text writes; "die Stadt Fahrtkosten" is no town where
#     other files of the corpus use "Fahrtkosten" as a noun
# 32: the gazetteer names München, Nürnberg, Greifswald and a few more towns as German texts
#     do (GeoNames gives "Munich"); a town's adjective after its noun's article ("des
#     Münchner Stadtrats") names the town; "Stadt Frankfurt" beside "Stadt Frankfurt am Main"
#     is that town
# 33: the first part of a compound written short ("das Wendau- und das Börde-Berufskolleg") is
#     no noun, so "Wendau" stays a place name of the corpus
# 34: a word ending like a noun ("Erstberatung") is no bare place name of the corpus, which a
#     comparison would otherwise take as one more place to compare
# 35: an adjective in "-lich" opens a name of two words as one in "-isch" does ("Landkreis
#     Westliche Wendau", not "Kreis Westliche")
METADATA_VERSION = "35"
# Worker processes that read files ahead: while one file is embedded, the next ones are loaded,
# cleaned and chunked (a slow PDF does not leave the embedder waiting).
READERS = 2

STATUS_LABELS = {
    "new": "neu",
    "changed": "geändert",
    "unchanged": "unverändert",
    "removed": "entfernt",
    "skipped": "übersprungen",
    "failed": "fehlgeschlagen",
}


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one document in a run."""

    doc_id: str
    status: str  # new | changed | unchanged | removed | skipped | failed
    chunks: int = 0
    reason: str = ""
    warnings: tuple[str, ...] = ()


@dataclass
class IngestReport:
    """The result of a run, for the CLI summary, the admin page and tests."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0
    dry_run: bool = False
    published: dict[str, Any] = field(default_factory=dict)  # READY summary, {} if none

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
    eta_s: float | None = None  # seconds the run still needs (None while unknown)


def discover(roots: list[Path], corpus_dir: Path) -> list[SourceFile]:
    """Supported files under ``roots`` with their document ids and manifest entries.

    A document id is the file's path relative to the corpus folder when it lies inside it,
    else relative to the folder that was given. The manifest is read from that folder.
    """
    return list(scan(roots, corpus_dir).sources)


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
    roots = list(paths or [settings.corpus_dir])
    for root in roots:
        if not root.exists() and not root.is_symlink():
            raise FileNotFoundError(f"Pfad nicht gefunden: {root}")
    found = scan(roots, settings.corpus_dir)
    report = IngestReport(dry_run=dry_run)
    if dry_run:
        if writer_running(settings.data_dir):
            raise IndexLocked(texts.ERR_LOCKED.format(data_dir=settings.data_dir))
        base = _open_existing(settings)
        report.outcomes = _Run(settings, found, roots, base, on_progress).plan()
    else:
        with writer_lock(settings.data_dir) as lock:
            collect_garbage(lock)
            base = None if rebuild else _open_existing(settings)
            run = _Run(settings, found, roots, base, on_progress)
            if base is not None:
                base.close()  # our own lease must not keep the old generation from deletion
            report.outcomes, report.published = run.write(lock, rebuild)
    report.seconds = time.perf_counter() - started
    return report


def _open_existing(settings: Settings) -> Index | None:
    try:
        return Index.open(
            settings.data_dir,
            resolve_model(settings.embedding_model),
            chroma_url=settings.chroma_url,
        )
    except IndexMissing:
        return None


class _TimeLimit(Exception):
    """A file exceeded its time limit while its chunks were embedded."""


class _Run:
    """One run over the scanned files against the published generation ``base``."""

    def __init__(
        self,
        settings: Settings,
        found: Scan,
        roots: list[Path],
        base: Index | None,
        on_progress: Callable[[Progress], None] | None,
    ) -> None:
        self.settings = settings
        self.found = found
        self.roots = roots
        self.records = {r.doc_id: r for r in base.documents()} if base else {}
        self.model = resolve_model(settings.embedding_model)
        self.limits = Limits.of(settings)
        self.tracker = _Tracker(len(found.sources), on_progress, _sizes(found.sources))
        self.hashes = {s.doc_id: _hash_or_reason(s.path, self.limits) for s in found.sources}
        self.keepers = self._keepers()
        self.writer: IndexWriter | None = None
        self._tasks: dict[str, Task] = {}  # doc_id -> the worker task of a file read in this run
        self._reader: dict[str, FileWorker] = {}  # doc_id -> the worker process reading it
        self._ahead: dict[str, SourceFile] = {}  # doc_id -> the file its worker reads next

    # --- planning ------------------------------------------------------------------------

    def _keepers(self) -> dict[str, str]:
        """Content hash -> the one document id that carries it (indexed ones first)."""
        keepers: dict[str, str] = {}
        for record in sorted(self.records.values(), key=lambda r: r.doc_id):
            if Path(record.path).exists():
                keepers.setdefault(record.content_hash, record.doc_id)
        for source in self.found.sources:
            digest = self.hashes[source.doc_id]
            if not digest.startswith("!"):
                keepers.setdefault(digest, source.doc_id)
        return keepers

    def _duplicate_of(self, source: SourceFile) -> str:
        keeper = self.keepers.get(self.hashes[source.doc_id], source.doc_id)
        return "" if keeper == source.doc_id else keeper

    def _status(self, source: SourceFile) -> tuple[str, str]:
        """(status, fingerprint) before reading the file; status "failed"/"skipped" is final."""
        digest = self.hashes[source.doc_id]
        if digest.startswith("!"):
            return "failed", digest[1:]
        duplicate = self._duplicate_of(source)
        if duplicate:
            return "skipped", texts.SKIP_DUPLICATE.format(other=duplicate)
        fingerprint = _fingerprint(digest, source, self.settings)
        record = self.records.get(source.doc_id)
        if record is None:
            return "new", fingerprint
        same = record.fingerprint == fingerprint
        if same and not (self.settings.ocr and _ocr_skipped(record)):
            return "unchanged", fingerprint
        return "changed", fingerprint

    def plan(self) -> list[FileOutcome]:
        """What a run would do, without reading or writing anything."""
        outcomes = [FileOutcome(s.doc_id, "skipped", reason=s.reason) for s in self.found.skipped]
        for source in self.found.sources:
            status, detail = self._status(source)
            reason = detail if status in ("failed", "skipped") else ""
            outcomes.append(FileOutcome(source.doc_id, status, reason=reason))
        outcomes += [FileOutcome(d, "removed") for d in self._to_remove()]
        return sorted(outcomes, key=lambda o: o.doc_id)

    def _to_remove(self) -> list[str]:
        """Indexed documents whose file is gone, skipped now, or a duplicate now."""
        present = {s.doc_id for s in self.found.sources}
        skipped = {s.doc_id for s in self.found.skipped}
        duplicates = {s.doc_id for s in self.found.sources if self._duplicate_of(s)}
        folders = [r.resolve() for r in self.roots if r.is_dir()]
        gone = [
            r.doc_id
            for r in self.records.values()
            if r.doc_id not in present
            and not Path(r.path).exists()
            and any(Path(r.path).is_relative_to(folder) for folder in folders)
        ]
        return sorted(set(gone) | ((skipped | duplicates) & set(self.records)))

    def _manifest_kommunen(self) -> set[str]:
        return {str(s.entry.get("kommune") or "") for s in self.found.sources if s.entry} - {""}

    # --- writing -------------------------------------------------------------------------

    def write(self, lock: WriterLock, rebuild: bool) -> tuple[list[FileOutcome], dict[str, Any]]:
        """Apply the run to a new generation and publish it if anything changed."""
        outcomes = [FileOutcome(s.doc_id, "skipped", reason=s.reason) for s in self.found.skipped]
        fresh = rebuild or current_generation(lock.data_dir) is None
        try:
            with ExitStack() as stack:
                workers = [stack.enter_context(FileWorker(self.model)) for _ in range(READERS)]
                reading = [s for s in self.found.sources if self._needs_reading(s, fresh)]
                self._reader = {s.doc_id: workers[i % READERS] for i, s in enumerate(reading)}
                self._ahead = {
                    a.doc_id: b for a, b in zip(reading, reading[READERS:], strict=False)
                }
                for source in reading[:READERS]:  # read while the model loads
                    self._submit(source)
                if reading:
                    self._writer(lock, fresh)
                for done, source in enumerate(self.found.sources):
                    self.tracker.at(done, source.doc_id)
                    outcomes.append(self._one(lock, source, fresh))
            for doc_id in self._to_remove():
                self._writer(lock, fresh).remove_document(doc_id)
                if doc_id not in {o.doc_id for o in outcomes}:
                    outcomes.append(FileOutcome(doc_id, "removed"))
            self.tracker.at(len(self.found.sources), "")
            published = self._finish(lock, fresh, outcomes)
        except BaseException:
            if self.writer is not None:
                self.writer.discard()
            raise
        return sorted(outcomes, key=lambda o: o.doc_id), published

    def _writer(self, lock: WriterLock, fresh: bool) -> IndexWriter:
        if self.writer is None:
            self.writer = IndexWriter.start(
                lock,
                self.model,
                from_current=not fresh,
                chroma_url=self.settings.chroma_url,
                with_e5=e5.wanted(self.settings.weight_e5),
            )
        return self.writer

    def _finish(self, lock: WriterLock, fresh: bool, outcomes: list[FileOutcome]) -> dict[str, Any]:
        had_index = current_generation(lock.data_dir) is not None
        all_failed = bool(self.found.sources) and all(
            o.status == "failed" for o in outcomes if o.doc_id in self.hashes
        )
        if fresh and had_index and all_failed:
            if self.writer is not None:
                self.writer.discard()  # keep the working index rather than publish an empty one
            return {}
        # an index of an earlier version (its lexical files in an older format) is republished
        # once, so that readers find files they can map
        outdated = had_index and not lexical_is_current(lock.data_dir)
        # ... and so is one without the e5 vectors the settings ask for
        if e5.wanted(self.settings.weight_e5):
            outdated = outdated or lacks_e5(lock.data_dir)
        if fresh or outdated:
            self._writer(lock, fresh)  # a first run or a rebuild publishes even when empty
        stored = self.writer.documents() if self.writer else list(self.records.values())
        metas = [r.meta for r in stored]
        # every stored basis, also of documents read in an earlier run: a file added, removed
        # or given a manifest municipality now changes how their bare names count
        bases = _StoredBases(self.writer) if self.writer else {}
        kommunen = reinferred_kommunen(metas, bases, self._manifest_kommunen())
        metas = [kommunen.get(m.doc_id, m) for m in metas]
        changed = kommunen | {m.doc_id: m for m in relinked_versions(metas)}
        if changed:  # also when no file changed: an index of an earlier version gets its links
            self._writer(lock, fresh).set_metas(list(changed.values()))
        if self.writer is None or not (self.writer.changed or fresh or outdated):
            if self.writer is not None:
                self.writer.discard()
            return {}
        return self.writer.publish(status=lambda text: self.tracker.at(self.tracker.total, text))

    def _one(self, lock: WriterLock, source: SourceFile, fresh: bool) -> FileOutcome:
        status, detail = self._status(source)
        if status in ("failed", "skipped"):
            self.tracker.eta.skip(source.doc_id)
            return FileOutcome(source.doc_id, status, reason=detail)
        if status == "unchanged" and not fresh:
            self.tracker.eta.skip(source.doc_id)
            return FileOutcome(source.doc_id, status, self.records[source.doc_id].chunk_count)
        self.tracker.eta.begin(source.doc_id)
        try:
            return self._read_and_store(lock, source, fresh, status, detail)
        finally:
            self.tracker.eta.finish(source.doc_id)

    def _submit(self, source: SourceFile) -> None:
        """Read a file ahead (an inferred municipality is settled after all files are read)."""
        self._reader[source.doc_id].submit(self._task(source, self._status(source)[1]))

    def _needs_reading(self, source: SourceFile, fresh: bool) -> bool:
        status, _ = self._status(source)
        return status not in ("failed", "skipped") and (fresh or status != "unchanged")

    def _task(self, source: SourceFile, detail: str) -> Task:
        """The worker's task for a file (made once: a prefetched task is collected by identity)."""
        task = self._tasks.get(source.doc_id)
        if task is None:
            task = Task(
                source.path,
                source.doc_id,
                source.entry,
                detail,
                self.model,
                self.settings.chunk_tokens,
                self.limits,
                load_options(self.settings),
            )
            self._tasks[source.doc_id] = task
        return task

    def _read_and_store(
        self, lock: WriterLock, source: SourceFile, fresh: bool, status: str, detail: str
    ) -> FileOutcome:
        started = time.monotonic()
        prepared = self._reader[source.doc_id].run(self._task(source, detail), self.tracker.step)
        ahead = self._ahead.get(source.doc_id)
        if ahead is not None:  # its worker reads a later file while this one is embedded
            self._submit(ahead)
        if isinstance(prepared, str):
            return FileOutcome(source.doc_id, "failed", reason=prepared)
        try:
            self._store(lock, fresh, source, prepared, detail, started)
        except _TimeLimit:
            reason = texts.LIMIT_TIME.format(limit=self.limits.timeout_s)
            return FileOutcome(source.doc_id, "failed", reason=reason)
        status = "new" if fresh or status == "new" else "changed"
        return FileOutcome(source.doc_id, status, len(prepared.chunks), warnings=prepared.warnings)

    def _store(
        self,
        lock: WriterLock,
        fresh: bool,
        source: SourceFile,
        prepared: Prepared,
        fingerprint: str,
        started: float,
    ) -> None:
        record = DocRecord(
            meta=prepared.meta,
            path=str(source.path),
            content_hash=self.hashes[source.doc_id],
            fingerprint=fingerprint,
            pages=prepared.pages,
            chunk_count=len(prepared.chunks),
            ingested_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            warnings=prepared.warnings,
        )
        spent = time.monotonic() - started
        writer = self._writer(lock, fresh)  # opening it (model, copy) is not the file's time
        deadline = time.monotonic() + self.limits.timeout_s - spent

        def advance(chunks: int) -> None:
            self.tracker.advance(chunks)
            if time.monotonic() > deadline:
                raise _TimeLimit

        self.tracker.eta.chunks(len(prepared.chunks))
        basis = prepared.basis.packed if prepared.basis else None
        writer.put_document(record, list(prepared.chunks), progress=advance, basis=basis)


class _Tracker:
    """Turns per-file and per-batch events into ``Progress`` notifications."""

    def __init__(
        self,
        total: int,
        callback: Callable[[Progress], None] | None,
        sizes: dict[str, int] | None = None,
    ) -> None:
        self.total, self.callback = total, callback
        self.done, self.current, self.embedded = 0, "", 0
        self.eta = Estimate(sizes or {})

    def at(self, done: int, current: str) -> None:
        self.done, self.current = done, current
        self._notify()

    def advance(self, chunks: int) -> None:
        self.embedded += chunks
        self.eta.embedded(chunks)
        self._notify()

    def step(self, detail: str) -> None:
        self._notify(detail)

    def _notify(self, detail: str = "") -> None:
        if self.callback:
            eta = self.eta.remaining()
            self.callback(Progress(self.done, self.total, self.current, self.embedded, detail, eta))


def _sizes(sources: Sequence[SourceFile]) -> dict[str, int]:
    """Bytes of each file (the unit of the time estimate; 0 when unreadable)."""
    sizes = {}
    for source in sources:
        try:
            sizes[source.doc_id] = source.path.stat().st_size
        except OSError:
            sizes[source.doc_id] = 0
    return sizes


def load_options(settings: Settings, step: Callable[[str], None] | None = None) -> LoadOptions:
    """How files are loaded under ``settings`` (OCR switch, language, time limit)."""
    return LoadOptions(settings.ocr, settings.ocr_language, settings.ocr_timeout, step)


def _hash_or_reason(path: Path, limits: Limits) -> str:
    """The file's sha256, or "!" + the German reason why it cannot be read or is too large."""
    try:
        size = path.stat().st_size
        if size > limits.max_mb * 1024 * 1024:
            return "!" + texts.LIMIT_SIZE.format(size=size / 1024 / 1024, limit=limits.max_mb)
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError as exc:
        return "!" + os_reason(exc)


def _fingerprint(content_hash: str, source: SourceFile, settings: Settings) -> str:
    entry = json.dumps(source.entry or {}, sort_keys=True, default=str, ensure_ascii=False)
    payload = f"{content_hash}\n{entry}\n{pipeline_id(settings)}"
    return hashlib.sha256(payload.encode()).hexdigest()


def ingest_lock(data_dir: Path) -> AbstractContextManager[WriterLock]:
    """Hold the data directory's single-writer lock (raises ``IndexLocked`` while held)."""
    return writer_lock(data_dir)


def _ocr_skipped(record: DocRecord) -> bool:
    """Scanned pages were left out because OCR was off (redo them once it is on)."""
    return any(OCR_SETTING in warning for warning in record.warnings)


_INFERENCE_ROUNDS = 3


class _StoredBases(Mapping[str, Basis]):
    """The inference bases of the generation being built, read one at a time (a large
    corpus without manifest does not hold all its texts in memory at once)."""

    def __init__(self, writer: IndexWriter) -> None:
        self.writer = writer
        self.ids = writer.basis_ids()

    def __getitem__(self, doc_id: str) -> Basis:
        packed = self.writer.basis(doc_id) if doc_id in self.ids else None
        if packed is None:
            raise KeyError(doc_id)
        return Basis(packed)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.ids

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.ids))

    def __len__(self) -> int:
        return len(self.ids)


def reinferred_kommunen(
    metas: Sequence[DocumentMeta], bases: Mapping[str, Basis], given: set[str]
) -> dict[str, DocumentMeta]:
    """The documents whose inferred municipality changes once every file is known, keyed by
    document id.

    A bare "in Feldau" counts for the Stadt Feldau only when the corpus knows that
    municipality, which the worker reading one file cannot know (it guesses from the file
    alone). Here every document with a ``bases`` entry (none has a manifest municipality;
    those of earlier runs included) is inferred again from the same knowledge: the
    manifest's municipalities and those of the documents without basis, then, in rounds
    until nothing changes, the municipalities inferred in the round before. The result
    depends neither on the order in which the files were read nor on the runs they came in."""
    settled = given | {m.kommune for m in metas if m.doc_id not in bases}
    ids = sorted(bases.keys() & {m.doc_id for m in metas})
    guesses: dict[str, tuple[str, str]] = {}  # doc_id -> (municipality, place)
    known = settled - {""}
    # the words the corpus uses as nouns: "Stadt Fahrtkosten" in one file is no town where
    # the others write "der Fahrtkosten"
    nouns = noun_stems(page.text for doc_id in ids for page in bases[doc_id].unpacked()[0])
    for _ in range(_INFERENCE_ROUNDS):
        names = sorted(known)
        guesses = {doc_id: infer_kommune(bases[doc_id], names, nouns) for doc_id in ids}
        wider = (settled | {kommune for kommune, _ in guesses.values()}) - {""}
        if wider == known:
            break  # the same knowledge gives the same guesses: no round to confirm them
        known = wider
    return {
        m.doc_id: with_inferred_kommune(m, *guesses[m.doc_id])
        for m in metas
        if m.doc_id in guesses and guesses[m.doc_id] != (m.kommune, m.place)
    }


def relinked_versions(metas: Sequence[DocumentMeta]) -> list[DocumentMeta]:
    """The documents whose inferred predecessor changes: an update the manifest gives no
    predecessor is linked to the document it continues (``infer_versions``; inferred and
    unconfirmed), a link that no longer holds (the older document removed) is dropped. Worked
    out once all files are read, so the order of the files does not matter."""
    links = infer_versions(metas)
    changed = []
    for meta in metas:
        if meta.doc_id not in links:
            continue
        current = meta.supersedes if meta.is_inferred("supersedes") else ""
        if links[meta.doc_id] != current:
            changed.append(with_inferred_link(meta, links[meta.doc_id]))
    return changed
