"""Held-out sets: check a question set written blind against the texts it is about, and build
its copy with neutral file names.

A held-out set is a folder outside the repository (its texts are copies of public pages):
``texte/`` with the files as an administration would name them and ``fragen.jsonl`` in the
format of ``evals/dataset.py``. The check loads every text with the ingestion's own loader, so
that a fact counts only where the assistant can find it, and reports every question whose gold
document, page or fact does not hold. ``--neutral`` then writes ``anon/`` (``dokument_01.txt``
…) and ``fragen_anon.jsonl`` with the gold documents renamed: the same set without the hint a
file name gives.

    .venv/bin/python -m evals.heldout PFAD [--neutral] [--dump ORDNER]

How such a set is written and run: ``evals/README.md`` ("Verdeckte Sätze").
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

from assistant.errors import DocumentError
from ingest.load import SUPPORTED_SUFFIXES, load_file

from .dataset import CATEGORIES, Question, load_questions
from .metrics import normalize

__all__ = ["NEUTRAL_DIR", "NEUTRAL_QUESTIONS", "check", "main", "neutral_copy"]

TEXTS_DIR = "texte"
QUESTIONS = "fragen.jsonl"
NEUTRAL_DIR = "anon"
NEUTRAL_QUESTIONS = "fragen_anon.jsonl"


def _pages(folder: Path) -> tuple[dict[str, list[str]], list[str]]:
    """Page texts by file name as the ingestion reads them, and the files it cannot read."""
    pages: dict[str, list[str]] = {}
    errors = []
    for path in sorted((folder / TEXTS_DIR).iterdir()):
        if not path.is_file():
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            errors.append(f"{path.name}: Format wird nicht eingelesen")
            continue
        try:
            pages[path.name] = [page.text for page in load_file(path, path.name).pages]
        except DocumentError as exc:  # reported with its German reason; the check goes on
            errors.append(f"{path.name}: nicht lesbar ({exc})")
    return pages, errors


def _question_errors(q: Question, pages: dict[str, list[str]]) -> list[str]:
    errors = []
    if q.category not in CATEGORIES:
        errors.append(f"{q.id}: unbekannte Kategorie {q.category!r}")
    if q.expected not in ("answer", "refuse"):
        errors.append(f"{q.id}: expected muss „answer“ oder „refuse“ sein")
    if q.split not in ("dev", "test"):
        errors.append(f"{q.id}: split muss „dev“ oder „test“ sein")
    if q.expected == "refuse":
        if q.facts or q.gold:
            errors.append(f"{q.id}: eine abzulehnende Frage hat weder Fakten noch Goldseiten")
        return errors
    if not q.gold or not q.facts:
        errors.append(f"{q.id}: eine beantwortbare Frage braucht Goldseiten und Fakten")
        return errors
    texts = []
    for gold in q.gold:
        if gold.doc not in pages:
            errors.append(f"{q.id}: Golddokument {gold.doc} fehlt in {TEXTS_DIR}/")
            continue
        for page in gold.pages:
            if not 1 <= page <= len(pages[gold.doc]):
                errors.append(f"{q.id}: {gold.doc} hat keine Seite {page}")
            else:
                texts.append(normalize(pages[gold.doc][page - 1]))
    for alternatives in q.facts:
        if not any(normalize(alt) in text for alt in alternatives for text in texts):
            errors.append(f"{q.id}: Fakt {list(alternatives)} steht auf keiner Goldseite")
    if q.category == "vergleich" and not q.kommunen:
        errors.append(f"{q.id}: ein Vergleich nennt seine Kommunen (kommunen)")
    if q.category == "folgefrage" and not q.history:
        errors.append(f"{q.id}: eine Folgefrage braucht ihren Verlauf (history)")
    return errors


def check(folder: Path) -> tuple[list[Question], dict[str, list[str]], list[str]]:
    """The questions, the page texts and every error of the set in ``folder``."""
    pages, errors = _pages(folder)
    questions = load_questions(folder / QUESTIONS)
    counts = Counter(q.id for q in questions)
    errors += [f"{qid}: Kennung mehrfach vergeben" for qid, n in counts.items() if n > 1]
    for q in questions:
        errors += _question_errors(q, pages)
    return questions, pages, errors


def neutral_copy(folder: Path, questions: list[Question], files: list[str]) -> dict[str, str]:
    """Write ``anon/`` and ``fragen_anon.jsonl``: the same texts and questions under neutral
    file names (``dokument_01.txt`` …, in the order of the names). Returns the renaming."""
    target = folder / NEUTRAL_DIR
    if target.exists():
        shutil.rmtree(target)
    target.mkdir()
    names = {}
    for number, name in enumerate(sorted(files), start=1):
        names[name] = f"dokument_{number:02d}{Path(name).suffix.lower()}"
        shutil.copyfile(folder / TEXTS_DIR / name, target / names[name])
    lines = []
    for q in questions:
        row = {k: v for k, v in dataclasses.asdict(q).items() if k != "extra"} | q.extra
        row["gold"] = [{"doc": names[g.doc], "pages": list(g.pages)} for g in q.gold]
        lines.append(json.dumps(row, ensure_ascii=False))
    (folder / NEUTRAL_QUESTIONS).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return names


def main(argv: list[str] | None = None) -> int:
    """Check the set, print its composition and errors; 0 when it holds (and, with
    ``--neutral``, its neutral copy is written)."""
    parser = argparse.ArgumentParser(prog="python -m evals.heldout", description=__doc__)
    parser.add_argument("folder", type=Path, help="Ordner des Satzes (texte/, fragen.jsonl)")
    parser.add_argument(
        "--neutral", action="store_true", help="ohne Fehler: anon/ und fragen_anon.jsonl schreiben"
    )
    parser.add_argument("--dump", type=Path, help="Seitentexte, wie eingelesen, hierhin schreiben")
    args = parser.parse_args(argv)
    questions, pages, errors = check(args.folder)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for name, texts in pages.items():
            body = "\n\n".join(f"=== Seite {n} ===\n{t}" for n, t in enumerate(texts, start=1))
            (args.dump / f"{name}.txt").write_text(body, encoding="utf-8")
    composition = Counter((q.category, q.split) for q in questions)
    print(f"{len(pages)} Texte, {len(questions)} Fragen")
    for (category, split), n in sorted(composition.items()):
        print(f"  {CATEGORIES.get(category, category)} · {split}: {n}")
    for error in errors:
        print(f"FEHLER {error}")
    print(f"{len(errors)} Fehler")
    if errors:
        return 1
    if args.neutral:
        neutral_copy(args.folder, questions, list(pages))
        print(f"Neutrale Fassung geschrieben: {NEUTRAL_DIR}/, {NEUTRAL_QUESTIONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
