"""German text analysis for lexical retrieval and sentence scoring (pure, cached stemmer)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

__all__ = ["analyze", "fold", "stem", "stopwords", "tokenize"]

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
}

_TOKEN = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """German stopwords (bm25s list) plus question and filler words."""
    from bm25s.stopwords import STOPWORDS_GERMAN

    return frozenset(STOPWORDS_GERMAN) | frozenset(_QUESTION_WORDS)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    stemmer = Stemmer.Stemmer("german")
    stemmer.maxCacheSize = 200_000
    return stemmer


def fold(word: str) -> str:
    """Lowercase and fold umlauts/ß so that "Schüler", "Schueler" and "schuler" meet."""
    word = unicodedata.normalize("NFC", word).lower()
    word = word.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü") if _ascii(word) else word
    return word.translate(_FOLD)


def _ascii(word: str) -> bool:
    # Transliterated spellings ("Schueler") only occur in pure-ASCII words; "Quelle" and
    # "neue" lose their "ue" this way too, consistently in query and document.
    return word.isascii()


def tokenize(text: str) -> list[str]:
    """Word tokens in reading order; hyphenated compounds yield their parts."""
    text = unicodedata.normalize("NFC", text)
    return [t for t in _TOKEN.findall(text.replace("-", " "))]


def stem(word: str) -> str:
    """German Snowball stem of a lowercased, umlaut-folded word."""
    return str(_stemmer().stemWord(fold(word)))


def analyze(text: str) -> list[str]:
    """Content-word stems of ``text``: tokenized, stopwords removed, folded and stemmed."""
    words = [t.lower() for t in tokenize(text)]
    stop = stopwords()
    kept = [w for w in words if w not in stop and (len(w) > 1 or w.isdigit())]
    return [str(s) for s in _stemmer().stemWords([fold(w) for w in kept])]
