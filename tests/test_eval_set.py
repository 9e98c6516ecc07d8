"""The fixed evaluation set (``evals/fragen.jsonl``) is valid against the bundled corpus.

These checks are the contract behind every quality number: the set loads, its composition
meets the targets, every gold page exists, every required fact really stands on a gold page
(same extraction and cleanup as the ingestion, compared with ``evals.metrics.normalize``) and
the ``lexical_overlap`` tag is honest. Each document is extracted once per test session.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import yaml

from assistant.german import analyze
from evals.dataset import CATEGORIES, DEFAULT_DATASET, Gold, Question, load_questions
from evals.metrics import normalize
from ingest.load import load_file

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "corpus" / "documents"

MIN_QUESTIONS = 80  # hard floor (the set itself has more)
MIN_PER_CATEGORY = {"vergleich": 14, "mehrteilig": 8, "folgefrage": 10}
MIN_REFUSE_SHARE = 0.15  # share of category nicht_enthalten
MAX_LEXICAL_SHARE = 0.20  # share of questions tagged lexical_overlap
MIN_VERSIONING = 4
OVERLAP_THRESHOLD = 0.8  # content-stem share from which a question must be tagged
MAX_FACT_WORDS = 4


# ---------------------------------------------------------------- helpers (cached, shared)


@functools.cache
def questions() -> tuple[Question, ...]:
    return tuple(load_questions(DEFAULT_DATASET))


@functools.cache
def manifest() -> dict[str, dict[str, str]]:
    data = yaml.safe_load((DOCS / "manifest.yaml").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data["documents"]}


@functools.cache
def kommunen() -> frozenset[str]:
    """Municipality names of the manifest (the guide's documents are "Leitfaden")."""
    return frozenset(e["kommune"] for e in manifest().values()) - {"Leitfaden"}


@functools.cache
def pages(doc: str) -> dict[int, str]:
    """Physical page number -> cleaned text, exactly as the ingestion extracts it."""
    document = load_file(DOCS / doc, doc)
    return {page.page_no: page.text for page in document.pages}


@functools.cache
def page_stems(doc: str, page: int) -> frozenset[str]:
    return frozenset(analyze(pages(doc)[page]))


def fact_on_pages(alternatives: Sequence[str], gold: Sequence[Gold]) -> bool:
    """Whether one spelling of a fact occurs on one of the gold pages (normalized)."""
    texts = [normalize(pages(g.doc)[p]) for g in gold for p in g.pages]
    return any(normalize(alt) in text for alt in alternatives for text in texts)


def overlap_share(question: str, gold: Sequence[Gold]) -> float:
    """Share of the question's content-word stems that occur on the gold pages."""
    stems = set(analyze(question))
    if not stems:
        return 0.0
    on_gold: set[str] = set()
    for g in gold:
        for p in g.pages:
            on_gold |= page_stems(g.doc, p)
    return len(stems & on_gold) / len(stems)


def _fail_if(problems: list[str]) -> None:
    assert not problems, f"{len(problems)} Problem(e):\n" + "\n".join(problems)


# ---------------------------------------------------------------- format


def test_loads_with_unique_ids_and_valid_values() -> None:
    qs = questions()
    ids = [q.id for q in qs]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    problems = []
    for q in qs:
        if q.category not in CATEGORIES:
            problems.append(f"{q.id}: unbekannte Kategorie {q.category!r}")
        if q.expected not in {"answer", "refuse"}:
            problems.append(f"{q.id}: expected {q.expected!r}")
        if q.split not in {"dev", "test"}:
            problems.append(f"{q.id}: split {q.split!r}")
        if not q.question.strip():
            problems.append(f"{q.id}: leere Frage")
        if q.extra:
            problems.append(f"{q.id}: unbekannte Felder {sorted(q.extra)}")
    _fail_if(problems)


def test_split_alternates_within_each_category() -> None:
    """Deterministic split: the n-th question of a category (file order) is dev for even n."""
    seen: Counter[str] = Counter()
    problems = []
    for q in questions():
        expected = "dev" if seen[q.category] % 2 == 0 else "test"
        seen[q.category] += 1
        if q.split != expected:
            problems.append(f"{q.id}: split {q.split}, nach der Regel {expected}")
    _fail_if(problems)
    splits = Counter((q.category, q.split) for q in questions())
    for category in CATEGORIES:
        assert splits[(category, "dev")] and splits[(category, "test")], category


def test_composition() -> None:
    qs = questions()
    n = len(qs)
    counts = Counter(q.category for q in qs)
    assert n >= MIN_QUESTIONS, n
    for category, minimum in MIN_PER_CATEGORY.items():
        assert counts[category] >= minimum, (category, counts[category])
    assert counts["fakt"] and counts["prozess"], counts
    assert counts["nicht_enthalten"] / n >= MIN_REFUSE_SHARE, counts
    tagged = sum(q.lexical_overlap for q in qs)
    assert tagged / n < MAX_LEXICAL_SHARE, (tagged, n)


def test_versioning_questions() -> None:
    """Questions on the update: newer document first in the gold, the superseded one too."""
    found = []
    for q in questions():
        if q.category not in {"fakt", "mehrteilig"} or not q.gold:
            continue
        older = manifest().get(q.gold[0].doc, {}).get("supersedes")
        if older and older in {g.doc for g in q.gold[1:]}:
            found.append(q.id)
    assert len(found) >= MIN_VERSIONING, found


# ---------------------------------------------------------------- consistency of the fields


def test_answer_and_refuse_fields() -> None:
    problems = []
    for q in questions():
        if q.expected == "refuse":
            if q.gold or q.facts:
                problems.append(f"{q.id}: Ablehnungsfrage mit gold/facts")
            if q.category not in {"nicht_enthalten", "folgefrage"}:
                problems.append(f"{q.id}: refuse nur für nicht_enthalten oder folgefrage")
            if not q.notes:
                problems.append(f"{q.id}: Ablehnungsfrage ohne notes (warum nicht enthalten?)")
        else:
            if q.category == "nicht_enthalten":
                problems.append(f"{q.id}: nicht_enthalten muss refuse sein")
            if not q.gold or not any(g.pages for g in q.gold):
                problems.append(f"{q.id}: keine Goldseiten")
            if not 1 <= len(q.facts) <= 3 and q.category != "vergleich":
                problems.append(f"{q.id}: {len(q.facts)} Fakten (erlaubt 1-3)")
            for fact in q.facts:
                if not fact or any(not alt.strip() for alt in fact):
                    problems.append(f"{q.id}: leere Schreibweise in {fact}")
                for alt in fact:
                    if len(alt.split()) > MAX_FACT_WORDS:
                        problems.append(f"{q.id}: Fakt zu lang: {alt!r}")
        if q.category == "folgefrage" and not q.history:
            problems.append(f"{q.id}: Folgefrage ohne history")
        if q.history and q.category != "folgefrage":
            problems.append(f"{q.id}: history nur bei folgefrage")
        if q.kommunen and q.category != "vergleich":
            problems.append(f"{q.id}: kommunen nur bei vergleich")
    _fail_if(problems)


def test_vergleich_questions_cover_each_kommune() -> None:
    problems = []
    for q in questions():
        if q.category != "vergleich":
            continue
        if len(q.kommunen) < 2 or len(set(q.kommunen)) != len(q.kommunen):
            problems.append(f"{q.id}: mindestens zwei verschiedene kommunen nötig")
        if len(q.facts) != len(q.kommunen):
            problems.append(f"{q.id}: je Kommune genau ein Fakt (in der Reihenfolge von kommunen)")
        for kommune, fact in zip(q.kommunen, q.facts, strict=False):
            if kommune not in kommunen():
                problems.append(f"{q.id}: unbekannte Kommune {kommune!r}")
                continue
            own = [g for g in q.gold if manifest().get(g.doc, {}).get("kommune") == kommune]
            if not own:
                problems.append(f"{q.id}: kein Golddokument für {kommune}")
            elif not fact_on_pages(fact, own):
                problems.append(f"{q.id}: Fakt {fact} nicht auf den Goldseiten von {kommune}")
    _fail_if(problems)


# ---------------------------------------------------------------- gold against the corpus


def test_gold_documents_and_pages_exist() -> None:
    problems = []
    for q in questions():
        for g in q.gold:
            if g.doc not in manifest():
                problems.append(f"{q.id}: {g.doc} fehlt im Manifest")
                continue
            if not (DOCS / g.doc).is_file():
                problems.append(f"{q.id}: {g.doc} fehlt in corpus/documents")
                continue
            missing = [p for p in g.pages if p not in pages(g.doc)]
            if missing or not g.pages:
                problems.append(f"{q.id}: {g.doc} hat keine Seite(n) {missing or g.pages}")
    _fail_if(problems)


def test_every_fact_stands_on_a_gold_page() -> None:
    problems = [
        f"{q.id}: {fact} steht auf keiner Goldseite {[(g.doc, g.pages) for g in q.gold]}"
        for q in questions()
        for fact in q.facts
        if not fact_on_pages(fact, q.gold)
    ]
    _fail_if(problems)


def test_fact_check_rejects_wrong_facts() -> None:
    """The fact check can fail: made-up facts and facts from another document are not found."""
    gold = (Gold("kommunen/kesselbrueck-kommunales-konzept-2023.pdf", (5,)),)
    assert fact_on_pages(["spätestens drei Wochen"], gold)  # really on the page
    assert fact_on_pages(["SPÄTESTENS   drei\nWochen"], gold)  # case and whitespace do not matter
    assert not fact_on_pages(["spätestens vier Wochen", "Zauberschule"], gold)
    assert not fact_on_pages(["Haldenberger Brücke"], gold)  # true, but in another document
    other_page = (Gold("kommunen/kesselbrueck-kommunales-konzept-2023.pdf", (13,)),)
    assert not fact_on_pages(["Raum 0.14"], other_page)  # true, but on another page


# ---------------------------------------------------------------- lexical overlap tag


def test_overlap_measure() -> None:
    gold = (Gold("kommunen/haldenberg-kommunales-konzept-2022.pdf", (6,)),)
    copied = "Wie lange dauert die Sprachstandsfeststellung mit dem HSP?"
    assert overlap_share(copied, gold) >= OVERLAP_THRESHOLD
    assert overlap_share("Welche Kantine hat Pizza?", gold) < OVERLAP_THRESHOLD


def test_lexical_overlap_tag_is_honest() -> None:
    problems = []
    for q in questions():
        if not q.gold or q.lexical_overlap:
            continue
        share = overlap_share(q.question, q.gold)
        if share >= OVERLAP_THRESHOLD:
            problems.append(f"{q.id}: Überlappung {share:.2f} ohne lexical_overlap: {q.question}")
    _fail_if(problems)
