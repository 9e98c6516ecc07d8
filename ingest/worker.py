"""Reading one file (load, clean, chunk) in a child process that a time limit can stop.

A parser stuck in a pathological file (a 5 MB text stream on one PDF page, a huge single
line, a regex blow-up) cannot be interrupted from Python, and a thread cannot be killed. So
each run keeps one worker process (forked from a forkserver, safe next to the UI's threads),
hands it one file at a time and kills and replaces it when a file exceeds
``KONZEPTLOTSE_INGEST_TIMEOUT``. The size, page and character limits are checked on the way.
Whatever goes wrong with one file becomes a German reason; the run goes on.
"""

from __future__ import annotations

import errno
import multiprocessing
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from assistant import texts
from assistant.embed import max_tokens, token_counter
from assistant.errors import DocumentError
from assistant.settings import Settings
from assistant.types import Chunk, DocumentMeta

from .chunk import chunk_pages
from .infer import Basis, infer_metadata
from .load import SUPPORTED_SUFFIXES, LoadOptions, load_file
from .metadata import document_meta
from .review import instruction_warnings

__all__ = ["FileWorker", "Limits", "Prepared", "Task", "os_reason", "prepare"]

_PRELOAD = ["ingest.worker", "ingest.infer", "pypdf", "bs4", "tokenizers"]
STARTUP_S = 120.0  # starting the worker does not count against a file's time limit


@dataclass(frozen=True)
class Limits:
    """What one file may cost (from the ``KONZEPTLOTSE_INGEST_*`` settings)."""

    timeout_s: float
    max_mb: int
    max_pages: int
    max_chars: int

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        """The limits configured in ``settings``."""
        return cls(
            settings.ingest_timeout,
            settings.ingest_max_mb,
            settings.ingest_max_pages,
            settings.ingest_max_chars,
        )


@dataclass(frozen=True)
class Task:
    """Everything the worker needs to turn one file into chunks."""

    path: Path
    doc_id: str
    entry: dict[str, object] | None
    fingerprint: str
    model: str
    chunk_tokens: int
    limits: Limits
    options: LoadOptions = field(default_factory=LoadOptions)  # OCR; no callback (pickled)

    @property
    def timeout_s(self) -> float:
        """This file's time limit: the ingest limit, plus the OCR limit for a PDF with OCR."""
        ocr = self.options.ocr and SUPPORTED_SUFFIXES.get(self.path.suffix.lower()) == "pdf"
        return self.limits.timeout_s + (self.options.ocr_timeout_s if ocr else 0.0)


@dataclass(frozen=True)
class Prepared:
    """A file read and chunked, ready to embed."""

    meta: DocumentMeta
    chunks: tuple[Chunk, ...]
    pages: int
    warnings: tuple[str, ...]
    basis: Basis | None = None  # what its municipality is inferred from (no manifest kommune)


def prepare(task: Task, step: Callable[[str], None] | None = None) -> Prepared:
    """Load, check and chunk one file (raises ``DocumentError`` or ``OSError``).

    ``step`` receives German progress lines from within the file (OCR page by page).
    """
    _check_pages(task)
    loaded = load_file(task.path, task.doc_id, replace(task.options, on_progress=step))
    chars = sum(len(p.text) for p in loaded.pages)
    if chars > task.limits.max_chars:
        limit = _number(task.limits.max_chars)
        reason = texts.LIMIT_CHARS.format(chars=_number(chars), limit=limit)
        raise DocumentError(task.doc_id, reason)
    # a first guess of the municipality; the pipeline settles it once all files are read
    inferred = infer_metadata(
        loaded.pages, loaded.title, loaded.kind, (), loaded.dated, file_name=task.doc_id
    )
    meta = document_meta(task.doc_id, task.entry, loaded.title, inferred)
    chunks = chunk_pages(
        list(loaded.pages),
        meta,
        task.fingerprint,
        token_counter(task.model),
        task.chunk_tokens,
        max_tokens(task.model),
        paged=loaded.paged,
    )
    if not chunks:
        raise DocumentError(task.doc_id, texts.LOAD_EMPTY)
    warnings = loaded.warnings + instruction_warnings(p.text for p in loaded.pages)
    basis = None
    if "kommune" not in (task.entry or {}):
        basis = Basis.of(loaded.pages, loaded.title, task.doc_id)
    return Prepared(meta, tuple(chunks), len(loaded.pages), warnings, basis)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # German thousands separator


def _check_pages(task: Task) -> None:
    if SUPPORTED_SUFFIXES.get(task.path.suffix.lower()) != "pdf":
        return
    try:
        from pypdf import PdfReader

        pages = len(PdfReader(task.path).pages)
    except Exception:  # noqa: BLE001 - unreadable PDFs get their precise reason from load_file
        return
    if pages > task.limits.max_pages:
        reason = texts.LIMIT_PAGES.format(pages=pages, limit=task.limits.max_pages)
        raise DocumentError(task.doc_id, reason)


def os_reason(exc: OSError) -> str:
    """A German reason for a failed file read."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return texts.READ_DENIED
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return texts.READ_GONE
    return texts.READ_FAILED.format(detail=exc.strerror or type(exc).__name__)


def _outcome(task: Task, conn: Connection) -> tuple[str, Any]:
    try:
        return "ok", prepare(task, lambda text: conn.send(("step", text)))
    except DocumentError as exc:
        return "failed", exc.reason
    except OSError as exc:
        return "failed", os_reason(exc)
    except MemoryError:
        return "failed", texts.LOAD_CRASHED.format(detail="zu wenig Arbeitsspeicher")
    except Exception as exc:  # noqa: BLE001 - any parser bug in one file ends as its verdict
        return "failed", texts.LOAD_CRASHED.format(detail=type(exc).__name__)


def _serve(conn: Connection, model: str) -> None:
    """The worker's loop: one task in, one outcome out, until the pipe closes."""
    token_counter(model)("Bereit.")  # load the tokenizer before any file's time counts
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(_outcome(task, conn))


class FileWorker:
    """Runs ``prepare`` in a child process with a time limit; restarts it after a kill."""

    def __init__(self, model: str) -> None:
        self.model = model
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(_PRELOAD)
        self._process: Any = None
        self._conn: Connection | None = None
        self._pending: tuple[Task, float] | None = None  # the task in flight and its deadline

    def __enter__(self) -> FileWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, task: Task) -> None:
        """Start preparing ``task`` in the background (the next file, while this one is
        embedded); ``run`` with the same task collects it. At most one task is in flight."""
        if self._pending is None:
            self._ensure().send(task)
            self._pending = (task, time.monotonic() + task.timeout_s)

    def run(self, task: Task, on_step: Callable[[str], None] | None = None) -> Prepared | str:
        """The prepared file, or a German reason why it could not be prepared in time."""
        if self._pending is not None and self._pending[0] is not task:
            self._kill()  # a prefetched file that is no longer wanted
        self.submit(task)
        assert self._pending is not None and self._conn is not None
        conn, deadline = self._conn, self._pending[1]
        try:
            while True:
                if not conn.poll(max(0.0, deadline - time.monotonic())):
                    self._kill()
                    return texts.LIMIT_TIME.format(limit=task.timeout_s)
                try:
                    kind, value = conn.recv()
                except (EOFError, OSError):  # the worker died (out of memory, a crash in C)
                    self._kill()
                    return texts.LOAD_CRASHED.format(detail="Leseprozess abgebrochen")
                if kind != "step":
                    return value if kind == "ok" else str(value)
                if on_step is not None:
                    on_step(str(value))
        finally:
            self._pending = None

    def _ensure(self) -> Connection:
        if self._conn is None or self._process is None or not self._process.is_alive():
            self._kill()
            parent, child = self._ctx.Pipe()
            self._process = self._ctx.Process(
                target=_serve,
                args=(child, self.model),
                name="konzeptlotse-ingest-worker",
                daemon=True,
            )
            self._process.start()
            child.close()
            self._conn = parent
            if not parent.poll(STARTUP_S) or parent.recv() != "ready":
                self._kill()
                raise RuntimeError("the ingest worker process did not start")
        return self._conn

    def _kill(self) -> None:
        self._pending = None
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def close(self) -> None:
        """Stop the worker (politely, then for sure)."""
        if self._conn is not None and self._process is not None and self._process.is_alive():
            try:
                self._conn.send(None)
                self._process.join(2)
            except OSError:
                pass
        self._kill()
