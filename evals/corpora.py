"""The evaluation corpora: documents plus labelled questions, each indexed on its own.

* ``beispiel``: the bundled sample corpus (``corpus/documents``) and ``evals/fragen.jsonl``;
* ``zweit``: a second corpus written apart from the retrieval code from a domain brief alone
  (``evals/zweitkorpus/``), in layouts unlike the first.

Each corpus can be indexed as an admin would with manifest entries, or with the files
dropped in without any (``manifest=False``: the manifest is left out of a copy), which
measures what the metadata inference recovers; given ``names``, the copies are also
renamed "dok01.pdf", "dok02.html", … (``neutral_names``), so that neither folder nor file name
tells whose document it is, as with an admin's "download.pdf". Indexes live under
``<data dir>/eval-korpora/`` and are brought up to date incrementally.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from assistant.settings import Settings

from .dataset import DEFAULT_DATASET, Question, load_questions

__all__ = ["CORPORA", "EvalCorpus", "available", "neutral_names", "prepare_index", "renamed"]

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


def prepare_index(
    settings: Settings,
    corpus: EvalCorpus,
    manifest: bool = True,
    names: dict[str, str] | None = None,
) -> Settings:
    """Settings whose data and corpus folders hold an up-to-date index of ``corpus``
    (with ``names``: without manifest, the files renamed, see ``neutral_names``)."""
    from ingest import run_ingest

    name = corpus.name if manifest and not names else f"{corpus.name}-ohne-manifest"
    name += "-neutrale-namen" if names else ""
    root = settings.data_dir / "eval-korpora" / name
    documents = (
        corpus.documents
        if manifest and not names
        else _copy_without_manifest(corpus, root / "docs", names)
    )
    target = settings.with_overrides(data_dir=root / "index", corpus_dir=documents)
    report = run_ingest(target)
    if report.failed:
        failed = ", ".join(f"{o.doc_id} ({o.reason})" for o in report.failed)
        raise RuntimeError(f"Korpus {corpus.label}: Dateien nicht eingelesen: {failed}")
    return target


def neutral_names(corpus: EvalCorpus) -> dict[str, str]:
    """Each document's path below the folder -> a name that says nothing about the document
    ("dok01.pdf"), numbered in path order."""
    paths = sorted(_document_paths(corpus))
    return {path: f"dok{i:02d}{PurePosixPath(path).suffix}" for i, path in enumerate(paths, 1)}


def renamed(question: Question, names: dict[str, str]) -> Question:
    """``question`` with its gold documents under their ``names``."""
    gold = tuple(replace(g, doc=names.get(g.doc, g.doc)) for g in question.gold)
    return replace(question, gold=gold)


def _document_paths(corpus: EvalCorpus) -> list[str]:
    from ingest.metadata import MANIFEST_NAME

    return [
        source.relative_to(corpus.documents).as_posix()
        for source in corpus.documents.rglob("*")
        if source.is_file() and source.name != MANIFEST_NAME
    ]


def _copy_without_manifest(
    corpus: EvalCorpus, target: Path, names: dict[str, str] | None = None
) -> Path:
    """A copy of the documents without manifest.yaml, under ``names`` if given (unchanged
    files keep their mtime; files the corpus no longer has are removed)."""
    kept = set()
    for path in _document_paths(corpus):
        source = corpus.documents / path
        copy = target / (names[path] if names else path)
        kept.add(copy)
        if not copy.is_file() or copy.read_bytes() != source.read_bytes():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
    for stale in [f for f in target.rglob("*") if f.is_file() and f not in kept]:
        stale.unlink()
    return target
