"""Questions are read as the documents write: typed in lower case, they get the documents'
capitals ("truecasing"); umlauts written out ("Schueler", "fuer") become umlauts where the
documents use them; a typing slip in a long word the documents lack is mended.

German marks nouns and names by capitals, and several steps rely on them: a question's nouns
weigh more when the documents lack them, municipalities and places are names, and a
follow-up is recognised by what it names. In a chat, many people type everything in lower
case ("wie lange dauert die sprachstandsfeststellung in haldenberg?"); measured on the dev
halves, that cost a tenth of the facts and doubled false refusals.

The documents tell how each word is written: at ingest every word's spelling is counted
where it does not start a sentence (where a capital says nothing), and the spelling that
most of those occurrences use is kept. A question that has no capitalised word after its
first is then written with those spellings (see ``Casing``); questions that use capitals
are left as they are. The same table tells which written-out umlauts to restore: a word the
documents lack whose umlaut form they have. The German stemmer already treats "ue" as "ü",
but stopwords ("fuer"), character n-grams and the semantic model did not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from itertools import product

from .german import fold, stopwords

__all__ = ["SLIP_LENGTH", "Casing", "casing_table", "looks_lowercased", "written_out"]

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# What a capital after it says nothing about: the start of a text, sentence, line (so also
# after a heading's number: "3.2 Was tun?"), list item, quotation or bracket.
_OPENING = frozenset('.!?:;\n"„“‚()[]–-•*#>|/')


def casing_table(texts: Iterable[str]) -> dict[str, str]:
    """Folded word -> the spelling the texts mostly use inside sentences ("erstgesprach" ->
    "Erstgespräch", "beraten" -> "beraten", "ki" -> "KI"); the parts of hyphenated words
    count as words too ("SMART-Prinzip": "SMART")."""
    inside: Counter[str] = Counter()  # spellings inside sentences
    later_parts: Counter[str] = Counter()  # hyphenated words starting a unit: their tails
    for text in texts:
        end = 0
        for match in _WORD.finditer(text):
            gap = text[end : match.start()]  # what stands between this word and the last
            end = match.end()
            if not match.start() or (gap != " " and not _OPENING.isdisjoint(gap)):
                if "-" in match.group():  # a capital at the start of a unit says nothing
                    later_parts[match.group()] += 1
            else:
                inside[match.group()] += 1
    spellings: dict[str, Counter[str]] = {}

    def add(spelling: str, n: int) -> None:
        spellings.setdefault(fold(spelling), Counter())[spelling] += n

    for word, n in inside.items():
        add(word, n)
        for part in word.split("-") if "-" in word else ():
            add(part, n)
    for word, n in later_parts.items():
        for part in word.split("-")[1:]:
            add(part, n)
    return {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}


def looks_lowercased(question: str) -> bool:
    """Whether ``question`` has no capitalised word after its first (all-caps ones aside)."""
    words = _WORD.findall(question)
    return not any(w[:1].isupper() and not w.isupper() for w in words[1:])


# Endings only nouns have (Beratung, Gelegenheit, Gemeinschaft, Integration, Qualität,
# Zeugnis, Neuling, Mädchen): a word the documents lack that ends so is a noun.
_NOUN_ENDING = re.compile(r"(ung|heit|keit|schaft|tion|tät|nis|ling|chen)(en|se|e|s)?$")


# Adjective and participle endings: "ehrenamtlichen", "jugendliche", "geflüchtete",
# "neuzugewanderte". Documents write such words capitalised where they are nouns ("die
# Ehrenamtlichen"); right before a noun they are adjectives and stay lower case.
_ADJECTIVE_ENDING = re.compile(r"(lich|isch|ig|iert|et|ert|end)(e|en|er|es|em)$")


# Umlauts written out, as on a keyboard without them ("Schueler", "fuer", "Foerderung").
_WRITTEN_OUT = re.compile(r"([aouAOU]e)")
_UMLAUTS = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}


def _umlaut(pair: str) -> str:
    """The umlaut a written-out pair stands for ("ue" -> "ü", "Ue" -> "Ü")."""
    return _UMLAUTS[pair[0]]


SLIP_LENGTH = 7  # shorter words have too many neighbours one slip away
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_slip(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away from
    ``word`` (lower-case, umlauts folded)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in _LETTERS if c != b[0]}
    added = {a + c + b for a, b in splits for c in _LETTERS}
    return (dropped | swapped | changed | added) - {word}


def _has_umlauts_of(spelling: str, candidate: str) -> bool:
    """Whether the documents' ``spelling`` has an umlaut wherever ``candidate`` has one (the
    two fold to the same word: "neun" has none where "neün" has its "ü")."""
    return len(spelling) == len(candidate) and all(
        a.lower() == b.lower() for a, b in zip(spelling, candidate, strict=True) if b in "äöüÄÖÜ"
    )


def written_out(question: str) -> bool:
    """Whether ``question`` may write an umlaut out ("ue" for "ü")."""
    return bool(_WRITTEN_OUT.search(question))


class Casing:
    """Reads a question as the documents write it (``respell``): umlauts restored, a slip
    mended, and, when it was typed in lower case, the documents' capitals (``truecase``).

    A word the documents have takes their usual spelling, except that an adjective ending
    before a capitalised word stays lower case ("die ehrenamtlichen Sprachmittler"). A word
    they lack is capitalised when its ending makes it a noun ("wartezeitmessung") or when it
    is a compound whose last part the documents capitalise ("lehrwerke": "Werke"), as German
    compounds take the word class of their last part. Function words and other words (a
    verb the documents lack may share its stem with a noun: "kriegen", "Krieg") stay as
    typed.
    """

    def __init__(
        self,
        table: Mapping[str, str],
        splitter: Callable[[str], tuple[str, ...]],
        knows: Callable[[str], bool] | None = None,
        frequency: Callable[[str], int] | None = None,
    ):
        self._words = table
        self._split = splitter
        self._knows = knows  # whether the documents know a word (any form, or its parts)
        self._frequency = frequency or (lambda word: 0)  # in how many passages it occurs

    def respell(self, question: str) -> str:
        """``question`` as the documents write it: umlauts where it writes them out and the
        documents know the word only with the umlaut ("Schueler", "fuer"), a typing slip in
        a long word they lack mended ("Erstbeatung"), then with capitals (``truecase``)."""
        lowercased = looks_lowercased(question)
        question = _WORD.sub(lambda m: self._mended(m.group(), lowercased), question)
        return self._capitalised(question) if lowercased else question

    def _mended(self, word: str, lowercased: bool) -> str:
        restored = self._umlauts(word) if written_out(word) else word
        if restored != word or not (lowercased or word[:1].isupper()):
            return restored
        mended = self._slip(word)
        # in a lower-case question, capitals are set afterwards (adjectives stay lower case)
        return mended.lower() if lowercased and mended != word else mended

    def _slip(self, word: str) -> str:
        """The noun or name one typing slip away (a letter dropped, added, changed or two
        swapped) that the documents use, in most passages; only for long words the
        documents lack in every form, where a slip is likelier than a new word. Verbs are
        left alone: a common one the documents lack ("bekommen") is one slip from another
        ("gekommen")."""
        if self._knows is None or len(word) < SLIP_LENGTH or not word.isalpha():
            return word
        folded = fold(word)
        if folded in self._words or self._knows(word):
            return word
        # the first letter is kept: slips there are rare, and a name one letter off at the
        # start is another place ("Uttenweiler" is no "Attenweiler")
        near = sorted(
            c
            for c in _one_slip(folded)
            if c[:1] == folded[:1] and self._words.get(c, "")[:1].isupper()
        )
        if not near:
            return word
        return self._words[max(near, key=self._frequency)]

    def _umlauts(self, word: str) -> str:
        pieces = _WRITTEN_OUT.split(word)  # odd places: the written-out pairs
        pairs = len(pieces) // 2
        if not pairs or pairs > 3 or fold(word) in self._words:
            return word
        for choice in product((True, False), repeat=pairs):  # all pairs as umlauts first
            candidate = "".join(
                _umlaut(piece) if i % 2 and choice[i // 2] else piece
                for i, piece in enumerate(pieces)
            )
            # the documents must write the umlaut: "neuen" is no "neün" because they have
            # "neun" (folded alike)
            spelled = self._words.get(fold(candidate), "")
            if candidate != word and _has_umlauts_of(spelled, candidate):
                return candidate
        return word

    def truecase(self, question: str) -> str:
        """``question`` with capitals when it looks typed in lower case, else unchanged."""
        return self._capitalised(question) if looks_lowercased(question) else question

    def _capitalised(self, question: str) -> str:
        matches = list(_WORD.finditer(question))
        spelled = [self._spell(m.group()) for m in matches]
        pieces, last = [], 0
        for i, match in enumerate(matches):
            word = spelled[i]
            following = spelled[i + 1] if i + 1 < len(matches) else ""
            between = question[match.end() : matches[i + 1].start()] if following else ""
            if (
                word != match.group()
                and _ADJECTIVE_ENDING.search(match.group())
                and following[:1].isupper()
                and not between.strip()
            ):
                word = match.group()
            pieces += [question[last : match.start()], word]
            last = match.end()
        cased = "".join(pieces) + question[last:]
        return cased[:1].upper() + cased[1:]

    def _spell(self, word: str) -> str:
        if not word.islower() or word in stopwords():
            return word
        folded = fold(word)
        known = self._words.get(folded)
        if known:
            if known.lower() == word:
                return known
            return word[:1].upper() + word[1:] if known[:1].isupper() else word
        if "-" in word:
            return "-".join(self._spell(part) for part in word.split("-"))
        head = self._split(folded)[-1]
        compound = head != folded and head not in stopwords()
        if _NOUN_ENDING.search(folded) or (compound and self._words.get(head, "")[:1].isupper()):
            return word[:1].upper() + word[1:]
        return word
