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

``--messen ERGEBNIS.json`` then measures the set as an administration would use it: each
variant (the texts, and the neutral copy once written) is read without manifest into a fresh
index and evaluated (main system, no baselines); ``--vorher ALT.json`` compares the result
with an earlier one answer by answer, per variant and split, naming every question whose
verdict changed (a changed answer with the same verdict is counted too: an extra unsupported
citation changes no verdict, but the answer). Each variant's record also holds
``vergleiche`` (``comparison_checks``): how many comparisons are split into as many parts as
they name places, how often a comparison whose second municipality is swapped for another
one of the index still gets an answer for it, and how many places of the comparisons with a gap
(``ohne``: a place the question names whose documents lack the detail) are refused.

How such a set is written and run: ``evals/README.md`` ("Verdeckte Sätze").
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.api import Assistant
from assistant.errors import DocumentError
from assistant.places import bare_name, distinctive_words
from assistant.settings import Settings
from ingest.load import SUPPORTED_SUFFIXES, load_file

from .dataset import CATEGORIES, Question, load_questions
from .metrics import normalize
from .runner import MAIN_SYSTEM, answers_for, run_evaluation

__all__ = [
    "NEUTRAL_DIR",
    "NEUTRAL_QUESTIONS",
    "Change",
    "changes",
    "check",
    "comparison_checks",
    "main",
    "measure",
    "neutral_copy",
    "right_answers",
]

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
    if q.ohne and q.category != "vergleich":
        errors.append(f"{q.id}: „ohne“ gibt es nur bei einem Vergleich")
    for place in q.ohne:
        if place in q.kommunen:
            errors.append(f"{q.id}: {place} steht in kommunen und in ohne")
        # a short name ("Stadt Lom") has no distinctive word: its bare name is what names it
        if not any(word in q.question for word in distinctive_words(place) or [bare_name(place)]):
            errors.append(f"{q.id}: die Frage nennt {place} (aus „ohne“) nicht")
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


def _variants(folder: Path) -> list[tuple[str, Path, Path]]:
    """(name, texts, questions) of each variant the set holds: its texts as named, and the
    neutral copy once ``--neutral`` has written it."""
    variants = [("texte", folder / TEXTS_DIR, folder / QUESTIONS)]
    if (folder / NEUTRAL_DIR).is_dir() and (folder / NEUTRAL_QUESTIONS).is_file():
        variants.append(("neutral", folder / NEUTRAL_DIR, folder / NEUTRAL_QUESTIONS))
    return variants


def measure(folder: Path, settings: Settings, workdir: Path) -> dict[str, Any]:
    """The evaluation record of each variant of the set, keyed by variant: its texts read
    without manifest into a fresh index below ``workdir`` (the models and weights of
    ``settings``), its questions answered by the main system."""
    from ingest import run_ingest

    runs: dict[str, Any] = {}
    for name, texts, questions in _variants(folder):
        target = settings.with_overrides(data_dir=workdir / name, corpus_dir=texts)
        report = run_ingest(target)
        if report.failed:
            failed = ", ".join(f"{o.doc_id} ({o.reason})" for o in report.failed)
            raise RuntimeError(f"{name}: Dateien nicht eingelesen: {failed}")
        asked = load_questions(questions)
        runs[name] = run_evaluation(target, asked, baselines=False)
        runs[name]["vergleiche"] = comparison_checks(target, asked)
    return {"set": str(folder), "variants": runs}


def comparison_checks(settings: Settings, questions: list[Question]) -> dict[str, Any]:
    """Two checks of a set's comparisons (category ``vergleich``), per split, on the index
    of ``settings``:

    * ``zerlegt``: [comparisons planned with as many parts as they have fact groups, all
      comparisons], and ``abweichend`` the ids of the others (a place missed, or a word
      taken for one): place detection alone, without answering.
    * ``getauscht``: [swapped parts answered, comparisons swapped]. A comparison planned
      for two municipalities has its second one swapped for another municipality of the
      index (the same choice for the same id) and is asked again; that municipality's
      documents rarely hold what the question asks, so an answer for it is mostly one it
      should not give: this is how a change to the refusal of comparison parts shows its
      cost on sets without comparisons that have a gap.
    * ``luecke``: [places refused, places] over the comparisons with a gap (``ohne``): the
      places named in the question whose documents do not state the asked detail, and how
      many of them the answer refuses (whatever it says for the others).
    """
    assistant = Assistant(settings)
    municipalities = assistant.corpus().municipalities.names
    split_ok: dict[str, list[int]] = {}
    swapped: dict[str, list[int]] = {}
    gaps: dict[str, list[int]] = {}
    deviating: list[str] = []
    for q in questions:
        if q.category != "vergleich":
            continue
        if q.ohne:
            answer = assistant.ask(q.question)
            count = gaps.setdefault(q.split, [0, 0])
            count[0] += sum(not answers_for(answer, k) for k in q.ohne)
            count[1] += len(q.ohne)
        plan = assistant.plan(q.question)
        parts = [p.kommune for p in plan.parts] if plan.comparison else [""]
        tally = split_ok.setdefault(q.split, [0, 0])
        tally[1] += 1
        if len(parts) == len(q.facts) + len(q.ohne):
            tally[0] += 1
        else:
            deviating.append(q.id)
        if len(parts) != 2 or not parts[1]:
            continue
        word = next((w for w in distinctive_words(parts[1]) if w in q.question), "")
        others = sorted(m for m in municipalities if m not in parts)
        if not word or not others:
            continue
        other = random.Random(q.id).choice(others)
        answer = assistant.ask(q.question.replace(word, bare_name(other)))
        count = swapped.setdefault(q.split, [0, 0])
        count[1] += 1
        count[0] += any(p.kommune == other and p.found for p in answer.comparison)
    return {"zerlegt": split_ok, "abweichend": deviating, "getauscht": swapped, "luecke": gaps}


@dataclasses.dataclass(frozen=True)
class Change:
    """A question whose answer differs between two measurements of a set."""

    variant: str
    split: str
    id: str
    question: str
    before: bool  # right before (found with all facts, or refused where it must be)
    after: bool


def changes(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Every question of a variant both measurements hold whose answer text or verdict
    differs, in the order of the later measurement."""
    found: list[Change] = []
    for variant, run in after.get("variants", {}).items():
        old = {q["id"]: q for q in before.get("variants", {}).get(variant, {}).get("questions", [])}
        for q in run.get("questions", []):
            was = old.get(q["id"])
            if was is None or (was["answer"] == q["answer"] and was["passed"] == q["passed"]):
                continue
            found.append(
                Change(variant, q["split"], q["id"], q["question"], was["passed"], q["passed"])
            )
    return found


def _print_measurement(record: dict[str, Any]) -> None:
    for variant, run in record["variants"].items():
        splits = run["systems"][MAIN_SYSTEM]["splits"]
        for split in ("dev", "test"):
            m = splits[split]
            print(
                f"{variant} · {split}: Treffer@5 {m['hit@5']:.3f}  Fakten {m['fact_recall']:.3f}  "
                f"Ablehnungen korrekt {m['refusal_accuracy']:.3f}  "
                f"Fehl-Ablehnungen {m['false_refusal']:.3f}  ({int(m['n'])} Fragen)"
            )
            checks = run.get("vergleiche", {})
            fit, total = checks.get("zerlegt", {}).get(split, [0, 0])
            answered, asked = checks.get("getauscht", {}).get(split, [0, 0])
            print(
                f"  Vergleiche: {fit} von {total} so zerlegt, wie sie Orte nennen; getauschter "
                f"Ort beantwortet: {answered} von {asked}"
            )
            print(f"  {right_answers(run.get('questions', []), split)}")
            refused, gaps = checks.get("luecke", {}).get(split, [0, 0])
            if gaps:
                print(f"  Vergleiche mit Lücke: {refused} von {gaps} Orten ohne Angabe abgelehnt")


def right_answers(questions: list[dict[str, Any]], split: str) -> str:
    """How many answers of ``split`` are right (found with all facts, or refused where they
    must be), in all and per category: "richtig: 50 von 60 (Einzelfakt 27/32, …)"."""
    own = [q for q in questions if q["split"] == split]
    per = Counter(q["category"] for q in own)
    right = Counter(q["category"] for q in own if q["passed"])
    kinds = ", ".join(f"{CATEGORIES.get(c, c)} {right[c]}/{n}" for c, n in sorted(per.items()))
    return f"richtig: {sum(right.values())} von {len(own)} ({kinds})"


def _print_changes(found: list[Change]) -> None:
    variants = list(dict.fromkeys(c.variant for c in found))
    groups = [
        (v, s)
        for v in variants
        for s in ("dev", "test")
        if any((c.variant, c.split) == (v, s) for c in found)
    ]
    if not groups:
        print("Keine Antwort anders.")
    for variant, split in groups:
        own = [c for c in found if (c.variant, c.split) == (variant, split)]
        right = sum(1 for c in own if c.after and not c.before)
        wrong = sum(1 for c in own if c.before and not c.after)
        print(
            f"{variant} · {split}: {right} richtig geworden, {wrong} falsch geworden, "
            f"{len(own) - right - wrong} anders bei gleichem Urteil"
        )
        for c in own:
            mark = "=" if c.before == c.after else ("+" if c.after else "-")
            print(f"  {mark} {c.id}: {c.question}")


def main(argv: list[str] | None = None) -> int:
    """Check the set, print its composition and errors; 0 when it holds (and, with
    ``--neutral``, its neutral copy is written)."""
    parser = argparse.ArgumentParser(prog="python -m evals.heldout", description=__doc__)
    parser.add_argument("folder", type=Path, help="Ordner des Satzes (texte/, fragen.jsonl)")
    parser.add_argument(
        "--neutral", action="store_true", help="ohne Fehler: anon/ und fragen_anon.jsonl schreiben"
    )
    parser.add_argument("--dump", type=Path, help="Seitentexte, wie eingelesen, hierhin schreiben")
    parser.add_argument(
        "--messen",
        type=Path,
        help="ohne Fehler: jede Fassung einlesen, auswerten, hierhin speichern",
    )
    parser.add_argument(
        "--vorher",
        type=Path,
        help="mit --messen: Antwort für Antwort mit dieser Messung vergleichen",
    )
    args = parser.parse_args(argv)
    if args.vorher and not args.messen:
        parser.error("--vorher nur zusammen mit --messen")
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
    if args.messen:
        earlier = json.loads(args.vorher.read_text(encoding="utf-8")) if args.vorher else None
        with tempfile.TemporaryDirectory(prefix="konzeptlotse-satz-") as workdir:
            try:
                record = measure(args.folder, Settings.from_env(), Path(workdir))
            except RuntimeError as exc:  # a file the check read but the ingestion refused
                print(f"FEHLER {exc}")
                return 1
        args.messen.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        _print_measurement(record)
        print(f"Gespeichert: {args.messen}")
        if earlier is not None:
            print(f"Gegen {args.vorher}:")
            _print_changes(changes(earlier, record))
    return 0


if __name__ == "__main__":
    sys.exit(main())
