"""Which sentences can answer at all, and the answer type a question asks for (pure)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answer import _lead_in, compose_extractive
from assistant.constraints import unmet_requirements
from assistant.evidence import (
    Candidate,
    Evidence,
    _without_type_nouns,
    answers_anything,
    is_boilerplate,
    starts_with_reference,
)
from assistant.german import analyze
from assistant.lexical import Query, covers_in_passage
from assistant.question import Expectation, frame_question
from assistant.refusal import RefusalPolicy
from assistant.statements import (
    counts_asked,
    expands,
    is_document_date,
    states_count,
    states_type,
    with_declared_units,
)
from assistant.types import KIND_TABLE, Chunk, DocumentMeta

META = DocumentMeta("b.pdf", "Bildungsbericht", kommune="Stadt Feldau", stand="2024-05-01")


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Stand: Februar 2024", True),
        ("Zuletzt aktualisiert: 12.09.2024 · Integrationszentrum", True),
        ("Datum: 3. März 2023", True),
        ("Stand der Planung: Die Räume sind gefunden.", False),
        ("Standorte: fünf Grundschulen", False),
        # a web page's time stamp
        ("erstellt am 07.Feb.2015 | 12:00 Uhr", True),
        ("Von Eva Beispiel, Eva Beispiel | 23.02.2016, 08:31 Uhr", True),  # after a byline
        ("16:47 21.12.2015", True),  # the time first
        ("22. Oktober 2017 | 19:45 Uhr", True),
        ("aktualisiert am 12.01.2017 um 22:02 Uhr", True),
        ("26.2.2016, 18:23 Uhr", True),
        ("Der Kurs beginnt am 1.8.2024 um 8:30 Uhr.", False),
        ("Am 22. Oktober 2017 um 19 Uhr beginnt der Elternabend.", False),
        ("Von 8 bis 12 Uhr findet der Kurs am 3.5.2024 statt.", False),
        # a press release's own date
        ("Medienmitteilung vom 4. Mai 2023", True),
        ("Presseinformation: 12.03.2024", True),
        ("Die Pressemitteilung vom 4. Mai 2023 nennt zwölf Kitas.", False),
    ],
)
def test_a_document_date_line_is_recognised(sentence: str, dated: bool) -> None:
    assert is_document_date(sentence) is dated


def test_date_lines_and_questions_in_a_document_answer_nothing() -> None:
    when = frame_question("Wann wurden die Kennzahlen zuletzt erhoben?")
    assert not answers_anything("Stand: Februar 2024", when)
    assert not answers_anything("Sie sind mit Ihrer Familie neu nach Feldau gezogen?", when)
    assert answers_anything("Die Kennzahlen werden jährlich im März erhoben.", when)
    for preview in (
        "Auf dieser Seite erfahren Sie, wie die Kennzahlen erhoben werden und wer sie erhebt.",
        "In diesem Kapitel wird beschrieben, wann die Kennzahlen erhoben werden.",
    ):
        assert not answers_anything(preview, when), preview
    assert answers_anything("In diesem Kapitel werden die Kennzahlen jährlich erhoben.", when)
    # a download link states no content
    for link in (
        "Dokument anzeigen: Vorlage Dateigröße: 144 KB",
        "Kennzahlen 2024 (PDF, 2,3 MB)",
        "Letzte Aktualisierung: 12345678.jpg",
        "Download: Kennzahlen_2024.pdf",
    ):
        assert not answers_anything(link, when), link
    # a device's memory is no file's size
    assert answers_anything("Das Amt beschafft 3.294 iPads (WiFi, 64 GB) für die Klassen.", when)
    assert answers_anything("Die Kennzahlen stehen im Bericht (PDF) des Jahres 2024.", when)
    # a letter's or speech's salutation and closing state nothing
    for addressing in (
        "Sehr geehrte Damen und Herren!",
        "Liebe Eltern,",
        "Mit freundlichen Grüßen",
    ):
        assert not answers_anything(addressing, when), addressing
    assert answers_anything(
        "Sehr geehrte Eltern, die Kennzahlen werden jährlich im März " * 3, when
    )
    # a picture's credit names who made it, not what the page says
    for credit in (
        "Quelle: Grundschule Hohenfurt",
        "Foto: [Name] (Stadt Weilbach)",
        "(Bild: Kreis Feldau)",
        "Bildrechte: Bildagentur | [Name]",
    ):
        assert not answers_anything(credit, when), credit
    assert answers_anything("Quelle: Die Kennzahlen werden jährlich im März erhoben.", when)
    # ... unless the question asks for the document's own date
    assert answers_anything("Stand: Februar 2024", frame_question("Welchen Stand hat die FAQ?"))


@pytest.mark.parametrize(
    ("rate", "sentence", "met"),
    [
        ("Jahr", "Das Programm bildet jährlich 45 Tandems.", True),
        ("Woche", "Die Gruppe trifft sich wöchentlich an zwei Tagen.", True),
        ("Monat", "Der Bericht erscheint monatlich in 3 Sprachen.", True),
        ("Stunde", "Sie erhalten 25 Euro je angefangener Stunde.", True),
        ("Einsatzstunde", "Sie erhalten 25 Euro je Stunde.", True),
        ("Einsatz", "Pro Einsatz zahlt die Volkshochschule 20 Euro.", True),
        ("Flüchtlingskind", "Das Land fördert für jedes Flüchtlingskind 1 Stunde.", True),
        ("Kind", "Für jedes neue Kind gibt es 20 Euro.", True),
        ("Kind", "Für die Kinder gibt es 20 Euro.", False),
        ("Jahr", "Zwischen 60 und 80 Schüler schreiben sich jedes Jahr ein.", True),
        ("Woche", "Die Gruppe trifft sich jede Woche mit 12 Kindern.", True),
        ("Woche", "Unterrichtet wird 20 Stunden in der Woche.", True),
        ("Tag", "Betreut werden sie drei Stunden am Tag von einer Lehrerin.", True),
        ("Woche", "Sie werden fünf Tage die Woche im Zentrum unterrichtet.", True),
        ("Woche", "Die Woche beginnt mit 2 Stunden Sport.", False),  # no number before it
        # an average per unit named as a compound
        ("Woche", "Im Wochenschnitt sind zur Zeit 18 bis 23 schulpflichtige Kinder.", True),
        ("Monat", "Der Monatsdurchschnitt lag bei 40 Anmeldungen.", True),
        ("Woche", "Im Durchschnitt kamen 300 Kinder.", False),
        ("Jahr", "Der Landesdurchschnitt liegt bei 30 Kindern.", False),
        # a figure stated for one year is a figure per year; one since a year is a sum
        ("Jahr", "Im Jahr 2016 kamen 20 Kinder.", True),
        ("Jahr", "Im vergangenen Jahr gab es 412 Anmeldungen in Feldau.", True),
        ("Jahr", "Für 2021 meldet der Kreis Feldau 1.250 Beratungen.", True),
        ("Jahr", "Seit 2015 wurden in Feldau 3000 Kinder beraten.", False),
        ("Jahr", "Die 2015 gegründete Stelle hat 12 Plätze.", False),
        ("Tag", "Am Tag der Anmeldung kamen 3 Kinder.", False),  # a day, not a rate
        ("Jahr", "Pro Kind zahlt das Land 20 Euro.", False),
        ("Jahr", "Das ist natürlich für 45 Kinder gedacht.", False),
        # "jeweils" gives the amount to each of the years, weeks, children named
        ("Jahr", "Für die Jahre 2013 und 2014 stellt der Bund jeweils 25 000 Euro bereit.", True),
        ("Kind", "Die Kinder bekommen jeweils 20 Euro.", True),
        ("Jahr", "Die beiden Schulen bekommen jeweils 25 000 Euro.", False),
        ("Jahr", "Für die Jahre 2013 und 2014 stellt der Bund 25 000 Euro bereit.", False),
    ],
)
def test_a_rate_is_met_by_its_adverb_or_an_adjective_before_the_noun(
    rate: str, sentence: str, met: bool
) -> None:
    assert states_type(Expectation("count", rate=rate), sentence) is met


def test_hours_per_week_are_met_by_a_compound_of_week_and_hours() -> None:
    """ "Wie viele Stunden pro Woche …?" is answered by "fünf Wochenstunden" (the rate as the
    compound's first part), not by hours of no rate or by weeks."""
    asked = frame_question("Wie viele Stunden pro Woche hat der Unterricht?").expects
    assert (asked.kind, asked.rate) == ("unit", "Woche")
    assert states_type(asked, "Er umfasst in der Regel fünf Wochenstunden.")
    assert states_type(asked, "Er umfasst drei Stunden pro Woche.")
    assert not states_type(asked, "Er umfasst insgesamt 40 Unterrichtsstunden.")
    assert not states_type(asked, "Er dauert fünf Wochen.")
    # hours stated without any rate or total may be the asked ones; another rate is not
    assert states_type(asked, "Sie erhalten zwölf Stunden Deutsch- und sechs Stunden Mathe.")
    assert not states_type(asked, "Sie erhalten zwei Stunden Deutsch am Tag.")
    assert not states_type(asked, "Sie erhalten täglich zwei Stunden Deutsch.")


@pytest.mark.parametrize(
    ("sentence", "met"),
    [
        ("Dafür stehen etwa 28 zusätzliche Lehrer-Stunden zur Verfügung.", True),
        ("Die Schule bekommt acht weitere wöchentliche Stunden.", True),
        ("Die Schule bekommt 14 Förderstunden.", True),
        ("Die Schule bekommt 2 Klassen für die Stunden am Nachmittag.", False),
        ("Es kamen 12 Kinder, die Stunden blieben gleich.", False),
    ],
)
def test_a_unit_is_met_after_adjectives_and_as_a_hyphenated_compound(
    sentence: str, met: bool
) -> None:
    """ "Wie viele Lehrerstunden …?" is answered by "28 zusätzliche Lehrer-Stunden": up to
    two inflected adjectives may stand between the number and its unit, but no article and
    no noun of something else."""
    asked = frame_question("Wie viele Lehrerstunden bekommt die Schule zusätzlich?").expects
    assert states_type(asked, sentence) is met


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("Wie viel Unterricht bekommen die Kinder in der Unterkunft pro Tag?", False),
        ("Wie viel Zeit bekommen die Schulen für die Einstufung?", False),
        ("Wie viel Geld bekommen die Schulen pro Kind?", True),
        ("Wie viel Zuschuss gibt der Kreis für das Ferienangebot?", True),
        ("Wie viel bekommen die Sprachmittler pro Stunde?", True),
        # the amount asked by its noun, in any case and with an adjective
        ("Mit welchem Betrag fördert die Stadt Feldau den Jugendmigrationsdienst?", True),
        ("Welchen jährlichen Betrag hat der Kreis für die Lotsen bewilligt?", True),
        ("Welchen Beitrag leisten die Lotsen zur Elternarbeit?", False),
        # a noun naming one sum asks for it as "Betrag" does; their plurals may ask what
        # they are, and "Preis" also names an award
        ("Welche Gebühr erhebt das Landesschulamt für die Anerkennung?", True),
        ("Welche Verwaltungsgebühr verlangt das Ministerium für die Gleichstellung?", True),
        ("Welches Budget hat der Stadtrat für die Schulsprachmittlung beschlossen?", True),
        ("Wie hoch ist die Miete für die drei Räume des Lernorts?", True),
        # a compound of "Geld" is a sum of money ("Ausstattungsgeld", "Essensgeld")
        ("Wie hoch ist das Ausstattungsgeld für Schulmaterial?", True),
        ("Wie viel Essensgeld zahlen die Eltern?", True),
        ("Welche Kosten übernimmt das Jobcenter beim Schulbedarf?", False),
        ("Welche Gebühren fallen bei der Anmeldung an?", False),
        ("Welchen Preis hat die Schule für ihr Sprachprojekt gewonnen?", False),
        # what someone must pay is an amount, however far the verb ends the question
        ("Was müssen Eltern in Feldau für den Schwimmkurs im Hallenbad Süd bezahlen?", True),
        ("Was soll der Kreis für die Sprachmittler zuzahlen?", True),
        ("Was müssen Eltern bei der Anmeldung mitbringen?", False),
        # ... and what something cost, in the past tense or the perfect
        ("Wie viel kostete der Schwimmkurs in Feldau im letzten Sommer?", True),
        ("Was hat der Ausflug der Viertklässler nach Wendau gekostet?", True),
        ("Was haben die Eltern für die Fahrt nach Wendau bezahlt?", True),
        ("Was hat der Rat in Feldau zur Klassenfahrt beschlossen?", False),
        # "wie viel" with the participle of paying at the end, however far apart
        (
            "Wie viel hat die Gemeinde Wendau im letzten Jahr für die neuen Spielgeräte an "
            "ihren beiden Grundschulen ausgegeben?",
            True,
        ),
        ("Wie viel hat der Kreis Feldau für die Busse zur Lindenschule bezahlt?", True),
        ("Wie viel haben die Kinder in Feldau beim Lesewettbewerb gelesen?", False),
    ],
)
def test_how_much_of_a_noun_asks_for_money_only_for_a_money_noun(
    question: str, money: bool
) -> None:
    """ "Wie viel Unterricht …?" measures lessons: no euro amount must answer it."""
    assert (frame_question(question).expects.kind == "money") is money


def test_a_rewritten_followup_takes_the_answer_type_of_its_own_turn() -> None:
    """ "… wie lange geht das?" after "Was kostet …?" asks for a duration, not an amount;
    an elliptic "Und in X?" keeps the earlier turn's type."""
    rewritten = "Gibt auch so ein Ferienangebot, und wie lange geht – Was kostet das Herbstcamp"
    assert frame_question(rewritten).expects.kind == "duration"
    assert frame_question("Was kostet das Herbstcamp – Stadt Feldau").expects.kind == "money"


@pytest.mark.parametrize(
    ("turn", "inherits"),
    [
        ("Und was muss passieren, damit noch Polnisch dazukommt?", False),
        ("Wer leitet die Sitzungen?", False),
        ("Und wie sieht das 2021 aus?", True),
        ("Was gilt für Kinder, die schon 2024 gekommen sind?", True),
        ("Und welche Schulen?", True),
        ("Und in Feldau?", True),
    ],
)
def test_a_followup_asking_its_own_question_takes_no_earlier_type(
    turn: str, inherits: bool
) -> None:
    """A new turn with a question word and a verb of its own asks its own question: it does
    not take the type of the earlier turn it was joined to (the languages of "In welchen
    Sprachen …?", the frequency of "Wie oft …?"). One that asks the same of another case
    ("Wie sieht das … aus?", "Was gilt für …?") or names no verb keeps it."""
    for earlier, kind in (
        ("In welchen Sprachen gibt es HSU?", "language"),
        ("Wie oft tagt die Runde?", "frequency"),
    ):
        expects = frame_question(f"{turn} – {earlier}").expects
        assert expects.kind == (kind if inherits else "")


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("Sie dauert zwei Wochen und ist kostenfrei.", True),
        ("Sie kann um ein Jahr verlängert werden.", True),
        ("Für sie richtet das Schulamt zwei Gruppen ein.", True),
        ("Sie erhalten einen Brief in Ihrer Sprache.", False),
        ("Für Sie ist die Beratung kostenlos.", False),
        ("Die Teilnahme ist kostenfrei.", False),
        # "Das" with a verb points back; "Das" as the article of an adjective and noun does not
        ("Das gilt auch für ältere Kinder.", True),
        ("Das wurde im Mai beschlossen.", True),
        ("Das führte zu langen Wartezeiten.", True),
        ("Das sogenannte „DaZ-Zentrum“ gibt es an der Schule seit 2015.", False),
        ("Das neue Zentrum öffnet im Mai.", False),
        ("Das kommunale Integrationszentrum berät Familien.", False),
    ],
)
def test_a_pronoun_opening_a_sentence_leans_on_the_sentence_before(
    sentence: str, leans: bool
) -> None:
    assert starts_with_reference(sentence) is leans


def test_a_sentence_leaning_on_its_predecessor_is_quoted_with_it() -> None:
    lead = "In den Sommerferien bietet das KI die Sommerwerkstatt Sprache an."
    follow = "Sie dauert zwei Wochen und umfasst täglich vier Stunden."
    chunk = Chunk("c", "k.pdf", 0, f"{lead} {follow}", "", 1, 1, meta=META)
    best = Candidate(follow, chunk, 0, 1, (), 0.9, frozenset(analyze(follow)))
    other = Candidate(lead, chunk, 0, 0, (), 0.3, frozenset(analyze(lead)))
    evidence = Evidence(
        Query("Wie lange dauert das Ferienangebot?", (), (), ()),
        (),
        {"c": [lead, follow]},
        (best, other),
        (),
        0.9,
    )
    decision = RefusalPolicy(threshold=0.5).decide(evidence)
    composition = compose_extractive(evidence, decision, sentence_threshold=0.5, max_sentences=1)
    assert composition.text.index(lead) < composition.text.index(follow)


def test_a_list_item_is_quoted_with_the_sentence_its_list_continues() -> None:
    """ "- und nicht länger als ein Jahr …" says nothing without "…, wer"; an item after a
    full sentence stands on its own."""
    lead = "In die Förderklasse wird aufgenommen, wer"
    items = ["- geringe Deutschkenntnisse hat,", "- und höchstens ein Jahr hier lebt."]
    after = "Die Klasse dauert ein Jahr."
    sentences = [lead, *items, after]

    def answer(sentences: list[str], order: int) -> str:
        chunk = Chunk("c", "k.txt", 0, "\n".join(sentences), "", 1, 1, meta=META)
        text = sentences[order]
        best = Candidate(text, chunk, 0, order, (), 0.9, frozenset(analyze(text)))
        query = Query("Wer wird aufgenommen?", (), (), ())
        evidence = Evidence(query, (), {"c": sentences}, (best,), (), 0.9)
        decision = RefusalPolicy(threshold=0.5).decide(evidence)
        return compose_extractive(evidence, decision, 0.5, max_sentences=1).text

    quoted = answer(sentences, 2)
    assert lead in quoted and quoted.index(lead) < quoted.index(items[1])
    whole = ["Aufgenommen wird, wer wenig Deutsch kann.", *items]
    assert whole[0] not in answer(whole, 2)


def test_a_table_cell_of_another_year_gives_no_value_for_the_asked_year() -> None:
    row = (
        "- Gebietskörperschaft: Stadt Feldau; Schülerinnen und Schüler – 2022: 214; "
        "Abschlussquote 2024: 46 %"
    )
    chunk = Chunk("t", "b.pdf", 0, row, "Tabelle 7", 1, 1, meta=META)
    asked_2022 = frame_question("Wie hoch war die Abschlussquote in Feldau im Jahr 2022?")
    asked_2024 = frame_question("Wie hoch war die Abschlussquote in Feldau im Jahr 2024?")
    assert unmet_requirements(asked_2022, row, chunk) == ("Zeit: das Jahr 2022",)
    assert unmet_requirements(asked_2024, row, chunk) == ()


def _quoted_after(first: str, then: str, question: str, probability: float) -> str:
    """The one-sentence answer to ``question`` when ``first`` is the best sentence and
    ``then`` follows it in the same passage with ``probability``."""
    chunk = Chunk("c", "k.pdf", 0, f"{first} {then}", "", 1, 1, meta=META)
    best = Candidate(first, chunk, 0, 0, (), 0.9, frozenset(analyze(first)))
    other = Candidate(then, chunk, 0, 1, (), probability, frozenset(analyze(then)))
    query = Query(question, (), (), ())
    frame = frame_question(question)
    evidence = Evidence(query, (), {"c": [first, then]}, (best, other), (), 0.9, frame)
    decision = RefusalPolicy(threshold=0.5).decide(evidence)
    return compose_extractive(evidence, decision, 0.25, max_sentences=1).text


def test_a_likely_continuation_of_the_quoted_sentence_joins_it() -> None:
    """ "Für sie richtet …" right after the quoted sentence is quoted too when it is likely
    to answer; an unlikely one is left out."""
    first = "Kinder ohne lateinische Schrift werden im Clearingbogen gesondert gekennzeichnet."
    then = "Für sie richtet das Schulamt zwei Alphabetisierungsgruppen ein."
    question = "Wie werden Kinder ohne Lateinschrift gefördert?"
    assert then in _quoted_after(first, then, question, 0.4)
    assert then not in _quoted_after(first, then, question, 0.1)


def test_a_count_is_quoted_with_the_sentence_that_breaks_it_down() -> None:
    """ "Wie viele der … Kinder …?" is often answered by "Davon sind 12 …" after the total:
    for a count question that sentence joins the quoted one, however unlikely it looked on
    its own; for another question it does not."""
    first = "Im Jahr wurden 80 Kinder der Stadt Feldau zugewiesen."
    then = "Davon sind 12 ohne jede Schulerfahrung."
    count = "Wie viele der zugewiesenen Kinder in Feldau waren nie in der Schule?"
    assert then in _quoted_after(first, then, count, 0.1)
    assert then not in _quoted_after(first, then, "Welche Kinder wurden Feldau zugewiesen?", 0.1)


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("Dort arbeitet das Team mit fünfeinhalb Planstellen.", True),
        ("Es gibt drei neue Stellen für die Beratung.", True),
        ("Schwerpunktschule: Gesamtschule; Stellen: 4", True),
        ("Die Zahl der Stellen, die 2023 auf 12 erhöht wurde, steigt weiter.", True),
        ("Die Anzahl der Stellen liegt bei rund 15.", True),
        ("Die Zahl der Stellen wurde 2023 erhöht.", False),
        ("Zur Eröffnung kamen zwei Ministerinnen.", False),
        ("Das Team berät seit drei Jahren.", False),
    ],
)
def test_a_count_of_the_asked_noun(sentence: str, counted: bool) -> None:
    """ "Mit wie vielen Stellen …?" counts Stellen: a number before the noun or a compound
    ending in it, or a table cell "Stellen: 4"; a number of something else counts other
    things."""
    question = "Mit wie vielen Stellen ist das Zentrum ausgestattet?"
    assert counts_asked(sentence, question) is counted


def test_a_time_inside_the_attribute_of_the_counted_leaves_it_counted() -> None:
    """ "unter den 692 bis August zugewiesenen Flüchtlingen": the month inside the attribute
    is when they came, not what is counted. Before, the count had no noun of its own, took
    the children counted before it, and the sentence was refused as counting others."""
    question = "Wie viele Flüchtlinge wurden Feldau bis August zugewiesen?"
    sentence = (
        "Die Stadt sieht sich bei den 117 Schülerinnen und den 62 Kindern im Kindergartenalter "
        "unter den 692 bis August zugewiesenen Flüchtlingen gut gerüstet."
    )
    assert states_count(sentence, question)


def test_a_count_before_the_first_parts_of_a_list_counts_the_completing_compound() -> None:
    """ "zwölf Grund-, Mittel- und Realschulen" counts schools: the truncated first parts take
    the noun of the compound that completes them, which "Wie viele Schulen …?" asks about."""
    question = "Wie viele Schulen machen beim Aktionstag in Feldau mit?"
    sentence = (
        "Zwölf Grund-, Mittel- und Realschulen sowie Gymnasien mit rund 900 Schülerinnen und "
        "Schülern beteiligen sich an der Aktion."
    )
    assert states_count(sentence, question)
    assert counts_asked(sentence, question)


def test_people_said_to_be_the_asked_count_them() -> None:
    """ "40 Kinder … als „Seiteneinsteiger“ unterrichtet": the children counted are what
    "Wie viele Seiteneinsteiger …?" asks about, though the sentence names them otherwise."""
    question = "Wie viele Seiteneinsteiger lernten 2019 an Grundschulen in Feldau?"
    sentence = (
        "Damals wurden 40 Kinder an Grundschulen und 65 Jugendliche an weiterführenden "
        "Schulen als „Seiteneinsteiger“ unterrichtet."
    )
    assert states_count(sentence, question)
    assert not states_count(
        "Damals wurden 40 Kinder an Grundschulen unterrichtet, darunter viele Seiteneinsteiger.",
        question,
    )


_FROM_UKRAINE = "Wie viele Menschen aus der Ukraine sind in Feldau untergekommen?"
_FROM_FAMILIES = "Wie viele Kinder aus Flüchtlingsfamilien gehen in Feldau zur Schule?"


@pytest.mark.parametrize(
    "question",
    [
        "Wie viele aus dem Ausland zugezogene Kinder hat Feldau 2022 erfasst?",
        "Wie viele aus der Ukraine geflüchtete Kinder hat Feldau 2022 erfasst?",
        "Wie viele im Kreis Feldau lebende Kinder hat das Schulamt 2022 erfasst?",
    ],
)
def test_a_place_in_the_attribute_of_the_counted_is_not_what_is_counted(question: str) -> None:
    """ "Wie viele aus dem Ausland zugezogene Kinder …?" counts children: the place inside the
    attribute, with or without its article, is where they come from, so "1.032 Kinder"
    counts them and "zwei Länder" does not. (Placeholder town.)"""
    assert counts_asked("Es wurden insgesamt 1.032 Kinder und Jugendliche erfasst.", question)
    assert not counts_asked("Die Kinder kamen aus zwei Ländern.", question)


@pytest.mark.parametrize(
    ("sentence", "question", "counted", "by_name"),
    [
        ("Mehr als 200 Ukrainer haben Zuflucht in Feldau gefunden.", _FROM_UKRAINE, True, True),
        ("In Feldau leben 35 Ukrainerinnen und Ukrainer.", _FROM_UKRAINE, True, True),
        ("Rund 200 Geflüchtete aus der Ukraine leben in Feldau.", _FROM_UKRAINE, True, False),
        ("Fünf Flüchtlingsfamilien leben in Feldau.", _FROM_FAMILIES, False, False),
        ("Zwölf Kinder aus Flüchtlingsfamilien sind in Feldau.", _FROM_FAMILIES, True, True),
    ],
)
def test_people_named_after_where_the_counted_come_from_are_counted(
    sentence: str, question: str, counted: bool, by_name: bool
) -> None:
    """ "Wie viele Menschen aus der Ukraine …?" is counted by "200 Ukrainer": people named
    after the country the counted come from are the counted, not the country the question
    names besides them, and they count them by name as "200 Menschen" would (where the
    best sentence names the Menschen without a number, "200 Geflüchtete" may count someone
    else). The families the children of "Wie viele Kinder aus Flüchtlingsfamilien …?"
    come from are still no count of the children. (Placeholder town.)"""
    assert states_count(sentence, question) is counted
    assert counts_asked(sentence, question) is by_name


@pytest.mark.parametrize(
    ("sentence", "question", "counted"),
    [
        ("Die zwölfseitige Broschüre erklärt das Schulsystem.", "Wie viele Seiten hat sie?", True),
        ("Ein 16-seitiges Heft liegt bei.", "Wie viele Seiten hat das Heft?", True),
        ("Die Schule ist dreizügig.", "Wie viele Züge hat die Grundschule?", True),
        ("Die Broschüre hat viele Seiten.", "Wie viele Seiten hat sie?", False),
        ("Das Blatt ist einseitig bedruckt.", "Wie viele Seiten hat es?", False),
        ("Die zweisprachige Broschüre liegt aus.", "Wie viele Seiten hat sie?", False),
    ],
)
def test_a_count_in_an_adjective_of_number_and_noun(
    sentence: str, question: str, counted: bool
) -> None:
    """ "zwölfseitig" counts Seiten and "dreizügig" Züge (umlauts folded): the number and the
    asked noun written as one adjective; a number of something else or no number does not."""
    assert counts_asked(sentence, question) is counted
    assert states_count(sentence, question) is counted


def _scored(sentences: list[str], probabilities: dict[int, float]) -> tuple[Candidate, ...]:
    """Candidates of one passage "c" made of ``sentences``: the sentence at each order of
    ``probabilities`` with that probability, in the dict's order (best first)."""
    chunk = Chunk("c", "k.pdf", 0, " ".join(sentences), "", 1, 1, meta=META)
    return tuple(
        Candidate(sentences[order], chunk, 0, order, (), p, frozenset(analyze(sentences[order])))
        for order, p in probabilities.items()
    )


def _evidence(
    question: str, sentences: dict[str, list[str]], candidates: tuple[Candidate, ...]
) -> Evidence:
    """Evidence for composing an answer from ``candidates`` (best first), answerable."""
    query = Query(question, (), (), ())
    return Evidence(query, (), sentences, candidates, (), 0.9, frame_question(question))


def test_a_count_question_is_answered_by_the_count_of_its_noun() -> None:
    """ "Wie viele Stellen …?" starts with the sentence that counts Stellen when another,
    more likely one counts something else, if it is at least half as likely."""
    other = "Zur Eröffnung kamen zwei Ministerinnen nach Feldau."
    asked = "Das Team in Feldau arbeitet mit fünfeinhalb Planstellen."
    question = "Mit wie vielen Stellen ist das Zentrum in Feldau ausgestattet?"
    evidence = _evidence(question, {"c": [other, asked]}, _scored([other, asked], {0: 0.8, 1: 0.5}))
    decision = RefusalPolicy(threshold=0.5).decide(evidence)
    text = compose_extractive(evidence, decision, 0.3, max_sentences=1).text
    assert asked in text
    assert other not in text


def test_a_question_for_a_kind_of_value_adds_sentences_stating_one_first() -> None:
    """After the sentence it starts with, an answer to "Wie viele …?" adds the sentences that
    state a count before likelier ones that state none (the rent of a flat is no number of
    places); a question for no kind of value keeps the order of probability."""
    total = "Das Wohnheim in Feldau hat 120 Plätze."
    rent = "Die Miete beträgt dort 300 Euro im Monat."
    free = "Zurzeit sind 15 Plätze unbelegt."
    sentences = {"c": [total, rent, free]}
    scored = _scored([total, rent, free], {0: 0.9, 1: 0.8, 2: 0.6})
    candidates = (scored[0], replace(scored[1], unmet=("Art: count",)), scored[2])
    evidence = _evidence("Wie viele Plätze hat das Wohnheim in Feldau?", sentences, candidates)
    decision = RefusalPolicy(threshold=0.5).decide(evidence)
    text = compose_extractive(evidence, decision, 0.3, max_sentences=2).text
    assert total in text and free in text
    assert rent not in text
    evidence = _evidence("Was bietet das Wohnheim in Feldau?", sentences, scored)
    text = compose_extractive(evidence, RefusalPolicy(0.5).decide(evidence), 0.3, 2).text
    assert total in text and rent in text
    assert free not in text


def test_a_longer_sentence_saying_much_more_is_no_repetition() -> None:
    """A sentence that holds the one an answer starts with and goes on to say twice as much
    again (who presented the report the first announces) is added; one that repeats it with a
    photo credit in front is not."""
    short = "Der Elternbeirat stellt seinen Jahresbericht im Schulausschuss von Feldau vor."
    longer = (
        "Seinen Jahresbericht stellt der Elternbeirat im Schulausschuss von Feldau vor, wie "
        "dessen Sprecherinnen aus Wendau und Hohenfurt nach der Sitzung am Dienstag erklärten, "
        "mit vielen Beispielen aus Schulen, Kitas und Vereinen."
    )
    credit = f"(Foto: Archiv) {short}"
    question = "Wer hat den Jahresbericht des Elternbeirats in Feldau vorgestellt?"
    for other, added in [(longer, True), (credit, False)]:
        sentences = {"c": [short, other]}
        evidence = _evidence(question, sentences, _scored([short, other], {0: 0.9, 1: 0.8}))
        text = compose_extractive(evidence, RefusalPolicy(0.5).decide(evidence), 0.3, 3).text
        assert short in text
        assert (other in text) is added


def test_a_count_asked_for_now_starts_with_the_count_stated_for_now() -> None:
    """ "Wie viele Klassen … derzeit?" starts with the sentence that counts Klassen for now
    ("Es gibt zurzeit vier …") when a more likely one counts earlier ones, if it has at least
    a third of its probability; a question not about the present keeps the likelier one."""
    earlier = "2014 hatten die Schulen in Feldau zwei zusätzliche Klassen beantragt."
    now = "Es gibt zurzeit vier Klassen an drei Schulen in Feldau."
    sentences = {"c": [earlier, now]}
    candidates = _scored([earlier, now], {0: 0.6, 1: 0.25})
    for question, lead in [
        ("Wie viele Klassen für Kinder ohne Deutschkenntnisse hat Feldau derzeit?", now),
        ("Wie viele Klassen für Kinder ohne Deutschkenntnisse hat Feldau?", earlier),
    ]:
        evidence = _evidence(question, sentences, candidates)
        decision = RefusalPolicy(threshold=0.5).decide(evidence)
        text = compose_extractive(evidence, decision, 0.2, max_sentences=1).text
        assert lead in text
    weak = _scored([earlier, now], {0: 0.8, 1: 0.2})  # below a third: the likelier one
    question = "Wie viele Klassen hat Feldau derzeit?"
    evidence = _evidence(question, sentences, weak)
    text = compose_extractive(evidence, RefusalPolicy(0.5).decide(evidence), 0.1, 1).text
    assert earlier in text


def test_a_sentence_counting_what_is_asked_answers_below_the_threshold() -> None:
    """ "Wie viele Seiteneinsteiger …?" met by "zurzeit 102 solcher Seiteneinsteiger" answers
    at an answerability down to 0.35 of the threshold: a number right before the asked noun
    is the answer's form. A sentence that counts something else needs the full threshold,
    and below 0.35 of it even the counting sentence is refused."""
    asked = "Moenen zufolge gibt es in Feldau zurzeit 102 solcher Seiteneinsteiger."
    other = "In Feldau lernen 40 Kinder in zwei Gruppen."
    condition = "Eine Gruppe entsteht, wo mindestens fünf Seiteneinsteiger lernen."
    question = "Wie viele Seiteneinsteiger gibt es derzeit in Feldau?"
    policy = RefusalPolicy(threshold=0.5)
    for sentence, answerability, found in [
        (asked, 0.3, True),
        (asked, 0.15, False),
        (other, 0.3, False),
        (condition, 0.3, False),  # a threshold is a condition, not a tally
    ]:
        candidates = _scored([sentence], {0: 0.6})
        evidence = replace(
            _evidence(question, {"c": [sentence]}, candidates), answerability=answerability
        )
        assert policy.decide(evidence).found is found


def test_a_person_asked_by_role_is_answered_below_the_threshold_by_that_role_s_holder() -> None:
    """ "Wer leitet in Feldau das Schulamt?" met by "…, sagte Schulamtsleiter Max Beispiel"
    answers at an answerability down to 0.35 of the threshold: the role and the office,
    inside one compound, name the holder asked for, whatever else the sentence says. The
    holder of another role, or of the role in another office, needs the full threshold."""
    question = "Wer leitet in Feldau das Schulamt?"
    holder = "„Der Bedarf steigt weiter“, sagte Schulamtsleiter Max Beispiel am Dienstag in Feldau."
    teacher = "„Der Bedarf steigt weiter“, sagte Schulamtslehrer Max Beispiel in Feldau."
    elsewhere = "„Der Bedarf steigt weiter“, sagte Kitaleiter Max Beispiel am Dienstag in Feldau."
    query = Query(question, ("leit", "schulamt"), (), ())
    policy = RefusalPolicy(threshold=0.5)
    for sentence, answerability, found in [
        (holder, 0.3, True),
        (holder, 0.15, False),
        (teacher, 0.3, False),
        (elsewhere, 0.3, False),
    ]:
        candidates = _scored([sentence], {0: 0.6})
        evidence = replace(
            _evidence(question, {"c": [sentence]}, candidates),
            query=query,
            answerability=answerability,
        )
        assert policy.decide(evidence).found is found


def test_the_best_sentence_answers_even_when_it_opens_with_a_reference() -> None:
    """The best sentence opening its passage with "Damit …" leans on the passage before; when
    it is the only one that meets the question it still answers (its statement is the
    answer), rather than a weaker sentence that states no number of hours. (Where another
    sentence meets the question, that one answers: see
    ``test_reference_at_the_start_of_a_passage_is_dropped``.)"""
    best = "Damit erhalten die Kinder zehn Unterrichtsstunden Deutsch pro Woche."
    weaker = "Sechs Kinder hat die Schule in der vergangenen Woche aufgenommen."
    chunk = Chunk("c", "k.pdf", 0, f"{best} {weaker}", "", 1, 1, meta=META)
    first = Candidate(best, chunk, 0, 0, (), 0.9, frozenset(analyze(best)))
    other = Candidate(weaker, chunk, 0, 1, (), 0.3, frozenset(analyze(weaker)), ("Art: unit",))
    question = "Wie viele Deutschstunden pro Woche bekommen die Kinder?"
    evidence = _evidence(question, {"c": [best, weaker]}, (first, other))
    decision = RefusalPolicy(threshold=0.5).decide(evidence)
    assert compose_extractive(evidence, decision, 0.5).text.startswith(best)


def test_a_sentence_leaning_on_the_one_before_shares_its_topic() -> None:
    """ "Dieser findet am 1. Februar statt." names neither the visit nor the school, only the
    time asked: it leans on the sentence before, which names them. When the best sentence
    names the visit but no time, the two together answer; the leaning sentence is not a
    weak off-topic one that makes a near miss. A sentence that leans on nothing on the
    topic stays a near miss. (Placeholder text.)"""
    heading = "Die Ministerin besucht die Platzhalterschule in Feldau."
    invited = "Daher haben wir die Ministerin zu einem Besuch der Platzhalterschule eingeladen."
    leaning = "Dieser findet nun am 1. Februar statt."
    chunk = Chunk("c", "k.pdf", 0, f"{heading} {invited} {leaning}", "", 1, 1, meta=META)
    question = "Wann besucht die Ministerin die Platzhalterschule in Feldau?"
    frame = frame_question(question)
    unmet = [unmet_requirements(frame, t, chunk) for t in (heading, invited, leaning)]
    assert unmet == [("Art: when",), ("Art: when",), ()]
    candidates = tuple(
        Candidate(text, chunk, 0, order, (), p, frozenset(analyze(text)), unmet[order])
        for order, (text, p) in enumerate(((heading, 0.94), (invited, 0.7), (leaning, 0.3)))
    )
    evidence = _evidence(question, {"c": [heading, invited, leaning]}, candidates)
    decision = RefusalPolicy(threshold=0.5).decide(evidence)
    assert decision.found and decision.eligible[0].text == leaning
    assert leaning in compose_extractive(evidence, decision, 0.5).text
    alone = "Der Termin findet nun am 1. Februar statt."  # no reference: its own topic
    other = replace(candidates[2], text=alone)
    evidence = _evidence(question, {"c": [heading, invited, alone]}, (*candidates[:2], other))
    assert not RefusalPolicy(threshold=0.5).decide(evidence).found


def test_a_comparison_part_takes_a_weaker_sentence_that_meets_the_question() -> None:
    """Asked of each of two places, "Wie viele Sprachmittler …?" presumes each place's
    documents treat the topic: in a part of the comparison a sentence with the count that is
    a third as likely as the best one (which counts nothing) answers; asked of one place
    alone, the same evidence is a near miss. (Placeholder text.)"""
    best = "In den neuen Kitas in Feldau sollen Sprachmittler für Verständigung sorgen."
    counted = "Eingesetzt werden drei Sprachmittler für Persisch und Arabisch."
    chunk = Chunk("c", "k.pdf", 0, f"{best} {counted}", "", 1, 1, meta=META)
    question = "Wie viele Sprachmittler stehen für die Kitas bereit?"
    unmet = (("Art: count",), ())
    candidates = tuple(
        Candidate(text, chunk, 0, order, (), p, frozenset(analyze(text)), unmet[order])
        for order, (text, p) in enumerate(((best, 0.84), (counted, 0.29)))
    )
    alone = _evidence(question, {"c": [best, counted]}, candidates)
    assert not RefusalPolicy(threshold=0.5).decide(alone).found
    part = replace(alone, frame=frame_question(question, shared=True))
    decision = RefusalPolicy(threshold=0.5).decide(part)
    assert decision.found and decision.eligible[0].text == counted
    # a sentence far weaker still is off the topic, in a comparison too
    weak = replace(candidates[1], probability=0.15)
    evidence = replace(part, candidates=(candidates[0], weak))
    assert not RefusalPolicy(threshold=0.5).decide(evidence).found


def test_a_passage_opening_with_a_reference_is_quoted_with_the_sentence_before() -> None:
    """ "Dort soll auch die Klasse eingerichtet werden." names no school: the last sentence
    of the passage before (which the index gives) comes first, cited from its passage."""
    antecedent = "Die Älteren lernen an der Wiesenschule in Feldau."
    before = Chunk(
        "c0", "k.pdf", 0, f"In Feldau leben 80 Kinder. {antecedent}", "", 1, 1, meta=META
    )
    best = "Dort soll auch zum 1. Februar die internationale Klasse eingerichtet werden."
    chunk = Chunk("c1", "k.pdf", 1, f"{best} Ein Lehrer fehlt noch.", "", 2, 2, meta=META)
    candidate = Candidate(best, chunk, 0, 0, (), 0.9, frozenset(analyze(best)))
    question = "An welcher Schule soll in Feldau die internationale Klasse eingerichtet werden?"
    evidence = _evidence(question, {"c1": [best, "Ein Lehrer fehlt noch."]}, (candidate,))
    decision = RefusalPolicy(threshold=0.5).decide(evidence)
    alone = compose_extractive(evidence, decision, 0.5)
    assert alone.text.startswith(best)  # without the passage before, the sentence as it is
    composed = compose_extractive(replace(evidence, preceding={"c1": before}), decision, 0.5)
    assert composed.text.startswith(f"{antecedent} [1] {best} [2]")
    assert [c.page for c in composed.citations] == [1, 2]
    # a passage that ends with a heading has no sentence the reference could point to
    heading = replace(before, text="In Feldau leben 80 Kinder.\n\nSchulplatzvergabe in Feldau")
    headed = compose_extractive(replace(evidence, preceding={"c1": heading}), decision, 0.5)
    assert headed.text.startswith(best)


def test_a_demonstrative_in_the_answer_brings_the_sentence_it_points_back_to() -> None:
    """ "Dafür war diese Zahl zu niedrig." says why, but the number is in the sentence
    before: the answer's first sentence comes with it (a later sentence does not)."""
    before = "In Feldau geht es um etwa 20 bis 30 Kinder."
    best = "Für die Bildung eigener Klassen war diese Zahl bislang aber zu niedrig."
    later = "Die Schulen nehmen an dieser Stelle alle Kinder auf."
    question = "Warum gibt es in Feldau keine eigenen Klassen für Seiteneinsteiger?"
    sentences = [before, best, later]
    evidence = _evidence(question, {"c": sentences}, _scored(sentences, {1: 0.9, 2: 0.8}))
    decision = RefusalPolicy(threshold=0.5).decide(evidence)
    text = compose_extractive(evidence, decision, 0.5).text
    assert text.startswith(f"{before} [1] {best} [1]")


@pytest.mark.parametrize(
    ("before", "best"),
    [
        # "in diesem Jahr" is the writer's now
        (
            "In Feldau hat die Stadt neue Klassen eingerichtet.",
            "In diesem Jahr lernen 40 Kinder in Feldau in drei Klassen.",
        ),
        # a picture's credit is no antecedent
        ("Foto: Stadt Feldau", "Für diese Kinder gibt es in Feldau drei Klassen mit 40 Plätzen."),
    ],
)
def test_a_demonstrative_of_time_or_after_a_credit_brings_nothing(before: str, best: str) -> None:
    """ "in diesem Jahr" means the writer's year, not one the sentence before names; and a
    picture's credit before the answer is never quoted with it."""
    question = "Wie viele Kinder lernen in Feldau in den Klassen?"
    sentences = [before, best]
    evidence = _evidence(question, {"c": sentences}, _scored(sentences, {1: 0.9}))
    decision = RefusalPolicy(threshold=0.5).decide(evidence)
    assert compose_extractive(evidence, decision, 0.5).text == f"{best} [1]"


@pytest.mark.parametrize(
    ("question", "sentence", "meets"),
    [
        ("Wie lange bleiben die Kinder in Feldau in der Klasse?", "Sie bleiben zwei Jahre.", True),
        (  # the article counts one unit of time
            "Nach welcher Zeit wechseln die Kinder in Feldau in die Regelklasse?",
            "Nach knapp einem Jahr wechseln sie in die Regelklasse.",
            True,
        ),
        (
            "Wie lange bleiben die Kinder in Feldau in der Klasse?",
            "Nach einem halben Jahr wechseln sie in die Regelklasse.",
            True,
        ),
        (
            "Wie lange bleiben die Kinder in Feldau in der Klasse?",
            "Die Kinder bleiben nicht unter sich, sie sind auch in Regelklassen.",
            False,
        ),
        # "Wie lang ist …?" asks the same; a course lasts its lessons
        (
            "Wie lang ist ein Ferienkurs der VHS Feldau?",
            "Die Kurse dauern 40 Unterrichtsstunden.",
            True,
        ),
        (
            "Wie lang ist ein Ferienkurs der VHS Feldau?",
            "Die VHS bietet seit 2009 Kurse an.",
            False,
        ),
        # a second question may be what the sentence answers
        (
            "Wie lange bleiben die Kinder in Feldau in der Klasse, und wer unterrichtet sie?",
            "Es unterrichten zwei Lehrerinnen der Wiesenschule.",
            True,
        ),
    ],
)
def test_how_long_asked_alone_wants_a_duration(question: str, sentence: str, meets: bool) -> None:
    """ "Wie lange …?" asking nothing else is answered only by a sentence that states a
    duration, like "Wie viele …?" by a count: the topic alone is a near miss."""
    chunk = Chunk("d", "d.pdf", 0, sentence, "", 1, 1, meta=META)
    assert (unmet_requirements(frame_question(question), sentence, chunk) == ()) is meets


@pytest.mark.parametrize(
    ("sentence", "lasts"),
    [
        ("Nach der zweijährigen Förderphase wechseln die Kinder in Regelklassen.", True),
        ("Ein sechswöchiger Kurs bereitet auf die Schule vor.", True),
        ("Die Sprachfördergruppe dauert zwei Jahre.", True),
        ("Für 6- bis 18-jährige gilt die Schulpflicht.", False),  # an age
        ("Die Förderung wird jährlich überprüft.", False),
        ("Dabei waren 20 Kinder im Alter von sieben bis 16 Jahren.", False),  # ages
        ("Jugendliche ab 16 Jahren besuchen das Berufskolleg.", False),
        ("Wer 16 Jahre oder älter ist, geht ans Berufskolleg.", False),
        ("Kinder im Alter von sechs Jahren bleiben dort zwei Jahre.", True),
        # a duration as the first part of a compound
        ("Die Schule hat innerhalb einer Zwei-Wochen-Frist Zeit zuzustimmen.", True),
        ("Es gilt eine Sechs-Monats-Frist.", True),
        ("Für die Anmeldung gilt eine 14-Tage-Frist.", True),
        ("Die Geschäftsstelle wechselt im Zwei-Jahres-Rhythmus.", False),  # recurs
        # a span of years from five up is an age span
        ("Im Grundschulbereich (6 bis 10 Jahre) vermittelt das Amt einen Platz.", False),
        ("Jugendliche von 16 bis 18 Jahren besuchen das Berufskolleg.", False),
        ("Die Förderung dauert ein bis zwei Jahre.", True),
        ("Die Förderung dauert 1-2 Jahre.", True),
        # the years of a jubilee are an anniversary
        ("Zum Schuljubiläum – 25 Jahre Gymnasium Feldau – berichten wir von der Klasse.", False),
        # a span of days or months ("In welchem Zeitraum fand das Camp statt?")
        ("Das Camp findet vom 24. – 28. Oktober 2022 in Feldau statt.", True),
        ("Der Kurs läuft vom 1. bis zum 5. Juli.", True),
        ("Die Kurse laufen von März bis Juni.", True),
        ("Die Aktionswoche in Feldau läuft zwischen dem 3. und 11. Mai 2021.", True),
        ("Die Anmeldung läuft zwischen dem 1.3. und dem 15.4.", True),
        ("Die Absprache zwischen dem 8. Jahrgang und der Schulleitung ist eng.", False),
        # ... also across years
        ("Der Kreis nahm von April 2017 bis März 2021 am Programm teil.", True),
        ("Die Stelle war vom 1. August 2016 bis zum 31. Juli 2018 besetzt.", True),
        ("Im April 2017 begann das Programm.", False),
        # ... or of years ("In welchem Zeitraum war die Stelle besetzt?")
        ("Damit Integration gelingt, gab es von 2016 bis 2020 die Stelle.", True),
        ("Die Stelle war zwischen 2015 und 2017 besetzt.", True),
        # a programme's years in its name are not how long a course of it lasts
        ('Das Landesprogramm "Elternwege (2016 - 2022)" bildet Fachkräfte fort.', False),
        ("Seit 2016 gibt es die Stelle.", False),
        ("Der Kurs beginnt am 24. Oktober.", False),
        ("Das gilt für Kinder vom 6. bis 10. Lebensjahr.", False),
        # a school year or half-year as such is a time; counted or "bis zum Ende" it lasts
        ("Zum Ende des Schuljahres erhalten sie ein Abgangszeugnis.", False),
        ("1. Halbjahr: Die Schüler lernen Deutsch.", False),
        ("Die Klasse startet zum Schuljahr 2016/17.", False),
        ("Die Klasse läuft zwei Schuljahre.", True),
        # weeks, months, years and semesters counted, also as a compound's last part
        ("Mit Hochschulzugangsberechtigung dauert der Kurs zwei Studienhalbjahre.", True),
        ("Die Vorbereitung auf die Prüfung dauert zwei Semester.", True),
        ("Das Praktikum umfasst vier Projektwochen.", True),
        ("Die Schulpflicht endet nach zehn Schulbesuchsjahren.", True),
        ("Im Einschulungsjahr lernen die Kinder Deutsch.", False),
        ("Die Klasse fährt über zwei Wochenenden ins Landheim.", False),
        ("Die Förderung gilt bis zum Ende des Schuljahres.", True),
        ("Sie bleiben in der Gruppe bis zum Ende des laufenden Schuljahres.", True),
        ("Sie bleiben ein ganzes Schuljahr in der Gruppe.", True),
        ("Sie bleiben das ganze Schuljahr in der Gruppe.", True),
        # valid for the current school year; not a registration for the next one
        ("Die Fahrkarte gilt zunächst für das aktuelle Schuljahr.", True),
        ("Die Anmeldung für das kommende Schuljahr beginnt am 3. März.", False),
        # a window between two points of the year ("In welchem Zeitraum …?")
        ("Die Prüfungen finden zwischen dem Beginn des Halbjahres und Anfang April statt.", True),
        ("Die Kurse finden zwischen März und Juni statt.", True),
        ("Die Absprache zwischen der Schule und dem Amt ist eng.", False),
    ],
)
def test_a_duration_may_be_an_adjective(sentence: str, lasts: bool) -> None:
    """ "Wie lange …?" is met by "die zweijährige Förderphase" as by "zwei Jahre" or a span
    of dates, not by an age ("im Alter von sieben bis 16 Jahren")."""
    assert states_type(Expectation("duration"), sentence) is lasts


@pytest.mark.parametrize(
    ("sentence", "states_when"),
    [
        ("Das Training fand von Montag bis Freitag von 8:30 bis 15:30 Uhr statt.", True),
        ("Die Beratung ist ab 9 Uhr geöffnet.", True),
        ("Der Kurs beginnt am 24. Oktober.", True),
        ("Das Training fand in der Realschule in Süchteln statt.", False),
        ("Am Training nahmen 19 Kinder teil.", False),
        # a school year is a time ("Ab welchem Schuljahr …?")
        ("Die Klasse startet zum Schuljahr 2016/17.", True),
        ("Zum Ende des Schuljahres erhalten sie ein Abgangszeugnis.", True),
    ],
)
def test_when_is_met_by_a_date_or_a_time_of_day(sentence: str, states_when: bool) -> None:
    """ "Von wann bis wann läuft das Training täglich?" is answered by the time of day it
    runs, as "Ab wann …?" by a date."""
    assert states_type(Expectation("when"), sentence) is states_when


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Wie groß dürfen die Lerngruppen in Feldau höchstens sein?", "count"),
        ("Wie groß ist die Internationale Vorbereitungsklasse am Gymnasium Feldau?", "count"),
        ("Wie groß war das Team, das die Kinder betreut?", "count"),
        ("Wie groß ist die Zahl der Seiteneinsteiger in Feldau?", "count"),
        ("Wie groß ist der Anteil der Kinder mit Fluchthintergrund?", "percent"),
        ("Wie groß sollte die Steuerungsgruppe sein und wie oft trifft sie sich?", "frequency"),
        ("Wie groß ist das Einzugsgebiet der Schule?", ""),
    ],
)
def test_the_size_of_a_class_or_group_is_its_number_of_members(question: str, kind: str) -> None:
    """ "Wie groß …?" of a class, group, team or course asks how many members it has; of a
    share it asks for a percentage; a question that also asks "wie oft" keeps asking for the
    frequency; of anything else it asks for no particular type."""
    assert frame_question(question).expects.kind == kind


@pytest.mark.parametrize(
    ("sentence", "recurs"),
    [
        ("Viermal wöchentlich kommen die Kinder zum Unterricht.", True),
        ("Die Steuerungsgruppe tagt zweimal im Jahr.", True),
        ("Die Sprechstunde findet 14-tägig statt.", True),
        ("Die Gruppe trifft sich alle zwei Monate im Rathaus.", True),
        ("Zu Beginn jedes Schuljahres wird der Plan überprüft.", True),
        ("Der Kurs ist dienstags in der Grundschule.", True),
        # a span of weekdays recurs each week
        ("Von Montag bis Donnerstag wird am Nachmittag eine Stunde gelernt.", True),
        ("Die Lernstube ist montags – freitags geöffnet.", True),
        ("Am Montag beginnt der Kurs in der Grundschule.", False),
        ("Ein Merkmal des Kurses ist die kleine Gruppe.", False),
        ("Der Kurs findet in der Grundschule statt.", False),
    ],
)
def test_how_often_asks_for_a_frequency(sentence: str, recurs: bool) -> None:
    """ "Wie oft …?" and "In welchem Rhythmus …?" ask how often something recurs: a sentence
    stating a frequency meets it (a soft signal: a frequency has many forms)."""
    for question in (
        "Wie oft in der Woche findet der Kurs statt?",
        "In welchem Rhythmus tagt sie?",
    ):
        asked = frame_question(question).expects
        assert asked.kind == "frequency"
        assert not asked.strict
        assert states_type(asked, sentence) is recurs


def test_how_often_asks_for_a_frequency_also_of_office_hours() -> None:
    """ "Wie oft kommt die Beraterin zur Sprechstunde?" asks how often, not when: "alle vier
    Wochen" answers it, though no hours are stated ("Wann ist die Sprechstunde?" asks for
    them)."""
    asked = frame_question("Wie oft kommt die Familienhebamme in Feldau zur Sprechstunde?")
    assert asked.expects.kind == "frequency"
    assert states_type(asked.expects, "Die Beraterin bietet alle vier Wochen eine Sprechstunde an.")
    assert (
        frame_question("Wann ist die Sprechstunde der Beraterin in Feldau?").expects.kind == "hours"
    )


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("In Feldau kommt jede vierte Anmeldung aus einer neu zugewanderten Familie.", True),
        ("Jedes dritte Kind in der Kita spricht zu Hause Arabisch.", True),
        ("Ein Drittel der Kinder spricht zu Hause Arabisch.", True),
        ("Jeden dritten Tag kommt die Sprachlehrerin.", False),  # how often
        ("Jede erste Klasse hat eine Patin.", False),  # a grade
    ],
)
def test_every_nth_states_a_share(sentence: str, share: bool) -> None:
    """ "Welcher Anteil …?" is answered by "jede vierte Anmeldung …" as by "ein Drittel":
    a share said as every n-th."""
    asked = frame_question("Welcher Anteil der Neuanmeldungen in Feldau kommt von Zugewanderten?")
    assert asked.expects.kind == "percent"
    assert states_type(asked.expects, sentence) is share


@pytest.mark.parametrize(
    "sentence",
    [
        "Die insgesamt 12 Sprach- und Förderkurse in Feldau sind ausgebucht.",
        "In Feldau gibt es 12 Förderkurse.",
        "In Feldau gibt es 12 Kurse.",
    ],
)
def test_a_count_of_a_list_of_compounds_counts_the_compound_completing_it(sentence: str) -> None:
    """ "Wie viele Sprach- und Förderkurse …?" counts courses: the compound that completes
    the list names what is counted. Before, the cut first part ("Sprach-") was taken for
    the counted noun, and every count of courses counted something else."""
    asked = frame_question("Wie viele Sprach- und Förderkurse gibt es insgesamt in Feldau?")
    assert asked.expects.kind == "count"
    assert states_count(sentence, asked.text)


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("Die Lindenschule feiert ihr 120-jähriges Bestehen.", False),  # an anniversary
        ("Das 25-jährige Jubiläum des Fördervereins wird im Mai gefeiert.", False),
        ("Der 17-jährige Schüler kommt aus Syrien.", True),
        ("Das Angebot richtet sich an 14- bis 21-Jährige.", True),
    ],
)
def test_an_anniversary_is_no_age(sentence: str, age: bool) -> None:
    """ "Wie alt sind …?" is answered by "der 17-jährige Schüler", not by a school's
    "120-jähriges Bestehen"."""
    asked = frame_question("Wie alt sind die Jugendlichen in der Werkstatt in Feldau?")
    assert asked.expects.kind == "age"
    assert states_type(asked.expects, sentence) is age


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("Der Aufenthalt wird mit EUR 2,40 je Tag gefördert.", True),  # the currency first
        ("Der Zuschuss beträgt € 95,00.", True),
        ("Pro Kind beteiligt sich die Gemeinde mit CHF 6.", True),
        ("Das Lager kostet 280 Franken.", True),  # pages from Switzerland
        ("Die Gemeinde gibt rund 30 Cent dazu.", True),
        ("Sie führen durch das 3,5 Millionen-Euro-Projekt.", True),
        ("Die Sprechstunde ist Mo–Fr. 9–12 Uhr.", False),
        ("Die Gemeinde hat 120 Einwohner mehr.", False),
    ],
)
def test_an_amount_in_other_forms_and_currencies_is_money(sentence: str, amount: bool) -> None:
    """The currency may stand before the amount, be a Swiss franc or a cent, or be part of a
    compound: each states what "Wie viel kostet …?" asks."""
    asked = frame_question("Wie viel kostet das Schullandheim in Feldau?")
    assert asked.expects.kind == "money"
    assert states_type(asked.expects, sentence) is amount


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Der Förderverein der Lindenschule besteht seit 1998.", True),  # at the sentence end
        ("Der Förderverein wurde 1998 gegründet.", True),
        ("Gegründet am 12.03.1998.", True),
        ("Der Verein hat 2.019 Mitglieder.", False),  # a number, no year
        ("Der Beitrag liegt bei 2019.50 Euro.", False),
    ],
)
def test_a_year_ending_a_sentence_is_a_year(sentence: str, year: bool) -> None:
    """ "Seit welchem Jahr …?" is answered by "… besteht seit 1998." as by "1998 gegründet":
    the full stop after the year ends the sentence, not a number."""
    asked = frame_question("Seit welchem Jahr besteht der Förderverein der Lindenschule in Feldau?")
    assert asked.expects.kind == "year"
    assert states_type(asked.expects, sentence) is year


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Im Schuljahr 2022/23 bestehen zwölf Internationale Förderklassen.", True),
        ("Es gibt 12 Klassen an den beiden Berufskollegs.", True),
        ("Das Zentrum ist mit fünfeinhalb Planstellen ausgestattet.", True),
        ("Jugendliche werden in eine Internationale Förderklasse vermittelt.", False),
        ("Ein Team von Beraterinnen führt einen Erstkontakt durch.", False),
    ],
)
def test_an_indefinite_article_is_no_count(sentence: str, counts: bool) -> None:
    assert states_type(Expectation("count"), sentence) is counts
    assert states_type(Expectation("duration"), "Die Förderung dauert ein Jahr.")


@pytest.mark.parametrize(
    ("sentence", "question", "counts"),
    [
        # a range with a limit between its numbers is of the second number's unit
        (
            "Die Verweildauer der Schülerinnen und Schüler soll mindestens sechs bis maximal "
            "zwölf Monate betragen.",
            "Wie viele Schülerinnen und Schüler soll die Gruppe in Feldau höchstens aufnehmen?",
            False,
        ),
        ("Die Kinder bleiben sechs bis zu zwölf Wochen.", "Wie viele Kinder sind es?", False),
        ("In der Gruppe sind sechs bis zwölf Kinder.", "Wie viele Kinder sind es?", True),
        # a sentence naming the counted itself counts something else with its number
        (
            "Auch an allen vier Berufskollegs im Kreis Feldau befinden sich Schülerinnen und "
            "Schüler in der Erstförderung.",
            "Wie viele Schülerinnen und Schüler sind im Kreis Feldau in der Erstförderung?",
            False,
        ),
        (
            "An allen vier Berufskollegs im Kreis Feldau lernen 40 Schülerinnen und Schüler.",
            "Wie viele Schülerinnen und Schüler sind im Kreis Feldau in der Erstförderung?",
            True,
        ),
        ("An den Schulen lernen 31 Mädchen und Jungen.", "Wie viele Schüler gibt es?", True),
        # a town's adjective between the number and the counted noun
        (
            "In Feldau werden an vier Feldauer Schulen Intensivklassen angeboten.",
            "An wie vielen Schulen in Feldau gibt es Intensivklassen?",
            True,
        ),
        (
            "Es gibt vier Feldauer Intensivklassen.",
            "Wie viele Schülerinnen und Schüler besuchen die Intensivklassen in Feldau?",
            False,
        ),
        # one counted by the article of a subject or object, not of a dative or genitive
        (
            "In der ersten Etappe ist der Besuch einer Vorbereitungsklasse geplant.",
            "Wie viele Vorbereitungsklassen gibt es in Feldau?",
            False,
        ),
        (
            "In Feldau wurde eine Vorbereitungsklasse eingerichtet.",
            "Wie viele Vorbereitungsklassen gibt es in Feldau?",
            True,
        ),
        # ... nor after a preposition: where someone goes, not how many there are
        (
            "Möglich ist eine Überweisung in eine schulartunabhängige Deutschklasse.",
            "Wie viele Deutschklassen gibt es im Kreis Feldau?",
            False,
        ),
        (
            "Im Kreis Feldau gibt es eine schulartunabhängige Deutschklasse.",
            "Wie viele Deutschklassen gibt es im Kreis Feldau?",
            True,
        ),
        # the further extension of a phone number counts nothing
        (
            "Informationen erhalten Sie unter der Telefonnummer 02999/ 444-266 oder -277.",
            "Wie viele Kinder dürfen in eine Feldauer Vorbereitungsklasse?",
            False,
        ),
    ],
)
def test_a_count_of_something_else_is_no_answer(sentence: str, question: str, counts: bool) -> None:
    assert states_count(sentence, question) is counts


def test_a_capitalised_adjective_before_the_counted_noun_is_not_what_is_counted() -> None:
    """ "Wie viele Internationale Förderklassen …?" counts the classes, "Wie viele Bremer
    Schulen …?" the schools: before, the adjective was taken for the counted noun, and "auf
    20 Klassen" or "24 Schulen in Bremen" was a count of something else. "Wie viele Stunden
    Deutsch …?" and "Wie viele Schüler Deutsch …?" still count hours and pupils (a noun in
    "-er" counts as a town's adjective only where it spells a town's name)."""
    assert states_count(
        "Die Anzahl der Internationalen Förderklassen stieg im November 2016 auf 20 Klassen.",
        "Wie viele Internationale Förderklassen gab es im November 2016?",
    )
    assert states_count(
        "Im Schuljahr 2022/23 bestehen zwölf Internationale Förderklassen.",
        "Wie viele Internationale Förderklassen gibt es?",
    )
    assert counts_asked("Es gibt 24 Schulen in Bremen.", "Wie viele Bremer Schulen gibt es?")
    assert counts_asked("Es gibt 24 Schulen.", "Wie viele Berufsbildende Schulen gibt es?")
    assert counts_asked("Sie haben 5 Stunden Deutsch.", "Wie viele Stunden Deutsch haben sie?")
    assert counts_asked("Dort lernen 30 Schüler.", "Wie viele Schüler Deutsch lernen dort?")
    assert not counts_asked("Es gibt 24 Kitas.", "Wie viele Bremer Schulen gibt es?")


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Der Kreis hat seit Freitag sein 50. Kommunales Integrationszentrum.", False),
        ("Geplant ist die Einrichtung einer 15. Deutschförderklasse.", False),
        ("Gezählt wurden im Herbst 14.", True),
        ("Rund 1.200 Kinder wurden beraten.", True),
        # grades are labels, also in the plural and as a range or list
        ("Kinder im Grundschulalter (Jahrgangsstufe 1 bis 4) melden sich dort an.", False),
        ("Die Deutschklasse der Jahrgangsstufen 5 und 6 ist an der Mittelschule.", False),
        ("Aufgenommen werden Kinder der Klassen 5–10.", False),
        ("In Klasse 5 lernen 20 Kinder.", True),
        # grades go from 1 to 13: a higher number after "Klasse" counts
        ("Aktuell lernen in der Klasse 18 unterschiedliche Nationen.", True),
        ("In der Klasse 10 lernen sie weiter.", False),
        # a grade named by any compound of "Stufe", and the citation of a law
        ("Aufgenommen werden Seiteneinsteiger der Klassenstufen 7 bis 10.", False),
        ("In der Klassenstufe 7 lernen 14 Kinder.", True),
        ("Nach § 135a Absatz 1 Satz 1 der Schulordnung gilt für das Gymnasium:", False),
    ],
)
def test_an_ordinal_counts_nothing(sentence: str, counts: bool) -> None:
    """ "Wie viele …?" is not answered by an ordinal ("die 15. Deutschförderklasse" says
    nothing about how many there are), a grade ("Jahrgangsstufen 5 und 6", "Klasse 10",
    "Klassenstufen 7 bis 10") or a citation ("Absatz 1 Satz 1"); a count may still end a
    sentence with its full stop."""
    assert states_count(sentence, "Wie viele Schüler gibt es?") is counts


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Rund jedes fünfte Flüchtlingskind leidet unter den Erlebnissen.", True),
        ("Jeder dritte Schüler in Feldau spricht zu Hause Arabisch.", True),
        ("Die Kinder leiden oft noch lange unter den Erlebnissen.", False),
        ("Jeden dritten Tag kommt die Sprachlehrerin.", False),  # how often
        ("Jede erste Klasse hat eine Patin.", False),  # a grade
    ],
)
def test_every_nth_counts_as_a_share(sentence: str, counts: bool) -> None:
    """ "Wie viele Flüchtlingskinder leiden …?" is answered by "jedes fünfte Flüchtlingskind
    leidet …": a share said as every n-th counts the asked; "jeden dritten Tag" is how
    often something happens, "jede erste Klasse" a grade."""
    assert states_count(sentence, "Wie viele Flüchtlingskinder leiden darunter?") is counts


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("Beginnt die Ausbildung erst im März, gibt es nur 1/3 des Zuschusses.", True),
        ("Drei Viertel der Eltern kamen zum Elternabend.", True),
        ("Der Zuschuss gilt für das Schuljahr 2025/26.", False),  # a school year
        ("Die Beratung ist rund um die Uhr (24/7) erreichbar.", False),
        ("Der Antrag ging am 3/4/2025 ein.", False),  # a date
    ],
)
def test_a_fraction_in_figures_states_a_share(sentence: str, share: bool) -> None:
    """ "Welchen Anteil des Zuschusses …?" is answered by "nur 1/3 des Zuschusses", a share
    written as a fraction, like one in words ("drei Viertel"); a school year, a date or
    "24/7" is none."""
    asked = "Welchen Anteil des Zuschusses gibt es bei spätem Beginn?"
    assert _stated(asked, "percent", sentence) is share


def _stated(question: str, kind: str, sentence: str) -> bool:
    """Whether ``sentence`` states an answer of the type ``question`` asks for, which must be
    ``kind``."""
    expects = frame_question(question).expects
    assert expects.kind == kind
    return states_type(expects, sentence)


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Das Team der Sprachlernklasse besteht aus ca. sieben Kolleginnen und Kollegen.", False),
        ("Pro Jahrgang hat es 2 Klassen Deutsch/Italienisch.", False),
        ("Die Stadtschule hat 9 Primarschulhäuser.", False),
        ("Der Unterricht findet an drei Standorten statt.", False),
        ("Es gibt 3 Klassen mit 60 Mädchen und Jungen.", True),
        ("Es sind derzeit 45.", True),
        ("81 Teilnehmende aus 15 Nationen lernen dort.", True),  # may be the pupils
        ("Im Kurs sind 15 Kursteilnehmende.", True),  # ends in no word for where they learn
    ],
)
def test_staff_and_where_pupils_learn_are_no_count_of_pupils(sentence: str, counts: bool) -> None:
    """ "Wie viele Schülerinnen und Schüler sind in der Sprachlernklasse?" is not answered by
    a count of the teachers, the classes, the school buildings or the sites: none of them
    is another word for the pupils. A number without a noun or a count of other people
    ("Teilnehmende") still may be."""
    question = "Wie viele Schülerinnen und Schüler sind zurzeit in der Sprachlernklasse?"
    assert states_count(sentence, question) is counts


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("date 2023-01 Der Zustrom hält an.", False),
        ("Stand 2024-05-01: Die Beratung läuft.", False),
        ("Es fanden vierzehn Gespräche statt.", True),
        ("Siebzig Kinder lernen dort.", True),
        ("Volltextsuche über das Angebot: 21 ° / -1 ° Regenschauer", False),
    ],
)
def test_an_iso_date_counts_nothing_and_every_number_word_counts(
    sentence: str, counts: bool
) -> None:
    """A web page's "2023-01" dates it, and the "21 °" of its weather box counts nothing;
    "vierzehn", "siebzig" count like "zwölf"."""
    assert states_count(sentence, "Wie viele Gespräche gab es?") is counts


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Für 6- bis 18-jährige Neuzugewanderte gilt die Schulpflicht.", False),
        ("Die Klasse ist für 16-Jährige gedacht.", False),
        ("Aufgenommen werden Kinder im Alter von 6 bis 10 Jahren.", False),
        ("Für die 16-Jährigen gibt es 40 Plätze.", True),
    ],
)
def test_an_age_counts_nothing(sentence: str, counts: bool) -> None:
    """ "Wie viele Schülerinnen und Schüler …?" is not answered by the ages a rule applies to
    ("für 6- bis 18-jährige gilt die Schulpflicht"); a count beside an age still is."""
    assert states_count(sentence, "Wie viele Schülerinnen und Schüler gibt es?") is counts


@pytest.mark.parametrize(
    ("question", "sentence", "counts"),
    [
        # the count is of where the asked are, which the question names itself
        (
            "Wie viele Schülerinnen und Schüler sind in den Intensivklassen der Lindenschule?",
            "An der Lindenschule gibt es zwei sogenannte Intensivklassen.",
            False,
        ),
        (
            "Wie viele Kinder nimmt die Willkommensklasse in Feldau höchstens auf?",
            "Die Stadt Feldau hat jetzt zwei „Willkommensklassen“ eingerichtet.",
            False,
        ),
        (  # a compound ending in the noun ("Realschule" - "Schulen")
            "Wie viele Schüler lernen in der Sprachlernklasse der Realschule Feldau?",
            "Mittlerweile bieten sieben Schulen spezielle Sprachlernklassen an.",
            False,
        ),
        (  # the question's own number counts nothing
            "Wie viele Kinder lernen an den vier Förderstandorten?",
            "An vier Standorten gibt es eine weitere Sprachförderung.",
            False,
        ),
        # the asked noun in another form, a paraphrase, or a number without a noun
        (
            "Wie viele Schülerinnen und Schüler sind in einer Gruppe höchstens?",
            "Für Gruppen von jeweils maximal 15 Schüler*innen gibt es Angebote.",
            True,
        ),
        (
            "Wie viele Kinder besuchen die Vorbereitungsklassen?",
            "In den beiden Vorbereitungsklassen lernen derzeit 31 Mädchen und Jungen.",
            True,
        ),
        (
            "Wie viele Kinder besuchen die Vorbereitungsklassen?",
            "Es gibt drei Vorbereitungsklassen mit je 15 Kindern.",
            True,
        ),
        (  # an abbreviated or quoted compound is still the asked noun
            "Wie viele DaZ-Zentren gibt es in Feldau?",
            "In Feldau gibt es derzeit zwei DaZ-Zentren.",
            True,
        ),
        (
            "Wie viele Sprachklassen gibt es im Kreis Feldau (VABO)?",
            "Aktuell gibt es bereits 24 solcher „VABO“-Klassen an den Kreisschulen.",
            True,
        ),
        (  # every noun joined to the counted one is asked
            "Wie viele Lesepaten oder Lernpaten gibt es in Feldau?",
            "In Feldau begleiten 85 Lernpaten die Kinder.",
            True,
        ),
        (  # a part counts what the count before it counts
            "Wie viele Schüler besuchen die Sprachlernklassen im Kreis Feldau?",
            "Es gibt 600 Sprachlernklassen im Land, 19 davon im Kreis Feldau.",
            False,
        ),
        (
            "Wie viele Kinder kommen aus der Ukraine?",
            "Es gibt 14 Klassen mit 250 Kindern, 120 davon aus der Ukraine.",
            True,
        ),
        # staff asked by role are counted by staff or posts only
        (
            "Wie viele Lehrkräfte unterrichten die internationalen Klassen in Feldau?",
            "Es gibt zwei internationale Klassen mit jeweils bis zu 20 SchülerInnen.",
            False,
        ),
        (
            "Wie viele Lehrkräfte unterrichten in den Vorbereitungsklassen in Feldau?",
            "Im Schuljahr starten 68 Vorbereitungsklassen an 47 Standorten.",
            False,
        ),
        (
            "Wie viele Lehrkräfte unterrichten in den Vorbereitungsklassen?",
            "Dort unterrichten 12 Lehrerinnen und 3 Sozialarbeiter.",
            True,
        ),
        (  # an age span counts no one, also written "zwischen … und …"
            "Wie viele Lehrkräfte unterrichten die internationalen Klassen in Feldau?",
            "Dort lernen bis zu 20 SchülerInnen zwischen 10 und 17 Jahren.",
            False,
        ),
        (  # a role may end a compound, and "Mitarbeitende" are staff
            "Wie viele Deutschlehrer fehlen in Feldau?",
            "Es fehlen Lehrer für 130 Mädchen und Jungen.",
            False,
        ),
        ("Wie viele Mitarbeitende hat die Anmeldestelle?", "Sie berät 300 Familien.", False),
        (
            "Wie viele Mitarbeitende hat die Anmeldestelle?",
            "Dort arbeiten drei Mitarbeitende.",
            True,
        ),
        (  # a number without a noun after a count counts what that count counts
            "Wie viele Deutschlehrer fehlen in Feldau?",
            "In den Grundschulen sind 141 Plätze belegt, 17 sind noch frei.",
            False,
        ),
        (  # ... and so does one in a part of the attribute before the counted noun
            "Wie viele der im Kreis erwarteten Familien kommen nach Feldau?",
            "Der Kreis erwartet 1100 Familien, rund 270 von ihnen sollen nach Feldau kommen.",
            True,
        ),
        (  # ... unless "von ihnen" / "davon" names what it counts
            "Wie viele schulpflichtige Kinder wohnen in den Unterkünften in Feldau?",
            "In 12 Unterkünften leben 1.200 Menschen, 310 von ihnen schulpflichtige Kinder.",
            True,
        ),
        ("Wie viele Lehrkräfte gibt es?", "Dafür stehen 5,5 Stellen zur Verfügung.", True),
        ("Wie viele Lehrkräfte gibt es?", "Das Team umfasst 6,0 VZÄ.", True),
        (  # posts asked are no role: a paraphrase still answers
            "Wie viele Vollzeitstellen haben die Bildungslotsen?",
            "Die Bildungslotsen umfassen nach der Aufstockung 6,0 Vollzeitäquivalente.",
            True,
        ),
        (  # "Schulleiter" is no "Schule" of the question: not the same head noun
            "Wie viele Personen nahmen am Fachgespräch an Feldauer Schulen teil?",
            "Es nahmen 30 Schulleiter/innen und Lehrkräfte am Fachgespräch teil.",
            True,
        ),
        (  # another kind of the classes the question names counts no pupils either
            "Wie viele Schülerinnen und Schüler sitzen in den Übergangsklassen in Feldau?",
            "Zusätzlich gibt es sieben Deutschförderklassen, in denen Kinder gefördert werden.",
            False,
        ),
        (  # ... but a head the counted noun shares is no other kind ("schül" of both)
            "Wie viele Grundschüler lernen in Feldau gemeinsam mit den Realschülern?",
            "In den Klassen lernen 40 Förderschüler.",
            True,
        ),
        (  # the article before the counted noun in the singular counts one
            "Wie viele Intensivklassen gibt es an der Grundschule Feldau?",
            "In der Grundschule Feldau wurde jetzt eine Intensivklasse eingerichtet.",
            True,
        ),
        (  # ... not the definite article, nor a compound that goes on
            "Wie viele Intensivklassen gibt es an der Grundschule Feldau?",
            "Die Intensivklasse wird vom Land finanziert, sie hat eine Intensivklassenleiterin.",
            False,
        ),
    ],
)
def test_a_count_of_what_the_question_names_besides_the_counted_is_no_answer(
    question: str, sentence: str, counts: bool
) -> None:
    """ "Wie viele Schüler sind in den Intensivklassen …?" is not answered by "zwei
    Intensivklassen": when every count in a sentence counts something else the question
    names, or another thing of its kind (a compound with the same head, "Deutschförderklassen"
    beside "Übergangsklassen"), it does not count what was asked. A count of a noun the
    question does not name may be a paraphrase ("Mädchen und Jungen" for "Kinder") and still
    answers."""
    assert states_count(sentence, question) is counts


def _row_evidence(question: str, topic: str, rows: list[tuple[str, float]]) -> Evidence:
    frame = frame_question(question)
    chunk = Chunk("r", "k.pdf", 0, "\n".join(r for r, _ in rows), "Kontakte", 1, 1, meta=META)
    candidates = tuple(
        Candidate(
            text,
            chunk,
            0,
            order,
            (),
            probability,
            frozenset(analyze(text)),
            unmet_requirements(frame, text, chunk),
        )
        for order, (text, probability) in enumerate(rows)
    )
    query = Query(question, tuple(analyze(topic)), (), ())
    return Evidence(query, (), {"r": [r for r, _ in rows]}, candidates, (), 0.9, frame)


def test_a_table_declares_the_unit_of_its_numbers_in_caption_or_column() -> None:
    """A budget table "(in Euro)" gives amounts of money: no count of places, but the
    amount a money question asks for. A unit limited to a column ("Anteil in Prozent")
    leaves the other columns' numbers alone; a column's own unit ("Betrag (€)") counts too."""
    row = "- Position: Spielgruppe Sonnenhof; 2023: 71.000; 2024: 73.000"
    budget = Chunk(
        "t",
        "b.pdf",
        0,
        row,
        "13 Finanzen > Tabelle 3: Mittelansatz (in Euro)",
        1,
        1,
        meta=META,
        kind=KIND_TABLE,
    )
    places = frame_question("Wie viele Plätze hat die Spielgruppe Sonnenhof?")
    money = frame_question("Was kostet die Spielgruppe Sonnenhof im Jahr 2024?")
    assert unmet_requirements(places, row, budget) == ("Art: count",)
    assert unmet_requirements(money, row, budget) == ()
    uncaptioned = replace(budget, section="13 Finanzen > Tabelle 3: Spielgruppen")
    assert unmet_requirements(places, row, uncaptioned) == ()  # the numbers may be counts
    assert unmet_requirements(money, row, uncaptioned) == ("Art: money",)
    ranked = "- Rang: 2; Staat: Syrien; Anteil: 14"
    shares = replace(budget, section="Tabelle 4: Herkunftsstaaten (Anteil in Prozent)")
    assert with_declared_units(ranked, shares) == "- Rang: 2; Staat: Syrien; Anteil: 14 %"
    costs = replace(budget, section="Tabelle 5: Umbau")
    written = with_declared_units("- Maßnahme: Umbau; Betrag (€): 48.000; Jahr: 2025", costs)
    assert written == "- Maßnahme: Umbau; Betrag (€): 48.000 Euro; Jahr: 2025"
    prose = "Die Spielgruppe Sonnenhof kostet 2024: 73.000"  # no table row: unchanged
    assert with_declared_units(prose, budget) == prose


def test_another_row_of_the_table_answers_for_someone_else() -> None:
    """The asked row has no opening hours; the next row's hours are not the Schulamt's."""
    asked = "- Stelle: Schulamt; Sprechzeiten: Rathausplatz 3, 4. OG; Kontakt: 0299 44-0"
    other = "- Stelle: Kita-Lotsinnen; Sprechzeiten: Raum 114, Mo–Do 8:30–12:00 Uhr"
    question = "Welche Sprechzeiten hat das Schulamt?"
    decision = RefusalPolicy(threshold=0.5).decide(
        _row_evidence(question, "Sprechzeiten Schulamt", [(asked, 0.9), (other, 0.8)])
    )
    assert not decision.found and decision.unmet == ("Art: hours",)
    assert "keine Sprech- oder Öffnungszeiten" in decision.note
    # the asked row with its hours answers; so does a row when the question names no row
    own = "- Stelle: Schulamt; Sprechzeiten: Rathausplatz 3, Di 9–12 Uhr; Kontakt: 0299 44-0"
    found = RefusalPolicy(threshold=0.5).decide(
        _row_evidence(question, "Sprechzeiten Schulamt", [(own, 0.9)])
    )
    assert found.found and found.eligible[0].text == own
    general = RefusalPolicy(threshold=0.5).decide(
        _row_evidence("Welche Sprechzeiten gibt es?", "Sprechzeiten", [(asked, 0.9), (other, 0.8)])
    )
    assert general.found and general.eligible[0].text == other


def test_a_table_row_keyed_by_another_place_is_not_about_the_asked_one() -> None:
    """A regional table names every municipality in its passage; a row is about the place
    in its first cell."""
    rows = [
        "- Gebietskörperschaft: Stadt Feldau; Sitzungen pro Jahr: 4",
        "- Gebietskörperschaft: Kreis Hohenfurt; Sitzungen pro Jahr: 2",
    ]
    chunk = Chunk("t", "b.pdf", 0, "\n".join(rows), "Tabelle 9", 1, 1, meta=META)
    frame = frame_question("Wie oft tagt das Gremium im Kreis Hohenfurt?", ("Hohenfurt",))
    assert unmet_requirements(frame, rows[0], chunk) == ("Ort: Hohenfurt",)
    assert unmet_requirements(frame, rows[1], chunk) == ()
    prose = "Das Gremium in Feldau tagt viermal, das Gremium in Hohenfurt zweimal."
    assert unmet_requirements(frame, prose, chunk) == ()  # no row: sentence and passage decide
    unkeyed = "- Jahr: 2024; Sitzungen: 4"  # a row keyed by no place: the passage decides
    assert unmet_requirements(frame, unkeyed, chunk) == ()


def test_a_short_table_row_ending_in_a_number_is_no_contents_line() -> None:
    chunk = Chunk("t", "b.pdf", 0, "", "Tabelle 2", 1, 1, meta=META)
    assert is_boilerplate("Erstberatung und Clearing 12", chunk, 1)
    assert is_boilerplate("3.2 Erstberatung ........ 12", chunk, 1)
    assert not is_boilerplate("- Projekt: Lesepaten Feldau; Lesepaten: 40", chunk, 1)


def test_a_labelled_list_item_ending_in_a_number_is_no_contents_line() -> None:
    """A list under "… sind wie folgt verteilt:" gives each label its figure ("- Regelschulen:
    14"): a value, not a chapter title with its page. Before, such an item looked like a
    contents line and a question for that figure was refused."""
    chunk = Chunk("t", "seite.txt", 0, "", "", 1, 1, meta=META)
    assert not is_boilerplate("- Regelschulen: 14", chunk, 1)
    assert not is_boilerplate("Berufsbildende Schule: 2", chunk, 1)
    # a chapter title with a colon inside still ends in its page
    assert is_boilerplate("Kapitel 3: Erstberatung 14", chunk, 1)
    assert is_boilerplate("- Erstberatung 14", chunk, 1)


def test_a_contents_line_with_three_leader_dots_is_no_answer() -> None:
    """A table of contents converted with three leader dots ("4.1 Kontaktaufnahme ...11",
    "4.3 Notwendige Unterlagen ... 16", the page number split off as its own sentence) is no
    answer: before, only four dots or more marked a contents line, and a near miss ("Welche
    Unterlagen …?") was answered with the title of the section that would hold it."""
    chunk = Chunk("t", "b.pdf", 0, "", "", 1, 1, meta=META)
    assert is_boilerplate("4.1 Kontaktaufnahme / Terminvergabe (Ort / Zeit) ...11", chunk, 1)
    assert is_boilerplate("1. Einleitung ... 5", chunk, 1)
    assert is_boilerplate("4.3 Notwendige Unterlagen für die Erstberatung ...", chunk, 1)
    assert is_boilerplate("3. Zielsetzung der Erstberatung…", chunk, 1)
    # a sentence that trails off is none, nor a numbered step that states something
    assert not is_boilerplate("Die Kinder lernen schnell, manche schneller ...", chunk, 1)
    assert not is_boilerplate("2. Die Eltern bringen die Zeugnisse mit.", chunk, 1)


def test_a_sentence_run_into_a_running_header_is_page_furniture() -> None:
    """A converted PDF runs its header into the first sentence ("… Feldau, 16. Dezember 2016
    Seite 1 von 11 Integration durch Bildung …"): never an answer."""
    chunk = Chunk("t", "b.pdf", 0, "", "", 1, 1, meta=META)
    header = (
        "1 Amt für Schule Feldau, 16. Dezember 2016 Seite 1 von 11 Integration durch Bildung "
        "ist eine Aufgabe jeder Schule."
    )
    assert is_boilerplate(header, chunk, 1)
    assert not is_boilerplate(
        "Die Broschüre hat auf Seite 3 von insgesamt elf Seiten ein Glossar.", chunk, 1
    )


def test_web_chrome_of_a_saved_or_printed_page_is_no_answer() -> None:
    """A cookie notice and a browser's print stamp (a time to the second) in the text of a
    saved or printed web page are never quoted as an answer."""
    chunk = Chunk("t", "seite.txt", 0, "", "", 1, 1, meta=META)
    assert is_boilerplate("Cookies erleichtern die Bereitstellung unserer Dienste.", chunk, 1)
    consent = "Mit der Nutzung unserer Dienste erklären Sie sich damit einverstanden, dass wir "
    assert is_boilerplate(consent + "Cookies verwenden.", chunk, 1)
    stamp = (
        "Stadt Feldau - www.feldau.example https://www.feldau.example/bildung.php "
        "15.07.2020 13:50:54 Uhr 20.04.2024 03:52:22 Uhr"
    )
    assert is_boilerplate(stamp, chunk, 1)
    assert not is_boilerplate("Die Beratung ist dienstags von 13:00 bis 18:00 Uhr.", chunk, 1)
    # a news archive's list of months
    archive = "Mai 2023 April 2023 März 2023 Februar 2023 Januar 2023 Dezember2022"
    assert is_boilerplate(archive, chunk, 1)
    assert not is_boilerplate("Im März 2023 und im Mai 2024 tagte der Beirat.", chunk, 1)


@pytest.mark.parametrize(
    "question",
    [
        "Zu welchen Zeiten ist das KI in Feldau für die Beratung erreichbar?",
        "Wann ist die Koordinierungsstelle in Feldau telefonisch erreichbar?",
        "Wann ist die Beratungsstelle in Feldau mittwochs zu erreichen?",
        "Wann erreicht man das KI in Feldau?",
        "Wann kann man im KI in Feldau anrufen?",
    ],
)
def test_when_someone_is_reachable_asks_for_hours(question: str) -> None:
    """ "Zu welchen Zeiten …?" and "Wann … erreichbar?" (or "zu erreichen", "erreicht man",
    "anrufen") ask for times of the week, not for the phone number a contact block states
    (before, all were contact questions)."""
    expects = frame_question(question).expects
    assert expects.kind == "hours"
    assert not states_type(expects, "Anfragen über das KI (Tel.: 05999 15126).")
    assert states_type(expects, "Sprechzeiten: Mo–Do 9–12 Uhr")
    assert frame_question("Wie ist das KI in Feldau erreichbar?").expects.kind == "contact"


def test_the_digits_of_an_email_address_are_no_phone_number() -> None:
    expects = frame_question("Unter welcher Telefonnummer erreicht man Frau Roth?").expects
    assert expects.unit == "phone"
    assert not states_type(expects, "Frau Roth (Schulleitung) poststelle@04146821.schule.example")
    assert states_type(expects, "Frau Roth (Schulleitung) Tel. 05999 146821")


@pytest.mark.parametrize(
    ("question", "channel"),
    [
        ("Welche E-Mail-Adresse nennt das KI für Anfragen?", "email"),
        ("Wie ist die Mailadresse der Beratungsstelle?", "email"),
        ("Unter welcher Telefonnummer ist die Hotline erreichbar?", "phone"),
        # "Nummer" alone, where one is reached "unter" it, is a phone number
        ("Unter welcher Nummer meldet man sich in Feldau für die Hotline an?", "phone"),
        ("Wen kann ich dort anrufen?", "phone"),
        ("Wie erreiche ich das KI per Telefon oder E-Mail?", ""),
        ("Welche Kontaktdaten hat das KI?", ""),
        ("Wie ist das KI erreichbar?", ""),
    ],
)
def test_a_contact_question_may_ask_for_one_channel(question: str, channel: str) -> None:
    expects = frame_question(question).expects
    assert expects.kind == "contact" and expects.unit == channel
    phone, mail = "Tel.: 05999 308-4636", "E-Mail: neu@wendau.example"
    assert states_type(expects, mail) == (channel != "phone")
    assert states_type(expects, phone) == (channel != "email")
    # the area code set apart by a spaced slash is still a phone number
    spaced = "Bei Fragen wenden Sie sich an das KI, Telefonnummer 0221 / 221-29292."
    assert states_type(expects, spaced) == (channel != "email")
    # and so is the international form with spaces; before, only "+49" joined to the digits
    for international in ("Terminvergabe +49 5999 3084636", "Zentrale: +49 (0)5999 308-0"):
        assert states_type(expects, international) == (channel != "email")


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("Was bekommen die Sprachmittler in Feldau pro Einsatz?", True),
        ("Was erhalten Lernpaten für ihre Fahrten erstattet?", True),
        ("Was bekommen die Elternbegleiter als Aufwandsentschädigung?", True),
        ("Was verdienen die Übergangscoaches?", True),
        ("Was erhält jedes neu zugewanderte Kind beim Integrationszentrum?", False),
        ("Was bekommen die Kinder in der Sprachfördergruppe zusätzlich?", False),
    ],
)
def test_what_someone_receives_is_money_only_when_the_question_says_it_is_paid(
    question: str, money: bool
) -> None:
    """ "Was bekommen/erhalten …?" asks for an amount when it says how it is paid (a rate, a
    refund, an allowance); otherwise it asks for a thing, which no euro sign must answer."""
    assert (frame_question(question).expects.kind == "money") is money


@pytest.mark.parametrize(
    ("sentence", "meets"),
    [
        ("Eine HSU-Gruppe wird ab zwölf Anmeldungen eingerichtet.", True),
        ("Es müssen sich mindestens 12 Kinder anmelden.", True),
        ("Die Mindestgruppengröße beträgt zehn Kinder.", True),
        ("Insgesamt nehmen 1.921 Kinder am HSU teil.", False),  # a tally, not a threshold
        ("Im Kreis gibt es 14 HSU-Gruppen.", False),
    ],
)
def test_a_threshold_question_wants_a_threshold(sentence: str, meets: bool) -> None:
    """ "Ab wie vielen …?" asks the least number for something to happen; a count of how
    many take part does not answer it."""
    chunk = Chunk("h", "b.pdf", 0, sentence, "HSU", 1, 1, meta=META)
    asked = frame_question("Ab wie vielen Anmeldungen richtet Feldau eine HSU-Gruppe ein?")
    assert asked.expects.least
    assert (unmet_requirements(asked, sentence, chunk) == ()) is meets
    tally = frame_question("Wie viele Kinder nehmen in Feldau am HSU teil?")
    assert not tally.expects.least


@pytest.mark.parametrize(
    ("question", "kind", "stated", "unstated"),
    [
        (
            "In welchem Jahr wurde das Integrationszentrum in Feldau gegründet?",
            "year",
            ["Das Integrationszentrum wurde 2013 gegründet.", "Es kam im Schuljahr 2013/14."],
            ["Das Integrationszentrum berät alle Familien.", "Es hat 2.013 Beratungen geführt."],
        ),
        (
            "Ab welchem Tag gibt es in Feldau Kurdisch als Herkunftssprache?",
            "date",
            ["Ab 11. Februar werden sechs Stunden erteilt.", "Ab dem 1.8. gilt die Regel."],
            ["Mitte Februar kommt Kurdisch hinzu."],
        ),
        (  # a compound naming a day
            "Welches Abgabedatum gilt für den Antrag am Gymnasium in Feldau?",
            "date",
            ["Das Formular muss bis zum 15.03.25 im Sekretariat abgegeben werden."],
            ["Das Formular liegt im Sekretariat aus.", "Der Antrag gilt für ein Schuljahr."],
        ),
        (
            "Welcher Anmeldestichtag gilt in Feldau für die Ferienschule?",
            "date",
            ["Anmeldungen für die Ferienschule nehmen wir bis zum 12. Mai entgegen."],
            ["Anmeldungen für die Ferienschule nehmen wir im Frühjahr entgegen."],
        ),
    ],
)
def test_a_which_year_or_which_day_question_wants_a_year_or_a_day(
    question: str, kind: str, stated: list[str], unstated: list[str]
) -> None:
    """ "In welchem Jahr …?" is answered only by a sentence with a year, "Ab welchem Tag …?"
    (or "Welches Abgabedatum …?") by "ab 11. Februar", not by "Mitte Februar"; "Wann …?"
    stays a softer question."""
    asked = frame_question(question)
    assert asked.expects.kind == kind and asked.expects.strict
    assert all(states_type(asked.expects, sentence) for sentence in stated)
    assert not any(states_type(asked.expects, sentence) for sentence in unstated)
    assert frame_question("Wann wurde das Zentrum gegründet?").expects.kind == "when"


@pytest.mark.parametrize(
    ("sentence", "names_school"),
    [
        ("Die Kinder lernen an der Comenius-Schule und dem Alten Gymnasium.", True),
        ("Der Unterricht findet am Johannes-Rau-Gymnasium in Feldau statt.", True),
        ("Die Klasse ist an der Grundschule Lindenhof angesiedelt.", True),
        ("Das DaZ-Zentrum liegt an der Schule am Friedenshof.", True),
        ("In der Schule beim Lindenweg startet ein Bildungszweig.", True),
        ("Die Kinder lernen an der Grundschule auf der Heide.", True),
        # a school's own name in one word; a kind of school or a school's role names none
        ("Ab August gibt es an der Lindenbachschule ein DaZ-Zentrum.", True),
        ("Die Erfassung findet einmal im Monat an der Feldrealschule statt.", True),
        ("Die Kinder besuchen danach eine Gemeinschaftsschule oder Werkrealschule.", False),
        ("Zuständig ist zunächst die Sprengelschule.", False),
        ("An Feldauer Schulen lernen 300 Kinder in Deutschkursen.", False),
        ("In der Grundschule lernen die Kinder zuerst lesen.", False),
        ("Das Berufskolleg bietet zwei Klassen für Seiteneinsteiger an.", False),
        # a name in quotation marks before or after the kind of school
        ("- 7 Schüler:innen an der „Lindenhof“ Sekundarschule in Feldau", True),
        ("Die Klasse ist an der Grundschule „Am Friedenshof“ angesiedelt.", True),
        ("Das „Sprachcafé“ der Stadt trifft sich montags.", False),
    ],
)
def test_which_school_asks_for_a_school_by_its_name(sentence: str, names_school: bool) -> None:
    """ "An welchen Schulen …?" asks for schools by their names: a sentence saying only that
    schools or a kind of school do it names none. Only the question's own opening asks for
    it ("Wonach richtet sich, welche Grundschule …?" asks for a rule)."""
    chunk = Chunk("d", "d.pdf", 0, sentence, "", 1, 1, meta=META)
    for question in ("An welchen Schulen in Feldau gibt es DaZ-Zentren?", "Welche Schule …?"):
        framed = frame_question(question)
        assert framed.expects.kind == "school" and framed.expects.sole
        assert states_type(framed.expects, sentence) is names_school
        assert (unmet_requirements(framed, sentence, chunk) == ()) is names_school
    for other in (
        "Wonach richtet sich in Feldau, welche Grundschule ein Kind besucht?",
        "Welche Schulleitung koordiniert die Klassen in Feldau?",
        "Wie viele Schulen in Feldau haben eine Willkommensklasse?",
    ):
        assert frame_question(other).expects.kind != "school", other


@pytest.mark.parametrize(
    ("sentence", "states_age"),
    [
        ("20 Kinder im Alter von sieben bis 16 Jahren waren dabei.", True),
        ("Die Klasse besuchen 21 Jugendliche zwischen 14 und 19 Jahren.", True),
        ("Sechs bis 14 Jahre alt sind die Kinder in Feldau.", True),
        ("Das Angebot richtet sich an 10- bis 16-Jährige.", True),
        ("Junge Erwachsene bis 21 Jahre können die Klasse besuchen.", True),
        ("Aufgenommen wird bis zum vollendeten 25. Lebensjahr.", True),
        ("Der Anspruch gilt ab dem 1. vollendeten Lebensjahr bis zum Schuleintritt.", True),
        ("Das Coaching richtet sich an Jugendliche bis zum 19. Geburtstag.", True),
        # the ordinal in words
        ("In Feldau hat jedes Kind ab Vollendung des ersten Lebensjahres einen Anspruch.", True),
        ("Plätze gibt es für Kinder, die das dritte Lebensjahr vollendet haben.", True),
        ("Aufgenommen wird bis zum vollendeten einundzwanzigsten Lebensjahr.", True),
        ("Im dritten Jahr lernen die Kinder in Feldau in der Regelklasse.", False),
        ("Das Projekt steht Kindern bis sechs Jahre und ihren Müttern offen.", True),
        ("Die Förderung in Feldau dauert bis zu zwei Jahre.", False),
        ("Plätze gibt es für Kinder im Alter von vier Monaten bis zur Schulpflicht.", True),
        ("Der Vierjährige ist seit Montag in der Kita in Feldau.", True),  # a person by age
        ("Die zweijährige Ausbildung in Feldau beginnt im August.", False),  # it lasts
        ("Der Kurs in Feldau dauert sechs Monate.", False),
        ("Die Klasse besteht in Feldau seit zwei Jahren.", False),
        ("Die Förderung dauert bis zu zwei Jahre.", False),
        ("Die Vollzeitschulpflicht dauert zehn Schuljahre.", False),
        ("Der Kurs in Feldau hat 20 Plätze.", False),
        ("Kinder, die jünger als drei Jahre sind, betreut die Kita in Feldau nicht.", True),
        ("Wer älter als 16 Jahre ist, lernt in Feldau am Berufskolleg.", True),
        ("Die Klasse in Feldau gibt es seit mehr als zwei Jahren.", False),
        # a span whose upper end is given roughly
        ("Die Gruppe in Feldau ist im Alter von 14 bis etwa 27 Jahren.", True),
        ("Die Gruppe in Feldau ist zwischen 12 und rund 15 Jahre alt.", True),
    ],
)
def test_how_old_asks_for_an_age(sentence: str, states_age: bool) -> None:
    """ "Wie alt …?" and "Bis zu welchem Alter …?" ask for an age: an age or a span of years
    answers it, a duration or a count does not. Asked alone, only a sentence stating an age
    meets the question (the topic alone is a near miss)."""
    chunk = Chunk("d", "d.pdf", 0, sentence, "", 1, 1, meta=META)
    for question in ("Wie alt waren die Kinder im Kurs in Feldau?", "Bis zu welchem Alter …?"):
        framed = frame_question(question)
        assert framed.expects.kind == "age"
        assert states_type(framed.expects, sentence) is states_age
        assert (unmet_requirements(framed, sentence, chunk) == ()) is states_age


@pytest.mark.parametrize(
    ("sentence", "names_languages"),
    [
        ("HSU gibt es in Feldau auf Arabisch, Türkisch und Farsi.", True),
        ("Gesucht werden vor allem Leute, die Kurdisch oder Tigrinya sprechen.", True),
        ("Eingestellt wurde eine deutsch-russisch-sprachige Lehrkraft.", True),
        ("Der Sprachmittlerpool in Feldau deckt 25 Sprachen ab.", True),
        ("Neben der Sprachbildung gibt es in Feldau herkunftssprachlichen Unterricht.", False),
        ("Am Runden Tisch in Feldau sitzen die Schulen und das Amt.", False),
        ("Praktisch alle Schulen in Feldau bieten das an.", False),
    ],
)
def test_which_languages_asks_for_languages(sentence: str, names_languages: bool) -> None:
    """ "Welche Sprachen …?" is answered by languages named (also as "-sprachig") or
    counted, not by a sentence on the lessons that names none ("herkunftssprachlichen
    Unterricht"); a word ending in "-tisch" is no language. "Wie viele Sprachen …?" counts."""
    chunk = Chunk("c1", "f.txt", 0, sentence, "", 1, 1, meta=DocumentMeta("f.txt", "Feldau"))
    for question in (
        "Welche Sprachen werden in Feldau im herkunftssprachlichen Unterricht angeboten?",
        "In welchen Sprachen gibt es in Feldau den Elternbrief?",
        "Für welche Sprachen sucht der Pool in Feldau Leute?",
    ):
        frame = frame_question(question)
        assert frame.expects.kind == "language"
        unmet = () if names_languages else ("Art: language",)
        assert unmet_requirements(frame, sentence, chunk) == unmet
    assert frame_question("Wie viele Sprachen spricht das Team?").expects.kind == "count"
    assert frame_question("Welche Sprachkurse gibt es in Feldau?").expects.kind == ""


def test_a_compound_is_covered_by_its_parts_spread_over_the_passage() -> None:
    """ "Wie viel Deutschunterricht pro Woche …?" is about the amount a sentence "16 Stunden
    Deutsch in der Woche" states when its passage speaks of the "Unterricht": the compound's
    parts may stand apart, one of them in the sentence itself, none missing from the
    passage."""
    query = Query(
        "Wie viel Deutschunterricht pro Woche?",
        ("deutschunterricht", "woch"),
        ("deutsch", "unterricht"),
        (),
        compounds=(("deutschunterricht", ("deutsch", "unterricht")),),
    )
    passage = {"stund", "deutsch", "woch", "unterricht", "regelklass"}
    sentence = {"stund", "deutsch", "woch"}
    assert covers_in_passage(query, "deutschunterricht", sentence, passage)
    assert not covers_in_passage(query, "deutschunterricht", sentence, passage - {"unterricht"})
    assert not covers_in_passage(query, "deutschunterricht", {"stund"}, passage)
    assert not covers_in_passage(query, "woch", sentence, passage)  # no compound


@pytest.mark.parametrize(
    ("sentence", "question", "counted"),
    [
        ("Derzeit lernen dort 31 Mädchen und Jungen.", "Wie viele Kinder lernen dort?", True),
        ("Zwölf Jugendliche besuchen den Kurs.", "Wie viele Schüler besuchen den Kurs?", True),
        ("Es sind rund 40 Schülerinnen und Schüler.", "Wie viele Kinder sind es?", True),
        ("Dort lernen 20 Flüchtlingskinder.", "Wie viele Schüler besuchen die Schule?", False),
        ("Dort lernen 20 ukrainische Kinder.", "Wie viele Schüler besuchen die Schule?", False),
        ("Derzeit lernen dort 31 Mädchen und Jungen.", "Wie viele Grundschüler gibt es?", False),
        ("Es kamen 14 jungen Menschen.", "Wie viele Kinder kamen?", False),
        ("Dort lernen 63 Jugendliche.", "Wie viele Kinder lernen dort?", False),
        ("Dort lernen 63 Kinder und Jugendliche.", "Wie viele Kinder lernen dort?", True),
    ],
)
def test_children_and_pupils_as_a_whole_count_each_other(
    sentence: str, question: str, counted: bool
) -> None:
    """ "31 Mädchen und Jungen" counts the "Kinder" or "Schüler" a question asks about: bare
    words for children or pupils as a whole paraphrase each other. A compound or an adjective
    names a subgroup ("20 Flüchtlingskinder", "20 ukrainische Kinder" are not all pupils of a
    school), a question about a subgroup ("Grundschüler") is not answered by the whole, and
    children are no youths (pupils may be either)."""
    assert counts_asked(sentence, question) is counted


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Die Intensivklasse ist klein (12 – 16 Schüler).", False),
        ("In der Gruppe lernen zehn bis zwölf Kinder.", False),
        ("Die Gruppe betreuen zwei bis drei Lehrkräfte.", True),
        ("Die Gruppe betreuen 2-3 Lehrkräfte und 12 Kinder.", True),
    ],
)
def test_a_range_counts_what_its_last_number_counts(sentence: str, counts: bool) -> None:
    """ "12 – 16 Schüler" counts pupils with both its numbers: it does not answer "Wie viele
    Lehrkräfte …?", as "16 Schüler" does not. Before, the first number, with no noun after
    it, kept the sentence a possible answer."""
    assert states_count(sentence, "Wie viele Lehrkräfte unterrichten die Gruppe?") is counts


def test_how_much_teaching_is_measured_in_hours_that_need_not_name_it() -> None:
    """ "Wie viel Unterricht pro Tag …?" is measured in hours, which name what they measure
    ("täglich vier Stunden Deutsch" need not say "Unterricht"), as "20 Wochenstunden" answer
    "Wie viele Wochenstunden …?" (``counted``). Before, the hours had to stand beside the
    question's rarest word, and an adjective before the teaching made the question untyped
    ("zusätzlichen Deutschunterricht") or a money question ("zusätzliche Deutschförderung")."""
    for question in (
        "Wie viel Unterricht pro Tag bekommen die Kinder?",
        "Wie viel zusätzlichen Deutschunterricht bekommen die Kinder?",
    ):
        expects = frame_question(question).expects
        assert (expects.kind, expects.unit, expects.counted) == ("unit", "stunden-minuten", True)
    assert frame_question("Wie viel zusätzliche Deutschförderung bekommen sie?").expects.kind == ""


def test_the_holder_of_the_asked_role_answers_beside_the_sentence_on_the_topic() -> None:
    """ "Wer leitet die Platzhalterschule in Feldau?" on a page whose opening names the school
    but no head: "…, sagt Schulleiterin Jana Beispiel" further down answers, though that
    sentence alone is far less likely to be on the topic. Before, it was refused as a near
    miss. A teacher named there is no head, and a holder on another page needs the topic."""
    opening = "An der Platzhalterschule in Feldau lernen Kinder aus vielen Ländern Deutsch."
    question = "Wer leitet die Platzhalterschule in Feldau?"
    policy = RefusalPolicy(threshold=0.5)
    for holder, found in [
        ("„Das klappt gut“, sagt Schulleiterin Jana Beispiel.", True),
        ("„Das klappt gut“, sagt Lehrerin Jana Beispiel.", False),
    ]:
        best, named = _scored([opening, holder], {0: 0.75, 1: 0.17})
        candidates = (replace(best, unmet=("Art: person",)), named)
        evidence = _evidence(question, {"c": [opening, holder]}, candidates)
        assert policy.decide(evidence).found is found
    best, named = _scored([opening, holder], {0: 0.75, 1: 0.17})
    other_page = replace(named, chunk=replace(named.chunk, doc_id="andere.pdf"))
    candidates = (replace(best, unmet=("Art: person",)), other_page)
    evidence = _evidence(question, {"c": [opening, holder]}, candidates)
    assert not policy.decide(evidence).found


def test_a_start_asked_for_a_year_is_not_met_by_what_holds_since_an_earlier_one() -> None:
    """ "Ab wann gilt die Vorschrift aus dem Jahr 2023?" asks when a thing of 2023 starts:
    what holds "seit Oktober 2016" started then, not in 2023 (it was quoted as the answer).
    "Wann …?" alone still takes a rule that holds since an earlier year."""
    sentence = "Das Verfahren wird seit Oktober 2016 flächendeckend eingesetzt."
    chunk = Chunk("d", "d.pdf", 0, sentence, "", 1, 1, meta=META)
    start = frame_question("Ab wann gilt die neue Vorschrift aus dem Jahr 2023?")
    assert unmet_requirements(start, sentence, chunk) == ("Zeit: das Jahr 2023",)
    assert unmet_requirements(start, "Die Vorschrift gilt ab dem 1. August 2023.", chunk) == ()
    held = frame_question("Wann findet 2023 die Sommerschule statt?")
    rule = "Seit 2016 findet die Sommerschule in den letzten beiden Ferienwochen statt."
    assert unmet_requirements(held, rule, chunk) == ()


def test_a_year_dated_by_a_month_is_not_met_by_what_holds_since_an_earlier_one() -> None:
    """ "Welche Fassungen wurden im Dezember 2023 aktualisiert?" asks about that point in
    time: "Seit Mai 2019 liegt die Broschüre vor" says nothing about December 2023 (it was
    quoted as the answer). A sentence of that month meets it; a year alone still takes what
    holds since an earlier year."""
    chunk = Chunk("d", "d.pdf", 0, "", "", 1, 1, meta=META)
    dated = frame_question(
        "Welche Fassungen der Elternbroschüre wurden im Dezember 2023 aktualisiert?"
    )
    assert unmet_requirements(dated, "Seit Mai 2019 liegt die Elternbroschüre vor.", chunk) == (
        "Zeit: das Jahr 2023",
    )
    updated = "Im Dezember 2023 wurden die arabische und die türkische Fassung aktualisiert."
    assert unmet_requirements(dated, updated, chunk) == ()
    held = frame_question("Welche Fassungen der Elternbroschüre gibt es 2023?")
    assert unmet_requirements(held, "Seit Mai 2019 liegt die Elternbroschüre vor.", chunk) == ()


def test_a_year_cut_short_counts_nothing() -> None:
    """ "Bündnis ’90", "Sommer '22": two digits after an apostrophe are a year, no count
    ("Wie viele Sprachmittler …?" was answered by a sentence on the party's motion)."""
    asked = "Wie viele Sprachmittler arbeiten für die Schulsprachmittlung in Feldau?"
    motion = "Dem Antrag der Fraktion Bündnis ’90/Die Grünen wurde zugestimmt."
    assert not states_count(motion, asked)
    assert not states_count("Im Sommer '22 begann die Sprachmittlung.", asked)
    assert states_count("Für die Schulsprachmittlung arbeiten 90 Sprachmittler.", asked)


def test_a_school_year_asked_for_is_a_time() -> None:
    """ "Ab welchem Schuljahr …?" asks for a time as "Wann …?" does: a sentence that names
    none ("Der Rat spricht sich für eine Neukonzeption aus") does not answer it, "Eckpunkte der
    für das Schuljahr 2015/2016 angestrebten Neukonzeption" does, and so does "zum neuen
    Schuljahr" (no strict year: the year need not stand beside the asked thing's name)."""
    asked = frame_question("Ab welchem Schuljahr will Feldau die neue Beschulung umsetzen?")
    assert asked.expects.kind == "when"
    chunk = Chunk("d", "d.pdf", 0, "", "", 1, 1, meta=META)
    council = "Der Rat spricht sich für eine Neukonzeption der Beschulung aus."
    assert unmet_requirements(asked, council, chunk) == ("Art: when",)
    points = "Eckpunkte der für das Schuljahr 2015/2016 angestrebten Neukonzeption sind:"
    assert unmet_requirements(asked, points, chunk) == ()
    assert unmet_requirements(asked, "Sie beginnt zum neuen Schuljahr.", chunk) == ()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Welche Sprechzeiten hat das Schulamt?", "hours"),
        ("Wann ist die Sprechstunde des Jugendmigrationsdienstes?", "hours"),
        ("Zu welchen Zeiten ist das KI erreichbar?", "hours"),
        # the opening asks for something else: the office hours are only what it is about
        ("In welcher Straße bietet der Jugendmigrationsdienst seine Sprechstunde an?", "address"),
        ("Wo findet die offene Sprechstunde statt?", ""),
        ("In welchen Sprachen berät das Amt in seinen Sprechstunden?", "language"),
        ("Wie lange dauert eine Sprechstunde?", "duration"),
    ],
)
def test_office_hours_are_the_type_only_where_the_question_asks_for_them(
    question: str, kind: str
) -> None:
    """A question naming office hours asks for them only when its own opening does: "In
    welcher Straße … Sprechstunde?" asks for a street (before it was refused as a near miss,
    since no sentence there gives hours)."""
    assert frame_question(question).expects.kind == kind


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Jan Weber, StD i.BV Koordinator Seiteneinstieg", True),
        ("Eva Roth, die neue Schulleiterin", True),
        ("Eva Roth, Schulrätin", True),
        ("Neue Wege, neue Chancen für die Schule", False),
    ],
)
def test_a_person_is_named_before_the_titles_and_the_office_of_a_contact_card(
    sentence: str, named: bool
) -> None:
    """A contact card abbreviates a civil servant's titles between the name and the office
    ("StD", "OStD", "i.BV"); the person is still named in that office. (Placeholder names.)"""
    assert states_type(Expectation("person"), sentence) is named


@pytest.mark.parametrize(
    ("question", "abbreviation"),
    [
        ("Wofür steht die Abkürzung DaZ an der Sekundarschule in Feldau?", "DaZ"),
        ("Wofür steht das Kürzel UKEA an Schulen im Kreis Wendau?", "UKEA"),
        ("Was bedeutet die Abkürzung IFK?", "IFK"),
        ("Wofür stehen die Buchstaben BuT?", "BuT"),
        ("Wofür steht InteA im Kreis Wendau?", "InteA"),  # a short form as the ingest reads one
        ("Was bedeutet Clearing in Feldau?", ""),  # a word, no abbreviation
        ("Wofür steht die Schule in Feldau?", ""),
        ("Wofür steht das BuT-Geld in Feldau zur Verfügung?", ""),  # what it is for
    ],
)
def test_what_an_abbreviation_stands_for_is_asked_by_its_letters(
    question: str, abbreviation: str
) -> None:
    """ "Wofür steht die Abkürzung DaZ?" asks for the words the abbreviation is short for."""
    expects = frame_question(question).expects
    assert (expects.kind, expects.unit) == (
        ("expansion", abbreviation) if abbreviation else ("", "")
    )


@pytest.mark.parametrize(
    ("sentence", "abbreviation", "spelled"),
    [
        ("Das Fach heißt Deutsch als Zielsprache (DaZ).", "DaZ", True),
        (
            "VABO (Vorqualifizierungsjahr Arbeit/Beruf ohne Deutschkenntnisse) ist neu.",
            "VABO",
            True,
        ),
        ("IFK: Internationale Förderklasse am Berufskolleg", "IFK", True),
        # the abbreviation in the sentence before: "Das Kurzwort steht für …"
        ("Das Kurzwort steht für Ukrainisches Ergänzungsangebot.", "UKEA", True),
        # a list after a colon, an aside in brackets skipped
        (
            "Ziele folgen dem SMART-Prinzip: spezifisch, messbar, attraktiv (also akzeptiert), "
            "realistisch und terminiert.",
            "SMART",
            True,
        ),
        ("Die IFK hat zwei Klassen: eine für Anfänger, eine für Fortgeschrittene.", "IFK", False),
        ("Im VABO lernen die Jugendlichen Deutsch.", "VABO", False),
        ("Die Klassen (DaZ) lernen viel.", "DaZ", False),  # brackets after other words
        ("Die Schule steht für Vielfalt.", "IFK", False),
    ],
)
def test_an_abbreviation_is_spelled_out_by_words_with_its_letters(
    sentence: str, abbreviation: str, spelled: bool
) -> None:
    """Words next to the abbreviation in brackets, after a colon or after "steht für", that
    start with its first letter and hold its letters in order, spell it out."""
    assert expands(sentence, abbreviation) is spelled


@pytest.mark.parametrize(
    ("question", "sentence", "meets"),
    [
        (
            "Welches Deutschniveau müssen Bewerber in Feldau mitbringen?",
            "Voraussetzung sind fundierte Deutschkenntnisse, mindestens auf B2-Niveau.",
            True,
        ),
        (
            "Welches Deutschniveau müssen Bewerber in Feldau mitbringen?",
            "Die Bewerbung erfolgt über die Webseite des Programms.",
            False,
        ),
        (
            "Auf welchem Sprachniveau beginnen die Kinder in Feldau?",
            "Kinder, die noch nicht lesen können, beginnen auf der Alphabetisierungsstufe.",
            True,
        ),
        ("Welche Niveaustufe erreichen die Jugendlichen in Feldau?", "Sie erreichen A2.2.", True),
        # asked besides something else, the level is no requirement
        (
            "Welches Deutschniveau brauchen sie, und wo melden sie sich in Feldau an?",
            "Sie melden sich beim Schulamt an.",
            True,
        ),
    ],
)
def test_a_language_level_asked_alone_wants_a_level(
    question: str, sentence: str, meets: bool
) -> None:
    """ "Welches Deutschniveau …?" asking nothing else is answered only by a sentence that
    names a level (of the European framework, or a stage by its name), as "Wie lange …?" by
    a duration."""
    frame = frame_question(question)
    assert frame.expects.kind == "level"
    chunk = Chunk("d", "d.pdf", 0, sentence, "", 1, 1, meta=META)
    assert (unmet_requirements(frame, sentence, chunk) == ()) is meets


@pytest.mark.parametrize(
    ("sentence", "street"),
    [
        ("Heidauer Str. 140", True),
        ("Kommunales Integrationszentrum Heidauer Straße 140 29999 Feldau", True),
        ("… bei einem Besuch der Lindenschule im Wendauer Weg überzeugen.", True),
        ("In der Lauterstraße gingen mehrere Anfragen ein.", True),
        ("Kirchweg 4, 29999 Feldau", True),
        ("Bahnhofstrasse 12, 8999 Wendau", True),  # as the Swiss write it
        ("Am Alten Markt 3", True),
        ("Der Weg in die Schule ist für viele Kinder weit.", False),
        ("Der Bildungsweg der Kinder ist verschieden.", False),
        ("Ein Ausbildungsplatz ist noch frei.", False),
    ],
)
def test_an_address_is_a_street(sentence: str, street: bool) -> None:
    """A street is what "Unter welcher Adresse …?" asks for: a compound of "Straße", a name
    before a street word, or a compound of another street word with its house number
    ("Bildungsweg" and "Ausbildungsplatz" are no streets). Asked alone it is preferred, not
    required: a page may give its address in a form these patterns do not know."""
    expects = frame_question("Unter welcher Adresse findet man das KI?").expects
    assert states_type(expects, sentence) is street


@pytest.mark.parametrize(
    ("sentence", "room"),
    [
        ("Haus B, Zimmer 12", True),
        ("Lindenstr. 5, 12345 Feldau (3. Etage)", True),
        ("Das Familienbüro ist im Rathaus Wendau, Raum A 2.10, zu finden.", True),
        ("Das Jugendbüro liegt in der dritten Etage, die Kasse darunter.", True),
        ("Die Beratung findet im Erdgeschoss statt.", True),
        ("Zi. 12, Tel. 01234 5678", True),
        ("Im Raum Feldau gibt es zwölf Kitas.", False),
        ("Das Familienbüro ist im Rathaus in Feldau.", False),
        ("Das Büro ist 20 Stunden in der Woche besetzt.", False),
    ],
)
def test_a_room_question_is_answered_by_a_room_or_floor(sentence: str, room: bool) -> None:
    """ "In welchem Zimmer …?", "Auf welcher Etage …?" ask for a room or floor, which a
    contact block gives by its number ("Zimmer 12", "3. Etage") or a floor by its name.
    Before, such a question expected nothing in particular and was answered with the
    office's description above its contact block. (Placeholder text.)"""
    assert _stated("In welchem Zimmer sitzt das Familienbüro in Feldau?", "room", sentence) is room


@pytest.mark.parametrize(
    ("sentence", "group", "named"),
    [
        ("Der Verein will nach Aussage seines Vorsitzenden Jan Weber wachsen.", "vorsitzend", True),
        ("Das sagte der Vorsitzende Jan Weber im Ausschuss.", "vorsitzend", True),
        ("Laut dem Beigeordneten Jan Weber fehlen Räume.", "dezernent", True),
        ("Dem Vorsitzenden wurde für seine Arbeit gedankt.", "vorsitzend", False),
    ],
)
def test_a_role_of_an_adjective_noun_names_its_holder_in_every_case(
    sentence: str, group: str, named: bool
) -> None:
    """ "der Vorsitzende", "des/dem/den Vorsitzenden": a role named by an adjective as a noun
    ends in "-n" after an article or a possessive, and "nach Aussage seines Vorsitzenden Jan
    Weber" names the chair ("Wer ist Vorsitzender …?" was refused). (Placeholder names.)"""
    assert states_type(Expectation("person", group), sentence) is named


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("„Sie lernen schnell“, erläutert Eva Roth Leiterin der OGS in Feldau.", True),
        ("„Sie lernen schnell“, erläutert Eva Roth, Leiterin der OGS in Feldau.", True),
        ("Die Leiterin der OGS in Feldau erläutert das Konzept.", False),
        ("Die Neue Schulleiterin der Grundschule beginnt im Mai.", False),
    ],
)
def test_a_name_before_its_role_needs_no_comma_when_the_role_is_of_something(
    sentence: str, named: bool
) -> None:
    """A page may leave out the comma between a name and the role it holds ("erläutert Eva
    Roth Leiterin der OGS"); the role tied to what it is the role of still names the holder
    ("Wer leitet die OGS …?" was refused). An article and an adjective before a role name
    nobody. (Placeholder names.)"""
    assert states_type(Expectation("person", "leit"), sentence) is named


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("36 von 155 Kindern in ihrer Betreuung kommen aus Familien mit Fluchterfahrung.", False),
        ("Im Platzhalterhort arbeiten sechs Erzieherinnen und ein Sozialpädagoge.", True),
        ("Dazu kommen 2,5 Stellen für die Betreuung.", True),
    ],
)
def test_a_kita_s_or_hort_s_staff_is_counted_by_staff_not_by_the_children(
    sentence: str, counted: bool
) -> None:
    """ "Wie viele Erzieherinnen …?" counts the staff of a Hort as "Wie viele Lehrkräfte …?"
    counts a school's: "36 von 155 Kindern" counts children (both numbers: a part and its
    whole), and was quoted as the answer. (Placeholder text.)"""
    asked = "Wie viele Erzieherinnen arbeiten im Platzhalterhort in Feldau?"
    assert states_count(sentence, asked) is counted
    assert states_count(sentence, "Wie viele Kinder betreut der Platzhalterhort insgesamt?") is (
        "Kindern" in sentence
    )


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Der Verband händigte die Urkunde an Eva Roth als zuständige KI-Mitarbeiterin aus.", True),
        ("Seit Mai arbeitet Jan Weber als Koordinator im Schulamt.", True),
        ("Die Schule als Koordinatorin des Netzes lädt ein.", False),
        ("Das KI hat die Urkunde als Regionalkoordination erhalten.", False),
    ],
)
def test_a_role_given_with_als_names_its_holder(sentence: str, named: bool) -> None:
    """ "an Eva Roth als zuständige KI-Mitarbeiterin": the role a person holds, given with
    "als" after the name, names that person ("Welche Mitarbeiterin …?" was refused). An
    article opens no name. (Placeholder names.)"""
    assert states_type(Expectation("person"), sentence) is named


@pytest.mark.parametrize(
    ("sentence", "answers"),
    [
        ("16.07.18, 14:02", False),
        ("25.01.19, 06:13 Uhr", False),
        ("Am 16.07.18 um 14 Uhr beginnt der Kurs.", True),
        ("- Plätze: 12", True),
    ],
)
def test_a_time_stamp_alone_states_nothing(sentence: str, answers: bool) -> None:
    """A line of figures alone ("16.07.18, 14:02") stamps a post or a comment with its time,
    as a date line does: it was quoted first for "Bis wann …?". A sentence or a table row
    with words still answers."""
    when = frame_question("Bis wann kamen die Kinder in Feldau direkt in die Regelklassen?")
    assert answers_anything(sentence, when) is answers


@pytest.mark.parametrize(
    ("sentence", "chrome"),
    [
        (
            "zum Hauptinhalt wechseln zum Hauptmenü wechseln zum Fußbereich wechseln Uni Feldau",
            True,
        ),
        ("Zum Inhalt springen", True),
        ("zum Hauptinhalt", True),
        ("Direkt zur Navigation springen Stadt Feldau Bildung", True),
        (
            "Sie können direkt zu diesen Bereichen springen: Startseite Alt+0 "
            "Navigation Alt+1 Inhalt Alt+2 Suche Alt+3",
            True,
        ),
        ("Schrift verkleinernSchrift vergrößernAusgangsgröße", True),
        ("Inhalte auf der Seite", True),
        ("Die Kinder wechseln zum Halbjahr in die Regelklasse.", False),
        ("Der Kurs führt zum Hauptinhalt der Prüfung hin.", False),
        ("Die Inhalte auf der Seite des Schulamts gibt es in fünf Sprachen.", False),
        ("In der Schrift vergrößern die Kinder zuerst die Buchstaben.", False),
    ],
)
def test_a_web_page_s_skip_links_are_no_answer(sentence: str, chrome: bool) -> None:
    """A web page saved as text keeps its skip links, often several in one line with the
    site's name ("zum Hauptinhalt wechseln zum Hauptmenü wechseln …", "Startseite Alt+0"),
    and its font size buttons: page furniture, which was quoted as an answer. A sentence
    using the words otherwise is none. (Placeholder text.)"""
    chunk = Chunk("t", "seite.txt", 0, "", "", 1, 1, meta=META)
    assert is_boilerplate(sentence, chunk, 1) is chrome


def test_a_list_does_not_lead_in_with_a_page_s_skip_links() -> None:
    """A list item is quoted with the line its list continues ("Das KI übernimmt:"); on a
    web page saved as text that line may be its skip links ("zum Hauptinhalt wechseln …"),
    which were quoted before the list. (Placeholder text.)"""
    page = ["zum Hauptinhalt wechseln zum Hauptmenü wechseln Uni Feldau", "- Informationen"]
    assert _lead_in(page, 1) == -1
    assert _lead_in(["Das KI übernimmt", "- die Beratung"], 1) == 0


@pytest.mark.parametrize(
    ("question", "kept", "dropped"),
    [
        ("Zu welchen Zeiten ist die Außenstelle in Feldau geöffnet?", "aussenstell", "zeit"),
        ("Um welche Uhrzeit beginnt der Elterntreff?", "elterntreff", "uhrzeit"),
        ("Bis zu welchem Alter dürfen Kinder in die Spielgruppe?", "spielgrupp", "alt"),
        ("Welches Mindestalter gilt für die Jugendgruppe?", "jugendgrupp", "mindestalt"),
        ("Für welchen Zeitraum gilt der Bibliotheksausweis?", "bibliotheksausweis", "zeitraum"),
    ],
)
def test_the_word_for_the_kind_of_answer_is_no_topic(
    question: str, kept: str, dropped: str
) -> None:
    """The noun that names the kind of value asked for (the times, the age, the span) is no
    topic a sentence must name: "von 9 bis 12 Uhr", "bis 14 Jahre", "von Mai bis September"
    state it without the word, as "0221 …" states a "Telefonnummer"."""
    frame = frame_question(question)
    terms = tuple(analyze(question))
    topic = _without_type_nouns(Query(question, terms, (), ()), frame.expects, question)
    assert kept in topic.terms and dropped not in topic.terms
