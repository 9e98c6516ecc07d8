"""German sentence splitting that survives administrative abbreviations (pure)."""

from __future__ import annotations

import re

from .gazetteer import is_place_outside_nrw
from .german import MONTHS, stopwords

__all__ = [
    "MUNICIPAL_ABBREVIATIONS",
    "counted_by_ordinal",
    "ends_sentence",
    "is_heading_line",
    "is_table_row",
    "row_cells",
    "split_sentences",
]

# Abbreviations after which a period does not end a sentence (lowercase, without the dot).
_ABBREVIATIONS = {
    "z",
    "b",
    "bzw",
    "ca",
    "vgl",
    "ggf",
    "evtl",
    "inkl",
    "u",
    "a",
    "o",
    "d",
    "h",
    "ä",
    "s",
    "nr",
    "abs",
    "art",
    "bspw",
    "dr",
    "etc",
    "usw",
    "sog",
    "str",
    "tel",
    "max",
    "min",
    "mind",
    "zzgl",
    "insb",
    "i",
    "v",
    "m",
    "e",
    "w",
    "jan",
    "feb",
    "febr",
    "mär",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
    "st",
    "std",
    "ua",
    "uvm",
    "gem",
    "lt",
    "hrsg",
    "kap",
    "anm",
    "mio",
    "mrd",
    "tsd",
    "jh",
    "jhd",
    "allg",
    "lit",
    "buchst",
}
# Municipal types as administrations abbreviate them ("Lkr. Neu-Ulm", "Kr. Unna", "Gde. …"):
# no sentence ends after them, and ``places`` reads them as their type word.
MUNICIPAL_ABBREVIATIONS = {"lkr": "kreis", "kr": "kreis", "krs": "kreis", "gde": "gemeinde"}
_ABBREVIATIONS |= set(MUNICIPAL_ABBREVIATIONS)
_MONTHS = "|".join(MONTHS)
# A candidate boundary: sentence punctuation, optional closing quote/bracket, whitespace.
_BOUNDARY = re.compile(r"([.!?…])([\"“”»)\]]*)\s+")
_WINDOW = 48  # characters around a candidate boundary that decide it
_ORDINAL_BEFORE = re.compile(r"(?:^|\s)\d{1,2}$")
# A number right after an opening bracket ("am Montag (11. März 2024)", "im Seminarraum (3.
# Stock)"): the bracket is still open, so its dot ends no sentence
_BRACKETED_NUMBER = re.compile(r"[(\[]\d{1,2}$")
# A number whose form only an ordinal has: after an article, a possessive or a contracted
# preposition ("in der 7. Unterrichtsstunde", "sein 50. Kommunales …", "zum 3. Mal") or
# joined to an ordinal before it ("der 3. und 4. Schuljahre", "5./6. Jahrgang"). Before a
# noun it ends no sentence, whatever noun it counts; before an article or pronoun it is
# elliptic and does ("… nach der 4. Die Quote …").
_ORDINAL_FORM = re.compile(
    r"(?:\b(?:der|die|das|den|dem|des|am|im|vom|zum|zur|beim|ins|ans|jede[mnrs]?|"
    r"(?:sein|ihr|unser|mein|dein|eu(?:e)?r)(?:e[mnrs]?)?)\s+"
    r"|\d{1,2}\.\s*(?:und|oder|bis|-|–|/)\s*)\d{1,2}$",
    re.IGNORECASE,
)
# "I" after a noun numbers it ("Sekundarstufe I", "Teil I"): no abbreviation, but after a
# form of address it is an initial ("Frau I. Muster").
_ROMAN_AFTER_NOUN = re.compile(r"\b(?!(?:Herrn?|Frau)\b)[A-ZÄÖÜ][a-zäöüß]{3,} I$")
# Words an ordinal counts ("1. Februar", "10. Klasse"): "N." before them ends no sentence
# and starts no numbered list item.
_MONTH_AFTER = re.compile(rf"^(?:{_MONTHS}|Lebensjahr|Klasse|Schuljahr|Halbjahr|Jahrgang)\b")
# The second day of a range of days after the first one's dot ("vom 24. – 28. Oktober")
_DAY_AFTER_DASH = re.compile(r"[-–]\s*\d{1,2}\.")
# The number a list item starts with ("- 1. Er beschreibt …"): no sentence of its own
_ITEM_NUMBER = re.compile(r"(?:-\s*)?(?:\d{1,2}|[a-z])")
# A list item numbered by a letter ("b) Wie viele …", "c) Wie viele …"), as the questions of a
# parliamentary question are
_LETTER_ITEM = re.compile(r"(?:[a-h]|[ivx]{1,4})\)\s")
_HEADING_WORDS = 12  # a heading line is short; a longer line without end is data or prose
_SENTENCE_END = re.compile(r"[.!?:;][\"“”'‘’»«)\]]*$")
# A table row as ingest writes it: "- Spalte: Wert; Spalte: Wert" (two cells at least).
_TABLE_ROW = re.compile(r"^- [^;:]{1,80}: [^;]*; [^;:]{1,80}: ")


def split_sentences(text: str) -> list[str]:
    """Split running German text into sentences; newlines are treated as spaces.

    Lines that look like list items or table rows stay separate units; a table row is never
    split ("Rathausplatz 3, 4. OG" in an address cell is no sentence end, and a cut-off
    "OG; Kontakt: …" would lose the row it belongs to).
    """
    units: list[str] = []
    for block in _blocks(text):
        units.extend([block] if is_table_row(block) else _split_block(block))
    return [u for u in units if u]


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends the way a sentence ends (punctuation, maybe a closing quote)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.\w|\bhttps?://|\bwww\.\w", re.IGNORECASE)
# A clause that introduces its value after a colon with a copula: "Der Berater Migration
# für den Schulamtsbezirk ist: Herr …", "Die Adresse lautet: …" states the value, unlike a
# title with a colon
_INTRODUCED_VALUE = re.compile(r"\s(?:ist|sind|lautet|lauten|heißt|heißen)\s*:\s*\S")
# A time of day ("09:00 – 12:00 Uhr", "Di 14–18 Uhr"): a line of opening hours is data
_TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:\.\d{2})?\s*Uhr\b", re.IGNORECASE)
# A whole date ("1. Januar 2023 bis 31. Dezember 2024 gefördert durch das Land", "Sitzung
# am 26.11.2015"): a line that dates something states it, whatever its length (a date alone,
# a page's "12. Juli 2019", dates nothing)
_FULL_DATE = re.compile(rf"\b\d{{1,2}}\.\s?(?:\d{{1,2}}\.\s?|(?:{_MONTHS})\s+)(?:19|20)\d{{2}}\b")


def _dates_something(line: str) -> bool:
    """Whether ``line`` gives a whole date and says something besides it."""
    rest = _FULL_DATE.sub(" ", line)
    return rest != line and bool(rest.split())


def is_heading_line(sentence: str, text: str) -> bool:
    """Whether ``sentence`` stands in ``text`` as a short paragraph of its own that ends no
    sentence: a heading ("Erstberatung für Seiteneinsteiger"), which names the topic of
    what follows but states nothing. List items, table rows, long lines, labelled figures
    ("Telefon: 02888 551-300 Fax: …" in a contact block) and addresses ("E-Mail: info@…")
    are no headings; a title with a colon ("Schulministerium: Die neuen Erlasse …") is one."""
    if ends_sentence(sentence) or _is_unit_line(sentence):
        return False
    if len(sentence.split()) > _HEADING_WORDS:
        return False
    if ": " in sentence and any(c.isdigit() for c in sentence):
        return False
    if _ADDRESS.search(sentence):  # "E-Mail: info@…", "www.…": a value, not a topic
        return False
    if (
        _INTRODUCED_VALUE.search(sentence)
        or _TIME_OF_DAY.search(sentence)
        or _dates_something(sentence)
    ):
        return False
    # a headline a page repeats ("Titel\nZum Inhalt springen … Titel\n\nText") is a heading
    # where it stands as a paragraph of its own
    at = text.find(sentence)
    while at >= 0:
        if text.startswith("\n\n", at + len(sentence)):
            return True
        at = text.find(sentence, at + 1)
    return False


def counted_by_ordinal(text: str) -> bool:
    """Whether ``text`` starts with a word an ordinal number counts ("Februar 2025", "Klasse")."""
    return bool(_MONTH_AFTER.match(text))


def is_table_row(text: str) -> bool:
    """Whether ``text`` is a table row as ingest writes it (two labelled cells at least)."""
    return bool(_TABLE_ROW.match(text))


def row_cells(text: str) -> list[tuple[str, str]]:
    """(column, value) of each cell of a table row as ingest writes it ("- Spalte: Wert;
    Spalte: Wert"; a cell without a column has the value ""); [] for anything else."""
    if not text.startswith("- "):
        return []
    return [(label, value) for label, _, value in (c.partition(": ") for c in text[2:].split("; "))]


def _blocks(text: str) -> list[str]:
    # List items and table rows (lines starting with a bullet or containing " | ") are units
    # of their own; other lines are joined into running text.
    return _labelled_times(_lines_joined(text))


# Office hours as web pages set them, a label line over a time line ("Dienstag und
# Donnerstag" / "14.00-17.00 Uhr"): one statement "Dienstag und Donnerstag: 14.00-17.00 Uhr",
# not a heading over a bare time.
_TIME_RANGE = re.compile(r"\d{1,2}[.:]\d{2}\s*(?:-|–|bis)\s*\d{1,2}[.:]\d{2}(?:\s*Uhr)?")
_LABEL_WORDS = 6


def _labelled_times(blocks: list[str]) -> list[str]:
    joined: list[str] = []
    for block in blocks:
        label = joined[-1] if joined else ""
        if (
            _TIME_RANGE.fullmatch(block)
            and label
            and len(label.split()) <= _LABEL_WORDS
            and not ends_sentence(label)
            and not _is_unit_line(label)
            and not any(c.isdigit() for c in label)
        ):
            joined[-1] = f"{label}: {block}"
        else:
            joined.append(block)
    return joined


def _lines_joined(text: str) -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or _is_unit_line(stripped):
            if current:
                blocks.append(" ".join(current))
                current = []
            if stripped:
                blocks.append(stripped)
            continue
        current.append(stripped)
    if current:
        blocks.append(" ".join(current))
    return blocks


def _is_unit_line(line: str) -> bool:
    return line.startswith(("- ", "• ", "* ", "– ", "#")) or " | " in line


def _split_block(block: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(block):
        end = match.end(2)
        # Bounded windows: the decision needs only the last word before and the first word
        # after the period; whole slices made splitting quadratic on hostile text.
        before = block[max(start, match.start(1) - _WINDOW) : match.start(1)]
        after = block[match.end() : match.end() + _WINDOW]
        if match.group(1) == "." and (
            _ITEM_NUMBER.fullmatch(block[start : match.start(1)].strip())
            or not _ends_sentence(before, after)
        ):
            continue
        if match.group(1) in "!?" and match.group(2) and after[:1].islower():
            continue  # a quoted title goes on: "Das Buch „Wer hat mein Eis gegessen?“ von …"
        sentences.append(block[start:end].strip())
        start = match.end()
    tail = block[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _counted_noun(after: str) -> bool:
    """Whether ``after`` starts with a capitalised word that is no function word."""
    word = re.match(r"[A-ZÄÖÜ][\w-]*", after)
    return word is not None and word.group().lower() not in stopwords()


def _ends_sentence(before: str, after: str) -> bool:
    words = before.split()
    last = words[-1] if words else ""
    token = re.sub(r"^[\"„“(\[]+", "", last).lower()
    if _ROMAN_AFTER_NOUN.search(before):
        return after[:1].isupper()  # "… nach der Sekundarstufe I. Ergänzend …"
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False
    if token.endswith("str") and after[:1].isdigit():
        return False  # a street's name written short before its number ("Lindenstr. 5")
    name = re.match(r"\s*([\w-]+)", after)
    if name and is_place_outside_nrw(f"{last}. {name.group(1)}"):
        return False  # a town that writes its name short: "in Hann. Münden werden …"
    if re.fullmatch(r"[a-zäöü]\.[a-zäöü]", token):  # "z.B", "u.a"
        return False
    if _BRACKETED_NUMBER.search(before):
        return False
    if _ORDINAL_BEFORE.search(before) and (
        counted_by_ordinal(after) or after[:1].isdigit() or _DAY_AFTER_DASH.match(after)
    ):
        return False  # "1. September", "10. Klasse", "§ 2. 3", "vom 24. – 28. Oktober"
    if _ORDINAL_FORM.search(before) and _counted_noun(after):
        return False
    if _LETTER_ITEM.match(after) and not _ORDINAL_BEFORE.search(before):
        # "… 155 (darunter 57 unter 16 Jahre). b) Wie viele …": the next item; "1. a) …"
        # numbers one item twice
        return True
    # A real sentence starts upper-case (or with a digit or a quote).
    return not after[:1].islower()
