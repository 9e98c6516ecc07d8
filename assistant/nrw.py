"""Municipalities of North Rhine-Westphalia whose bare name names only them.

Konzeptlotse serves NRW municipalities. A file saved as "herne_erstberatung.txt" or a
question "Was macht Mönchengladbach …?" names a municipality without a type word. For the
22 kreisfreie Städte and the Kreise whose name is no town's name, the bare name is
unambiguous; "Borken" is both a Kreis and a town in it, so such names still need their type
word ("kreis_borken_…"). The kreisangehörige towns (``TOWNS``) are named bare as often;
a document that names one only bare counts for it when it does so more than once. These
are administrative facts (the state's list of municipalities), not read from any document
of the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "CITIES",
    "KREISFREIE_STAEDTE",
    "KREIS_NAMED_TOWNS",
    "TOWNS",
    "TOWNS_BY_KREIS",
    "TOWN_NAMED_KREISE",
    "UNAMBIGUOUS",
    "kreis_of",
    "names_pattern",
]

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

# The towns that bear the name of their Kreis or a part of it, with that Kreis: their bare
# name is ambiguous in a question, but a text about the town names it bare.
KREIS_NAMED_TOWNS = {kreis.removeprefix("Kreis "): kreis for kreis in TOWN_NAMED_KREISE} | {
    "Aachen": "StädteRegion Aachen",  # a city with the rights of a kreisfreie Stadt
    "Neuss": "Rhein-Kreis Neuss",
    "Siegen": "Kreis Siegen-Wittgenstein",
    "Minden": "Kreis Minden-Lübbecke",
    "Lübbecke": "Kreis Minden-Lübbecke",
}

# As municipalities are named in the index ("Stadt Herne", "Märkischer Kreis").
CITIES = tuple(f"Stadt {name}" for name in KREISFREIE_STAEDTE)
UNAMBIGUOUS = CITIES + _OWN_NAME_KREISE

# The kreisangehörige Städte and Gemeinden of NRW, by Kreis (the state's list of its 396
# municipalities). A town's page or concept names it bare ("in Ratingen") as often as with its
# type word. Left out: the towns that bear a Kreis's name or a part of it
# (``TOWN_NAMED_KREISE``, Aachen, Neuss, Siegen, Minden, Lübbecke), whose bare name is
# ambiguous, and those whose name is also an ordinary German word at the start of a sentence
# (Alpen, Enger, Halle, Heiden, Lage, Recke, Schlangen, Senden, Wenden, Wetter).
_TOWNS_BY_KREIS = {
    "Kreis Kleve": (
        "Bedburg-Hau, Emmerich am Rhein, Geldern, Goch, Issum, Kalkar, Kerken, "
        "Kevelaer, Kranenburg, Rees, Rheurdt, Straelen, Uedem, Wachtendonk, Weeze"
    ),
    "Kreis Mettmann": (
        "Erkrath, Haan, Heiligenhaus, Hilden, Langenfeld, Monheim am Rhein, Ratingen, "
        "Velbert, Wülfrath"
    ),
    "Rhein-Kreis Neuss": (
        "Dormagen, Grevenbroich, Jüchen, Kaarst, Korschenbroich, Meerbusch, Rommerskirchen"
    ),
    "Kreis Viersen": (
        "Brüggen, Grefrath, Kempen, Nettetal, Niederkrüchten, Schwalmtal, Tönisvorst, Willich"
    ),
    "Kreis Wesel": (
        "Dinslaken, Hamminkeln, Hünxe, Kamp-Lintfort, Moers, Neukirchen-Vluyn, "
        "Rheinberg, Schermbeck, Sonsbeck, Voerde, Xanten"
    ),
    "StädteRegion Aachen": (
        "Alsdorf, Baesweiler, Eschweiler, Herzogenrath, Monschau, Roetgen, Simmerath, "
        "Stolberg, Würselen"
    ),
    "Kreis Düren": (
        "Aldenhoven, Heimbach, Hürtgenwald, Inden, Jülich, Kreuzau, Langerwehe, "
        "Linnich, Merzenich, Nideggen, Niederzier, Nörvenich, Titz, Vettweiß"
    ),
    "Rhein-Erft-Kreis": (
        "Bedburg, Bergheim, Brühl, Elsdorf, Erftstadt, Frechen, Hürth, Kerpen, Pulheim, Wesseling"
    ),
    "Kreis Euskirchen": (
        "Bad Münstereifel, Blankenheim, Dahlem, Hellenthal, Kall, Mechernich, "
        "Nettersheim, Schleiden, Weilerswist, Zülpich"
    ),
    "Kreis Heinsberg": (
        "Erkelenz, Gangelt, Geilenkirchen, Hückelhoven, Selfkant, Übach-Palenberg, "
        "Waldfeucht, Wassenberg, Wegberg"
    ),
    "Oberbergischer Kreis": (
        "Bergneustadt, Engelskirchen, Gummersbach, Hückeswagen, Lindlar, Marienheide, "
        "Morsbach, Nümbrecht, Radevormwald, Reichshof, Waldbröl, Wiehl, Wipperfürth"
    ),
    "Rheinisch-Bergischer Kreis": (
        "Bergisch Gladbach, Burscheid, Kürten, Leichlingen, Odenthal, Overath, Rösrath, "
        "Wermelskirchen"
    ),
    "Rhein-Sieg-Kreis": (
        "Alfter, Bad Honnef, Bornheim, Eitorf, Hennef, Königswinter, Lohmar, "
        "Meckenheim, Much, Neunkirchen-Seelscheid, Niederkassel, Rheinbach, "
        "Ruppichteroth, Sankt Augustin, Siegburg, Swisttal, Troisdorf, Wachtberg, "
        "Windeck"
    ),
    "Kreis Borken": (
        "Ahaus, Bocholt, Gescher, Gronau, Heek, Isselburg, Legden, Raesfeld, Reken, "
        "Rhede, Schöppingen, Stadtlohn, Südlohn, Velen, Vreden"
    ),
    "Kreis Coesfeld": (
        "Ascheberg, Billerbeck, Dülmen, Havixbeck, Lüdinghausen, Nordkirchen, Nottuln, "
        "Olfen, Rosendahl"
    ),
    "Kreis Recklinghausen": (
        "Castrop-Rauxel, Datteln, Dorsten, Gladbeck, Haltern am See, Herten, Marl, "
        "Oer-Erkenschwick, Waltrop"
    ),
    "Kreis Steinfurt": (
        "Altenberge, Emsdetten, Greven, Hörstel, Hopsten, Horstmar, Ibbenbüren, "
        "Ladbergen, Laer, Lengerich, Lienen, Lotte, Metelen, Mettingen, Neuenkirchen, "
        "Nordwalde, Ochtrup, Rheine, Saerbeck, Tecklenburg, Westerkappeln, Wettringen"
    ),
    "Kreis Warendorf": (
        "Ahlen, Beckum, Beelen, Drensteinfurt, Ennigerloh, Everswinkel, Oelde, "
        "Ostbevern, Sassenberg, Sendenhorst, Telgte, Wadersloh"
    ),
    "Kreis Gütersloh": (
        "Borgholzhausen, Harsewinkel, Herzebrock-Clarholz, Langenberg, "
        "Rheda-Wiedenbrück, Rietberg, Schloß Holte-Stukenbrock, Steinhagen, Verl, "
        "Versmold, Werther"
    ),
    "Kreis Herford": "Bünde, Hiddenhausen, Kirchlengern, Löhne, Rödinghausen, Spenge, Vlotho",
    "Kreis Höxter": (
        "Bad Driburg, Beverungen, Borgentreich, Brakel, Marienmünster, Nieheim, "
        "Steinheim, Warburg, Willebadessen"
    ),
    "Kreis Lippe": (
        "Augustdorf, Bad Salzuflen, Barntrup, Blomberg, Detmold, Dörentrup, Extertal, "
        "Horn-Bad Meinberg, Kalletal, Lemgo, Leopoldshöhe, Lügde, Oerlinghausen, "
        "Schieder-Schwalenberg"
    ),
    "Kreis Minden-Lübbecke": (
        "Bad Oeynhausen, Espelkamp, Hille, Hüllhorst, Petershagen, Porta Westfalica, "
        "Preußisch Oldendorf, Rahden, Stemwede"
    ),
    "Kreis Paderborn": (
        "Altenbeken, Bad Lippspringe, Bad Wünnenberg, Borchen, Büren, Delbrück, "
        "Hövelhof, Lichtenau, Salzkotten"
    ),
    "Ennepe-Ruhr-Kreis": (
        "Breckerfeld, Ennepetal, Gevelsberg, Hattingen, Herdecke, Schwelm, Sprockhövel, Witten"
    ),
    "Hochsauerlandkreis": (
        "Arnsberg, Bestwig, Brilon, Eslohe, Hallenberg, Marsberg, Medebach, Meschede, "
        "Olsberg, Schmallenberg, Sundern, Winterberg"
    ),
    "Märkischer Kreis": (
        "Altena, Balve, Halver, Hemer, Herscheid, Iserlohn, Kierspe, Lüdenscheid, "
        "Meinerzhagen, Menden, Nachrodt-Wiblingwerde, Neuenrade, Plettenberg, "
        "Schalksmühle, Werdohl"
    ),
    "Kreis Olpe": "Attendorn, Drolshagen, Finnentrop, Kirchhundem, Lennestadt",
    "Kreis Siegen-Wittgenstein": (
        "Bad Berleburg, Bad Laasphe, Burbach, Erndtebrück, Freudenberg, Hilchenbach, "
        "Kreuztal, Netphen, Neunkirchen, Wilnsdorf"
    ),
    "Kreis Soest": (
        "Anröchte, Bad Sassendorf, Ense, Erwitte, Geseke, Lippetal, Lippstadt, "
        "Möhnesee, Rüthen, Warstein, Welver, Werl, Wickede"
    ),
    "Kreis Unna": (
        "Bergkamen, Bönen, Fröndenberg, Holzwickede, Kamen, Lünen, Schwerte, Selm, Werne"
    ),
}
TOWNS_BY_KREIS = {kreis: tuple(towns.split(", ")) for kreis, towns in _TOWNS_BY_KREIS.items()}
# Bare names, as a file name or running text gives them ("Ratingen", "Sankt Augustin").
TOWNS = tuple(town for towns in TOWNS_BY_KREIS.values() for town in towns)


def _kreis_by_name() -> dict[str, str]:
    """Town -> its Kreis, by the whole name and by the word that names the town in a passage
    ("Augustin" of "Sankt Augustin", "Emmerich" of "Emmerich am Rhein")."""
    kreise: dict[str, set[str]] = {}
    for kreis, towns in TOWNS_BY_KREIS.items():
        for town in towns:
            first = next(w for w in town.split() if w not in ("Bad", "Sankt"))
            for key in (town, first):
                kreise.setdefault(key, set()).add(kreis)
    return {key: found.pop() for key, found in kreise.items() if len(found) == 1}


_KREIS_OF = _kreis_by_name()


def kreis_of(town: str) -> str:
    """The Kreis a town of NRW belongs to ("Rhein-Sieg-Kreis" of "Sankt Augustin" or of
    "Augustin"), "" if ``town`` (bare or with its type word) is none of ``TOWNS``."""
    for prefix in ("Stadt ", "Gemeinde "):
        town = town.removeprefix(prefix)
    return _KREIS_OF.get(town, "")


def names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``names`` as whole words (group 1), the longest first
    ("Bad Honnef" before a name "Honnef" would be)."""
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"\b({alternatives})\b")
