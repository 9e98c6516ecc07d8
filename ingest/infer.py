"""Metadata a document states about itself: its municipality, document type and Stand, and
which older document an update continues (pure).

Used when a file has no (complete) manifest entry. Real documents say who they belong to on
the title page ("Stadt Feldau – Schulamt"), in their title and throughout the text ("im Kreis
Feldau", "der Stadt Feldau"). The municipality named most often, with the title and first
page counting extra, is taken when it clearly leads; a guide that names several
municipalities equally gets none. A bare name counts for a municipality the corpus knows
("in Feldau" for the Stadt Feldau another file names), so the ingest pipeline infers every
such file again once all files of a run are read (``infer_kommune``). The results are marked
as inferred and never override the manifest.

An update ("1. Fortschreibung des Kommunalen Konzepts …") without a manifest ``supersedes``
continues the document of the same municipality, with no later Stand, whose title it shares
most (``infer_versions``). Such a link is marked as inferred and treated like an unconfirmed
new version: answers keep the older statement first until an admin confirms it.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from assistant.gazetteer import (
    adjective_bases,
    is_place_outside_nrw,
    listed_as_written,
    two_word_places,
)
from assistant.german import MONTHS, analyze, file_name_words, fold_plain, stem, tokenize
from assistant.nrw import (
    CITIES,
    KREIS_NAMED_TOWNS,
    TOWN_NAMED_KREISE,
    TOWNS,
    UNAMBIGUOUS,
    kreis_of,
    names_pattern,
)
from assistant.places import (
    INSTITUTION,
    NOT_NAME_SUFFIXES,
    bare_name,
    distinctive_words,
    municipality_type,
    noun_stems,
    typed_names,
)
from assistant.types import DocumentMeta, Page

__all__ = [
    "UPDATE_TYPE",
    "Basis",
    "Inferred",
    "infer_kommune",
    "infer_metadata",
    "infer_versions",
]

_ENUMERATED_BEFORE = re.compile(r"(?:,|\bund|\boder|\bsowie)\s+(?:der|dem|des|die)?\s*$")
# After a typed name too, a comma lists only before another name ("der Stadt A, der Stadt B
# …"), not before a clause ("des Kreises A, um die Termine …").
_ENUMERATED_AFTER = re.compile(
    r"\s*(?:,\s*(?:der\s+|die\s+|dem\s+|den\s+|des\s+)?[A-ZÄÖÜ]|und\b|oder\b|sowie\b)"
)
# After a bare name a comma lists only before another name ("Bochum, Mülheim und …"); before a
# lower-case word it opens an apposition ("in Feldau, einer Stadt mit …").
_LISTED_AFTER_BARE = re.compile(
    r"\s*(?:,\s*(?:der\s+|die\s+|dem\s+|den\s+)?[A-ZÄÖÜ]|und\b|oder\b|sowie\b)"
)
_TITLE_WEIGHT = 5
_FIRST_PAGE_WEIGHT = 3
_OPENING_CHARS = 600  # a title page, or the top of a single-page web document
_MIN_SCORE = 3
_LEAD = 2.0  # the best candidate needs twice the score of the second
# a document of no municipality is about at most this many places it names (a Kreis and its
# town); three named as often are a region's report or a list
_PLACES = 2

# A bare name after a postcode (the sender's address: a ministry's letterhead names
# "40190 Düsseldorf") or after a government region's word names no municipality's document.
_SENDER_OR_REGION = re.compile(
    r"(?:\b\d{5}|\bBezirksregierung(?:en)?|\bRegierungsbezirks?|\bSitz\s+in)\s+$"
)
_CONTEXT = 40
# Before a bare name, an article or an inflected adjective makes it a noun: "das Essen",
# "ein warmes Essen" (a city's name stands without one: "in Essen", "Essener Schulen").
_NOUN_BEFORE = re.compile(
    r"\b(?:das|dem|des|ein|eines|einem|kein|keinem|zum|beim|vom|[a-zäöüß]+(?:es|em))\s+$"
)
_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*")
# How a text uses a word as a place's name, or as a noun ("die Halle", "der Stelle")
_NAME_BEFORE = re.compile(r"(?:\b(?:[Ii]n|[Aa]us|[Nn]ach|nahe|bei|von)|\b[A-ZÄÖÜ][\w-]*)\s+$")
_PLACED_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Aa]us|[Nn]ach|nahe)|\b(?:Stadt|Landkreis|Kreis|Gemeinde|Hansestadt)|"
    rf"\b{INSTITUTION})\s+$"  # an office or school of the place
)
# A newspaper's name says where it appears, not what the page is about: "Lübecker
# Nachrichten | Ihre Zeitung aus Lübeck" above an article on the Kreis Segeberg
_PUBLICATION = re.compile(
    r"\b[A-ZÄÖÜ][\w-]*(?:er|sche)\s+(?:Neueste\s+)?(?:Nachrichten|Zeitung|Anzeiger|"
    r"Tageblatt|Tagblatt|Rundschau|Kurier|Allgemeine|Abendblatt|Morgenpost|Wochenblatt|"
    r"Kreisblatt|Volkszeitung|Presse|Echo|Bote)\b|"
    r"\bZeitung\s+(?:aus|für)\s+(?:die\s+|den\s+|das\s+)?[A-ZÄÖÜ][\w-]*"
)
# After a place's name opening a paragraph, what makes it a news item's dateline: "Jena. Die
# Schulen …", "Jena – Die …", "Jena (dpa) – …", "Jena/Weimar."
_DATELINE_PLACE = re.compile(r"(?:\.|\s+[–-]|\s*\(|/)\s*[A-ZÄÖÜ„\"]")
_ARTICLE_BEFORE = re.compile(r"\b(?:der|die|das|den|dem|des|ein|eine|einer|einem)\s+$", re.I)
# The parts of Länder's two-part names that are towns too ("Schleswig", "Brandenburg" is a
# Land of its own)
_LAND_PARTS = frozenset({"schleswig"})
# Länder and countries: a file about one of them belongs to no municipality
_STATES = frozenset(
    fold_plain(name)
    for name in {
        "deutschland", "nrw", "nordrhein", "westfalen", "niedersachsen", "sachsen", "bayern",
        "hessen", "thueringen", "brandenburg", "saarland", "rheinland", "pfalz", "baden",
        "wuerttemberg", "schleswig", "holstein", "mecklenburg", "vorpommern", "anhalt",
        "oesterreich", "schweiz", "bund", "europa",
    }
)  # fmt: skip

UPDATE_TYPE = "Fortschreibung"
_MIN_TITLE_SHARE = 0.5  # of the older title's words that the update's title repeats
_DOC_TYPES = (
    (re.compile(r"\bFortschreibung\b", re.I), UPDATE_TYPE),
    (re.compile(r"\b(Leitfaden|Orientierungsrahmen|Arbeitshilfe)\b", re.I), "Leitfaden"),
    (
        re.compile(r"\b(Handreichung|Elterninformation|häufige\s+fragen|FAQ)\b", re.I),
        "Handreichung",
    ),
    (re.compile(r"\b(Bericht|Monitoring|Bildungsbericht|Sachstandsbericht)\b", re.I), "Bericht"),
    (re.compile(r"\bKonzept\b|\bKommunales\s+Konzept", re.I), "Kommunales Konzept"),
)
_MONTHS = {m.lower(): i for i, m in enumerate(MONTHS, start=1)}
# "Stand: …", or how web pages date themselves ("Zuletzt aktualisiert: 12.09.2024").
# A date as "12.09.2024" or "2024-09-12" (groups: day, month, year, ISO year, month, day);
# ``_date_of`` reads these and a named month's three groups after them.
_NUMERIC_DATE = r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})|(\d{4})-(\d{2})-(\d{2})"
_STAND = re.compile(
    r"\b(?:Stand|(?:Zuletzt )?[Aa]ktualisiert(?: am)?|Letzte (?:Aktualisierung|Änderung))"
    rf":?\s+(?:{_NUMERIC_DATE}|(?:(\d{{1,2}})\.\s?)?([A-Za-zäÄ]+)\s+(\d{{4}}))",
)

# How a press release or news page dates itself: a line of its opening that holds only a
# date, after a place ("Hamm, 16. November 2016"), a weekday, "Veröffentlicht am" or the
# release's number, and perhaps before a time ("25.08.2016 | 10:15 Uhr") and a short note
# after a separator (", 12.02.2016, 17:53 Uhr / Lesedauer: 2 min", the place standing on the
# line above). A date inside a sentence ("Am 23.01.2014 fand …") dates an event, not the page.
_DATELINE = re.compile(
    r"^(?:[,|·]\s*)?(?:[A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜa-zäöü][\w.-]*){0,2},\s*)?"
    r"(?:(?:Veröffentlicht|Erstellt|Erschienen|Datum|Pressemitteilung)(?: am| vom)?:?\s+)?"
    # a press release's number before its date ("Nr. 269 / 18.03.2022", "Pressemitteilung
    # Nr. 12/2023 vom 5.6.2023")
    r"(?:(?:Pressemitteilung\s+)?Nr\.\s*\d+(?:/\d{2,4})?\s*(?:[/|·–-]|vom)\s*)?"
    r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+(?:den\s+)?)?"
    rf"(?:{_NUMERIC_DATE}|(\d{{1,2}})\.\s?([A-Za-zäÄ]+)\s+(\d{{4}}))"  # the day is not optional
    r"(?:\s*[|,–-]?\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?(?:\s+[/|·]\s*[^\n.]{1,30})?\s*$",
    re.MULTILINE,
)
_DATELINE_LINES = 6  # the opening lines a dateline may stand in
# The towns of NRW as whole words, and the towns that bear their Kreis's name
_TOWN_NAMES = names_pattern(TOWNS)
_KREIS_TOWN_NAMES = names_pattern(KREIS_NAMED_TOWNS)


@dataclass(frozen=True)
class Inferred:
    """Metadata read off the document; empty strings where nothing was clear."""

    kommune: str = ""
    doc_type: str = ""
    stand: str = ""
    title: str = ""  # a file without a title of its own: its file name, spelled as the text
    # the one municipality a document of no clear municipality names anywhere ("• Schulen im
    # Feldau-Kreis" far down a web page): the place of its statements, never a filter
    place: str = ""


@dataclass(frozen=True)
class Basis:
    """What a file's municipality is read off. It is stored with the document (compressed):
    the municipalities the other files name decide how bare names count ("in Feldau"), so
    every file without a manifest municipality is inferred again once all files of the
    corpus are known (``infer_kommune``), also in a later run that does not read it."""

    packed: bytes  # zlib-compressed JSON: [title, file name, [page texts]]

    @staticmethod
    def of(pages: Sequence[Page], title: str, file_name: str) -> Basis:
        raw = json.dumps([title, file_name, [p.text for p in pages]], ensure_ascii=False)
        return Basis(zlib.compress(raw.encode("utf-8")))

    def unpacked(self) -> tuple[list[Page], str, str]:
        """The pages (text only; inference reads nothing else), the title and the file name."""
        title, file_name, page_texts = json.loads(zlib.decompress(self.packed).decode("utf-8"))
        pages = [Page(file_name, n, text) for n, text in enumerate(page_texts, start=1)]
        return pages, title, file_name


def infer_kommune(
    basis: Basis, known: Iterable[str], nouns: frozenset[str] = frozenset()
) -> tuple[str, str]:
    """The municipality and the place of a file as ``infer_metadata`` reads them, given the
    ``known`` municipalities of the whole corpus and the stems of the words its texts use as
    nouns (``places.noun_stems``)."""
    pages, title, file_name = basis.unpacked()
    return _kommune(pages, title, list(known), file_name, nouns)


def infer_metadata(
    pages: Sequence[Page],
    title: str,
    kind: str = "",
    known: Iterable[str] = (),
    dated: str = "",
    file_name: str = "",
) -> Inferred:
    """What the document states about itself (see the module docstring).

    ``known`` are municipality names the corpus already uses ("Stadt Feldau"); a document
    that names them by their bare name ("in Feldau") counts towards them too. ``dated`` is
    the date the file's metadata gives (a web page's ``<meta>``): the Stand when the text
    states none. ``file_name`` (the path below the document folder) counts like the title
    for a municipality the text names ("kreis_minden_luebbecke_beratung.txt" with "Kreis
    Minden-Lübbecke" in the text; "kreis_guetersloh_….pdf" with "Gütersloh" in it).
    """
    head = " ".join(p.text for p in pages[:2])
    opening = pages[0].text[:_OPENING_CHARS] if pages else ""
    kommune, place = _kommune(pages, title, list(known), file_name)
    return Inferred(
        kommune=kommune,
        place=place,
        doc_type="Webseite" if kind == "html" else _doc_type(title) or _doc_type(opening),
        # the text's own "Stand:", then the file's metadata, then a press release's dateline
        stand=_stand(head) or dated or _dateline(pages[0].text if pages else ""),
        title="" if title else _file_title(file_name, pages),
    )


def _kommune(
    pages: Sequence[Page],
    title: str,
    known: list[str],
    file_name: str = "",
    nouns: frozenset[str] = frozenset(),
) -> tuple[str, str]:
    """The clearly leading municipality, provided the title, the opening or the file name
    names it, and else the places: the municipalities the document names most, each at
    least half as often as the first (a Kreis and its town, "Kreis Lippe, Stadt Detmold";
    a council minute of a Gemeinde and its Kreis), at most ``_PLACES`` of them (more are a
    region's report or a list: a report on a Kreis and two cities, a Land's overview of its
    Kreise is about none of them)."""
    kommune, scores = _leading(pages, title, known, file_name, nouns)
    if kommune or not scores:
        return kommune, ""
    ranked = scores.most_common()
    near = [name for name, score in ranked if _LEAD * score >= ranked[0][1]]
    return "", ", ".join(near) if len(near) <= _PLACES else ""


def _leading(
    pages: Sequence[Page],
    title: str,
    known: list[str],
    file_name: str,
    nouns: frozenset[str] = frozenset(),
) -> tuple[str, Counter[str]]:
    """The clearly leading municipality ("" when none), and the scores of all named."""
    pages = [replace(page, text=_PUBLICATION.sub(" ", page.text)) for page in pages]
    known = _one_name_each(known)
    given = set(known)
    heading_text = f"{title}\n{pages[0].text[:_OPENING_CHARS]}" if pages else title
    town_names, towns = _towns(pages, known, heading_text)
    text = " ".join(p.text for p in pages)
    objects = _typed_nouns(text, nouns)
    written = [name for name in two_word_places() if _written(name, text)]
    in_file = _named_by_file(file_name, pages, known, town_names, objects, written)
    # a town outside NRW counts only when the file name names no place: the file name and
    # the text agree on such a town already (``_bare_file_name``)
    outside = [] if in_file else _places_outside_nrw(pages, [*known, *town_names, *CITIES], written)
    known = known + [name for name in in_file + list(CITIES) + towns + outside if name not in known]
    # a file name "feldau_…" that fits the Kreis and the Stadt Feldau alike weighs for neither
    bare = Counter(bare_name(name) for name in in_file)
    scores: Counter[str] = Counter({n: _TITLE_WEIGHT for n in in_file if bare[bare_name(n)] == 1})
    texts = _weighted_texts(pages, title)
    heading = list(in_file)  # named by the file, the title or the opening
    in_pages: Counter[str] = Counter()  # mentions in the pages (title and opening not again)
    for position, (text, weight) in enumerate(texts):
        for name in _mentions(text, known, objects):
            scores[name] += weight
            if position < 2:
                heading.append(name)
            else:
                in_pages[name] += 1
    # "Stadt Frankfurt" and "Stadt Frankfurt am Main" in one text name one town: the short
    # form counts for the full name
    full = _full_names(scores)
    if full:
        scores = _merged(scores, full)
        in_pages = _merged(in_pages, full)
        heading = [full.get(name, name) for name in heading]
        in_file = [full.get(name, name) for name in in_file]
    # A Kreis the file name names is not rivalled by its own towns ("Warendorfer Berufskolleg"
    # in "kreis_warendorf_berufskollegs.txt"): what they do, the Kreis does.
    file_kreise = {n for n in in_file if municipality_type(n) == "kreis"}
    ranked = Counter(
        {n: s for n, s in scores.items() if n in in_file or kreis_of(n) not in file_kreise}
    ).most_common(2)
    if not ranked or ranked[0][1] < _MIN_SCORE:
        return "", scores
    if len(ranked) > 1 and ranked[0][1] < _LEAD * ranked[1][1]:
        return "", scores
    best = ranked[0][0]
    # the only place a document names, often enough, is what it is about though its opening
    # does not name it (a council minute, a school page naming its town further down)
    if best not in heading and len(scores) > 1:
        return "", scores
    # The kreisfreie Städte and the towns of NRW (``assistant.nrw``) are named bare in running
    # text ("neu in Dortmund", "die Grundschulen in Ratingen").
    bare_named = best in CITIES or best in towns or best in outside
    if bare_named and best not in given and best not in in_file and not _typed(pages, best):
        # a city or town named only bare ("in Dortmund"): once may be a visit or an example;
        # a town outside NRW named once in the opening of a text that names no other place
        # at all is what the text is about ("In Kaufbeuren sollen junge Menschen …")
        lone = best in outside and len(scores) == 1
        return (best if in_pages[best] > 1 or lone else ""), scores
    return best, scores


# What follows a town's name in its full form: "Frankfurt am Main", "Mülheim an der Ruhr",
# "Rothenburg ob der Tauber"
_QUALIFIED = re.compile(r"\s+(?:am|an\s+der|im|in\s+der|ob\s+der)\s+[A-ZÄÖÜ]")


def _full_names(names: Iterable[str]) -> dict[str, str]:
    """The full name of each municipality that ``names`` also holds shortened ("Stadt
    Frankfurt" -> "Stadt Frankfurt am Main"), where exactly one full name fits."""
    names = list(names)
    full = {}
    for short in names:
        longer = [n for n in names if n.startswith(short) and _QUALIFIED.match(n, len(short))]
        if len(longer) == 1:
            full[short] = longer[0]
    return full


def _merged(counts: Counter[str], full: dict[str, str]) -> Counter[str]:
    merged: Counter[str] = Counter()
    for name, count in counts.items():
        merged[full.get(name, name)] += count
    return merged


def _places_outside_nrw(
    pages: Sequence[Page], known: list[str], written: Sequence[str] = ()
) -> list[str]:
    """The German towns outside NRW (``assistant.gazetteer``) the text uses as places, as
    it names them: with its type word where it has one ("Stadt Celle"), else bare
    ("Delmenhorst", "Bad Doberan"); a town named only by its adjective ("die Emder Schulen")
    by the name the adjective spells. Each one-word name must pass the test a place in a
    file name passes (``_bare_file_name``: used as a name more often than as a noun, at
    least once the way only places are named), since many such names are also nouns ("die
    Halle", "der Hof").
    A name NRW or the corpus knows (``known``) is that place ("Münster" is no town in
    Hessen here). ``written`` are the two-word towns the text writes (``_written``)."""
    text = " ".join(p.text for p in pages)
    typed = {t.name: t.municipality for t in typed_names(text)}
    taken = {fold_plain(bare_name(name)) for name in known}
    words = _capitalised_words(text)
    found: dict[str, str] = {}
    for word in words:
        # the word, or the name its "-er" adjective or genitive "-s" is made of
        for base in (word, *adjective_bases(word), word[:-1]):
            if base in found or base in taken or not is_place_outside_nrw(base):
                continue
            found[base] = _bare_file_name(base, text, words, whole_words=True)
    # a name of two words is no noun: wherever the text writes it, it names the town
    for name in written:
        folded = fold_plain(name)
        if folded not in found and folded not in taken:
            found[folded] = name
    return [typed.get(name, name) for name in found.values() if name]


def _written(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` as a whole ("Bad Doberan", not "Bad Doberans-…")."""
    return re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", text) is not None


def _capitalised_words(text: str) -> dict[str, list[re.Match[str]]]:
    """The capitalised words of ``text`` by their ``fold_plain`` form, each with its
    occurrences in text order (one pass, for testing many names against one text)."""
    words: dict[str, list[re.Match[str]]] = {}
    for m in _CAPITALISED.finditer(text):
        words.setdefault(fold_plain(m.group()), []).append(m)
    return words


def _one_name_each(known: list[str]) -> list[str]:
    """``known`` without a bare town name that the corpus also knows with its type word: a
    page that only says "Feldau" and one that says "Stadt Feldau" are about one town, so
    they share the typed name (a Kreis of that name is another municipality; the rule of
    ``places.same_municipality``, here as one set lookup per name)."""
    typed = {bare_name(n) for n in known if bare_name(n) != n and municipality_type(n) != "kreis"}
    return [name for name in known if name not in typed]


def _towns(
    pages: Sequence[Page], known: list[str], heading: str = ""
) -> tuple[list[str], list[str]]:
    """The towns of NRW (``assistant.nrw.TOWNS``) that no ``known`` municipality bears the
    name of, each as the text names it with a type word ("Stadt Schwerte") or else bare
    ("Ratingen"; the state's list does not say which is a Stadt); and those of them the text
    names. A town that bears its Kreis's name ("Olpe", "Siegen") is a candidate as "Stadt
    Olpe" when the text never names that Kreis with its type word: then a bare "Olpe" is the
    town (named with the type word, it is one already).

    A town named only bare in a text that names its Kreis with the type word is where
    something of the Kreis took place ("Ministerbesuch in Lüdinghausen" in a report on the
    Kreis Coesfeld), so it is not among the named; only a file name can still name it
    ("duelmen_…"), or the ``heading`` (title and opening): a town the heading names, when it
    does not name the town's Kreis and the text names the town bare at least as often as the
    Kreis, is what the text is about ("Herdecke: Flüchtlingskinder bringen Schulen an ihre
    Grenzen", the Ennepe-Ruhr-Kreis named once further down). The town's adjective is no
    mention here ("Jülicher Ring" is a street)."""
    text = " ".join(p.text for p in pages)
    mentions = typed_names(text)
    typed = {t.name: t.municipality for t in mentions}
    taken = {bare_name(name) for name in known}
    names = {town: typed.get(town, town) for town in TOWNS if town not in taken}
    mentioned = set(_TOWN_NAMES.findall(text))
    typed_kreise = set(typed.values())
    headed = set(_TOWN_NAMES.findall(heading)) | set(_KREIS_TOWN_NAMES.findall(heading))
    heading_kreise = {t.municipality for t in typed_names(heading)}
    spans = [(t.start, t.end) for t in mentions]

    def leads(town: str, kreis: str) -> bool:
        if town not in headed or kreis in heading_kreise:
            return False
        bare = [
            m for m in re.finditer(rf"\b{re.escape(town)}\b", text)
            if not any(start <= m.start() < end for start, end in spans)
        ]  # fmt: skip
        return len(bare) >= sum(1 for t in mentions if t.municipality == kreis)

    named = [
        name
        for town, name in names.items()
        if town in mentioned
        and (town in typed or kreis_of(town) not in typed_kreise or leads(town, kreis_of(town)))
    ]
    bare_kreis_towns = [
        f"Stadt {town}"
        for town in dict.fromkeys(_KREIS_TOWN_NAMES.findall(text))
        if town not in taken
        and town not in typed
        and (KREIS_NAMED_TOWNS[town] not in typed_kreise or leads(town, KREIS_NAMED_TOWNS[town]))
    ]
    return list(names.values()) + bare_kreis_towns, named + bare_kreis_towns


def _typed(pages: Sequence[Page], municipality: str) -> bool:
    """Whether the text names ``municipality`` with its type word ("Stadt Dortmund")."""
    return any(t.municipality == municipality for p in pages for t in typed_names(p.text))


def _named_by_file(
    file_name: str,
    pages: Sequence[Page],
    known: list[str],
    towns: Sequence[str] = (),
    objects: Iterable[str] = (),
    written: Sequence[str] = (),
) -> list[str]:
    """Municipalities the file name names, as the text spells them.

    A name counts when all of its words are words of the file name, with umlauts written
    out or not ("minden_luebbecke" for "Minden-Lübbecke"). Candidates are the names the text
    gives with a type word and the corpus's known ones; a type word in the file name before
    a word the text uses as a name makes one too ("kreis_guetersloh" and "Gütersloh"). A
    file name that starts with the name of an NRW municipality whose bare name is
    unambiguous (``assistant.nrw``) names it even if the text does not ("herne_…"), and so
    does one that starts with "kreis" and the name of a Kreis ("kreis_dueren_…"), and one
    that starts with the name of one of ``towns`` ("ratingen_…", the towns as ``_towns``
    names them). ``objects`` are typed names that are nouns (``_typed_nouns``), ``written``
    the two-word towns the text writes (``_written``).
    """
    words = [fold_plain(w) for w in tokenize(file_name.rsplit(".", 1)[0].replace("_", " "))]
    if not words:
        return []
    text = " ".join(p.text for p in pages)
    not_names = set(objects)  # ``_typed_nouns``
    typed = [
        t
        for t in typed_names(text)
        if not _enumerated(text, t.start, t.end) and t.municipality not in not_names
    ]
    # a town of two words the text writes (``written``: "Bad Doberan" for "bad_doberan_…")
    candidates = [t.municipality for t in typed] + known + list(written)
    base = [fold_plain(w) for w in file_name_words(file_name)]
    spelled = {fold_plain(w): w for w in _CAPITALISED.findall(text)}
    kind = municipality_type(base[0]) if base else ""
    # "kreis_guetersloh_…"; "kreis_waldeck_frankenberg_…" with "Waldeck-Frankenberg" in the text
    joined = next(
        (w for n in (3, 2, 1) if (w := "-".join(base[1 : 1 + n])) in spelled and len(base) > n),
        "",
    )
    if kind and joined:
        name = spelled[joined]
        # The text's own type word wins: "staedteregion_aachen" is the StädteRegion Aachen.
        if not name.lower().endswith(NOT_NAME_SUFFIXES) and name not in {t.name for t in typed}:
            candidates.append(f"{kind.capitalize()} {name}")
    found = {}
    for name in dict.fromkeys(candidates):
        own = frozenset(fold_plain(w) for w in distinctive_words(name))
        if own and own <= set(words):
            found[name] = own
    state = UNAMBIGUOUS + (TOWN_NAMED_KREISE if kind == "kreis" else ()) + tuple(towns)
    for name in state:  # "herne_erstberatung.txt" for a page that never says "Herne"
        own = frozenset(fold_plain(w) for w in distinctive_words(name))
        if name not in found and _starts_with(base, name) and own <= set(base):
            found[name] = own
    if not found and not kind and base and (bare := _bare_file_name(base[0], text)):
        found[bare] = frozenset({fold_plain(bare)})  # "fulda_…" with "Landkreis Fulda" in it
    # "Kreis Minden" is only part of what "kreis_minden_luebbecke" names
    named = [name for name, own in found.items() if not any(own < o for o in found.values())]
    # "kreis_feldau_…" names the Kreis Feldau, not also the Stadt Feldau the text mentions
    of_kind = [name for name in named if kind and municipality_type(name) == kind]
    return [n for n in named if n in of_kind or not any(found[o] == found[n] for o in of_kind)]


def _bare_file_name(
    word: str,
    text: str,
    words: dict[str, list[re.Match[str]]] | None = None,
    whole_words: bool = False,
) -> str:
    """The place a file name starts with ("fulda_intensivklassen.txt", "hameln_…") when the
    text uses it as a place's name more often than as a noun, and at least once the way only
    places are named: after a place preposition or a type word ("in Hildesheim", "Landkreis
    Fulda"), after an office or school ("Volkshochschule Ludwigshafen"), as its "-er"
    adjective or genitive before a noun ("im Plauener Rathaus", "Neumünsters Schulrat",
    "Jenaer Schulen"), or opening a news item's dateline ("Limbach-Oberfrohna. Der Unterricht
    …"); after another capitalised word ("Kommunales Konzept") it counts only besides.
    A Land or a country is no municipality ("sachsen_vorbereitungsklassen.txt"); with
    ``whole_words`` (a word of the text, not of a file name) the first part of a Land's
    two-part name is one on its own ("aus Schleswig", the town; "Schleswig-Holstein" is one
    word of the text). Outside NRW there is no list of towns to check a name against, so the
    file name and the text must agree."""
    if len(word) < 4 or (word in _STATES and not (whole_words and word in _LAND_PARTS)):
        return ""
    words = _capitalised_words(text) if words is None else words
    forms = {word, word + "es", word + "s", *_adjectives(word)}
    uses = sorted((m for form in forms for m in words.get(form, ())), key=lambda m: m.start())
    spelled = adjective = ""
    named = noun = placed = 0
    for m in uses:
        found = m.group()
        folded = fold_plain(found)
        before = text[max(0, m.start() - _CONTEXT) : m.start()]
        after = text[m.end() : m.end() + 2]
        if folded in (word, word + "es") and (folded == word or word.endswith("kreis")):
            spelled = spelled or found[: len(found) - len(folded) + len(word)]
            if word.endswith("kreis") and re.search(r"\b(?:im|des|dem)\s+$", before):
                named += 1  # "im Ortenaukreis", "des Ortenaukreises"
                placed += 1
            elif _DATELINE_PLACE.match(text, m.end()) and re.search(r"(?:^|\n)[ \t]*$", before):
                named += 1  # a news item's dateline: "Limbach-Oberfrohna. Der Unterricht …"
                placed += 1
            elif _NOUN_BEFORE.search(before) or _ARTICLE_BEFORE.search(before):
                noun += 1
            elif _NAME_BEFORE.search(before):
                named += 1
                placed += bool(_PLACED_BEFORE.search(before))
        elif folded in (*_adjectives(word), word + "s") and re.match(r"\s[A-ZÄÖÜ]", after):
            named += 1  # "Plauener Oberschulen", "die Emder Schulen", "Neumünsters Schulrat"
            placed += 1
            adjective = adjective or _name_of_adjective(found, folded, word)
    # "Norderstedt" after "in", "aus", "VHS" and once "den Norderstedt Marketing"
    if not placed or named <= noun:
        return ""
    return spelled or adjective  # the name as the text spells it, or its adjective does


# A name in "-en" of at least this many letters before the "-en" forms its adjective
# without it ("Ditzinger"); in a shorter one the bare "-er" form is another word ("Essener",
# not "Esser")
_ADJECTIVE_STEM = 4


def _adjectives(name: str) -> tuple[str, ...]:
    """The folded "-er" adjectives of a place's folded name: "plauener", "emder" of "emden",
    "jenar" of "jena" (folded as the text's words are: "Jenaer" is "jenar")."""
    stem = name[:-2] if name.endswith("en") else ""
    return tuple(
        fold_plain(a) for a in (name + "er", *((stem + "er", stem + "ner") if stem else ()))
    )


def _name_of_adjective(adjective: str, folded: str, word: str) -> str:
    """The name an adjective or genitive of ``word`` spells, with the text's umlauts:
    "Plauener" -> "Plauen", "Emder" -> "Emden", "Mühlbrücker" -> "Mühlbrück"; a town's
    "-stadt" takes its umlaut only in the adjective ("Michelstädter" -> "Michelstadt"), but
    for a town listed with it ("Karstädter" -> "Karstädt")."""
    if folded == fold_plain(word + "er"):
        name = adjective[:-2]
        if name.endswith("städt") and not listed_as_written(name):
            return name[:-5] + "stadt"
        return name
    if folded == word + "s":
        return adjective[:-1]
    return adjective[: -3 if folded.endswith("ner") and not word.endswith("ner") else -2] + "en"


def _starts_with(words: list[str], name: str) -> bool:
    """Whether a file name's ``words`` start with ``name`` (after a type word of their own):
    "herne_…" with "Stadt Herne", "rhein_erft_kreis_…" with "Rhein-Erft-Kreis"."""
    own = [fold_plain(w) for w in tokenize(name) if not municipality_type(w)]
    start = 1 if words and municipality_type(words[0]) else 0
    return bool(own) and words[start : start + 1] == own[:1]


def _file_title(file_name: str, pages: Sequence[Page]) -> str:
    """The file name as a title, its words spelled as the text spells them most often:
    "kreis_minden_luebbecke_beratung.txt" -> "Kreis Minden Lübbecke Beratung"."""
    words = file_name_words(file_name)
    spellings: dict[str, Counter[str]] = {fold_plain(w): Counter() for w in words}
    for page in pages:
        for word in tokenize(page.text):
            if (key := fold_plain(word)) in spellings:
                spellings[key][word] += 1
    spelled = [
        found[0][0] if (found := spellings[fold_plain(w)].most_common(1)) else w for w in words
    ]
    title = " ".join(spelled)
    return title[:1].upper() + title[1:]


def _weighted_texts(pages: Sequence[Page], title: str) -> list[tuple[str, int]]:
    """The title, the opening (a title page, or the top of a web page) and all pages."""
    opening = pages[0].text[:_OPENING_CHARS] if pages else ""
    return [(title, _TITLE_WEIGHT), (opening, _FIRST_PAGE_WEIGHT - 1)] + [
        (p.text, 1) for p in pages
    ]


def _typed_nouns(text: str, corpus_nouns: frozenset[str] = frozenset()) -> set[str]:
    """The municipalities ``text`` seems to name by a type word and a noun that it uses
    nowhere else as a name, and elsewhere as a noun: "mit Zustimmung des Landkreises
    Sprachförderklassen beantragt" beside "für die Sprachförderklasse" is no "Kreis
    Sprachförderklassen" ("die Stadt Halle" beside "die Halle" and "in Halle" is Halle).
    A noun the other texts of the corpus use (``corpus_nouns``: "Übernahme der Fahrtkosten")
    is none either where this text names it once with its type word and never the way only
    places are named ("übernimmt die Stadt Fahrtkosten" beside "Übernahme von Fahrtkosten")."""
    nouns = noun_stems([text])
    typed = typed_names(text)
    return {
        t.municipality
        for t in typed
        if " " not in t.name
        and (
            (stem(t.name) in nouns and len(re.findall(rf"\b{re.escape(t.name)}\b", text)) == 1)
            or (
                t.municipality != t.name  # a type word before the name, not in it
                and stem(t.name) in corpus_nouns
                and sum(other.name == t.name for other in typed) == 1
                # the test a place in a file name passes, without this typed mention
                and not _bare_file_name(
                    fold_plain(t.name), text[: t.start] + " " + text[t.end :], whole_words=True
                )
            )
        )
    }


def _mentions(text: str, known: list[str], not_names: Iterable[str] = ()) -> list[str]:
    """Municipality names in ``text``: typed ("Kreis Feldau") and bare known ones ("Feldau");
    a typed name among ``not_names`` (``_typed_nouns``) is none.

    Where two known municipalities share a name (the Kreis Feldau and the Stadt Feldau), a
    mention counts for the one its type word names, and a bare "Feldau" for neither."""
    known_bare: dict[str, list[str]] = {}
    for name in dict.fromkeys(k for k in known if k):
        known_bare.setdefault(bare_name(name), []).append(name)
    typed_at: dict[int, tuple[int, str]] = {}  # end of a typed mention -> start, municipality
    found = []
    mentioned = typed_names(text)
    for typed in mentioned:
        typed_at[typed.end] = (typed.start, typed.municipality)
        if typed.name in known_bare or typed.municipality in not_names:
            continue  # known names are counted below, typed or not
        if _enumerated(text, typed.start, typed.end):
            continue  # one of several listed municipalities ("A, B und der Kreis C")
        found.append(typed.municipality)
    matches = {bare: list(re.finditer(_name_pattern(bare), text)) for bare in known_bare}
    # where the names stand: of typed mentions ("Feldau-Lübbern" of "Kreis Feldau-Lübbern")
    # and of known names
    spans = [
        (at, at + len(t.name)) for t in mentioned if (at := text.find(t.name, t.start, t.end)) >= 0
    ] + [m.span() for hits in matches.values() for m in hits]
    for bare, municipalities in known_bare.items():
        for m in matches[bare]:
            if any(s <= m.start() and m.end() <= e and e - s > len(m[0]) for s, e in spans):
                continue  # "Feldau" of "Kreis Feldau-Lübbern" names the Kreis, not the town
            before = _preceding(text, m.start())
            if _SENDER_OR_REGION.search(before):
                continue  # "40190 Düsseldorf" in a ministry's letterhead, "Bezirksregierung Köln"
            start, typed_as = typed_at.get(m.end(), (-1, ""))
            adjective = m[0].endswith("er") and _NOUN_AFTER.match(text, m.end())
            if start < 0 and _NOUN_BEFORE.search(before) and not adjective:
                # "das Essen" (but "des Rhein-Sieg-Kreises" is a name, and so is a town's
                # adjective after the article of its noun: "des Münchner Stadtrats")
                continue
            if _listed(text, start, m.start(), m.end()):
                continue  # one of several: "Bochum, Mülheim und der Kreis …"
            if len(municipalities) == 1:
                found.append(municipalities[0])
            elif typed_as in municipalities:
                found.append(typed_as)
    return found


# The noun after a name's "-er" adjective ("Münchner Stadtrat")
_NOUN_AFTER = re.compile(r"\s+[A-ZÄÖÜ]")


def _name_pattern(bare: str) -> str:
    """A name with up to three letters of inflection ("Feldaus", "Plauener"); a "-stadt"
    also as its adjective takes it ("Michelstädter"), a name in "-en" as its adjective
    without the "n" ("Ditzinger" of Ditzingen, "Dresdner" of Dresden: ``_adjectives``)."""
    name = re.escape(bare)
    if bare.endswith("stadt"):
        name = f"(?:{name}|{re.escape(bare[:-5])}städter)"
    elif bare.endswith("en") and len(bare) >= _ADJECTIVE_STEM + 2:
        name = f"(?:{name}|{re.escape(bare[:-2])}n?er)"
    return rf"\b{name}\w{{0,3}}\b"


def _listed(text: str, typed_start: int, start: int, end: int) -> bool:
    """Whether a known name is one of several listed: with its type word ("der Stadt A, der
    Stadt B und des Kreises C") as a typed name is, bare ("A, B und C") when a comma is
    followed by another name (not by an apposition: "in A, einer Stadt mit …")."""
    if typed_start >= 0:
        return _enumerated(text, typed_start, end)
    before = _preceding(text, start)
    return bool(_ENUMERATED_BEFORE.search(before) or _LISTED_AFTER_BARE.match(text, end))


def _enumerated(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is one of several listed ("A, B und der Kreis C",
    "Stadt und Landkreis Regensburg"): a list names no document's one municipality."""
    return bool(
        _ENUMERATED_BEFORE.search(_preceding(text, start)) or _ENUMERATED_AFTER.match(text, end)
    )


def _preceding(text: str, start: int) -> str:
    """The few words before ``start`` that say how a name is used there."""
    return text[max(0, start - _CONTEXT) : start]


def _doc_type(text: str) -> str:
    for pattern, doc_type in _DOC_TYPES:
        if pattern.search(text):
            return doc_type
    return ""


def _stand(text: str) -> str:
    return _date_of(_STAND.search(text))


def _dateline(text: str) -> str:
    opening = "\n".join(
        [line.strip() for line in text.splitlines() if line.strip()][:_DATELINE_LINES]
    )
    return _date_of(_DATELINE.search(opening))


def _date_of(match: re.Match[str] | None) -> str:
    """The ISO date of a ``_STAND`` or ``_DATELINE`` match, "" when none or no month."""
    if not match:
        return ""
    day, month, year, iso_y, iso_m, iso_d, named_day, month_name, month_year = match.groups()
    if year:
        return f"{year}-{int(month):02d}-{int(day):02d}" if 1 <= int(month) <= 12 else ""
    if iso_y:
        return f"{iso_y}-{iso_m}-{iso_d}"
    number = _MONTHS.get(month_name.lower())  # "Stand: Juni 2025", "Stand: 1. Juni 2025"
    return f"{month_year}-{number:02d}-{int(named_day or 1):02d}" if number else ""


def infer_versions(metas: Sequence[DocumentMeta]) -> dict[str, str]:
    """For every update whose predecessor the manifest does not name: the doc_id of the
    document it continues, or "" when none is clear (see the module docstring).

    Candidates belong to the same municipality, are no update themselves and have no later
    Stand (an unknown Stand does not rule one out: an update is newer by definition); the one
    whose title shares the most words with the update's title wins (at least half of its own
    title), the later Stand on a tie. Documents whose ``supersedes`` comes from the manifest
    are left out.
    """
    links: dict[str, str] = {}
    for new in metas:
        if new.supersedes and not new.is_inferred("supersedes"):
            continue
        if not _is_update(new) or not new.kommune:
            continue
        words = set(analyze(new.title))
        best: tuple[float, str, str] = (0.0, "", "")
        for old in metas:
            if old.doc_id == new.doc_id or old.kommune != new.kommune or _is_update(old):
                continue
            if old.stand and new.stand and old.stand >= new.stand:
                continue
            own = set(analyze(old.title))
            share = len(own & words) / len(own) if own else 0.0
            if share >= _MIN_TITLE_SHARE and (share, old.stand) > best[:2]:
                best = (share, old.stand, old.doc_id)
        links[new.doc_id] = best[2]
    return links


def _is_update(meta: DocumentMeta) -> bool:
    return meta.doc_type == UPDATE_TYPE or _doc_type(meta.title) == UPDATE_TYPE
