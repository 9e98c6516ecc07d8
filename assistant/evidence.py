"""What the retrieved passages offer as an answer: scored candidate sentences (pure).

``gather`` splits the retrieved passages into sentences, describes each by the features of
``assistant.scoring`` and scores it with the sentence model; it also computes the
question-level evidence the answerability model decides on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from .constraints import unmet_requirements
from .german import MONTHS, analyze
from .injection import tainted_sentences
from .lexical import LexicalIndex, Query, covers_in_passage
from .question import PERSON_ROLE, ROLE_OR_OFFICE_WORD, Expectation, Frame, role_group
from .scoring import AnswerModel, answerability_features, focus_term, sentence_features
from .sentences import is_heading_line, is_table_row, row_cells, split_sentences
from .statements import answers_another_count, is_document_date, states_type, with_declared_units
from .types import FRONT_MATTER_KINDS, Chunk, Hit

__all__ = [
    "Candidate",
    "Evidence",
    "answers_anything",
    "gather",
    "is_boilerplate",
    "is_list_question",
    "is_web_chrome",
    "starts_with_reference",
]

# Sentence starts that refer back to the previous sentence. "Das" only as a pronoun, before a
# lower-case word ("Das gilt auch …", "Das wurde …"), not as an article: before a noun ("Das
# Elterncafé …") or an inflected adjective and a noun ("Das sogenannte „DaZ-Zentrum“ gibt es
# …", "Das neue Zentrum …"; the auxiliaries that also end in "-e" are verbs). "Sie"/"Es"/"Ihr"
# are left out because staff-facing texts use them for the reader ("Sie erhalten ...") and
# for "Es gibt ...".
_ADJECTIVE_AFTER_DAS = (
    r"(?!\s+(?!(?:wurde|würde|wäre|hätte|könnte|sollte|müsste|dürfte|möchte|wollte|konnte|"
    r"musste|durfte)\b)(?-i:[a-zäöüß]+e\s+[„\"A-ZÄÖÜ]))"
)
_ANAPHORA = re.compile(
    rf"^(dies|diese[rsmn]?|das(?=\s+(?-i:[a-zäöüß])){_ADJECTIVE_AFTER_DAS}|dabei|dafür|dazu|"
    r"davon|darüber|damit|"
    r"hierfür|hierzu|hier|er|außerdem|zudem|ebenso|darauf|dort|deshalb|daher|somit|danach|"
    r"anschließend)\b",
    re.IGNORECASE,
)
# A third-person pronoun opening a sentence, told from the reader's "Sie" by grammar: "Sie"
# with a verb in the third person singular ("Sie dauert", "Sie ist", "Sie kann"), or a
# lower-case "sie"/"ihn"/"ihm"/"ihr"/"ihnen" after a preposition ("Für sie richtet ...").
_PRONOUN_START = re.compile(
    r"^(?:Sie\s+(?:[a-zäöüß]+t|ist|hat|wird|kann|muss|soll|darf|will|mag)\b|"
    r"(?:für|mit|bei|von|zu|nach|an|auf|aus|über|unter|neben|gegen)\s+"
    r"(?-i:sie|ihn|ihm|ihr|ihnen)\b)",
    re.IGNORECASE,
)
# A question asks for several items when it says so ("Welche …", "Nenne …", "alle") or asks
# for a plural noun after "welche" — general German forms, not words of one corpus.
_LIST_QUESTION = re.compile(
    r"\b(welche|nenn\w*|liste\w*|aufzähl\w*|alle|sämtliche)\b", re.IGNORECASE
)
# A salutation or closing of a letter, speech or foreword
_ADDRESSING = re.compile(
    r"^(?:sehr\s+geehrte[rn]?|liebe[rn]?\s+(?:\w+\s+)?(?:leserinnen|leser|gäste|kolleginnen|"
    r"eltern|damen|bürgerinnen|mitbürgerinnen|freundinnen|teilnehmende)|"
    r"(?:mit\s+)?(?:freundlichen|besten|herzlichen)\s+grüßen|hochachtungsvoll)\b[^.!?]{0,80}[!,.]?$",
    re.IGNORECASE,
)
# A sentence announcing what a page or chapter goes on to tell ("Auf dieser Seite erfahren Sie,
# wie die Erstberatung abläuft, …", "In diesem Kapitel wird beschrieben, welche …") names
# topics without stating anything about them.
_PREVIEW = re.compile(
    r"^(?:auf|in)\s+(?:dieser|diesem|den\s+folgenden|der\s+folgenden)\s+\w+\s+"
    r"(?:(?:erfahren|finden|lesen|sehen)\s+sie|(?:wird|werden)\s+(?:kurz\s+)?"
    r"(?:beschrieben|dargestellt|erläutert|erklärt|vorgestellt|gezeigt))\s*,?\s*"
    r"(?:wie|was|welche\w*|wo|wann|warum|wer|ob)\b",
    re.IGNORECASE,
)
# A download link's file size ("Vorlage 144 KB", "Dateigröße: 2,3 MB"); gigabytes are a
# device's memory or a data plan ("iPads (WiFi, 64 GB)"), no page's download
_FILE_SIZE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:[kKM]B|[kKM]Byte)\b|\bDateigr(?:ö|oe)(?:ß|ss)e\b")
# A file's name ("Letzte Aktualisierung: 13800268.jpg", "Flyer_DaZ.pdf"): an image caption
# or a download link of a scraped page
_FILE_NAME = re.compile(
    r"\b[\w-]+\.(?:jpe?g|png|gif|webp|svg|tiff?|pdf|docx?|odt|xlsx?|pptx?)\b", re.IGNORECASE
)
# A picture's or figure's credit ("Foto: [Name] (dpa)", "Quelle: Fischerschule Greifswald"):
# a few words on who made it, nothing about the topic
_CREDIT = re.compile(
    r"^\(?(?:quelle|bildquelle|bildrechte|bildnachweis|fotonachweis|foto|fotos|bild|bilder|"
    r"grafik|abbildung)\s*:\s*"
    r"(?:[^\s.!?:]+\s*){1,5}\.?$",
    re.IGNORECASE,
)
# Table-of-contents lines ("3.2 Erstberatung ........ 7") and bare page furniture. A short
# line whose number follows a colon is a labelled value ("- Regelschulen: 14"), not a title
# with its page.
_TOC_LINE = re.compile(
    r"(\.{3,}|…+|\s\.\s\.\s\.)\s*\d+\s*$|^\S+(\s+\S+){0,6}(?<!:)\s+\d{1,3}$|"
    # a numbered section title ending in leader dots whose page number the sentence
    # splitting cut off ("4.3 Notwendige Unterlagen ... 16")
    r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\S.{0,120}?(?:\.{3,}|…)\s*$"
)
# A page's running header or footer "Seite 3 von 11" run into the text around it by the
# conversion: the sentence holding it is page furniture
_PAGE_OF = re.compile(r"\bSeite\s+\d{1,4}\s+von\s+\d{1,4}\b")
# Web chrome a saved or printed page keeps in its text: a cookie notice ("Cookies
# erleichtern die Bereitstellung unserer Dienste."), the browser's print stamp, a time
# to the second ("… https://www.… 15.07.2020 13:50:54 Uhr"), the page's skip links, often
# several in one line ("zum Hauptinhalt wechseln zum Hauptmenü wechseln …", "Startseite
# Alt+0 Navigation Alt+1"), its font size buttons ("Schrift verkleinern Schrift vergrößern")
# and the heading of its in-page contents ("Inhalte auf der Seite")
_WEB_CHROME = re.compile(
    r"\bcookie|\b\d{1,2}:\d{2}:\d{2}\b|"
    r"\b(?:direkt\s+)?zu[mr]\s+(?:haupt)?(?:inhalt|menü|navigation|fußbereich|suche)\s+"
    r"(?:springen|wechseln)\b|^zum\s+hauptinhalt\b|"
    r"\balt\s?\+\s?\d\b|\bschrift\s+(?:verkleinern\s*schrift\s+vergrößern|"
    r"vergrößern\s*schrift\s+verkleinern)|"
    r"^(?:inhalte?|inhaltsverzeichnis)\s+(?:auf\s+)?(?:der|dieser)\s+seite\W*$|"
    # a news archive's list of months ("Oktober 2024 September 2024 August 2024 …")
    rf"(?:\b(?:{'|'.join(MONTHS)})\s*(?:19|20)\d{{2}}\W*){{3}}",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")
_TITLE_PAGE_CHARS = 700  # a first page this short in a longer document is a title page
_MIN_TERMS = 3  # fragments and bare headings answer nothing


def is_boilerplate(sentence: str, chunk: Chunk, pages: int) -> bool:
    """Title pages, tables of contents, member lists and page furniture: never an answer.

    A passage the loader marked as front matter (``Chunk.kind``), a first page of a multi-page
    document with little text, a line that ends in a page number after dots, one that
    holds a page count ("Seite 1 von 11"), a cookie notice, a print stamp or a web page's
    skip links.
    """
    if chunk.kind in FRONT_MATTER_KINDS:
        return True
    if pages >= 4 and chunk.page_of(sentence) == 1 and len(chunk.text) < _TITLE_PAGE_CHARS:
        return chunk.position == 0
    # A short table row ending in a number ("- Projekt: Lesepaten; Anzahl: 40") is no
    # contents line: its cells are labelled.
    return not is_table_row(sentence) and bool(
        _TOC_LINE.search(sentence) or _PAGE_OF.search(sentence) or is_web_chrome(sentence)
    )


def is_web_chrome(sentence: str) -> bool:
    """Whether ``sentence`` is page furniture of a web page: a cookie notice, a print stamp,
    the page's skip links or an archive's list of months."""
    return _WEB_CHROME.search(sentence) is not None


# The noun of "In welchem Jahr …?", "Ab welchem Tag …?", "Welcher Anteil …?" names the
# answer's type, not its topic ("etwa 25 % der Flüchtlinge" answers without "Anteil")
_TYPE_NOUNS = {
    "year": frozenset({"jahr"}),
    "date": frozenset({"tag", "datum", "termin"}),
    "weekday": frozenset({"tag", "wochentag"}),
    # "Um wie viel Prozent ist die Zahl der X gestiegen?": the number is what the share
    # measures, X is the topic ("seit 2002 um 53% angestiegen" names no "Zahl")
    "percent": frozenset({"anteil", "prozentsatz", "prozent", "quot", "zahl", "anzahl"}),
    # "Mit welchem Betrag …?", "Wie viel Geld …?", "Welche Summe …?": the amount, in euros
    "money": frozenset({"betrag", "geld", "summ"}),
    # "Unter welcher Adresse …?", "In welcher Straße …?": the street, which no line of an
    # address block calls so ("Heidauer Straße 140")
    "address": frozenset({"adress", "anschrift", "strass"}),
    # "In welchem Zimmer …?", "Auf welcher Etage …?": the room or floor, which a line of a
    # contact block gives by its number ("Zimmer 12", "3. Etage")
    "room": frozenset(
        [
            "zimm",
            "raum",
            "buro",
            "etag",
            "stock",
            "stockwerk",
            "geschoss",
            "obergeschoss",
            "zimmernumm",
            "raumnumm",
        ]
    ),
    # "An welche Mailadresse …?", "Unter welcher Telefonnummer …?": the channel, which the
    # sentence names by the address or number itself ("an info@…", "0221 …")
    "contact": frozenset(
        {"telefonnumm", "rufnumm", "telefon", "faxnumm", "numm", "mail", "mailadress", "adress"}
    ),
    # "Welches Deutschniveau …?": the level ("B1"), which a sentence need not call so
    "level": frozenset({"niveau", "deutschniveau", "sprachniveau", "niveaustuf"}),
    "expansion": frozenset({"abkurz", "kurzel", "kurzform"}),  # "Wofür steht die Abkürzung …?"
    # "Zu welchen Zeiten …?", "Welche Sprechzeiten …?", "Um welche Uhrzeit …?": the times,
    # which a sentence states without calling them so ("dienstags von 9 bis 12 Uhr geöffnet")
    "hours": frozenset({"zeit", "sprechzeit", "offnungszeit", "sprechstund", "uhrzeit"}),
    "clock": frozenset({"zeit", "uhrzeit", "uhr"}),
    # "Bis zu welchem Alter …?", "Welches Mindestalter …?", "Für welchen Zeitraum …?": the
    # age or the span, which a sentence states as a number of years or a stretch of time
    "age": frozenset({"alt", "mindestalt", "hochstalt", "altersgrenz", "altersgrupp"}),
    "duration": frozenset({"zeitraum", "dau", "zeitspann"}),
}


def _without_type_nouns(query: Query, expects: Expectation, question: str = "") -> Query:
    if expects.kind == "unit" and expects.unit == "stunden-minuten":
        return _without_measured_teaching(query)
    nouns = _TYPE_NOUNS.get(expects.kind, frozenset())
    if expects.kind == "person":
        # the role asks for its holder ("Wer ist Schulleiterin der …?"): the school or office
        # is what the sentence must name ("…, Leiterin der Heiligengeistschule"), or the role
        nouns = frozenset(analyze(" ".join(_ROLE_WORD.findall(question))))
    if expects.rate:
        # "Was kostet … pro Jahr?": the rate is checked as such ("jährlich", "im Jahr",
        # ``states_type``), not as the topic a sentence must name
        nouns |= frozenset(analyze(expects.rate))
    # "im Juni 2024", "laut Mitteilung vom Juni": a month dates what is asked (``constraints``
    # checks the year), it is no topic
    nouns |= _month_terms()
    return replace(query, terms=tuple(t for t in query.terms if t not in nouns))


@lru_cache(maxsize=1)
def _month_terms() -> frozenset[str]:
    """The terms of the month names (analysed on first use, not when the module loads)."""
    return frozenset(term for month in MONTHS for term in analyze(month))


_ROLE_WORD = re.compile(rf"\b(?i:{PERSON_ROLE})\b")
# What hours measure ("Wie viel Deutschunterricht …?", "Wie viele Stunden Unterricht …?")
_TEACHING = "unterricht"


def _without_measured_teaching(query: Query) -> Query:
    """The topic of a question for hours of teaching: the teaching is what the hours
    measure, as the day is what a date names, so "Deutschunterricht" leaves what is taught
    ("Deutsch") as the topic ("Zwei bis drei Stunden am Tag lernen die Kinder Deutsch")."""
    terms: list[str] = []
    nouns = set(query.nouns)
    for term in query.terms:
        if term.endswith(_TEACHING):  # "unterricht" itself too: then nothing is taught
            # the compound's parts, also where the splitter does not know them both
            parts = query.parts_of(term)[:-1] or tuple(analyze(term[: -len(_TEACHING)]))
            taught = [p for p in parts if p not in terms]
            terms.extend(taught)
            if term in query.nouns:
                nouns.update(taught)
            continue
        terms.append(term)
    return replace(query, terms=tuple(terms), nouns=frozenset(nouns))


def answers_anything(sentence: str, frame: Frame | None = None) -> bool:
    """Whether a sentence can state an answer at all.

    A question the document asks its reader ("Sie sind neu zugezogen?") states nothing, nor
    does a letter's or speech's salutation or closing ("Sehr geehrte Damen und Herren!",
    "Mit freundlichen Grüßen"); a document's date line ("Stand: Februar 2024") answers only
    a question about that date, and a preview of a page ("Auf dieser Seite erfahren Sie,
    wie …") names what others say. A download link ("Dokument anzeigen: Vorlage
    Dateigröße: 144 KB") or an image caption ("Letzte Aktualisierung: 13800268.jpg") is a
    file, not its content, and a picture's credit ("Foto: [Name] (dpa)") names who made it.
    A line of figures alone ("16.07.18, 14:02") stamps a post or a comment with its time,
    as a date line does. Without a ``frame`` no question asks for a document's date.
    """
    if sentence.rstrip().endswith("?") or _PREVIEW.match(sentence.strip()):
        return False
    if _FILE_SIZE.search(sentence) or _FILE_NAME.search(sentence):
        return False
    if _ADDRESSING.match(sentence.strip()) or _CREDIT.match(sentence.strip()):
        return False
    asks_date = frame is not None and frame.document_date
    if not _WORD.search(sentence):  # "16.07.18, 14:02": a post's time stamp, no statement
        return asks_date
    return asks_date or not is_document_date(sentence)


# A word of a statement: two letters at least, other than the "Uhr" of a time stamp
_WORD = re.compile(r"(?!uhr\b)[^\W\d_]{2,}", re.IGNORECASE)


def is_list_question(question: str) -> bool:
    """Whether the question asks for several items ("Welche Schritte ...?")."""
    return bool(_LIST_QUESTION.search(question))


def starts_with_reference(sentence: str) -> bool:
    """Whether a sentence leans on the one before ("Dies gilt auch ...", "Dabei ...", "Sie
    dauert zwei Wochen", "Für sie gibt es ...")."""
    return bool(_ANAPHORA.match(sentence) or _PRONOUN_START.match(sentence))


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved passage with its features and answer probability."""

    text: str
    chunk: Chunk
    rank: int  # rank of its passage in retrieval (0 = best)
    order: int  # position of the sentence within its passage
    features: tuple[float, ...]
    probability: float
    terms: frozenset[str]
    unmet: tuple[str, ...] = ()  # requirements of the question this sentence misses
    covers_focus: bool = False  # it, its neighbours or its heading name the focus term


@dataclass(frozen=True)
class Evidence:
    """Everything the composer and the refusal policy need for one question."""

    query: Query
    hits: tuple[Hit, ...]
    sentences: dict[str, list[str]]  # chunk id -> its sentences
    candidates: tuple[Candidate, ...]  # best first
    features: tuple[float, ...]  # answerability features
    answerability: float
    frame: Frame = field(default_factory=lambda: Frame(""))
    # chunk id -> the chunk before it in its document, for a passage that opens leaning on
    # it ("Dort soll auch …"): the antecedent an answer quoting that sentence needs
    preceding: dict[str, Chunk] = field(default_factory=dict)


def gather(
    query: Query,
    hits: Sequence[Hit],
    lexical: LexicalIndex,
    model: AnswerModel,
    topic: Query | None = None,
    frame: Frame | None = None,
    semantic: Mapping[str, float] | None = None,
    pages: Mapping[str, int] | None = None,
    openings: Mapping[str, str] | None = None,
    unfocused: frozenset[str] = frozenset(),
    earlier: Mapping[str, str] | None = None,
) -> Evidence:
    """Score every sentence of the passages and the question's answerability.

    Coverage is measured on ``topic``: the question without the municipality or document type
    it names, which every passage in scope mentions anyway. ``frame`` holds what the question
    requires besides its topic (checked per sentence), ``semantic`` the embedding cosine of
    each passage with the question, ``pages`` the page count of each document, ``openings``
    the first passage of a one-page document whose later passages are among the hits.
    ``unfocused`` are terms of places the question names ("in Rastede"): where, not what,
    so none of them is the thing an amount or a year must be said of. ``earlier`` is the
    text before each later passage of a one-page document, for a question asking for a
    person by role: a person named in that role ("sagt Schulleiterin …") belongs to the
    school that the news item named before.
    """
    query = topic or query
    frame = frame or Frame(query.text)
    sentences = {h.chunk.chunk_id: split_sentences(h.chunk.text) for h in hits}
    opened = {
        doc_id: frozenset(analyze(_opening_sentence(text), lexical.splitter))
        for doc_id, text in (openings or {}).items()
    }
    before = {
        chunk_id: frozenset(analyze(text, lexical.splitter))
        for chunk_id, text in (earlier or {}).items()
    }
    context = _Context(
        lexical, frame, dict(semantic or {}), dict(pages or {}), opened, unfocused, before
    )
    candidates = _candidates(query, hits, context, sentences, model)
    features = answerability_features(query, hits, lexical, candidates, context.semantic)
    return Evidence(
        query=query,
        hits=tuple(hits),
        sentences=sentences,
        candidates=tuple(candidates),
        features=tuple(features),
        answerability=model.answerability.probability(features),
        frame=frame,
    )


def _opening_sentence(text: str) -> str:
    """A passage's first sentence, with the heading above it ("# Sprachtreff\n\nIm
    Sprachtreff der Lindenschule lernen Mütter Deutsch.")."""
    sentences = split_sentences(text)
    if len(sentences) > 1 and is_heading_line(sentences[0], text):
        return " ".join(sentences[:2])
    return sentences[0] if sentences else ""


@dataclass(frozen=True)
class _Context:
    lexical: LexicalIndex
    frame: Frame
    semantic: dict[str, float]
    pages: dict[str, int]
    openings: dict[str, frozenset[str]] = field(default_factory=dict)  # terms, by document
    unfocused: frozenset[str] = frozenset()  # terms of place names (``gather``)
    earlier: dict[str, frozenset[str]] = field(default_factory=dict)  # terms, by passage


# what a line of a contact card states (``_candidates``): a person in a role or office
_PERSON = Expectation("person")


def _names_office_holder(line: str) -> bool:
    """Whether ``line`` names a person and a role or office ("Jan Weber, StD Koordinator")."""
    return states_type(_PERSON, line) and ROLE_OR_OFFICE_WORD.search(line) is not None


# A one-word label before the value it introduces: "Herausgeber: Stadt Feldau, Schulamt"
_FIELD_LABEL = re.compile(r"([A-ZÄÖÜ][\w-]+):\s+\S")


def _asked_field(line: str, query: Query) -> bool:
    """Whether ``line`` is a labelled field whose label the question names: "Herausgeber:
    Stadt Feldau, Schul- und Sportamt" answers "Welches Amt ist Herausgeber des Berichts?",
    though as a line of its own without a verb it reads like a title with a colon."""
    label = _FIELD_LABEL.match(line)
    named = set(analyze(label.group(1))) if label else set()
    return bool(named) and named <= set(query.terms)  # ("Aber: …" names no label)


def _candidates(
    query: Query,
    hits: Sequence[Hit],
    context: _Context,
    sentences: dict[str, list[str]],
    model: AnswerModel,
) -> list[Candidate]:
    lexical, expects = context.lexical, context.frame.expects
    pairs = _pairs(list(query.terms))
    topic = _without_type_nouns(query, expects, context.frame.text)
    # where the question asks about is checked as a place (``constraints``), not as its topic:
    # also a place it names without "in" ("die Gemeinde Lustenau") or one the index does not
    # know as a place
    placed = context.unfocused.union(
        *(analyze(place, lexical.splitter) for place in context.frame.places)
    )
    asked = tuple(t for t in topic.terms if t not in placed)
    focus = focus_term(replace(topic, terms=asked) if asked else topic, lexical)
    # a person question is also met where the sentence names the role ("sagt Schulrat …")
    roles = (
        frozenset(query.terms) - frozenset(topic.terms) if expects.kind == "person" else frozenset()
    )
    if context.frame.existence:
        # "Gibt es X?" asks whether the documents name X: a noun of the question that the
        # corpus never uses (nor its parts or synonyms) is what no sentence names
        unknown = [t for t in query.terms if t in query.nouns and not lexical.known(query, t)]
        focus = unknown[0] if unknown else focus
    head = _compound_head(query, focus)
    # "die eigenen Klassen bzw. Gruppen": a sentence naming either names what is asked
    alternatives = _alternatives(context.frame.text, focus)
    rows: list[tuple[int, int, list[list[str]]]] = []
    for rank, hit in enumerate(hits):
        analysed = [analyze(t, lexical.splitter) for t in sentences[hit.chunk.chunk_id]]
        pages = context.pages.get(hit.chunk.doc_id, 0)
        planted = tainted_sentences(hit.chunk.text)  # instructions to a model, and their payload
        for order, sentence_terms in enumerate(analysed):
            text = sentences[hit.chunk.chunk_id][order]
            # the street line of an address block ("Heidauer Straße 140") answers where an
            # office is, though it ends in a number as a line of contents does and reads like
            # a heading or a fragment; so does its room line ("Haus B, Zimmer 12")
            block_line = expects.kind in ("address", "room") and states_type(expects, text)
            if text in planted or (is_boilerplate(text, hit.chunk, pages) and not block_line):
                continue  # planted instructions and title pages are never quoted as answers
            if is_heading_line(text, hit.chunk.text) and not (
                _names_office_holder(text) or block_line or _asked_field(text, query)
            ):
                # a heading names the topic of what follows; it states nothing (a line of a
                # contact card, "Jan Weber, StD Koordinator Seiteneinstieg", names a person
                # in an office; "Frau Jan Weber" alone heads the card; "Herausgeber: Stadt
                # Feldau" is a field when the question names its label)
                continue
            if not answers_anything(text, context.frame):
                continue
            if len(set(sentence_terms)) >= _MIN_TERMS or text.startswith("- ") or block_line:
                rows.append((rank, order, analysed))
    texts = [sentences[hits[rank].chunk.chunk_id][order] for rank, order, _ in rows]
    similarity = lexical.char_similarity(query, texts)
    out = []
    for (rank, order, analysed), text, char_sim in zip(rows, texts, similarity, strict=True):
        hit = hits[rank]
        typed = with_declared_units(text, hit.chunk)  # "2024: 110.000" of a table "(in Euro)"
        terms = frozenset(analysed[order])
        around = terms.union(*analysed[max(0, order - 1) : order + 2])
        own = lexical.coverage(query, terms)
        features = sentence_features(
            own=own,
            context=lexical.coverage(query, terms | lexical.heading_terms_of(hit.chunk)),
            chunk=lexical.coverage(query, lexical.context_terms_of(hit.chunk)),
            neighbours=lexical.coverage(query, around),
            pairs=_pair_share(pairs, analysed[order]),
            rank=rank,
            fused=hit.score,
            char_similarity=float(char_sim),
            type_match=(1 if states_type(expects, typed) else -1) if expects.kind else 0,
            list_item=text.startswith("- "),
            position=order / max(1, len(analysed) - 1),
            words=len(text.split()),
            anaphora=bool(_ANAPHORA.match(text)),  # the fitted model knows this narrower form
            semantic=context.semantic.get(hit.chunk.chunk_id, 0.0),
        )
        probability = model.sentence.probability(features)
        unmet = unmet_requirements(context.frame, text, hit.chunk)
        if (
            expects.kind == "count"
            and not unmet
            and order
            and answers_another_count(
                sentences[hit.chunk.chunk_id][order - 1], text, context.frame.text
            )
        ):
            unmet = ("Art: count",)  # the figure of the question before it, which counts another
        row = is_table_row(text)
        # A table row names what its numbers count in its own cells; its neighbours are other
        # rows, whose labels are not its own.
        near = (terms if row else around) | lexical.heading_terms_of(hit.chunk)
        if expects.kind in _BLOCK_TYPES and not row:
            near |= _block_above(sentences[hit.chunk.chunk_id], analysed, order)
        if not row and hit.chunk.position == 0:
            # a document's opening sentence names what it is about ("Auch in der
            # Teutoburger Wald Grundschule …"): a figure further down is about that too
            near |= set(analysed[0])
        elif not row:  # so is one in a later passage of a one-page document (a news item)
            near |= context.openings.get(hit.chunk.doc_id, frozenset())
        covers = (
            not focus
            or lexical.covers(query, focus, near)
            or any(alternative in near for alternative in alternatives)
            or bool(roles & near)
            or (expects.kind == "person" and _holds_office(focus, terms))
            or covers_in_passage(query, focus, terms, lexical.context_terms_of(hit.chunk))
        )
        if not covers and hit.chunk.chunk_id in context.earlier and states_type(expects, typed):
            # "sagt Schulleiterin …" in a news item that named the asked school before
            covers = lexical.covers(query, focus, context.earlier[hit.chunk.chunk_id])
        if not covers and not row and expects.names_focus:
            # "Deutschkurse" asked, "für solche Grundkurse … 160.500 Euro" stated: a compound
            # of the same head names the same kind of thing in other words; so does the
            # compound's own end where the splitter does not know its first part
            # ("Sprachförderbedarf" asked, "Förderbedarf" stated), and a compound ending in
            # the asked noun names a kind of it ("Veranstaltung" asked, "eine
            # Schwerpunktveranstaltung … Hierfür werden 600,- € eingesetzt" stated)
            covers = any(
                t != focus
                and (
                    (head and t.endswith(head))
                    or _ends_compound(focus, t)
                    or _ends_compound(t, focus)
                )
                for t in near
            )
        if row and not covers and expects.kind == "count":
            # "wie viele davon … einem Berufskolleg": a cell "Berufskolleg: 115" counts it
            covers = _counts_asked_column(text, query, context, lexical)
        strict = expects.names_focus or (row and expects.kind == "count")
        if (strict or context.frame.existence) and not covers and not unmet and not expects.counted:
            # an amount, share or phone number counts only where the asked thing is named,
            # and "Gibt es X?" is answered only by a sentence that names X ("wie viele
            # Wochenstunden" names its counted thing by the unit, like any "wie viele")
            unmet = (f"Art: {expects.kind or 'Gegenstand'}",)
        out.append(
            Candidate(
                text, hit.chunk, rank, order, tuple(features), probability, terms, unmet, covers
            )
        )
    out.sort(key=lambda c: (-c.probability, c.rank, c.order))
    return out


# Answer types that stand in an address or contact block, under the name of what they reach
_BLOCK_TYPES = ("contact", "hours", "address", "room")
_BLOCK_LINES = 6  # lines of such a block above the phone number or office hours


def _block_above(lines: Sequence[str], analysed: Sequence[list[str]], order: int) -> set[str]:
    """Terms of the lines a contact block puts above line ``order``: "Beratungshotline",
    "Kreis Feldau", "Tel.: …" are lines of one block, not sentences, and the phone number
    belongs to the name at its top. The block reaches back to the last line that ends a
    sentence, at most ``_BLOCK_LINES`` lines."""
    found: set[str] = set()
    for index in range(order - 1, max(-1, order - 1 - _BLOCK_LINES), -1):
        if lines[index].rstrip().endswith((".", "!", "?")):
            break
        found.update(analysed[index])
    return found


_HEAD = 4  # the shortest head of a compound that names a kind of thing ("Kurs")


def _holds_office(focus: str, terms: frozenset[str]) -> bool:
    """Whether a word of the sentence names a role in the asked office as one compound:
    "Kiels Schulamtsleiterin <Vorname Name>" for "Wer leitet das Schulamt?". The splitter keeps
    such a compound whole when the corpus lacks its last part as a word of its own."""
    return any(t != focus and t.startswith(focus) and role_group(t[len(focus) :]) for t in terms)


_TAIL = 6  # the shortest end of a compound that names its kind of thing alone ("bedarf")


# Two nouns the question offers as alternatives: "Klassen bzw. Gruppen", "Kurse oder
# Gruppen", "Schulassistentinnen beziehungsweise Schulassistenten"
_ALTERNATIVE_NOUNS = re.compile(
    r"\b([A-ZÄÖÜ][\w-]*\w)\s+(?:bzw\.|beziehungsweise|oder)\s+([A-ZÄÖÜ][\w-]*\w)\b"
)


def _alternatives(question: str, focus: str) -> frozenset[str]:
    """The terms of the nouns ``question`` offers as alternatives to its ``focus`` noun: in
    "Ab wann beginnen die eigenen Klassen bzw. Gruppen?" a sentence on the start of the
    classes answers as one on the groups does."""
    if not focus:
        return frozenset()
    found: set[str] = set()
    for match in _ALTERNATIVE_NOUNS.finditer(question):
        sides = [analyze(match.group(i)) for i in (1, 2)]  # each noun as one term
        for own, other in (sides, sides[::-1]):
            if focus in own:
                found.update(other)
    return frozenset(found - {focus})


def _ends_compound(compound: str, term: str) -> bool:
    """Whether ``term`` is the end of ``compound`` after a first part of at least ``_HEAD``
    letters: "forderbedarf" of "sprachforderbedarf"."""
    return len(term) >= _TAIL and len(compound) - len(term) >= _HEAD and compound.endswith(term)


def _compound_head(query: Query, term: str) -> str:
    """The last part of the question's compound ``term`` ("kurs" of "deutschkurs"), or ""
    when it is none or too short to name a kind of thing."""
    parts = query.parts_of(term)
    head = parts[-1] if len(parts) >= 2 else ""
    return head if len(head) >= _HEAD else ""


def _counts_asked_column(row: str, query: Query, context: _Context, lexical: LexicalIndex) -> bool:
    """Whether a cell of the table row holds a number under a column the question names
    by one of its nouns (a place or year in a column label names no counted thing)."""
    places = {t for place in context.frame.places for t in analyze(place, lexical.splitter)}
    asked = {t for t in query.nouns if t.isalpha() and t not in places}
    return any(
        asked & set(analyze(label, lexical.splitter))
        for label, value in row_cells(row)
        if _NUMBER.search(value)
    )


def _pairs(terms: list[str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in pairwise(terms) if a != b}


def _pair_share(pairs: set[tuple[str, str]], terms: list[str]) -> float:
    """Share of the question's adjacent term pairs that stand adjacent in the sentence too."""
    if not pairs:
        return 0.0
    return len(pairs & _pairs(terms)) / len(pairs)
