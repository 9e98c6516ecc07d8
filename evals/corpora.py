"""The evaluation corpora: documents plus labelled questions, each indexed on its own.

* ``beispiel``: the bundled sample corpus (``corpus/documents``) and ``evals/fragen.jsonl``;
* ``zweit``: a second corpus written apart from the retrieval code from a domain brief alone
  (``evals/zweitkorpus/``), in layouts unlike the first.

Each corpus can be indexed as an admin would with manifest entries, or with the files
dropped in without any (``manifest=False``: the manifest is left out of a copy), which
measures what the metadata inference recovers. Indexes live under
``<data dir>/eval-korpora/`` and are brought up to date incrementally.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from assistant.settings import Settings

from .dataset import DEFAULT_DATASET, Question, load_questions

__all__ = ["CORPORA", "EvalCorpus", "available", "prepare_index"]

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class EvalCorpus:
    """A document folder with its manifest and the questions labelled on it."""

    name: str
    label: str  # German name for reports
    documents: Path
    questions: Path

    def load(self) -> list[Question]:
        """The labelled questions."""
        return load_questions(self.questions)


CORPORA = {
    "beispiel": EvalCorpus(
        "beispiel", "Beispielkorpus", ROOT / "corpus" / "documents", DEFAULT_DATASET
    ),
    "zweit": EvalCorpus(
        "zweit",
        "Zweitkorpus",
        ROOT / "evals" / "zweitkorpus" / "documents",
        ROOT / "evals" / "zweitkorpus" / "fragen.jsonl",
    ),
}


def available() -> list[EvalCorpus]:
    """The corpora whose documents and questions are present."""
    return [c for c in CORPORA.values() if c.documents.is_dir() and c.questions.is_file()]


def prepare_index(settings: Settings, corpus: EvalCorpus, manifest: bool = True) -> Settings:
    """Settings whose data and corpus folders hold an up-to-date index of ``corpus``."""
    from ingest import run_ingest

    name = corpus.name if manifest else f"{corpus.name}-ohne-manifest"
    root = settings.data_dir / "eval-korpora" / name
    documents = corpus.documents if manifest else _copy_without_manifest(corpus, root / "docs")
    target = settings.with_overrides(data_dir=root / "index", corpus_dir=documents)
    report = run_ingest(target)
    if report.failed:
        names = ", ".join(f"{o.doc_id} ({o.reason})" for o in report.failed)
        raise RuntimeError(f"Korpus {corpus.label}: Dateien nicht eingelesen: {names}")
    return target


def _copy_without_manifest(corpus: EvalCorpus, target: Path) -> Path:
    """A copy of the documents without manifest.yaml (unchanged files keep their mtime)."""
    from ingest.metadata import MANIFEST_NAME

    for source in corpus.documents.rglob("*"):
        if not source.is_file() or source.name == MANIFEST_NAME:
            continue
        copy = target / source.relative_to(corpus.documents)
        if not copy.is_file() or copy.read_bytes() != source.read_bytes():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
    return target
