"""The second evaluation set (``evals/zweitkorpus/``) is valid against its own documents.

The set was written apart from the code; these checks hold it to the same contract as the
first: ids and split rule, gold pages that exist, every required fact on a gold page after the
ingestion's own extraction, refusals with a reason, comparisons naming manifest municipalities.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence

from evals.corpora import CORPORA
from evals.dataset import Gold, Question
from evals.metrics import normalize
from ingest.load import load_file
from ingest.metadata import read_manifest

CORPUS = CORPORA["zweit"]
MIN_QUESTIONS = 80
MIN_NEAR_MISSES = 25


@functools.cache
def questions() -> tuple[Question, ...]:
    return tuple(CORPUS.load())


@functools.cache
def pages(doc: str) -> dict[int, str]:
    document = load_file(CORPUS.documents / doc, doc)
    return {page.page_no: normalize(page.text) for page in document.pages}


def _on_pages(alternatives: Sequence[str], gold: Sequence[Gold]) -> bool:
    texts = [pages(g.doc).get(p, "") for g in gold for p in g.pages]
    return any(normalize(alt) in text for alt in alternatives for text in texts)


def test_size_split_and_near_misses() -> None:
    items = questions()
    assert len(items) >= MIN_QUESTIONS
    assert len({q.id for q in items}) == len(items)
    assert sum(q.category == "nicht_enthalten" for q in items) >= MIN_NEAR_MISSES
    seen: Counter[str] = Counter()
    for q in items:
        expected = "dev" if seen[q.category] % 2 == 0 else "test"
        seen[q.category] += 1
        assert q.split == expected, f"{q.id}: split {q.split}, erwartet {expected}"
        if not q.answerable:
            assert q.notes and not q.gold and not q.facts, f"{q.id}: Ablehnung braucht notes"


def test_every_fact_stands_on_a_gold_page() -> None:
    manifest = read_manifest(CORPUS.documents)
    problems = []
    for q in questions():
        for g in q.gold:
            if g.doc not in manifest or not set(g.pages) <= set(pages(g.doc)):
                problems.append(f"{q.id}: {g.doc} {g.pages} gibt es nicht")
        missing = [fact for fact in q.facts if not _on_pages(fact, q.gold)]
        problems += [f"{q.id}: {fact} nicht auf den Goldseiten" for fact in missing]
    assert not problems, "\n".join(problems)


def test_comparisons_name_municipalities_of_the_manifest() -> None:
    kommunen = {str(e.get("kommune") or "") for e in read_manifest(CORPUS.documents).values()}
    for q in questions():
        if q.category == "vergleich":
            assert len(q.kommunen) >= 2 and set(q.kommunen) <= kommunen, q.id
            assert len(q.facts) == len(q.kommunen), q.id


def test_fact_check_can_fail() -> None:
    gold = (Gold("a/quellinghoven_konzept_seiteneinstieg_2023.pdf", (5,)),)
    assert not _on_pages(["Zauberschule", "999 Werktagen"], gold)
