"""Values documents state, and where two versions of a document state different ones (pure).

A value is a duration or deadline ("innerhalb von fünf Werktagen"), an amount ("85.000 Euro"),
a share ("88 %"), a count ("40 Lesepaten") or, in a sentence that says who is responsible, an
office ("führt das Schulamt durch"). Two sentences speak about the same thing when they share
enough content words besides their values; where they do and state different values of the same
kind, the documents contradict each other on that point (``differences``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .german import MONTHS, analyze, fold

__all__ = ["Difference", "Value", "differences", "values"]

_TOKEN = re.compile(r"\d[\d.,]*|[^\W\d_]+|[%€]")
_MIN_SHARED = 2  # content words two sentences must share to be about the same thing
_MIN_OVERLAP = 0.5  # ... as a share of the shorter side's content words
_SHORT_SENTENCE = 30  # tokens; in a longer sentence only the words around a value count
_BEFORE, _AFTER = 10, 6  # ... this many tokens before and after it
# Words that say nothing about what a value is about ("innerhalb von", "höchstens", "künftig").
_GENERIC = (
    "innerhalb binnen spätestens höchstens mindestens durchschnittlich rund etwa circa knapp "
    "künftig zukünftig bisher bisherige neu neue ab bis seit nach vor findet erfolgt beträgt "
    "betragen liegt gilt gelten statt stattfinden wert zielwert ausgangswert kennzahl insgesamt "
    "jeweils jährlich pro je zusätzlich weiterhin stadt kreis kommune"
)
_NUMBER_WORDS = {
    "ein": 1,
    "eine": 1,
    "einen": 1,
    "einem": 1,
    "einer": 1,
    "eines": 1,
    "eins": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "funf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwolf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "funfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "zwanzig": 20,
    "dreissig": 30,
    "vierzig": 40,
    "funfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
    "hundert": 100,
}
# Folded unit word (or its start) -> (kind, unit as shown). Checked in this order.
_UNITS = (
    ("werktag", "Dauer", "Werktage"),
    ("arbeitstag", "Dauer", "Arbeitstage"),
    ("kalendertag", "Dauer", "Kalendertage"),
    ("schultag", "Dauer", "Schultage"),
    ("wochenstunde", "Umfang", "Wochenstunden"),
    ("unterrichtsstunde", "Umfang", "Unterrichtsstunden"),
    ("stunde", "Umfang", "Stunden"),
    ("tag", "Dauer", "Tage"),
    ("woche", "Dauer", "Wochen"),
    ("monat", "Dauer", "Monate"),
    ("jahr", "Jahre", "Jahre"),  # ages and durations alike: compared only with each other
    ("euro", "Betrag", "Euro"),
    ("eur", "Betrag", "Euro"),
    ("€", "Betrag", "Euro"),
    ("%", "Anteil", "%"),
    ("prozent", "Anteil", "%"),
    ("vza", "Stellen", "VZÄ"),
    ("vollzeitaquivalent", "Stellen", "VZÄ"),
)
_SHORT_UNITS = {"tag", "tage", "tagen", "tages", "jahr", "jahre", "jahren", "jahres", "eur"}
_MONTHS = frozenset(fold(m) for m in MONTHS)
# An office named as the one responsible: a doer verb shortly before it, or "zuständig" near it.
_DOERS = ("fuhrt", "fuhren", "ubernimm", "koordinier", "organisier", "verantwortet", "leitet")
_RESPONSIBLE = ("zustandig", "verantwortlich")
_OFFICE_REACH = 4  # tokens between the cue and the office
_QUOTE_BEFORE, _QUOTE_AFTER = 7, 5  # words quoted around a value
_OFFICE_ENDINGS = (
    "amt",
    "amter",
    "stelle",
    "zentrum",
    "buro",
    "behorde",
    "dienst",
    "referat",
    "abteilung",
    "fachbereich",
    "lotsen",
    "aufsicht",
    "konferenz",
)


@dataclass(frozen=True)
class Value:
    """One value a sentence states."""

    kind: (
        str  # "Dauer" | "Jahre" | "Umfang" | "Betrag" | "Anteil" | "Stellen" | "Anzahl" | "Stelle"
    )
    amount: str  # normalised number ("5", "85000", "0.5"); "" for an office
    unit: str  # "Werktage", "Euro", "%", the counted noun, or the office's name
    sentence: str
    context: frozenset[str] = frozenset()  # content-word stems around the value
    snippet: str = ""  # the words around it, for quoting

    @property
    def label(self) -> str:
        """How the value reads in a note: "5 Werktage", "88 %", "Schulamt"."""
        if not self.amount:
            return self.unit
        amount = self.amount.replace(".", ",")
        return f"{amount} {self.unit}"

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two values equal."""
        return (self.kind, self.amount, self.unit.lower())


@dataclass(frozen=True)
class Difference:
    """The same thing stated with different values in a newer and an older sentence."""

    new: Value
    old: Value
    overlap: float  # how surely the two sentences speak about the same thing (0..1)


def values(sentence: str) -> tuple[Value, ...]:
    """The values ``sentence`` states (deadlines, amounts, shares, counts, offices)."""
    return _values(sentence)


@lru_cache(maxsize=8192)
def _values(sentence: str) -> tuple[Value, ...]:
    tokens = _TOKEN.findall(sentence)
    found: list[Value] = []
    for i, token in enumerate(tokens):
        amount = _amount(token)
        if amount is None or i + 1 >= len(tokens):
            continue
        unit = _unit(tokens[i + 1], amount, written_as_digits=token[0].isdigit())
        if unit is not None:
            context, snippet = _context(tokens, i), _snippet(tokens, i)
            found.append(Value(unit[0], amount, unit[1], sentence, context, snippet))
    found += _offices(tokens, sentence)
    return tuple(dict.fromkeys(found))


def _context(tokens: Sequence[str], i: int) -> frozenset[str]:
    """What a value is about: the content words of its sentence, or of its neighbourhood in
    a long one (a table row run together, an enumeration)."""
    if len(tokens) <= _SHORT_SENTENCE:
        return _subject(" ".join(tokens))
    return _subject(" ".join(tokens[max(0, i - _BEFORE) : i + _AFTER]))


def _amount(token: str) -> str | None:
    """A number written in digits ("85.000", "0,5") or as a word ("fünf"); None otherwise."""
    if token[0].isdigit():
        if token.endswith("."):  # "1. Februar", "3. Klasse": an ordinal
            return None
        digits = token.rstrip(",")
        if "," in digits:  # German decimal comma; dots group thousands
            whole, _, fraction = digits.replace(".", "").partition(",")
            return f"{int(whole)}.{fraction}" if whole.isdigit() and fraction.isdigit() else None
        plain = digits.replace(".", "")
        return str(int(plain)) if plain.isdigit() else None
    number = _NUMBER_WORDS.get(fold(token))
    return None if number is None else str(number)


def _unit(token: str, amount: str, written_as_digits: bool) -> tuple[str, str] | None:
    """(kind, unit) when ``token`` after a number names what is counted."""
    word = fold(token)
    for start, kind, shown in _UNITS:
        if word == start or (word.startswith(start) and (len(start) > 3 or word in _SHORT_UNITS)):
            return kind, shown
    if word in _MONTHS or not token[:1].isupper() or not written_as_digits:
        return None  # a date, a verb or adjective, or "eine Frage"
    if len(amount) == 4 and amount.startswith(("19", "20")):
        return None  # a year ("2025 Schulen" is rare, "2025 kommen" is common)
    return "Anzahl", token


def _offices(tokens: Sequence[str], sentence: str) -> list[Value]:
    """Offices a sentence makes responsible: shortly after "führt", "übernimmt", "zuständig
    für … ist", or next to "zuständig" (not every office it mentions)."""
    folded = [fold(t) for t in tokens]
    found = []
    for i, (token, word) in enumerate(zip(tokens, folded, strict=True)):
        if not (token[:1].isupper() and len(word) > 4 and word.endswith(_OFFICE_ENDINGS)):
            continue
        before = folded[max(0, i - _OFFICE_REACH) : i]
        after = folded[i + 1 : i + 1 + _OFFICE_REACH]
        named = any(w in ("ist", "sind", "bleibt", "bleiben") for w in before) and any(
            w.startswith(_RESPONSIBLE) for w in folded[:i]
        )  # "Zuständig für die Zuweisung ist die Anlaufstelle"
        near = any(w.startswith(_RESPONSIBLE) for w in before + after)
        if named or near or any(w.startswith(_DOERS) for w in before):
            found.append(
                Value("Stelle", "", token, sentence, _context(tokens, i), _snippet(tokens, i))
            )
    return found


def _snippet(tokens: Sequence[str], i: int) -> str:
    """The words around a value, for quoting it."""
    return " ".join(tokens[max(0, i - _QUOTE_BEFORE) : i + _QUOTE_AFTER])


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(analyze(_GENERIC))


@lru_cache(maxsize=8192)
def _subject(text: str) -> frozenset[str]:
    """Content-word stems of ``text`` without numbers, units and words that say nothing."""
    units = tuple(start for start, _, _ in _UNITS)
    generic = _generic()
    return frozenset(
        s
        for s in analyze(text)
        if not s[:1].isdigit()
        and not s.startswith(units)
        and s not in generic
        and fold(s) not in _NUMBER_WORDS
    )


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    shared = len(a & b)
    if shared < _MIN_SHARED:
        return 0.0
    return shared / min(len(a), len(b))


def differences(new: Iterable[str], old: Iterable[str], limit: int = 3) -> list[Difference]:
    """Values the ``new`` sentences state differently from the ``old`` ones on the same thing.

    A new value and an old value of the same kind differ when the words around them show they
    are about the same thing (``_MIN_SHARED`` shared content words, at least ``_MIN_OVERLAP``
    of the shorter side) and neither side also states the other's value about it. Best
    matches first, each pair of values once.
    """
    olds = [v for s in dict.fromkeys(old) for v in values(s)]
    news = [v for s in dict.fromkeys(new) for v in values(s)]
    found: dict[tuple[str, str], Difference] = {}
    for mine in news:
        about = [(o, _overlap(mine.context, o.context)) for o in olds if _group(o) == _group(mine)]
        about = [(o, overlap) for o, overlap in about if overlap >= _MIN_OVERLAP]
        if not about or any(o.key == mine.key for o, _ in about):
            continue  # nothing comparable, or the old text states this very value too
        theirs, overlap = max(about, key=lambda pair: pair[1])
        if any(
            n.key == theirs.key and _overlap(n.context, theirs.context) >= overlap for n in news
        ):
            continue  # the new text repeats the old value about this thing ("bisher zehn")
        pair = (mine.label, theirs.label)
        if pair not in found or found[pair].overlap < overlap:
            found[pair] = Difference(mine, theirs, overlap)
    return sorted(found.values(), key=lambda d: -d.overlap)[:limit]


def _group(value: Value) -> tuple[str, str]:
    """Values that can contradict each other: a count only of the same thing."""
    return (value.kind, value.unit.lower() if value.kind == "Anzahl" else "")
