"""Who is responsible: the office, role, place, hours, phone and e-mail that a cited document
names for the topic of an answer ("Zuständig & Kontakt").

Pure: it reads the chunks of the documents the answer cites and picks the sentence that names
a responsible office for the question's topic. Every field is a verbatim piece of that
sentence (or of the sentence right after it in the same passage), and the contact carries its
own citation; when no sentence qualifies there is no contact. Nothing is ever made up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .german import content_words, stem
from .pii import screen
from .sentences import split_sentences
from .types import Answer, Chunk, Citation

__all__ = ["Contact", "find_contact"]

MAX_DOCUMENTS = 2  # look in the documents of the first citations only
MIN_SCORE = 3
QUOTE_JOINER = " … "  # how a quote joins its sentences (as in extractive answers)

_ORG_SUFFIXES = (
    "stelle", "stellen", "amt", "ämter", "büro", "zentrum", "lotsen", "dienst", "behörde",
    "team", "konferenz", "ausschuss", "agentur", "jobcenter", "berufskolleg", "schulaufsicht",
)  # fmt: skip
_CONNECTORS = frozenset({"im", "in", "der", "des", "für", "am"})
_ARTICLES = frozenset({"das", "die", "der", "dem", "den", "des", "ein", "eine", "einem", "einer"})
MAX_WORDS = 45
_CUE = re.compile(
    r"zuständig|Zuständig|verantwortlich|Ansprechpart|Anlaufstelle|Kontakt|erreichbar|"
    r"Telefon|Tel\.|E-Mail|befindet sich|Raum \d|Sprechstunde|Sprechzeiten|Federführung|"
    r"liegt beim|liegt bei der|führt\b.*\bdurch|übernimmt|berät"
)
_ROLE = re.compile(
    r"\b(?:(?:[a-zäöü]+(?:e|en|er) )?(?:Lehrkraft|Lehrkräfte|Leitung|Leiterin|Leiter|"
    r"Koordinatorin|Koordinator|Koordination|Sachbearbeiterin|Sachbearbeiter|Beauftragte|"
    r"Beauftragter|Bildungslotsen|Lotsin|Lotse|Beraterin|Berater|Beraterinnen|Fachkraft|"
    r"Fachkräfte|Verwaltungsfachkräften|Ansprechpartnerin|Ansprechpartner)"
    r"(?: (?:des|der) [A-ZÄÖÜ][\wäöüß-]{1,40})?)"
)
_PLACE = re.compile(
    r"(?:befindet sich|ist|liegt|sitzt) (?P<place>(?:im|in der|in|am) [^.;:!?]{3,120}?)(?=[.;!?]|$)"
)
_ROOM = re.compile(r"\b(?:Raum|Zimmer) [\w.]{1,10}\w")
_HOURS = re.compile(
    r"\b(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag)s?|montags|dienstags|"
    r"mittwochs|donnerstags|freitags)\b[^.;!?]{0,100}?\bUhr\b"
)
_TOKEN = re.compile(r"\(?[A-Za-zÀ-ɏ][\wÀ-ɏ-]*\)?")


@dataclass(frozen=True)
class Contact:
    """A responsible office (and what the document says about reaching it), with its source."""

    office: str
    role: str = ""
    place: str = ""
    hours: str = ""
    phone: str = ""
    email: str = ""
    citation: Citation | None = None

    def fields(self) -> list[tuple[str, str]]:
        """(kind, value) of the filled fields, in display order."""
        pairs = [
            ("office", self.office),
            ("role", self.role),
            ("place", self.place),
            ("hours", self.hours),
            ("phone", self.phone),
            ("email", self.email),
        ]
        return [(k, v) for k, v in pairs if v]


def find_contact(answer: Answer, chunks: Iterable[Chunk]) -> Contact | None:
    """The contact that the documents cited by ``answer`` name for its topic, if any."""
    if not answer.found or not answer.citations:
        return None
    documents = list(dict.fromkeys(c.doc_id for c in answer.citations))[:MAX_DOCUMENTS]
    cited_text = " ".join(" ".join((c.context or c.quote).split()) for c in answer.citations)
    topic = _topic(answer.rewritten_query or answer.question, answer.citations)
    best: tuple[int, Contact] | None = None
    for chunk in (c for c in chunks if c.doc_id in documents):
        sentences = _sentences(chunk.text)
        for i, _sentence in enumerate(sentences):
            scored = _candidate(chunk, sentences, i, topic, cited_text)
            if (
                scored is not None
                and scored[0] >= MIN_SCORE
                and (best is None or scored[0] > best[0])
            ):
                best = scored
    return None if best is None else best[1]


def _topic(question: str, citations: Sequence[Citation]) -> set[str]:
    """Stems of the question's content words, without the places its sources are about."""
    places = {stem(w) for c in citations for w in content_words(c.kommune)}
    return {stem(w) for w in content_words(question)} - places


def _sentences(text: str) -> list[str]:
    """The passage's sentences, split as everywhere else ("1. Februar" stays one sentence)."""
    return [" ".join(s.split()) for s in split_sentences(text) if s.strip()]


def _is_prose(sentence: str) -> bool:
    """A sentence, not a flattened table row (those are long runs of capitalised cells)."""
    words = sentence.split()
    capitals = sum(1 for w in words if w[:1].isupper())
    return 3 <= len(words) <= MAX_WORDS and capitals <= 0.5 * len(words)


def _offices(sentence: str) -> list[str]:
    """Every office named in ``sentence`` with its qualifiers, verbatim."""
    tokens = list(_TOKEN.finditer(sentence))
    found = []
    for i, token in enumerate(tokens):
        word = token.group().strip("()")
        abbreviation = word.isupper() and 2 <= len(word) <= 5 and _after_article(tokens, i)
        if not abbreviation and (
            not word[:1].isupper() or not word.lower().endswith(_ORG_SUFFIXES)
        ):
            continue
        start = i
        if i and _is_qualifier(tokens[i - 1].group()) and _after_article(tokens, i - 1):
            start = i - 1
        end = _extend_right(sentence, tokens, i)
        found.append(sentence[tokens[start].start() : tokens[end].end()])
    return found


def _is_qualifier(word: str) -> bool:
    """ "Regionale", "Kommunales", "Haldenberger": capitalised adjectives before an office."""
    return word[:1].isupper() and word.endswith(("e", "es", "er", "en")) and len(word) > 3


def _after_article(tokens: list[re.Match[str]], i: int) -> bool:
    return i == 0 or tokens[i - 1].group().lower() in _ARTICLES


def _joined(sentence: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Whether only spaces stand between two tokens (no comma, semicolon, dash …)."""
    return not sentence[left.end() : right.start()].strip()


def _extend_right(sentence: str, tokens: list[re.Match[str]], i: int) -> int:
    """ "Clearingstelle Schule im Rathaus", "Bildungslotsen (KI)", "Beratungsstelle des RBB"."""
    end = i
    j = i + 1
    while j < len(tokens) and j - i <= 4 and _joined(sentence, tokens[j - 1], tokens[j]):
        word = tokens[j].group()
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if word.startswith("(") and word.endswith(")"):
            end = j  # an abbreviation like "(KI)"
        elif word in _CONNECTORS and nxt is not None and nxt.group()[:1].isupper():
            if not _joined(sentence, tokens[j], nxt):
                break
            end = j + 1
            j += 1
        elif word[:1].isupper() and j == end + 1 and _closes(sentence, tokens[j], nxt):
            end = j  # "Schule" in "Clearingstelle Schule im Rathaus", a town at the end
        else:
            break
        j += 1
    return end


def _closes(sentence: str, token: re.Match[str], nxt: re.Match[str] | None) -> bool:
    """Whether a name part ends here: before a connector, punctuation or the sentence end."""
    if nxt is None:
        return True
    following = nxt.group()
    return (
        following in _CONNECTORS or following.startswith("(") or not _joined(sentence, token, nxt)
    )


def _candidate(
    chunk: Chunk, sentences: list[str], i: int, topic: set[str], cited_text: str
) -> tuple[int, Contact] | None:
    """The contact this sentence names and how well it fits the topic (None if it names none)."""
    sentence = sentences[i]
    offices = _offices(sentence) if _is_prose(sentence) else []
    if not offices:
        return None
    contact = _contact(chunk, sentences, i, _best_office(offices, topic))
    reachable = bool(contact.phone or contact.email)
    if not _CUE.search(sentence) and not reachable:
        return None
    overlap = len(topic & {stem(w) for w in content_words(sentence)})
    if overlap == 0:
        return None
    on_topic = any(stem(w) in topic for w in content_words(contact.office))
    details = sum(bool(v) for v in (contact.place, contact.hours, contact.phone, contact.email))
    score = 2 * overlap + 2 * (sentence in cited_text) + 2 * on_topic + details + reachable
    return score, contact


def _best_office(offices: list[str], topic: set[str]) -> str:
    """The office the question is about, else the first one named."""
    for office in offices:
        if any(stem(w) in topic for w in content_words(office)):
            return office
    return offices[0]


def _contact(chunk: Chunk, sentences: list[str], i: int, office: str) -> Contact:
    sentence = sentences[i]
    parts = [sentence]
    hours = _first(_HOURS, sentence)
    if not hours and i + 1 < len(sentences):
        hours = _first(_HOURS, sentences[i + 1])
        if hours:
            parts.append(sentences[i + 1])
    findings = screen(sentence).findings
    phone = next((sentence[f.start : f.end] for f in findings if f.kind == "phone"), "")
    email = next((sentence[f.start : f.end] for f in findings if f.kind == "email"), "")
    place_match = _PLACE.search(sentence)
    place = place_match.group("place") if place_match else _first(_ROOM, sentence)
    return Contact(
        office=office,
        role=_first(_ROLE, sentence),
        place=place,
        hours=hours,
        phone=phone,
        email=email,
        citation=_citation(chunk, sentence, QUOTE_JOINER.join(parts)),
    )


def _first(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group(0) if match else ""


def _citation(chunk: Chunk, sentence: str, quote: str) -> Citation:
    offset = " ".join(chunk.text.split()).find(sentence)
    page = chunk.page_of(sentence) if offset < 0 else chunk.page_at(_raw_offset(chunk, offset))
    meta = chunk.meta
    return Citation(
        n=0,
        doc_id=chunk.doc_id,
        title=meta.title,
        kommune=meta.kommune,
        page=page,
        quote=quote,
        section=chunk.section,
        doc_type=meta.doc_type,
        stand=meta.stand,
        chunk_id=chunk.chunk_id,
        context=chunk.text,
    )


def _raw_offset(chunk: Chunk, normalised_offset: int) -> int:
    """Offset in ``chunk.text`` of the character at ``normalised_offset`` of its
    whitespace-normalised form (the page lookup needs raw offsets)."""
    seen = 0
    previous_space = True  # leading whitespace is dropped by the normalisation
    for raw, ch in enumerate(chunk.text):
        space = ch.isspace()
        if space and previous_space:
            continue
        if seen >= normalised_offset:
            return raw
        seen += 1
        previous_space = space
    return len(chunk.text)
