"""Does a sentence meet what the question requires besides its topic? (pure)

Checked for every candidate answer sentence against the question's ``Frame``:

* **places** the question names outside the index's municipalities (and, for a document of
  no single municipality, the municipality asked about) must be named by the sentence, its
  passage or its document (title, municipality);
* **years**: a sentence that names years must name the one asked about; a sentence without a
  year needs it in its passage, heading or document (title, Stand);
* the **expected answer type**: an amount of money, a share, a phone number or e-mail, office
  hours, a number with the asked unit, a rate "pro …" must stand in the sentence itself
  (``assistant.statements``).

The result is a tuple of German labels of what is not met (empty = all met). The refusal
policy turns unmet requirements into a near-miss refusal that says what the documents cover
instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import LAND_ADJECTIVES
from .german import MONTHS, fold, fold_plain, tokenize
from .nrw import kreis_of
from .places import bare_name, municipality_type, typed_names
from .question import Expectation, Frame, YearSpec, school_forms, years_in
from .sentences import row_cells
from .statements import missing_type, states_type, with_declared_units
from .types import Chunk, stand_year

__all__ = ["unmet_requirements"]


def unmet_requirements(frame: Frame, sentence: str, chunk: Chunk) -> tuple[str, ...]:
    """German labels of the frame's requirements that ``sentence`` (in ``chunk``) misses."""
    unmet: list[str] = []
    sentence = with_declared_units(sentence, chunk)
    context = _Context.of(chunk)
    own = _words(sentence) if frame.places else []
    kinds = _asked_kinds(frame.text) if frame.places else {}
    documents = dict(frame.named_in)
    # a Kreis the question names as where its town lies ("im Kreis Coesfeld … in Lüdinghausen",
    # "in Ettlingen im Landkreis Karlsruhe") is met wherever that town is: the town's sentence
    # speaks of a place in the Kreis
    around = _kreise_around(frame)
    for place in frame.places:
        kind = kinds.get(fold(place), "")
        if kind == "kreis" and fold(place) in around:
            continue
        words = _words(_without_other_kinds(sentence, place, kind)) if kind else own
        if _names_place(place, words):
            named = not _row_of_another_place(place, sentence)
        else:  # a sentence on another named place is not about this one by its context
            # (the Kreis a town belongs to is no other place: "Ab 16 wird der Schulbesuch über
            # das Schulamt des Rhein-Sieg-Kreises geregelt" on a page of one of its towns)
            # ... nor one the question names itself ("Sekundarschüler aus dem Burgenlandkreis in
            # Sachsen-Anhalt": "aus dem Burgenlandkreis" is what was asked, not another place)
            others = [
                t
                for t in typed_names(sentence)
                if t.municipality != kreis_of(place)
                and not _names_place(t.name, _question_words(frame.text))
            ]
            named = not others and (
                _placed_by_context(place, kind, chunk, sentence, context)
                or chunk.doc_id in documents.get(place, ())
            )
        if not named:
            unmet.append(f"Ort: {place}")
    if frame.state and chunk.meta.kommune and not _names_state(sentence, chunk):
        unmet.append("Ort: NRW")
    if frame.schools:
        own_forms = school_forms(sentence)
        if own_forms and not own_forms & frame.schools:
            unmet.append(f"Schule: {' / '.join(sorted(frame.schools))}")
    stand = stand_year(chunk.meta.stand)
    own_years = years_in(sentence) or _relative_years(sentence, chunk.meta.stand, frame.expects)
    for year in frame.years:
        # a start asked for, or a month's point in time ("im Dezember 2023 aktualisiert"),
        # is not met by a span that merely holds the year ("seit Mai 2019")
        point = _asks_start(frame) or _dated_by_month(frame.text, year)
        if not _meets_year(
            year, own_years, sentence, context.years, stand, frame.expects, point
        ) or (frame.expects.strict and not _cell_meets_year(year, frame.expects, sentence)):
            unmet.append(f"Zeit: {year.label}")
    other = _others_of_named(frame.text, sentence)
    if other:
        unmet.append(f"Ort: {other}")
    missing = missing_type(frame.expects, sentence, frame.text)
    if missing:
        unmet.append(f"Art: {missing}")
    return tuple(unmet)


@lru_cache(maxsize=256)
def _kreise_around(frame: Frame) -> frozenset[str]:
    """The (folded) Kreise the question names as where one of its towns lies: by NRW's table
    of towns and Kreise, or by the question's own words ("Ettlingen im Landkreis Karlsruhe",
    "Ichenhausen (Landkreis Günzburg)")."""
    around = {fold(bare_name(kreis)) for place in frame.places if (kreis := kreis_of(place))}
    for town in frame.places:
        for kreis in frame.places:
            placed = _TOWN_IN_KREIS.format(town=re.escape(town), kreis=re.escape(kreis))
            if kreis != town and re.search(placed, frame.text):
                around.add(fold(kreis))
    return frozenset(around)


# A town with the Kreis it lies in: "Ettlingen im Landkreis Karlsruhe", "Ichenhausen
# (Landkreis Günzburg)", "Bedburg-Hau im Kreis Kleve"
_TOWN_IN_KREIS = r"\b{town}\s+(?:im|\((?:im\s+)?)\s*(?:Land)?[Kk]reis\s+{kreis}\b"


# "an den anderen Gesamtschulen", "die übrigen Schulen": the rest of a kind
_THE_OTHERS = re.compile(r"\b(?:anderen?|übrigen|restlichen)\s+([A-ZÄÖÜ][\w-]+)")
# a noun followed by the name the question gives it: "der Gesamtschule Lindenhof"
_NAMED_NOUN = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß-]{3,})\s+([A-ZÄÖÜ][\w-]{2,})")


def _others_of_named(question: str, sentence: str) -> str:
    """The one the question names ("Gesamtschule Lindenhof") when ``sentence`` speaks of the
    others of its kind and not of it ("An den anderen Gesamtschulen besuchen sie …"): their
    figures are not its own. "" otherwise."""
    others = {fold(m.group(1))[:-1] for m in _THE_OTHERS.finditer(sentence)}
    if not others:
        return ""
    own = fold(sentence)
    for noun, name in _NAMED_NOUN.findall(question):
        kind = fold(noun)[: max(4, len(noun) - 2)]  # "gesamtschul" of both forms
        if any(o.startswith(kind) for o in others) and fold(name) not in own:
            return f"{noun} {name}"
    return ""


# A sentence or heading about the whole Land
_STATE_NAMED = re.compile(
    r"\b(?:NRW|nordrhein-westfal\w*|nordrhein-westfälisch\w*|landesweit\w*|"
    r"landes(?:regierung|ministeri\w*|programm\w*|mittel\w*|ebene|schnitt))\b",
    re.IGNORECASE,
)


def _names_state(sentence: str, chunk: Chunk) -> bool:
    """Whether a sentence of a municipality's document, or its heading, is about the whole
    Land: its figures are the municipality's otherwise."""
    return any(_STATE_NAMED.search(t) for t in (sentence, chunk.meta.title, chunk.section))


@dataclass(frozen=True)
class _Context:
    """What a sentence's passage says around it: its text, section, document title and
    municipality, as folded words (umlauts written out folded too: a title made from the
    file name "duesseldorf_…" names Düsseldorf) and years (read once per passage, not once
    per sentence)."""

    words: tuple[str, ...]
    years: tuple[YearSpec, ...]

    @staticmethod
    def of(chunk: Chunk) -> _Context:
        meta = chunk.meta
        return _context_of(chunk.text, chunk.section, meta.title, meta.kommune)


@lru_cache(maxsize=512)
def _context_of(*parts: str) -> _Context:
    text = " ".join(parts)
    return _Context(tuple(_words(text)), tuple(years_in(text)))


def _placed_by_context(
    place: str, kind: str, chunk: Chunk, sentence: str, context: _Context
) -> bool:
    """Whether the context sets the place of a sentence that names none: its section,
    document title, municipality or place, or the passage before it ("In Haldenberg … . Die
    Beratung dauert …"). A place named only after it is another sentence's: a regional
    report's "243 Jugendliche wurden … zugewiesen. Der Anteil ist in Quellinghoven am
    höchsten." gives the region's count, not Quellinghoven's. A place the question types
    (``kind``: "Stadt Wendau") is not set by the same name typed otherwise ("Kreis Wendau")."""
    meta = chunk.meta
    labels = " ".join((chunk.section, meta.title, meta.kommune, meta.place))
    if _names_place(place, _context_of(_without_other_kinds(labels, place, kind)).words):
        return True  # the labels' words are read once per passage, as before
    if not _names_place(place, context.words):  # not in the passage at all (the usual case)
        return False
    start = chunk.offset_of(sentence)
    before = chunk.text if start < 0 else chunk.text[:start]
    return _names_place(place, _words(_without_other_kinds(before, place, kind)))


@lru_cache(maxsize=64)
def _asked_kinds(question: str) -> Mapping[str, str]:
    """The kind of municipality the question types each place as ("Stadt Wendau": stadt);
    a place typed two ways ("Stadt und Kreis Wendau") has no one kind."""
    kinds: dict[str, str] = {}
    for typed in typed_names(question):
        name, kind = fold(typed.name), municipality_type(typed.municipality)
        kinds[name] = kind if kinds.get(name, kind) == kind else ""
    return kinds


@lru_cache(maxsize=1024)
def _without_other_kinds(text: str, place: str, kind: str) -> str:
    """``text`` without its mentions of ``place`` typed as another kind of municipality than
    ``kind`` (for the Stadt Wendau, "des Kreises Wendau" names the Kreis)."""
    if not kind:
        return text
    folded = fold(place)
    for typed in reversed(typed_names(text)):
        other = municipality_type(typed.municipality)
        if fold(typed.name) == folded and other and other != kind:
            text = text[: typed.start] + " " + text[typed.end :]
    return text


@lru_cache(maxsize=64)
def _question_words(question: str) -> tuple[str, ...]:
    """The question's words as ``_words`` folds them, read once per question, not once per
    candidate sentence."""
    return tuple(_words(question))


def _words(text: str) -> list[str]:
    return [fold_plain(word) for word in tokenize(text)]


# Other words for a Land: its short or long name ("das Land NRW": "vom Land
# Nordrhein-Westfalen finanziert"), and its adjective (``gazetteer.LAND_ADJECTIVES``)
_SAME_PLACE = {
    "nrw": ("Nordrhein-Westfalen",),
    "nordrhein-westfalen": ("NRW",),
    **{fold_plain(land): (adjective,) for land, adjective in LAND_ADJECTIVES.items()},
}


def _names_place(place: str, folded_words: Sequence[str]) -> bool:
    """Whether the words name the place: its last word inflected ("Feldauer"), the others
    as they are ("Minden-Lübbecke" is the words "minden", "lubbecke"), or by another word
    for it (``_SAME_PLACE``)."""
    others = _SAME_PLACE.get(fold_plain(place), ())
    return any(_names_one_place(name, folded_words) for name in (place, *others))


def _names_one_place(place: str, folded_words: Sequence[str]) -> bool:
    *first, last = [fold_plain(part) for part in tokenize(place)] or [fold_plain(place)]
    if not first:
        return any(word.startswith(last) for word in folded_words)
    n = len(first)
    return any(
        word.startswith(last) and list(folded_words[i - n : i]) == first
        for i, word in enumerate(folded_words)
        if i >= n
    )


def _row_of_another_place(place: str, sentence: str) -> bool:
    """Whether ``sentence`` is a table row about another place than the asked one: its first
    cell names a place with its type word ("- Gebietskörperschaft: Stadt Quellinghoven; …")
    and not the asked one. A regional table names every municipality somewhere in its
    passage, so the passage does not make such a row about the asked place."""
    cells = row_cells(sentence)
    key = cells[0][1] if cells else ""
    if not typed_names(key):
        return False
    return not _names_place(place, _words(key))


def _meets_year(
    year: YearSpec,
    own: Sequence[YearSpec],
    sentence: str,
    context: Sequence[YearSpec],
    stand: int,
    expects: Expectation,
    start: bool = False,
) -> bool:
    if own:
        if any(_covers(found, year) for found in own):
            return True
        # A rule holds over a span of years; a figure is one year's and names it, and so
        # does the start of what a question dates ("Ab wann gilt die Vorschrift von 2023?"
        # is not answered by what holds "seit 2016") and a point in time it dates by a month
        # (``start``).
        return expects.kind not in _FIGURES and not start and _in_range(year, sentence)
    if any(_covers(found, year) for found in context):
        return True
    return not year.second and stand == year.first


# "Ab wann …?", "Seit wann …?": the question asks when something starts
_ASKS_START = re.compile(r"^\s*(?:ab|seit)\s+wann\b", re.IGNORECASE)


# A month and its year: "im Dezember 2023", "bis Anfang August 2024"
_MONTH_YEAR = re.compile(rf"\b(?:{'|'.join(MONTHS)})\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)


def _dated_by_month(question: str, year: YearSpec) -> bool:
    """Whether the question dates ``year`` by a month ("im Dezember 2023", "bis Anfang
    August 2024"): it asks about that point in time, not about the year as a whole."""
    return not year.second and str(year.first) in _month_years(question)


@lru_cache(maxsize=64)
def _month_years(question: str) -> frozenset[str]:
    """The years the question dates by a month (read once per question, not per sentence)."""
    return frozenset(_MONTH_YEAR.findall(question))


def _asks_start(frame: Frame) -> bool:
    """Whether the question asks when something starts ("Ab wann gilt …?")."""
    return frame.expects.kind == "when" and _ASKS_START.match(frame.text) is not None


def _relative_years(sentence: str, stand: str, expects: Expectation) -> tuple[YearSpec, ...]:
    """The year a sentence means by "im laufenden Schuljahr", "im kommenden Schuljahr", "im
    vergangenen Jahr": counted from its document's Stand (school years from August on).
    Such a sentence speaks of its own time, not of the years its passage names ("mehr als in
    2015/16 … Im kommenden Schuljahr sprechen wir von 85 Intensivklassen"): a figure in it
    answers for no year when the Stand is unknown and it speaks of a year before or after
    the document's present (``_NO_YEAR``)."""
    match = _RELATIVE_TIME.search(sentence)
    if not match:
        return ()
    word = match.group(1).lower()
    shift = 1 if word in _LATER else -1 if word in _EARLIER else 0
    dated = _STAND_MONTH.match(stand)
    if not dated:
        # the present ("im aktuellen Schuljahr") is what the passage's years date; a year
        # before or after it is none of them
        return (_NO_YEAR,) if shift and expects.kind in _FIGURES else ()
    year, month = int(dated.group(1)), int(dated.group(2))
    if match.group(2).lower() == "schuljahr":
        first = (year if month >= _SCHOOL_YEAR_STARTS else year - 1) + shift
        return (YearSpec(first, first + 1),)
    return (YearSpec(year + shift),)


_STAND_MONTH = re.compile(r"((?:19|20)\d{2})-(\d{2})")
_RELATIVE_TIME = re.compile(
    r"\b(dies|laufend|aktuell|kommend|nächst|folgend|vergangen|letzt|vorig|abgelaufen)"
    r"(?:e[nms]?)?\s+(schuljahr|jahr)(?:es|s)?\b",
    re.IGNORECASE,
)
_LATER = ("kommend", "nächst", "folgend")
_EARLIER = ("vergangen", "letzt", "vorig", "abgelaufen")
_NO_YEAR = YearSpec(0)  # a time of its own that cannot be dated: meets no asked year
_SCHOOL_YEAR_STARTS = 8  # August: school years in NRW begin in the summer holidays
_FIGURES = frozenset({"count", "percent", "money"})
# "vor dem 1. Februar 2025", "seit 2015", "ab dem Schuljahr 2023/24": a span of years, not one
_SPAN = re.compile(
    r"\b(vor|seit|ab)\s+(?:(?:dem|den|der)\s+)?(?:\d{1,2}\.\s*)?(?:[A-Za-zÄÖÜäöüß]+\s+)?"
    r"((?:19|20)\d{2})(?:\s*/\s*\d{2,4})?(?!\d)",
    re.IGNORECASE,
)


def _in_range(year: YearSpec, sentence: str) -> bool:
    """Whether the sentence speaks of a span that holds the asked year: "vor dem 1. Februar
    2025" holds 2024, "seit 2015" and "ab 2023" hold 2023 and later."""
    asked = year.first
    for word, found in _SPAN.findall(sentence):
        bound = int(found)
        if word.lower() == "vor" and asked < bound:
            return True
        if word.lower() in ("seit", "ab") and asked >= bound:
            return True
    return False


def _cell_meets_year(year: YearSpec, expects: Expectation, sentence: str) -> bool:
    """In a table row ("- Spalte: Wert; Spalte: Wert"), the asked value must stand in a cell
    of the asked year: "Abschlussquote 2024: 46 %" gives no share for 2022, even when
    another cell of the row ("Schüler – 2022: 214") names 2022.

    True when the row has no cell that states the expected type under a year-labelled
    column, or one of them is the asked year's; sentences that are no table rows pass.
    """
    labelled = [
        label
        for label, value in row_cells(sentence)
        if value and states_type(expects, value) and years_in(label)
    ]
    return not labelled or any(
        _covers(found, year) for label in labelled for found in years_in(label)
    )


def _covers(found: YearSpec, asked: YearSpec) -> bool:
    """Whether a year named in the text answers for the asked year or school year."""
    if asked.second:
        return (found.first, found.second) == (asked.first, asked.second)
    return asked.first in (found.first, found.second)
