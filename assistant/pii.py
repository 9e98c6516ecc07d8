"""Personal-data guard: find names, birth dates, addresses, phone numbers, e-mail addresses
and case identifiers in a question, offline, and redact them.

Rules plus name lists (``assistant.pii_names``); no model is needed, so it runs anywhere and
in microseconds. The labelled set ``evals/personendaten.jsonl`` measures it (precision and
recall are printed by ``tests/test_pii.py``). Every pattern is linear in the input: no nested
quantifiers; names and addresses are found on a token list, not by one big regex.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from . import texts
from .pii_names import AMBIGUOUS, FAMILY_NAMES, GIVEN_NAMES

__all__ = ["KINDS", "Finding", "Screening", "redact", "screen"]

KINDS = ("name", "birthdate", "address", "phone", "email", "case_id")

_EMAIL_DOMAIN = re.compile(r"[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_EMAIL_LOCAL_MAX = 64
_PHONE = re.compile(
    r"(?<![\w.,/])(?:(?:\+|00)\d{1,3}[ /-]?(?:\(0\)[ ]?)?\d{2,5}|\(?0\d{2,5}\)?)"
    r"(?:(?:[ ]?[/-][ ]?|[ ])?\d{2,}){1,5}"
)
_IBAN = re.compile(r"\bDE\d{2}(?: ?\d{4}){4} ?\d{2}\b")
_CASE_CUE = re.compile(
    r"\b(?:Az\.?|AZ|Aktenzeichen|Geschäftszeichen|Gz\.|Fallnummer|Fall-Nr\.?|Vorgangsnummer|"
    r"Vorgangs-Nr\.?|Kundennummer|Kunden-Nr\.?|Schülernummer|Schüler-Nr\.?|Schüler-ID|"
    r"Personalnummer|Ausweisnummer|Passnummer|Steuer-ID|Versichertennummer|"
    r"Identifikationsnummer|Ident-Nr\.?)[ \t]*[:.]?[ \t]*(?:Nr\.?[ \t]*)?"
    r"(?P<id>[A-Za-z0-9][\w./-]*)"
)
_CASE_SHAPE = re.compile(r"\b[A-ZÄÖÜ]{1,5}-\d{2,}(?:[-/]\d+)+\b|(?<![\d.,])\d{7,}(?![\d.,])")
_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
_DATE = (
    r"(?:\d{1,2}\.[ ]?\d{1,2}\.[ ]?(?:\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2}\b"
    rf"|\d{{1,2}}\.[ ]?(?:{_MONTHS})[ ]\d{{4}})"
)
_BIRTH = re.compile(
    r"(?:\bgeb\.|\bgeboren|\bGeburtsdatum|\bGeburtstag|\*)[ \t]*(?:am[ \t]+|:[ \t]*)?"
    rf"(?P<date>{_DATE})"
)
_TOKEN = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’-]*")
_HOUSE_NUMBER = re.compile(r"[ \t]+\d{1,3}(?:[ ]?[a-z])?\b(?![.,:]\d)")
_POSTCODE = re.compile(r",?[ \t]+\d{5}[ \t]+[A-ZÄÖÜ][\wäöüß-]*")
_STREET_SUFFIXES = (
    "straße", "strasse", "str", "weg", "gasse", "allee", "platz", "ring", "damm", "ufer",
    "chaussee", "pfad", "stieg", "steig", "promenade", "zeile", "kamp", "wall", "markt",
)  # fmt: skip
_STREET_PREPOSITIONS = frozenset({"Am", "Im", "An", "Auf", "Zum", "Zur", "In", "Unter", "Hinter"})
_STRONG_CUES = frozenset({"Frau", "Herr", "Herrn", "Familie", "Fam", "namens", "heißt", "Name"})
_WEAK_CUES = frozenset(
    [
        "Schüler",
        "Schülerin",
        "Schülers",
        "Kind",
        "Kindes",
        "Sohn",
        "Tochter",
        "Bruder",
        "Schwester",
        "Junge",
        "Jungen",
        "Mädchen",
        "Vater",
        "Mutter",
        "Pflegemutter",
        "Pflegevater",
        "Jugendliche",
        "Jugendlichen",
        "Jugendlicher",
        "Geschwister",
        "Enkel",
        "Enkelin",
        "Neffe",
        "Nichte",
        "Mündel",
        "Klient",
        "Klientin",
        "von",
    ]
)
_TITLES = frozenset({"Dr", "Prof", "Dipl"})
_PLACE_WORDS = frozenset(
    [
        "in",
        "nach",
        "aus",
        "bei",
        "Stadt",
        "Kreis",
        "Landkreis",
        "Gemeinde",
        "Rathaus",
        "Kreishaus",
        "Berufskolleg",
        "Gesamtschule",
        "Grundschule",
        "Schule",
        "Gymnasium",
        "Realschule",
        "Hauptschule",
        "Bildungshaus",
        "Außenstelle",
        "Hauptstelle",
        "Region",
        "Bezirk",
    ]
)
_NOT_NAMES = frozenset(
    [
        "Der",
        "Die",
        "Das",
        "Den",
        "Dem",
        "Des",
        "Ein",
        "Eine",
        "Einen",
        "Einem",
        "Einer",
        "Wer",
        "Was",
        "Wie",
        "Wo",
        "Wann",
        "Welche",
        "Welcher",
        "Welches",
        "Warum",
        "Ist",
        "Sind",
        "Hat",
        "Haben",
        "Kann",
        "Können",
        "Muss",
        "Müssen",
        "Soll",
        "Sollen",
        "Gibt",
        "Gilt",
        "Bitte",
        "Und",
        "Oder",
        "Aber",
        "Mit",
        "Ohne",
        "Für",
        "Ich",
        "Wir",
        "Sie",
        "Er",
        "Es",
        "Ihr",
        "Mein",
        "Meine",
        "Unser",
        "Unsere",
        "Dr",
        "Prof",
    ]
)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and where it stands in the text."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Screening:
    """The result of screening one text for personal data."""

    text: str
    findings: tuple[Finding, ...]

    @property
    def personal(self) -> bool:
        """Whether anything personal was found."""
        return bool(self.findings)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds found, in the fixed order of ``KINDS``."""
        found = {f.kind for f in self.findings}
        return tuple(k for k in KINDS if k in found)

    @property
    def redacted(self) -> str:
        """The text with every finding replaced by its placeholder, e.g. "[Name]"."""
        out: list[str] = []
        position = 0
        for f in self.findings:
            out.append(self.text[position : f.start])
            out.append(texts.PII_PLACEHOLDERS[f.kind])
            position = f.end
        out.append(self.text[position:])
        return "".join(out)


def screen(text: str, known_places: Iterable[str] = ()) -> Screening:
    """Find personal data in ``text``; words of ``known_places`` never count as names."""
    places = frozenset(w for p in known_places for w in _TOKEN.findall(p))
    candidates = [
        *_regex_findings(text),
        *_address_findings(text),
        *_name_findings(text, places),
    ]
    return Screening(text, _without_overlaps(candidates))


def redact(text: str, known_places: Iterable[str] = ()) -> str:
    """``text`` with all personal data replaced by placeholders (unchanged if none)."""
    return screen(text, known_places).redacted


def _regex_findings(text: str) -> list[Finding]:
    found = _email_findings(text)
    found += [Finding("case_id", m.start(), m.end()) for m in _IBAN.finditer(text)]
    for m in _CASE_CUE.finditer(text):
        ident = m.group("id").rstrip("./-")
        if any(ch.isdigit() for ch in ident):
            found.append(Finding("case_id", m.start("id"), m.start("id") + len(ident)))
    found += [Finding("case_id", m.start(), m.end()) for m in _CASE_SHAPE.finditer(text)]
    found += [Finding("birthdate", m.start("date"), m.end("date")) for m in _BIRTH.finditer(text)]
    for m in _PHONE.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) >= 6:
            found.append(Finding("phone", m.start(), m.end()))
    return found


def _email_findings(text: str) -> list[Finding]:
    """Around each "@": a local part before it and a dotted domain after it (bounded scans)."""
    found = []
    for at in (i for i, ch in enumerate(text) if ch == "@"):
        start = at
        while start > 0 and at - start < _EMAIL_LOCAL_MAX and _local_char(text[start - 1]):
            start -= 1
        domain = _EMAIL_DOMAIN.match(text, at + 1)
        if start < at and domain:
            found.append(Finding("email", start, domain.end()))
    return found


def _local_char(ch: str) -> bool:
    return ch.isalnum() or ch in "._+-"


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _is_street(word: str, previous: str) -> bool:
    lower = word.lower()
    if lower.endswith(_STREET_SUFFIXES) and word[:1].isupper():
        return True
    return previous in _STREET_PREPOSITIONS and word[:1].isupper()


def _address_findings(text: str) -> list[Finding]:
    """A street (or "Am …") followed by a house number, and a postcode with town after it."""
    found = []
    tokens = _tokens(text)
    for i, token in enumerate(tokens):
        previous = tokens[i - 1].group() if i else ""
        end = token.end() + (1 if text[token.end() : token.end() + 1] == "." else 0)
        number = _HOUSE_NUMBER.match(text, end)
        if number is None or not _is_street(token.group(), previous):
            continue
        start = tokens[i - 1].start() if previous in _STREET_PREPOSITIONS else token.start()
        stop = number.end()
        postcode = _POSTCODE.match(text, stop)
        found.append(Finding("address", start, postcode.end() if postcode else stop))
    return found


def _name_findings(text: str, places: frozenset[str]) -> list[Finding]:
    """Names from the lists, and capitalised words after "Frau", "Familie", "Schüler" …"""
    tokens = _tokens(text)
    words = [t.group() for t in tokens]
    marked = [False] * len(tokens)
    for i, word in enumerate(words):
        if _is_name_part(word, places) is None:
            continue
        previous = words[i - 1] if i else ""
        cue = _cue_before(words, i)
        kind = _is_name_part(word, places)
        neighbour = (i + 1 < len(words) and _is_name_part(words[i + 1], places) is not None) or (
            i > 0 and marked[i - 1]
        )
        if (
            (cue == "strong" and _capitalised(word))
            or (cue == "weak" and kind in {"given", "family", "ambiguous"})
            or (kind in {"given", "family"} and previous not in _PLACE_WORDS)
            or (kind == "ambiguous" and neighbour and previous not in _PLACE_WORDS)
        ):
            marked[i] = True
        if marked[i]:
            _extend_surname(words, marked, i, places)
    return _spans(tokens, marked, text)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word not in _NOT_NAMES


def _is_name_part(word: str, places: frozenset[str]) -> str | None:
    """ "given", "family", "ambiguous", "other" (a capitalised word) or None."""
    if not _capitalised(word) or word in places:
        return None
    if "-" in word and word not in FAMILY_NAMES:
        head = word.split("-")
        if head[-1] not in GIVEN_NAMES | FAMILY_NAMES:
            return None  # "Anne-Frank-Schule", "Marie-Curie-Gymnasium": not a person
    if word in AMBIGUOUS:
        return "ambiguous"
    if word in GIVEN_NAMES:
        return "given"
    if word in FAMILY_NAMES or "-" in word:
        return "family"
    return "other"


def _cue_before(words: list[str], i: int) -> str:
    """ "strong" after Frau/Herr/Familie (titles skipped), "weak" after Schüler/Kind …, or ""."""
    j = i - 1
    while j >= 0 and words[j] in _TITLES:
        j -= 1
    if j < 0:
        return ""
    if words[j] in _STRONG_CUES:
        return "strong"
    return "weak" if words[j] in _WEAK_CUES else ""


def _extend_surname(words: list[str], marked: list[bool], i: int, places: frozenset[str]) -> None:
    """A capitalised word right after a name is its family name ("Ahmet Yilmaz")."""
    nxt = i + 1
    if nxt < len(words) and not marked[nxt]:
        kind = _is_name_part(words[nxt], places)
        if kind in {"family", "ambiguous", "given"} or (
            kind == "other" and words[i] in GIVEN_NAMES
        ):
            marked[nxt] = True


def _spans(tokens: list[re.Match[str]], marked: list[bool], text: str) -> list[Finding]:
    found: list[Finding] = []
    for i, token in enumerate(tokens):
        if not marked[i]:
            continue
        gap = text[found[-1].end : token.start()] if found else "x"
        if found and gap.strip() == "" and marked[i - 1]:
            found[-1] = Finding("name", found[-1].start, token.end())
        else:
            found.append(Finding("name", token.start(), token.end()))
    return found


def _without_overlaps(candidates: list[Finding]) -> tuple[Finding, ...]:
    """Longest first; a finding that overlaps a kept one is dropped. Sorted by position."""
    starts: list[int] = []  # kept findings never overlap, so sorted starts find neighbours
    kept: list[Finding] = []
    for f in sorted(candidates, key=lambda f: (-(f.end - f.start), f.start)):
        i = bisect_right(starts, f.start)
        if (i and kept[i - 1].end > f.start) or (i < len(kept) and kept[i].start < f.end):
            continue
        starts.insert(i, f.start)
        kept.insert(i, f)
    return tuple(kept)
