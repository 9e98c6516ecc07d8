"""German text analysis for lexical retrieval and sentence scoring (pure, cached stemmer)."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import PurePosixPath

import Stemmer

__all__ = [
    "MONTHS",
    "analyze",
    "content_words",
    "ends_in_function_word",
    "expand_and_stem",
    "file_name_words",
    "fold",
    "fold_plain",
    "normalize_question",
    "nouns",
    "separable_verbs",
    "stem",
    "stems",
    "stopwords",
    "tokenize",
    "transliterate",
]

# Question and filler words staff use that carry no topic ("Wer macht eigentlich ...?").
_QUESTION_WORDS = {
    "wer",
    "wen",
    "wem",
    "wessen",
    "was",
    "wann",
    "wo",
    "wohin",
    "woher",
    "wie",
    "warum",
    "wieso",
    "weshalb",
    "welche",
    "welcher",
    "welches",
    "welchen",
    "welchem",
    "viele",
    "gibt",
    "geben",
    "gilt",
    "eigentlich",
    "genau",
    "bitte",
    "denn",
    "mal",
    "etwa",
    "ja",
    "beim",
    "wird",
    "werden",
    "wurde",
    "wurden",
    "kommt",
    "sowie",
    "bzw",
    "z",
    "b",
    "u",
    "lange",
    "oft",
    "häufig",
    "viel",
    "wieviel",
    "wieviele",
    "steht",
    "gemacht",
    "macht",
    "fürs",
    "übers",
    "aufs",
    "ins",
    "vors",
    "heißt",
    "heisst",
    "laut",
    "aktuell",
    "derzeit",
    "momentan",
    "normalerweise",
    "überhaupt",
    "muss",
    "müssen",
    "kann",
}

# German month names in calendar order (as written; ``fold`` them for comparisons).
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)

_TOKEN = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)
# Gender star, colon, underscore or slash before a feminine ending ("Schüler*innen",
# "Lehrer:in", "Sprachmittler/-innen"): one word, as "Schülerinnen" is.
_GENDER_MARK = re.compile(r"(?<=[^\W\d_])(?:[*:_]|/-?)(?=in(?:nen)?\b)")
# Stems of feminine forms that Snowball keeps apart from the masculine ("koordinatorin",
# "referentinn" from "Referentinnen"): the "-in"/"-inn" is cut after these endings, where
# it is the feminine suffix (Koordinatorin, Referentin, Praktikantin, Journalistin,
# Pädagogin); "-erin" forms are already cut by Snowball.
_FEMININE_STEM = re.compile(r"(?<=.{3})(or|ent|ant|ist|og)inn?$")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """German stopwords (bm25s list) plus question and filler words."""
    from bm25s.stopwords import STOPWORDS_GERMAN

    return frozenset(STOPWORDS_GERMAN) | frozenset(_QUESTION_WORDS)


# Words that end no German sentence, heading or list item: articles, prepositions fused with
# one, conjunctions, and the prepositions that are no verb particle ("ein", "an", "auf" … end
# sentences as particles: "Der Kreis führt die Online-Terminbuchung ein").
_ARTICLES = {"der", "die", "das", "dem", "den", "des", "eine", "einer", "einem", "eines"}
_FUSED = {"im", "am", "beim", "zum", "zur", "vom", "ins"}
_CONJUNCTIONS = {"und", "oder", "sowie", "bzw.", "dass", "ob", "weil", "wenn"}
_PREPOSITIONS = {
    "für", "von", "in", "über", "unter", "gegen", "ohne", "seit", "während", "wegen", "bis",
    "zwischen",
}  # fmt: skip
_NEVER_LAST = frozenset(_ARTICLES | _FUSED | _CONJUNCTIONS | _PREPOSITIONS)


def ends_in_function_word(text: str) -> bool:
    """Whether ``text`` ends in a word no sentence ends in ("… in den Klassen im", "oder",
    "Ausgenommen ist der"): the text goes on in the next line."""
    words = text.split()
    return bool(words) and words[-1].lower() in _NEVER_LAST


_per_thread = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    """This thread's stemmer: PyStemmer objects are not thread-safe (one per thread)."""
    stemmer: Stemmer.Stemmer | None = getattr(_per_thread, "stemmer", None)
    if stemmer is None:
        stemmer = Stemmer.Stemmer("german")
        stemmer.maxCacheSize = 200_000
        _per_thread.stemmer = stemmer
    return stemmer


def fold(word: str) -> str:
    """Lowercase, fold umlauts/ß and drop other accents ("Schüler" -> "schuler",
    "Café" -> "cafe"; idempotent)."""
    folded = unicodedata.normalize("NFC", word).lower().translate(_FOLD)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def transliterate(text: str) -> str:
    """Umlauts and ß written out, as file names and addresses write them ("düsseldorf" ->
    "duesseldorf"); lower-case letters only, so lower-case the text first."""
    return text.translate(_TRANSLITERATION)


def fold_plain(word: str) -> str:
    """``fold`` with umlauts written out folded too, the same on both sides of a comparison:
    "Lübbecke", "luebbecke" -> "lubbecke" (file names, URLs and titles made from them write
    umlauts out). "Soest" becomes "sost" on both sides, so it still matches itself."""
    return fold(word).replace("ae", "a").replace("oe", "o").replace("ue", "u")


def tokenize(text: str) -> list[str]:
    """Word tokens in reading order; hyphenated compounds yield their parts."""
    text = _GENDER_MARK.sub("", unicodedata.normalize("NFC", text))
    return [t for t in _TOKEN.findall(text.replace("-", " "))]


def file_name_words(path: str) -> list[str]:
    """The words of a file's name, without its folders and suffix, as ``tokenize`` reads
    them: "kommunen/kreis_minden-luebbecke_beratung.txt" -> kreis, minden, luebbecke,
    beratung."""
    return tokenize(PurePosixPath(path).stem.replace("_", " "))


# The plural "-s" after a vowel ("Kitas", "Azubis", "Fotos", "Babys"), which Snowball keeps
# ("kitas" did not meet "kita"); not the "-nis" of a singular ("Kenntnis", whose plural
# "Kenntnisse" Snowball stems to "kenntnis")
_VOWEL_PLURAL = re.compile(r"(?<=..[^aeiouy][aioy])s$")


def _own_stem(word: str, snowball: str) -> str:
    """The stem of the folded ``word`` from its Snowball stem: feminine forms share the
    masculine's; a plural in "-s" after a vowel, left whole by Snowball, its singular's."""
    if snowball == word and _VOWEL_PLURAL.search(word) and not word.endswith("nis"):
        return word[:-1]
    return _FEMININE_STEM.sub(r"\1", snowball)


def stem(word: str) -> str:
    """German Snowball stem of a word (folded first); feminine forms share the masculine's,
    a plural in "-s" after a vowel its singular's."""
    folded = fold(word)
    return _own_stem(folded, str(_stemmer().stemWord(folded)))


def stems(words: list[str]) -> list[str]:
    """Stems of already folded words (see ``content_words``)."""
    return [_own_stem(w, str(s)) for w, s in zip(words, _stemmer().stemWords(words), strict=True)]


_SCHOOL_YEAR = re.compile(r"(?<![\d/])(\d{2})/(\d{2})(?![\d/])")


def normalize_question(text: str) -> str:
    """Spell out what staff abbreviate in questions: school years "21/22" -> "2021/22"."""
    return _SCHOOL_YEAR.sub(r"20\1/\2", text)


# An adjective of a name, capitalised as part of it: "am Staatlichen Studienkolleg", "der
# Evangelischen Jugend", "die Kaufmännische Schule" (inflected, before the name's noun), also
# a present participle ("der Weiterbildenden Schule"; not "-ende": "am Wochenende Ausflüge")
_NAME_ADJECTIVE = re.compile(
    r"[A-ZÄÖÜ][a-zäöüß]{3,}(?:(?:lich|isch)(?:e|en|er|es|em)|end(?:en|er|es|em))"
)


def nouns(text: str, folded: bool = True) -> list[str]:
    """Content words written capitalised, not at the start of the sentence (nouns); folded
    unless ``folded`` is false. An adjective that opens a name ("Staatlichen Studienkolleg")
    is no noun."""
    stop = stopwords()
    found = []
    tokens = tokenize(text)
    for i, token in enumerate(tokens):
        abbreviation = token.isupper() and len(token) > 1  # DaZ-like forms are mixed case
        if not ((i > 0 or abbreviation) and token[:1].isupper() and token.lower() not in stop):
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _NAME_ADJECTIVE.fullmatch(token) and following[:1].isupper():
            continue
        found.append(fold(token) if folded else token)
    return found


def content_words(text: str) -> list[str]:
    """Folded lowercase words of ``text`` without stopwords (input to stemming/splitting)."""
    stop = stopwords()
    words = [t.lower() for t in tokenize(text)]
    return [fold(w) for w in words if w not in stop and (len(w) > 1 or w.isdigit())]


def analyze(text: str, splitter: Callable[[str], tuple[str, ...]] | None = None) -> list[str]:
    """Content-word stems of ``text``: tokenized, stopwords removed, folded and stemmed.

    With a compound ``splitter`` the stems of a compound's parts follow its own stem, so
    "Sprachtest" also matches "Test" and "Sprachstandsfeststellung" also "Feststellung".
    """
    return expand_and_stem(content_words(text), splitter)


def expand_and_stem(
    words: list[str], splitter: Callable[[str], tuple[str, ...]] | None = None
) -> list[str]:
    """Stems of already folded content words, each compound followed by its parts' stems."""
    if splitter is not None:
        expanded: list[str] = []
        for word in words:
            expanded.append(word)
            parts = splitter(word)
            if len(parts) > 1:
                expanded.extend(parts)
        words = expanded
    return stems(words)


# Particles of German separable verbs: in a main clause or question the particle ends the
# clause apart from its verb ("Wo melden Eltern ihr Kind an?", "Wer führt den Test durch?"),
# while documents also write the verb whole or as a noun ("anmelden", "Anmeldung").
_PARTICLES = frozenset({
    "ab", "an", "auf", "aus", "bei", "dar", "durch", "ein", "fest", "fort", "her", "hin", "los",
    "mit", "nach", "statt", "teil", "um", "vor", "weg", "weiter", "zu", "zurück", "zusammen",
})  # fmt: skip
_CLAUSE_END = re.compile(r"[?!.;:,]")


def separable_verbs(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(stem of a word, stems of it joined with the particle that ends its clause) for each
    lower-case word of such a clause, most likely form first: "führt … durch" -> ("fuhrt",
    ("durchfuhrt", "durchfuhr")). Which word is the verb is left to the caller's vocabulary."""
    stop = stopwords()
    found: list[tuple[str, tuple[str, ...]]] = []
    for clause in _CLAUSE_END.split(text):
        tokens = tokenize(clause)
        if len(tokens) < 3 or tokens[-1].lower() not in _PARTICLES:
            continue
        particle = fold(tokens[-1])
        for i, token in enumerate(tokens[:-1]):
            word = fold(token)
            if (token[:1].isupper() and i > 0) or word in stop or not word.isalpha():
                continue
            whole = [particle + word]
            if word.endswith("t"):  # "meldet", "führt": the ending off ("anmelde", "durchführ")
                whole.append(particle + word[:-1])
            found.append((stem(word), tuple(dict.fromkeys(stems(whole)))))
    return found
