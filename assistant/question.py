"""What a question requires of its answer, beyond its topic (pure).

* the **expected answer type**, read from the question words: "Wie viel kostet …" needs an
  amount of money, "Wie viele …" a number, "… in Minuten" a number of minutes, "… pro
  Einsatzstunde" a rate per hour, "Telefonnummer" a phone number or e-mail address,
  "Wie viel Prozent" a share, "Wie heißt die Leiterin …" a person's name, "Wie alt …" an
  age, "Wie oft …" a frequency;
* the **years and school years** it asks about ("2023", "im Schuljahr 2023/24");
* the **places** it names that are not municipalities of the index ("in Hohenfurt",
  "Regierungsbezirk Arnsberg"; see ``assistant.places``).

``assistant.constraints`` checks evidence against this frame. The patterns are general
German question forms, not words of any one corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .abbreviations import first_short_form
from .german import fold
from .places import INSTITUTION

__all__ = [
    "QUESTION_PREPOSITION",
    "QUESTION_WORDS",
    "SCHOOL_FORMS",
    "SPAN_UNITS",
    "Expectation",
    "Frame",
    "YearSpec",
    "asks_group_size",
    "expectation_of",
    "frame_question",
    "school_forms",
    "year_mentions",
    "years_in",
]

_HOW_MUCH = r"(?:wie\s*viel\b|wie\s+hoch|in\s+welcher\s+höhe|welche[rn]?\s+betr[äa]g\w*)"
_MONEY_TAIL = (  # may end a compound: "Kita-Gebühren", "Aufwandsentschädigung", "Essensgeld"
    r"(?:kost(?:en|et(?:en?)?)|gebühr\w*|geld(?:er|es)?|beitr[äa]g\w*|honorar\w*|vergütung\w*|entgelt\w*|"
    r"entschädigung\w*|zuschuss\w*|zuschüsse\w*|budget\w*|pauschale\w*|preis\w*|gehalt\w*|"
    r"lohn\w*|summe\w*|betr[äa]g\w*|mittel|miete)"
)
_MONEY_WORD = (
    r"(?:geld|euro|€|bekommt|bekommen|erhält|erhalten|zahlt|zahlen|bezahlt|verdien\w*|"
    r"finanzier\w*)"
)
# "Was bekommen/erhalten X …?" asks for money only when the question says it is paid
# ("… pro Stunde", "… erstattet", "… als Aufwandsentschädigung"); "Was erhält jedes Kind beim
# Integrationszentrum?" asks for a thing (a counselling session).
_RECEIVED_MONEY = (
    rf"\bwas\s+(?:bekomm|erhält|erhalt)\w*[^?.!]*?(?:\w*{_MONEY_TAIL}\b|"
    r"\b(?:geld|euro|erstatte\w*|vergütet|bezahlt)\b|\b(?:pro|je)\s+[^\W\d_])"
)
# "Was kostet …?", "Was zahlt …?", and what someone has to pay however far the verb ends the
# question ("Was müssen Eltern für den Schwimmkurs bezahlen?", "Was soll der Kreis zuzahlen?"),
# also in the perfect ("Was hat die Fahrt gekostet?", "Was haben Eltern bezahlt?"): an amount
# of money
_PERFECT = r"(?:hat|haben|hatte|hatten)\b"  # the auxiliary of a question in the perfect
_PAID_PARTICIPLE = r"(?:gekostet|\w*gezahlt|bezahlt)"  # "gekostet", "zugezahlt", "bezahlt"
_PAID = (
    r"\bwas\s+(?:(?:kost|verdien|zahl|bezahl)\w*|"
    r"(?:muss|müssen|musste|mussten|soll|sollen)\b[^?.!,]{0,80}?\b\w*zahlen\b|"
    rf"{_PERFECT}[^?.!,]{{0,80}}?\b(?:{_PAID_PARTICIPLE}|verdient)\b)"
)
# A noun that names one sum of money asks for its amount after "welche" as "Betrag" does
# ("Welche Gebühr erhebt …?", "Welches Honorar …?"); their plurals ("Welche Kosten übernimmt
# …?", "Welche Gebühren fallen an?") and nouns that also name other things ("Beitrag",
# "Preis") may ask what they are.
_SUM_NOUN = (
    r"(?:betr[äa]g\w*|\w*(?:gebühr|miete|honorar|entgelt|vergütung|pauschale|summe|budget)\b)"
)
_MONEY = re.compile(
    # "Mit welchem Betrag fördert …?": the noun asks for an amount of money itself
    rf"\bwelche[mnrs]?\s+(?:[a-zäöüß]+e[mnrs]?\s+)?{_SUM_NOUN}|"
    rf"{_PAID}|{_RECEIVED_MONEY}|{_HOW_MUCH}[^?.!]{{0,60}}?(?:\w*{_MONEY_TAIL}\b|\b{_MONEY_WORD}\b)|"
    rf"\w*{_MONEY_TAIL}\b[^?.!]{{0,30}}?{_HOW_MUCH}|"
    r"\bwie\s+teuer\b|"  # "Wie teuer ist die Prüfung?": its price
    # "Wie viel hat die Stadt … für … bezahlt?": the participle of paying ends the question,
    # however far from "wie viel" the sentence bracket closes
    rf"\bwie\s*viel\s+{_PERFECT}[^?.!]*\b(?:{_PAID_PARTICIPLE}|ausgegeben)\s*\?",
    re.IGNORECASE,
)
# "Wie viel Unterricht …?" asks for an amount of lessons, not of money: the noun right after
# "wie viel" says what is measured; only a money noun ("Wie viel Geld …?") asks for euros.
# (also after an adjective: "Wie viel zusätzliche Deutschförderung …?")
_HOW_MUCH_OF = re.compile(r"\b(?i:wie)\s*viel\s+(?:[a-zäöüß]+e[mnrs]?\s+)?([A-ZÄÖÜ][\wäöüß-]*)")
_MONEY_NOUN = re.compile(rf"\w*{_MONEY_TAIL}|{_MONEY_WORD}", re.IGNORECASE)
_PERCENT = re.compile(
    r"\bwie\s+viel\s+prozent|\bwelche[rn]?\s+(anteil|quote)|\bwie\s+(hoch|groß)\s+(ist|war|sind)"
    r"\s+(der|die)\s+\w*(anteil|quote)\b|\bprozentsatz",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"\b(telefonnummer\w*|rufnummer\w*|telefon|tel\.|e-?mail\w*|mailadresse\w*|faxnummer\w*|"
    r"kontaktdaten|erreichbar\w*|anrufen|unter\s+welcher\s+nummer)\b",
    re.IGNORECASE,
)
# "Unter welcher Adresse …?", "In welcher Straße liegt …?", "Wie lautet die Anschrift …?": a
# postal address (an "E-Mail-Adresse" asks for a contact, which is matched first)
_ADDRESS = re.compile(
    r"\b(?:adresse|anschrift)\b|\b(?:in|an)\s+welcher\s+stra(?:ß|ss)e\b", re.IGNORECASE
)
# "In welchem Zimmer …?", "Auf welcher Etage …?", "In welchem Stock …?", "Welche Raumnummer
# …?": a room or floor of a building, which a contact block gives ("Zimmer 12", "3. Etage");
# "Welches Büro …?" asks which office, not which room
_ROOM_WORD = r"(?:zimmer|raum|etage|stock(?:werk)?|\w*geschoss|zimmernummer|raumnummer)"
_ROOM = re.compile(
    rf"\b(?:in|auf|an)\s+welche[mnr]\s+{_ROOM_WORD}\b|\bwelche[sr]?\s+{_ROOM_WORD}\b|"
    r"\b(?:zimmer|raum)nummer\b",
    re.IGNORECASE,
)
_HOURS = re.compile(r"\b(sprechzeit\w*|öffnungszeit\w*|sprechstunde\w*)\b", re.IGNORECASE)
# "Zu welchen Zeiten …?", "Wann ist das Büro erreichbar?", "Wann ist es zu erreichen?",
# "Wann kann man anrufen?": times of the week, not a phone number ("Wie ist das Büro
# erreichbar?" asks how to reach it)
_WHEN_REACHABLE = re.compile(
    r"\bzu\s+welchen\s+zeiten\b|"
    r"\bwann\b[^?]*\b(?:erreichbar\w*|zu\s+erreichen|erreicht\s+man|anrufen|anzurufen)\b",
    re.IGNORECASE,
)
# "Um wie viel Uhr …?", "Zu welcher Uhrzeit …?", "Zu welchen Uhrzeiten …?": a time of day
# ("um 15 Uhr", "ab 8.30 Uhr")
_CLOCK_TIME = re.compile(
    r"\b(?:um|ab|bis)\s+wie\s*viel\s+uhr\b|\b(?:welche[rn]?|die)\s+uhrzeit(?:en)?\b",
    re.IGNORECASE,
)
# "An welchem Wochentag …?", "An welchen Tagen …?": a day of the week ("donnerstags",
# "montags bis freitags") or, for days, a date
_WHICH_WEEKDAY = re.compile(
    r"\bwelche[mnrs]?\s+wochentag(?:e|en)?\b|\ban\s+welchen\s+tagen\b", re.IGNORECASE
)
# "Wie alt sind …?", "Bis zu welchem Alter …?": an age ("im Alter von 10 bis 16 Jahren")
_HOW_OLD = re.compile(
    r"\bwie\s+alt\b|\b(?:in|ab|bis|zu|mit|aus)\s+welchem\s+alter\b|\baltersgrenze\b|"
    r"\bwelchen\s+alters\b|"  # "Für Kinder welchen Alters …?"
    r"\bfür\s+welche(?:s\s+alter|\s+altersgruppe)\b|"
    # "Welche Altersspanne haben die Schüler …?", "Welche Altersgruppen besuchen …?"
    r"\bwelche[rsn]?\s+alters(?:spanne|gruppe|stufe|bereich)(?:n|e)?\b|"
    r"\bwelche[sn]?\s+(?:mindest|höchst|eintritts|einschulungs)?alter\b",
    re.IGNORECASE,
)
# The prepositions a question may open with before its question word ("ab welchem Alter",
# "an welcher Schule", "seit wann")
QUESTION_PREPOSITION = r"(?:an|in|bei|für|mit|von|seit|ab|bis|zu|auf|aus|nach|über)"
# A question opening with "welche …", also after a preposition ("In welcher Straße …?")
_WHICH_OPENING = rf"^\s*(?:{QUESTION_PREPOSITION}\s+)?welche[rnms]?\s+"
# A question whose own opening asks for something else names office hours only as what it
# is about: "In welcher Straße bietet der JMD seine Sprechstunde an?", "Wo findet die
# Sprechstunde statt?", "Wie lange dauert die Sprechstunde?", "Wie oft kommt die Beraterin zur
# Sprechstunde?" ("Welche Sprechzeiten …?", "Wann ist die Sprechstunde?" ask for the hours)
_ASKS_OTHER_THAN_HOURS = re.compile(
    rf"{_WHICH_OPENING}(?!(?:\w*sprechzeit|\w*öffnungszeit|\w*sprechstunde|zeit))\w+\b|"
    r"^\s*(?:wo|wohin|woher|wer|wen|wem|wessen|wie\s+viele|wie\s+lange|wie\s+oft|wie\s+häufig|"
    r"wie\s+hei(?:ß|ss)(?:t|en))\b",
    re.IGNORECASE,
)
# "An welchen Schulen …?", "Welche Schule …?", "In welcher Grundschule …?": a school, which a
# sentence names by its own name; only as the question's own opening ("Wonach richtet sich,
# welche Grundschule …?" asks for a rule)
_WHICH_SCHOOL = re.compile(
    rf"{_WHICH_OPENING}(?:[a-zäöüß]\w*\s+)?"
    r"(?:\w*schulen?|\w*gymnasi(?:um|en)|\w*kollegs?|\w*schulzentr(?:um|en))\b",
    re.IGNORECASE,
)
# "Welche Sprachen …?", "In welchen Herkunftssprachen …?", "In welcher Sprache …?": languages
_WHICH_LANGUAGE = re.compile(
    r"\b(?:welche[nr]?|in\s+welche[nr]?|für\s+welche)\s+(?:[a-zäöüß]+\s+)?\w*sprachen?\b",
    re.IGNORECASE,
)
# "Welches Deutschniveau …?", "Auf welchem Sprachniveau …?", "Welche Niveaustufe …?": a level
# of language ("B1", "A2.1", a stage of literacy)
_WHICH_LEVEL = re.compile(
    r"\b(?:welche[smn]?|auf\s+welche[mn])\s+(?:[a-zäöüß]+e[smn]?\s+)?(?:deutsch|sprach)?"
    r"(?:niveau|niveaustufe|sprachstufe|kompetenzstufe)n?\b",
    re.IGNORECASE,
)
# The roles a person holds in an administration or a school ("Schulleiterin", "Schulrat",
# "Konrektor", "Oberbürgermeisterin", "Beigeordneter"): no office or body holds them. An
# adjective as a noun is declined ("seines Vorsitzenden", "dem Beigeordneten").
PERSON_ROLE = (
    r"\w*leiter(?:in|innen)?|\w*direktor(?:in)?|\w*rektor(?:in)?|schulr(?:at|ätin)|"
    r"landr(?:at|ätin)|\w*bürgermeister(?:in)?|\w*dezernent(?:in)?|beigeordnete[rn]?|"
    r"vorsitzende[rn]?|\w*kr(?:aft|äfte)|lehrer(?:in|innen)?|\w*berater(?:in|innen)?|"
    r"\w*arbeiter(?:in|innen)?|sprecher(?:in)?|referent(?:in)?"
)
# Offices a person holds that name no role of their own: "Ansprechpartnerin",
# "Integrationsbeauftragte", "Bildungskoordinator"
PERSON_OFFICE = r"ansprechpartner\w*|ansprechperson\w*|\w*beauftragte\w*|\w*koordinator\w*"
# A word naming a role or an office ("Schulleiterin", "Koordinator Seiteneinstieg")
ROLE_OR_OFFICE_WORD = re.compile(rf"\b(?i:{PERSON_ROLE}|{PERSON_OFFICE})\b")
# What a person question names its person by: a role, an office or just "Person"
_HOLDERS = rf"person|{PERSON_ROLE}|\w*leitung|{PERSON_OFFICE}"
# A role also as a compound's last part: "Klassenlehrerin", "DaZ-Lehrkraft", "Kontaktperson"
_COMPOUND = r"(?:\w+-)?\w*"
_PERSON = re.compile(
    # "Wie heißen die beiden neuen Koordinatoren", "Wie heißt die zusätzliche Lehrkraft", "Wie
    # heißt der Feldauer Schulrat" (the words before the role are adjectives: "Wie heißt die
    # Katze der Schulleiterin?" asks for a cat's name)
    rf"\bwie\s+hei(?:ß|ss)(?:t|en)\s+(?:der|die|den)\s+(?-i:(?:[a-zäöüß]\w*|[A-ZÄÖÜ]\w*er)\s+){{0,2}}"
    rf"{_COMPOUND}(?:{_HOLDERS})\b|"
    r"\bwer\s+ist\s+(?:der|die)\s+(?:\w*leiter\w*|ansprechpartner\w*)\b.*\bname|"
    # "Welche Lehrkraft unterrichtet …?", "Welcher Schulleiter …?": a person by a role
    rf"\bwelche[rn]?\s+(?:[a-zäöüß]\w*\s+)?{_COMPOUND}(?:{PERSON_ROLE})\b|"
    # "Wer ist Schulleiterin der …?", "Wer ist der neue Schulrat?"
    rf"\bwer\s+ist\s+(?:(?:der|die)\s+)?(?:[a-zäöüß]\w*\s+)?{_COMPOUND}(?:{PERSON_ROLE})\b|"
    # "Wer leitet (in Feldau) das Berufliche Schulzentrum?": an institution is led by a
    # person, and so is an office, service or association ("die Beratungsstelle", "den
    # Sozialdienst", "die Familienhilfe", "den Jugendverband"); "Wer leitet die Sitzungen?"
    # may be answered by a body
    rf"\bwer\s+leitet\s+(?:(?:in|im)\s+\S+\s+)?(?:die|das|den)\s+(?:\S+\s+){{0,2}}?"
    rf"(?:{INSTITUTION}|\w*(?:stelle|dienst|hilfe|einrichtung|verein|verband|ring|team|"
    r"abteilung))\b",
    re.IGNORECASE,
)
# What a person does, by the stems of the words naming it: the head of a school or office
# ("Schulleiterin", "Rektor", "leitet"), a teacher ("Lehrkraft", "Deutschlehrer") and so on
ROLE_GROUPS = (
    ("leit", "rektor", "direktor"),
    ("lehr",),
    ("koordin",),
    ("berat",),
    ("beauftragt",),
    ("bürgermeister",),
    ("landr",),
    ("schulr",),
    ("dezernent", "beigeordnet"),
    ("sprecher",),
    ("referent",),
    ("vorsitzend",),
)


def role_group(word: str) -> str:
    """The first stem of the group of roles ``word`` belongs to ("leit" for "Rektorin"), or
    "" for a word that names none of them."""
    lowered = word.lower()
    for group in ROLE_GROUPS:
        if any(stem in lowered for stem in group):
            return group[0]
    return ""


_ASKED_ROLE = re.compile(rf"\bwer\s+leitet\b|\b{_COMPOUND}(?:{_HOLDERS})\b", re.IGNORECASE)


def asked_role(question: str) -> str:
    """The group of the role whose holder a person question asks for ("Wie heißt die
    Lehrkraft …?": "lehr"), "" when it names none ("Wer ist Ansprechpartnerin …?")."""
    for match in _ASKED_ROLE.finditer(question):
        group = role_group(match.group(0))
        if group:
            return group
    return ""


_COUNT = re.compile(r"\bwie\s*vielen?\b|\bwieviele\b|\banzahl\b", re.IGNORECASE)
# The size of a class, group, team or course is its number of members ("Wie groß dürfen die
# Lerngruppen sein?", "Wie groß ist die Zahl der …?"); checked after every other type, so
# that "Wie groß … und wie oft …?" keeps asking for a frequency as before
_GROUP_SIZE = re.compile(
    r"\bwie\s+groß\s+(?:ist|sind|war|waren|darf|dürfen|durfte|durften|soll|sollte|sollen|"
    r"wird|werden)\s+(?:\S+\s+){0,3}?\S*(?:klassen?|gruppen?|teams?|kurse?|zahl)\b",
    re.IGNORECASE,
)


def asks_group_size(question: str) -> bool:
    """Whether ``question`` asks how large a class, group, team or course is ("Wie groß sind
    die Lerngruppen?"), not how large a number is ("Wie groß ist die Zahl der …?")."""
    match = _GROUP_SIZE.search(question)
    return match is not None and not match.group(0).lower().endswith("zahl")


# "Ab wie vielen Anmeldungen …?", "Wie viele … mindestens?": a threshold, not a tally
_LEAST = re.compile(r"\bab\s+wie\s*vielen?\b|\bmindestens\b|\bmindestzahl\b", re.IGNORECASE)
_DURATION = re.compile(
    # "Nach welcher Zeit wechseln sie …?" asks how long until; "Wie lang ist der Kurs?" too;
    # "Bis wann dauert die Hausaufgabenhilfe?" asks when it ends
    r"\bwie\s+lange?\b|\bwie\s+viel\s+zeit\b|(?<!wann\s)\bdauer\w*\b|\bzeitraum\b|"
    r"\bnach\s+(?:welcher|wie\s+langer)\s+zeit\b",
    re.IGNORECASE,
)
_WHICH_YEAR = re.compile(
    r"\b(?:in|seit|ab|bis|aus|vor)\s+welchem\s+jahr\b|\bwelches\s+jahr\b|\bin\s+welchen\s+jahren\b",
    re.IGNORECASE,
)
_WHICH_DAY = re.compile(
    r"\b(?:an|ab|bis|seit|vor|zu)\s+welchem\s+(?:tag|datum|termin|stichtag)\b|"
    # ... also a compound naming a day: "Welches Abgabedatum …?", "Welcher Anmeldestichtag …?"
    r"\bwelche[sr]\s+\w*(?:datum|stichtag)\b",
    re.IGNORECASE,
)
# "Wie oft …?", "In welchem Rhythmus …?": how often something recurs
_HOW_OFTEN = re.compile(
    r"\bwie\s+(?:oft|häufig)\b|\bin\s+welche[mn]\s+(?:rhythmus|turnus|abst[äa]nd\w*)\b",
    re.IGNORECASE,
)
# (also "Seit welchem Schuljahr …?": a time, which a sentence may give as "2015/16" or as
# "zum neuen Schuljahr")
_WHEN = re.compile(
    r"\b(bis|ab|seit)?\s*wann\b|\bzu\s+welchem\s+zeitpunkt\b|\bfrist\w*\b|"
    r"\b(?:in|seit|ab|bis|zu|für)\s+welche[ms]\s+schuljahr\b",
    re.I,
)
# A unit also as a compound's last part ("Wochenstunden", "Werktage"): the patterns match at
# a word's end (``_unit_key``) or after any letters (``statements.states_type``).
_UNITS = {
    "minute": r"minuten?",
    "stunde": r"stunden?|std\.",
    "tag": r"tag(?:e|en)?",
    "woche": r"wochen?",
    "monat": r"monat(?:e|en)?",
    "jahr": r"jahr(?:e|en)?",
    "prozent": r"prozent|%",
    "euro": r"euro|€|eur\b",
}
_UNITS["stunden-minuten"] = f"{_UNITS['stunde']}|{_UNITS['minute']}"
_UNITS["zeitraum"] = "|".join(_UNITS[k] for k in ("tag", "woche", "monat", "jahr"))
_IN_UNIT = re.compile(
    r"\bin\s+(minuten|stunden|tagen|werktagen|schultagen|wochen|monaten|jahren|prozent|euro)\b",
    re.IGNORECASE,
)
# "Wie viele Wochenstunden …?" counts in a unit of time: the answer states an amount of
# hours or minutes, or a period of days to years ("24 Monate" answers "wie viele Jahre").
_UNIT_FAMILIES = {
    "stunde": "stunden-minuten",
    "minute": "stunden-minuten",
    "tag": "zeitraum",
    "woche": "zeitraum",
    "monat": "zeitraum",
    "jahr": "zeitraum",
}
# The units of a span of days to years, which an age ("im Alter von vier Monaten") names too
SPAN_UNITS = frozenset(
    {"zeitraum", *(unit for unit, family in _UNIT_FAMILIES.items() if family == "zeitraum")}
)
# The words that open a question ("… und wann …?")
QUESTION_WORDS = r"(?:wann|wie|wo|wer|was|welche\w*|warum|ob)\b"
# "… und wann …?": a second question, whose answer need not state the unit
_FURTHER_QUESTION = re.compile(
    rf"\b(?:und|sowie|oder)\s+(?:{QUESTION_PREPOSITION}\s+)?{QUESTION_WORDS}", re.IGNORECASE
)
_SECOND_QUESTION = re.compile(
    rf"\b(?:und|sowie|oder)\s+(?:{QUESTION_PREPOSITION}\s+)?$", re.IGNORECASE
)
# "wie viele Jahre", "nach wie vielen Jahren"; a compound counts in the unit of its last
# part ("wie viele Deutschstunden", "wie viele Kalenderwochen")
_HOW_MANY_UNITS = re.compile(
    r"\bwie\s*viele\s+([a-zäöüß]*(?:stunden?|minuten|tage|wochen|monate|jahre))\b|"
    r"\bwie\s*vielen\s+([a-zäöüß]*(?:stunden|minuten|tagen|wochen|monaten|jahren))\b",
    re.IGNORECASE,
)
_RATE = re.compile(r"\b(?:pro|je)\s+([A-ZÄÖÜ][\wäöüß-]+)")
# "Wie viel (zusätzlichen) Deutschunterricht bekommen …?": teaching is measured in hours or
# lessons, which name what they measure ("täglich vier Stunden Deutsch"), as "wie viele
# Wochenstunden" names its counted thing
_HOW_MUCH_TEACHING = re.compile(
    r"\bwie\s*viel\s+(?:[a-zäöüß]+e[mnrs]?\s+)?[a-zäöüß]*unterrichts?\b", re.IGNORECASE
)
# Yes/no questions about whether something exists: "yes" needs a sentence that names it.
_EXISTENCE = re.compile(
    r"^(?:und\s+)?(?:gibt\s+es|gab\s+es|hat|haben|bietet|bieten|existiert|existieren|besteht|"
    r"bestehen)\b",
    re.IGNORECASE,
)
# The question asks for a document's own date or version ("Welchen Stand hat ...?", "Wann
# wurde die Seite aktualisiert?"): only then may a document's date line answer.
_DOCUMENT_DATE = re.compile(r"\b(?:stand|aktualisier\w*|fassung|version)\b", re.IGNORECASE)
# A new turn that asks a question of its own ("Und was muss passieren, damit …?", "Wer leitet
# die Sitzungen?") does not take the earlier turn's type; one that asks the same of another
# case does ("Und wie sieht das 2021 aus?", "Was gilt für Kinder, die …?", "Und in X?"). The
# verb after the question word tells them apart.
_OWN_QUESTION = re.compile(
    rf"^\s*(?i:(?:und|aber)\s+)?(?i:{QUESTION_WORDS})\s*(?P<verb>[a-zäöüß]+)\b"
)
_SAME_QUESTION_VERBS = frozenset(
    {
        "ist",
        "sind",
        "war",
        "waren",
        "gilt",
        "gelten",
        "galt",
        "sieht",
        "sehen",
        "sah",
        "steht",
        "stehen",
        "läuft",
        "laufen",
        "gibt",
        "gab",
        "verhält",
    }
)
# The question asks about the whole Land: "in NRW", "in ganz Nordrhein-Westfalen",
# "landesweit", "das Land NRW" ("des Schulministeriums NRW" names an authority, not a scope)
_STATE_SCOPE = re.compile(
    r"\b(?:in|für)\s+(?:ganz\s+)?(?:NRW|Nordrhein-Westfalen)\b|\blandesweit\b|"
    r"\b(?:das|dem|des)\s+Land(?:es)?\s+(?:NRW|Nordrhein-Westfalen)\b",
    re.IGNORECASE,
)
_SEGMENT = " – "  # joins the parts of a rewritten follow-up (``assistant.dialogue``)
# A year stands alone or ends a date ("28.10.2015", "1.8.2024"), not a longer number
_YEAR = re.compile(
    r"(?:(?<=\d\.\d\d\.)|(?<=\d\.\d\.)|(?<![\d/.]))"
    r"((?:19|20)\d{2})(?:\s*/\s*((?:19|20)?\d{2}))?(?![\d/])"
)


_STRICT_KINDS = frozenset(
    {"money", "percent", "contact", "hours", "clock", "weekday", "person", "unit", "year", "date"}
)


@dataclass(frozen=True)
class Expectation:
    """The expected answer type; empty ``kind`` when the question asks for nothing specific."""

    kind: str = ""  # money|percent|contact|address|room|hours|clock|person|age|level|language|
    # school|unit|count|year|date|duration|frequency|when|expansion
    unit: str = ""  # the unit named in "in Minuten", "in Euro" (a key of _UNITS); of a
    # contact: "email" or "phone" when the question asks for that channel only; of an
    # expansion: the abbreviation
    rate: str = ""  # the noun after "pro"/"je" ("Einsatzstunde")
    # the unit is what "wie viele" counts ("wie viele Wochenstunden") or "wie viel" measures
    # ("wie viel Unterricht": hours)
    counted: bool = False
    sole: bool = False  # the typed answer is all the question asks ("Wie viele X?", no "und wo …")
    least: bool = False  # a count asked as a threshold ("Ab wie vielen …?"): "ab 12", "mindestens"

    @property
    def strict(self) -> bool:
        """Whether only a sentence stating this type can answer (else it is a soft signal)."""
        return self.kind in _STRICT_KINDS or bool(self.rate)

    @property
    def names_focus(self) -> bool:
        """Whether the sentence stating this type must also name what is asked about (an
        amount, a phone number, a person of it). A day of the week is said of an event by a
        word of its own ("Die Konferenz tagt am Mittwoch" for "An welchem Wochentag werden die
        Plätze verteilt?"): the day itself is required, not the question's rarest word."""
        return self.strict and self.kind != "weekday"


@dataclass(frozen=True)
class YearSpec:
    """A year ("2023") or school year ("2023/24") the question asks about."""

    first: int
    second: int = 0  # the school year's second calendar year, 0 for a plain year

    @property
    def label(self) -> str:
        """How to name it in a German sentence."""
        if self.second:
            return f"das Schuljahr {self.first}/{self.second % 100:02d}"
        return f"das Jahr {self.first}"


@dataclass(frozen=True)
class Frame:
    """What a question requires of its answer besides its topic."""

    text: str
    expects: Expectation = Expectation()
    years: tuple[YearSpec, ...] = ()
    places: tuple[str, ...] = ()
    existence: bool = False  # "Gibt es …?", "Hat X ein …?": the answer must name the thing
    document_date: bool = False  # asks for a document's own Stand or last update
    # places whose naming anywhere in a document places all of its sentences there, with
    # those documents: a town of NRW that is no municipality of the index, which a page
    # without metadata names once, not always near the answer
    named_in: tuple[tuple[str, frozenset[str]], ...] = ()
    state: bool = False  # asks about the whole Land ("in NRW", "landesweit")
    schools: frozenset[str] = frozenset()  # the school forms asked about (``school_forms``)
    # one part of a comparison: the question says each place's documents treat the topic
    shared: bool = False


# "Wofür steht die Abkürzung DaZ?", "Was bedeutet das Kürzel VABO?": the words an
# abbreviation is short for (``statements.expands``); the abbreviation follows the cue
_EXPANSION = re.compile(
    r"\b(?:wofür|für\s+was)\s+steh\w*\s+|"
    r"\bwas\s+(?:bedeute\w*|heißt|heisst)\s+(?=(?:die|das|der)\s+(?:abkürzung|kürzel|kurzform))",
    re.IGNORECASE,
)


# "Wofür steht das BuT-Geld zur Verfügung?" asks what money is for
_AVAILABLE = re.compile(r"\bzur\s+verfügung\b", re.IGNORECASE)


def asked_abbreviation(question: str) -> str:
    """The abbreviation "Wofür steht …?" asks to spell out ("DaZ" of "Wofür steht die
    Abkürzung DaZ an der Schule?"), or ""."""
    cue = _EXPANSION.search(question)
    if not cue or _AVAILABLE.search(question, cue.end()):
        return ""
    # the abbreviation within the next few words ("… steht die Abkürzung DaZ …")
    return first_short_form(question[cue.end() : cue.end() + 40])


def expectation_of(question: str) -> Expectation:
    """The expected answer type of a German question (see the module docstring)."""
    abbreviation = asked_abbreviation(question)
    if abbreviation:
        return Expectation("expansion", abbreviation, sole=True)
    rate_match = _RATE.search(question)
    rate = rate_match.group(1) if rate_match else ""
    unit_match = _IN_UNIT.search(question)
    if unit_match:
        return Expectation("unit", _unit_key(unit_match.group(1)), rate)
    counted = _HOW_MANY_UNITS.search(question)
    if counted and not _asks_more(question, counted.end()):
        unit = _unit_key(counted.group(1) or counted.group(2))
        return Expectation("unit", _UNIT_FAMILIES[unit], rate, True)
    teaching = _HOW_MUCH_TEACHING.search(question)
    if teaching and not _asks_more(question, teaching.end()):
        return Expectation("unit", "stunden-minuten", rate, True)
    for kind, pattern in (
        ("percent", _PERCENT),
        ("money", _MONEY),
        ("hours", _WHEN_REACHABLE),
        ("contact", _CONTACT),
        ("address", _ADDRESS),
        ("room", _ROOM),
        ("hours", _HOURS),
        ("clock", _CLOCK_TIME),
        ("weekday", _WHICH_WEEKDAY),
        ("person", _PERSON),
        ("age", _HOW_OLD),
        ("level", _WHICH_LEVEL),
        ("language", _WHICH_LANGUAGE),
        ("school", _WHICH_SCHOOL),
        ("count", _COUNT),
        ("year", _WHICH_YEAR),
        ("date", _WHICH_DAY),
        ("duration", _DURATION),
        ("frequency", _HOW_OFTEN),
        ("when", _WHEN),
        ("count", _GROUP_SIZE),
    ):
        match = pattern.search(question)
        if match and kind == "money" and _measures_other(question, match):
            continue
        if match and pattern is _HOURS and _ASKS_OTHER_THAN_HOURS.match(question):
            continue
        if match:
            sole = not _asks_more(question, match.end()) and not _asked_after(question, match)
            unit = _contact_channel(question) if kind == "contact" else ""
            if kind == "weekday" and "wochentag" in match.group(0).lower():
                unit = "wochentag"  # a day of the week, not a date
            if kind == "person":
                unit = asked_role(question)
            rate = rate if kind in ("money", "count") else ""
            least = kind == "count" and _LEAST.search(question) is not None
            return Expectation(kind, unit, rate, sole=sole, least=least)
    return Expectation()


def _measures_other(question: str, money: re.Match[str]) -> bool:
    """Whether the "wie viel" of a money match is followed by a noun that is no money ("Wie
    viel Unterricht bekommen …?", "Wie viel Zeit …?"); "Was kostet …" stays money."""
    how = _HOW_MUCH_OF.search(question, money.start(), money.end())
    return how is not None and not _MONEY_NOUN.fullmatch(how.group(1))


def _contact_channel(question: str) -> str:
    """ "email" when a contact question names e-mail as its only channel, "phone" when only
    a phone, else "" ("Kontaktdaten", "Telefon oder E-Mail"; "erreichbar" names none)."""
    words = {fold(m.group(1)) for m in _CONTACT.finditer(question)}
    named = {w for w in words if w != "kontaktdaten" and not w.startswith("erreichbar")}
    mail = {w for w in named if "mail" in w}
    if not named or (mail and mail != named):
        return ""
    return "email" if mail else "phone"


def _asks_more(question: str, after: int) -> bool:
    """Whether a second question follows position ``after`` ("…, und wann …?")."""
    return bool(_FURTHER_QUESTION.search(question, after))


def _asked_after(question: str, match: re.Match[str]) -> bool:
    """Whether the typed question is the second one ("Gibt es X, und an wie vielen Schulen
    …?"): the first asks something else."""
    return bool(_SECOND_QUESTION.search(question[: match.start()]))


def _unit_key(word: str) -> str:
    """The unit a word names, by its last part ("Wochentage": days; "" for none)."""
    folded = fold(word)
    ending = (key for key, pattern in _UNITS.items() if re.search(rf"(?:{pattern})$", folded))
    return next(ending, "")


def year_mentions(text: str) -> list[str]:
    """The years and school years as ``text`` writes them ("2024", "2023/24")."""
    return [m.group(0) for m in _YEAR.finditer(text)]


def years_in(text: str) -> tuple[YearSpec, ...]:
    """Years and school years in ``text`` ("2023", "2023/24", "2023/2024")."""
    found: list[YearSpec] = []
    for match in _YEAR.finditer(text):
        first = int(match.group(1))
        second_raw = match.group(2)
        second = 0
        if second_raw:
            second = (
                int(second_raw) if len(second_raw) == 4 else first // 100 * 100 + int(second_raw)
            )
            if second != first + 1:
                second = 0  # "2020/21" is a school year; "2020/2030" is not
        spec = YearSpec(first, second)
        if spec not in found:
            found.append(spec)
    return tuple(found)


# The school forms of NRW with their article, each found by a stem inside a word too
# ("Silverberg-Gymnasiums", "Gemeinschaftsgrundschule", "Grundschulkinder")
SCHOOL_FORMS = (
    ("Grundschule", "die", "grundschul"),
    ("Hauptschule", "die", "hauptschul"),
    ("Realschule", "die", "realschul"),
    ("Sekundarschule", "die", "sekundarschul"),
    ("Gesamtschule", "die", "gesamtschul"),
    ("Gymnasium", "das", "gymnasi"),
    ("Berufskolleg", "das", "berufskolleg"),
    ("Förderschule", "die", "forderschul"),
)


@lru_cache(maxsize=1024)
def school_forms(text: str) -> frozenset[str]:
    """The school forms ``text`` names. A question about one form is not answered by a
    sentence about another only ("Wie viele … besuchen die Realschule in Rees?" by "Am
    Gymnasium werden momentan sieben Kinder … unterrichtet."); a sentence naming none
    leaves the form to its context."""
    folded = fold(text)
    return frozenset(name for name, _, stem in SCHOOL_FORMS if stem in folded)


def frame_question(
    text: str,
    places: tuple[str, ...] = (),
    named_in: tuple[tuple[str, frozenset[str]], ...] = (),
    shared: bool = False,
) -> Frame:
    """The frame of a question whose places were found by ``assistant.places``; the places
    of ``named_in`` (with the documents naming them) are required too. A comparison's topic
    (``shared``) requires no school form: the one it names may be another part's."""
    existence = bool(_EXISTENCE.match(text.strip()))
    document_date = bool(_DOCUMENT_DATE.search(text))
    expects = _segment_expectation(text)
    places = places + tuple(place for place, _ in named_in if place not in places)
    state = bool(_STATE_SCOPE.search(text))
    schools = frozenset() if shared else school_forms(text)
    return Frame(
        text,
        expects,
        years_in(text),
        places,
        existence,
        document_date,
        named_in,
        state,
        schools,
        shared,
    )


def _segment_expectation(text: str) -> Expectation:
    """The expected type of the first dash-separated segment that has one.

    A follow-up rewritten by ``assistant.dialogue`` reads "new turn – previous turn –
    municipality": "…, und wie lange geht das? – Was kostet das Herbstcamp?" asks for a
    duration, not for the earlier turn's amount; an elliptic "Und in X?" takes the earlier
    turn's type.
    """
    segments = text.split(_SEGMENT)
    own = _OWN_QUESTION.match(segments[0])
    if own and own.group("verb") not in _SAME_QUESTION_VERBS:
        segments = segments[:1]  # a question of its own, typed or not
    for segment in segments:
        expects = expectation_of(segment)
        if expects.kind or expects.rate:
            return expects
    return Expectation()


def unit_pattern(unit: str) -> str:
    """Regular expression (case-insensitive) for a unit key of ``Expectation.unit``."""
    return _UNITS.get(unit, re.escape(unit))
