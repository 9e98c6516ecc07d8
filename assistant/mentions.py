"""Which passages name which municipality: computed once by the writer, looked up by readers.

A comparison or a question about one municipality also admits passages of other documents
that name it (a regional report, the guide's examples; ``Filters.mentions``). Deciding that
per question means lower-casing and searching every chunk, about 0.7 s at 100,000 chunks for
each municipality asked about. The writer therefore saves, for the names of every municipality
in the generation, the rows whose mention text (``types.mention_text``) contains the name
(``mentions.json``); readers look the rows up and scan only for names not in the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from .places import mention_names
from .types import Chunk, mention_text

__all__ = ["MENTIONS_FILE", "build_mentions", "load_mentions", "rows_mentioning"]

MENTIONS_FILE = "mentions.json"
_SEPARATOR = "\x00"  # never inside a name, so no match crosses two chunks


def rows_mentioning(chunks: Sequence[Chunk], names: Iterable[str]) -> dict[str, np.ndarray]:
    """For each name, the rows whose mention text contains it (sorted)."""
    texts = [mention_text(c) for c in chunks]
    joined = _SEPARATOR.join(texts)
    starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]) if texts else np.zeros(0)
    found: dict[str, np.ndarray] = {}
    for name in dict.fromkeys(names):
        positions = []
        at = joined.find(name)
        while at >= 0:
            positions.append(at)
            at = joined.find(name, at + 1)
        rows = np.searchsorted(starts, np.asarray(positions, dtype=np.int64), side="right") - 1
        found[name] = np.unique(rows).astype(np.int64)
    return found


def build_mentions(chunks: Sequence[Chunk], folder: Path) -> None:
    """Save the rows naming each municipality of ``chunks``' documents to ``folder``."""
    names = [n for k in sorted({c.meta.kommune for c in chunks} - {""}) for n in mention_names(k)]
    rows = rows_mentioning(chunks, names)
    data = {name: found.tolist() for name, found in rows.items()}
    (folder / MENTIONS_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_mentions(folder: Path) -> dict[str, np.ndarray]:
    """The writer's rows per name ({} for a generation of an earlier version)."""
    try:
        data = json.loads((folder / MENTIONS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {name: np.asarray(rows, dtype=np.int64) for name, rows in data.items()}
