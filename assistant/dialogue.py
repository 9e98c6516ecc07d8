"""Understanding a question in its conversation, without a language model (pure).

* (``assistant.places``) which municipalities a question names;
* whether it compares municipalities ("Wie regeln die drei Kommunen ...?");
* follow-up turns ("Und wie macht das der Kreis?") rewritten into a standalone query from
  the earlier turns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .german import content_words, fold, nouns, tokenize
from .places import Municipalities
from .question import QUESTION_PREPOSITION, QUESTION_WORDS, year_mentions

__all__ = [
    "Municipalities",
    "is_comparison",
    "question_clauses",
    "question_parts",
    "rewrite_followup",
    "topic_of",
]

_CLAUSE_WORDS = 3  # a question of its own has a verb and what it asks about
# ", und wie viele …", "und wer …", ", und ab welchem Alter …": a second question joined to
# the first
_NEXT_QUESTION = re.compile(
    rf",?\s+(?:und|sowie)\s+(?=(?:{QUESTION_PREPOSITION}\s+)?{QUESTION_WORDS})", re.IGNORECASE
)
# Prepositions (folded) a question that leaves out its middle resumes with ("und wie viele
# in …")
_GAP_OPENERS = frozenset(
    {"in", "im", "an", "am", "auf", "aus", "bei", "beim", "fur", "mit", "nach", "von", "vom",
     "zu", "zum", "zur"}
)  # fmt: skip
# ... or articles ("und wer | die Grundschule in Weilbach")
_GAP_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})

# The noun a question asks for ("Wie viele Einwohner …", "In welcher Schule …"): the
# answer of the first question, not context of the next one
_ASKED_NOUN = re.compile(
    r"\s*(?:(?i:[a-zäöü]+)\s+)?(?i:wie\s+viele?n?|welche[mnrs]?)\s+(?:[a-zäöüß]\w*\s+)?"
    r"([A-ZÄÖÜ][\w-]*)"
)

# Words (folded) by which a later question points back to what the first one asked for
_POINTING_BACK = frozenset(
    {"sie", "er", "ihn", "ihnen", "ihre", "davon", "dafur", "dazu", "diese", "dieser",
     "dieses", "diesen", "denen", "deren"}
)  # fmt: skip

_COMPARISON = re.compile(
    r"\b(vergleich\w*|unterschied\w*|unterscheid\w*|jeweils|gemeinsam\w*\s+haben|"
    r"(alle|die|den|der)\s+(drei|beiden)\s+(kommunen|städte|konzepte)|alle\s+kommunen|"
    r"jede\s+kommune|welche\s+kommunen?|in\s+welcher\s+kommune|wo\s+überall|"
    r"kommunen\s+im\s+vergleich|(in\s+)?(die|den)\s+(drei\s+)?kommunen|"
    r"(die|den|der)\s+(drei|beiden)?\s*städte)\b",
    re.IGNORECASE,
)
_FOLLOWUP_START = re.compile(
    r"^(und|aber|auch|sowie|bzw\.?|was\s+ist\s+mit|wie\s+ist\s+(es|das)|wie\s+sieht\s+(es|das)|"
    r"gilt\s+das|ist\s+das|und\s+was|und\s+wie|und\s+wer|und\s+wo|und\s+wann)\b",
    re.IGNORECASE,
)
_REFERENCES = {
    "das",
    "dies",
    "dieses",
    "diese",
    "dieser",
    "diesem",
    "dort",
    "dabei",
    "dafür",
    "davon",
    "dazu",
    "darüber",
    "damit",
    "es",
    "sie",
    "ihn",
    "ihr",
    "denen",
    "derselbe",
    "dasselbe",
}
_SHORT_TURN = 3  # topic words of a turn that goes on where the previous one was
_COMPARISON_WORDS = {
    "vergleich",
    "vergleichen",
    "unterschied",
    "unterschiede",
    "unterscheiden",
    "jeweils",
    "drei",
    "beiden",
    "kommunen",
    "städte",
    "konzepte",
    "alle",
    "jede",
    "kommune",
    "überall",
}


def is_comparison(question: str, mentioned: Sequence[str], places: Sequence[str] = ()) -> bool:
    """Whether the question compares municipalities (cue words, or two or more named).

    "jeweils" alone compares nothing in a question about one place (``mentioned`` and
    ``places`` other than municipalities of the index) that joins no two phrases:
    "Welchen Betrag bekommen die Schulen in Feldau jeweils?" gives each school its amount,
    while "… die Trierer Klassen und die Feldauer Mittler jeweils?" compares two places,
    though only one is known as one."""
    if len(mentioned) >= 2:
        return True
    cues = [m.group(1).lower() for m in _COMPARISON.finditer(question)]
    if not cues:
        return False
    one_place = len(mentioned) + len(places) == 1 and not _JOINED.search(question)
    return not one_place or any(cue != "jeweils" for cue in cues)


# Two phrases joined ("in Feldau und an der Schule in Wendau"); not the parts of compounds
# that share their last part ("Kinder- und Jugendgruppen")
_JOINED = re.compile(r"(?<!-)\s(?:und|sowie|oder|bzw\.|beziehungsweise)\s", re.IGNORECASE)


def question_clauses(question: str) -> list[str]:
    """The questions a message joins with "und" ("Wie viele … in Feldau, und wie viele … im
    Kreis Wendau?"), each as a question of its own; the message alone when it joins none.

    A later question that leaves out what the first one says ("Wie viele Schüler sind in der
    Vorbereitungsklasse in Feldau und wie viele in der Willkommensklasse in Weilbach?")
    gets it from the first, and a word both share that only the later one says at its end
    ("Welche Stelle ist für Feldau und welche für Weilbach zuständig?") goes to the first
    one too."""
    pieces = [p.strip().rstrip("?").strip() for p in _NEXT_QUESTION.split(question.strip())]
    if len(pieces) < 2 or any(len(p.split()) < _CLAUSE_WORDS for p in pieces):
        return [question]  # "Wo und wann findet sie statt?" is one question
    first = pieces[0].split()
    for i, piece in enumerate(pieces[1:], start=1):
        gapped = _gap(first, piece.split())
        if gapped is not None:
            start, rest = gapped
            pieces[i] = " ".join(first[:start] + rest)
            pieces[0] = " ".join(first + _raised(first[start:], rest))
    return [f"{p[:1].upper()}{p[1:]}?" for p in pieces]


def question_parts(question: str) -> list[tuple[str, str]]:
    """The questions of a message that asks several things ("Wie viele Monate …, und wann
    ist …?"), each as asked and as it can stand alone: a later one gets, in brackets, the
    nouns and years of the first that it does not say itself ("Wie lange dürfen sie in der
    Gruppe bleiben? (Jugendliche Lateinschrift Haldenberg)"); the message alone when it
    asks one thing."""
    clauses = question_clauses(question)
    parts = [(clauses[0], clauses[0])]
    asked = _ASKED_NOUN.match(clauses[0])
    # a year of the first question holds for the message ("2030 …, und wo …?")
    context = list(dict.fromkeys(nouns(clauses[0], folded=False) + year_mentions(clauses[0])))
    for clause in clauses[1:]:
        own = {fold(token) for token in tokenize(clause)}
        # what the first question asks for is context only when the later one points back
        # to it ("… Vorbereitungsklassen …, und wie groß sind sie?")
        skipped = asked.group(1) if asked and not own & _POINTING_BACK else ""
        lacking = [n for n in context if fold(n) not in own and n != skipped]
        parts.append((clause, f"{clause} ({' '.join(lacking)})" if lacking else clause))
    return parts


def _gap(first: list[str], later: list[str]) -> tuple[int, list[str]] | None:
    """Where ``later`` resumes ``first`` after leaving out its middle: it opens with the same
    question words and then a preposition or article the first question has too ("wie
    viele | in der Willkommensklasse …" after "Wie viele Schüler sind | in der …", "wer |
    die Grundschule in Weilbach" after "Wer leitet | die Grundschule in Feldau"), or
    another preposition, which resumes at the first one's first ("wie viele | im ganzen
    Kreis" after "Wie viele Klassen gibt es | an der Schule in Feldau"). None when
    ``later`` says all it asks ("und wie viele Kinder warten …")."""
    opening = 2 if fold(first[0]) == "wie" else 1  # "wie viele", "wie lange"; "welche"
    if len(later) <= opening or len(first) <= opening:
        return None
    if [fold(w) for w in later[:opening]] != [fold(w) for w in first[:opening]]:
        return None
    resumes = fold(later[opening])
    if resumes not in _GAP_OPENERS and resumes not in _GAP_ARTICLES:
        return None
    for start in range(opening + 1, len(first)):
        if fold(first[start]) == resumes:
            return start, later[opening:]
    if resumes in _GAP_OPENERS:
        for start in range(opening + 1, len(first)):
            if fold(first[start]) in _GAP_OPENERS:
                return start, later[opening:]
    return None


def _raised(own: list[str], later: list[str]) -> list[str]:
    """The lower-case words ``later`` has after its last name that ``own`` lacks ("… für
    Weilbach zuständig" gives "zuständig" to "… für Feldau"), when ``own`` ends in a name."""
    if not own or not own[-1][:1].isupper():
        return []
    names = [i for i, word in enumerate(later) if word[:1].isupper()]
    if not names:
        return []
    tail = later[names[-1] + 1 :]
    return tail if all(w[:1].islower() for w in tail) else []


def topic_of(question: str, municipalities: Municipalities) -> str:
    """The question without municipality names and comparison cue words."""
    words = municipalities.strip(question).split()
    return " ".join(w for w in words if fold(w.strip("?,.!")) not in _COMPARISON_WORDS)


def rewrite_followup(question: str, history: Sequence[str], municipalities: Municipalities) -> str:
    """A standalone query for a follow-up turn, or "" when the turn stands on its own.

    The previous turn (itself rewritten first) gives the topic; municipalities the new turn
    names replace the ones named before.
    """
    if not history:
        return ""
    previous = history[-1]
    earlier = rewrite_followup(previous, history[:-1], municipalities)
    previous = earlier or previous
    if not _is_followup(question, municipalities) and not _continues(
        question, previous, municipalities
    ):
        return ""
    named = municipalities.mentioned(question) + municipalities.places_mentioned(question)
    base = _without_places(municipalities.strip(previous), municipalities) if named else previous
    own = _own_words(question, municipalities)
    parts = [own, base] if own else [base]
    if named:
        parts.append(" ".join(named))
    return " – ".join(p for p in parts if p)


def _without_places(text: str, municipalities: Municipalities) -> str:
    named = {fold(p) for p in municipalities.places_mentioned(text)}
    return " ".join(w for w in text.split() if fold(w.strip("?,.!;:")) not in named)


def _is_followup(question: str, municipalities: Municipalities) -> bool:
    if _FOLLOWUP_START.match(question.strip()):
        return True
    raw = tokenize(question)
    topic = [w for w in content_words(municipalities.strip(question))]
    refers = any(
        _refers(word, raw[i + 1] if i + 1 < len(raw) else "") for i, word in enumerate(raw)
    )
    return len(topic) <= 1 or (refers and len(topic) <= 3)


def _continues(question: str, previous: str, municipalities: Municipalities) -> bool:
    """A short turn that names no place after one that did ("Wo findet der Unterricht
    statt?" after a question on Kesselbrück) goes on in the previous turn's place."""
    if _named(question, municipalities) or not _named(previous, municipalities):
        return False
    return len(content_words(municipalities.strip(question))) <= _SHORT_TURN


def _named(text: str, municipalities: Municipalities) -> bool:
    return bool(municipalities.mentioned(text) or municipalities.places_mentioned(text))


def _refers(word: str, following: str) -> bool:
    """A word that points back to the previous turn; "das" before a noun is an article
    ("für das Erstgespräch"), while "diese Frist" still points back."""
    if fold(word) == "das" and following[:1].isupper():
        return False
    return fold(word) in _REFERENCES


def _own_words(question: str, municipalities: Municipalities) -> str:
    """What the follow-up adds beyond names and references ("Wie lange dauert das dort?")."""
    text = _FOLLOWUP_START.sub("", municipalities.strip(question).strip()).strip(" ,")
    words = [w for w in text.split() if fold(w.strip("?,.!")) not in _REFERENCES]
    return " ".join(words) if content_words(" ".join(words)) else ""
