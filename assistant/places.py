"""Places in questions: the municipalities of the index, and other places a question names.

A municipality of the index ("Stadt Haldenberg") is named by its distinctive word
("Haldenberg", "Haldenberger Lotsen") or, when the index has exactly one Kreis, by "der
Kreis". A type word in front of the name must fit: "Regierungsbezirk Münster" does not name
"Stadt Münster", and "Kreis Feldau" does not name "Stadt Feldau".

Real names come in more shapes than "Stadt X": hyphenated ("Kreis Minden-Lübbecke"), a
compound with the type word ("Ennepe-Ruhr-Kreis") or an adjective before it ("Märkischer
Kreis", "im Märkischen Kreis"); ``typed_names`` reads all of them.

Any other place the question names ("in Hohenfurt", "im Regierungsbezirk Arnsberg", "die
Hohenfurter Schulen") is returned as a place the evidence must mention, so that an answer
about one municipality is never passed off as the answer for another (pure module).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import NamedTuple

from .gazetteer import ONE_WORD_KREISE, is_land_outside_nrw, is_place_outside_nrw
from .german import MONTHS, fold, stem, stopwords, tokenize, transliterate
from .nrw import KREIS_NAMED_TOWNS, KREISFREIE_STAEDTE, TOWNS, UNAMBIGUOUS, names_pattern
from .sentences import MUNICIPAL_ABBREVIATIONS

__all__ = [
    "INSTITUTION",
    "NOT_NAME_SUFFIXES",
    "Municipalities",
    "NameUse",
    "TypedName",
    "bare_name",
    "coordinated",
    "distinctive_words",
    "is_one_word_kreis",
    "listed_with",
    "mention_names",
    "municipality_type",
    "narrowed",
    "noun_stems",
    "other_places",
    "place_names",
    "place_type_words",
    "same_municipality",
    "state_towns",
    "strip_places",
    "type_words_before_names",
    "typed_names",
]

# Words that state what kind of administrative unit a name denotes.
_MUNICIPAL_TYPES = {
    "stadt": "stadt",
    "kreisstadt": "stadt",
    "hansestadt": "stadt",
    "landeshauptstadt": "stadt",
    "großstadt": "stadt",
    "grossstadt": "stadt",
    "gemeinde": "gemeinde",
    "kreis": "kreis",
    "landkreis": "kreis",
    "städteregion": "kreis",
    "stadteregion": "kreis",
    **MUNICIPAL_ABBREVIATIONS,
}
# The region words of a part of a town: before a name the index holds without a type word,
# they name that municipality ("im Bezirk Lindenau" when the documents are a district's own);
# the others name a larger area ("im Regierungsbezirk Münster" is not the Stadt Münster)
_DISTRICT_TYPES = frozenset({"bezirk", "stadtbezirk", "stadtteil", "ortsteil"})
_REGION_TYPES = {
    *_DISTRICT_TYPES,
    "regierungsbezirk",
    "bezirksregierung",
    "region",
    "planungsregion",
    "land",
    "bundesland",
    "bistum",
    "erzbistum",
    "landschaftsverband",
    "schulamtsbezirk",  # "im Schulamtsbezirk Kitzingen": a school authority's area
    "kanton",  # a Swiss canton ("im Kanton Zürich")
}
_PREFIX = 3  # letters by which a word finds the aliases it may start with
_SHORT_NAME = 4  # a distinctive word of a name has at least so many letters
# words of a name that name nothing alone ("Mülheim an der Ruhr", "Sankt Augustin")
_GENERIC = {"der", "des", "die", "an", "am", "im", "in", "ruhr", "main", "rhein", "sankt"}
_DEFINITE = {"der", "dem", "den", "des", "im", "vom", "beim", "zum", "unser", "unserem"}
_PLACE_PREPOSITIONS = {"in", "aus", "nach", "bei"}
# A question asks about a place "in/aus/nach X"; "bei X" is a circumstance ("bei
# Sprachproblemen", "bei Schulwechsel") far more often than a place.
_ASKED_PLACE_PREPOSITIONS = _PLACE_PREPOSITIONS - {"bei"}
_ARTICLES = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "eines", "einer", "einem"}
# After these a capitalised word is a noun, not a town's name ("die Weide", "pro Weide")
_NOUN_BEFORE = _ARTICLES | {"pro", "je", "zum", "beim", "vom", "ins", "kein", "keine", "keinen"}
# A capital letter inside a word: a name written in camel case ("JobCenter", "KoBiZ")
_CAMEL_CASE = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
# An unknown word after "in" followed by a genitive is a noun ("in Trägerschaft des Kreises",
# "in Begleitung einer Lehrkraft"); followed by any other article it is a place the clause
# goes on from ("wurde in Chemnitz eine Stelle eingerichtet", "besuchen in Gera die Kurse")
_GENITIVE_ARTICLES = {"der", "des", "eines", "einer"}
# Words a noun follows, not a name: articles, determiners, possessives, quantifiers
_DETERMINERS = (
    _ARTICLES
    | {
        stem + ending
        for stems, endings in (
            (("kein", "ihr", "sein"), ("", "e", "en", "em", "er", "es")),
            (("welch", "dies", "jed"), ("e", "en", "em", "er", "es")),
            (("unser",), ("", "e", "en", "em", "er")),
        )
        for stem in stems
        for ending in endings
    }
    | {"einen", "alle", "allen", "viele", "vielen", "einige", "mehrere", "beide", "beiden"}
    | {"zum", "zur", "vom", "beim", "am"}
)
# ... and the possessives that start a genitive ("nach Prüfung ihrer Sprachkenntnisse")
_GENITIVE_WORDS = _GENITIVE_ARTICLES | {"ihrer", "ihres", "seiner", "seines", "unserer", "unseres"}
# An office or school a place's name follows: "Volkshochschule Ludwigshafen", "Schulamt
# Fulda", "des Berufsschulzentrums Friedrichshafen"
INSTITUTION = (
    r"(?:[A-ZÄÖÜ][\wäöüß-]*)?(?i:schulen?|gymnasium|amt|ämter|zentrum|büro|verwaltung|"
    r"universität|kolleg|agentur|behörde)(?:e?s)?"
)
# The other side of a comparison: "im Vergleich zu X", "verglichen mit X", "anders als X",
# "im Unterschied zu X", "gegenüber X".
_COMPARED_BY = ("vergleich", "verglichen", "anders", "unterschied")
_COMPARED_WITH = {"zu", "mit", "als"}
# Lower-case words a name may follow without becoming a noun ("für Düsseldorf und Herne").
_BEFORE_NAMES = _PLACE_PREPOSITIONS | {"von", "für", "zu", "zwischen", "und", "oder", "sowie"}
# A capitalised word inside a sentence, with the word before it.
# (A lookahead, so that "das Schulamt Düsselbrück" yields both pairs.)
# A capitalised word and the word before it; not the first part of compounds written short
# ("das Wendau- und das Börde-Berufskolleg": "Wendau-" is no noun of its own)
_BARE = re.compile(
    r"\b([A-Za-zÄÖÜäöüß]+) (?=([A-ZÄÖÜ][a-zäöüß]{3,}(?:-[A-ZÄÖÜ][a-zäöüß]+)*)\b(?!-))"
)
# "Mülheim an der Ruhr", "Frankfurt am Main", "Bad Honnef", "Sankt Augustin"; not "Stadt Rheine
# im Dezember", "… am Montag".
_NOT_AFTER_AM = "|".join((*MONTHS, "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"))
# the first word of a place's name ("Bad Kreuznach", "St. Ingbert")
_NAME_PREFIXES = ("Bad", "Sankt", "St", "Herzogtum")
_PREFIX_WORD = "|".join(rf"{p}\." if p == "St" else p for p in _NAME_PREFIXES)
_NAME = (
    # an adjective opens a name of two words ("Bergisch Gladbach", "Schwäbisch Hall",
    # "Landkreis Mecklenburgische Seenplatte", "Landkreis Westliche Wendau"): it is
    # never a name alone; nor is a prefix ("Bad Honnef", "St. Ingbert", the "Herzogtum" of
    # the "Kreis Herzogtum Lauenburg")
    rf"(?:(?:{_PREFIX_WORD}|[A-ZÄÖÜ][a-zäöüß]+(?:isch|lich)(?:e|en)?(?=\s+[A-ZÄÖÜ]))\s+)?"
    r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
    rf"(?:\s+(?:an\s+der|am(?!\s+(?:{_NOT_AFTER_AM})\b)|ob\s+der)\s+[A-ZÄÖÜ][a-zäöüß]+)?"
)
# The name follows its type word on the same line or the next, never across a blank line
# ("Acht Sprachlernklassen in der Stadt\n\nDie acht …"), and is no article or pronoun.
_NOT_A_NAME = (
    r"(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Eines|Einem|Er|Sie|Es|Wir|Ihr|Dies|Diese|"
    r"Dieser|Dieses|Dort|Hier|Und|Auch|Im|In|Am|An|Auf|Aus|Bei|Mit|Nach|Von|Vom|Zum|Zur|Für)"
)
_TYPED = re.compile(
    r"(?<!-)\b(Stadt|Kreisstadt|Hansestadt|Landeshauptstadt|Gemeinde|Kreis|Landkreis|"
    rf"Städte[Rr]egion)(?:es|s)?(?=\s)[ \t]*\n?[ \t]*(?!{_NOT_A_NAME}\b)(" + _NAME + r")"
    # a whole word: "in jeder kreisfreien Stadt DaZ-Zentren" names no "Da", and a name glued
    # to the next word by a page's extraction ("Landeshauptstadt HannoverDrucksachen") no
    # "Hannove"
    r"(?![A-ZÄÖÜa-zäöüß])"
)
# Kreise whose name holds the type word: "Ennepe-Ruhr-Kreis(es)", "Märkischer/-n Kreis(es)";
# one part before "-Kreis" is no name alone but leads the name after it ("Rhein-Kreis Neuss").
_PART = r"[A-ZÄÖÜ][a-zäöüß]+"
_COMPOUND_KREIS = re.compile(rf"\b((?:{_PART}-)+)Kreis(?:es)?\b")
# on the same line: the next line's first word opens a sentence ("des Saarpfalz-Kreises\n
# Für die Anmeldung …")
_NAME_AFTER = re.compile(rf"[ \t\u00a0]+({_PART})\b")
_LEADING_KREIS = re.compile(r"[a-z]+-kreis(?:es)?")  # folded
# Kreise whose one-word name ends in the type word ("Hochsauerlandkreis", "im
# Burgenlandkreis"); a pattern for any "…kreis" would take every "Arbeitskreis" for one.
_ONE_WORD_KREIS = re.compile(
    r"\b("
    + "|".join(n for n in UNAMBIGUOUS if " " not in n and "-" not in n and n.endswith("kreis"))
    + "|"
    + "|".join(ONE_WORD_KREISE)
    + r")(?:es)?\b"
)
_ADJECTIVE_KREIS = re.compile(rf"\b({_PART}(?:-{_PART})*isch)(?:e[nrms]?)\s+Kreis(?:es)?\b")
_ADJECTIVE_ENDING = re.compile(r"isch(?:e[nrms]?)$")  # "markischer" is named by "markisch…"
# "Kreis" right after such an adjective ends that Kreis's name ("der Märkische Kreis Anfang
# 2015"): the word after it is no name of its own.
_CLOSES_ADJECTIVE_NAME = re.compile(rf"\b{_PART}(?:-{_PART})*isch(?:e[nrms]?)\s+$")
_CANONICAL_TYPE = {
    "Kreisstadt": "Stadt",
    "Hansestadt": "Stadt",
    "Landeshauptstadt": "Stadt",
    "Landkreis": "Kreis",
    "Städteregion": "StädteRegion",  # as the StädteRegion Aachen spells itself
}
# A capitalised word after a type word that is an ordinary noun, not a name ("Stadtverwaltung").
NOT_NAME_SUFFIXES = ("ung", "heit", "keit", "schaft", "ität", "amt", "rat", "verwaltung")
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W\d_][^\W_]*)*")


def municipality_type(name: str) -> str:
    """The kind of municipality a name states ("stadt", "kreis", "gemeinde"; "" if none):
    by its first word, or a last word "Kreis" ("Ennepe-Ruhr-Kreis", "Märkischer Kreis")."""
    words = tokenize(name)
    if not words:
        return ""
    return _MUNICIPAL_TYPES.get(fold(words[0]), "") or (
        "kreis" if len(words) > 1 and fold(words[-1]) == "kreis" else ""
    )


def is_one_word_kreis(name: str) -> bool:
    """A Kreis whose one-word name ends in its type word ("Hochsauerlandkreis"), as a
    municipality's name (a Kommune value); in running text only the listed ones count
    (``_ONE_WORD_KREIS``: those of NRW and ``gazetteer.ONE_WORD_KREISE``), so that an
    "Arbeitskreis" is none."""
    folded = fold(name.strip())
    return " " not in folded and folded.endswith("kreis") and len(folded) > len("kreis")


_CONNECTORS = frozenset({"und", "oder", "sowie", "bzw"})
_PREPOSITIONS = frozenset({"in", "im", "fur", "von", "vom", "bei", "aus", "zwischen"})
# ... and the words an adjective before a noun follows ("für die neue Stelle")
_BEFORE_ADJECTIVE = _DETERMINERS | _PREPOSITIONS
# Lower-case words of a phrase that names a place: "am Berufskolleg Meschede", "in der
# Klasse der Gesamtschule in Waldbröl"
_PHRASE_WORDS = frozenset(
    {*_PREPOSITIONS, *_ARTICLES, "am", "an", "zum", "zur", "beim", "auf", "jeweils"}
)


def _placing_land(words: list[str], named: set[int]) -> set[int]:
    """The "in Sachsen" after a name that it places ("Neustadt in Sachsen"): part of the
    name, not a Land the question asks about."""
    return {
        i + k
        for i in named
        if i + 2 < len(words)
        and _clean(words[i + 1]) == "in"
        and is_land_outside_nrw(_clean(words[i + 2]))
        for k in (1, 2)
    }


def _dangling(words: list[str], named: set[int]) -> set[int]:
    """Words left without their names: the "und" of "Haldenberg, Kesselbrück und Ostwaldau",
    the "in" of "in Haldenberg" (a name is removed with its list and its preposition)."""
    result: set[int] = set()
    for i, raw in enumerate(words):
        word = _clean(raw)
        joins = word in _CONNECTORS and (i - 1 in named or i + 1 in named)
        if joins or (word in _PREPOSITIONS and i + 1 in named):
            result.add(i)
    return result


# Words that may stand between two coordinated names besides the connector: "in Offenbach
# und in der Stadt Freiburg", "für Hamm sowie für den Kreis Unna"
_BETWEEN_NAMES = frozenset({*_PREPOSITIONS, *_ARTICLES, "auch", *_MUNICIPAL_TYPES})


_PARENTHESIS = re.compile(r"\([^()]*\)")


def coordinated(text: str, names: Sequence[str]) -> bool:
    """Whether ``text`` joins two of ``names`` as a pair ("in Offenbach und in Freiburg",
    "Hamm, Unna oder Soest"): then it asks about each of them, not about a passage that
    names both. A name is matched by its distinctive words (``mention_names``)."""
    forms = _name_forms(names)
    # a bracketed aside stands between a name and its connector ("in Freiburg (Grundschule)
    # und in München (Übergangsklassen)"), not between the names
    words = _PARENTHESIS.sub(" ", text).split()
    positions = [  # (word index, name index)
        (i, j) for i, raw in enumerate(words) if (j := _named_by(raw, forms)) is not None
    ]
    for (i, a), (k, b) in pairwise(positions):
        between = [_clean(w) for w in words[i + 1 : k]]
        joined = words[i].endswith(",") or any(w in _CONNECTORS for w in between)
        if a != b and joined and all(w in _CONNECTORS or w in _BETWEEN_NAMES for w in between):
            return True
        if a != b and _joined_phrases(words[i : k + 1]):
            return True
    return False


def listed_with(text: str, places: Sequence[str], noun: Callable[[str], bool]) -> tuple[str, ...]:
    """The names a question lists as equals of one of ``places`` ("in Feldau, Wendau und
    Lindenau", "in Lindenau und in Wendau", "Wann haben Wendau und die Stadt Feldau …?")
    that are not among them: a list's members are of one kind, so a capitalised word listed
    with a place is a place too, unless the documents use it as a noun (``noun``: "in Feldau
    und Umgebung", "in Kitas und Schulen"), it ends like one (``NOT_NAME_SUFFIXES``, the
    plurals of ``_GROUP_PLURALS``) or it is an abbreviation.
    A name that goes on after "am"/"an" ("Frankfurt am Main") is no member of its own."""
    if not places:
        return ()
    forms = _name_forms(places)
    plain = _PARENTHESIS.sub(" ", text)  # an aside between two members joins nothing
    spans = list(_WORD.finditer(plain))
    members = [
        i
        for i, span in enumerate(spans)
        if i > 0
        and span.group()[:1].isupper()
        and not _type_word(span.group())
        and fold(spans[i - 1].group()) not in _NAME_GOES_ON
        # a thing placed by a name of its own ("in der Willkommensklasse in Wendau") is none
        and not _PLACED_AFTER.match(plain, span.end())
    ]
    lists: list[list[int]] = []
    for a, b in pairwise(members):
        if not _list_gap(plain[spans[a].end() : spans[b].start()]):
            continue
        if lists and lists[-1][-1] == a:
            lists[-1].append(b)
        else:
            lists.append([a, b])
    found: list[str] = []
    for listed in lists:
        words = [spans[i].group() for i in listed]
        if all(_named_by(w, forms) is None for w in words):
            continue  # no place among them: "Kinder und Jugendliche"
        for word in words:
            folded = fold(word)
            if (
                _named_by(word, forms) is None
                and not word.isupper()  # an abbreviation ("der GEB"), no town
                and not noun(word)
                and not folded.endswith(NOT_NAME_SUFFIXES + _GROUP_PLURALS)
                and word not in found
            ):
                found.append(word)
    return tuple(found)


_PLACED_AFTER = re.compile(r"\s+(?:in|im|aus|bei)\s+[A-ZÄÖÜ]")


def _list_gap(gap: str) -> bool:
    """Whether what stands between two capitalised words joins them as members of one list:
    a comma or a connector, and besides only the words that open a place's phrase ("und in
    der Stadt", ", im Kreis")."""
    words = [fold(w) for w in _WORD.findall(gap)]
    joined = "," in gap or any(w in _LIST_JOINERS for w in words)
    return joined and all(w in _LIST_JOINERS or w in _BETWEEN_NAMES for w in words)


# Words that end one place's phrase in a list and open the next: "und", "oder", "sowie",
# "bzw."; and the phrases that set one place against another ("im Vergleich zu")
_LIST_JOINERS = frozenset({*_CONNECTORS, "beziehungsweise"})
_SETS_AGAINST = ("vergleich", "verglichen", "gegenuber")
_SET_AGAINST_LEAD = frozenset({"im", "in", "zum"})
_SET_AGAINST_TAIL = frozenset({"zu", "zum", "zur", "mit"})
_ASKING = re.compile(r"(?:wann|wie|wo|wer|was|welche\w*|warum)")
_NAME_GOES_ON = frozenset({"an", "am", "ob"})  # "Mülheim an der Ruhr", "Frankfurt am Main"
# Words that open a place's phrase: "an der Schule in …", "im Landkreis …"; or its article
_OPENERS = _PHRASE_WORDS - {"jeweils"}
_PREPOSITION_LIKE = _OPENERS - _ARTICLES
# How far back the first place's phrase may start ("an der Grundschule in Tettens")
_PHRASE_REACH = 6


def narrowed(text: str, names: Sequence[str]) -> dict[str, str]:
    """Each of ``names`` with a question of its own, when ``text`` lists them in phrases of
    their own ("an der Mittelschule Zirndorf (7üg) und an der Mittelschule Hirschaid (Zahl
    der Schüler …)", "in Alfeld, im Flecken Salzhemmendorf und im Landkreis Lüchow-
    Dannenberg"): the text with the list cut down to that name's phrase, so that what the
    question says of one place is not asked of the others. {} when the names stand in no
    such list (each once, outside brackets, joined by commas, "und", "oder", "sowie",
    "bzw." or "im Vergleich zu")."""
    words = text.split()
    bracketed = _bracketed(words)
    forms = _name_forms(names)
    positions: dict[int, int] = {}  # name index -> word index
    adjective: set[int] = set()  # word indexes of names used as adjectives ("Jüterboger")
    previous: int | None = None  # the name the word before named
    for i, raw in enumerate(words):
        j = None if bracketed[i] else _named_by(raw, forms)
        following, previous = j == previous, j
        if j is None:
            continue
        if j in positions:
            if not following:
                return {}  # a name twice
            positions[j] = i  # a name of several words ("Schwäbisch Gmünd"): its last word
            continue
        positions[j] = i
        cleaned = _clean(raw)
        if cleaned not in forms[j] and cleaned.endswith("er"):
            adjective.add(i)
    if len(names) < 2 or len(positions) != len(names):
        return {}
    order = sorted(positions.values())
    cuts = [_list_cut(words, bracketed, a, b) for a, b in pairwise(order)]
    if any(cut is None for cut in cuts):
        return {}
    ends = [cut[0] for cut in cuts if cut]
    starts = [cut[1] for cut in cuts if cut]
    name_words = {fold(w) for name in names for w in tokenize(name)}
    heads = [_noun_groups(words[start:at]) for start, at in zip(starts, order[1:], strict=True)]
    lead = _clean(words[starts[0]])
    if lead in _ARTICLES and any(
        _clean(w).startswith(_SETS_AGAINST) for w in words[ends[0] + 1 : starts[0]]
    ):
        # "… in Güstrow im Vergleich zu den Gruppen in Mölln": the article takes up the
        # first phrase's noun, which the question shares
        lead = ""
    first = _phrase_start(words, order[0], lead, max(heads), name_words)
    trailer = [
        w
        for k, w in enumerate(words[order[0] + 1 : ends[0] + 1])
        if not bracketed[order[0] + 1 + k]
    ]
    last = _phrase_end(words, bracketed, order[-1], order[-1] in adjective, trailer)
    if last is None:
        return {}
    spans = list(zip([first, *starts], [*ends, last], strict=True))
    head, tail = words[:first], words[last + 1 :]
    result: dict[str, str] = {}
    for j, i in positions.items():
        start, end = next(span for span in spans if span[0] <= i <= span[1])
        phrase = [*words[start:end], words[end].rstrip(",")]
        asked = " ".join([*head, *phrase, *tail])
        if text.rstrip().endswith("?") and not asked.endswith("?"):
            asked += "?"
        result[names[j]] = asked
    return result


# A short word with a full stop is an abbreviation, no end of a question: "St. Gilgen"
_ABBREVIATED = re.compile(r"[A-ZÄÖÜ][a-zäöü]{0,2}\.")


def _bracketed(words: list[str]) -> list[bool]:
    """Which words stand inside brackets (an aside: "(7üg)", "(Stand Ende Januar)")."""
    inside, depth = [], 0
    for raw in words:
        inside.append(depth > 0 or raw.startswith("("))
        depth = max(0, depth + raw.count("(") - raw.count(")"))
    return inside


def _list_cut(words: list[str], bracketed: list[bool], a: int, b: int) -> tuple[int, int] | None:
    """Where the phrase of the name at ``a`` ends and that of the name at ``b`` starts: at
    the last joiner between them; None without one, or when a question word follows it ("…
    in Feldau und wie viele in Weilbach" are two questions)."""
    for k in range(b - 1, a - 1, -1):
        if bracketed[k]:
            continue
        if k == a:  # "in Jüterbog, an der Oberschule Brück"
            return (a, a + 1) if words[a].endswith(",") else None
        word = _clean(words[k])
        if _ASKING.fullmatch(word) or (
            words[k].endswith(("?", ";", ".")) and not _ABBREVIATED.fullmatch(words[k])
        ):
            return None
        if word in _LIST_JOINERS and not words[k - 1].endswith("-"):
            # (not the "und" of a compound cut short: "der Grund- und Mittelschulen")
            return k - 1, k + 1
        if word.startswith(_SETS_AGAINST):
            lead = k - 1 if _clean(words[k - 1]) in _SET_AGAINST_LEAD and k - 1 > a else k
            follow = k + 1 if k + 1 < b and _clean(words[k + 1]) in _SET_AGAINST_TAIL else k
            return lead - 1, follow + 1
        if words[k].endswith(","):
            return k, k + 1
    return None


def _noun_groups(words: Sequence[str]) -> int:
    """How many nouns (runs of capitalised words: "Internationalen Klasse") ``words`` hold;
    a type word ("im Landkreis …") is none."""
    groups, previous = 0, False
    for raw in words:
        capital = raw.strip("„“\"'(")[:1].isupper() and not _type_word(_clean(raw))
        groups += capital and not previous
        previous = capital
    return groups


def _phrase_start(words: list[str], at: int, lead: str, nouns: int, name_words: set[str]) -> int:
    """Where the first name's phrase starts. The later phrases show its shape: opened by a
    preposition (or an article) and holding at most ``nouns`` nouns before the name ("an der
    Grundschule in Tettens … und an der Grundschule Rostrup"), it starts at the earliest
    such word of the run of phrase words and nouns before the name; else with the name and
    the type word, article and preposition right before it ("im Landkreis Unna")."""
    start = at
    while start > 0 and fold(words[start - 1].strip("„“\"'")) in name_words:
        start -= 1  # "Bad" of "Bad Säckingen"
    opener = (
        _PREPOSITION_LIKE if lead in _PREPOSITION_LIKE else _OPENERS if lead in _ARTICLES else None
    )
    best = None
    if opener is not None:
        for k in range(start - 1, max(-1, start - 1 - _PHRASE_REACH), -1):
            raw, word = words[k], _clean(words[k])
            if raw.endswith((",", "?", ";")) or _ASKING.fullmatch(word):
                break
            if not raw.strip("„“\"'")[:1].isupper() and word not in _PHRASE_WORDS:
                break  # a verb or adverb ends the phrase
            if _noun_groups(words[k:start]) > nouns:
                break
            if word in opener:
                best = k
    if best is not None:
        return best
    while start > 0 and (
        _clean(words[start - 1]) in _PHRASE_WORDS or _type_word(_clean(words[start - 1]))
    ):
        start -= 1
    return start


def _phrase_end(
    words: list[str], bracketed: list[bool], at: int, adjective: bool, trailer: list[str]
) -> int | None:
    """The last word of the last name's phrase: the name, the noun after it when it is an
    adjective ("der Jüterboger Willkommensklasse"), what follows it in the shape of the first
    phrase's words after its name ("Bad Säckingen für seine VKL und Laupheim für seine
    VABO-Klasse"), and a bracketed aside right after it. Where the name goes on ("Mülheim an
    der Ruhr", "Feldau am Stadtpark"), the phrase ends with the name's rest, which belongs to that
    place alone; None when no name follows the word it goes on with ("am besten")."""
    end = at
    if words[at].endswith(("?", ",", ";", ".")):
        return end
    following = _clean(words[end + 1]) if end + 1 < len(words) else ""
    article = _clean(words[end + 2]) if end + 2 < len(words) else ""
    # a town's name goes on with "am …" or "an/ob der …"; "an den Grundschulen", "an die
    # Spitze" say where or what, for every place of the list
    if following in _NAME_GOES_ON and (following == "am" or article == "der"):
        rest = _continued_name_end(words, end + 1)
        if rest is None:
            return None
        end = rest
    elif adjective and words[end + 1][:1].isupper():
        end += 1
    elif trailer and following == _clean(trailer[0]):
        end = min(len(words) - 1, end + len(trailer))
    while end + 1 < len(words) and bracketed[end + 1]:
        end += 1
    return end


def _continued_name_end(words: list[str], at: int) -> int | None:
    """The word that ends the name going on with the word at ``at`` ("am Main", "an der
    Ruhr", "ob der Tauber"): the capitalised word after it and its article; None when none
    follows ("am besten")."""
    k = at + 1
    if k < len(words) and _clean(words[k]) == "der":
        k += 1
    if k < len(words) and words[k].strip("„“\"'(")[:1].isupper():
        return k
    return None


def _name_forms(names: Sequence[str]) -> list[tuple[str, ...]]:
    """The folded forms by which a question names each of ``names``: ``mention_names`` and
    the name without its type word ("wil" of "Stadt Wil", whose one word is too short for
    ``mention_names``; here whole words are compared)."""
    return [
        tuple(dict.fromkeys(fold(n) for n in (*mention_names(name), bare_name(name))))
        for name in names
    ]


def _named_by(raw: str, forms: Sequence[tuple[str, ...]]) -> int | None:
    """The index of the first name whose forms the word ``raw`` names (also inflected, "-er"
    adjectives included): a hyphenated name whole ("Neu-Ulm"), else by its parts; a Kreis's
    full name only the Kreis all of whose words it has (``_kreis_words``)."""
    cleaned = _clean(raw)
    parts = [cleaned, *cleaned.split("-")] if "-" in cleaned else [cleaned]
    kreis = _kreis_words(cleaned) or []
    return next(
        (
            j
            for j, own in enumerate(forms)
            if any(_inflected(p, f) for p in parts for f in own)
            and all(any(_inflected(w, f) for f in own) for w in kreis)
        ),
        None,
    )


def _kreis_words(word: str) -> list[str] | None:
    """The distinctive words of a Kreis's hyphenated full name ("rheingau", "taunus" of
    "rheingau-taunus-kreis"), which must all be a municipality's for the word to name it:
    "Taunus" names the Main-Taunus-Kreis, but the Rheingau-Taunus-Kreis is another Kreis.
    None for any other word (a compound such as "rhein-sieg" or "koln-mulheim" names a
    municipality by one of its parts)."""
    parts = word.split("-")
    if len(parts) < 3 or parts[-1] not in ("kreis", "kreises"):
        return None
    return distinctive_words(" ".join(parts[:-1]))


def _joined_phrases(words: list[str]) -> bool:
    """Whether two places each stand in a phrase of their own that "und" joins ("am
    Berufskolleg Meschede und in der internationalen Klasse der Gesamtschule in Waldbröl"):
    between the names only names, prepositions, articles and adjectives before a noun. A
    verb ("aus Hohenfurt und anderen Orten lernen in Weilbach"), a question word or the end
    of a sentence between them gives the names different roles."""
    between = words[1:-1]
    if not any(_clean(w) in _CONNECTORS for w in between) or any(
        w.endswith(("?", ",", ";", "!")) for w in words[:-1]
    ):
        return False
    for j, raw in enumerate(between):
        word = _clean(raw)
        if raw[:1].isupper() or word in _CONNECTORS or word in _PHRASE_WORDS:
            continue
        if not between[j + 1 :] or not between[j + 1][:1].isupper():  # no attributive adjective
            return False
    return True


# A capitalised word before a capitalised one: the type word of a name ("Gemeinde Wendau")
_BEFORE_A_NAME = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]+)\s+(?=[A-ZÄÖÜ])")


def type_words_before_names(text: str) -> list[str]:
    """The type words that stand before a name ("die Gemeinde Wendau", "das Land Hessen",
    "im Kanton Zürich"): like the name, they say where, not what is asked."""
    return [m.group(1) for m in _BEFORE_A_NAME.finditer(text) if _type_word(m.group(1))]


def place_type_words(text: str) -> list[str]:
    """The type words of places in ``text`` in the singular ("aus der Gemeinde", "des
    Kreises", "im Bundesland"): in a question scoped to one municipality they name that
    municipality or its region, not a topic (the plural, "in anderen Städten", names others)."""
    return [m.group() for m in _WORD.finditer(text) if _type_of(fold(m.group()), _SINGULAR_ENDINGS)]


def _type_word_here(word: str, after: str) -> str:
    """``_type_word``, but a Kreis named by one word and "-Kreis" ("im Feldau-Kreis") is a name
    where no name follows it (as "Neuss" follows the type word "Rhein-Kreis")."""
    found = _type_word(word)
    if found and _LEADING_KREIS.fullmatch(fold(word)) and not after[:1].isupper():
        return ""
    return found


def _type_word(word: str) -> str:
    """ "stadt"/"kreis"/"gemeinde" for a municipal type word, "region" for a region word."""
    folded = fold(word)
    found = _type_of(folded, _SINGULAR_ENDINGS + _PLURAL_ENDINGS)
    if not found and _LEADING_KREIS.fullmatch(folded):  # "Rhein-Kreis" of "Rhein-Kreis Neuss"
        return "kreis"
    return found


# Endings a type word may carry: its genitive ("Kreises") and its plural ("Kreise", "Städten",
# "Gemeinden", "Bezirksregierungen")
_SINGULAR_ENDINGS = ("es", "s")
_PLURAL_ENDINGS = ("en", "n", "e")


def _type_of(folded: str, endings: tuple[str, ...]) -> str:
    """The type ``folded`` names as it is or without one of ``endings``, else ""."""
    for form in (folded, *(folded.removesuffix(end) for end in endings)):
        if form in _MUNICIPAL_TYPES:
            return _MUNICIPAL_TYPES[form]
        if form in _REGION_TYPES:
            return "region"
    return ""


@dataclass(frozen=True)
class Municipalities:
    """The municipalities of the index, the words that name them, and other known places.

    ``places`` are place names the documents use for places that are not municipalities of
    the index ("Stadt Grauweiden" in a regional report); a question naming one asks about
    that place. ``known`` tells whether the documents use a token as a term of their own
    (an abbreviation such as "BK" for Berufskolleg then keeps that meaning).
    """

    names: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...]  # (folded alias prefix, municipality name)
    places: tuple[str, ...] = ()
    known: Callable[[str], bool] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(
        cls,
        names: Sequence[str],
        places: Sequence[str] = (),
        known: Callable[[str], bool] | None = None,
    ) -> Municipalities:
        """Aliases from the names: their distinctive words, and the type word when unique."""
        municipal = tuple(sorted(n for n in set(names) if n.strip()))
        aliases: list[tuple[str, str]] = []
        for name in municipal:
            for word in distinctive_words(name) or _short_name(name):
                aliases.append((_ADJECTIVE_ENDING.sub("isch", fold(word)), name))
            aliases.extend((fold(word), name) for word in _hyphenated_words(name))
        matching = [n for n in municipal if municipality_type(n) == "kreis"]
        if len(matching) == 1:
            aliases.append(("kreis", matching[0]))
        own = {fold(w) for n in municipal for w in distinctive_words(n) or _short_name(n)}
        own |= {fold(typed.name) for n in municipal for typed in typed_names(n)}
        others = tuple(sorted({p for p in places if fold(p) not in own}))
        return cls(municipal, tuple(aliases), others, known)

    def mentioned(self, text: str) -> list[str]:
        """Municipalities named in ``text``, in order of first mention."""
        found: list[str] = []
        for _, name in self._mentions(text.split()):
            if name not in found:
                found.append(name)
        return found

    def places_mentioned(self, text: str) -> list[str]:
        """Known places outside the index's municipalities that ``text`` names."""
        words = [_clean(w) for w in text.split()]
        return [p for p in self.places if any(_inflected(w, fold(p)) for w in words)]

    def abbreviation(self, token: str) -> str:
        """The municipality an unknown abbreviation names ("QH" for Quellinghoven), or "".

        A 2-3 letter upper-case token that is no term of the documents names a municipality
        when its letters occur in order in exactly one municipality's distinctive name,
        starting with its first letter.
        """
        if not (2 <= len(token) <= 3 and token.isupper() and token.isalpha()):
            return ""
        if self.known is not None and self.known(token):
            return ""
        fits = {
            name
            for name in self.names
            for word in distinctive_words(name)
            if fold(word)[0] == fold(token)[0] and _subsequence(fold(token), fold(word))
        }
        return fits.pop() if len(fits) == 1 else ""

    def strip(self, text: str) -> str:
        """``text`` without the words that name municipalities (and their type words)."""
        words = text.split()
        mentions = self._mentions(words)
        named = {i for i, _ in mentions}
        named |= {  # the words of a name before the one that names it: "Bad Lippspringe"
            i - len(head) + k
            for i, name in mentions
            if (head := _name_head(name, _clean(words[i])))
            and i >= len(head)
            and [_clean(w) for w in words[i - len(head) : i]] == head
            for k in range(len(head))
        }
        typed = {
            i - 1 for i in named if i > 0 and _type_word(_clean(words[i - 1])) not in ("", "region")
        }
        typed |= {  # "im Märkischen Kreis": the type word after the name
            i + 1
            for i in named
            if i + 1 < len(words) and _clean(words[i + 1]) in ("kreis", "kreises")
        }
        named |= typed
        named |= {  # the rest of a name the question writes out: "Mülheim an der Ruhr"
            i + 1 + k
            for i, name in mentions
            for k, rest in enumerate(_name_rest(name, _clean(words[i])))
            if i + 1 + k < len(words) and _clean(words[i + 1 + k]) == rest
        }
        named |= _placing_land(words, named)
        named |= _dangling(words, named)
        return " ".join(w for i, w in enumerate(words) if i not in named)

    def _mentions(self, raw: list[str]) -> list[tuple[int, str]]:
        words = [_clean(w) for w in raw]
        found = [
            (i, name)
            for i in range(len(words))
            for part in _parts(words[i])
            for alias, name in self._aliases_for(part)
            if self._names(raw, words, i, alias, name, part)
        ]
        for i, word in enumerate(raw):
            name = self.abbreviation(word.strip("?,.!;:()„“\"'"))
            # after an article an abbreviation is a noun ("der FB Schule und Sport" is a
            # Fachbereich), a place's abbreviation stands bare ("in QH", "im Kreis WH")
            article = i > 0 and words[i - 1] in _ARTICLES
            if name and not article and not _region_before(words, i):
                found.append((i, name))
        return self._fullest(sorted(set(found)), words)

    def _fullest(self, found: list[tuple[int, str]], words: list[str]) -> list[tuple[int, str]]:
        """Of the municipalities one word names, those it names most fully: "Minden" is the
        whole name of the Stadt Minden and only a part of the Kreis Minden-Lübbecke's, so it
        names the Stadt; "Minden-Lübbecke" names both parts of the Kreis's and so the Kreis. A
        word that names two equally ("Paderborn": Kreis and Stadt Paderborn) keeps both; of
        a hyphenated word naming two by different parts ("Feldau-Nordheim": a town and its
        district), the later part names the place."""
        by_word: dict[int, list[str]] = {}
        for i, name in found:
            by_word.setdefault(i, []).append(name)
        kept: list[tuple[int, str]] = []
        for i, names in by_word.items():
            parts = [_ADJECTIVE_ENDING.sub("isch", part) for part in words[i].split("-")]
            fit = {name: _fit(self._name_words.get(name, ()), parts) for name in names}
            best = max(fit.values())
            kept.extend((i, name) for name in names if fit[name] == best)
        return kept

    @cached_property
    def _name_words(self) -> dict[str, tuple[str, ...]]:
        """The distinctive words of each municipality's name, as its aliases hold them."""
        words: dict[str, tuple[str, ...]] = {}
        for alias, name in self.aliases:
            # not the "Kreis" of the index's only Kreis, nor a whole hyphenated word, whose
            # parts are its words already
            if alias not in _MUNICIPAL_TYPES and "-" not in alias:
                words[name] = (*words.get(name, ()), alias)
        return words

    def _aliases_for(self, word: str) -> list[tuple[str, str]]:
        """The aliases that may name a municipality in ``word``: only those it starts with
        can (``_names``), so only those sharing its first letters are tried; with hundreds of
        municipalities, trying every alias on every word of every sentence was most of the
        time of a comparison."""
        found = self._by_prefix.get(word[:_PREFIX], [])
        return found + self._short_aliases if self._short_aliases else found

    @cached_property
    def _by_prefix(self) -> dict[str, list[tuple[str, str]]]:
        groups: dict[str, list[tuple[str, str]]] = {}
        for alias, name in self.aliases:
            if len(alias) >= _PREFIX:
                groups.setdefault(alias[:_PREFIX], []).append((alias, name))
        return groups

    @cached_property
    def _short_aliases(self) -> list[tuple[str, str]]:
        return [(alias, name) for alias, name in self.aliases if len(alias) < _PREFIX]

    def _names(
        self, raw: list[str], words: list[str], i: int, alias: str, name: str, word: str
    ) -> bool:
        """Whether ``word`` (``words[i]`` or a part of its hyphenated compound) names the
        municipality ``name`` through ``alias``.

        "haldenberger" names Haldenberg, "minden-lubbecke" Kreis Minden-Lübbecke, the part
        "sieg" of "rhein-sieg-kreis" the Rhein-Sieg-Kreis. The type word "Kreis" names the
        index's only Kreis just with a definite article ("im Kreis", "der Kreis", "des
        Kreises") and no name after it ("im Kreis Feldau" is another Kreis). A type word
        before the name must match the municipality's own type.
        """
        before = words[i - 1] if i else ""
        if alias in _MUNICIPAL_TYPES:
            if word != words[i]:
                return False  # the "-kreis" of "rhein-sieg-kreis" is another Kreis's name
            following = raw[i + 1].strip("?,.!;:()„“\"'") if i + 1 < len(raw) else ""
            named_after = following[:1].isupper() and not any(
                _clean(following).startswith(a) for a, n in self.aliases if n == name
            )
            definite = before in _DEFINITE or not before.isalpha()
            return word in (alias, alias + "es") and definite and not named_after
        capitalised = raw[i].lstrip("„\"'(")[:1].isupper()
        if len(alias) < _SHORT_NAME and not capitalised:
            return False  # "Ems" of "Bad Ems" names it as a name only
        if not (
            _inflected(word, alias)
            or word.startswith((alias + "-", alias + "/"))
            or (capitalised and word == words[i] and _town_adjective(word, alias))
        ):
            return False
        if not self._whole_kreis_name(words[i], name):
            return False
        own = municipality_type(name)
        if own != "kreis" and not is_one_word_kreis(name) and self._as_noun(words, i, word, alias):
            return False
        stated = _type_word(before) if before else ""
        if stated == "region":  # "im Bezirk Lindenau" names an index's district of that name
            return not own and _district_word(before)
        return not stated or not own or stated == own

    def _as_noun(self, words: list[str], i: int, word: str, alias: str) -> bool:
        """Whether a town's name stands as the common noun it also is ("Stadt Weide"): after
        an article or "pro" ("die Weide", "pro Weide", "des Weides"), or as the last part of a
        compound whose first part names no place ("Schul-Weide"; "Feldau-Nordheim" is a town
        and its district). A Kreis is named after an article ("im Kreis", "des
        Hochsauerlandkreises")."""
        if word != words[i]:
            return not self._names_place(words[i].split("-")[0])
        return i > 0 and words[i - 1] in _NOUN_BEFORE and word in (alias, alias + "s")

    def _names_place(self, word: str) -> bool:
        """Whether the folded ``word`` names a place: a municipality of the index, a place
        the documents name, or a German town the gazetteer knows (the town before its district
        in "Hohenfurt-Lindenau")."""
        return bool(
            self._aliases_for(word)
            or word in self._folded_places
            or is_place_outside_nrw(word)
            or word in _FOLDED_STATE_TOWNS
        )

    @cached_property
    def _folded_places(self) -> frozenset[str]:
        return frozenset(fold(p) for p in self.places)

    def _whole_kreis_name(self, compound: str, name: str) -> bool:
        """Whether ``compound`` may name the municipality ``name`` (``_kreis_words``)."""
        words = _kreis_words(compound)
        own = self._name_words.get(name, ())
        return words is None or all(w in own for w in words)


class TypedName(NamedTuple):
    """A place named with its type word, where ``text`` names it."""

    name: str  # as places are known: "Feldau", "Ennepe-Ruhr-Kreis", "Märkisch"
    municipality: str  # "Stadt Feldau", "Ennepe-Ruhr-Kreis", "Märkischer Kreis"
    start: int
    end: int


def bare_name(kommune: str) -> str:
    """A municipality's name without its type word ("Feldau", "Minden-Lübbecke")."""
    typed = typed_names(kommune)
    return typed[0].name if typed else kommune


def same_municipality(a: str, b: str) -> bool:
    """Whether two names name one municipality: the same name, a town's bare name and that
    name with a type word other than Kreis ("Tönisvorst" and "Stadt Tönisvorst"; the Kreis
    Borken is not the Stadt Borken), or one name with two type words of one kind ("Stadt
    Feldau" and "Hansestadt Feldau", "Kreis Wendau" and "Landkreis Wendau")."""
    if a == b:
        return True
    for bare, typed in ((a, b), (b, a)):
        if bare == bare_name(typed) != typed:
            return municipality_type(typed) != "kreis"
    kind = municipality_type(a)
    if kind and kind == municipality_type(b) and bare_name(a) == bare_name(b):
        return True
    # a town's name with and without the river or region that tells it apart ("Wendau am
    # Main", "Wendau"); two such names with different ones ("Wendau (Oder)") are two towns
    if "kreis" in (kind, municipality_type(b)):
        return False
    x, y = bare_name(a), bare_name(b)
    return any(
        _unlocated(long) == short != long and _unlocated(short) == short
        for short, long in ((x, y), (y, x))
    )


def _unlocated(name: str) -> str:
    """``name`` without what tells the town apart from another of its name: a bracket
    ("Wendau (Oder)") or what follows a word on which a name goes on (``_NAME_GOES_ON``:
    "Wendau am Main")."""
    words = name.split("(")[0].split()
    cut = next((i for i, w in enumerate(words) if i and fold(w) in _NAME_GOES_ON), len(words))
    return " ".join(words[:cut])


# A type word after a possessive or a determiner other than the article is a common noun,
# and the capitalised word after it no name: "in seiner Gemeinde Willkommensklassen", "in
# ihrer Stadt Unterschlupf", "in jeder Stadt Sprachkurse"
_COMMON_NOUN_BEFORE = re.compile(
    r"\b(?i:mein|dein|sein|ihr|unser|eue?r|dies|jed|jen|manch|welch|solch|kein)"
    r"(?:e|er|es|em|en|r|s)?\s+$"
)


def typed_names(text: str) -> list[TypedName]:
    """Mentions of a municipality with its type word, in text order: "Stadt Feldau", "des
    Kreises Feldau", "Kreis Minden-Lübbecke", "im Ennepe-Ruhr-Kreis", "des Märkischen
    Kreises" ("Kreisstadt", "Landkreis" … are given their plain type)."""
    found = [
        TypedName(
            m.group(2), f"{_CANONICAL_TYPE.get(m.group(1), m.group(1))} {m.group(2)}", *m.span()
        )
        for m in _TYPED.finditer(text)
        if not m.group(2).lower().endswith(NOT_NAME_SUFFIXES)
        and not _CLOSES_ADJECTIVE_NAME.search(text, max(0, m.start() - 40), m.start())
        and not _COMMON_NOUN_BEFORE.search(text, max(0, m.start() - 12), m.start())
    ]
    for m in _COMPOUND_KREIS.finditer(text):
        name = m.group(1) + "Kreis"
        after = _NAME_AFTER.match(text, m.end()) if m.group(1).count("-") == 1 else None
        if after and after.group(1).lower() in stopwords():
            after = None  # "im Saarpfalz-Kreis Für Kinder …": a word, no town
        if after:  # "des Rhein-Kreises Neuss": the town's name completes the Kreis's
            town = after.group(1)
            found.append(TypedName(town, f"{name} {town}", m.start(), after.end()))
        else:
            found.append(TypedName(name, name, *m.span()))
    for m in _ADJECTIVE_KREIS.finditer(text):
        found.append(TypedName(m.group(1), f"{m.group(1)}er Kreis", *m.span()))
    for m in _ONE_WORD_KREIS.finditer(text):
        found.append(TypedName(m.group(1), m.group(1), *m.span()))
    return sorted(found, key=lambda t: t.start)


def mention_names(kommune: str) -> tuple[str, ...]:
    """The lower-case names by which another document's passage mentions a municipality:
    its distinctive words ("haldenberg" of "Stadt Haldenberg"); else, for a name of several
    short words, those words without the type word ("neu-elm" of "Stadt Neu-Elm": a passage
    names the town so, not as "stadt neu-elm"); else the whole name ("stadt elm": a short
    word alone is part of too many others); with umlauts also written out, as file names and
    titles made of them write them ("düsseldorf", "duesseldorf")."""
    bare = bare_name(kommune)
    several = len(_name_words(bare)) > 1
    names = [w.lower() for w in distinctive_words(kommune)] or [
        (bare if several else kommune).lower()
    ]
    return tuple(dict.fromkeys(n for name in names for n in (name, transliterate(name))))


def strip_places(text: str, places: Sequence[str]) -> str:
    """``text`` without the words that name ``places`` (and the "in"/"und" left with them)."""
    words = text.split()
    named: set[int] = set()
    for place in places:  # a name of several words ("Bad Tölz") where all of them stand
        parts = [fold(part) for part in place.split()]
        for i in range(len(words) - len(parts) + 1):
            if all(_inflected(_clean(words[i + j]), p) for j, p in enumerate(parts)):
                named.update(range(i, i + len(parts)))
    named |= _placing_land(words, named)
    named |= _dangling(words, named)
    return " ".join(w for i, w in enumerate(words) if i not in named)


def place_names(texts: Iterable[str]) -> list[str]:
    """Names the documents give places: with a type word ("Stadt Grauweiden"), seen twice;
    and names they use bare the way names are used, after "in/nach/aus/bei" ("nach Düsseldorf
    gezogen") and after a noun ("Schulamt Düsseldorf"), never after an article or another
    lower-case word that would make them a noun ("in Absprache", "die Absprache")."""
    typed: Counter[str] = Counter()
    after_place: set[str] = set()
    after_noun: set[str] = set()
    as_noun: set[str] = set()
    for text in texts:
        typed.update(t.name for t in typed_names(text))
        for before, word in _BARE.findall(text):
            lead = before.lower()
            if lead in _PLACE_PREPOSITIONS:
                after_place.add(word)
            elif before[:1].isupper() and lead not in _ARTICLES:
                after_noun.add(word)
            elif lead not in _BEFORE_NAMES:
                as_noun.add(word)
    bare = (after_place & after_noun) - as_noun - set(typed)
    # a word ending like a noun is none ("bestehend aus Erstberatung, …" and "die Schulische
    # Erstberatung" use it bare), unless the gazetteer knows it as a town ("Freyung")
    bare = {w for w in bare if not fold(w).endswith(NOT_NAME_SUFFIXES) or is_place_outside_nrw(w)}
    return [name for name, n in typed.items() if n >= 2] + sorted(bare)


def _name_words(name: str) -> list[str]:
    """The words of a name that are neither generic ("an der") nor a type word ("Stadt")."""
    return [w for w in tokenize(name) if fold(w) not in _GENERIC and not _type_word(w)]


def _short_name(name: str) -> list[str]:
    """The last word of a name whose words are all too short to be distinctive ("Ems" of
    "Bad Ems", "Orb" of "Bad Orb"): it names the town, capitalised, though no such word
    names a municipality where it is part of a longer name."""
    return [w for w in _name_words(name) if w not in _NAME_PREFIXES][-1:]


def _hyphenated_words(name: str) -> list[str]:
    """The hyphenated words of a name other than type words ("Neu-Elm" of "Stadt Neu-Elm"):
    written whole, such a word names the municipality even where its parts are too short to
    (``distinctive_words``) or its first part names no place ("Neu-Feldau")."""
    return [w for w in name.split() if "-" in w and not _type_word(w)]


def distinctive_words(name: str) -> list[str]:
    """The words of a municipality's name that name it ("Haldenberg" of "Stadt Haldenberg")."""
    return [w for w in _name_words(name) if len(w) >= _SHORT_NAME]


def _name_head(name: str, word: str) -> list[str]:
    """The words of ``name`` before the one ``word`` names, without its type word ("bad" of
    "Stadt Bad Lippspringe" before "lippspringe"), folded; [] if there are none."""
    words = [_clean(w) for w in name.split() if not _type_word(w)]  # "st" of "St. Gilgen"
    for i, own in enumerate(words):
        if _inflected(word, own):
            return words[:i]
    return []


def _name_rest(name: str, word: str) -> list[str]:
    """The words of ``name`` after the one ``word`` names ("an", "der", "ruhr" of "Stadt
    Mülheim an der Ruhr" after "mülheim"), folded; [] if ``word`` is not one of them."""
    words = [fold(w) for w in name.split()]
    for i, own in enumerate(words):
        if _inflected(word, own):
            return words[i + 1 :]
    return []


def _subsequence(short: str, word: str) -> bool:
    letters = iter(word)
    return all(ch in letters for ch in short)


def _adjective_stem(word: str) -> str:
    """ "Märkisch" of "Märkischen" (the name of "Märkischer Kreis" as places know it)."""
    return word[: word.rindex("isch") + 4]


def _fit(own: Sequence[str], parts: list[str]) -> tuple[bool, int, int]:
    """Whether the word's ``parts`` name all of a name's distinctive words ``own``, how many
    of the parts name one of them, and the position of the last part that does (of
    "Feldau-Nordheim" the district names the place, not the town before it; -1 for none)."""
    named = [k for k, part in enumerate(parts) if any(_inflected(part, w) for w in own)]
    whole = bool(own) and all(any(_inflected(part, w) for part in parts) for w in own)
    return whole, len(named), max(named, default=-1)


def _parts(word: str) -> list[str]:
    """A word and, if hyphenated, its later parts ("rhein-sieg-kreis": also "sieg", "kreis")."""
    return [word, *word.split("-")[1:]] if "-" in word else [word]


def _inflected(word: str, base: str) -> bool:
    return word == base or (word.startswith(base) and len(word) - len(base) <= 3)


# The adjectives of town names beyond "Kölner", "Hagener": "Münsteraner" (and its people,
# "Münsteranern"), "Solinger" of Solingen, "Bremer" of Bremen, "Dresdner" of Dresden
_ANER = ("aner", "anern", "anerin", "anerinnen")


def _town_adjective(word: str, base: str) -> bool:
    if word.startswith(base) and word[len(base) :] in _ANER:
        return True
    stem = base[:-2] if base.endswith("en") and len(base) >= 6 else ""
    return bool(stem) and word in (stem + "er", stem + "ner")


def _district_word(folded: str) -> bool:
    return any(folded.removesuffix(end) in _DISTRICT_TYPES for end in ("", *_SINGULAR_ENDINGS))


def _region_before(words: list[str], i: int) -> bool:
    return i > 0 and _type_word(words[i - 1]) == "region"


# Lower-case words a name follows as readily as a noun: "unter Potsdams Schulen", "mit
# Koblenz", "für Düsseldorf und Herne" make neither word a noun (an article or an
# adjective does: "die Absprache", "in enger Kooperation").
_NOT_NOUN_MAKERS = _BEFORE_NAMES | {
    "ab",
    "an",
    "auf",
    "außer",
    "bis",
    "durch",
    "gegen",
    "gegenüber",
    "hinter",
    "mit",
    "neben",
    "ohne",
    "seit",
    "trotz",
    "über",
    "um",
    "unter",
    "vor",
    "wegen",
    "laut",
}


# A lower-case word that makes the next one a noun is inflected like an adjective or a
# determiner ("enger", "neuen", "jede", "unseres"); another one does not ("erreicht us
# Lüneburg" in a page's garbled teaser names the town, "mit Koblenz" likewise)
_INFLECTED = re.compile(r"(?:e|em|en|er|es)$")


def noun_stems(texts: Iterable[str]) -> frozenset[str]:
    """Stems of the capitalised words the documents use as nouns: after an article or an
    inflected lower-case word that is no preposition or conjunction ("die Absprache", "in
    enger Kooperation", "das Haus der Bildung" – so "nach Hause" names no place either); a
    word in "-er" as it is (an adjective of a town's name shares its stem)."""
    nouns: set[str] = set()
    for text in texts:
        for before, word in _BARE.findall(text):
            lead = before.lower()
            marks = lead in _ARTICLES or (
                before[:1].islower()
                and lead not in _NOT_NOUN_MAKERS
                and _INFLECTED.search(lead) is not None
            )
            if marks:
                # "an mehreren Ulmer Schulen": a town's adjective is no noun of its name
                nouns.add(fold(word) if word.endswith("er") else stem(word))
    return frozenset(nouns)


def placed_stems(texts: Iterable[str]) -> frozenset[str]:
    """Stems of the capitalised words the documents write after "in" ("in Lübbenau") more
    often than after "aus" or "nach": where things are (``NameUse.names`` drops those the
    documents also use as nouns: "in Absprache" beside "die Absprache"). Where people come
    from ("Kinder aus Afghanistan", now and then "der Krieg in Afghanistan") is no place a
    question asks about."""
    located: Counter[str] = Counter()
    for text in texts:
        for before, word in _BARE.findall(text):
            lead = before.lower()
            if lead == "in":
                located[stem(word)] += 1
            elif lead in ("aus", "nach"):
                located[stem(word)] -= 1
        for word in _POSTAL.findall(text):
            located[stem(word)] += 1  # "01234 Feldau" of an address: the town the office is in
    return frozenset(word for word, balance in located.items() if balance > 0)


# A town after the postcode of an address: "Hauptstraße 6, 12345 Feldau", a line (or list
# item) "12345 Feldau", "A-1234 Feldau", "CH-1234 Feldau"; the name ends the address (a line,
# a comma, a bracket, "Feldau / Wendau"), so "10000 Euro für …" is none
_POSTAL = re.compile(
    r"(?:(?:^(?:-[ \t]+)?|,|\()[ \t]*\d{5}|\b(?:D-\d{5}|A-\d{4}|CH-\d{4}))[ \t]+"
    r"([A-ZÄÖÜ][a-zäöüß]{3,}(?:-[A-ZÄÖÜ][a-zäöüß]+)*)(?=[ \t]*(?:$|[,)/]))",
    re.MULTILINE,
)


# The plurals a compound written after "in" ends in when it names where people learn, not a
# place ("in Sprachfördergruppen", "in Willkommensklassen"): no town's name ends in them
_GROUP_PLURALS = (
    "gruppen", "klassen", "kursen", "kurse", "schulen", "familien", "kindern", "stellen",
    "zentren", "einrichtungen", "kitas", "angeboten", "unterkunften", "heimen",
)  # fmt: skip


# The shortest first and last part of a compound that ends in a noun (``NameUse.ends_in_noun``)
_COMPOUND_HEAD = 4
_COMPOUND_TAIL = 7


@dataclass(frozen=True)
class NameUse:
    """How the documents use words that may be names: the stems of those they use as nouns
    (``noun_stems``) and of the words of their titles (file names included)."""

    nouns: frozenset[str] = frozenset()
    titled: frozenset[str] = frozenset()
    placed: frozenset[str] = frozenset()  # ``placed_stems``

    def names(self, word: str) -> bool:
        """Whether the documents use ``word`` as a name, and never as a noun: a title word
        ("Ulm Integration durch Bildung", "koblenz_sprachmittlung.txt"), or a word they write
        after "in" ("in Lübbenau", of a page whose title names no place: ``placed_stems``) that
        is no compound ending in a noun of theirs ("aus Flüchtlingsfamilien" beside "die
        Familien") or in a plural of where people learn ("Plätze in Sprachfördergruppen")."""
        parts = word.split("-")
        if len(parts) > 1 and all(len(p) >= _SHORT_NAME and p[:1].isupper() for p in parts):
            # a district or twin town by both its names ("in Lindwerder-Ostheim"): the
            # documents write the parts as names
            return all(self.names(p) for p in parts)
        if self._noun_itself(word):
            return False
        stemmed = stem(word)
        if stemmed in self.titled:
            return True
        plural = fold(word).endswith(_GROUP_PLURALS)  # also where "die Gruppen" is not written
        return stemmed in self.placed and not plural and not self.ends_in_noun(word)

    def noun(self, word: str) -> bool:
        """Whether the documents use ``word`` as a noun ("die Umgebung"), itself or as the
        last part of a compound (``ends_in_noun``)."""
        return self._noun_itself(word) or self.ends_in_noun(word)

    def _noun_itself(self, word: str) -> bool:
        return stem(word) in self.nouns or fold(word) in self.nouns

    def ends_in_noun(self, word: str) -> bool:
        """Whether ``word`` is a compound whose last part is a noun of the documents: "aus
        Flüchtlingsfamilien" beside "die Familien" names no place, though the corpus does not
        know the whole word. The part must be long: many places' names end in short nouns
        ("Neustadt", "Emmendingen" of "die Dinge")."""
        folded = fold(word)
        tails = (folded[cut:] for cut in range(_COMPOUND_HEAD, len(folded) - _COMPOUND_TAIL + 1))
        return any(tail in self.nouns or stem(tail) in self.nouns for tail in tails)


def other_places(
    question: str,
    municipalities: Municipalities,
    known: Callable[[str], bool],
    names: Callable[[str], bool] | None = None,
) -> tuple[str, ...]:
    """Places the question names that are not municipalities of the index.

    A place is a capitalised name after a type word ("Regierungsbezirk Arnsberg", "Stadt
    Hohenfurt"), after "in/aus/nach", listed after such a place ("in Hohenfurt, Weilbach und
    Feldau") or as the other side of a comparison ("im Vergleich zu Hohenfurt") when the
    corpus does not know the word as an ordinary term ("in Hohenfurt", but not "in Schulen"
    or "im Vergleich zu Vorjahren"), or as an "-er" adjective before a noun that the corpus
    does not know or whose name it uses as one ("die Hohenfurter Schulen"). ``known`` tells
    whether the corpus knows a word (itself or all of its compound parts); a word it knows is
    still a place when ``names`` says the documents use it as a name ("in Ulm" of a page "Ulm
    Integration durch Bildung", ``NameUse.names``).
    """
    spans = list(_WORD.finditer(question))
    words = [m.group() for m in spans]
    named = set(municipalities.mentioned(question))
    enumerated = _listed_after_plural_type(words)
    places: list[str] = []
    last_place = -1  # the index of the last word found as a place
    found_at: set[int] = set()  # the indexes of the words found as places
    for i, word in enumerate(words):
        follower = words[i + 1] if i + 1 < len(words) else ""
        if i == 0 or not word[:1].isupper() or _type_word_here(word, follower):
            continue
        if _qualifies(question, spans, i, found_at):
            continue  # "in Bargteheide (Kreis Stormarn)": where that place lies, no other
        before = words[i - 1]
        after = words[i + 1] if i + 1 < len(words) else ""
        # what follows a comma starts another clause ("in Feldau, der …"), no genitive of it
        following = question[spans[i].end() : spans[i + 1].start()] if after else ""
        attached = "" if "," in following else after
        if municipalities.abbreviation(word) or (word in _NAME_PREFIXES and after[:1].isupper()):
            continue  # "Bad" of "in Bad Kreuznach" names a place only with the word after it
        # "der Oberbergische Kreis Anfang 2015": that "Kreis" ends the name before it
        closes = i > 1 and _ADJECTIVE_ENDING.search(fold(words[i - 2])) is not None
        typed = (bool(_type_word(before)) and not closes) or (i in enumerated and not known(word))
        compound = _COMPOUND_KREIS.fullmatch(word)
        adjectival = _ADJECTIVE_ENDING.search(fold(word)) and fold(after) in ("kreis", "kreises")
        if compound or adjectival:  # "im Ennepe-Ruhr-Kreis", "im Märkischen Kreis"
            place = compound.group(1) + "Kreis" if compound else _adjective_stem(word)
            if not municipalities.mentioned(f"{word} {after}") and place not in places:
                places.append(place)
            continue
        kreis = _ONE_WORD_PLACE_KREIS.fullmatch(word)
        # (a Kreis of the official list is one though the documents use its name: "im
        # Wetteraukreis" of a page on the "Webportal des Wetteraukreises")
        listed_kreis = _ONE_WORD_KREIS.fullmatch(word) is not None
        if kreis and fold(before) in _IN_KREIS and (listed_kreis or not known(word)):
            named_place = kreis.group(1)  # "im Vogelsbergkreis", "des Ortenaukreises"
        elif before in _NAME_PREFIXES and i > 1 and _asks_place(words[i - 2]):
            # "in Bad Kreuznach", "im Landkreis Bad Kissingen"
            named_place = f"{before}{'.' if before == 'St' else ''} {word}"
        else:
            named_place = ""
        if named_place:
            if not municipalities.mentioned(named_place) and named_place not in places:
                places.append(named_place)
            continue
        city = "" if known(word) else _nrw_city(word)
        # a place the documents name, also inflected ("die Nürnberger Schulen" of Nürnberg)
        listed_as = next((p for p in municipalities.places if _inflected(fold(word), fold(p))), "")
        compared = fold(before) == "gegenuber" or (
            fold(before) in _COMPARED_WITH and i > 1 and fold(words[i - 2]).startswith(_COMPARED_BY)
        )
        # "in Osnabrück, Schwerin und Cottbus": the names listed after a place are places too
        gap = question[spans[i - 1].end() : spans[i].start()]
        # (whether a municipality of the index comes before is asked here, not for every word)
        joined = (gap.strip() == "," and _placed(i - 1, last_place, words, municipalities)) or (
            fold(before) in _CONNECTORS and _placed(i - 2, last_place, words, municipalities)
        )
        # a word ending like a noun ("nach Anmeldung", "in Trägerschaft") is no place unless
        # the gazetteer knows it as a town ("Freyung": ``town`` below)
        loose = (
            (fold(before) in _ASKED_PLACE_PREPOSITIONS or compared or joined)
            and (not known(word) or (names is not None and names(word)))
            and fold(attached) not in _GENITIVE_WORDS
            and not fold(word).endswith(NOT_NAME_SUFFIXES)
            and not fold(word).endswith(_GROUP_PLURALS)  # "in Kitas", "in Willkommensklassen"
            and not _joined_to_a_noun(words, i, known, municipalities)
        ) or bool(listed_as)
        # "die Hohenfurter Schulen"; "in den Rostocker Klassen" of a town the titles name (a
        # word with a capital inside is an office's or a brand's name: "beim JobCenter Wendau")
        adjective = (
            word.endswith("er")
            and after[:1].isupper()
            and len(word) > 5
            and not _CAMEL_CASE.search(word)
            and (not known(word) or (names is not None and names(word[:-2])))
        )
        # a German town outside NRW (``assistant.gazetteer``) after "in/aus/nach", an office
        # or school ("am Berufsschulzentrum Friedrichshafen", "an der BBS Papenburg") or a
        # place it is listed with ("in Feldau und Limbach-Oberfrohna"), though the corpus knows
        # the word (after another noun only as below); an article
        # after it starts the subject ("liegt in Aalen der Klassenteiler …") unless the corpus
        # knows the word as a noun ("in Kirchen der Stadt")
        town = (
            is_place_outside_nrw(word)
            and (
                fold(before) in _ASKED_PLACE_PREPOSITIONS
                or re.fullmatch(INSTITUTION, before)
                # any office or service by its name, of a town the documents do not know
                # ("der Jugendmigrationsdienst Reutlingen", "beim Caritasverband Biberach")
                # or use as a name ("bei der Handwerkskammer Meppen", "am BSZ Schweinfurt"
                # of a page on it; "in der OGS Essen" is a school's lunch, where they use the
                # noun); not after a question's first word ("Welche Stelle …?" of the town)
                or (
                    before[:1].isupper()
                    and not _opens_a_noun(before)
                    and (not known(word) or (names is not None and names(word)))
                )
                or joined
                # the subject after the verb ("Wann hat Chemnitz … eröffnet?"), no noun of
                # the corpus, no noun after an article or an adjective after one ("welche
                # Stelle", "für die neue Stelle")
                or (
                    before[:1].islower()
                    and fold(before) not in _DETERMINERS
                    and not (i > 1 and fold(words[i - 2]) in _BEFORE_ADJECTIVE)
                    and (not known(word) or (names is not None and names(word)))
                )
            )
            and (fold(attached) not in _GENITIVE_ARTICLES or not known(word))
        )
        # a Land: "im Saarland", "Wie regelt Hessen …?", not "Neustadt in Sachsen"
        land = is_land_outside_nrw(word) and not (
            fold(before) == "in" and i > 1 and is_place_outside_nrw(words[i - 2])
        )
        # a body of a Kreis or a town by its name ("des Kreisjugendrings Hohenmoor", "die
        # Stadtbibliothek Wendau"), a name the corpus does not know
        body = (
            _MUNICIPAL_BODY.fullmatch(before) is not None
            and not _type_word(before)
            and not known(word)
            and not fold(word).endswith(NOT_NAME_SUFFIXES)
        )
        if not (typed or loose or adjective or city or town or land or body):
            continue
        place = city or (word[:-2] if adjective and not (typed or loose or town) else word)
        if listed_as and not typed:
            place = listed_as  # the place by its name, which the evidence names it by
        found_at.add(i)
        if municipalities.mentioned(word if joined else f"{before} {word}"):
            continue  # a municipality of the index: scoping handles it
        if loose and not typed:  # a type word names the one name after it (or a plural's)
            last_place = i
        if place not in places and not any(fold(place) in fold(n) for n in named):
            places.append(place)
    return tuple(places)


def _opens_a_noun(word: str) -> bool:
    """Whether ``word`` is one a noun follows, written in capitals as a question's first
    word: an article, a determiner or a question word ("Welche", "Wie viele")."""
    folded = fold(word)
    return folded in _DETERMINERS or _ASKING.fullmatch(folded) is not None


def _qualifies(question: str, spans: Sequence[re.Match[str]], i: int, found: set[int]) -> bool:
    """Whether word ``i`` stands in brackets right after a place found before it: "in
    Bargteheide (Kreis Stormarn)", "in Frankfurt (Oder)" say where that place lies or which
    one it is, and the evidence on it need not name them."""
    opening = question.rfind("(", 0, spans[i].start())
    if opening < 0 or ")" in question[opening : spans[i].start()]:
        return False
    before = [j for j, span in enumerate(spans) if span.end() <= opening]
    return (
        bool(before)
        and before[-1] in found
        and not question[spans[before[-1]].end() : opening].strip()
    )


# A compound naming a body of a municipality by its type ("Kreisjugendring", "Stadtbibliothek",
# "Landkreisverwaltung"); not a councillor ("Stadtrat Weber", "Kreisrätin")
_MUNICIPAL_BODY = re.compile(
    r"(?:Land)?(?:Kreis|Stadt|Gemeinde)[a-zäöüß]{4,}(?<!rat)(?<!rats)(?<!rätin)"
)
# A one-word Kreis outside the state's list ("Vogelsbergkreis", "Ortenaukreises") is a place
# where the corpus does not know the word (an "Arbeitskreis" it knows by its parts)
_ONE_WORD_PLACE_KREIS = re.compile(r"([A-ZÄÖÜ][a-zäöüß]{3,}kreis)(?:es)?")
_IN_KREIS = {"im", "in", "vom", "aus", "des", "dem", "den"}


def _asks_place(word: str) -> bool:
    """Whether a name after ``word`` is a place the question asks about: after a preposition
    ("in Bad Kreuznach") or a municipal type word ("Landkreis Bad Kissingen")."""
    return fold(word) in _ASKED_PLACE_PREPOSITIONS or bool(_type_word(word))


def _joined_to_a_noun(
    words: list[str], i: int, known: Callable[[str], bool], municipalities: Municipalities
) -> bool:
    """Whether ``words[i]`` is joined by "und/oder" to a word the corpus knows as an ordinary
    noun and that names no place: like is joined with like, so "in Kitas und Grundschulen"
    names kinds of institution, while "in Hohenfurt und Feldau" names places."""
    if i + 2 >= len(words) or fold(words[i + 1]) not in _CONNECTORS:
        return False
    other = words[i + 2]
    return (
        other[:1].isupper()
        and known(other)
        and not municipalities.mentioned(other)
        and not is_place_outside_nrw(other)
    )


def _placed(j: int, last_place: int, words: list[str], municipalities: Municipalities) -> bool:
    """Whether ``words[j]`` names a place: the last one found, or a municipality of the
    index."""
    return j > 0 and (j == last_place or bool(municipalities.mentioned(words[j])))


# A school called by its own name: "Paul-Gerhardt-Schule", "Kaulbach-Schule",
# "Maximilian-Kolbe-Gesamtschule" (hyphenated; "Grundschule" alone is any school, and a
# short form is no name: "DaZ-Schule")
_OWN_SCHOOL = re.compile(
    r"(?:[A-ZÄÖÜ][a-zäöüß]+-)+(?:[A-ZÄÖÜ][a-zäöüß]*)?(?i:schule|gymnasium|kolleg)"
)


def own_school_names(question: str) -> list[str]:
    """The schools the question calls by their own (hyphenated) names."""
    words = (m.group() for m in _WORD.finditer(question))
    return [w for w in words if _OWN_SCHOOL.fullmatch(w)]


def state_towns(question: str, municipalities: Municipalities) -> tuple[str, ...]:
    """The municipalities of NRW (``assistant.nrw``) the question names that are none of the
    index: a document about such a town may have no municipality of its own (its name
    said nothing, its text named the town's Kreis too), and the town is still a place to
    compare ("Wie unterscheiden sich Stolberg und Herzogenrath …?"). The question's first
    word is none: capitalised there, "Kamen" is a verb as likely as a town."""
    found: list[str] = []
    for match in _STATE_TOWN_NAMES.finditer(question):
        name = match.group(1)
        before = question[: match.start()].split()
        if not before:
            continue
        if is_place_outside_nrw(f"{before[-1]} {name}"):
            continue  # the end of a town's name outside NRW: "Essen" of "Bad Essen"
        if name not in found and not municipalities.mentioned(name):
            found.append(name)
    return tuple(found)


def _listed_after_plural_type(words: list[str]) -> set[int]:
    """Positions of the later names a plural type word lists: "Detmold" of "die
    Bezirksregierungen Arnsberg und Detmold" (the first name follows the type word itself)."""
    listed: set[int] = set()
    for j, word in enumerate(words):
        if not _type_word(word) or _type_of(fold(word), _SINGULAR_ENDINGS):
            continue  # no type word, or a singular one ("Kreis", "Kreises")
        k = j + 2  # after the first name
        while k < len(words) and (words[k][:1].isupper() or fold(words[k]) in ("und", "sowie")):
            if words[k][:1].isupper():
                listed.add(k)
            k += 1
    return listed


def _nrw_city(word: str) -> str:
    """The kreisfreie Stadt of NRW that ``word`` names ("Bochum" for "Bochum", "Bochums",
    "Bochumer"), or "": a place however the question uses it ("Was macht Bochum …?")."""
    folded = fold(word)
    return next((c for f, c in _NRW_CITIES if _inflected(folded, f)), "")


_NRW_CITIES = tuple((fold(n), n) for c in KREISFREIE_STAEDTE for n in distinctive_words(c)[:1])
# ... also by the name a town "am Rhein" or "am See" goes by ("in Haltern")
_SHORT_TOWNS = tuple(town.split(" am ")[0] for town in TOWNS if " am " in town)
_STATE_TOWNS = (*TOWNS, *_SHORT_TOWNS, *KREIS_NAMED_TOWNS, *(n for _, n in _NRW_CITIES))
_STATE_TOWN_NAMES = names_pattern(_STATE_TOWNS)
_FOLDED_STATE_TOWNS = frozenset(fold(town) for town in _STATE_TOWNS)


def _clean(word: str) -> str:
    return fold(word.strip("?,.!;:()„“\"'"))
