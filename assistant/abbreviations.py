"""Abbreviations a corpus defines itself: "Servicestelle Bildungsankommen (SBA)".

Municipal documents introduce their own short forms once and then use only those; staff ask
with either. The glossary holds the domain's common ones (KI, DaZ, SSF); this module finds
the local ones at ingest, so that a question saying "SBA" is covered by a passage saying
"Servicestelle Bildungsankommen" and the other way round.

The test for a definition follows Schwartz and Hearst (2003), "A simple algorithm for
identifying abbreviation definitions in biomedical text": a short form in parentheses after
its long form, or the long form in parentheses after the short form, where the short form's
letters occur in the long form in order and its first letter starts the long form. German
compounds hide letters inside words ("Sprachfördergruppe (SFG)"), which the in-order test
allows. Of the words before the parenthesis, the fewest that pass are taken, and words at
the end that contribute no letter are dropped ("Regionale Bildungsbüro Kreis Ostwaldau
(RBB)" defines "Regionale Bildungsbüro").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["defined_abbreviations", "first_short_form", "long_form", "spells"]

# A short form: 2-10 letters, starting with a capital, at least two capitals (KI, DaZ, IfSG).
_SHORT = r"[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]{1,9}"
_WORD = r"[^\W\d_][\w\-]*"
_SHORT_IN_PARENTHESES = re.compile(rf"\s\(({_SHORT})\)")
_WORDS_BEFORE = re.compile(rf"(?:{_WORD}\s+){{1,15}}$")  # the words right before a "("
_LOOK_BACK = 300  # characters before "(" searched for the long form
_SHORT_THEN_LONG = re.compile(rf"\b({_SHORT})\s+\(((?:{_WORD}\s+){{0,9}}{_WORD})\)")


_SHORT_WORD = re.compile(rf"\b{_SHORT}\b")


def _is_short(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2


def first_short_form(text: str) -> str:
    """The first word of ``text`` that is a short form ("DaZ" of "die Abkürzung DaZ an der
    Schule"), or ""."""
    return next((m.group() for m in _SHORT_WORD.finditer(text) if _is_short(m.group())), "")


def long_form(short: str, words: list[str]) -> str | None:
    """The fewest trailing ``words`` that spell ``short`` (see ``_spell``), without trailing
    words that contribute no letter; None when no such words are among the last few."""
    letters = short.lower()
    limit = min(len(letters) + 5, 2 * len(letters))
    for count in range(1, min(limit, len(words)) + 1):
        used = _spell(letters, words[-count:])
        if used:
            return " ".join(words[-count:][:used])
    return None


def spells(short: str, words: list[str]) -> bool:
    """Whether ``words``, from the first, spell ``short`` as ``_spell`` reads it, the first
    word's initial in either case: a list of adjectives spells a principle's name
    ("spezifisch, messbar, attraktiv, realistisch und terminiert" spells "SMART")."""
    return _spell(short.lower(), words, capital=False) > 0


def _spell(letters: str, words: list[str], capital: bool = True) -> int:
    """How many of ``words`` it takes to spell ``letters`` in order (0: they do not).

    The first letter must be the initial of the first word, a capital one unless
    ``capital`` is False. Each later letter is taken from the next word's initial when that
    matches, else from later in the current word, else from the first later word that has it.
    """
    initial = words[0][:1] if words else ""
    if not initial or (initial if capital else initial.upper()) != letters[0].upper():
        return 0
    word, offset = 0, 1
    for letter in letters[1:]:
        if word + 1 < len(words) and words[word + 1][:1].lower() == letter:
            word, offset = word + 1, 1
            continue
        inside = words[word].lower().find(letter, offset)
        if inside >= 0:
            offset = inside + 1
            continue
        for later in range(word + 1, len(words)):
            found = words[later].lower().find(letter)
            if found >= 0:
                word, offset = later, found + 1
                break
        else:
            return 0
    return word + 1


def defined_abbreviations(texts: Iterable[str]) -> dict[str, str]:
    """Short form -> long form of every definition in ``texts`` (the most frequent long
    form of each short form; the shorter one on a tie)."""
    seen: dict[str, Counter[str]] = {}
    for text in texts:
        for match in _SHORT_IN_PARENTHESES.finditer(text):
            short = match.group(1)
            before = _WORDS_BEFORE.search(
                text, max(0, match.start() - _LOOK_BACK), match.end(0) - len(short) - 2
            )
            if _is_short(short) and before:
                found = long_form(short, before.group().split())
                if found and found.lower() != short.lower():
                    seen.setdefault(short, Counter())[found] += 1
        for match in _SHORT_THEN_LONG.finditer(text):
            short, inside = match.group(1), match.group(2).split()
            used = _spell(short.lower(), inside)
            if _is_short(short) and not _is_short(inside[0]) and used >= len(inside) - 1:
                seen.setdefault(short, Counter())[" ".join(inside[:used])] += 1
    return {
        short: min(counts.items(), key=lambda item: (-item[1], len(item[0])))[0]
        for short, counts in sorted(seen.items())
    }
