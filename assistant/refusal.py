"""The one place that decides whether the documents answer a question (pure).

Signals, in order:

1. **Requirements** (``assistant.constraints``): a sentence can only answer when it meets the
   question's places, years and expected answer type. When no candidate sentence does, the
   topic may well be covered, but not for what was asked: a near miss.
2. **Answerability**: the calibrated probability (``assistant.scoring``) that the retrieved
   passages answer the question, from coverage of the question's nouns and focus term, the
   semantic match of the best passage and the best eligible sentence; below the threshold
   (fitted per corpus by ``konzeptlotse calibrate``, shipped default fitted on several
   corpora) the answer is refused.

A near-miss refusal carries one German sentence saying what the documents do cover instead
("Für Hohenfurt steht dazu nichts in den Dokumenten; sie nennen es nur für Stadt Feldau
(Konzept, S. 4)."), built from the best sentence that failed the requirements.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import texts
from .evidence import Candidate, Evidence, starts_with_reference
from .german import analyze
from .question import (
    ROLE_OR_OFFICE_WORD,
    SCHOOL_FORMS,
    Frame,
    role_group,
    school_forms,
    years_in,
)
from .sentences import is_table_row, row_cells
from .statements import counts_asked, names_counted, states_minimum

__all__ = ["Decision", "RefusalPolicy"]

_TYPE_NAMES = {
    "money": "keinen Betrag",
    "percent": "keinen Anteil",
    "contact": "keine Telefonnummer oder E-Mail-Adresse",
    "hours": "keine Sprech- oder Öffnungszeiten",
    "room": "kein Zimmer und keine Etage",
    "clock": "keine Uhrzeit",
    "weekday": "keinen Wochentag",
    "unit": "keine Angabe in der gefragten Einheit",
    "count": "keine Anzahl",
    "duration": "keine Dauer",
    "minimum": "keine Mindestzahl",
    "year": "keine Jahreszahl",
    "date": "kein Datum",
    "when": "keine Zeitangabe",
    "person": "keinen Namen",
    "age": "keine Altersangabe",
    "level": "kein Sprachniveau",
    "language": "keine Sprachen",
    "school": "keine Schule",
    "expansion": "nicht, wofür die Abkürzung steht",
    "Gegenstand": "das Gefragte nicht",
}


@dataclass(frozen=True)
class Decision:
    """Whether to answer, and if not, why (``unmet``) and what to tell the reader (``note``)."""

    found: bool
    eligible: tuple[Candidate, ...] = ()  # sentences that may answer, best first
    unmet: tuple[str, ...] = ()
    note: str = ""
    related: tuple[Candidate, ...] = ()  # what the documents say instead (for a near miss)


@dataclass(frozen=True)
class RefusalPolicy:
    """Refuse below ``threshold`` answerability or when no on-topic sentence meets the
    requirements.

    ``topic_share``: when the best sentence misses a requirement, a sentence that meets them
    answers only if it is at least this share as likely to answer the topic; otherwise the
    requirements are met only off-topic (a near miss). A sentence naming a holder of the asked
    role on the best sentence's page is on its topic (``_holder_beside``). A part of a
    comparison asks what the question says each place's documents treat
    (``Frame.shared``): there ``compared_share`` of that suffices.
    """

    threshold: float
    topic_share: float = 0.5
    compared_share: float = 0.25

    def decide(self, evidence: Evidence) -> Decision:
        """The decision for one part of a question."""
        candidates = list(evidence.candidates)
        if not candidates:
            return Decision(False)
        best = candidates[0]
        asked = frozenset(evidence.query.terms)
        eligible = tuple(
            c
            for c in candidates
            if not c.unmet
            and not (best.unmet and _other_row(best, c, asked))
            and not _counts_another(evidence.frame, best, c)
        )
        if not eligible or (
            best.unmet
            and _on_topic(eligible, candidates) < self._share(evidence.frame) * best.probability
            and not _holder_beside(evidence.frame, best, eligible[0])
        ):
            return self._near_miss(evidence.frame, candidates)
        if evidence.answerability < self.threshold and not (
            evidence.answerability >= _COUNTED_SHARE * self.threshold
            and _states_what_is_asked(evidence.frame, eligible[0], asked)
        ):
            return Decision(False, eligible)
        return Decision(True, eligible)

    def _share(self, frame: Frame) -> float:
        """The share of the best sentence's likelihood a sentence meeting the requirements
        needs to be on the topic: none for one spelling out the asked abbreviation (its
        letters tie it to the topic), ``compared_share`` in a part of a comparison."""
        if frame.expects.kind == "expansion":
            return 0.0
        return self.compared_share if frame.shared else self.topic_share

    def _near_miss(self, frame: Frame, candidates: list[Candidate]) -> Decision:
        best = candidates[0]
        counts = Counter(label for c in candidates[:5] for label in c.unmet)
        unmet = tuple(label for label, _ in counts.most_common())
        return Decision(False, (), unmet, near_miss_note(frame, best), (best,))


def _on_topic(eligible: Sequence[Candidate], candidates: Sequence[Candidate]) -> float:
    """How likely the eligible sentences are on the asked topic: the best one's probability,
    where a sentence that leans on the one before it ("Dieser findet am 1. Februar statt"
    after "… zu einem Besuch eingeladen") shares that one's topic and probability."""
    before = {(c.chunk.chunk_id, c.order): c for c in candidates}
    best = 0.0
    for candidate in eligible:
        probability = candidate.probability
        previous = before.get((candidate.chunk.chunk_id, candidate.order - 1))
        if previous is not None and starts_with_reference(candidate.text):
            probability = max(probability, previous.probability)
        best = max(best, probability)
    return best


def _holder_beside(frame: Frame, best: Candidate, candidate: Candidate) -> bool:
    """Whether ``candidate`` names the holder of the asked role in the document of the best
    sentence: "Wer leitet die Wiesenschule in Feldau?" is answered by "…,
    sagt Schulleiterin Eva Beispiel" on the page whose opening names the school, though that
    sentence alone says little of the school."""
    group = frame.expects.unit if frame.expects.kind == "person" else ""
    if not group or candidate.chunk.doc_id != best.chunk.doc_id:
        return False
    named = ROLE_OR_OFFICE_WORD.finditer(candidate.text)
    return any(role_group(m.group(0)) == group for m in named)


def _other_row(best: Candidate, candidate: Candidate, asked: frozenset[str]) -> bool:
    """Whether ``candidate`` is another row of the table row ``best`` belongs to, about an
    entity the question does not name.

    Rows of one table ("- Stelle: Schulamt; Sprechzeiten: …") share their first column; its
    value names what the row is about. When the best row's first cell names what was asked
    ("Welche Sprechzeiten hat das Schulamt?") but misses the asked value, another row that has
    one ("- Stelle: Kita-Lotsinnen; Sprechzeiten: Mo–Do 8:30–12:00 Uhr") answers for someone
    else, as a sentence about another municipality would.
    """
    first, other = _first_cell(best.text), _first_cell(candidate.text)
    if not first or not other or first[0] != other[0]:
        return False
    named = asked.intersection(analyze(first[1]))
    return bool(named) and not named.issubset(analyze(other[1]))


# "Wie viele X …?" answered by a sentence that counts X itself needs this share of the
# threshold only: a number right before the asked noun is the answer's form, not a word match
# (so does "Wofür steht X?" answered by the words X is short for, and "Wer leitet X?" answered
# by the head of X named with role and name)
_COUNTED_SHARE = 0.35


def _states_what_is_asked(frame: Frame, candidate: Candidate, asked: frozenset[str]) -> bool:
    """Whether ``candidate`` counts what "Wie viele X …?" (asking nothing else) asks about:
    "gibt es in Feldau zurzeit 102 solcher Seiteneinsteiger" for "Wie viele Seiteneinsteiger
    …?"; "an der mindestens fünf Kinder unterrichtet werden" states a condition, no tally.
    "Wer leitet das Schulamt?" is answered by an eligible sentence naming the head of the
    Schulamt (``_names_holder``).
    "Wie viele (Wochen)Stunden …?" is counted by an eligible sentence, which states a number
    of the asked unit ("Der Unterrichtsumfang beträgt 20 Stunden"), and "Wofür steht X?" is
    answered by an eligible sentence, which spells X out."""
    if frame.expects.kind == "expansion":
        return not candidate.unmet
    if frame.expects.kind == "unit" and frame.expects.counted:
        return not candidate.unmet and not states_minimum(candidate.text)
    if frame.expects.kind == "person" and frame.expects.sole:
        return not candidate.unmet and _names_holder(frame, candidate, asked)
    return (
        frame.expects.kind == "count"
        and frame.expects.sole
        and counts_asked(candidate.text, frame.text)
        and not states_minimum(candidate.text)
    )


def _names_holder(frame: Frame, candidate: Candidate, asked: frozenset[str]) -> bool:
    """Whether ``candidate`` names a holder of the role "Wer leitet das Schulamt?" asks for,
    with every word of the question's topic, also inside a compound: "…, sagte
    Schulamtsleiter Max Beispiel" names the head of the Schulamt by role and name, whatever
    else the sentence is about."""
    group = frame.expects.unit
    if not group or not all(any(a in t for t in candidate.terms) for a in asked):
        return False
    roles = ROLE_OR_OFFICE_WORD.finditer(candidate.text)
    return any(role_group(m.group(0)) == group for m in roles)


def _counts_another(frame: Frame, best: Candidate, candidate: Candidate) -> bool:
    """Whether ``candidate`` counts something else while the best sentence names what "Wie
    viele X …?" counts without a number ("Unterstützt werden sie von ehrenamtlichen
    Sprachlotsen" for "Wie viele Sprachlotsen …?"): the documents speak of X but do not
    count it, and "über 30 Schulen" is no answer."""
    if frame.expects.kind != "count" or not frame.expects.sole or "Art: count" not in best.unmet:
        return False
    if not names_counted(best.text, frame.text):
        return False
    return not counts_asked(candidate.text, frame.text)


def _first_cell(text: str) -> tuple[str, str] | None:
    """(column, value) of a table row's first cell ("- Spalte: Wert; …"), None for prose."""
    if not is_table_row(text):
        return None
    label, value = row_cells(text)[0]
    return label.strip(), value.strip()


def near_miss_note(frame: Frame, best: Candidate) -> str:
    """One sentence: what was asked is not covered, and what the documents cover instead."""
    meta = best.chunk.meta
    where = texts.NEAR_MISS_WHERE.format(title=meta.title, page=best.chunk.page_of(best.text))
    for label in best.unmet:
        kind, _, value = label.partition(": ")
        if kind == "Ort":
            other = meta.kommune or meta.issuer or meta.title
            return texts.NEAR_MISS_OTHER.format(asked=value, other=other, where=where)
        if kind == "Schule":
            asked = _with_articles(value.split(" / "), "oder")
            other = _with_articles(sorted(school_forms(best.text)), "und")
            return texts.NEAR_MISS_OTHER.format(asked=asked, other=other, where=where)
        if kind == "Zeit":
            years = years_in(best.text) or years_in(best.chunk.text)
            if years:
                other = ", ".join(y.label.removeprefix("das ") for y in years[:3])
                return texts.NEAR_MISS_OTHER.format(asked=value, other=other, where=where)
            return texts.NEAR_MISS_NOTHING.format(asked=value)
        if kind == "Art":
            what = _TYPE_NAMES.get(value, "die gefragte Angabe")
            if frame.expects.rate:  # "keinen Betrag pro Stunde", "keine Anzahl pro Woche"
                what = texts.NEAR_MISS_RATE.format(what=what, rate=frame.expects.rate)
            return texts.NEAR_MISS_TYPE.format(what=what, where=where)
    return ""


_ARTICLES = {name: article for name, article, _ in SCHOOL_FORMS}


def _with_articles(forms: Sequence[str], joiner: str) -> str:
    """ "die Realschule oder das Gymnasium": school forms with their articles."""
    return f" {joiner} ".join(f"{_ARTICLES[form]} {form}" for form in forms)
