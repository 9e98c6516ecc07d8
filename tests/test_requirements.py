"""What a question requires besides its topic: answer type, years, places; near misses."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from assistant import gazetteer
from assistant.constraints import unmet_requirements
from assistant.evidence import Candidate, Evidence
from assistant.german import fold_plain
from assistant.lexical import Query
from assistant.places import Municipalities, distinctive_words, noun_stems, typed_names
from assistant.question import Frame, YearSpec, frame_question, years_in
from assistant.refusal import Decision, RefusalPolicy
from assistant.statements import states_type
from assistant.types import Chunk, DocumentMeta, Page
from ingest.gazetteer_build import write_gazetteer
from ingest.infer import Basis, _typed_nouns, infer_metadata
from ingest.metadata import document_meta
from ingest.pipeline import reinferred_kommunen


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Wie viel bekommt eine Sprachmittlerin pro Einsatzstunde?", "money"),
        ("Was kostet die Qualifizierungsreihe im Jahr?", "money"),
        ("Wie hoch sind die Kita-Gebühren für geflüchtete Familien?", "money"),
        ("Wer trägt die Kosten für den Schulbus?", ""),
        ("Wie viele Kinder bekommen einen Platz?", "count"),
        ("In wie vielen Sprachen gibt es den Elternbrief?", "count"),
        ("Nach wie vielen Jahren endet die Erstförderung?", "unit"),
        ("Wie lange dauert die Potenzialanalyse in Minuten?", "unit"),
        ("Welcher Anteil der Jugendlichen erreicht einen Abschluss?", "percent"),
        ("Unter welcher Telefonnummer erreicht man die Clearingstelle?", "contact"),
        ("Wie heißt die Leiterin des Integrationszentrums?", "person"),
        ("Wer ist Schulleiterin der Astrid-Lindgren-Schule in Feldau?", "person"),
        ("Wie heißt der Feldauer Schulrat, der die Klassen betreut?", "person"),
        ("Wie heißt die zusätzliche Lehrkraft der Seiteneinsteiger-Klasse?", "person"),
        ("Wie heißen die beiden neuen Bildungskoordinatoren im KI?", "person"),
        ("Wie heißt die ukrainische Klassenlehrerin der Intensivklasse?", "person"),
        ("Welche Deutschlehrerin unterrichtet die Gruppe in Feldau?", "person"),
        # a "-kraft" names a person as "Lehrkraft" does
        ("Wie heißt die Pflegefachkraft der Lindenschule in Feldau?", "person"),
        ("Welche Honorarkräfte betreuen die Ferienspiele in Wendau?", "person"),
        ("Wie viele Fachkräfte arbeiten im Familienbüro?", "count"),
        ("Wer ist der Träger der Sprachkurse?", ""),
        ("Wer leitet die Sitzungen?", ""),
        ("Wer leitet in Feldau das Berufliche Schulzentrum?", "person"),
        ("Wer leitet das Kommunale Integrationszentrum im Kreis Feldau?", "person"),
        ("Wie lange dürfen Kinder in der Fördergruppe bleiben?", "duration"),
        ("Nach welcher Zeit wechseln die Kinder in eine Regelklasse?", "duration"),
        ("Wie lange dauert die Hausaufgabenhilfe?", "duration"),
        # "Bis wann dauert …?" asks when it ends, not how long it lasts
        ("Bis wann dauert die Hausaufgabenhilfe nachmittags?", "when"),
        ("Für welches Alter gilt die Schulpflicht?", "age"),
        ("Welches Mindestalter gilt für Sprachmittler?", "age"),
        ("Welches Alter haben die Kinder der Klasse?", "age"),
        ("Welche Altersspanne haben die Schüler der Intensivklasse?", "age"),
        ("Welche Altersgruppen besuchen die Sprintklassen?", "age"),
        ("Wie viel Deutschunterricht bekommen die Kinder täglich?", "unit"),
        ("Wie viel Unterricht erhalten Seiteneinsteiger pro Woche?", "unit"),
        ("Wie viel Zeit haben die Schulen für die Aufnahme?", "duration"),
        ("Wer führt die Erstberatung durch?", ""),
        ("An welchem Tag beginnt die Schulberatung?", "date"),
        ("Um wie viel Uhr öffnet das Elterncafé?", "clock"),
        ("Zu welcher Uhrzeit beginnt der Platzhalterkurs?", "clock"),
        ("Zu welchen Uhrzeiten läuft die Nachmittagsbetreuung?", "clock"),
        ("Für Kinder welchen Alters ist das Spielhaus gedacht?", "age"),
        ("Wie teuer ist die externe Prüfung in Feldau?", "money"),
        # a postal address; an "E-Mail-Adresse" is a contact
        ("Unter welcher Adresse findet man das KI in Feldau?", "address"),
        ("In welcher Straße liegt die Lindenschule?", "address"),
        ("Wie lautet die Anschrift des Schulamts?", "address"),
        ("Welche E-Mail-Adresse nennt das KI?", "contact"),
        # a room or floor of a building
        ("In welchem Zimmer sitzt das Familienbüro in Feldau?", "room"),
        ("Auf welcher Etage ist das Familienbüro im Rathaus Wendau?", "room"),
        ("In welchem Stockwerk arbeitet die Schulberatung?", "room"),
        ("Welche Raumnummer hat die Beratung?", "room"),
        ("Im Raum Feldau: wie viele Kitas gibt es?", "count"),
        ("Welches Büro berät Familien in Feldau?", ""),
        # a person's name by a role; the words before the role are adjectives, so the name of
        # the head's cat is no person's
        ("Wie heißt die neue Schulleiterin der Lindenschule?", "person"),
        ("Wie heißt die Katze der Schulleiterin der Lindenschule?", ""),
        # an office, service or association is led by a person; a meeting may be led by a body
        ("Wer leitet die Beratungsstelle in Feldau?", "person"),
        ("Wer leitet den Sozialdienst in Feldau?", "person"),
        ("Wer leitet die Familienhilfe in Wendau und wer in Hohenfurt?", "person"),
        ("Wer leitet die Sitzungen des Beirats?", ""),
    ],
)
def test_expected_answer_type(question: str, kind: str) -> None:
    assert frame_question(question).expects.kind == kind


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Das Prinzip, erklärt Eva Roth, Leiterin der Lindenschule, ist einfach.", True),
        ("„Wir integrieren schnell“, sagt Schulrat Jan Weber.", True),
        ("„Das ist mein Anliegen“, sagt Lehrerin Eva Roth-Kaya.", True),
        ("Die Schulleiterin Frau Kaya begrüßt die Familien.", True),
        ("Die Leiterin der Lindenschule begrüßt die Familien.", False),
        ("Das KI berät, die Leitung hat das Schulamt.", False),
        # a role with its genitive, then the name
        ("Das bedauert die Leiterin der Lindenschule, Eva Roth-Kaya.", True),
        ("Das sagt die Rektorin der Lindenschule, Eva Roth.", True),
        # the role in the genitive, a family name with its particle
        ("Sie sind nach Aussage des Schulleiters Jan von Berg willkommen.", True),
        ("Das bestätigt Lehrerin Eva van der Linde.", True),
        ("Das plant der Kreis nach Aussage des Schulleiters.", False),
        ("Die Lehrerin unterrichtet Kinder von Geflüchteten.", False),
        # the role as what the person is
        ("Eva Roth ist auch Lehrerin, sie leitet zudem die Theater-AG der Schule.", True),
        ("Jan Weber ist seit 2019 Schulleiter in Feldau.", True),
        ("Eva Roth ist die Mutter der Lehrerin.", False),
    ],
)
def test_a_person_is_named_with_a_form_of_address_or_beside_a_role(
    sentence: str, names: bool
) -> None:
    """ "Wie heißt die Person …?" is answered by a name: with "Frau"/"Herr" or, as a
    newspaper writes it, a given and a family name beside a role (before or after it, or
    after the role with its genitive)."""
    expects = frame_question("Wie heißt die Person, die an der Lindenschule hilft?").expects
    assert expects.kind == "person"
    assert states_type(expects, sentence) is names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("„Hier passiert viel“, sagt Eva Roth, die Integrationsbeauftragte der Gemeinde.", True),
        ("Die Integrationsbeauftragte Eva Roth lädt zum Elterncafé ein.", True),
        ("Ansprechpartnerin ist Frau Kaya vom Schulamt.", True),
        ("Die Integrationsbeauftragte lädt zum Elterncafé ein.", False),
    ],
)
def test_an_office_named_beside_a_name_names_its_holder(sentence: str, names: bool) -> None:
    """ "Wie heißt die Integrationsbeauftragte …?" asks for a person by an office, as it
    may by a role; a sentence names the holder as it names a role's, by the name beside the
    office. Before, only roles ("Leiterin", "Lehrer") were recognised beside a name, and
    the name of the asked office's holder was not taken for an answer."""
    expects = frame_question("Wie heißt die Integrationsbeauftragte der Gemeinde?").expects
    assert expects.kind == "person"
    assert states_type(expects, sentence) is names


def test_a_person_asked_by_role_is_not_answered_by_the_holder_of_another_role() -> None:
    """ "Wie heißt die Lehrkraft …?" is not answered by the name of the school's head, and
    "Wer leitet …?" not by a teacher's; a name without a role may be either."""
    teacher = frame_question("Wie heißt die Lehrkraft der Vorbereitungsgruppe?").expects
    head = "Das teilte der Schulleiter des Lindengymnasiums, Jan Weber, mit."
    assert not states_type(teacher, head)
    assert states_type(teacher, "Die Gruppe unterrichtet Lehrerin Eva Roth.")
    assert states_type(teacher, "Die Gruppe unterrichtet Frau Roth.")
    # the role as a compound's last part asks for the same group of roles
    class_teacher = frame_question("Wie heißt die Klassenlehrerin der Gruppe?").expects
    assert class_teacher.unit == "lehr"
    assert not states_type(class_teacher, head)
    leads = frame_question("Wer leitet die Lindenschule?").expects
    assert states_type(leads, head)
    assert states_type(leads, "Das teilte der Konrektor der Lindenschule, Jan Weber, mit.")
    assert not states_type(leads, "Die Gruppe unterrichtet Lehrerin Eva Roth.")


def test_the_others_of_a_named_school_are_not_that_school() -> None:
    """ "An den anderen Gesamtschulen …" speaks of every Gesamtschule but the one the question
    names ("der Gesamtschule Lindenhof"); its hours are not that school's. A sentence that
    names the school too, or a question about Gesamtschulen in general, is not affected."""
    frame = frame_question("Wie viele Wochenstunden Deutsch gibt es an der Gesamtschule Lindenhof?")
    others = "An den anderen Gesamtschulen werden sie acht Wochenstunden herausgenommen."
    assert unmet_requirements(frame, others, _chunk(others)) == ("Ort: Gesamtschule Lindenhof",)
    both = "Anders als an den anderen Gesamtschulen hat die Gesamtschule Lindenhof 20 Stunden."
    assert unmet_requirements(frame, both, _chunk(both)) == ()
    general = frame_question("Wie viele Wochenstunden Deutsch gibt es an Gesamtschulen?")
    assert unmet_requirements(general, others, _chunk(others)) == ()


def test_years_and_school_years() -> None:
    assert years_in("im Schuljahr 2023/24 und 2025") == (YearSpec(2023, 2024), YearSpec(2025))
    assert years_in("Az. 2020/2030 und Seite 12") == (YearSpec(2020),)
    # a date names its year; a longer number does not
    assert years_in("Stichtag (28.10.2015) und ab dem 1.8.2024") == (YearSpec(2015), YearSpec(2024))
    assert years_in("Vorgang Nr. 1.2015, Tel. 02361.2015") == ()


def test_a_count_dated_by_its_sentence_meets_the_asked_year() -> None:
    frame = frame_question("Wie viele Kinder wurden Ende Oktober 2015 in Feldau gefördert?")
    sentence = "Zum Stichtag (28.10.2015) werden an Feldauer Schulen 124 Kinder gefördert."
    assert unmet_requirements(frame, sentence, _chunk(sentence)) == ()
    later = sentence.replace("2015", "2016")
    assert unmet_requirements(frame, later, _chunk(later)) == ("Zeit: das Jahr 2015",)


META = DocumentMeta("k.pdf", "Konzept Feldau", kommune="Stadt Feldau", stand="2024-05-01")


def _inferred_kommune(text: str, file_name: str = "dokument_02.txt") -> str:
    """The municipality ingest infers for a one-page file of ``text`` without manifest entry."""
    return infer_metadata([Page(file_name, 1, text)], "", file_name=file_name).kommune


def _gazetteer_lists(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Let the gazetteer list only ``names`` (fictional towns), as written and folded."""
    monkeypatch.setattr(gazetteer, "_names", lambda: names)
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset(map(fold_plain, names)))


def _chunk(text: str, meta: DocumentMeta = META) -> Chunk:
    return Chunk("c1", meta.doc_id, 0, text, "Erstberatung", 1, 1, meta=meta)


def _near_miss(frame: Frame, chunk: Chunk) -> Decision:
    """The refusal decision when ``chunk``'s text is the only candidate."""
    unmet = unmet_requirements(frame, chunk.text, chunk)
    candidate = Candidate(chunk.text, chunk, 0, 0, (), 0.9, frozenset(), unmet)
    evidence = Evidence(Query(frame.text, (), (), ()), (), {}, (candidate,), (), 0.9, frame)
    return RefusalPolicy(threshold=0.3).decide(evidence)


def test_how_many_units_of_time_needs_an_amount_in_such_a_unit() -> None:
    """ "Wie viele Wochenstunden …?" is not answered by a count of children; hours answer
    it, and any period answers "wie viele Jahre" ("24 Monate")."""
    hours = frame_question("Wie viele Wochenstunden Deutsch haben die Kinder in Feldau?")
    assert hours.expects.kind == "unit"
    sentences = {
        "In Feldau besuchen rund 300 Kinder 20 Klassen.": False,
        "Sie lernen in Feldau 10 bis 12 Wochenstunden Deutsch.": True,
        "In Feldau gibt es täglich zwei Stunden Deutsch.": True,
    }
    for sentence, meets in sentences.items():
        assert (unmet_requirements(hours, sentence, _chunk(sentence)) == ()) is meets, sentence
    years = frame_question("Wie viele Jahre dürfen Kinder in Feldau in der Gruppe bleiben?")
    sentence = "In Feldau bleiben Kinder höchstens 24 Monate in der Gruppe."
    assert unmet_requirements(years, sentence, _chunk(sentence)) == ()
    after = frame_question("Nach wie vielen Jahren wechseln die Kinder in Feldau?")  # dative
    assert unmet_requirements(after, sentence, _chunk(sentence)) == ()
    count = "In Feldau wechseln 300 Kinder."
    assert unmet_requirements(after, count, _chunk(count)) != ()
    # an age is no span of time waited or spent
    days = frame_question("Wie viele Tage dauert es in Feldau bis zum Schulplatz?")
    age = "In Feldauer Kitas gibt es Plätze für Kinder im Alter von vier Monaten bis zur Schule."
    assert unmet_requirements(days, age, _chunk(age)) != ()
    wait = "In Feldau dauert es etwa zehn Tage bis zum Schulplatz."
    assert unmet_requirements(days, wait, _chunk(wait)) == ()
    assert frame_question("Wie viele Kinder kamen in Feldau an?").expects.kind == "count"
    # a compound counts in the unit of its last part
    compound = frame_question("Wie viele Deutschstunden pro Woche haben die Kinder in Feldau?")
    assert compound.expects == frame_question("Wie viele Stunden pro Woche?").expects
    week = "In Feldau haben die Kinder 16-18 Stunden Deutsch pro Woche."
    assert unmet_requirements(compound, week, _chunk(week)) == ()
    support = frame_question("Wie viele Förderstunden erhalten die Kinder in Feldau?")
    named = "Die Kinder in Feldau erhalten 14 Förderstunden je Woche."  # the compound itself
    assert unmet_requirements(support, named, _chunk(named)) == ()
    days = frame_question("An wie vielen Wochentagen ist die Servicestelle in Feldau offen?")
    assert days.expects.unit == "zeitraum"
    # a second question ("und wann …") is answered by sentences without the unit
    two = "Wie viele Monate dauert die Planung, und wann ist die Überarbeitung fällig?"
    assert frame_question(two).expects.kind == "count"


def test_a_sentence_about_another_year_does_not_answer() -> None:
    frame = frame_question("Wie viele Kinder kamen 2023 an?")
    chunk = _chunk("2024 kamen 410 Kinder an. 2022 waren es 380.")
    assert unmet_requirements(frame, "2024 kamen 410 Kinder an.", chunk) == ("Zeit: das Jahr 2023",)
    assert (
        unmet_requirements(
            frame_question("Wie viele kamen 2024 an?"), "2024 kamen 410 Kinder an.", chunk
        )
        == ()
    )


def test_a_rule_over_a_span_of_years_holds_for_the_years_in_it() -> None:
    """ "vor dem 1. Februar 2025" holds 2024, "ab dem Schuljahr 2025/26" does not; a figure
    ("Wie viele …?") is one year's and must name it, however the span reads."""
    old_rule = "Wer vor dem 1. Februar 2025 aufgenommen wurde, bleibt höchstens 18 Monate."
    new_rule = "Ab dem Schuljahr 2025/26 gilt eine Höchstdauer von zwölf Monaten."
    chunk = _chunk(f"{old_rule} {new_rule}")
    frame = frame_question("Wie lange dürfen Kinder bleiben, die 2024 kamen?")
    assert unmet_requirements(frame, old_rule, chunk) == ()
    assert unmet_requirements(frame, new_rule, chunk) == ("Zeit: das Jahr 2024",)
    later = frame_question("Wie lange dürfen Kinder 2026 bleiben?")
    assert unmet_requirements(later, new_rule, chunk) == ()
    trend = "Die Zahl der Neuzugänge ist seit dem Schuljahr 2017/18 zurückgegangen."
    count = frame_question("Wie viele Neuzugänge gab es im Schuljahr 2022/23?")
    assert unmet_requirements(count, trend, _chunk(trend)) == (
        "Zeit: das Schuljahr 2022/23",
        "Art: count",
    )


def test_a_place_must_be_named_by_the_evidence() -> None:
    frame = frame_question("Wie läuft die Erstberatung in Hohenfurt?", places=("Hohenfurt",))
    chunk = _chunk("Die Erstberatung findet im Rathaus statt.")
    assert unmet_requirements(frame, chunk.text, chunk) == ("Ort: Hohenfurt",)


def test_a_kreis_named_as_where_the_asked_town_lies_is_met_by_the_town(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "… im Kreis Feldau … in Lindenbrunn" names the Kreis as where its town lies: a sentence
    on Lindenbrunn is on a place in that Kreis. Before, it missed "Ort: Feldau" and the
    question was refused. Asked of the Kreis alone, the town's figure is none of the Kreis's;
    outside NRW the question's own words place the town ("in Wendau im Landkreis Ostmoor").
    (Fictional names; the NRW lookup of a town's Kreis is replaced.)"""
    from assistant import constraints

    monkeypatch.setattr(
        constraints, "kreis_of", lambda town: "Kreis Feldau" if town == "Lindenbrunn" else ""
    )
    text = "In die beiden Klassen in Lindenbrunn wurden jeweils 20 Schüler aufgenommen."
    chunk = _chunk(text, DocumentMeta("b.txt", "Bericht"))
    both = frame_question(
        "Wie viele Schüler wurden im Kreis Feldau in die Klassen in Lindenbrunn aufgenommen?",
        places=("Feldau", "Lindenbrunn"),
    )
    assert unmet_requirements(both, chunk.text, chunk) == ()
    kreis = frame_question(
        "Wie viele Schüler wurden im Kreis Feldau aufgenommen?", places=("Feldau",)
    )
    assert unmet_requirements(kreis, chunk.text, chunk) == ("Ort: Feldau",)
    # outside NRW there is no table: the question itself places the town in the Kreis
    for question in (
        "Wie viele Schüler wurden in Wendau im Landkreis Ostmoor aufgenommen?",
        "Wie viele Schüler wurden in Wendau (Landkreis Ostmoor) aufgenommen?",
    ):
        text = "In die beiden Klassen in Wendau wurden jeweils 20 Schüler aufgenommen."
        frame = frame_question(question, places=("Ostmoor", "Wendau"))
        assert unmet_requirements(frame, text, _chunk(text, DocumentMeta("c.txt", "B"))) == ()
    apart = frame_question(
        "Wie viele Schüler aus Wendau lernen im Landkreis Ostmoor?", places=("Ostmoor", "Wendau")
    )
    text = "Aus Wendau kommen 20 Schüler."
    unmet = unmet_requirements(apart, text, _chunk(text, DocumentMeta("c.txt", "B")))
    assert unmet == ("Ort: Ostmoor",)


def test_a_place_named_anywhere_in_a_document_places_all_its_sentences() -> None:
    """A place given with the documents that name it is required like any other, and met by
    every sentence of those documents; a sentence naming another place is not about it."""
    page = _chunk("Die Erstberatung findet im Rathaus statt.", DocumentMeta("p.txt", "Seite"))
    frame = frame_question(
        "Wie läuft die Erstberatung in Hohenfurt?", named_in=(("Hohenfurt", frozenset({"p.txt"})),)
    )
    assert frame.places == ("Hohenfurt",)
    assert unmet_requirements(frame, page.text, page) == ()
    other = _chunk("Die Erstberatung findet im Rathaus statt.", DocumentMeta("q.txt", "Seite"))
    assert unmet_requirements(frame, other.text, other) == ("Ort: Hohenfurt",)
    assert unmet_requirements(frame, "Im Kreis Feldau berät das Kreishaus.", page) == (
        "Ort: Hohenfurt",
    )


def test_a_question_about_the_whole_land_is_not_answered_by_a_municipality_s_figure() -> None:
    """ "… in NRW", "landesweit", "das Land NRW" ask about the Land: a municipality's
    document answers only with a sentence or heading about the Land; a document of no
    municipality (a ministry's page) answers with any. "des Schulministeriums NRW" names
    an authority, not the scope. (Placeholder figures.)"""
    frame = frame_question("Wie viele Kinder sind in NRW derzeit in der Platzhalterförderung?")
    assert frame.state
    own = "Derzeit sind 50 Kinder in der Platzhalterförderung."
    town = _chunk(own, DocumentMeta("f.txt", "Feldau", kommune="Stadt Feldau"))
    assert unmet_requirements(frame, own, town) == ("Ort: NRW",)
    land = "Landesweit sind 5000 Kinder in der Platzhalterförderung."
    assert unmet_requirements(frame, land, town) == ()
    ministry = _chunk(own, DocumentMeta("m.txt", "Platzhaltererlass"))
    assert unmet_requirements(frame, own, ministry) == ()
    for question in ("Was hat das Land NRW beschlossen?", "Gilt das landesweit?"):
        assert frame_question(question).state
    assert not frame_question("Wie heißt der Erlass des Schulministeriums NRW?").state


def test_the_land_is_named_by_its_short_or_long_name() -> None:
    """ "das Land NRW" is met by "vom Land Nordrhein-Westfalen", and the other way round; a
    sentence on another Land meets neither. (Placeholder figures.)"""
    kreis = DocumentMeta("f.txt", "Kreis Feldau", kommune="Kreis Feldau")
    frame = frame_question(
        "Mit wie viel Geld pro Kind fördert das Land NRW die Sprachförderung im Kreis Feldau?",
        ("NRW",),
    )
    long = "Die Sprachförderung wird vom Land Nordrhein-Westfalen mit 99 Euro pro Kind gefördert."
    assert unmet_requirements(frame, long, _chunk(long, kreis)) == ()
    other = long.replace("Nordrhein-Westfalen", "Niedersachsen")
    assert "Ort: NRW" in unmet_requirements(frame, other, _chunk(other, kreis))
    frame = frame_question(
        "Wie viel Geld gibt Nordrhein-Westfalen pro Kind für die Sprachförderung?",
        ("Nordrhein-Westfalen",),
    )
    short = "Für die Sprachförderung zahlt NRW 99 Euro pro Kind."
    assert unmet_requirements(frame, short, _chunk(short, kreis)) == ()


@pytest.mark.parametrize(
    ("land", "sentence", "names"),
    [
        ("Bayern", "Derzeit unterrichten 99 Lehrkräfte in den bayerischen Brückenklassen.", True),
        ("Hessen", "An hessischen Schulen unterrichten 99 Lehrkräfte.", True),
        ("Sachsen", "An sächsischen Schulen unterrichten 99 Lehrkräfte.", True),
        ("Sachsen", "An niedersächsischen Schulen unterrichten 99 Lehrkräfte.", False),
        ("Niedersachsen", "An niedersächsischen Schulen unterrichten 99 Lehrkräfte.", True),
        ("Hessen", "An bayerischen Schulen unterrichten 99 Lehrkräfte.", False),
    ],
)
def test_a_land_is_named_by_its_adjective(land: str, sentence: str, names: bool) -> None:
    """ "in den bayerischen Brückenklassen" is about Bayern, though the adjective does not
    start with the Land's name (as "saarländisch" does). (Placeholder figures.)"""
    frame = frame_question(f"Wie viele Lehrkräfte unterrichten in {land}?", (land,))
    city = DocumentMeta("f.txt", "Feldau", kommune="Stadt Feldau")
    unmet = unmet_requirements(frame, sentence, _chunk(sentence, city))
    assert (f"Ort: {land}" not in unmet) is names


def test_a_towns_own_page_may_name_the_kreis_it_belongs_to() -> None:
    """On a page of a town of NRW, a sentence naming the town's own Kreis (the Kreis's
    Schulamt decides for its towns) is about the town; one naming another Kreis is not.
    (Placeholder text: nothing is said about the town or the Kreise.)"""
    page = DocumentMeta("s.txt", "Platzhalterseite", kommune="Sankt Augustin")
    own = "Den Platzhalter regelt das Schulamt des Rhein-Sieg-Kreises."
    other = "Den Platzhalter regelt das Schulamt des Rhein-Erft-Kreises."
    chunk = _chunk(f"{own} {other}", page)
    # the whole name, or the word a passage must use for the town ("Sankt" names nothing)
    assert distinctive_words("Sankt Augustin") == ["Augustin"]
    for place in ("Sankt Augustin", "Augustin"):
        frame = frame_question("Wer ist in Sankt Augustin zuständig?", places=(place,))
        assert unmet_requirements(frame, own, chunk) == ()
        assert unmet_requirements(frame, other, chunk) == (f"Ort: {place}",)


def test_a_place_the_question_names_itself_is_no_other_place() -> None:
    """A sentence naming a Kreis that the question names too ("Schüler aus dem Kreis
    Farnau in Nordland") is about what was asked, and the page's title places it in the
    asked Land; a sentence naming another Kreis is not. Before, any other typed name in the
    sentence made it about another place. (Placeholder text.)"""
    page = DocumentMeta("n.txt", "Land Nordland Platzhalterförderung")
    question = "Ab wann bekommen Schüler aus dem Kreis Farnau in Nordland Platzhalterförderung?"
    frame = frame_question(question, places=("Nordland",))
    asked = "Ab März erhalten Schüler aus dem Kreis Farnau die Platzhalterförderung."
    other = "Ab Mai erhalten Schüler aus dem Kreis Lübbern die Platzhalterförderung."
    chunk = _chunk(f"{asked} {other}", page)
    assert unmet_requirements(frame, asked, chunk) == ()
    assert unmet_requirements(frame, other, chunk) == ("Ort: Nordland",)


def test_a_hyphenated_place_is_named_by_its_words_in_a_row() -> None:
    """Real names are hyphenated; the words are compared in order, the last one inflected."""
    frame = frame_question("Wie läuft es im Kreis Farnau-Lübbern?", places=("Farnau-Lübbern",))
    chunk = _chunk("Die Erstberatung findet im Kreishaus statt.")
    for named in ("Im Kreis Farnau-Lübbern berät das KI.", "Die Farnau-Lübberner Schulen."):
        assert unmet_requirements(frame, named, chunk) == ()
    for other in ("Die Stadt Farnau berät.", "In Lübbern-Farnau berät das KI."):
        assert unmet_requirements(frame, other, chunk) == ("Ort: Farnau-Lübbern",)
    # a title made from a file name writes umlauts out: "duesselbrueck_schulplatz.txt"
    city = frame_question("Was gilt in Düsselbrück?", places=("Düsselbrück",))
    titled = _chunk("Insgesamt 145 Schulen.", DocumentMeta("d.txt", "Duesselbrueck Schulplatz"))
    assert unmet_requirements(city, "Insgesamt 145 Schulen.", titled) == ()
    kreis = frame_question("Und im Elsbach-Ruhr-Kreis?", places=("Elsbach-Ruhr-Kreis",))
    assert unmet_requirements(kreis, "Der Elsbach-Ruhr-Kreises berät.", chunk) == ()


def test_a_sentence_without_a_place_takes_it_from_its_document_or_the_text_before_it() -> None:
    """A municipality's own document sets the place of all its sentences; elsewhere only a
    place named before the sentence does. A regional report's total followed by a sentence
    on one of its towns is the region's, not the town's."""
    frame = frame_question("Wie viele Jugendliche kamen in Feldau an?", places=("Feldau",))
    total = "Insgesamt kamen 243 Jugendliche an."
    text = f"{total} Der Anteil ist in Feldau am höchsten."
    assert unmet_requirements(frame, total, _chunk(text)) == ()  # Stadt Feldau's concept
    region = DocumentMeta("r.pdf", "Bildungsbericht", kommune="Bildungsbüro Region Süd")
    for meta in (region, DocumentMeta("g.pdf", "Leitfaden")):
        report = _chunk(text, meta)
        assert unmet_requirements(frame, total, report) == ("Ort: Feldau",)
        # the place is met (the sentence names no count, which "wie viele" needs)
        on_feldau = unmet_requirements(frame, "Der Anteil ist in Feldau am höchsten.", report)
        assert on_feldau == ("Art: count",)
        after = _chunk(f"In Feldau gilt Folgendes. {total}", meta)
        assert unmet_requirements(frame, total, after) == ()
        other = "Im Kreis Adorf kamen 80 Jugendliche an."  # about another named place
        assert unmet_requirements(frame, other, _chunk(f"In Feldau gilt: {other}", meta)) == (
            "Ort: Feldau",
        )


def test_a_money_question_needs_an_amount() -> None:
    frame = frame_question("Wie viel kostet das Mittagessen?")
    chunk = _chunk("Das Mittagessen wird in der Mensa angeboten. Es kostet 3,50 Euro.")
    assert unmet_requirements(frame, "Das Mittagessen wird in der Mensa angeboten.", chunk) == (
        "Art: money",
    )
    assert unmet_requirements(frame, "Es kostet 3,50 Euro.", chunk) == ()
    # an amount written in words or in millions is an amount too
    for amount in ("Es kostet fünf Euro im Monat.", "Die Stadt gibt 1,2 Millionen Euro aus."):
        assert unmet_requirements(frame, amount, _chunk(amount)) == ()
    assert unmet_requirements(frame, "Es dauert fünf Stunden.", chunk) == ("Art: money",)
    job = "Die Kraft arbeitet auf 450-Euro-Basis."
    assert unmet_requirements(frame, job, _chunk(job)) == ()
    # whole euros with one or two dashes for the cents: "600,- €", "50,–€", "45,-- €"
    for amount in (
        "Dafür werden max. 600,- € eingesetzt.",
        "Das Essen kostet 3,–€.",
        "Gezahlt werden zurzeit 45,-- € im Monat.",
    ):
        assert unmet_requirements(frame, amount, _chunk(amount)) == ()


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Im Schuljahr 2023/24 nahmen die Schulen 1.240 Kinder auf.", True),
        ("Die Deutschförderklassen haben sechs Neuzugänge.", True),
        # ... a count of where the children learn is none of them (the sites, the classes)
        ("Die Deutschförderklassen sind an sechs Standorten gebündelt.", False),
        ("Etwa 14 Prozent der Kinder waren nicht alphabetisiert.", True),
        ("Für Persisch wird die Nachfrage im Schuljahr 2023/24 erneut abgefragt.", False),
        (
            "Auf Grundlage des Berichts 2024 (Maßnahme M7) beschloss der Rat am 28. Januar 2025.",
            False,
        ),
        ("- Nr.: 7; Maßnahme: Evaluation; Zeitraum: 2024", False),
        ("Die Regeln stehen in Absatz 6 des Erlasses und auf S. 4 der Anlage 2.", False),
        ("Die Erstförderung endet in der Regel nach zwei Jahren.", False),
        ("Das Mittagessen kostet 3,50 Euro und wird ab 12:30 Uhr ausgegeben.", False),
        ("Nach Klasse 4 wechseln die Kinder auf eine weiterführende Schule.", False),
        ("Tel.: 02452 / 13-4222", False),
        ("Sie erreichen das Team unter 0201 88-1234 oder team4@beispiel.de.", False),
        ("Fax 02361 53-20 (Servicestelle)", False),
        ("Das Team berät unter 0201 88-1234 rund 300 Familien im Jahr.", True),
        # a range shares its unit: an age or opening hours count nothing, a range of things does
        ("Junge Erwachsene können im Alter von 16 bis 18 Jahren das Kolleg besuchen.", False),
        ("Die Beratung ist montags von 9 bis 12 Uhr geöffnet.", False),
        ("Es gibt 16 bis 18 Plätze je Gruppe.", True),
        # hours, weeks or days named by a compound are time, no count of the children asked
        ("Zehn bis zwölf Unterrichtsstunden pro Woche lernen sie Deutsch.", False),
        ("Sie haben drei Projektwochen.", False),
        ("Die 25 Kinder lernen vier Wochenstunden Deutsch.", True),
        # thousands set apart by a space: one amount of money
        ("Die Kosten belaufen sich auf mindestens 300 000 Euro.", False),
        ("Es gibt 12 Lesepaten; sie kosten 300 000 Euro.", True),
        # an amount as a compound's first part: "eine 450-€-Kraft", "ein 450-Euro-Job"
        ("Eine Mitarbeiterin hat ihre Stunden als 450-€-Kraft aufgestockt.", False),
        ("Ein 450-Euro-Job hilft, dazu kommen 12 Lesepaten.", True),
        # "das einzige Kind" counts one
        ("Im Kreis wechselte 2024 nur das einzige Kind der Gruppe.", True),
    ],
)
def test_a_how_many_question_needs_a_count_that_is_no_date_label_or_period(
    sentence: str, counts: bool
) -> None:
    """ "Wie viele …?" is answered by a number of things: not by the year it names, a date, a
    section or page label, a period of time, an amount of money, a phone number or e-mail
    address, or a number the question itself names ("nach Klasse 4")."""
    frame = frame_question("Wie viele Kinder haben 2024 nach Klasse 4 die Schule gewechselt?")
    unmet = unmet_requirements(frame, sentence, _chunk(sentence))
    assert ("Art: count" not in unmet) is counts


def test_hours_named_by_a_compound_count_only_when_the_question_counts_hours() -> None:
    """ "vier Wochenstunden" counts no children, but it answers "Wie viele zusätzliche
    Stunden …?" (hours counted with a word between, so no question in a unit)."""
    sentence = "Die Platzhalterförderung umfasst vier Wochenstunden Präsenzunterricht."
    children = frame_question("Wie viele Kinder sind in der Platzhalterförderung?")
    hours = frame_question("Wie viele zusätzliche Stunden bekommen Kinder in der Förderung?")
    assert hours.expects.kind == children.expects.kind == "count"
    assert unmet_requirements(children, sentence, _chunk(sentence)) == ("Art: count",)
    assert unmet_requirements(hours, sentence, _chunk(sentence)) == ()
    # hours counted by a compound are counted by hours named alone, not by years
    weekly = frame_question("Wie viele zusätzliche Wochenstunden gibt die Schule für Deutsch?")
    plain = "Die Schule gibt insgesamt 40 Stunden pro Woche zusätzlich für Deutsch."
    assert unmet_requirements(weekly, plain, _chunk(plain)) == ()
    years = "Seit zwei Jahren gibt die Schule zusätzlich Deutsch."
    assert unmet_requirements(weekly, years, _chunk(years)) == ("Art: count",)


def test_a_place_typed_in_the_question_is_not_met_by_its_name_typed_otherwise() -> None:
    """Asked for the Stadt Wendau, "des Kreises Wendau" names the Kreis (in the sentence or in
    the passage before it); asked for the Kreis, it names the asked place."""
    town = frame_question("Wie viele Kinder lernen in der Stadt Wendau?", places=("Wendau",))
    kreis = frame_question("Wie viele Kinder lernen im Kreis Wendau?", places=("Wendau",))
    passage = (
        "Das Go-In-Verfahren des Kreises Wendau regelt die Aufnahme. Derzeit lernen 40 Kinder."
    )
    for sentence in (
        "Nach dem Verfahren des Kreises Wendau lernen 40 Kinder.",
        "Derzeit lernen 40 Kinder.",
    ):
        chunk = _chunk(passage if sentence in passage else sentence)
        assert unmet_requirements(town, sentence, chunk) == ("Ort: Wendau",), sentence
        assert unmet_requirements(kreis, sentence, chunk) == (), sentence
    named = "In Wendau lernen 40 Kinder."
    assert unmet_requirements(town, named, _chunk(named)) == ()


def test_a_count_asked_second_is_not_all_the_question_asks() -> None:
    """ "Gibt es X, und an wie vielen Schulen …?" asks whether X exists first: a sentence
    that answers that needs no count."""
    frame = frame_question("Gibt es in Feldau Unterricht auf Polnisch, und an wie vielen Schulen?")
    assert frame.expects.kind == "count" and not frame.expects.sole
    sentence = "Unterricht gibt es auf Polnisch und Türkisch."
    assert unmet_requirements(frame, sentence, _chunk(sentence)) == ()


def test_a_second_question_opened_by_a_preposition_asks_more_than_the_first() -> None:
    """ "Wie viele …, und seit wann …?" asks for a count and more: the count alone is not
    all it asks, as with "…, und wann …?"."""
    for second in ("und wann", "und seit wann", "und an welcher Schule"):
        frame = frame_question(f"Wie viele Kinder lernen in Feldau Polnisch, {second} beginnt das?")
        assert frame.expects.kind == "count" and not frame.expects.sole, second
    assert frame_question("Wie viele Kinder lernen in Feldau Polnisch?").expects.sole


def test_the_current_school_year_is_the_one_the_document_was_written_in() -> None:
    frame = frame_question("Wie viele Beratungen gab es im Schuljahr 2021/22?")
    sentence = "Das Zentrum hat im laufenden Schuljahr bereits 1200 Beratungen durchgeführt."
    june = _chunk(sentence, replace(META, stand="2022-06-15"))
    assert unmet_requirements(frame, sentence, june) == ()
    for stand in ("2022-09-01", "2022"):  # the next school year; a year without its month
        later = _chunk(sentence, replace(META, stand=stand))
        assert unmet_requirements(frame, sentence, later) == ("Zeit: das Schuljahr 2021/22",)


def test_a_figure_of_the_coming_or_last_school_year_is_not_the_passage_s_year() -> None:
    """ "mehr als in 2015/16. Im kommenden Schuljahr sprechen wir von 85 Klassen": the 85 are
    next year's, not 2015/16's, though the passage names 2015/16. With a Stand the year is
    counted from it; without one such a figure answers for no asked year, while one of "the
    current school year" still takes the passage's year."""
    frame = frame_question("Wie viele Intensivklassen gab es im Schuljahr 2015/16?")
    passage = (
        "Es kamen mehr Kinder als in 2015/16. Im kommenden Schuljahr gibt es 85 Intensivklassen."
    )
    sentence = "Im kommenden Schuljahr gibt es 85 Intensivklassen."
    unknown = _chunk(passage, replace(META, stand=""))
    assert unmet_requirements(frame, sentence, unknown) == ("Zeit: das Schuljahr 2015/16",)
    for stand, unmet in (("2015-03-01", ()), ("2016-03-01", ("Zeit: das Schuljahr 2015/16",))):
        dated = _chunk(passage, replace(META, stand=stand))
        assert unmet_requirements(frame, sentence, dated) == unmet, stand
    current = "Im aktuellen Schuljahr gibt es 85 Intensivklassen."
    chunk = _chunk(f"Zahlen 2015/16. {current}", replace(META, stand=""))
    assert unmet_requirements(frame, current, chunk) == ()
    last = frame_question("Wie viele Kinder kamen 2015 an?")
    sentence = "Im vergangenen Jahr kamen 300 Kinder an."
    assert (
        unmet_requirements(last, sentence, _chunk(sentence, replace(META, stand="2016-02"))) == ()
    )


def test_a_how_many_question_with_a_second_question_needs_no_count_in_every_sentence() -> None:
    frame = frame_question("Wie viele Schwerpunktschulen gibt es und wo liegen sie?")
    sentence = "Die Schwerpunktschulen liegen in der Innenstadt und im Norden."
    assert unmet_requirements(frame, sentence, _chunk(sentence)) == ()
    alone = frame_question("Wie viele Schwerpunktschulen gibt es?")
    assert unmet_requirements(alone, sentence, _chunk(sentence)) == ("Art: count",)


def test_a_how_many_near_miss_says_that_no_number_is_given() -> None:
    chunk = _chunk("Für Persisch wird die Nachfrage im Schuljahr 2023/24 erneut abgefragt.")
    frame = frame_question("Wie viele Kinder hat Feldau im Schuljahr 2023/24 aufgenommen?")
    decision = _near_miss(frame, chunk)
    assert not decision.found and decision.unmet == ("Art: count",)
    assert "keine Anzahl" in decision.note and "S. 1" in decision.note


def _decide(frame: Frame, sentences: list[tuple[str, float]]) -> Decision:
    """The refusal decision over ``sentences`` (text, probability), best first."""
    candidates = []
    for i, (text, probability) in enumerate(sentences):
        chunk = Chunk(f"c{i}", META.doc_id, i, text, "Beratung", 1, 1, meta=META)
        unmet = unmet_requirements(frame, text, chunk)
        candidates.append(Candidate(text, chunk, i, 0, (), probability, frozenset(), unmet))
    query = Query(frame.text, (), (), ())
    evidence = Evidence(query, (), {}, tuple(candidates), (), 0.9, frame)
    return RefusalPolicy(threshold=0.3).decide(evidence)


@pytest.mark.parametrize(
    ("question", "named", "other", "counted"),
    [
        (
            "Wie viele ehrenamtliche Sprachlotsen unterstützen die Beratung?",
            "Unterstützt werden sie dabei von ehrenamtlichen Sprachlotsen.",
            "Sprachfördergruppen gibt es an über 30 Schulen.",
            "Zwölf ehrenamtliche Sprachlotsen übersetzen bei Bedarf.",
        ),
        # named in the singular though the plural has an umlaut ("Platz", "Plätze")
        (
            "Wie viele Plätze hat die Spielgruppe in Feldau?",
            "Wer noch keinen Kita-Platz hat, kann in die Spielgruppe kommen.",
            "Sie trifft sich an drei Vormittagen an fünf Standorten.",
            "Die Spielgruppe hat zwölf Plätze.",
        ),
    ],
)
def test_how_many_x_is_no_answer_by_a_count_of_something_else_where_x_is_not_counted(
    question: str, named: str, other: str, counted: str
) -> None:
    """The best sentence names the counted thing without a number: the documents do not
    count it, and a sentence counting something else is no answer; one counting it is."""
    frame = frame_question(question)
    assert not _decide(frame, [(named, 0.6), (other, 0.4)]).found
    assert _decide(frame, [(named, 0.6), (counted, 0.4)]).found
    # a best sentence that does not name the counted thing leaves the others as they were
    assert _decide(frame, [("Die Beratung ist kostenlos.", 0.6), (other, 0.4)]).found


def test_a_near_miss_names_the_missing_type_with_its_rate_and_age() -> None:
    """A count per week that is not stated is "keine Anzahl pro Woche" (not an amount of
    money), an age "keine Altersangabe"."""
    chunk = _chunk("In Feldau kommen laufend schulpflichtige Kinder neu dazu.")
    weekly = _near_miss(frame_question("Wie viele Kinder kommen in Feldau pro Woche?"), chunk)
    assert "keine Anzahl pro Woche" in weekly.note
    chunk = _chunk("In Feldau besuchen Jugendliche die Internationale Förderklasse.")
    aged = _near_miss(frame_question("Bis zu welchem Alter geht das in Feldau?"), chunk)
    assert "keine Altersangabe" in aged.note


def test_near_miss_refusal_names_what_the_documents_cover() -> None:
    chunk = _chunk("In Feldau findet die Erstberatung innerhalb von fünf Werktagen statt.")
    frame = frame_question("Wie schnell ist die Erstberatung in Hohenfurt?", places=("Hohenfurt",))
    decision = _near_miss(frame, chunk)
    assert not decision.found
    assert decision.note.startswith("Für Hohenfurt steht dazu nichts in den Dokumenten")
    assert "Stadt Feldau" in decision.note and "S. 1" in decision.note


def test_a_clock_time_question_needs_a_time_of_day() -> None:
    """ "Um wie viel Uhr …?" is answered by a time of day, not by a sentence on the same
    café that gives none; the near miss says so. (Placeholder text.)"""
    frame = frame_question("Um wie viel Uhr öffnet das Platzhaltercafé?")
    for text, unmet in (
        ("Das Platzhaltercafé öffnet dienstags um 15 Uhr.", ()),
        ("Geöffnet ist das Platzhaltercafé ab 8.30 Uhr.", ()),
        ("Im Platzhaltercafé können Familien über ihre Sorgen sprechen.", ("Art: clock",)),
    ):
        assert unmet_requirements(frame, text, _chunk(text)) == unmet
    chunk = _chunk("Im Platzhaltercafé können Familien über ihre Sorgen sprechen.")
    decision = _near_miss(frame, chunk)
    assert not decision.found and "keine Uhrzeit" in decision.note


@pytest.mark.parametrize(
    "question",
    [
        "Ab wann startet die geplante Platzhalterklasse?",
        "Seit wann gibt es die Platzhalterklasse?",
        "Wann beginnt die Platzhalterklasse?",
    ],
)
def test_a_when_question_is_not_answered_by_a_sentence_that_names_no_time(question: str) -> None:
    """ "Ab wann …?" asking nothing else is answered by a sentence that names a time in any
    of the ways German texts do (a date, a year, a school year, a season or holidays, a
    period relative to now), not by one that only says the class is planned; the near
    miss says that no time is given. A question asking more ("Wann und wo …?") keeps such
    a sentence. (Placeholder text.)"""
    frame = frame_question(question)
    for text in (
        "Die Platzhalterklasse startet am 1. August.",
        "Die Platzhalterklasse gibt es seit 2015.",
        "Die Platzhalterklasse beginnt nach den Herbstferien.",
        "Die Platzhalterklasse beginnt zum neuen Schuljahr.",
        "Im Schuljahr 2023/24 beginnt die Platzhalterklasse.",
        "Die Platzhalterklasse startet im Frühjahr.",
        "Die Platzhalterklasse startet Anfang des kommenden Jahres.",
    ):
        assert unmet_requirements(frame, text, _chunk(text)) == (), text
    planned = "An der Schule ist zudem eine sogenannte Platzhalterklasse geplant."
    assert unmet_requirements(frame, planned, _chunk(planned)) == ("Art: when",)
    decision = _near_miss(frame, _chunk(planned))
    assert not decision.found and "keine Zeitangabe" in decision.note
    wider = frame_question("Wann und wo startet die Platzhalterklasse?")
    assert unmet_requirements(wider, planned, _chunk(planned)) == ()


def test_a_question_about_one_school_form_is_not_answered_by_a_sentence_about_another() -> None:
    """ "… die Realschule …?" is not answered by a sentence that names only the Gymnasium; a
    sentence naming the asked form (among others) or none at all is left to its context.
    (Placeholder figures.)"""
    frame = frame_question("Wie viele Kinder besuchen die Platzhalterklasse der Realschule?")
    other = _chunk("Am Gymnasium lernen 7 Kinder in der Platzhalterklasse.")
    assert unmet_requirements(frame, other.text, other) == ("Schule: Realschule",)
    for text in (
        "An Realschule und Gymnasium lernen 7 Kinder in der Platzhalterklasse.",
        "Dort lernen 7 Kinder in der Platzhalterklasse.",
        "An der Gemeinschaftsrealschule lernen 7 Kinder in der Platzhalterklasse.",
    ):
        assert unmet_requirements(frame, text, _chunk(text)) == ()
    decision = _near_miss(frame, other)
    assert not decision.found
    assert decision.note.startswith("Für die Realschule steht dazu nichts in den Dokumenten")
    assert "nur für das Gymnasium" in decision.note
    unasked = frame_question("Wie viele Kinder lernen in der Platzhalterklasse?")
    assert unmet_requirements(unasked, other.text, other) == ()
    # a comparison's topic is every part's: the school it names may be another part's
    shared = frame_question(frame.text, shared=True)
    assert unmet_requirements(shared, other.text, other) == ()


def test_unknown_abbreviation_names_the_one_fitting_municipality() -> None:
    names = Municipalities.of(
        ["Stadt Quellinghoven", "Kreis Wacholderheide"], known=lambda w: w == "KI"
    )
    assert names.mentioned("Wie läuft das in QH und im Kreis WH?") == [
        "Stadt Quellinghoven",
        "Kreis Wacholderheide",
    ]
    assert names.mentioned("Was macht das KI?") == []
    # after an article an abbreviation is a noun ("der FB" is a Fachbereich), even when its
    # letters fit a municipality's name
    fb = Municipalities.of(["Kreis Schleswig-Flensburg", "Stadt Magdeburg"])
    assert fb.mentioned("Was braucht der FB Schule und Sport in MD?") == ["Stadt Magdeburg"]


def test_metadata_read_off_a_document_without_manifest_entry() -> None:
    pages = [
        Page("x.pdf", 1, "Stadt Feldau – Schulamt\nKommunales Konzept\nStand: 01.02.2025"),
        Page("x.pdf", 2, "In Feldau beginnt die Erstberatung. Die Stadt Feldau berät."),
    ]
    inferred = infer_metadata(pages, "Kommunales Konzept Feldau")
    assert (inferred.kommune, inferred.doc_type, inferred.stand) == (
        "Stadt Feldau",
        "Kommunales Konzept",
        "2025-02-01",
    )


def test_a_document_that_names_one_municipality_only_far_down_has_it_as_its_place() -> None:
    """Named once at the bottom of a page, a municipality is no clear municipality of the
    document (no filter), but the place of its statements; a page naming two as often has
    both as its places (a Kreis and its town, a Gemeinde and its Kreis), one naming three as
    often is a region's report or a list and has none, and one naming another far less often
    keeps its own."""
    body = "Die Beratungsstelle berät neu zugewanderte Familien vor der Schulanmeldung. " * 12
    pages = [Page("p.txt", 1, body + "Kontakt: Schulamt für den Kreis Farnau-Lübbern.")]
    inferred = infer_metadata(pages, "Beratung")
    assert (inferred.kommune, inferred.place) == ("", "Kreis Farnau-Lübbern")
    asked = "Wer berät im Kreis Farnau-Lübbern vor der Schulanmeldung?"
    frame = frame_question(asked, places=("Farnau-Lübbern",))
    sentence = "Die Beratungsstelle berät neu zugewanderte Familien vor der Schulanmeldung."
    placed = replace(META, kommune="", title="Beratung", place=inferred.place)
    assert unmet_requirements(frame, sentence, _chunk(sentence, placed)) == ()
    unplaced = replace(placed, place="")
    assert unmet_requirements(frame, sentence, _chunk(sentence, unplaced)) != ()
    two = [Page("p.txt", 1, pages[0].text + " Vertretung: Stadt Wexheim.")]
    assert infer_metadata(two, "Beratung").place == "Kreis Farnau-Lübbern, Stadt Wexheim"
    placed_both = replace(placed, place=infer_metadata(two, "Beratung").place)
    assert unmet_requirements(frame, sentence, _chunk(sentence, placed_both)) == ()
    listed = " ".join(f"Vertretung: Stadt {town}." for town in ("Wexheim", "Olmbach"))
    three = [Page("p.txt", 1, f"{pages[0].text} {listed}")]
    assert infer_metadata(three, "Beratung").place == ""
    named = pages[0].text + " Die Stadt Feldau berät. Die Stadt Feldau hilft." * 2
    once = [Page("p.txt", 1, named + " Vertretung: Stadt Wexheim.")]
    assert infer_metadata(once, "Beratung").place == "Stadt Feldau"
    assert infer_metadata([Page("p.txt", 1, body)], "Beratung").place == ""


@pytest.mark.parametrize(
    ("stated", "stand"),
    [
        ("Stand: 01.02.2025", "2025-02-01"),
        ("Stand: 2025-02-01", "2025-02-01"),
        ("Stand: Februar 2025", "2025-02-01"),
        ("Stand: 1. Juni 2025", "2025-06-01"),
        ("Stand 15. März 2023", "2023-03-15"),
        ("Zuletzt aktualisiert: 12.09.2024", "2024-09-12"),
        ("Letzte Änderung: 3. April 2024", "2024-04-03"),
    ],
)
def test_the_stand_is_read_in_the_ways_german_documents_write_dates(
    stated: str, stand: str
) -> None:
    pages = [Page("x.pdf", 1, f"Kommunales Konzept\nBeschlossen am 2. Mai 2023 {stated}")]
    assert infer_metadata(pages, "Kommunales Konzept").stand == stand


@pytest.mark.parametrize(
    ("opening", "stand"),
    [
        ("Kreis Feldau stärkt die Integration\n\n25.08.2016\n\nText", "2016-08-25"),
        ("Feldau, 16. November 2016\nDer Kreis stellt ein.", "2016-11-16"),
        ("Neues Zentrum\nVeröffentlicht am 03.07.2013 | 10:15 Uhr\nText", "2013-07-03"),
        ("Neues Zentrum\nMittwoch, 15. April 2016\nText", "2016-04-15"),
        ("Besuch\nFELDAU\n, 12.02.2016, 17:53 Uhr / Lesedauer: 2 min\nText", "2016-02-12"),
        # the release's number before its date (before, such a release had no Stand)
        ("Nachrichten aus dem Rathaus\n\nNr. 269 / 18.03.2022\n\nBeratung", "2022-03-18"),
        ("Pressemitteilung Nr. 12/2023 vom 5.6.2023\nText", "2023-06-05"),
        ("Nr. 5 der Reihe Elternbriefe\nText", ""),
        ("Am 23.01.2014 fand im Kreishaus eine Sitzung statt.\nText", ""),  # an event's date
        ("a\nb\nc\nd\ne\nf\ng\n01.01.2020\nText", ""),  # not in the opening lines
    ],
)
def test_a_press_release_is_dated_by_its_dateline(opening: str, stand: str) -> None:
    pages = [Page("p.txt", 1, opening)]
    assert infer_metadata(pages, "").stand == stand
    # the text's own "Stand:" comes first
    stated = [Page("p.txt", 1, opening + "\nStand: 1. Juni 2025")]
    assert infer_metadata(stated, "").stand == "2025-06-01"


def test_the_title_names_the_document_type_before_the_opening_text() -> None:
    """A guide chapter about updating concepts is no update ("Fortschreibung" in its text)."""
    pages = [Page("h.md", 1, "Kapitel 4: Mindestinhalte, Beteiligung und Fortschreibung")]
    assert infer_metadata(pages, "Handreichung Kommunale Konzepte").doc_type == "Handreichung"
    assert infer_metadata(pages, "Kapitel 4").doc_type == "Fortschreibung"  # the text decides


def test_a_kreis_named_after_its_town_is_no_mention_of_the_town() -> None:
    """A Kreis page names the Kreis twice (once before a comma and a clause) and its seat
    once: "Farnau" of "Kreis Farnau-Lübbern" is no mention of the known Stadt Farnau, and
    "des Kreises …, um …" lists nothing."""
    text = (
        "Die Beratung findet im Kreishaus in Farnau statt. Die Einladungen erfolgen mit der "
        "Ausländerbehörde des Kreises Farnau-Lübbern, um Termine zu koppeln. Die "
        "Hilfsbereitschaft im Kreis Farnau-Lübbern ist groß. " + "Das KI berät Familien. " * 12
    )
    pages = [Page("k.txt", 1, text)]
    known = ["Stadt Farnau"]
    file_name = "kreis_farnau_luebbern_beratung.txt"
    assert infer_metadata(pages, "", known=known).kommune == "Kreis Farnau-Lübbern"
    named = infer_metadata(pages, "", known=known, file_name=file_name)
    assert named.kommune == "Kreis Farnau-Lübbern"
    # the town's own page still counts its name
    town = [Page("s.txt", 1, "Neu in Farnau? Die Stadt Farnau berät in Farnau. " * 3)]
    assert infer_metadata(town, "", known=[*known, "Kreis Farnau-Lübbern"]).kommune == (
        "Stadt Farnau"
    )


def test_the_file_name_names_the_municipality_the_text_mentions_once() -> None:
    """Web pages and council papers name their municipality once, deep in the text, or in a
    dateline; an admin's file name says whose they are. Umlauts may be written out."""
    opening = "Das Kommunale Integrationszentrum lädt alle neu zugewanderten Kinder ein. " * 10
    text = opening + "Es berät mit dem Schulamt für den Kreis Farnau-Lübbern."
    pages = [Page("x.txt", 1, text)]
    assert infer_metadata(pages, "").kommune == ""
    named = infer_metadata(pages, "", file_name="web/kreis_farnau_luebbern_beratung.txt")
    assert named.kommune == "Kreis Farnau-Lübbern"
    assert infer_metadata(pages, "", file_name="kreis_farnau_vorlage.txt").kommune == ""
    # a file without a title of its own is shown by its name, spelled as its text spells it
    assert named.title == "Kreis Farnau Lübbern beratung"
    assert document_meta("k.txt", None, "", named).title == "Kreis Farnau Lübbern beratung"
    assert infer_metadata(pages, "Konzept", file_name="kreis_farnau_luebbern.txt").title == ""
    dateline = [Page("p.txt", 1, "Güterbrück, 20.04.2016. Seit 2013 berät das KI Familien.")]
    file_name = "kreis_gueterbrueck_ki_erstberatung_2016.txt"
    assert infer_metadata(dateline, "", file_name=file_name).kommune == "Kreis Güterbrück"
    assert infer_metadata(dateline, "", file_name="gueterbrueck_erstberatung.txt").kommune == ""
    noun = [Page("e.txt", 1, "Die Erstberatung im Kreis Halsberg: Die Erstberatung ist frei.")]
    file_name = "kreis_erstberatung_heinsberg.txt"  # "Kreis Erstberatung" is no municipality
    assert infer_metadata(noun, "", file_name=file_name).kommune == "Kreis Halsberg"


def test_a_file_named_after_an_nrw_municipality_of_unambiguous_name_belongs_to_it() -> None:
    """A page that never names its city, saved by an admin as "herne_….txt", belongs to the
    kreisfreie Stadt Herne; a Kreis without a town of its name likewise, and one with a
    town of its name when the file name has the type word. A town name that
    could be a Kreis's too, a name further back in the file name, or a bare word that only
    looks like a city ("essen") names none. (Placeholder text: nothing is said about the
    municipalities.)"""
    pages = [Page("x.txt", 1, "Platzhaltertext ohne Ortsangabe.")]

    def kommune(file_name: str) -> str:
        return infer_metadata(pages, "", file_name=file_name).kommune

    assert kommune("herne_platzhalter.txt") == "Stadt Herne"
    assert kommune("web/muelheim_platzhalter.txt") == "Stadt Mülheim an der Ruhr"
    assert kommune("rhein_erft_kreis_platzhalter.txt") == "Rhein-Erft-Kreis"
    assert kommune("maerkischer_kreis_platzhalter.txt") == "Märkischer Kreis"
    assert kommune("hochsauerlandkreis_platzhalter.txt") == "Hochsauerlandkreis"
    assert kommune("borken_platzhalter.txt") == ""  # Kreis Borken or the town of Borken
    assert kommune("kreis_borken_platzhalter.txt") == "Kreis Borken"
    assert kommune("kreis-dueren_platzhalter.txt") == "Kreis Düren"
    assert kommune("stadt_dueren_platzhalter.txt") == ""
    assert kommune("mittag_essen_platzhalter.txt") == ""
    assert kommune("platzhalter_herne.txt") == ""


def test_a_kreis_and_its_town_of_the_same_name_are_told_apart_by_the_type_word() -> None:
    """The Kreis Feldau and its town Feldau: a mention counts for the one its type word names,
    a bare "Feldau" for neither, and "kreis_feldau_…" names the Kreis. (Every mention used to
    count for whichever of the two was listed last.) A town page whose file name has no type
    word belongs to the town only when the text clearly says so."""
    kreis = (
        "Schulplatzsuche im Kreis Feldau\n\nKommunales Integrationszentrum Kreis Feldau. "
        "Beratung auch für Kinder der Stadt Feldau. Sprechstunde im Kreishaus."
    )
    town = (
        "Plätze in Feldau werden knapp. Der Schulausschuss der Stadt Feldau berät. Im Kreis "
        "Feldau kamen 900 Kinder an, die Stadt Feldau nahm 200 auf. Die Stadt Feldau sucht Räume."
    )
    even = "Schulen in Feldau. Kreis Feldau: 900 Kinder. Stadt Feldau: 200 Kinder. In Feldau …"
    cases = [
        (kreis, "kreis_feldau_schulplatz.txt", "Kreis Feldau"),
        (town, "feldau_schulplaetze.txt", "Stadt Feldau"),
        (even, "feldau_zahlen.txt", ""),
    ]
    for text, file_name, expected in cases:
        pages = [Page(file_name, 1, text)]
        assert infer_metadata(pages, "", file_name=file_name).kommune == expected, file_name


def test_a_file_named_after_a_place_outside_nrw_belongs_to_it_where_the_text_agrees() -> None:
    """Outside NRW there is no list of towns: "lindenbrunn_intensivklassen.txt" belongs to
    Lindenbrunn when its text uses the word as a place's name ("in Lindenbrunn", "Gesamtschule
    Lindenbrunn", "im Ostmoorer Rathaus", "im Hohenmoorkreis") and never as a noun. A Land
    or country is no municipality, nor is a word the text uses as a noun ("die Halle")."""

    def kommune(file_name: str, text: str) -> str:
        return infer_metadata([Page(file_name, 1, text)], "", file_name=file_name).kommune

    text = "Neu in Lindenbrunn? Die Gesamtschule Lindenbrunn hat zwei Intensivklassen."
    assert kommune("lindenbrunn_intensivklassen.txt", text) == "Lindenbrunn"
    assert kommune("protokoll_intensivklassen.txt", text) == ""  # the name is not the file's
    text = "Die Sitzung fand im Ostmoorer Rathaus statt. Es gibt vier Sprachklassen."
    assert kommune("ostmoor_sprachklassen.txt", text) == "Ostmoor"
    text = "An den Mühlbrücker Schulen gibt es vier Sprachklassen."  # spelled as the text does
    assert kommune("muehlbrueck_sprachklassen.txt", text) == "Mühlbrück"
    # a "-stadt" takes its umlaut only in the adjective
    text = "Am Wendstädter Berufsschulzentrum gibt es zwei Klassen. Die Wendstädter Schulen helfen."
    assert kommune("wendstadt_klassen.txt", text) == "Wendstadt"
    text = "Im Hohenmoorkreis lernen 80 Jugendliche. Der Träger des Hohenmoorkreises plant mehr."
    assert kommune("hohenmoorkreis_vabo.txt", text) == "Hohenmoorkreis"
    text = "Der Kurs der Volkshochschule Westerbrunn beginnt. Westerbrunns Schulrat berät."
    assert kommune("westerbrunn_kurse.txt", text) == "Westerbrunn"
    text = "Die VABO-Klassen des Berufsschulzentrums Wexhafen sind voll."  # in the genitive
    assert kommune("wexhafen_vabo.txt", text) == "Wexhafen"
    # a word that follows only other capitalised words names no place ("Kommunales Konzept")
    text = (
        "Kommunales Konzept der Stadt Wexheim\n\nDie Stadt Wexheim berät neu zugewanderte Familien."
    )
    assert kommune("konzept.txt", text) == "Stadt Wexheim"
    text = "In Sachsen gibt es Vorbereitungsklassen. Das Kultusministerium in Sachsen berät."
    assert kommune("sachsen_vorbereitungsklassen.txt", text) == ""
    text = (
        "Der Sport findet in der Halle statt. Die Halle ist groß. Danach geht es in Halle weiter."
    )
    assert kommune("halle_sportunterricht.txt", text) == ""


def test_a_town_outside_nrw_that_the_text_uses_as_a_place_owns_a_neutrally_named_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file saved as "dokument_07.txt" belongs to the German town outside NRW its text is
    about, when the gazetteer (``assistant.gazetteer``; here fictional names) lists the word
    and the text uses it as a place: with its type word, after "in", as "-er" adjective. A
    listed word the text uses as a noun ("die Halle") or names only once is none, a name the
    file name gives wins, and an NRW name is the NRW municipality."""
    listed = frozenset({"lindenbrunn", "ostmoor", "halle", "wendau", "essen"})
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: listed)

    def kommune(text: str, file_name: str = "dokument_07.txt") -> str:
        return infer_metadata([Page(file_name, 1, text)], "", file_name=file_name).kommune

    text = (
        "Sprachlernklassen in Lindenbrunn\n\nIn Lindenbrunn lernen 40 Kinder Deutsch. "
        "Die Lindenbrunner Schulen richten zwei weitere Klassen ein."
    )
    assert kommune(text) == "Lindenbrunn"
    typed = "Die Stadt Ostmoor berät Familien.\n\nIn Ostmoor gibt es zwei Sprachklassen."
    assert kommune(typed) == "Stadt Ostmoor"
    adjective = "Die Ostmoorer Schulen\n\nAn den Ostmoorer Schulen gibt es vier Klassen."
    assert kommune(adjective) == "Ostmoor"
    hall = "Sport in der Halle\n\nDie Halle ist groß. Danach geht es in Halle weiter."
    assert kommune(hall) == ""
    unlisted = "Sprachklassen in Feldstein\n\nIn Feldstein lernen 40 Kinder Deutsch."
    assert kommune(unlisted) == ""
    visit = text + " Zu Gast war eine Klasse aus Wendau."
    assert kommune(visit) == "Lindenbrunn"
    assert kommune(visit, "wendau_sprachklassen.txt") == "Wendau"  # the file name's place
    essen = "Neu in Essen\n\nIn Essen beraten zwei Stellen. Die Essener Schulen helfen."
    assert kommune(essen) == "Stadt Essen"  # the kreisfreie Stadt of NRW, not a town elsewhere
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset())
    assert kommune(text) == ""  # without the gazetteer, no list says Lindenbrunn is a town


def test_the_only_place_a_text_names_owns_its_neutrally_named_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A town named once, in the text's opening, is what a neutrally named file is about when
    the text names no other place at all ("In Ostmoor lernen seit Montag 12 Kinder"); beside
    another place, one mention may be a visit or an example."""
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset({"ostmoor", "wendau"}))

    def kommune(text: str) -> str:
        name = "dokument_03.txt"
        return infer_metadata([Page(name, 1, text)], "", file_name=name).kommune

    once = "Neue Sprachklasse\n\nIn Ostmoor lernen seit Montag zwölf Kinder Deutsch."
    assert kommune(once) == "Ostmoor"
    assert kommune(once + " Ihre Lehrerin kommt aus Wendau.") == ""


def test_the_only_place_a_text_names_often_owns_its_file_without_heading_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page whose opening names no place ("Der Ausschuss hat beraten …") but whose text names
    one town three times and no other place is about that town (a page of two towns, or one
    naming its town only once, keeps no municipality)."""
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset({"ostmoor", "wendau"}))

    def kommune(text: str) -> str:
        name = "dokument_05.txt"
        return infer_metadata([Page(name, 1, text)], "", file_name=name).kommune

    opening = "Sitzung des Ausschusses für Schule und Bildung\n\n" + "Beratung der Vorlage. " * 40
    body = (
        "Die Schulen in Ostmoor nehmen 30 Kinder auf. Die Schulleitungen in Ostmoor planen "
        "zwei Klassen. Das Schulamt in Ostmoor berät die Eltern."
    )
    assert kommune(opening + body) == "Ostmoor"
    assert kommune(opening + body + " Auch in Wendau gibt es zwei Klassen.") == ""
    assert kommune(opening + "Die Schulen in Ostmoor nehmen 30 Kinder auf.") == ""


def test_a_one_word_kreis_outside_nrw_and_a_town_named_like_a_land_s_part_are_places(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "im Burgenlandkreis" names that Kreis (the districts whose one name ends in "kreis"
    are listed; an "Arbeitskreis" is none), and "aus Schleswig" the town, while a file named
    "schleswig_holstein_….txt" is about the Land, no municipality."""
    kreise = {t.municipality for t in typed_names("Im Burgenlandkreis und im Arbeitskreis")}
    assert kreise == {"Burgenlandkreis"}
    text = (
        "Sprachkurse im Burgenlandkreis\n\nIm Burgenlandkreis lernen 75 Kinder aus der "
        "Ukraine. Der Burgenlandkreis stellt die Räume."
    )
    name = "dokument_04.txt"
    inferred = infer_metadata([Page(name, 1, text)], "", file_name=name).kommune
    assert inferred == "Burgenlandkreis"
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset({"schleswig"}))
    text = (
        "Schleswig: Deutsch lernen\n\nDie Schule nimmt Kinder aus Schleswig auf. Das "
        "Schleswiger Berufsbildungszentrum hilft. Auch in Schleswig-Holstein steigt die Zahl."
    )
    assert infer_metadata([Page(name, 1, text)], "", file_name=name).kommune == "Schleswig"
    land = "In Schleswig-Holstein gibt es DaZ-Zentren. Das Land plant mehr."
    file_name = "schleswig_holstein_daz.txt"
    assert infer_metadata([Page(file_name, 1, land)], "", file_name=file_name).kommune == ""


def test_the_gazetteer_lists_towns_outside_nrw_of_one_or_two_words(tmp_path: Path) -> None:
    """``write_gazetteer`` keeps German towns outside NRW under their name without what sets
    them apart ("am Rhein", "(Saale)"), two-word names with the short form a town writes
    itself by ("Hann. Wendau" of "Hannoversch Wendau"), and no part of a city ("…-Mitte",
    "Südstadt", "Lindenbrunn Nord", "Ostmoorer Feld"); the shipped list was made that way
    from GeoNames."""

    def city(name: str, land: str = "08", country: str = "DE", *others: str) -> dict:
        return {"name": name, "countrycode": country, "admin1code": land, "alternatenames": others}

    cities = {
        "1": city("Lindenbrunn am Rhein"),
        "2": city("Ostmoor (Saale)", "14"),
        "3": city("Feldau", "07"),  # NRW
        "4": city("Wendau", "09", "AT"),
        "5": city("Weil der Stadt", "01"),
        "6": city("Lindenbrunn-Mitte"),  # a part of a city
        "7": city("Südstadt"),
        "8": city("Bad Wexhafen", "06", "DE", "Bad-Wexhafen", "Wexhafen"),
        "9": city("Hannoversch Wendau", "06", "DE", "Hann. Wendau", "Stadt Hann. Wendau"),
        "10": city("Lindenbrunn Nord"),  # a part of a listed town
        "11": city("Ostmoorer Feld", "14"),  # an adjective makes a part of a city
        "12": city("Bad Feldau", "07"),  # NRW
        # a title before the name, a qualifier with "unter", a name GeoNames gives in English
        "13": city("Universitäts- und Hansestadt Wexmünde", "13"),
        "14": city("Kirchwende unter Teck"),
        "15": city("Munich", "02"),
    }
    source, target = tmp_path / "cities.json", tmp_path / "orte.txt"
    source.write_text(json.dumps(cities), encoding="utf-8")
    assert write_gazetteer(source, target) == 8
    names = [line for line in target.read_text(encoding="utf-8").splitlines() if line[0] != "#"]
    assert names == [
        "Bad Wexhafen", "Hann. Wendau", "Hannoversch Wendau", "Kirchwende", "Lindenbrunn",
        "München", "Ostmoor", "Wexmünde",
    ]  # fmt: skip
    assert gazetteer.is_place_outside_nrw("Lüneburg") and gazetteer.is_place_outside_nrw("Celle")
    # the shipped list calls the largest towns by their German names
    assert gazetteer.is_place_outside_nrw("München") and gazetteer.is_place_outside_nrw("Nürnberg")
    assert gazetteer.is_place_outside_nrw("Greifswald")
    assert not gazetteer.is_place_outside_nrw("Munich")
    assert not gazetteer.is_place_outside_nrw("Bochum")
    assert not gazetteer.is_place_outside_nrw("Sachsen")
    assert {"Bad Doberan", "Schwäbisch Gmünd", "Hann. Münden"} <= set(gazetteer.two_word_places())


def test_a_town_of_two_words_owns_its_file_by_its_whole_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A town outside NRW whose name is two words ("Bad Wexhafen", "Hann. Wendau"; fictional,
    listed in the gazetteer) owns a file named after it and a neutrally named file about it,
    under its whole name, not "Bad" or "Hann" of the file name nor the Kreis the text names
    once. Two such words are never a noun, so the text need not use them as a place's."""
    listed = ("Bad Wexhafen", "Hann. Wendau", "Ostmoor")
    monkeypatch.setattr(gazetteer, "_names", lambda: listed)
    kommune = _inferred_kommune
    text = (
        "Neue Sprachlernklasse\n\nDie Oberschule in Bad Wexhafen hat eine Sprachlernklasse "
        "eingerichtet. 14 Kinder aus dem Landkreis Ostmoor lernen dort. Bad Wexhafen stellt "
        "zwei Lehrkräfte."
    )
    assert kommune(text) == "Bad Wexhafen"
    assert kommune(text, "bad_wexhafen_sprachlernklasse.txt") == "Bad Wexhafen"
    abbreviated = (
        "Hann. Wendau. Die Hauptschule in Hann. Wendau unterrichtet ab November junge "
        "Flüchtlinge in einer Sprachförderklasse."
    )
    assert kommune(abbreviated, "hann_wendau_sprachfoerderklasse.txt") == "Hann. Wendau"
    monkeypatch.setattr(gazetteer, "_names", lambda: ("Ostmoor",))
    assert kommune(text, "bad_wexhafen_sprachlernklasse.txt") != "Bad Wexhafen"


def test_a_town_listed_with_an_umlaut_in_its_stadt_keeps_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The adjective "Lindstädter" is of "Lindstadt" unless the gazetteer lists the town as
    "Lindstädt" (as it lists "Karstädt"); a neutrally named file that only uses the adjective
    belongs to the town as the list spells it (fictional names)."""
    _gazetteer_lists(monkeypatch, "Lindstädt", "Wendstadt")
    kommune = _inferred_kommune
    listed = "Die Lindstädter Kita hat zwei Gruppen. In der Lindstädter Kita lernen 20 Kinder."
    assert kommune(listed, "lindstaedt_kita.txt") == "Lindstädt"
    adjective = "Die Wendstädter Kita hat zwei Gruppen. In der Wendstädter Kita lernen 20 Kinder."
    assert kommune(adjective, "wendstadt_kita.txt") == "Wendstadt"


def test_a_neutrally_named_file_that_names_its_town_only_by_the_adjective_belongs_to_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A news item saved as "dokument_06.txt" names its town only as "Wendinger" ("an den
    Wendinger Schulen", "im Wendinger Gemeinderat"): a town in "-en" drops the "n" in its
    adjective, and the file belongs to Wendingen. A short name keeps it ("Essener" of
    Essen: "Esser" is no adjective of it). (Fictional names.)"""
    _gazetteer_lists(monkeypatch, "Wendingen", "Wexen")
    text = (
        "An den Wendinger Schulen gibt es neun Vorbereitungsklassen. Es war eine Bekanntgabe "
        "im Wendinger Gemeinderat, die die Stadträte nicht kommentarlos hinnahmen."
    )
    assert _inferred_kommune(text, "dokument_06.txt") == "Wendingen"
    short = text.replace("Wendinger", "Wexer")
    assert _inferred_kommune(short, "dokument_06.txt") == ""


def test_a_noun_after_a_type_word_names_no_municipality() -> None:
    """ "mit Zustimmung des Landkreises Sprachförderklassen beantragt" reads like a Kreis's
    name, but the text uses the word as a noun ("die Sprachförderklasse") and nowhere else
    as a name: the file belongs to no "Kreis Sprachförderklassen". A name the text also uses
    as a noun ("die Mühle") but elsewhere as a place ("in Mühle") stays one (fictional)."""
    kommune = _inferred_kommune
    text = (
        "Schulen beantragen Klassen\n\nDie Schulen haben mit Zustimmung des Landkreises "
        "Sprachförderklassen beim Land beantragt. Für die Sprachförderklasse fehlen noch "
        "Lehrkräfte."
    )
    assert kommune(text) == ""
    assert kommune(text, "schulen_sprachfoerderklassen.txt") == ""
    mill = (
        "Sprachklassen in der Stadt Mühle\n\nDie Stadt Mühle richtet zwei Sprachklassen ein. "
        "Die Mühle am Bach wird Lernort. In Mühle lernen 30 Kinder."
    )
    assert kommune(mill) == "Stadt Mühle"


def _reinferred(texts: dict[str, str]) -> dict[str, str]:
    """The municipality each file without manifest entry gets once all ``texts`` (file name
    -> text of its one page) are known; files that get none are left out."""
    metas = [DocumentMeta(name, name) for name in texts]
    bases = {n: Basis.of([Page(n, 1, text)], "", n) for n, text in texts.items()}
    return {m.doc_id: m.kommune for m in reinferred_kommunen(metas, bases, set()).values()}


def test_a_noun_other_files_use_after_a_type_word_names_no_municipality() -> None:
    """ "übernimmt die Stadt Fahrtkosten" in one file (beside "Übernahme von Fahrtkosten")
    reads like a town's name; another file of the corpus writes "der Fahrtkosten": once all
    files are known, the first belongs to the town its file name and text name (fictional
    places)."""
    texts = {
        "wendau_fahrtkosten_beschluss.txt": (
            "Übernahme von Fahrtkosten für Sprachklassen\n\nBeim Besuch einer Schule der "
            "Hansestadt Wendau übernimmt die Stadt Fahrtkosten für Kinder in Sprachklassen. "
            "Der Ausschuss beschließt die Übernahme von Fahrtkosten."
        ),
        "feldau_schulweg.txt": (
            "In Feldau ist der Schulweg weit. Die Erstattung der Fahrtkosten beantragen "
            "Eltern in Feldau beim Schulamt der Stadt Feldau."
        ),
    }
    kommunen = _reinferred(texts)
    assert kommunen["wendau_fahrtkosten_beschluss.txt"] == "Stadt Wendau"
    assert kommunen["feldau_schulweg.txt"] == "Stadt Feldau"
    # a word the corpus uses as a noun stays a name where the text uses it as one: in a
    # dateline, as an adjective or genitive, or in a Kreis's own name
    nouns = frozenset({"wendau", "wendau-kreis"})
    for text in (
        "Wendau. Die Stadt Wendau plant Kurse.",
        "Die Stadt Wendau plant Kurse. Wendaus Schulamt berät.",
        "Die Schulen im Wendau-Kreis planen Kurse.",
    ):
        assert _typed_nouns(text, nouns) == set(), text
    assert _typed_nouns("Die Stadt Wendau plant Kurse.", nouns) == {"Stadt Wendau"}


def test_the_first_part_of_a_compound_written_short_is_no_noun() -> None:
    """ "das Wendau- und das Börde-Berufskolleg" in one file uses no "Wendau" as a noun: the
    other file, which names "der Kreis Wendau" once, still belongs to that Kreis (fictional
    places, neutral file names)."""
    texts = {
        "dokument_01.txt": (
            "Integrationscoach\n\nZu Beginn des Jahres sind an den Berufskollegs "
            "Förderklassen eingerichtet worden. Aufgrund der steigenden Anzahl hat der Kreis "
            "Wendau beschlossen, zwei Coaches einzustellen."
        ),
        "dokument_02.txt": (
            "Das Hubertus-, das Wendau- und das Börde-Berufskolleg arbeiten zusammen. Die "
            "Koordination liegt beim Schulamt."
        ),
    }
    kommunen = _reinferred(texts)
    assert kommunen["dokument_01.txt"] == "Kreis Wendau"
    assert "wendau" not in noun_stems(texts.values())
    assert "wendau" in noun_stems(["Das Wendau ist ein Fluss."])


def test_a_name_opened_by_an_adjective_and_a_hyphenated_kreis_of_the_file_name() -> None:
    """ "Stadt Bergisch Gladbach", "Landkreis Mecklenburgische Seenplatte": an adjective is
    never a name alone. A file name "kreis_waldeck_frankenberg_…" names the Kreis whose
    hyphenated name the text writes bare, not the town of that name the text types once
    (the file's places fictional)."""
    names = typed_names("Die Stadt Bergisch Gladbach und der Landkreis Mecklenburgische Seenplatte")
    assert [t.municipality for t in names] == [
        "Stadt Bergisch Gladbach",
        "Kreis Mecklenburgische Seenplatte",
    ]
    # ... nor is the "Herzogtum" of a Kreis's name ("Kreis Herzogtum" was cut off)
    names = typed_names("Im Kreis Herzogtum Lauenburg und im Kreis Feldau")
    assert [t.municipality for t in names] == ["Kreis Herzogtum Lauenburg", "Kreis Feldau"]
    text = (
        "Mehr Kita-Plätze gesucht\n\nDie Zahl der Plätze für Kinder in Wendau-Feldau "
        "steigt. Das Sozialamt der Stadt Feldau bestätigt den Bedarf in Wendau-Feldau."
    )
    pages = [Page("x.txt", 1, text)]
    file_name = "kreis_wendau_feldau_kitaplaetze.txt"
    assert infer_metadata(pages, "", file_name=file_name).kommune == "Kreis Wendau-Feldau"


def test_a_kreis_the_file_name_names_is_not_rivalled_by_its_own_town() -> None:
    """A page of the Kreis Warendorf on the vocational colleges of its towns names a town
    more often than the Kreis; the file name says whose it is. (Placeholder text.)"""
    opening = "Platzhalter Beckum\n\nDer Platzhalter in Beckum gilt. "
    text = opening + "Weiterer Platzhaltertext ohne Ortsangabe. " * 16 + "Im Kreis Warendorf."
    pages = [Page("x.txt", 1, text)]
    file_name = "kreis_warendorf_platzhalter.txt"
    assert infer_metadata(pages, "", file_name=file_name).kommune == "Kreis Warendorf"


def test_a_type_word_ending_a_paragraph_names_no_municipality() -> None:
    """ "Acht Klassen in der Stadt" as a heading and "Die acht Klassen …" below it are no
    "Stadt Die"; a name on the next line of a title page still follows its type word."""
    heading = "Acht Sprachlernklassen in der Stadt\n\nDie acht Klassen sind voll."
    assert typed_names(heading) == []
    assert typed_names("In jeder kreisfreien Stadt DaZ-Zentren.") == []  # a whole word only
    assert [t.municipality for t in typed_names("Stadt\nFeldau – Schulamt")] == ["Stadt Feldau"]


def test_the_text_s_type_word_wins_over_the_file_name_s() -> None:
    """A file name written "staedteregion_wendau_…" or "kreis_wendau_…" names the
    municipality the text names: the StädteRegion Wendau, not a "Kreis Wendau"."""
    pages = [Page("x.txt", 1, "Alles rund um Wendau. Beratung im KI der StädteRegion Wendau.")]
    for file_name in ("staedteregion_wendau_beratung.txt", "kreis_wendau_beratung.txt"):
        assert infer_metadata(pages, "", file_name=file_name).kommune == "StädteRegion Wendau"


def test_a_letterhead_address_or_a_list_of_regions_names_no_municipality() -> None:
    """A state ministry sits in the capital: its letterhead "40190 Düsselbrück" and a list
    "Bezirksregierungen Arnsberg, Detmold, Düsselbrück" do not make its decree the city's
    document; the city's own page, naming it in running text, stays the city's."""
    known = ["Stadt Düsselbrück"]
    decree = (
        "Ministerium für Schule und Bildung, 40190 Düsselbrück. An die Bezirksregierungen "
        "Arnsberg, Detmold, Düsselbrück, Köln und Münster. Integration und Deutschförderung."
    )
    pages = [Page("erlass.txt", 1, decree)]
    assert infer_metadata(pages, "", known=known, file_name="erlass.txt").kommune == ""
    city = "Wer nach Düsselbrück gezogen ist, meldet sich beim Schulamt Düsselbrück."
    pages = [Page("seite.txt", 1, city + " Kontakt: Rathausplatz 1, 40231 Düsselbrück.")]
    assert infer_metadata(pages, "", known=known, file_name="seite.txt").kommune == known[0]


@pytest.mark.parametrize(
    ("text", "kommune"),
    [
        (
            "Im Elsbach-Ruhr-Kreis beraten die Schulen. Der Elsbach-Ruhr-Kreis lädt ein.",
            "Elsbach-Ruhr-Kreis",
        ),
        (
            "Schulberatung im Wendischen Kreis. Das KI des Wendischen Kreises berät.",
            "Wendischer Kreis",
        ),
        ("Vorlage der Stadt Rheinau im Dezember 2016: die Stadt Rheinau berät.", "Stadt Rheinau"),
        (
            "Landeshauptstadt Düsselbrück – Schulamt. In der Landeshauptstadt Düsselbrück …",
            "Stadt Düsselbrück",
        ),
        # one word before "-Kreis" is no name alone: it leads the name after it
        (
            "Das KI des Auen-Kreises Feldau berät. So hat der Auen-Kreis Feldau Helfer.",
            "Auen-Kreis Feldau",
        ),
        (
            "Beratung im KI der StädteRegion Wendau. Die Städteregion Wendau lädt ein.",
            "StädteRegion Wendau",
        ),
    ],
)
def test_kreise_and_cities_are_read_in_the_ways_their_names_are_written(
    text: str, kommune: str
) -> None:
    assert infer_metadata([Page("x.txt", 1, text)], "").kommune == kommune


def test_a_document_listing_several_municipalities_belongs_to_none() -> None:
    text = "Die Stadt Feldau, die Stadt Bergen und der Kreis Auental haben gemeinsam beraten."
    pages = [Page("g.pdf", 1, text), Page("g.pdf", 2, text)]
    assert infer_metadata(pages, "Leitfaden").kommune == ""
    # "Stadt und Landkreis Wendau" are two municipalities, even where the file name
    # names "Wendau"
    joint = [Page("w.txt", 1, "Die Steuerungsgruppe für Stadt und Landkreis Wendau berät.")]
    assert infer_metadata(joint, "", file_name="land_wendau_deutschklassen.txt").kommune == ""
    # known to the corpus, listed with their type words: the last of the list ("… und des
    # Kreises Auental") is as much one of several as the first
    known = ["Stadt Feldau", "Stadt Bergen", "Kreis Auental"]
    typed = "Gegründet von der Stadt Feldau, der Stadt Bergen und dem Kreis Auental. " * 2
    guide = [
        Page("g.pdf", 1, "Leitfaden der Stadt Feldau, der Stadt Bergen und des Kreises Auental")
    ]
    guide += [Page("g.pdf", 2, typed)]
    assert infer_metadata(guide, "Leitfaden", known=known).kommune == ""
    # an article before a typed name is no sign of a noun ("beim Kreis", "des Elsbach-Kreises")
    kreis = "Das KI beim Elsbach-Kreis berät. Das Team des Elsbach-Kreises lädt ein."
    page = [Page("k.txt", 1, kreis)]
    assert infer_metadata(page, "", known=["Elsbach-Kreis"]).kommune == "Elsbach-Kreis"


def test_a_town_of_nrw_named_bare_in_the_text_owns_its_page() -> None:
    """Pages of the kreisangehörige towns name them bare as often ("neu in Ratingen"): named
    twice, such a page is the town's, under the name the text gives
    it with a type word ("Stadt Bad Honnef", two words) and else bare, because the state's
    list does not say which town is a Stadt. Named once, it is no one's, and named only bare
    beside its own Kreis with the type word it is where the Kreis did something (unless the
    title and opening name the town and not the Kreis); a file name
    that starts with a town's name names it. A town's name that is an ordinary word ("die Lage")
    names none; one that is its Kreis's too ("Borken", "Siegen" of Siegen-Wittgenstein) names
    the town as "Stadt Borken" unless the text names the Kreis with its type word.
    (Placeholder text: nothing is said about the towns.)"""

    def kommune(text: str, file_name: str = "seite.txt") -> str:
        return infer_metadata([Page(file_name, 1, text)], "", file_name=file_name).kommune

    assert kommune("Platzhalter für alle, die neu in Ratingen sind. Platzhalter in Ratingen.") == (
        "Ratingen"
    )
    assert kommune("Platzhalter der Stadt Bad Honnef. Platzhalter in Bad Honnef.") == (
        "Stadt Bad Honnef"
    )
    assert kommune("Platzhalter, vorgestellt in Ratingen. Noch ein Platzhaltersatz.") == ""
    assert kommune("Platzhaltertext ohne Ortsangabe.", "sankt_augustin_platzhalter.txt") == (
        "Sankt Augustin"
    )
    assert kommune("Platzhalter zur Lage. Die Lage ist gut. Lage und Ziele.") == ""
    assert kommune("Platzhalter in Borken. Platzhalter für Borken.") == "Stadt Borken"
    assert kommune("Platzhalter nach Siegen. Platzhalter in Siegen.") == "Stadt Siegen"
    # Aachen, a city with the rights of a kreisfreie Stadt in the StädteRegion Aachen
    assert kommune("Platzhalter nach Aachen. Platzhalter in Aachen.") == "Stadt Aachen"
    assert kommune("Platzhalter in Borken, im Kreis Borken. Platzhalter im Kreis Borken.") == (
        "Kreis Borken"
    )
    siegen = "Platzhalter des Kreises Siegen-Wittgenstein. Platzhalter in Siegen, aus Siegen."
    assert kommune(siegen) == "Kreis Siegen-Wittgenstein"
    assert kommune("Platzhalter, vorgestellt in Borken. Noch ein Platzhaltersatz.") == ""
    # a street named after a town ("Jülicher Ring") names no town
    assert kommune("Platzhalter am Jülicher Ring. Platzhalter, Jülicher Ring 2.") == ""
    # where something of a Kreis took place, in one of its towns, is not whose page it is
    kreis = "Platzhalter des Kreises Coesfeld. Platzhalter in Lüdinghausen, aus Lüdinghausen."
    assert kommune(kreis) == "Kreis Coesfeld"
    assert kommune(kreis, "luedinghausen_platzhalter.txt") == "Lüdinghausen"
    # ... but a page whose title and opening name the town, with the Kreis named once further
    # down, is the town's own, whatever its file is called
    filler = "Ein Platzhaltersatz ohne Ort. " * 40
    town = f"Lüdinghausen · Platzhalter in Lüdinghausen. {filler}Platzhalter des Kreises Coesfeld."
    page = [Page("dok07.txt", 1, town)]
    assert infer_metadata(page, "Lüdinghausen: Platzhalter", file_name="dok07.txt").kommune == (
        "Lüdinghausen"
    )


def test_a_town_named_bare_in_one_file_and_typed_in_another_is_one_municipality() -> None:
    """One page names the "Stadt Ratingen" (once, far down), another only "Ratingen": both
    are the same town's, so once all files are read they share the typed name. Two names
    would split a comparison into two groups quoting the same passages twice; before, the
    rounds of inference also swung between the two names and none. Another town named bare
    keeps its name. (Placeholder text: nothing is said about the towns.)"""
    filler = "Ein Platzhaltersatz ohne Ort. " * 25
    texts = {
        "ratingen-schule.txt": (
            "Ratingen: Platzhalter an der Schule",
            f"Ratingen · Platzhalter an der Grundschule. {filler}Die Stadt Ratingen plant.",
        ),
        "ratingen-klasse.txt": (
            "Ratingen: Platzhalter der Klasse",
            "Ratingen · Platzhalter am Gymnasium Ratingen. Ein Platzhalter in Ratingen.",
        ),
        "velbert.txt": ("Platzhalter", "Platzhalter in Velbert. Platzhalter für Velbert."),
    }
    metas = [DocumentMeta(name, name) for name in texts]
    bases = {n: Basis.of([Page(n, 1, text)], title, n) for n, (title, text) in texts.items()}
    kommunen = {m.doc_id: m.kommune for m in reinferred_kommunen(metas, bases, set()).values()}
    assert kommunen == {
        "ratingen-schule.txt": "Stadt Ratingen",
        "ratingen-klasse.txt": "Stadt Ratingen",
        "velbert.txt": "Velbert",
    }


def test_a_kreisfreie_stadt_named_bare_in_the_text_owns_its_page() -> None:
    """Web pages of a kreisfreie Stadt often name it only bare ("neu in Dortmund", "an
    Essener Schulen"), and an admin's file name need not name it. Named at least twice,
    once near the top, such a page is the city's. Once ("Sitz in …", a visit), as a noun
    ("das Essen") or in a list of several cities it names none. (Placeholder text: nothing is
    said about the cities.)"""

    def kommune(text: str) -> str:
        return infer_metadata([Page("seite.txt", 1, text)], "", file_name="seite.txt").kommune

    assert kommune(
        "Platzhalter für alle, die neu in Dortmund sind. Platzhalter in ganz Dortmund."
    ) == ("Stadt Dortmund")
    assert kommune("Platzhalter an Essener Schulen. Ein weiterer Platzhalter für Essen.") == (
        "Stadt Essen"
    )
    assert kommune("Platzhalter, vorgestellt in Köln. Noch ein Platzhaltersatz.") == ""
    assert (
        kommune("Die Platzhalterstelle hat ihren Sitz in Dortmund. Platzhalter in Dortmund.") == ""
    )
    assert (
        kommune("Platzhalter: Das Essen ist warm. Nach dem Essen gibt es ein warmes Essen.") == ""
    )
    listed = (
        "Platzhalter der Städte Bochum, Herne und Hagen. Platzhalter aus Bochum, Herne und Hagen."
    )
    assert kommune(listed) == ""


@pytest.mark.parametrize(
    ("question", "sentence", "names"),
    [
        # a role before the name, set off by a comma or as a compound
        (
            "Welche Lehrkraft unterrichtet die Gruppe?",
            "Dort hilft die Lehrerin, Eva Roth, aus.",
            True,
        ),
        ("Welche Lehrkraft unterrichtet die Gruppe?", "Klassenlehrerin Eva Roth beim Spiel.", True),
        # the name doing what the role does
        ("Welcher Lehrer unterrichtet die Gruppe?", "Jan Weber unterrichtet acht Kinder.", True),
        ("Wer leitet die Lindenschule?", "Seit Mai leitet Eva Roth die Lindenschule.", True),
        ("Welcher Lehrer unterrichtet die Gruppe?", "Jan Weber leitet die Lindenschule.", False),
        (
            "Welche Lehrkraft unterrichtet die Gruppe?",
            "Die Lehrerin unterrichtet acht Kinder.",
            False,
        ),
    ],
)
def test_a_person_asked_by_role_is_named_beside_or_doing_it(
    question: str, sentence: str, names: bool
) -> None:
    """ "Welche Lehrkraft …?" asks for a person as "Wie heißt die Lehrkraft …?" does. A
    newspaper names her beside her role ("die Lehrerin, Eva Roth,", "Klassenlehrerin Eva
    Roth") or by what she does ("Jan Weber unterrichtet …"); doing what another role does,
    or the role without a name, names no one asked."""
    expects = frame_question(question).expects
    assert expects.kind == "person"
    assert states_type(expects, sentence) is names


def test_a_weekday_question_needs_a_day_of_the_week() -> None:
    """ "An welchem Wochentag …?" and "An welchen Tagen …?" are answered by a day of the week
    (days also by dates; a day with its time of day: "jeden Freitagvormittag"), not by a
    sentence on the same course that names none; the near miss says so. "An welchem Tag …?"
    still asks for a date. (Placeholder text.)"""
    for question in (
        "An welchem Wochentag findet der Platzhalterkurs statt?",
        "An welchen Tagen läuft der Unterricht im Platzhalterkurs?",
    ):
        frame = frame_question(question)
        assert frame.expects.kind == "weekday"
        for text, unmet in (
            ("Der Platzhalterkurs findet jeweils donnerstags statt.", ()),
            ("Unterricht ist im Platzhalterkurs von Montag bis Freitag.", ()),
            ("Jeden Freitagvormittag läuft der Platzhalterkurs.", ()),  # with its time of day
            ("Der Platzhalterkurs ist dienstagnachmittags.", ()),
            ("Den Platzhalterkurs besuchen acht Schüler.", ("Art: weekday",)),
            ("Den Platzhalterkurs besuchen acht Freitagskinder.", ("Art: weekday",)),
        ):
            assert unmet_requirements(frame, text, _chunk(text)) == unmet
        decision = _near_miss(frame, _chunk("Den Platzhalterkurs besuchen acht Schüler."))
        assert not decision.found and "keinen Wochentag" in decision.note
    # days may be dates, a day of the week is none
    dates = "Der Platzhalterkurs trifft sich am 12. März und am 19. März."
    days = frame_question("An welchen Tagen läuft der Platzhalterkurs?")
    assert unmet_requirements(days, dates, _chunk(dates)) == ()
    weekday = frame_question("An welchem Wochentag läuft der Platzhalterkurs?")
    assert unmet_requirements(weekday, dates, _chunk(dates)) == ("Art: weekday",)
    assert frame_question("An welchem Tag beginnt der Platzhalterkurs?").expects.kind == "date"


def test_a_time_of_day_may_be_written_in_words() -> None:
    """ "von neun bis elf Uhr" gives a time of day as "9 Uhr" does."""
    frame = frame_question("Zu welcher Uhrzeit findet das Platzhaltercafé statt?")
    text = "Das Platzhaltercafé ist dienstags von neun bis elf Uhr geöffnet."
    assert unmet_requirements(frame, text, _chunk(text)) == ()


def test_how_many_hours_is_answered_by_an_amount_of_hours_below_the_threshold() -> None:
    """ "Wie viele Wochenstunden …?" is answered by a sentence stating hours, as "Wie viele X
    …?" is by one counting X, down to a share of the answerability threshold: the number
    with its unit is the answer's form, not a word match. A sentence without hours is not."""
    frame = frame_question("Wie viele Wochenstunden hat die Platzhalterklasse insgesamt?")
    hours = "Der Unterrichtsumfang der Platzhalterklasse beträgt 20 Stunden."
    for answerability, found in ((0.2, True), (0.05, False)):
        chunk = Chunk("c0", META.doc_id, 0, hours, "Beratung", 1, 1, meta=META)
        candidate = Candidate(hours, chunk, 0, 0, (), 0.5, frozenset(), ())
        evidence = Evidence(
            Query(frame.text, (), (), ()), (), {}, (candidate,), (), answerability, frame
        )
        assert RefusalPolicy(threshold=0.3).decide(evidence).found is found
