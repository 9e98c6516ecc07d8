"""Municipalities of North Rhine-Westphalia whose bare name names only them.

Konzeptlotse serves NRW municipalities. A file saved as "herne_erstberatung.txt" or a
question "Was macht Mönchengladbach …?" names a municipality without a type word. For the
22 kreisfreie Städte and the Kreise whose name is no town's name, the bare name is
unambiguous; "Borken" is both a Kreis and a town in it, so such names still need their type
word ("kreis_borken_…"). These are administrative facts (the state's list of
municipalities), not read from any document of the corpus.
"""

from __future__ import annotations

__all__ = ["CITIES", "KREISFREIE_STAEDTE", "TOWN_NAMED_KREISE", "UNAMBIGUOUS"]

KREISFREIE_STAEDTE = (
    "Bielefeld",
    "Bochum",
    "Bonn",
    "Bottrop",
    "Dortmund",
    "Duisburg",
    "Düsseldorf",
    "Essen",
    "Gelsenkirchen",
    "Hagen",
    "Hamm",
    "Herne",
    "Köln",
    "Krefeld",
    "Leverkusen",
    "Mönchengladbach",
    "Mülheim an der Ruhr",
    "Münster",
    "Oberhausen",
    "Remscheid",
    "Solingen",
    "Wuppertal",
)

# Kreise whose name no town of NRW bears.
_OWN_NAME_KREISE = (
    "Ennepe-Ruhr-Kreis",
    "Hochsauerlandkreis",
    "Kreis Lippe",
    "Kreis Minden-Lübbecke",
    "Kreis Siegen-Wittgenstein",
    "Märkischer Kreis",
    "Oberbergischer Kreis",
    "Rhein-Erft-Kreis",
    "Rhein-Sieg-Kreis",
    "Rheinisch-Bergischer Kreis",
)

# The other Kreise of NRW: a town bears each name, so a file name names the Kreis only with its
# type word ("kreis_dueren_…"). With the nine above, the StädteRegion Aachen and the Rhein-Kreis
# Neuss: the 31 Kreise of the state.
TOWN_NAMED_KREISE = tuple(
    f"Kreis {name}"
    for name in (
        "Borken",
        "Coesfeld",
        "Düren",
        "Euskirchen",
        "Gütersloh",
        "Heinsberg",
        "Herford",
        "Höxter",
        "Kleve",
        "Mettmann",
        "Olpe",
        "Paderborn",
        "Recklinghausen",
        "Soest",
        "Steinfurt",
        "Unna",
        "Viersen",
        "Warendorf",
        "Wesel",
    )
)

# As municipalities are named in the index ("Stadt Herne", "Märkischer Kreis").
CITIES = tuple(f"Stadt {name}" for name in KREISFREIE_STAEDTE)
UNAMBIGUOUS = CITIES + _OWN_NAME_KREISE
