"""Index generations in a data directory: layout, publishing, reader leases, the writer lock.

Only file-system mechanics live here; what a generation contains is ``assistant.store``'s
business. Layout::

    CURRENT                      name of the published generation (absent = no index yet)
    writer.lock                  flock held by the one writer (ingest, upload, delete, remove)
    generations/<name>/          one generation; complete and immutable once READY exists
    generations/<name>/READY     JSON summary written last, before the generation is published
    generations/<name>/lease     readers hold a shared flock on it while they use the generation
    generations/.trash-*         a generation being deleted (renamed first, then removed)

Leases are ``flock`` locks, not PID files: the kernel drops them when a reader process ends,
also on ``kill -9``, so a crashed reader never pins a generation and a live one is never
mistaken for dead (no heartbeat, no PID reuse). ``flock`` is per open file, so a reader and the
writer's garbage collection in the same process see each other too. It needs a local file
system (not NFS), which the embedded stores need anyway.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import texts
from .errors import IndexLocked

__all__ = [
    "GENERATIONS",
    "Lease",
    "WriterLock",
    "collect_garbage",
    "current_generation",
    "generation_dir",
    "new_generation",
    "publish",
    "read_ready",
    "write_ready",
    "writer_lock",
]

GENERATIONS = "generations"
CURRENT = "CURRENT"
READY = "READY"
LEASE = "lease"
WRITER_LOCK = "writer.lock"
_TRASH = ".trash-"
# Files of the layout before generations had folders; removed by the first writer run.
_LEGACY = ("index-*.sqlite", "index-*.sqlite-wal", "index-*.sqlite-shm", "ingest.lock")


def generation_dir(data_dir: Path, name: str) -> Path:
    """The folder of generation ``name``."""
    return data_dir / GENERATIONS / name


def current_generation(data_dir: Path) -> str | None:
    """Name of the published generation, or None when there is none (never creates files)."""
    try:
        name = (data_dir / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not name or not (generation_dir(data_dir, name) / READY).is_file():
        return None
    return name


def read_ready(data_dir: Path, name: str) -> dict[str, Any]:
    """The READY summary of a generation (raises FileNotFoundError when it is incomplete)."""
    raw = (generation_dir(data_dir, name) / READY).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def write_ready(folder: Path, summary: dict[str, Any]) -> None:
    """Mark a finished generation folder complete (the last file written before publishing)."""
    _write_durable(folder / READY, json.dumps(summary, indent=1, sort_keys=True))


# --- the writer ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WriterLock:
    """Proof that the caller holds the data directory's writer lock (see ``writer_lock``)."""

    data_dir: Path


@contextmanager
def writer_lock(data_dir: Path) -> Iterator[WriterLock]:
    """Hold the single-writer lock of ``data_dir``; raises ``IndexLocked`` if another holds it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(data_dir / WRITER_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        os.close(fd)
        raise IndexLocked(texts.ERR_LOCKED.format(data_dir=data_dir)) from exc
    try:
        yield WriterLock(data_dir)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def writer_running(data_dir: Path) -> bool:
    """Whether a writer holds the lock right now (for read-only planning)."""
    try:
        fd = os.open(data_dir / WRITER_LOCK, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def new_generation(lock: WriterLock) -> tuple[str, Path]:
    """Name and (new, empty) folder of the next generation, with its lease file."""
    root = lock.data_dir / GENERATIONS
    root.mkdir(parents=True, exist_ok=True)
    numbers = [_number(p.name) for p in root.iterdir()]
    number = max([n for n in numbers if n is not None], default=0) + 1
    name = f"g{number:06d}-{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}"
    folder = root / name
    folder.mkdir()
    (folder / LEASE).touch()
    return name, folder


def generation_number(name: str) -> int:
    """The sequence number of a generation name (0 when it has none)."""
    return _number(name) or 0


def _number(name: str) -> int | None:
    head = name.split("-", 1)[0]
    return int(head[1:]) if head.startswith("g") and head[1:].isdigit() else None


def publish(lock: WriterLock, name: str) -> None:
    """Make a READY generation the published one: one atomic rename of ``CURRENT``."""
    data_dir = lock.data_dir
    if not (generation_dir(data_dir, name) / READY).is_file():
        raise RuntimeError(f"generation {name} is not complete")
    _write_durable(data_dir / CURRENT, name)


def collect_garbage(lock: WriterLock, keep: frozenset[str] = frozenset()) -> list[str]:
    """Delete generations nobody uses: not published, not in ``keep``, no reader lease held.

    A folder without READY is an unfinished build (the writer lock proves nobody builds it).
    Returns the names deleted; generations still leased stay for a later run.
    """
    data_dir = lock.data_dir
    _remove_legacy(data_dir)
    root = data_dir / GENERATIONS
    if not root.is_dir():
        return []
    live = {current_generation(data_dir), *keep}
    deleted = []
    for folder in sorted(root.iterdir()):
        if folder.name.startswith(_TRASH):
            shutil.rmtree(folder, ignore_errors=True)
        elif folder.name not in live and _retire(folder):
            deleted.append(folder.name)
    return deleted


def _retire(folder: Path) -> bool:
    """Rename an unused generation out of the way under an exclusive lease, then delete it."""
    try:
        fd = os.open(folder / LEASE, os.O_RDONLY)
    except FileNotFoundError:
        fd = -1
    try:
        if fd >= 0:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        trash = folder.with_name(f"{_TRASH}{folder.name}-{os.getpid()}")
        os.replace(folder, trash)
    except BlockingIOError:
        return False  # a reader uses it
    finally:
        if fd >= 0:
            os.close(fd)
    shutil.rmtree(trash, ignore_errors=True)
    return True


def _remove_legacy(data_dir: Path) -> None:
    for pattern in _LEGACY:
        for path in data_dir.glob(pattern):
            path.unlink(missing_ok=True)
    if (data_dir / "chroma").is_dir() and (data_dir / CURRENT).is_file():
        shutil.rmtree(data_dir / "chroma", ignore_errors=True)


# --- readers -------------------------------------------------------------------------------


class Lease:
    """A reader's shared lock on one published generation (released by ``close``)."""

    def __init__(self, data_dir: Path, name: str) -> None:
        self.name = name
        self.folder = generation_dir(data_dir, name)
        self._fd = os.open(self.folder / LEASE, os.O_RDONLY)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_SH)
            if not (self.folder / READY).is_file():  # retired between our read and our lock
                raise FileNotFoundError(self.folder / READY)
        except BaseException:
            os.close(self._fd)
            raise

    @classmethod
    def of_current(cls, data_dir: Path, attempts: int = 5) -> Lease | None:
        """A lease on the published generation (None when there is none)."""
        for _ in range(attempts):
            name = current_generation(data_dir)
            if name is None:
                return None
            try:
                return cls(data_dir, name)
            except FileNotFoundError:
                continue  # a newer generation replaced it meanwhile: read CURRENT again
        return None

    def close(self) -> None:
        """Release the lease (idempotent)."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _write_durable(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically and durably (temp file, fsync, rename, fsync dir)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (renames, new files) to disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
