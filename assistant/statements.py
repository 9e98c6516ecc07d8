"""Does a sentence state an answer of the type the question expects? (pure)

The answer-type half of the requirement checks (``assistant.constraints`` holds the places
and years): an amount of money, a share, a phone number or e-mail, office hours, a clock
time, a number with the asked unit or rate ("pro Woche"), a count of what "Wie viele X …?"
asks about, a duration, an age, languages, a minimum. Table rows are read with the unit
their table declares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .abbreviations import long_form, spells
from .gazetteer import adjective_bases, is_place_outside_nrw
from .german import MONTHS, fold, fold_plain, nouns
from .nrw import KREISFREIE_STAEDTE, TOWNS
from .question import (
    PERSON_OFFICE,
    PERSON_ROLE,
    SPAN_UNITS,
    Expectation,
    role_group,
    unit_pattern,
)
from .sentences import row_cells
from .types import KIND_TABLE, Chunk

__all__ = [
    "answers_another_count",
    "counts_asked",
    "is_document_date",
    "missing_type",
    "names_counted",
    "states_count",
    "states_group_size",
    "states_minimum",
    "states_type",
    "with_declared_units",
]

_COUNT_WORDS = (
    r"(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)einhalb|"  # "fünfeinhalb"
    r"dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|"
    r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|"
    r"vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|beiden)"
)
# "ein Jahr", "eine halbe Stelle" are amounts; as a count "eine" is nearly always the article.
_NUMBER_WORDS = rf"(?:ein|eine|einen|{_COUNT_WORDS}|halbe[nm]?|anderthalb)"
_NUMBER = rf"(?:\d+(?:[.,]\d+)*|{_NUMBER_WORDS})"
_EMAIL = r"[\w.+-]+@[\w-]+\.[\w.-]+"
# A phone number, also with its area code set apart ("0221 / 221-29292", "02361/53-4025")
# or in the international form with spaces ("+49 201 8888461", "+49 (0)201 88-0")
# (not the digits of an e-mail address: "poststelle@04146821.schule.example")
_PHONE = r"(?:\+49\s*(?:\(0\)\s*)?|(?<![\w@])0)\d{2,5}\s*[/-]?\s*\d[\d\s-]{2,}|\btel\."
# A given and a family name ("Jan Weber", "Eva-Maria Roth-Kaya"): capitalised, lower-case
# after the first letter, so that no abbreviation ("KI", "DaZ") passes for one
_NAME_WORD = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
_FULL_NAME = rf"{_NAME_WORD}\s+{_NAME_WORD}"
# A family name may start with a particle ("Anna von Berg", "Jan van der Linde")
_PARTICLE = r"(?:(?:von|van|de|zu|vom|zur|ten)\s+(?:(?:der|den|dem|la)\s+)?)"
_FULL_NAME_WITH_PARTICLE = rf"{_NAME_WORD}\s+{_PARTICLE}?{_NAME_WORD}"
# A role or an office, also as a compound's last part ("Klassenlehrerin", "Fachreferent",
# "Integrationsbeauftragte")
_ANY_ROLE = rf"(?i:\w*(?:{PERSON_ROLE}|{PERSON_OFFICE}))"
# ... and in the genitive before a name ("nach Aussage des Schulleiters Jan Weber")
_GENITIVE_ROLE = r"(?:s|en)?"
# An abbreviated title: upper case inside the word or a dot ("StD", "OStD", "i.BV", "StR")
_TITLE = r"(?:[A-ZÄÖÜ][a-zäöü]*[A-ZÄÖÜ][\w.]*|[a-zäöü]+\.[\w.]+)"
# The stem of an ordinal number in words ("erst-", "dritt-", "sechzehnt-", "einundzwanzigst-")
_ORDINAL_WORD = (
    r"(?:erst|zweit|dritt|viert|fünft|sechst|sieb(?:en)?t|acht|neunt|zehnt|elft|zwölft|"
    r"(?:drei|vier|fünf|sech|sieb|acht|neun)zehnt|(?:(?:ein|zwei|drei|vier|fünf)und)?zwanzigst)"
)
# Capitalised words that open a sentence but no name ("Die Lehrerin unterrichtet …", "Am
# Montag unterrichtet …"): articles, determiners and prepositions
_NO_GIVEN_NAME = (
    r"(?!(?:Der|Die|Das|Den|Dem|Des|Ein|Eine[mnrs]?|Diese[mnrs]?|Jede[mnrs]?|Alle|Unsere?|"
    r"Ihre?|Seine?|Am|Im|Vom|Zum|Zur|Beim|Seit|Ab|Bis|Mit|Nach|Von|In|An|Auf|Für|Bei)\b)"
)
# A currency after an amount: the euro and its cent, and the Swiss franc of pages from
# Switzerland ("6 CHF", "280 Franken", "40 Rappen")
_CURRENCY = r"(?:€|(?:euro|eur|cent|chf|franken|rappen)\b)"
_TYPE_PATTERNS = {
    "money": re.compile(
        # "300 000 Euro": thousands set apart by a space are one amount; "1,2 Millionen
        # Euro", "fünf Euro", "ein 3,5-Millionen-Euro-Projekt"
        rf"\b\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+\s*{_CURRENCY}|"
        rf"\b{_NUMBER}(?:\s+|-)(?:(?:mio\.|millionen|milliarden|mrd\.)(?:\s*|-))?{_CURRENCY}|"
        # "450-€-Kraft", "ein 450-Euro-Job": an amount as a compound's first part; "600,- €",
        # "50,–€", "45,-- €": whole euros with one or two dashes for the cents
        rf"\d[\d.,]*(?:,[-–]{{1,2}})?(?:\s*|-){_CURRENCY}|"
        # the currency before the amount: "€ 95,00", "EUR 12,--", "CHF 6"
        r"(?:€|\b(?:eur|chf))\s*\d|\b(?:kostenfrei|kostenlos|gebührenfrei|"
        r"beitragsfrei|unentgeltlich|ohne\s+kosten|keine\s+kosten|kostenpflichtig)\b",
        re.IGNORECASE,
    ),
    # ... also as every n-th: "jedes dritte Kind spricht zu Hause …" ("jeden dritten Tag" is
    # how often), or as a fraction in figures: "nur 1/3 des Betrags" (not a school year
    # "2023/24" nor a date "1/2/2024")
    "percent": re.compile(
        rf"\d\s*%|\bprozent\b|\b(?:hälfte|drittel|viertel)\b|\bjede[rs]?\s+(?!erst){_ORDINAL_WORD}e\b|"
        r"(?<![\d/.,])[1-9]/(?:[2-9]|1[0-2])(?![\d/.,])",
        re.IGNORECASE,
    ),
    "contact": re.compile(rf"{_PHONE}|{_EMAIL}", re.IGNORECASE),
    "hours": re.compile(
        r"\b(?:[01]?\d|2[0-4])(?:[:.]\d{2})?\s*(?:uhr|bis|–|-)\s*\d|"  # an hour: "9–12", "8:30 Uhr"
        r"\b(?:montags?|dienstags?|mittwochs?|donnerstags?|freitags?)\b",
        re.IGNORECASE,
    ),
    # "die einzige Übergangsklasse im Landkreis" counts one; so does a share said as "every
    # n-th": "Rund jedes fünfte Flüchtlingskind leidet …" answers "Wie viele
    # Flüchtlingskinder leiden …?" ("jeden dritten Tag" is how often)
    "count": re.compile(
        rf"(?:\b(?:\d+(?:[.,]\d+)*|{_COUNT_WORDS}|einzige[ns]?)\b|"
        rf"\bjede[rs]?\s+(?!erst){_ORDINAL_WORD}e\b)",
        re.IGNORECASE,
    ),
    # "In welchem Jahr …?": a year alone or ending a date ("28.10.2015") or a sentence ("seit
    # 1998."), not a part of a larger number ("2.019,50", "2019.5")
    "year": re.compile(
        r"(?:(?<=\d\.\d\d\.)|(?<=\d\.\d\.)|(?<![\d.,/]))(?:19|20)\d{2}(?![\d,]|\.\d)"
    ),
    # A person's name with its form of address ("Frau Aydın", "Herr Dr. Lenz"), or a given
    # and a family name beside a role ("sagt Schulrat Jan Weber", "Klassenlehrerin Eva Roth",
    # "des Schulleiters Jan von Berg", "die Lehrerin, Eva Roth,", "Eva Roth, Leiterin der …",
    # "die Leiterin des Beruflichen Schulzentrums, Eva Roth")
    "person": re.compile(
        r"\b(?:Frau|Herr|Herrn|Dr\.|Prof\.)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\w-]+|"
        rf"\b{_ANY_ROLE}{_GENITIVE_ROLE},?\s+(?:Dr\.\s+)?{_FULL_NAME_WITH_PARTICLE}|"
        rf"\b{_ANY_ROLE}\s+(?:des|der)\s+(?:[\w.-]+\s+){{0,4}}?[\w.-]+,\s+(?:Dr\.\s+)?"
        rf"{_FULL_NAME}|"
        # "Jan Weber, die neue Schulleiterin"; "Jan Weber, StD i.BV Koordinator …" of a
        # contact card, with the abbreviated titles of a civil servant before the office
        rf"{_FULL_NAME}\s*,\s+(?:(?:der|die)\s+)?(?:[a-zäöüß]\w*\s+)?(?:{_TITLE}\s+){{0,2}}"
        rf"{_ANY_ROLE}\b|"
        # "erläutert Eva Roth Leiterin der OGS": the comma before the role left out, the
        # role then tied to what it is the role of
        rf"\b{_NO_GIVEN_NAME}{_FULL_NAME}\s+{_ANY_ROLE}\s+(?:des|der)\b|"
        # "an Eva Roth als zuständige KI-Mitarbeiterin": the role given with "als"
        rf"\b{_NO_GIVEN_NAME}{_FULL_NAME}\s+als\s+(?:[a-zäöüß]\w*\s+)?(?:\w+-)?{_ANY_ROLE}\b|"
        # "Eva Roth ist (seit 2019 / auch) Lehrerin": the role as what the person is (not
        # "ist die Mutter der Lehrerin")
        rf"\b{_NO_GIVEN_NAME}{_FULL_NAME}\s+(?:ist|war)\s+(?-i:(?:[a-zäöüß][\w.]*|\d+)\s+){{0,3}}?"
        rf"(?:\w+-)?{_ANY_ROLE}\b"
    ),
}
# A threshold: "ab 12 Anmeldungen", "mindestens zwölf", "eine Mindestgruppengröße von 10",
# "nicht weniger als acht"
_THRESHOLD = re.compile(
    rf"\b(?:ab|mindestens|wenigstens|mind\.|nicht\s+weniger\s+als)\s+(?:\w+\s+)?{_NUMBER}\b|"
    r"\bmindest\w+",
    re.IGNORECASE,
)
# A contact question that asks for one channel only ("Welche E-Mail-Adresse …?")
_CHANNELS = {
    "email": re.compile(_EMAIL),
    "phone": re.compile(_PHONE, re.IGNORECASE),
}
_MONTHS = rf"(?:{'|'.join(month.lower() for month in MONTHS)})"
# A time of day, also in words ("um 15 Uhr", "8.30 Uhr", "von neun bis elf Uhr")
_CLOCK = rf"\b(?:\d{{1,2}}(?:[:.]\d{{2}})?|{_COUNT_WORDS}|eins?)\s*uhr\b"
# a school year or half-year by its name ("Schuljahres", "Halbjahr")
_SCHOOL_YEAR = r"(?:schul|halb)jahr\w*"
# the year a span's first day or month may carry ("von April 2017 bis …")
_SPAN_YEAR = r"(?:(?:19|20)?\d{2}\s*)?"
# weeks, months and years, also ending a compound ("Projektwochen", "Schulbesuchsjahren")
_LONG_UNITS = r"wochen?|monat(?:e|en)?|jahr(?:e|en)?"
_DURATION = (
    # "40 Unterrichtsstunden" is how long a course lasts, as "40 Stunden" is
    # "nach einem Jahr", "eine Woche", "einen halben Tag", "zwei Semester" as well
    rf"\b(?:{_NUMBER}|ein(?:e[mnrs]?)?(?:\s+(?:halben?|ganzen?))?)\s*"
    r"(?:(?:unterrichts)?(?:minuten?|stunden?)|(?:werk|schul|kalender)?tag(?:e|en)?|"
    rf"{_LONG_UNITS}|schuljahr\w*|halbjahr\w*|semestern?)\b|"
    # ... and weeks, months or years as a compound's last part: "zwei Studienhalbjahre",
    # "vier Projektwochen", "nach zehn Schulbesuchsjahren"
    rf"\b(?:{_NUMBER}|ein(?:e[mnrs]?)?)\s+[a-zäöüß]+(?:{_LONG_UNITS}|halbjahr\w*)\b|"
    # a duration as the first part of a compound: "innerhalb einer Zwei-Wochen-Frist",
    # "die Sechs-Monats-Frist", "eine 14-Tage-Frist"; "im Zwei-Jahres-Rhythmus" recurs
    rf"\b{_NUMBER}-(?:tages?|wochen|monats|jahres)-(?!rhythmus|takt|turnus)[a-zäöüß]+|"
    # a duration as adjective: "die zweijährige Förderphase", "ein 14-tägiger Kurs"; with
    # digits "-jährig" is an age ("für 6- bis 18-jährige")
    rf"\b(?:(?:\d+-?|{_COUNT_WORDS}|ein)(?:monatig|wöchig|tägig|stündig)|"
    rf"(?:{_COUNT_WORDS}|ein)jährig)\w*|"
    # a school year or half-year as such is a time ("zum Ende des Schuljahres", "im 1.
    # Halbjahr"), not how long something lasts: counted ones above, "bis zum Ende des
    # (laufenden) Schuljahres" and "ein ganzes Schuljahr" are durations
    rf"\bbis\s+(?:zum\s+(?:ende|schluss)\s+)?de[sr]\s+(?:[a-zäöüß]+e[nr]?\s+)?{_SCHOOL_YEAR}|"
    rf"\b(?:ganze[ns]?|volle[ns]?)\s+{_SCHOOL_YEAR}|"
    # valid or granted for one: "gilt zunächst für das aktuelle Schuljahr"
    rf"\b(?:gilt|gelten|gültig|befristet|bewilligt|zunächst)\b[^.;:]{{0,30}}?\bfür\s+das\s+"
    rf"(?:aktuelle|laufende|kommende|nächste|folgende|gesamte)\s+{_SCHOOL_YEAR}|"
    r"\b(?:dauerhaft|unbefristet)\b|"
    # a span of days or months: "vom 24. – 28. Oktober", "vom 1. bis zum 5. Juli", "von
    # März bis Juni"; the first day may carry its year ("vom 1.8.2016 bis 31.7.2018")
    rf"\bvo[mn]\s+\d{{1,2}}\.\s*(?:\d{{1,2}}\.\s*|{_MONTHS}\s+)?{_SPAN_YEAR}"
    r"(?:bis(?:\s+zum)?|[-–])\s*"
    rf"\d{{1,2}}\.\s*(?:\d{{1,2}}\.|{_MONTHS})|"
    # ... and the first month too ("von April 2017 bis März 2021")
    rf"\bvon\s+{_MONTHS}\s+{_SPAN_YEAR}bis\s+(?:ende\s+)?{_MONTHS}\b|"
    # a window between two points of the year: "zwischen März und Juni", "zwischen dem
    # Beginn des zweiten Schulhalbjahres und Anfang April"
    rf"\bzwischen\s+(?:(?:dem|der)\s+)?(?:(?:beginn|anfang|mitte|ende)\b[^.;:]{{0,50}}?|"
    rf"{_MONTHS}\s+)und\s+(?:(?:dem|der)\s+)?(?:(?:beginn|anfang|mitte|ende)\s+)?"
    rf"(?:{_MONTHS}|de[sr]\s)|"
    # ... and between two days: "zwischen dem 3. und 11. Mai", "zwischen dem 1.3. und
    # dem 15.4."
    rf"\bzwischen\s+dem\s+\d{{1,2}}\.\s*(?:\d{{1,2}}\.\s*|{_MONTHS}\s+)?{_SPAN_YEAR}"
    rf"und\s+(?:dem\s+)?\d{{1,2}}\.\s*(?:\d{{1,2}}\.|{_MONTHS})|"
    # a span of years: "von 2016 bis 2020", "zwischen 2015 und 2017"
    r"\b(?:von|zwischen)\s+(?:19|20)\d{2}\s+(?:bis|und)\s+(?:(?:zum\s+)?jahr\s+)?(?:19|20)\d{2}\b"
)
_TYPE_PATTERNS["duration"] = re.compile(_DURATION, re.IGNORECASE)
# The years a jubilee counts are how old something is, not how long anything lasts
_JUBILEE = re.compile(r"jubil(?:ä|ae)um", re.IGNORECASE)
_YEARS = re.compile(rf"\b{_NUMBER}\s+jahre?n?\b", re.IGNORECASE)
# "rund 300", "mehr als 20": a number given roughly
_ABOUT = r"(?:(?:rund|etwa|ca\.|circa|knapp|fast|über|mehr\s+als|insgesamt)\s+)?"
# An age is no duration: "im Alter von sieben bis 16 Jahren", "zwischen 10 und 16 Jahre alt",
# "Kinder unter/über/ab 16 Jahren", "16 Jahre oder älter", "jünger als drei Jahre"
_AGE = re.compile(
    # "im Alter von sieben bis 16 Jahren", a Kita's "im Alter von vier Monaten"
    rf"\balter(?:s)?\s+(?:von\s+|zwischen\s+)?(?:\S+\s+){{0,3}}?(?:jahren?|monate?n?)\b|"
    # a span of years from five up is an age span ("Grundschulbereich (6 bis 10 Jahre)",
    # "Jugendliche von 16 bis 18 Jahren", "von 14 bis etwa 27 Jahren"); "ein bis zwei Jahre"
    # is a duration
    rf"\b(?:[5-9]|[1-9]\d)\s*(?:bis|-|–)\s*{_ABOUT}\d{{1,2}}\s+jahren?\b|"
    rf"\b(?:unter|über|ab)\s+{_NUMBER}\s+jahren?\b|"
    rf"\b{_NUMBER}\s+jahre?n?\s+(?:alt|oder\s+(?:älter|jünger))\b|"
    rf"\b(?:jünger|älter)\s+als\s+{_NUMBER}\s+jahre?n?\b",
    re.IGNORECASE,
)
# "Wie alt …?": an age as above, a span of years ("zwischen 14 und 19 Jahren", "sechs bis 14
# Jahre alt"), a compound ("10- bis 16-Jährige", "die 17-jährige Schülerin"), a person by
# age in words ("der Vierjährige"; lower case, "die zweijährige Ausbildung" lasts)
_TYPE_PATTERNS["age"] = re.compile(
    rf"{_AGE.pattern}|\b{_NUMBER}\s+(?:bis|und|-|–)\s+{_ABOUT}{_NUMBER}\s+jahren?\b|"
    # (not an anniversary: "ihr 120-jähriges Bestehen", "das 25-jährige Jubiläum")
    r"\b\d+-?(?:\s*bis\s+\d+-)?jährig(?:e[mnrs]?)?\b"
    rf"(?!\s+(?:bestehen|geschichte|tradition|{_JUBILEE.pattern}))|"
    r"\b(?-i:(?:Ein|Zwei|Drei|Vier|Fünf|Sechs|Sieben|Acht|Neun|Zehn|Elf|Zwölf|Dreizehn|"
    r"Vierzehn|Fünfzehn|Sechzehn|Siebzehn|Achtzehn|Neunzehn|Zwanzig)jährigen?)\b|"
    # "Junge Erwachsene bis 21 Jahre" (from ten years up an age, "bis zwei Jahre" lasts),
    # "bis zum vollendeten 25. Lebensjahr", "ab dem 1. vollendeten Lebensjahr", "bis zum 19.
    # Geburtstag"
    r"\b(?:bis|unter)\s+(?:zu\s+)?[1-9]\d\s+jahren?\b|"
    # ... and any age said of the young: "Kindern bis sechs Jahre", "Kinder unter drei Jahren"
    rf"\b(?:kindern?|jugendlichen?|schüler\w*|mädchen|jungen)\s+"
    rf"(?:im\s+alter\s+)?(?:bis|unter|ab|über)\s+(?:zu\s+)?{_NUMBER}\s+jahren?\b|"
    r"\b\d{1,2}\.\s*(?:vollendeten\s+)?(?:lebensjahr|geburtstag)\w*|"
    # ... and the ordinal in words: "ab Vollendung des ersten Lebensjahres", "die das dritte
    # Lebensjahr vollendet haben", "bis zum vollendeten sechsten Lebensjahr"
    rf"\b{_ORDINAL_WORD}e[mnrs]?\s+(?:vollendeten\s+)?(?:lebensjahr|geburtstag)\w*",
    re.IGNORECASE,
)
# A level of language: of the European framework ("B1", "A2.1", "auf B2-Niveau"), or a stage
# by its name ("Vorstufe", "Alphabetisierungsstufe")
_TYPE_PATTERNS["level"] = re.compile(r"\b[ABC][12](?:\.[1-3])?\b|\b[A-ZÄÖÜ]\w*stufe\b")
# "Welche Sprachen …?": a language by name ("Arabisch, Türkisch und Farsi", "auf Kurdisch"),
# as an adjective ("russischsprachige", "deutsch-russisch-sprachige") or their number ("in
# 25 Sprachen"); the languages named otherwise than "-isch" are few and do not change
_TYPE_PATTERNS["language"] = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]{2,}(?<!t)isch\b|\bkroatisch\b|\b[a-zäöüß]+isch-?sprachig\w*|"
    r"\b(?:farsi|dari|pa[sš]chtu|paschto|tigrinya|tigrinja|urdu|hindi|romanes|kurmanci|"
    r"kurmandschi|sorani|tamil|swahili|suaheli|lingala)\b|"
    rf"\b(?:\d+|{_COUNT_WORDS})\s+(?:[a-zäöüß]+\s+)?sprachen\b",
    re.IGNORECASE,
)
# "An welcher Schule …?": a school by its own name, in one word ("Lindenbachschule"),
# hyphenated ("Comenius-Schule", "Johannes-Rau-Gymnasium", "Theodor-Heuss-Realschule") or a
# kind of school with its name ("Grundschule Ramsharde", "Schule am Friedenshof", "Schule
# beim Jakobsweg", "Alten Gymnasium"); "an der Grundschule" names none
_SCHOOL_WORD = r"(?i:[a-zäöüß]*(?:schule|gymnasium|kolleg|schulzentrum))"
# The kinds of school of the Länder and the words for a school's role, which a compound names
# without naming a school ("Gemeinschaftsschule", "Sprengelschule", "Abendgymnasium"); any
# other word ending in one of them is a school's own name ("Lindenbachschule", "Feldrealschule")
_SCHOOL_KIND = (
    r"(?:grund|haupt|real|werkreal|mittel|ober|regel|regional|sekundar|gesamt|gemeinschafts|"
    r"stadtteil|förder|sonder|berufs|berufsfach|fach|fachober|berufsober|hoch|fachhoch|"
    r"volkshoch|musik|kunst|jugendkunst|sprach|abend|ganztags|privat|ersatz|schwerpunkt|"
    r"stamm|sprengel|partner|nachbar|wunsch|ziel|heimat|gast|ferien|sommer|vor|primar|"
    r"verbund|brennpunkt|wirtschafts|handels|pflege|kranken|fahr|tanz)?schule|"
    r"(?:abend|fach|wirtschafts|berufliche[ns]?\s)?gymnasium|(?:berufs)?kolleg"
)
_NAMED_SCHOOL = (
    rf"\b(?!(?i:{_SCHOOL_KIND})n?\b)[A-ZÄÖÜ][a-zäöüß]{{2,}}(?:schule|gymnasium|kolleg)\b"
)
# A name in quotation marks, as a school's is often written: „Comenius“, "Am Park"
_QUOTED_NAME = r"[„\"»‚][A-ZÄÖÜ][^„“”\"»«\n]{1,40}[“”\"«‘]"
_TYPE_PATTERNS["school"] = re.compile(
    rf"{_NAMED_SCHOOL}|"
    rf"\b[A-ZÄÖÜ][\w.]*-(?:[\w.]+-)*{_SCHOOL_WORD}\b|"
    rf"\b(?=[A-ZÄÖÜ]){_SCHOOL_WORD}\s+"
    r"(?:(?:am|an\s+der|im|in\s+der|auf\s+dem|auf\s+der|beim|bei\s+der|vor\s+dem|zum|zur)\s+)?"
    r"[A-ZÄÖÜ][\w-]+|"
    rf"\b(?:Alte[mns]?|Städtische[mns]?|Staatliche[mns]?|Bischöfliche[mns]?)\s+(?=[A-ZÄÖÜ])"
    rf"{_SCHOOL_WORD}\b|"
    # a name in quotation marks before or after the kind of school: "die „Comenius“
    # Sekundarschule", "Grundschule „Am Park“"
    rf"{_QUOTED_NAME}\s*-?\s*(?=[A-ZÄÖÜ]){_SCHOOL_WORD}\b|"
    rf"\b(?=[A-ZÄÖÜ]){_SCHOOL_WORD}\s+{_QUOTED_NAME}"
)
# A street: a compound ending in "straße" ("Lauterstraße 3", "Hauptstr. 12"; "strasse" as the
# Swiss write it), a name before a street word ("Herzebrocker Str. 140", "im Friedländer Weg",
# "Am Alten Markt"), or a compound ending in another street word with its house number
# ("Kirchweg 4": "Bildungsweg" and "Schulplatz" alone are no streets)
_STREET_WORD = r"(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Ring|Gasse|Damm|Ufer|Chaussee|Wall|Markt)"
_TYPE_PATTERNS["address"] = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß-]+(?:straße|strasse|str\.)(?=\W)|"
    r"\b(?!(?:Der|Dieser|Jeder|Unser|Euer|Ihrer|Einer|Aller|Oder|Aber|Über)\b)"
    rf"(?:[A-ZÄÖÜ][a-zäöüß-]+er|Am|An\s+der|Im)\s+(?:[A-ZÄÖÜ][a-zäöüß]+e[nr]?\s+)?{_STREET_WORD}"
    r"(?=\W)|"
    r"\b[A-ZÄÖÜ][a-zäöüß-]+(?:weg|platz|allee|ring|gasse|damm|ufer|wall|markt)\s+\d{1,4}\s?[a-z]?\b"
)
# A room or floor: "Zimmer 17", "Raum A 2.10", "Zi. 12", "3. Etage", "2. OG", "im dritten
# Stock", "im Erdgeschoss"
_TYPE_PATTERNS["room"] = re.compile(
    r"\b(?:zimmer|raum|büro|zi\.)\s*(?:nr\.?\s*)?(?:[a-z]\s?)?\d|"
    r"\b\d{1,2}\.\s*(?:etage|stock|stockwerk|obergeschoss|untergeschoss|og|ug)\b|"
    r"\b(?:erst|zweit|dritt|viert|fünft|sechst|siebt|acht)e[nmrs]?\s+"
    r"(?:etage|stock|stockwerk|obergeschoss|untergeschoss)\b|"
    r"\b(?:erdgeschoss|dachgeschoss|untergeschoss|souterrain|hochparterre|parterre)\b",
    re.IGNORECASE,
)
# When: a date, month, period or deadline, or a time of day ("von 8:30 bis 15:30 Uhr" for
# "Von wann bis wann …?")
_TYPE_PATTERNS["when"] = re.compile(
    _DURATION + r"|\b\d{1,2}\.\s?\d{1,2}\.|\b(?:januar|februar|märz|april|mai|juni|juli|"
    r"august|september|oktober|november|dezember|sofort|unverzüglich|spätestens|innerhalb|"
    rf"vor\s+(?:dem|der|beginn)|nach\s+(?:dem|der|ablauf)|{_SCHOOL_YEAR})\b|{_CLOCK}",
    re.IGNORECASE,
)

_DAY_NAME = r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
# How often: "viermal wöchentlich", "zweimal im Jahr", "alle zwei Wochen", "jeden Montag",
# "14-tägig", "dienstags", "pro Woche"
_TYPE_PATTERNS["frequency"] = re.compile(
    rf"\b(?:{_COUNT_WORDS}|ein|\d+\s?-?)mal\b|"
    r"\b(?:mehrmals|täglich|wöchentlich|monatlich|jährlich|halbjährlich|"
    r"vierteljährlich|quartalsweise|regelmäßig|ständig|laufend|montags|dienstags|mittwochs|"
    r"donnerstags|freitags|samstags|sonntags|werktags|wochentags)\b|"
    rf"\b(?:\d+-?|{_COUNT_WORDS}|vierzehn)(?:tägig|wöchig|monatig)\w*|"
    r"\b(?:alle|jede[mnrs]?)\s+(?:\w+\s+)?(?:tag|woche|monat|jahr|quartal|halbjahr|"
    r"schuljahr|schulhalbjahr|montag|dienstag|mittwoch|donnerstag|freitag)\w*|"
    r"\b(?:pro|je|im|in\s+der)\s+(?:woche|monat|jahr|quartal|halbjahr|schuljahr)\b|"
    # a span of weekdays recurs each week: "Von Montag bis Donnerstag wird … gelernt"
    rf"\b{_DAY_NAME}s?\s*(?:bis|-|–)\s*{_DAY_NAME}s?\b",
    re.IGNORECASE,
)

# A day: "am 11. Februar", "ab dem 1.8.2024" ("Ab welchem Tag …?")
_TYPE_PATTERNS["date"] = re.compile(rf"\b\d{{1,2}}\.\s?(?:\d{{1,2}}\.|{_MONTHS}\b)", re.IGNORECASE)
# A day of the week ("donnerstags", "von Montag bis Freitag", "werktags", "täglich"), also
# with its time of day ("jeden Freitagvormittag", "dienstagnachmittags"); days ("An welchen
# Tagen …?") may also be dates
_WEEKDAY = re.compile(
    r"\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
    r"(?:morgen|vormittag|mittag|nachmittag|abend)?s?\b|"
    r"\b(?:werktags|wochenends|täglich)\b|\bam\s+wochenende\b",
    re.IGNORECASE,
)
_TYPE_PATTERNS["weekday"] = re.compile(
    f"{_WEEKDAY.pattern}|{_TYPE_PATTERNS['date'].pattern}", re.IGNORECASE
)
_DATE = rf"(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|(?:\d{{1,2}}\.\s?)?{_MONTHS}\s+\d{{4}}|\d{{4}})"
# A document's own date line: "Stand: Februar 2024", "Zuletzt aktualisiert: 12.09.2024".
_DOCUMENT_DATE_LINE = re.compile(
    rf"^(?:stand|(?:zuletzt\s+)?(?:aktualisiert|geändert|überarbeitet)(?:\s+am)?|"
    rf"letzte\s+(?:änderung|aktualisierung)|datum|"
    # a press release's own date: "Medienmitteilung vom 17. Mai 2024"
    rf"(?:presse|medien)(?:mitteilung|information|meldung|aussendung))\s*:?\s*(?:vom\s+)?"
    rf"{_DATE}\b",
    re.IGNORECASE,
)
# A page's time stamp alone on its line: a day and a time of day, perhaps with the word for
# publishing or updating ("aktualisiert am 12.01.2017 um 22:02 Uhr", "26.2.2016, 18:23 Uhr")
_TIMESTAMP_LINE = re.compile(
    r"(?:von\s+[^|\n]{2,80}?\s*\|\s*)?"  # after the byline: "Von Vorname Name | 23.02.2016, …"
    r"(?:(?:erstellt|aktualisiert|veröffentlicht|geändert|publiziert)\s+am\s*:?\s*)?"
    rf"\d{{1,2}}\.\s?(?:\d{{1,2}}\.|(?:{_MONTHS}|jan|feb|mär|mrz|apr|jun|jul|aug|sept?|okt|nov|dez)"
    r"\.?)\s?\d{2,4}\s*(?:[|,·–-]|\bum\b)?\s*\d{1,2}[:.]\d{2}\s*uhr\s*[.,]?|"
    # the time first: "16:47 21.12.2015"
    r"\d{1,2}:\d{2}(?:\s*uhr)?\s*[|,·–-]?\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{4}",
    re.IGNORECASE,
)
# Numbers that count nothing: dates ("28. Januar", "1.2.2025"), years and school years, and
# labels of sections, measures, pages and grades ("3.1", "M7", "§ 5", "Nr. 7", "Absatz 6",
# "Seite 4", "Klasse 5").
_LABEL_JOIN = r"\s*(?:bis|und|oder|,|-|–)\s*"  # "Jahrgangsstufe 1 bis 4", "Klassen 5–10"
_GRADE = r"(?:1[0-3]|[1-9])\b"
_NO_COUNT = re.compile(
    rf"\b\d{{1,2}}\.\s?(?:\d{{1,2}}\.(?:\s?\d{{2,4}})?|{_MONTHS}\b)|"
    r"(?<![\d/.,])(?:19|20)\d{2}(?:-\d{2}){1,2}\b|"  # an ISO date ("2023-01", "2024-05-01")
    r"-?\d+(?:[.,]\d+)?\s*°|"  # a temperature ("21 ° / 12 °" of a weather box) counts nothing
    r"[’'‘]\d{2}\b|"  # a year cut short ("Bündnis ’90", "Sommer '22")
    r"(?<![\d/.,])(?:19|20)\d{2}(?:\s*/\s*(?:19|20)?\d{2})?(?![\d/]|[.,]\d)|"
    r"\b[^\W\d_]+\d+\b|\b\d{1,2}(?:\.\d{1,2})+\b(?![.,]?\d)|"
    # an ordinal inside a sentence ("sein 50. Kommunales Integrationszentrum", "die 3. und 4.
    # Klasse"); a count may end a sentence with the full stop ("Gezählt wurden 14.")
    r"(?<![\d.,])\d{1,3}\.(?=\s+\w)|"
    # a label, also in the plural and with a range or list of labels ("Jahrgangsstufe 1 bis
    # 4", "der Klassenstufen 7 bis 10", "Klassen 5–10"), a citation of a law ("§ 135a Absatz
    # 1 Satz 1")
    r"(?:§|\b(?:nr|abs|art|s|kap)\.?:?|\b(?:absatz|abschnitt|kapitel|anlage|anhang|seite|"
    r"ziffer|punkt|artikel|satz|\w*stufe|schritt|phase|modul|maßnahme)(?:e?n)?)"
    rf"\s*\d+(?:{_LABEL_JOIN}\d+\b)*|"
    # a grade is one of 1 to 13: "in der Klasse 18 unterschiedliche Nationen" counts
    rf"\bklassen?\s*{_GRADE}(?:{_LABEL_JOIN}{_GRADE})*",
    re.IGNORECASE,
)
# A phone or fax number ("Tel.: 02452 / 13-4222", "0201 88-123") or an e-mail address
# reaches someone; its digits count nothing.
_CONTACT_NUMBER = (
    r"\b(?:tel(?:efon)?|fax|mobil)\b\.?:?\s*\+?\(?\d[\d\s/()-]*\d|"
    rf"(?:\+49|\b0\d{{2,5}})\s*/?\s*\d[\d\s/-]*\d"
    # another extension of the same line: "02999/ 444-266 oder -277"
    r"(?:\s*(?:,|oder|und|bzw\.)\s*-\d+)*|"
    rf"{_EMAIL}"
)
_TYPE_PATTERNS["clock"] = re.compile(_CLOCK, re.IGNORECASE)
# A number of a unit of time named by a compound: "zwölf Unterrichtsstunden", "drei
# Projektwochen" (a period or amount of time, no count of what "Wie viele …" asks about)
_TIME_COMPOUND = (
    rf"\b{_NUMBER}\s+[a-zäöüß]{{3,}}(?:stunden|minuten|tage|tagen|wochen|monate|monaten|"
    r"jahre|jahren)\b"
)
# A limit between the numbers of a range: "sechs bis maximal zwölf Monate", "6 bis zu 12
# Wochen" (the first number is of the same unit as the second)
_UP_TO = r"(?:\s*(?:(?:zu|maximal|höchstens)\b|max\.))?"
_NO_COUNT_TIME = re.compile(
    rf"\b{_NUMBER}\s*(?:bis|-|–){_UP_TO}\s*(?={_TIME_COMPOUND})|{_TIME_COMPOUND}",
    re.IGNORECASE,
)
_TIME_UNIT = re.compile(r"(?:stunde|minute|tag|woche|monat|jahr)\w*$", re.IGNORECASE)
# The unit a counted noun names by its last part: "stunde" of "Wochenstunden"
_LAST_TIME_UNIT = re.compile(r"^\w*?(stunde|minute|tag|woche|monat|jahr)\w{0,2}$", re.IGNORECASE)
_NO_COUNT_AMOUNT = re.compile(
    # the first number of a range shares its unit: "im Alter von 16 bis 18 Jahren", "9 bis 12
    # Uhr", "zwischen 10 und 17 Jahren"
    rf"\b(?:{_NUMBER}\s*(?:bis|-|–){_UP_TO}|zwischen\s+{_NUMBER}\s+und)\s*"
    rf"(?=(?:{_DURATION}|{_CLOCK}))|"
    rf"{_DURATION}|{_CLOCK}|{_TYPE_PATTERNS['money'].pattern}|"
    rf"{_CONTACT_NUMBER}",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# Up to two inflected adjectives between a number and its unit: "28 zusätzliche
# Lehrer-Stunden" (no article: "2 die Woche" is no amount of weeks)
_ADJECTIVES = (
    r"(?:(?!(?:die|der|den|dem|des|eine[mnrs]?)\s)(?-i:[a-zäöüß]+(?:e|en|er|es|em))\s+){0,2}"
)
# An average per unit named as a compound: "im Wochenschnitt", "der Monatsdurchschnitt",
# "im Jahresmittel" (per week, month, year)
_AVERAGE_PER = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]{2,}?)(?:e?n|s)?(?:durch)?(?:schnitt|mittel)\b")
# "jeweils" gives an amount to each of the things a plural names ("für die Jahre … jeweils")
_EACH = re.compile(r"\bjeweils\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+\b")
# "pro Jahr" is also said "jährlich", "pro Woche" "wöchentlich": the adverb's stem.
_RATE_ADVERB = re.compile(r"\b([^\W\d_]{3,})lich\b", re.IGNORECASE)
# "in der Woche", "am Tag", "im Monat", "die Woche" ("fünf Tage die Woche") after a number
# state a rate; "im Jahr 2016" dates and "am Tag der Anmeldung" names a day
_RATE_PHRASE = re.compile(
    r"\b(?i:in\s+der|am|im|die)\s+([A-ZÄÖÜ][^\W\d_]*)\b(?![-\w])(?!\s+(?:\d|der\b|des\b|nach\b|vor\b))"
)


# The unit a table declares for its numbers, at the end of its caption or of a column header:
# "Tabelle 3: Mittelansatz (in Euro)", "Kosten in €", "Betrag (€)", "(Anteil in Prozent)".
# A word before "in" inside the brackets ("Anteil") limits it to the columns of that name.
_DECLARED_UNIT = re.compile(
    r"(?:\(\s*(?:(?:angaben|beträge|werte|alle)\s+)?(?:([^\W\d_][\w-]*)\s+)?in\s+|\bin\s+|\()"
    r"(?:(?:tsd|mio)\.?\s*)?(euro|eur|€|prozent|%|stunden|minuten|tagen|wochen|monaten|jahren)"
    r"\s*\)?\s*$",
    re.IGNORECASE,
)
_UNIT_SPELLING = {"eur": "Euro", "€": "Euro", "euro": "Euro", "prozent": "%"}
_BARE_NUMBER = re.compile(r"(?:ca\.\s*)?\d+(?:[.,]\d+)*")


def with_declared_units(sentence: str, chunk: Chunk) -> str:
    """A table row with the unit its table declares written after each bare number, so that
    the type checks read "2024: 110.000" of a table "(in Euro)" as an amount of money (and
    not as a count); anything else unchanged. The unit of a column header ("Betrag (€)")
    goes before the caption's, and a caption's unit limited to a column name ("Anteil in
    Prozent") applies to those columns only."""
    cells = row_cells(sentence) if chunk.kind == KIND_TABLE else []
    if not cells:
        return sentence
    caption = _DECLARED_UNIT.search(chunk.section.rsplit(" > ", 1)[-1])
    limited = caption.group(1) if caption and caption.group(1) else ""
    if limited and not any(fold(limited) in fold(label) for label, _ in cells):
        limited = ""  # "Mittelansatz in Euro" names the table, not one of its columns
    written = []
    for label, value in cells:
        own = _DECLARED_UNIT.search(label)
        declared = own or (caption if fold(limited) in fold(label) else None)
        if declared and _BARE_NUMBER.fullmatch(value.strip()):
            unit = declared.group(2)
            value = f"{value} {_UNIT_SPELLING.get(unit.lower(), unit)}"
        written.append(f"{label}: {value}" if value else label)
    return "- " + "; ".join(written)


def is_document_date(sentence: str) -> bool:
    """Whether a sentence opens with the document's own date ("Stand: Februar 2024") or is
    a web page's time stamp ("erstellt am 07.Feb.2015 | 12:00 Uhr", "22. Oktober 2017 |
    19:45 Uhr").

    Such a line dates the document, not what it describes: it answers only a question
    about the document's Stand (``Frame.document_date``).
    """
    line = sentence.strip()
    return bool(_DOCUMENT_DATE_LINE.match(line) or _TIMESTAMP_LINE.fullmatch(line))


# An amount measured otherwise than asked: per some unit ("pro Tag", "je Schüler",
# "täglich", "im Monat", "Jahresstunden") or as a total ("insgesamt 40 Stunden"). Hours with
# neither ("zwölf Stunden Deutsch, sechs Stunden Mathe") may be the asked hours per week.
_OTHER_MEASURE = re.compile(
    r"\b(?:pro|je)\s+[A-ZÄÖÜ]\w*|\b(?:halb)?(?:wöchentlich|täglich|monatlich|jährlich)\b|"
    r"\b(?:in\s+der|am|im|die)\s+(?:Woche|Tag|Monat|Jahr)\b|"
    r"\b(?:Wochen|Tages|Monats|Jahres)\w*stunden\b|\b(?:insgesamt|gesamt|zusammen)\b",
    re.IGNORECASE,
)


# What the holder of a role does, in the third person singular: "Jan Weber unterrichtet acht
# Kinder", "Seit Mai leitet Eva Roth die Schule" name a teacher and a head without the role
_ROLE_VERBS = {
    "lehr": "unterrichtet",
    "leit": "leitet",
    "berat": "berät",
    "koordin": "koordiniert",
}


def _acts_in_role(sentence: str, group: str) -> bool:
    """Whether ``sentence`` names a person by a given and a family name doing what a holder
    of a role of ``group`` does ("Jan Weber unterrichtet …", "unterrichtet Jan Weber")."""
    verb = _ROLE_VERBS.get(group)
    if verb is None:
        return False
    named = rf"\b{_NO_GIVEN_NAME}{_FULL_NAME}\s+{verb}\b|\b{verb}\s+{_FULL_NAME}\b"
    return re.search(named, sentence) is not None


def _in_role(named: str, group: str) -> bool:
    """Whether a person named as in ``named`` ("Frau Aydın", "der Schulleiter des
    Gymnasiums, Jan Weber") may hold a role of ``group``: a name without a role may, a name
    given with a role of another group (a head for a teacher asked) does not."""
    groups = {role_group(m.group(0)) for m in _ROLE.finditer(named)} - {""}
    return not groups or group in groups


def states_type(expects: Expectation, sentence: str) -> bool:
    """Whether ``sentence`` states an answer of the expected type (True if none is expected)."""
    if expects.kind == "unit":  # also as a compound's last part ("14 Förderstunden")
        unit = unit_pattern(expects.unit)
        if expects.unit in SPAN_UNITS:  # "Kinder im Alter von vier Monaten" waited no months
            sentence = _AGE.sub(" ", sentence)
        if (
            expects.rate
            and not (
                _states_rate(expects.rate, sentence) or _rate_compound(expects.rate, unit, sentence)
            )
            and _OTHER_MEASURE.search(sentence)
        ):
            return False  # "zwölf Stunden" may be per week; "am Tag", "insgesamt" are not
        return bool(re.search(rf"{_NUMBER}\s*{_ADJECTIVES}[\w-]*?(?:{unit})", sentence, re.I))
    if expects.rate and not _states_rate(expects.rate, sentence):
        return False
    if expects.kind == "person" and expects.unit:
        named = _TYPE_PATTERNS["person"].finditer(sentence)
        if any(_in_role(m.group(0), expects.unit) for m in named):
            return True
        return _acts_in_role(sentence, expects.unit)
    pattern = _TYPE_PATTERNS.get(expects.kind)
    if expects.kind == "contact" and expects.unit:
        pattern = _CHANNELS[expects.unit]
    if expects.kind == "weekday" and expects.unit:  # "An welchem Wochentag …?": no date
        pattern = _WEEKDAY
    if expects.kind == "duration":
        sentence = _AGE.sub(" ", sentence)  # "im Alter von 10 bis 16 Jahren" lasts nothing
        if _JUBILEE.search(sentence):  # "Schuljubiläum – 25 Jahre Gymnasium": an anniversary
            sentence = _YEARS.sub(" ", sentence)
    return pattern is None or bool(pattern.search(sentence))


def _counts(expects: Expectation) -> bool:
    """A "Wie viele …?" that asks nothing besides the count ("… und wo?" asks more)."""
    return expects.kind == "count" and expects.sole


def _asks_only_type(expects: Expectation) -> bool:
    """A "Wie lange …?", "Bis zu welchem Alter …?", "Welches Deutschniveau …?", "Welche
    Sprachen …?" or "An welcher Schule …?" that asks nothing besides the duration, the age,
    the level, the languages or the school: only a sentence stating them answers it. (A
    street asked for is a soft signal: a page may give its address in a form the street
    patterns do not know, and the question is then still answered.)"""
    return expects.kind in ("duration", "level", "language", "age", "school") and expects.sole


# "Wann …?", "Ab wann …?", "Seit wann …?" asking nothing else: a sentence that names no time
# at all does not answer it ("Eine Klasse ist geplant"). Besides the dates, months and
# spans of ``_TYPE_PATTERNS["when"]`` a time is a year ("seit 2015"), a school year, a day
# of the week, a season or holiday ("nach den Sommerferien", "im Herbst"), a period named
# relative to now ("zum neuen Schuljahr", "Anfang des Jahres") or a word for now, soon or
# since then.
_ANY_TIME = re.compile(
    _TYPE_PATTERNS["when"].pattern + r"|\b(?:19|20)\d{2}\b|\b\d{2}/\d{2}\b|"
    r"\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s?\b|"
    r"\w*ferien\b|\b(?:ostern|pfingsten|weihnachten)\b|"
    r"\b(?:frühjahr|frühling|sommer|herbst|winter)\w*|"
    r"\b(?:neue|nächste|kommende|vergangene|letzte|diese|laufende|erste|zweite)[nmrs]?\s+"
    r"(?:\w+\s+)?(?:schul|halb|kita|kindergarten)?(?:jahr|woche|monat|semester)\w*|"
    r"\b(?:anfang|mitte|ende|beginn)\s+(?:des|der|dieses|diesen|nächsten|kommenden)\b|"
    r"\b(?:heute|gestern|morgen|demnächst|bald|künftig|zukünftig|kürze|seitdem|seither|bisher|"
    r"bislang|inzwischen|mittlerweile|jetzt|nun|damals|zuletzt|erstmals|zunächst)\b",
    re.IGNORECASE,
)


def _names_no_time(expects: Expectation, sentence: str) -> bool:
    """Whether a "Wann …?" that asks nothing else meets a sentence naming no time at all."""
    return expects.kind == "when" and expects.sole and not _ANY_TIME.search(sentence)


def states_minimum(sentence: str) -> bool:
    """Whether ``sentence`` states a threshold ("ab zwölf Schülern", "mindestens fünf
    Kinder"): a condition, not a tally."""
    return bool(_THRESHOLD.search(sentence))


def states_count(sentence: str, question: str) -> bool:
    """Whether ``sentence`` states a count: a number that is no date, year, label, period of
    time, clock time, amount of money, phone number, e-mail address or age and not one the
    question names itself ("nach Klasse 4"), or a number word ("sechs Schulen"). "Wie viele
    …" asked in a unit of time or money is a ``unit`` question, so here "nach zwei Jahren"
    counts nothing asked; nor do "zwölf Unterrichtsstunden" unless the question counts
    hours itself ("Wie viele zusätzliche Stunden …?"), which "40 Stunden pro Woche" then
    count, as a duration in the counted unit."""
    named = set(_DIGITS.findall(question))
    counted = _COUNTED_NOUN.search(question)
    # hours counted ("Wie viele zusätzliche Wochenstunden …?") are counted by "40 Stunden"
    unit = _LAST_TIME_UNIT.match(counted.group(1)) if counted else None
    kept = unit.group(1).lower() if unit else ""
    rest = _NO_COUNT.sub(" ", sentence)
    rest = _NO_COUNT_AMOUNT.sub(
        lambda m: m.group(0) if kept and kept in m.group(0).lower() else " ", rest
    )
    rest = _TYPE_PATTERNS["age"].sub(" ", rest)  # "für 6- bis 18-Jährige" counts no one
    if not (counted and _TIME_UNIT.search(counted.group(1))):
        rest = _NO_COUNT_TIME.sub(" ", rest)
    rest = _DIGITS.sub(lambda m: " " if m.group(0) in named else m.group(0), rest)
    rest = _repeated_number_words(rest, question)
    if _counts_only_named_others(rest, question):
        return False
    return (
        bool(_TYPE_PATTERNS["count"].search(rest))
        or _counts_in_adjective(sentence, question)
        or _counts_one(sentence, question)
    )


_NUMBER_WORD = re.compile(rf"\b{_COUNT_WORDS}\b", re.IGNORECASE)


def _repeated_number_words(rest: str, question: str) -> str:
    """``rest`` without the number words the question names itself ("an den vier
    Förderstandorten" asked, "an vier Standorten" counts nothing asked)."""
    named = {m.group(0).lower() for m in _NUMBER_WORD.finditer(question)}
    if not named:
        return rest
    return _NUMBER_WORD.sub(lambda m: " " if m.group(0).lower() in named else m.group(0), rest)


# "Wie viele" and the words before the counted noun: up to two lower-case ones, and a place
# inside its attribute ("Wie viele der im Landkreis erwarteten Flüchtlinge …", "Wie viele
# aus dem Ausland zugezogene Kinder …", "… im Kreis Feldau lebende …")
_HOW_MANY = (
    r"\b(?i:wie)\s*(?i:vielen?)\s+(?:[a-zäöüß-]+\s+){0,2}?"
    r"(?:(?:im|am|vom|zum|zur|in|aus)\s+(?:(?:der|dem|den)\s+)?[A-ZÄÖÜ][\w-]*\s+"
    r"(?:[A-ZÄÖÜ][\w-]*\s+)?[a-zäöüß]+\s+)?"
)
# Every noun "Wie viele …?" asks to count, also an abbreviated or hyphenated one
# ("Wie viele DaZ-Zentren …", "wie viele DFK-Lehrkräfte …")
_COUNTED_WORD = re.compile(rf"{_HOW_MANY}([A-ZÄÖÜ][\w-]*\w)")
# An adjective written with a capital as part of a name ("Internationale Förderklassen",
# "Psychosoziale Zentren", "Berufsbildende Schulen", "Interkulturelle Elternmentoren")
_ADJECTIVE_END = r"(?:al|ell|isch|end|ig|iv|lich)"
_NAME_ADJECTIVE = re.compile(rf"[A-ZÄÖÜ][a-zäöüß]+{_ADJECTIVE_END}(?:e|en|er|es)")
_NEXT_NOUN = re.compile(r"\s+([A-ZÄÖÜ][\w-]*\w)")


def _past_attribute(text: str, word: str, end: int) -> tuple[str, int]:
    """The counted noun and where it ends, past a capitalised adjective before it: "Wie
    viele Internationale Förderklassen …?" and "Wie viele Mannheimer Kitas …?" count the
    classes and the Kitas, not something "international" or "Mannheim" ("Wie viele Stunden
    Deutsch …?" counts the hours)."""
    noun = _NEXT_NOUN.match(text, end)
    if noun and (_NAME_ADJECTIVE.fullmatch(word) or _spells_town(word)):
        return noun.group(1), noun.end()
    return word, end


def _spells_town(word: str) -> bool:
    """Whether ``word`` is the adjective of a German town's name: "Mannheimer", "Bonner",
    "Bremer" (of Bremen), "Münchner" (of München), "Münsteraner"."""
    if not word.endswith("er"):
        return False
    bases = (*adjective_bases(word), word.removesuffix("aner"))
    return any(_is_town(base) for base in bases if len(base) >= 3)


@lru_cache(maxsize=1)
def _nrw_towns() -> frozenset[str]:
    names = (*KREISFREIE_STAEDTE, *TOWNS)
    return frozenset(fold_plain(name.split()[0]) for name in names)


def _is_town(name: str) -> bool:
    return fold_plain(name) in _nrw_towns() or is_place_outside_nrw(name)


# A noun joined to the counted one: "Wie viele Lesepaten oder Lernpaten …" counts both
_JOINED_NOUN = re.compile(
    r"\s*(?:,|\bund\b|\boder\b|\bbzw\.|\bsowie\b)\s+(?:[a-zäöüß-]+\s+){0,2}?([A-ZÄÖÜ][\w-]*\w)"
)


def _with_joined(counted: re.Match[str], question: str) -> list[str]:
    """The counted noun of ``counted`` and the nouns joined to it ("Lesepaten oder
    Lernpaten", "Schülerinnen und Schüler")."""
    word, end = _past_attribute(question, counted.group(1), counted.end())
    if question.startswith("-", end):
        # "Wie viele Grund- und Hauptschulen …?": the compound completing the list counts
        completed = _COMPLETED.match(question, end + 1)
        if completed:
            word, end = completed.group(1).rstrip("-"), completed.end()
    words = [word]
    while joined := _JOINED_NOUN.match(question, end):
        words.append(joined.group(1))
        end = joined.end()
    return words


# The noun a number counts: the first capitalised word after it, past at most three words
# in lower case that are no preposition or pronoun ("zwei sogenannte Intensivklassen", "zwei
# „Willkommensklassen“"; in "19 davon im Landkreis" the number counts what came before)
_NOT_ATTRIBUTIVE = (
    r"(?:in|im|an|am|auf|aus|bei|mit|nach|von|vom|zu|zum|zur|für|über|unter|pro|je|bis|"
    r"und|oder|davon|darunter|dabei|sind|waren|werden)"
)
_COUNTED_AFTER = re.compile(
    # a time inside the attribute ("den 692 bis August zugewiesenen Flüchtlingen")
    rf"(?:\s+(?:bis|seit|ab|im|zum|vom|nach|vor)\s+(?i:{_MONTHS})\b(?:\s+\d{{4}})?)?"
    rf"(?:\s+(?!{_NOT_ATTRIBUTIVE}\b)[a-zäöüß][\w-]*){{0,3}}?\s+"
    # a town's adjective before the noun ("an vier Trierer Schulen" counts the schools), or
    # one of a name ("zehn Internationale Förderklassen")
    rf"(?:[A-ZÄÖÜ][a-zäöüß]+(?:er|{_ADJECTIVE_END}(?:e|en|es))\s+(?=[A-ZÄÖÜ]))?"
    r"[„\"»']?([A-ZÄÖÜ][\w-]*(?:[“\"«']?-[\w-]+)?)"  # "„VABO“-Klassen" is one noun
)
# A number followed by "von ihnen" / "davon" and then a noun counts that noun: "1.200
# Menschen …, 310 von ihnen schulpflichtige Kinder" (in "19 davon im Landkreis" no noun
# follows: the number counts what came before)
_PARTITIVE_AFTER = re.compile(
    rf"\s+(?:von\s+ihnen|davon|darunter)(?:\s+(?!{_NOT_ATTRIBUTIVE}\b)[a-zäöüß][\w-]*){{0,2}}?"
    r"\s+([A-ZÄÖÜ][\w-]*)"
)
# Staff by role ("Wie viele Lehrkräfte …?") is not counted by "20 Schülerinnen" or "68
# Vorbereitungsklassen", but may be by another role, by posts ("5,5 Stellen", "6,0 VZÄ") or
# by "zwölf Fachkräfte"; a role may end a compound ("Deutschlehrer", "DaZ-Lehrkräfte"),
# "Mitarbeitende" are "Mitarbeiter", and the staff of a Kita, a Hort or a school's care are
# their educators and carers ("Erzieherinnen", "Sozialpädagogen", "Betreuerinnen")
_ROLES = (
    rf"(?:\w*-)?\w*(?:{PERSON_ROLE}|arbeitende[nr]?|erzieher(?:in|innen|n)?|"
    r"pädagog(?:e|en|in|innen)|betreuer(?:in|innen|n)?)"
)
_ROLE = re.compile(_ROLES, re.IGNORECASE)
_STAFF = re.compile(
    rf"{_ROLES}|\w*(?:stelle|kraft|kräfte|personal|kolleg|vollzeit|vzä)\w*", re.IGNORECASE
)


# Where the counted people come from: "Wie viele Menschen aus der Ukraine …"
_ORIGIN = re.compile(r"\s+aus\s+(?:der\s+|dem\s+|den\s+)?([A-ZÄÖÜ][\w-]*)")
# People named after a place or country: "Ukrainer", "Ukrainerinnen"
_DEMONYM = re.compile(r"(?:er|ern|erin|erinnen)$", re.IGNORECASE)


@lru_cache(maxsize=256)
def _counted_and_named(
    question: str,
) -> tuple[tuple[str, ...], frozenset[str], bool, frozenset[str], bool]:
    """The stems of what "Wie viele …?" counts, the stems of the other nouns the question
    names, whether it counts staff by role, the stems of where the counted come from
    ("Ukraine" of "Wie viele Menschen aus der Ukraine …?") and whether it counts children or
    pupils as a whole (read once per question, not per sentence)."""
    matches = list(_COUNTED_WORD.finditer(question))
    counted = [word for m in matches for word in _with_joined(m, question)]
    asked = tuple(_noun_stem(word) for word in counted)
    named = {_noun_stem(word) for word in nouns(question, folded=False)}
    others = frozenset(word for word in named if not any(_related(word, a) for a in asked))
    staff = bool(counted) and all(_ROLE.fullmatch(word) for word in counted)
    origins = frozenset(
        _noun_stem(origin.group(1)) for m in matches if (origin := _ORIGIN.match(question, m.end()))
    )
    return asked, others, staff, origins, _PUPILS_ASKED.search(question) is not None


# A count and the words that may name what it counts ("zwölf Internationale Förderklassen")
_COUNT_PHRASE = re.compile(
    _TYPE_PATTERNS["count"].pattern + r"(?:\s+[\w„“\"»«'-]+){0,3}", re.IGNORECASE
)
# The noun a counted one is part of: "14 Prozent der Kinder", "ein Drittel aller Schüler"
_OF_NOUN = re.compile(r"\s+(?:der|des|aller|von)\s+(?:[a-zäöüß-]+\s+){0,2}?([A-ZÄÖÜ][\w-]*)")
# The rest of a range after its first number ("12 – 16 Schüler", "zehn bis zwölf Kinder"),
# or the whole a part is of ("36 von 155 Kindern" counts children twice)
_RANGE_ON = re.compile(rf"\s*(?:–|-|bis|von)\s*{_NUMBER}\b", re.IGNORECASE)


# The compound that completes the first parts of a list ("zwölf Grund-, Mittel- und
# Realschulen" count schools, as "Realschulen" does)
_COMPLETED = re.compile(r"(?:,?\s+[A-ZÄÖÜ]\w*-)*,?\s+(?:und|oder|sowie|bzw\.?)\s+([A-ZÄÖÜ][\w-]*)")


# What the counted are said to be: "… werden als „Seiteneinsteiger“ unterrichtet"
_AS_NOUN = re.compile(r"\bals\s+[„\"»']?([A-ZÄÖÜ][\w-]*)")


# Where pupils learn or are grouped, and the time they learn: a count of these is no other
# word for the pupils themselves ("Wie viele Schüler …?" is not answered by "2 Klassen")
# ("Kursteilnehmende" ends in no such word: they may be the pupils)
_WHERE_PUPILS_ARE = re.compile(
    r"(?i:[\w-]*(?:klasse|gruppe|kurs|schule|schulhaus|standort|zentrum|stunde|lektion)"
    r"(?:e|n|en|s|es)?|[\w-]*(?:schulhäuser|zentren)n?)"
)


def _counts_only_named_others(rest: str, question: str) -> bool:
    """Whether every count in ``rest`` counts a noun the question names besides what it asks
    to count: "Es gibt zwei Intensivklassen" for "Wie viele Schüler sind in den
    Intensivklassen …?" counts the classes, where the pupils are, not the pupils; "sieben
    Schulen" counts no pupils of "… der Realschule Feldau?" (a compound ending in the
    noun). A count whose noun the question does not name might be a paraphrase of it
    ("31 Mädchen und Jungen" for "Schüler"), and a number without a noun may refer to it:
    either keeps the sentence a possible answer. A number without a noun after a count ("19
    davon", "17 sind noch frei") counts what that count counts. Staff asked by role ("Wie
    viele Lehrkräfte …?") are counted only by staff or posts: "bis zu 20 SchülerInnen" and
    "68 Vorbereitungsklassen" count others. People named after where the counted come from
    ("200 Ukrainer" for "Wie viele Menschen aus der Ukraine …?") are the counted, not the
    country the question names besides them."""
    asked, others, staff, origins, pupils = _counted_and_named(question)
    if not asked:
        return False
    if any(_related(_noun_stem(m.group(1)), a) for m in _AS_NOUN.finditer(rest) for a in asked):
        return False  # "40 Kinder … als „Seiteneinsteiger“ unterrichtet": they are the asked
    numbers = list(_TYPE_PATTERNS["count"].finditer(rest))
    # a sentence that names the counted itself ("an allen vier Berufskollegs … befinden
    # sich Schülerinnen und Schüler") calls it by that name: another noun it counts is no
    # paraphrase of it
    uncounted = _COUNT_PHRASE.sub(" ", rest)  # "zwölf Internationale Förderklassen" counts
    named_here = any(
        _same_head(_noun_stem(word.group()), a)
        for word in _CAPITALISED.finditer(uncounted)
        for a in asked
    )
    previous = ""
    for number in numbers:
        if _RANGE_ON.match(rest, number.end()):
            continue  # "12 – 16 Schüler": a range counts what its last number counts
        noun = _COUNTED_AFTER.match(rest, number.end()) or _PARTITIVE_AFTER.match(
            rest, number.end()
        )
        if noun is None:
            # "600 Sprachlernklassen …, 19 davon im Kreis", "141 Plätze sind belegt, 17 sind
            # noch frei": a number without a noun after a count counts what that count does
            if not previous:
                return False
            word = previous
        else:
            completed = _COMPLETED.match(rest, noun.end()) if noun.group(1).endswith("-") else None
            word = previous = completed.group(1) if completed else noun.group(1)
            of = _OF_NOUN.match(rest, noun.end())  # "14 Prozent der Kinder": of the counted
            if of and any(_related(_noun_stem(of.group(1)), a) for a in asked):
                return False
        noun_stem = _noun_stem(word)
        if any(_related(noun_stem, a) for a in asked):
            return False
        if _DEMONYM.search(word) and noun_stem in origins:
            return False  # "200 Ukrainer" count the "Menschen aus der Ukraine"
        if staff:  # "Wie viele Lehrkräfte …?": only a count of staff or posts may answer
            if _STAFF.search(word):
                return False
        elif pupils and (_STAFF.search(word) or _WHERE_PUPILS_ARE.fullmatch(word)):
            continue  # "sieben Kolleginnen", "2 Klassen", "9 Schulhäuser" count no pupils
        elif not named_here and not any(
            _same_head(o, noun_stem) or _same_kind(o, noun_stem, asked) for o in others
        ):
            return False
    return bool(numbers)


def _noun_stem(word: str) -> str:
    """A noun without its plural, case or gendered ending: "Schüler*innen", "Schülerinnen",
    "Schülern" and "Schüler" all become "schül", "Klassen" and "Klasse" "klass"."""
    stem = re.sub(r"[*:_/]?innen$", "", word.lower().strip("„“\"»«'"))
    for ending in ("ern", "en", "er", "e", "n", "s"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 4:
            return stem[: -len(ending)]
    return stem


def _heads(stem: str) -> set[str]:
    """A stem and, for a hyphenated compound, its last part ("klass" of "vabo-klass")."""
    return {stem, stem.rsplit("-", 1)[-1]}


def _same_head(a: str, b: str) -> bool:
    """Whether two noun stems are one noun or one is a compound ending in the other
    ("schul" of "realschul", not of "schulleit"; "klass" of "vabo-klass")."""
    return any(
        len(x) >= 4 and len(y) >= 4 and (x.endswith(y) or y.endswith(x))
        for x in _heads(a)
        for y in _heads(b)
    )


def _same_kind(other: str, noun: str, asked: Sequence[str]) -> bool:
    """Whether ``noun`` names another thing of the kind of ``other``, a noun the question
    names besides what it counts: both compounds end in one head of at least five letters
    that no counted noun ends in ("Deutschförderklassen" beside the "Übergangsklassen" of
    "Wie viele Schüler sitzen in den Übergangsklassen?", "Realschulen" beside "Grundschulen")."""
    head = _common_ending(other, noun)
    return len(head) >= 5 and not any(a.endswith(head) for a in asked)


def _common_ending(a: str, b: str) -> str:
    """The longest ending ``a`` and ``b`` share ("klass" of "übergangsklass" and
    "deutschförderklass")."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n :]


def _related(a: str, b: str) -> bool:
    """Whether two noun stems may name one thing: the same head, or one holds the other
    ("alpha" of "alpha-klass", "daz" of "daz-zentr")."""
    return _same_head(a, b) or (min(len(a), len(b)) >= 3 and (a in b or b in a))


# "Wie viele (ukrainische) Kinder …", "Mit wie vielen Stellen …": the noun the count is of
_COUNTED_NOUN = re.compile(rf"{_HOW_MANY}([A-ZÄÖÜ][a-zäöüß]{{2,}})")
# Only a plural ending is cut, not a Snowball stem (``german.stem``): that maps "Schüler"
# and "Schulen" alike to "schul", and "3 Schulen" would count "Schüler".
_PLURAL_ENDING = re.compile(r"(?:innen|en|er|e|n|s)$")


# Children or pupils as a whole, named by a bare word (not a compound or an adjective that
# names a subgroup: "Flüchtlingskinder", "ukrainische Kinder"); one such word paraphrases
# another of the same age ("31 Mädchen und Jungen" for "Wie viele Kinder …?"; pupils are
# children or youths, children are no youths)
_PUPIL_WORD = (
    r"(?:Kinder[n]?|Schüler(?:innen|Innen|[*:_/]innen|n)?|Jugendliche[nr]?|Mädchen|Jungen)"
)
_PUPILS = rf"({_PUPIL_WORD}(?:\s+und\s+{_PUPIL_WORD})?)"
_PUPILS_ASKED = re.compile(rf"\b(?i:wie)\s+(?i:vielen?)\s+{_PUPILS}\b")
_PUPILS_COUNTED = re.compile(rf"(?<![\w-])(?i:{_ABOUT}{_NUMBER})\s+{_PUPILS}\b")
_PUPIL_AGES = {"kind": {"child"}, "mädch": {"child"}, "jung": {"child"}, "jugend": {"youth"}}


def _pupil_ages(words: str) -> set[str]:
    """The ages bare words for children or pupils name: "Kinder" children, "Jugendliche"
    youths, "Schülerinnen" both."""
    ages: set[str] = set()
    for word in re.findall(r"\w+", words.lower()):
        if word != "und":
            ages |= next(
                (a for k, a in _PUPIL_AGES.items() if word.startswith(k)), {"child", "youth"}
            )
    return ages


def _counts_pupils(sentence: str, question: str) -> bool:
    """Whether ``sentence`` counts children or pupils as a whole where "Wie viele X …?" asks
    for them by another bare word of the same age ("16 Kinder" for "Wie viele Schüler …?",
    not "63 Jugendliche" for "Wie viele Kinder …?")."""
    asked = _PUPILS_ASKED.search(question)
    if asked is None:
        return False
    ages = _pupil_ages(asked.group(1))
    return any(ages & _pupil_ages(m.group(1)) for m in _PUPILS_COUNTED.finditer(sentence))


# The size of a group: "in Klassen von sechs bis zehn Kindern", "Gruppen mit bis zu 15
# Schülern", "12 Kinder pro Klasse", "jeweils 12 Kinder", "Klassengröße: 18"
_GROUPS = r"(?:klasse|gruppe|kurs|team)\w*"
_NOT_MEMBERS = r"\s*(?:stunden|minuten|tage|wochen|monate|jahre|euro|€|%|prozent)"
_GROUP_SIZE_STATED = re.compile(
    rf"\b{_GROUPS}\s+(?:von|mit|aus)\s+(?:je(?:weils)?\s+)?{_ABOUT}(?:bis\s+zu\s+|maximal\s+|"
    rf"höchstens\s+)?{_NUMBER}\b(?!{_NOT_MEMBERS})|"
    rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,2}}?(?:pro|je)\s+{_GROUPS}|"
    rf"\bjeweils\s+(?:bis\s+zu\s+)?{_NUMBER}\b(?!{_NOT_MEMBERS})|"
    rf"\b(?:klassen|gruppen|kurs)(?:größe|stärke|teiler)\w*\b[^.;]{{0,40}}?\d",
    re.IGNORECASE,
)


def states_group_size(sentence: str) -> bool:
    """Whether ``sentence`` states how many members a class, group or course has ("in kleinen
    Klassen von sechs bis zehn Kindern"), not a total ("80 Kinder besuchen die Schule")."""
    return _GROUP_SIZE_STATED.search(sentence) is not None


def counts_asked(sentence: str, question: str) -> bool:
    """Whether ``sentence`` counts what "Wie viele X …?" asks about: a number before X or a
    compound ending in X, at most three words apart ("fünfeinhalb Planstellen" for
    "Stellen"), a table cell "X: 54", or the number X's count rises to or stands at ("Die
    Zahl der Sprachlernklassen, die … auf rund 300 erhöht wurde"). Children or pupils as a
    whole count each other ("31 Mädchen und Jungen" for "Wie viele Kinder …?"); a subgroup or
    another age does not ("20 Flüchtlingskinder" for "Wie viele Schüler …?", "63
    Jugendliche" for "Kinder"). False when the question names no X."""
    stem = _counted_stem(question)
    if not stem:
        return False
    noun = rf"[\w-]*{re.escape(stem)}"
    before = rf"\b{_NUMBER}\s+(?:[\w-]+-,?\s+|[\w-]+\s+){{0,3}}?{noun}"  # also "Grund-, …"
    cell = rf"\b{noun}\w*\s*:\s*\d"  # a table cell "Plätze: 54"
    total = (
        rf"\b(?:an)?zahl\s+der\s+{noun}\w*\b[^.;:!?]{{0,120}}?"
        rf"\b(?:auf|bei|beträgt|betrug|liegt\s+bei)\s+{_ABOUT}{_NUMBER}\b"
    )
    if re.search(f"{before}|{cell}|{total}", sentence.lower()):
        return True
    if _counts_pupils(sentence, question) or _counts_people_of_origin(sentence, question):
        return True
    return _counts_in_adjective(sentence, question)


def _counts_people_of_origin(sentence: str, question: str) -> bool:
    """Whether ``sentence`` counts people named after where the counted of the question
    come from: "Mehr als 200 Ukrainer" for "Wie viele Menschen aus der Ukraine …?"."""
    origins = _counted_and_named(question)[3]
    if not origins:
        return False
    for number in _TYPE_PATTERNS["count"].finditer(sentence):
        noun = _COUNTED_AFTER.match(sentence, number.end())
        if noun and _DEMONYM.search(noun.group(1)) and _noun_stem(noun.group(1)) in origins:
            return True
    return False


def _counts_in_adjective(sentence: str, question: str) -> bool:
    """Whether ``sentence`` counts what "Wie viele X …?" asks about in an adjective made of a
    number and X: "die zwölfseitige Broschüre" for "Wie viele Seiten …?", "eine dreizügige
    Schule" for "Wie viele Züge …?", "12-seitig" (umlauts folded on both sides)."""
    stem = fold(_counted_stem(question))
    if not stem:
        return False
    adjective = rf"\b(?:\d+-?|{fold(_COUNT_WORDS)}){re.escape(stem)}\w*ig(?:e|en|er|es|em)?\b"
    return re.search(adjective, fold(sentence)) is not None


def names_counted(sentence: str, question: str) -> bool:
    """Whether ``sentence`` names what "Wie viele X …?" counts (X, also inside a compound, and
    in the singular of a plural with an umlaut: "kein Kita-Platz" names "Plätze")."""
    stem = _counted_stem(question)
    return bool(stem) and fold(stem) in fold(sentence)


def _counts_one(sentence: str, question: str) -> bool:
    """Whether ``sentence`` counts one of what "Wie viele X …?" asks about with the article:
    "wurde eine Intensivklasse eingerichtet" for "Wie viele Intensivklassen …?" (X in the
    singular, also ending a compound; not "eine Intensivklassenlehrerin"). Only the article
    of a subject or object counts: in the dative or genitive ("in einer Intensivklasse",
    "der Besuch einer Vorbereitungsklasse") the thing is where or what something else is."""
    stem = _counted_stem(question)
    if not stem:
        return False
    one = rf"\bein(?:e|en)?\s+(?:[a-zäöüß-]+\s+){{0,2}}?[\w-]*{re.escape(stem)}e?\b"
    return any(
        not _AFTER_PREPOSITION.search(sentence[: m.start()])
        for m in re.finditer(one, sentence, re.IGNORECASE)
    )


# An article right after a preposition belongs to where or what something goes ("eine
# Überweisung in eine Deutschklasse", "Anmeldung für einen Sprachkurs"): it counts nothing
_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|an|auf|für|über|durch|um|gegen|ohne|zu)\s+$", re.IGNORECASE
)


def answers_another_count(before: str, sentence: str, question: str) -> bool:
    """Whether ``sentence`` answers the "Wie viele …?" that stands right ``before`` it (a
    question-and-answer page, an answer to a parliamentary question: "a) Wie viele
    unbegleitete Flüchtlinge …? Nach Angaben … sind es 155"), and that one counts something
    ``question`` does not ask about ("Wie viele Berufsschulplätze …?"): its figure counts
    what its own question asked, though it names no noun of its own."""
    if not before.rstrip().endswith("?") or not _COUNTED_NOUN.search(before):
        return False
    asked = _counted_stem(question)
    if not asked or counts_asked(sentence, question):
        return False
    return fold(asked) not in fold(before)


def _counted_stem(question: str) -> str:
    """ "sprachlots" of "Wie viele Sprachlotsen …?" ("" when the question names no X)."""
    match = _COUNTED_NOUN.search(question)
    if not match:
        return ""
    word = _past_attribute(question, match.group(1), match.end())[0]
    stem = _PLURAL_ENDING.sub("", word.lower())
    return stem if len(stem) >= 3 else ""


def _rate_compound(rate: str, unit: str, sentence: str) -> bool:
    """ "fünf Wochenstunden" states hours per week: a compound of the rate's stem and the
    unit ("Stunden pro Woche")."""
    stem = fold(rate)[:4]
    return bool(re.search(rf"\b{_NUMBER}\s+{re.escape(stem)}\w*(?:{unit})", sentence, re.I))


def _states_rate(rate: str, sentence: str) -> bool:
    """ "… pro Einsatzstunde" is met by "25 Euro je Stunde" (a shared word ending), "… pro
    Kind" by "für jedes Kind", "… pro Jahr" by "jedes Jahr"."""
    target = fold(rate)
    # "je Stunde", "je angefangener Stunde", "für jedes Kind", "/ Stunde": the noun after an
    # optional adjective (the adjective in lower case: "Pro Einsatz zahlt …" opens a sentence)
    per = (  # "jedes Jahr", "jede Woche" too
        r"\b(?i:pro|je|(?:für\s+)?jede[mnrs]?)\s+(?:[a-zäöüß]\w*\s+)?([^\W\d_][\w-]*)|"
        r"/\s*([^\W\d_]\w*)"
    )
    for match in re.finditer(per, sentence):
        word = fold(match.group(1) or match.group(2))
        if len(word) >= 3 and (target.endswith(word) or word.endswith(target[-5:])):
            return True
    for match in _RATE_PHRASE.finditer(sentence):  # "20 Stunden in der Woche", "3 am Tag"
        word = fold(match.group(1))
        counted = re.search(rf"\b{_NUMBER}\s", sentence[: match.start()], re.IGNORECASE)
        if counted and len(word) >= 3 and (target.endswith(word) or word.endswith(target[-5:])):
            return True
    for match in _AVERAGE_PER.finditer(sentence):  # "Im Wochenschnitt sind … 18 Kinder"
        word = fold(match.group(1))
        if len(word) >= 3 and (target.startswith(word) or word.startswith(target[:4])):
            return True
    # "Für die Jahre 2013 und 2014 … jeweils 25 000 Euro": each of the rate's plural
    if _EACH.search(sentence) and any(
        len(target) < len(word) <= len(target) + 2 and word.startswith(target)
        for word in (fold(m.group()) for m in _CAPITALISED.finditer(sentence))
    ):
        return True
    if target == "jahr" and _ONE_YEAR.search(sentence):
        return True  # "im vergangenen Jahr 412 Anmeldungen", "für 2021 … 1.250 Beratungen"
    for match in _RATE_ADVERB.finditer(sentence):  # "jährlich", "wöchentlich" for "pro Jahr"
        base = fold(match.group(1))
        for stem in {base, base.removesuffix("t"), base.removesuffix("ent")}:
            if len(stem) >= 3 and re.search(rf"{re.escape(stem)}(?:e|en)?$", target):
                return True
    return False


# A figure stated for one year answers "pro Jahr": "im vergangenen Jahr", "im Vorjahr", "im
# Schuljahr 2022/23", "im Jahr 2021", "für 2021" (not "seit 2015", a sum since then)
_ONE_YEAR = re.compile(
    r"\bim\s+(?:[a-zäöüß]+e[nm]?\s+)?(?:vor|kalender|haushalts|berichts|schul)?jahr\b|"
    r"\b(?:berichts|haushalts)?jahr(?:es)?\s+(?:19|20)\d{2}\b|\b(?:für|in)\s+(?:19|20)\d{2}\b",
    re.IGNORECASE,
)


_LONG_FORM_CHARS = 160  # characters next to an abbreviation searched for its long form
_WORD = re.compile(r"[\w/-]+")
_ASIDE = re.compile(r"\([^)]*\)")


def expands(sentence: str, abbreviation: str) -> bool:
    """Whether ``sentence`` spells out ``abbreviation`` (``assistant.abbreviations``): the
    words before it in brackets ("Deutsch als Zielsprache (DaZ)"), or the words after it in
    brackets, a colon or an equals sign ("VABO (Vorqualifizierungsjahr Arbeit/Beruf …)",
    "IFK: Internationale Förderklasse"), also as a list ("nach dem SMART-Prinzip:
    spezifisch, messbar, …"), and after "steht für" also where the abbreviation stood in the
    sentence before ("Das Kurzwort steht für Ukrainisches Ergänzungsangebot")."""
    short = re.escape(abbreviation)
    for bracket in re.finditer(rf"\(\s*{short}\s*\)", sentence):
        before = sentence[max(0, bracket.start() - _LONG_FORM_CHARS) : bracket.start()]
        if long_form(abbreviation, _WORD.findall(before)):
            return True
    after = rf"\b{short}\b(?:\s*[(=–]|[^.:;]*:)|\bsteht\s+für\b|\bbedeutet\b"
    for cue in re.finditer(after, sentence):
        # the words that follow, an aside in brackets skipped
        following = _ASIDE.sub(" ", sentence[cue.end() : cue.end() + _LONG_FORM_CHARS])
        if spells(abbreviation, _WORD.findall(following)):
            return True
    return False


def missing_type(expects: Expectation, sentence: str, question: str) -> str:
    """The answer type ``sentence`` fails to state ("duration", "count", "minimum" …), or ""
    when it states what the question requires: a strict type (money, share, contact …)
    always, a count, duration, age or languages when the question asks for nothing else, a
    minimum ("ab 12 Schülern") when the question asks for one."""
    if expects.kind == "expansion":
        return "" if expands(sentence, expects.unit) else "expansion"
    if expects.strict and not states_type(expects, sentence):
        return expects.kind
    if _counts(expects) and not states_count(sentence, question):
        return "count"
    if _asks_only_type(expects) and not states_type(expects, sentence):
        return expects.kind
    if _names_no_time(expects, sentence):
        return "when"
    if expects.least and not _THRESHOLD.search(sentence):
        return "minimum"
    return ""
