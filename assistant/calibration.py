"""Per-corpus calibration stored with the index: the refusal threshold fitted on an admin's
own labelled questions (``konzeptlotse calibrate --dataset FILE``).

The shipped answer model carries a threshold fitted on several corpora; a corpus with its own
labelled questions can do better with its own. The file lives in the data directory, so it
travels with the index it was fitted on. Priority: ``KONZEPTLOTSE_REFUSAL_THRESHOLD`` over
this file over the shipped model.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["CALIBRATION_FILE", "Calibration", "load_calibration", "save_calibration"]

CALIBRATION_FILE = "kalibrierung.json"


@dataclass(frozen=True)
class Calibration:
    """A refusal threshold and how it was obtained."""

    answer_threshold: float
    dataset: str = ""
    questions: int = 0
    fitted: str = ""
    refusal_accuracy: float = 0.0  # on the labelled questions it was fitted on
    false_refusal: float = 0.0


def load_calibration(data_dir: Path) -> Calibration | None:
    """The calibration of an index, or None when there is none (or it is unreadable)."""
    path = data_dir / CALIBRATION_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Calibration(**data)
    except (OSError, ValueError, TypeError):
        return None


def save_calibration(data_dir: Path, calibration: Calibration) -> Path:
    """Write the calibration next to the index (atomically)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / CALIBRATION_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(calibration), indent=1, ensure_ascii=False), "utf-8")
    tmp.replace(path)
    return path
