"""Municipality mentions, comparison detection and follow-up rewriting."""

from __future__ import annotations

import pytest

from assistant import gazetteer
from assistant.dialogue import (
    is_comparison,
    question_clauses,
    question_parts,
    rewrite_followup,
    topic_of,
)
from assistant.places import (
    Municipalities,
    NameUse,
    coordinated,
    listed_with,
    mention_names,
    narrowed,
    noun_stems,
    other_places,
    place_names,
    place_type_words,
    placed_stems,
    same_municipality,
    state_towns,
    strip_places,
    typed_names,
)

NAMES = Municipalities.of(["Stadt Haldenberg", "Stadt Kesselbrück", "Kreis Ostwaldau", ""])


def test_mentions_by_name_adjective_and_unique_type_word() -> None:
    assert NAMES.names == ("Kreis Ostwaldau", "Stadt Haldenberg", "Stadt Kesselbrück")
    assert NAMES.mentioned("Was machen die Haldenberger Lotsen?") == ["Stadt Haldenberg"]
    assert NAMES.mentioned("Und wie macht das der Kreis?") == ["Kreis Ostwaldau"]
    assert NAMES.mentioned("Wie viel Zeit sollte ein Kreis einplanen?") == []
    assert NAMES.mentioned("Kesselbrück oder Haldenberg?") == [
        "Stadt Kesselbrück",
        "Stadt Haldenberg",
    ]


def test_a_town_named_like_a_noun_is_no_mention_where_it_stands_as_the_noun() -> None:
    """A town whose name is also a common noun ("Stadt Weide" beside "die Weide") is named
    where it stands as a name ("in Weide", "die Weider Schulen"), not after an article or
    "pro" or as the last part of a compound ("Schul-Weide") whose first part names no place."""
    towns = Municipalities.of(["Stadt Weide", "Stadt Haldenberg", "Kreis Ostwaldau"])
    assert towns.mentioned("Wer pflegt die Weide in Haldenberg?") == ["Stadt Haldenberg"]
    assert towns.mentioned("Was kostet der Eintritt pro Weide in Haldenberg?") == [
        "Stadt Haldenberg"
    ]
    assert towns.mentioned("Wer mäht die Schul-Weide in Haldenberg?") == ["Stadt Haldenberg"]
    assert towns.mentioned("Wie groß ist der Schulgarten in Weide?") == ["Stadt Weide"]
    assert towns.mentioned("Was bieten die Weider Schulen?") == ["Stadt Weide"]
    assert towns.mentioned("Wie viele Schulen hat die Stadt Weide?") == ["Stadt Weide"]
    assert towns.mentioned("Wie regeln es Weide und Haldenberg?") == [
        "Stadt Weide",
        "Stadt Haldenberg",
    ]
    assert towns.mentioned("Was gilt im Kreis?") == ["Kreis Ostwaldau"]


def test_comparisons_are_detected_but_guide_questions_are_not() -> None:
    assert is_comparison("Wie regeln die drei Kommunen die SSF?", [])
    assert is_comparison("Was bieten die Kommunen für Kleinkinder an?", [])
    assert is_comparison("Wer berät?", ["Stadt Haldenberg", "Kreis Ostwaldau"])
    assert not is_comparison("Was müssen Kommunen bei der Bestandsaufnahme beachten?", [])


def test_topic_drops_names_and_cue_words() -> None:
    assert topic_of("Wie regeln die drei Kommunen die Sprachstandsfeststellung?", NAMES) == (
        "Wie regeln die die Sprachstandsfeststellung?"
    )


def test_followup_takes_the_topic_and_swaps_the_municipality() -> None:
    history = ["Wer führt in Haldenberg die Erstberatung durch?"]
    rewritten = rewrite_followup("Und wie macht das der Kreis?", history, NAMES)
    assert "Erstberatung" in rewritten and "Kreis Ostwaldau" in rewritten
    assert "Haldenberg" not in rewritten


def test_followup_keeps_what_the_new_turn_adds() -> None:
    history = ["Wie viele Deutschförderklassen hat Kesselbrück?"]
    rewritten = rewrite_followup("Und wie viele Plätze davon sind belegt?", history, NAMES)
    assert "Plätze" in rewritten and "Deutschförderklassen" in rewritten


def test_standalone_questions_are_not_rewritten() -> None:
    history = ["Wer führt in Haldenberg die Erstberatung durch?"]
    question = "Welche Fristen gelten in Kesselbrück für die Schulplatzvergabe?"
    assert rewrite_followup(question, history, NAMES) == ""
    assert rewrite_followup("Und im Kreis?", [], NAMES) == ""


def test_chained_followups_resolve_to_the_first_topic() -> None:
    history = [
        "Wie lange dauert die Sprachstandsfeststellung in Haldenberg?",
        "Und in Kesselbrück?",
    ]
    rewritten = rewrite_followup("Und im Kreis?", history, NAMES)
    assert "Sprachstandsfeststellung" in rewritten and "Kreis Ostwaldau" in rewritten
    assert "Kesselbrück" not in rewritten


def test_a_type_word_must_fit_the_municipality() -> None:
    names = Municipalities.of(["Stadt Münster", "Kreis Feldau"])
    assert names.mentioned("Was gilt in der Stadt Münster?") == ["Stadt Münster"]
    assert names.mentioned("Wie viele Kinder kamen im Regierungsbezirk Münster an?") == []
    assert names.mentioned("Und wie ist das im Kreis?") == ["Kreis Feldau"]
    assert names.mentioned("Und wie ist das im Kreis Hohenfurt?") == []


def test_real_names_hyphenated_compound_and_adjective() -> None:
    names = Municipalities.of(
        ["Kreis Farnau-Lübbern", "Elsbach-Ruhr-Kreis", "Wendischer Kreis", "Rhein-Auel-Kreis"]
    )
    cases = {
        "Wie viele Stunden gibt es im Kreis Farnau-Lübbern?": "Kreis Farnau-Lübbern",
        "Was macht der Elsbach-Ruhr-Kreis?": "Elsbach-Ruhr-Kreis",
        "Wie läuft die Beratung im Wendischen Kreis?": "Wendischer Kreis",
        "Und beim KI des Rhein-Auel-Kreises?": "Rhein-Auel-Kreis",
    }
    for question, kommune in cases.items():
        assert names.mentioned(question) == [kommune]
    stripped = {
        "Wie läuft es im Wendischen Kreis?": "Wie läuft es",
        "Und im Elsbach-Ruhr-Kreis?": "Und",
    }
    for question, rest in stripped.items():
        assert names.strip(question) == rest
    # the "-Kreis" of another Kreis's name is not the index's only Kreis
    assert NAMES.mentioned("Und im Rhein-Auel-Kreis?") == []


def test_a_kreis_named_by_its_leading_compound_and_a_town() -> None:
    """ "Rhein-Kreis Neuss"-style names: the compound is the type word, the town the name;
    the question is stripped of both, and compares two such municipalities."""
    names = Municipalities.of(["Rhein-Kreis Feldau", "StädteRegion Wendau"])
    question = "Wer berät mehr Familien: die StädteRegion Wendau oder der Rhein-Kreis Feldau?"
    assert names.mentioned(question) == ["StädteRegion Wendau", "Rhein-Kreis Feldau"]
    stripped = {
        "Wie arbeitet der Rhein-Kreis Feldau?": "Wie arbeitet der",
        "Was macht das KI des Rhein-Kreises Feldau?": "Was macht das KI des",
    }
    for asked, rest in stripped.items():
        assert names.strip(asked) == rest
    assert is_comparison(question, names.mentioned(question))
    assert other_places("Was macht der Rhein-Kreis Feldau?", names, lambda w: False) == ()


def test_type_words_of_places_in_the_singular_name_the_place_a_question_is_scoped_to() -> None:
    """In a question scoped to Feldau, "aus der Stadt", "des Kreises" and "im Bundesland" say
    where, as Feldau does; the plural names other places."""
    asked = "Was zahlen Familien aus der Stadt und des Kreises im Bundesland?"
    assert place_type_words(asked) == ["Stadt", "Kreises", "Bundesland"]
    assert place_type_words("Was zahlen Familien in anderen Städten und Gemeinden?") == []


def test_a_kreis_named_by_one_word_and_kreis_is_a_place_where_no_name_follows() -> None:
    """ "im Feldau-Kreis" names a Kreis as "im Ennepe-Ruhr-Kreis" does; only before a name
    ("der Rhein-Kreis Wendau") is such a word a type word. Before, "Feldau-Kreis" was taken
    for a type word alone and the question named no place, so the figure of another Kreis
    answered it."""
    names = Municipalities.of(["Kreis Wendau"])
    asked = "Wie viele Kitas hat der Feldau-Kreis 2024 eröffnet?"
    assert other_places(asked, names, lambda w: False) == ("Feldau-Kreis",)
    assert other_places("Was macht der Rhein-Kreis Hohenfurt?", names, lambda w: False) == (
        "Hohenfurt",
    )


def test_a_word_opening_the_next_line_completes_no_kreis_name() -> None:
    """ "Homepage des Feldau-Kreises" ends its line; "Für die Anmeldung …" opens the next.
    Before, "Feldau-Kreis Für" was read off the page as its municipality, and every page
    with a "Für" was placed there by that name's one distinctive word."""
    page = "Homepage des Feldau-Kreises\n\nFür die Anmeldung brauchen Sie die Geburtsurkunde."
    assert [t.municipality for t in typed_names(page)] == ["Feldau-Kreis"]
    inline = "Im Feldau-Kreis Für Kinder unter drei Jahren gibt es Krippen."
    assert [t.municipality for t in typed_names(inline)] == ["Feldau-Kreis"]
    assert [t.municipality for t in typed_names("des Rhein-Kreises Feldau")] == [
        "Rhein-Kreis Feldau"
    ]


def test_a_town_and_its_district_joined_by_a_hyphen_name_the_district() -> None:
    """ "in Feldau-Nordheim" names the district Nordheim of the town Feldau when both are
    municipalities of the index; a word naming two by one part keeps both."""
    names = Municipalities.of(["Stadt Feldau", "Nordheim", "Stadt Wendau", "Kreis Wendau"])
    assert names.mentioned("Was bietet die Kita in Feldau-Nordheim an?") == ["Nordheim"]
    assert names.mentioned("Was bietet Feldau an?") == ["Stadt Feldau"]
    assert sorted(names.mentioned("Was bietet Wendau an?")) == ["Kreis Wendau", "Stadt Wendau"]


def test_an_adjective_in_lich_opens_a_name_of_two_words() -> None:
    """ "Landkreis Westliche Wendau" as "Landkreis Sächsische Wendau": before, only an
    adjective in "-isch" opened such a name, and the index held a "Kreis Westliche", whose
    questions were asked with "Wendau" left over as another place."""
    page = "Das Jugendamt im Landkreis Westliche Wendau berät Familien."
    assert [t.municipality for t in typed_names(page)] == ["Kreis Westliche Wendau"]
    names = Municipalities.of(["Kreis Westliche Wendau", "Stadt Feldau"])
    asked = "Wer leitet das Jugendamt im Landkreis Westliche Wendau?"
    assert names.mentioned(asked) == ["Kreis Westliche Wendau"]
    assert names.strip(asked) == "Wer leitet das Jugendamt"


def test_a_hyphenated_name_written_whole_names_its_municipality() -> None:
    """ "Neu-Elm" of "Stadt Neu-Elm" has no part of four letters, and "Neu-Wendau"'s
    "Wendau" after "Neu", which names no place, was read as a compound noun: questions naming
    either town were not scoped to it."""
    names = Municipalities.of(["Stadt Neu-Elm", "Stadt Neu-Wendau", "Stadt Feldau"])
    assert names.mentioned("Gibt es in Neu-Elm Schulhunde?") == ["Stadt Neu-Elm"]
    assert names.mentioned("Was zahlen Neu-Elmer Familien?") == ["Stadt Neu-Elm"]
    assert names.mentioned("Was bietet die Kita in Neu-Wendau an?") == ["Stadt Neu-Wendau"]
    assert names.mentioned("Was kostet ein Schul-Wendau?") == []
    # passages and the members of a list name it so too, not as "stadt neu-elm"
    assert mention_names("Stadt Neu-Elm") == ("neu-elm",)
    listed = "Was kostet es in Neu-Elm und im Kreis Wendau?"
    assert listed_with(listed, ["Stadt Neu-Elm", "Kreis Wendau"], lambda w: False) == ()


def test_a_district_after_a_town_the_index_does_not_hold_names_the_district() -> None:
    """ "Celle-Lindenau": a town the gazetteer (outside NRW or in it) or the documents know
    before the district the index holds; before, only a town of the index made the compound a
    place."""
    names = Municipalities.of(["Lindenau", "Stadt Wendau"], places=["Hohenfurt"])
    assert names.mentioned("Wann berät das Jugendamt in Celle-Lindenau?") == ["Lindenau"]
    assert names.mentioned("Wann berät das Jugendamt in Soest-Lindenau?") == ["Lindenau"]
    assert names.mentioned("Wann berät das Jugendamt in Hohenfurt-Lindenau?") == ["Lindenau"]
    assert names.mentioned("Was macht die Kita-Lindenau?") == []


def test_a_word_for_a_part_of_a_town_names_a_district_the_index_holds_untyped() -> None:
    """ "im Bezirk Lindenau" names the index's Lindenau (a district's own documents); a word
    for a larger area does not ("im Regierungsbezirk Feldau"), nor names a typed town."""
    names = Municipalities.of(["Lindenau", "Stadt Feldau"])
    assert names.mentioned("Wie viel zahlt man im Bezirk Lindenau?") == ["Lindenau"]
    assert names.mentioned("Und im Stadtteil Lindenau?") == ["Lindenau"]
    assert names.mentioned("Wie viele sind es des Bezirks Lindenau?") == ["Lindenau"]
    assert names.mentioned("Was gilt in der Region Lindenau?") == []
    assert names.mentioned("Was gilt im Regierungsbezirk Feldau?") == []
    assert names.mentioned("Was gilt im Bezirk Feldau?") == []


def test_the_kreis_of_an_adjective_name_ends_that_name() -> None:
    """ "der Oberfeldische Kreis Anfang 2015": "Kreis" closes the adjective's name, so
    "Anfang" is no Kreis of its own, in a question or a document."""
    names = Municipalities.of(["Oberfeldischer Kreis", "Stadt Wendau"])
    question = "Wie viele Kinder zählte der Oberfeldische Kreis Anfang 2015?"
    assert names.mentioned(question) == ["Oberfeldischer Kreis"]
    assert other_places(question, names, lambda w: False) == ()
    text = "Der Oberfeldische Kreis Ende 2015 und der Kreis Wendau berieten."
    assert [t.municipality for t in typed_names(text)] == ["Oberfeldischer Kreis", "Kreis Wendau"]
    assert other_places("Wie viele kamen im Kreis Anfang?", names, lambda w: False) == ("Anfang",)


def test_a_town_after_an_office_is_a_place_where_the_documents_use_it_as_a_name() -> None:
    """ "bei der Handwerkskammer Meppen und im Kreis Feldau": a town after any office or
    institution is a place to compare when the documents use it as a name, though they know
    the word."""
    names = Municipalities.of(["Kreis Feldau", "Stadt Wendau"])
    question = "Wie lange dauert die Maßnahme bei der Handwerkskammer Meppen und im Kreis Feldau?"

    def known(word: str) -> bool:
        return True  # every word of the question occurs in the documents

    assert other_places(question, names, known) == ()
    assert other_places(question, names, known, lambda w: w == "Meppen") == ("Meppen",)


def test_a_question_word_is_no_office_before_a_town_name() -> None:
    """ "Welche Stelle weist … zu?": "Stelle" is also the name of a town, but after the
    question's first word it is the noun asked about; after an office ("das Jugendamt
    Stelle") it is the office's town."""
    names = Municipalities.of(["Stadt Feldau", "Stadt Wendau"])
    question = "Welche Stelle weist den Schulplatz zu – in Feldau und in Wendau?"
    assert other_places(question, names, lambda w: False) == ()
    assert other_places("Was bietet das Jugendamt Stelle?", names, lambda w: False) == ("Stelle",)


def test_the_one_word_kreis_of_nrw_is_a_typed_name_and_a_working_group_is_none() -> None:
    """NRW has one Kreis whose one-word name ends in its type word; "Arbeitskreis" and
    "Lenkungskreis" are no municipalities."""
    text = "Der Lenkungskreis und der Arbeitskreis des Hochsauerlandkreises tagen."
    assert [t.municipality for t in typed_names(text)] == ["Hochsauerlandkreis"]
    assert typed_names("Der Arbeitskreis Schule des Kreises tagt.") == []


def test_a_type_word_after_a_possessive_or_determiner_is_no_municipality() -> None:
    """ "in seiner Gemeinde Willkommensklassen" names no "Gemeinde Willkommensklassen": after
    a possessive or a determiner other than the article the type word is a common noun."""
    text = "Er fordert in seiner Gemeinde Willkommensklassen, in jeder Stadt Sprachkurse."
    assert typed_names(text) == []
    assert [t.municipality for t in typed_names("In der Gemeinde Weeze und Stadt Kleve")] == [
        "Gemeinde Weeze",
        "Stadt Kleve",
    ]


def test_a_name_glued_to_the_next_word_is_not_cut_short() -> None:
    """A page's extraction may glue a name to the next word ("Landeshauptstadt
    HannoverDrucksachen"): that names no "Hannove" (a municipality of its own that rivals the
    right one when a document's municipality is inferred); the name ends where a word does."""
    text = "Landeshauptstadt HannoverDrucksachen-Zentrale. Die Landeshauptstadt Hannover berät."
    assert [t.municipality for t in typed_names(text)] == ["Stadt Hannover"]
    assert [t.municipality for t in typed_names("die Stadt Feldau an der Ruhr.")] == [
        "Stadt Feldau an der Ruhr"
    ]


def test_a_name_written_out_or_with_a_slash_is_stripped_whole() -> None:
    """ "Weilbach an der Ruhr" is stripped with its "an der Ruhr" (a stray "Ruhr" would
    search for other places of that river); "Weilbach/Ruhr" names it too."""
    names = Municipalities.of(["Stadt Weilbach an der Ruhr", "Kreis Feldau"])
    assert names.mentioned("Wie ist das in Weilbach/Ruhr?") == ["Stadt Weilbach an der Ruhr"]
    stripped = {
        "Wie berät Weilbach an der Ruhr Familien?": "Wie berät Familien?",
        "Was tun Weilbacher Schulen an der Ruhr?": "Was tun Schulen an der Ruhr?",
    }
    for question, rest in stripped.items():
        assert names.strip(question) == rest


def test_the_words_of_a_name_before_its_distinctive_one_are_stripped_too() -> None:
    """ "Bad Kesselbrunn" is named by "Kesselbrunn"; a stray "Bad" left in the topic would be
    its rarest word and make every sentence naming the town look on topic."""
    names = Municipalities.of(["Bad Kesselbrunn", "Stadt Bad Wendau", "Kreis Feldau"])
    stripped = {
        "Welche Sprachen lernt man in Bad Kesselbrunn?": "Welche Sprachen lernt man",
        "Was bietet die Stadt Bad Wendau an?": "Was bietet die an?",
        "Wie lange dauert ein Bad in Feldau?": "Wie lange dauert ein Bad",
    }
    for question, rest in stripped.items():
        assert names.strip(question) == rest


def test_a_name_in_camel_case_is_no_town_adjective() -> None:
    """ "die Hohenfurter Schulen" names Hohenfurt; "beim JobCenter Hohenfurt" names no town
    "JobCent", though the documents use "JobCenter" as a name (a town the gazetteer does not
    know is a place after an office only where the documents use it as one)."""
    known = lambda word: True  # noqa: E731
    names = lambda word: word.lower().startswith(("jobcent", "hohenfurt"))  # noqa: E731
    asked = "Bis wann reicht man den Nachweis beim JobCenter Hohenfurt ein?"
    assert other_places(asked, NAMES, known, names) == ()
    asked = "Was bieten die Hohenfurter Schulen an?"
    assert other_places(asked, NAMES, known, names) == ("Hohenfurt",)


def test_other_places_must_be_met_by_the_evidence() -> None:
    def known(word: str) -> bool:
        return word.lower() in {"schulen", "eltern"}

    assert other_places("Wie läuft die Erstberatung in Hohenfurt?", NAMES, known) == ("Hohenfurt",)
    assert other_places("Was bieten die Hohenfurter Schulen an?", NAMES, known) == ("Hohenfurt",)
    assert other_places("Wie viele kamen im Regierungsbezirk Arnsberg an?", NAMES, known) == (
        "Arnsberg",
    )
    # a school authority's area is named after its place
    asked = "Wie viele Deutschklassen gibt es im Schulamtsbezirk Hohenfurt an der Au?"
    assert other_places(asked, NAMES, known) == ("Hohenfurt",)
    assert other_places("Gibt es in Schulen DaZ-Kurse in Haldenberg?", NAMES, known) == ()
    assert other_places("Und im Kreis Farnau-Lübbern?", NAMES, known) == ("Farnau-Lübbern",)
    assert other_places("Und im Lkr. Farnau-Lübbern?", NAMES, known) == ("Farnau-Lübbern",)
    assert other_places("Und im Rhein-Auel-Kreis?", NAMES, known) == ("Rhein-Auel-Kreis",)
    assert other_places("Wie berät man im Wendischen Kreis?", NAMES, known) == ("Wendisch",)
    # "bei X" is a circumstance, not a place the evidence must name
    asked = "Wer übersetzt bei Sprachproblemen in Haldenberg?"
    assert other_places(asked, NAMES, known) == ()
    # a kreisfreie Stadt of NRW is a place however a question names it
    assert other_places("Was macht Bochum bei der Erstberatung?", NAMES, known) == ("Bochum",)
    assert other_places("Was bieten die Bochumer Schulen an?", NAMES, known) == ("Bochum",)
    assert other_places("Gibt es in der OGS Essen für Eltern?", NAMES, lambda w: True) == ()
    # the other side of a comparison is a place too, unless the corpus knows the word
    compared = "Wie lange dauert es in Haldenberg im Vergleich zu Hohenfurt?"
    assert other_places(compared, NAMES, known) == ("Hohenfurt",)
    assert other_places("Berät Haldenberg anders als Hohenfurt?", NAMES, known) == ("Hohenfurt",)
    assert other_places("Wie ist es gegenüber Hohenfurt geregelt?", NAMES, known) == ("Hohenfurt",)
    years = "Kamen in Haldenberg mehr Kinder im Vergleich zu Vorjahren?"
    assert other_places(years, NAMES, lambda w: w.lower() == "vorjahren") == ()
    # an unknown word joined by "und" to an ordinary noun is of its kind, not a place
    kinds = "Wie viel Geld gibt Haldenberg für Sprachförderung in Kitas und Schulen aus?"
    assert other_places(kinds, NAMES, known) == ()
    assert other_places("Wie ist es in Hohenfurt und Haldenberg?", NAMES, known) == ("Hohenfurt",)
    # nor is one in a plural of where children learn or are cared for, joined to nothing
    # ("in Kitas mit vielen Kindern"), though the corpus does not know the word
    kitas = "Wie viel Geld gibt Haldenberg für Sprachförderung in Kitas mit vielen Kindern aus?"
    assert other_places(kitas, NAMES, known) == ()
    classes = "Wer unterrichtet in Willkommensklassen in Hohenfurt?"
    assert other_places(classes, NAMES, known) == ("Hohenfurt",)
    # a noun the corpus does not know is no place: by its ending, or by the genitive after it
    checked = "Wie viele Kinder kamen in Hohenfurt nach Prüfung ihrer Kenntnisse in die Klasse?"
    assert other_places(checked, NAMES, known) == ("Hohenfurt",)
    assert other_places("Wer hilft nach Anmeldung in Hohenfurt?", NAMES, known) == ("Hohenfurt",)
    assert other_places("Wie viele kamen nach Kontrolle ihrer Papiere?", NAMES, known) == ()


def test_a_land_besides_nrw_is_a_place_wherever_the_question_names_it() -> None:
    """ "im Saarland", "Wie regelt Hessen …?": a Land other than NRW is a place the evidence
    must be about, though the corpus knows its parts ("Saar", "Land"); "Neustadt in Sachsen"
    names a town, not the Land."""

    def known(word: str) -> bool:
        return word.lower() in {"saarland", "hessen", "sachsen"}

    asked = "Wie viele Lehrkräfte erhielten im Saarland eine Planstelle?"
    assert other_places(asked, NAMES, known) == ("Saarland",)
    assert other_places("Wie regelt Hessen die Intensivklassen?", NAMES, known) == ("Hessen",)
    asked = "Wer leitet die Vorbereitungsklasse in Neustadt in Sachsen?"
    assert other_places(asked, NAMES, known) == ("Neustadt",)
    # ... and goes with the name when the name is taken out of a comparison's topic
    asked = "Wie viele Stunden gibt es in Neustadt in Sachsen und in Schmölln?"
    towns = Municipalities.of(["Stadt Neustadt", "Stadt Schmölln"])
    assert towns.strip(asked) == "Wie viele Stunden gibt es"
    assert strip_places(asked, ["Neustadt", "Schmölln"]) == "Wie viele Stunden gibt es"


def test_a_one_word_kreis_and_a_bad_town_outside_the_index_are_places() -> None:
    """Kreise outside NRW often carry their type word in one word ("im Hohenmoorkreis", "des
    Hohenmoorkreises"), and spa towns start with "Bad": both are places the evidence must
    name. A "…kreis" the corpus knows by its parts ("im Arbeitskreis") is none."""

    def known(word: str) -> bool:
        return word.lower() in {"arbeitskreis", "bad"}

    asked = "Wie viele Intensivklassen gibt es im Hohenmoorkreis?"
    assert other_places(asked, NAMES, known) == ("Hohenmoorkreis",)
    asked = "Was bietet die Berufsschule des Hohenmoorkreises an?"
    assert other_places(asked, NAMES, known) == ("Hohenmoorkreis",)
    assert other_places("Was bespricht der Arbeitskreis in Haldenberg?", NAMES, known) == ()
    asked = "Welche Sprachen lernen Kinder in Bad Lindenau?"
    assert other_places(asked, NAMES, known) == ("Bad Lindenau",)
    asked = "Wie heißt das Sprachprogramm in St. Lindenau?"  # the name, not a place "St"
    assert other_places(asked, NAMES, known) == ("St. Lindenau",)


def test_a_bad_town_after_a_type_word_is_a_place_and_is_stripped_whole() -> None:
    """ "Landkreis Bad Lindenau", "Stadt Bad Feldau": a spa town's name after a type word is
    a place like one after "in"; a comparison's topic drops all words of each place's name,
    so that no part keeps the other's place."""

    def known(word: str) -> bool:
        return word.lower() in {"bad"}

    asked = "Wie viele Deutschklassen gibt es im Landkreis Bad Lindenau?"
    assert other_places(asked, NAMES, known) == ("Bad Lindenau",)
    assert other_places("Was bietet die Stadt Bad Feldau an?", NAMES, known) == ("Bad Feldau",)
    asked = "Wie viele Deutschklassen gibt es im Kreis Hohenmoor und im Landkreis Bad Lindenau?"
    topic = strip_places(asked, ["Hohenmoor", "Bad Lindenau-Weiler"])
    assert "Bad" in topic  # only a name whose every word stands is stripped
    topic = strip_places(asked, ["Hohenmoor", "Bad Lindenau"])
    assert "Hohenmoor" not in topic and "Bad" not in topic and "Lindenau" not in topic
    assert "Deutschklassen" in topic


def test_a_town_of_the_gazetteer_is_a_place_though_the_corpus_knows_the_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A German town outside NRW that the gazetteer lists (here fictional) is a place the
    evidence must name after "in/aus/nach" or after an office or school ("am
    Berufsschulzentrum Wexhafen"), even where a document names it and the corpus knows the
    word; without a place preposition ("in der Halle") or without the gazetteer it is none."""
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset({"wexhafen", "halle"}))
    asked = "Wie viele Stunden haben die VABO-Klassen am Berufsschulzentrum Wexhafen?"
    assert other_places(asked, NAMES, lambda w: True) == ("Wexhafen",)
    assert other_places("Wie viele Kinder lernen in Wexhafen?", NAMES, lambda w: True) == (
        "Wexhafen",
    )
    assert other_places("Was findet in der Halle statt?", NAMES, lambda w: True) == ()
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset())
    assert other_places(asked, NAMES, lambda w: True) == ()


def test_a_town_of_the_gazetteer_before_the_subject_is_a_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "Wo liegt in Wexhafen der Klassenteiler?": the article after the town starts the
    subject, so the town is a place the evidence must name, unless the corpus knows the word
    as a noun ("in Kirchen der Stadt" speaks of churches)."""
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset({"wexhafen", "kirchen"}))
    asked = "Bei welcher Schülerzahl liegt in Wexhafen der Klassenteiler?"
    assert other_places(asked, NAMES, lambda w: False) == ("Wexhafen",)
    nouns = {"Kirchen"}
    asked = "Wie viele Kurse finden in Kirchen der Stadt statt?"
    assert other_places(asked, NAMES, lambda w: w in nouns) == ()


def test_a_title_word_the_documents_never_use_as_a_noun_is_a_place_though_they_know_it() -> None:
    """A page about a town outside the index's municipalities ("Hohenfurt Vorbereitungsklassen")
    makes the corpus know its name; asked "in Hohenfurt", it is still a place the evidence
    must name. A word the documents also use as a noun ("die Kooperation", "das Haus der
    Bildung") is none in any of its forms ("nach Hause"), nor is one they only write after
    "in" ("Plätze in Sprachfördergruppen"), nor a town's adjective or genitive its noun."""
    nouns = noun_stems(
        [
            "Die Schulen in Hohenfurt arbeiten in enger Kooperation. Das Haus der Bildung "
            "berät die Eltern. Es gibt 24 Plätze in Sprachfördergruppen.",
            "Die Kooperation mit dem Schulamt Hohenfurt läuft seit 2020 an mehreren "
            "Hohenfurter Schulen, unter Hohenfurts Grundschulen an allen.",
        ]
    )
    assert "kooperation" in nouns and "haus" in nouns
    assert "hohenfurt" not in nouns and "hohenfurter" in nouns
    use = NameUse(nouns, frozenset({"hohenfurt", "vorbereitungsklass", "kooperation", "haus"}))

    def known(word: str) -> bool:
        return True  # every word of these questions occurs in the documents

    asked = "Wie viele Wochenstunden Deutsch gibt es in Hohenfurt?"
    assert other_places(asked, NAMES, known) == ()  # without the name use: as before
    assert other_places(asked, NAMES, known, use.names) == ("Hohenfurt",)
    cooperation = "Wird das in Kooperation mit der VHS gemacht?"
    assert other_places(cooperation, NAMES, known, use.names) == ()
    assert other_places("Wann kommt das Team nach Hause?", NAMES, known, use.names) == ()
    groups = "Wie viele Plätze gibt es in Sprachfördergruppen?"
    assert other_places(groups, NAMES, known, use.names) == ()
    assert other_places("Gibt es Kurse in Haldenberg?", NAMES, known, use.names) == ()


def _name_use(texts: list[str]) -> NameUse:
    """How ``texts`` use words that may be names, as an index of them would (no titles)."""
    return NameUse(noun_stems(texts), frozenset(), placed_stems(texts))


def test_a_name_of_two_names_joined_by_a_hyphen_is_a_place() -> None:
    """A district or twin town named by both its names ("in Lindwerder-Ostheim") is a place
    when the documents use each part as a name, though they never write the joined form
    after "in"; a part they use as a noun ("Lindwerder-Schule") makes it none."""
    texts = [
        "In Lindwerder gibt es zwei Kitas. Die Schule in Ostheim nimmt Kinder auf.",
        "Die Schule lernt mit der Kita in Ostheim.",
    ]
    use = _name_use(texts)
    assert use.names("Lindwerder-Ostheim")
    assert not use.names("Lindwerder-Schule")

    def known(word: str) -> bool:
        return True  # every word of these questions occurs in the documents

    asked = "Wie oft treffen sich die Familien in Haldenberg und in Lindwerder-Ostheim?"
    assert other_places(asked, NAMES, known, use.names) == ("Lindwerder-Ostheim",)


def test_the_town_of_an_address_is_a_place() -> None:
    """A page whose text never writes "in Hohenfurt" still names its town in the address of
    its office ("01234 Hohenfurt", "Hauptstraße 6, 12345 Feldau)", "A-1234 Lindenau"): the
    word after a postcode that ends the address is a place; an amount ("10000 Euro für …"),
    a count of what the documents use as a noun ("12000 Kinder" beside "die Kinder") or
    what follows a phone number is none."""
    texts = [
        "Berufskolleg Hohenfurt / Wendau\n01234 Hohenfurt\nTel. 01234 56789\n"
        "Anmeldung im Sekretariat (Hauptstraße 6, 12345 Feldau).",
        "- A-1234 Lindenau, Österreich\n10000 Euro für die Schule\n12000 Kinder\n"
        "Im Jahr 2020, 2021 Kinder\nTel. 0911 23124\nMontag bis Freitag lernen die Kinder.",
    ]
    use = _name_use(texts)
    assert use.names("Hohenfurt") and use.names("Feldau") and use.names("Lindenau")
    assert not any(use.names(word) for word in ("Euro", "Kinder", "Montag"))


def test_a_word_the_documents_write_after_in_and_never_as_a_noun_is_a_place() -> None:
    """Documents without a place in their titles (neutral file names) still say where they
    are: "in Lindwerder". A question word they write so, and never as a noun, is a place though
    the corpus knows it; one they also use as a noun ("in Absprache" beside "die Absprache"),
    a compound ending in one of their nouns ("in Sprachfördergruppen" beside "die Gruppen")
    or where people come from ("aus Afghanistan" as often as "in Afghanistan") is none."""
    texts = [
        "Die Grundschule in Lindwerder nimmt 12 Kinder aus Afghanistan auf. Die Gruppen lernen "
        "in Sprachfördergruppen. Die Klassen werden in Absprache gebildet.",
        "Die Absprache mit dem Schulamt gilt. Die Gruppen sind klein. In Lindwerder ist die "
        "Familie nach dem Krieg in Afghanistan angekommen.",
    ]
    use = _name_use(texts)
    assert use.names("Lindwerder")
    assert not use.names("Absprache") and not use.names("Sprachfördergruppen")
    assert not use.names("Afghanistan")
    # a plural of where people learn is no place though no document writes "die Gruppen"
    alone = ["Es gibt 24 Plätze in Sprachfördergruppen und 12 in Willkommensklassen."]
    lone = _name_use(alone)
    assert not lone.names("Sprachfördergruppen") and not lone.names("Willkommensklassen")

    def known(word: str) -> bool:
        return True  # every word of these questions occurs in the documents

    asked = "Wie viele Kinder lernen in Haldenberg und in Lindwerder Deutsch?"
    assert other_places(asked, NAMES, known) == ()  # without the name use
    assert other_places(asked, NAMES, known, use.names) == ("Lindwerder",)
    assert coordinated(asked, ["Stadt Haldenberg", "Lindwerder"])
    groups = "Wie viele Plätze gibt es in Sprachfördergruppen?"
    assert other_places(groups, NAMES, known, use.names) == ()
    agreed = "Werden die Klassen in Absprache gebildet?"
    assert other_places(agreed, NAMES, known, use.names) == ()


def test_a_compound_ending_in_a_noun_of_the_documents_is_no_place() -> None:
    """ "Kinder aus Flüchtlingsfamilien" names no place though the corpus lacks the compound:
    its last part is a noun the documents use ("die Familien"). A name whose end is only a
    short noun ("Hohenstadt", "die Stadt") or no noun of theirs ("Weilbach") stays a place."""
    nouns = noun_stems(["Die Familien kommen in die Stadt. Die Stadt berät die Familien."])
    use = NameUse(nouns, frozenset())
    assert use.ends_in_noun("Flüchtlingsfamilien") and use.ends_in_noun("Asylbewerberfamilien")
    assert not use.ends_in_noun("Hohenstadt") and not use.ends_in_noun("Familien")

    def known(word: str) -> bool:
        return word in ("Kinder", "Schule", "Familien") or use.ends_in_noun(word)

    asked = "Wie viele Kinder aus Flüchtlingsfamilien besuchen die Schule in Hohenstadt?"
    assert other_places(asked, NAMES, known) == ("Hohenstadt",)
    assert other_places("Wie viele Kinder aus Weilbach gibt es?", NAMES, known) == ("Weilbach",)


def test_a_place_the_clause_goes_on_from_is_one_and_a_genitive_makes_a_noun() -> None:
    """After "in", an unknown word followed by a genitive is a noun ("in Trägerschaft des
    Kreises"); followed by another article, the clause goes on after a place ("wurde in
    Hohenfurt eine Stelle eingerichtet", "besuchen in Weilbach die Kurse"), and so does a
    relative clause after a comma ("den Kindergarten in Hohenfurt, der …")."""

    def known(word: str) -> bool:
        return word not in ("Hohenfurt", "Weilbach", "Trägerschaft", "Begleitung")

    asked = "An welcher Schule wurde in Hohenfurt eine zentrale Anmeldestelle eingerichtet?"
    assert other_places(asked, NAMES, known) == ("Hohenfurt",)
    assert other_places("Wie viele besuchen in Weilbach die Kurse?", NAMES, known) == ("Weilbach",)
    assert other_places("Wer ist in Trägerschaft des Kreises?", NAMES, known) == ()
    assert other_places("Kommt sie in Begleitung einer Lehrkraft?", NAMES, known) == ()
    related = "Wer leitet den Kindergarten in Hohenfurt, der Kinder aufgenommen hat?"
    assert other_places(related, NAMES, known) == ("Hohenfurt",)


def test_names_listed_after_a_place_are_places_too() -> None:
    """ "in Hohenfurt, Weilbach und Feldau": the names listed after a place (or after a
    municipality of the index) are places of their own; a noun after a place is none."""

    def known(word: str) -> bool:
        return word not in ("Hohenfurt", "Weilbach", "Feldau", "Vorkurse")

    listed = "Welche Hilfe gibt es in Hohenfurt, Weilbach und Feldau?"
    assert other_places(listed, NAMES, known) == ("Hohenfurt", "Weilbach", "Feldau")
    after_index = "Welche Hilfe gibt es in Haldenberg, Weilbach und Feldau?"
    assert other_places(after_index, NAMES, known) == ("Weilbach", "Feldau")
    assert other_places("Gibt es in Hohenfurt Vorkurse?", NAMES, known) == ("Hohenfurt",)


def test_town_adjectives_in_aner_and_of_names_in_en_name_the_town() -> None:
    """ "Hohenfurtaner" (as "Münsteraner") and "Weilinger" of Weilingen (as "Solinger") name
    their towns; a lower-case word that happens to share the letters does not."""
    names = Municipalities.of(["Stadt Hohenfurt", "Stadt Weilingen", "Stadt Dressen"])
    asked = "Wo hat die Hohenfurtaner Clearingstelle eine Außenstelle?"
    assert names.mentioned(asked) == ["Stadt Hohenfurt"]
    assert names.mentioned("Wie viele Weilinger Schulen haben Klassen?") == ["Stadt Weilingen"]
    assert names.mentioned("Was steht im Dressner Informationsblatt?") == ["Stadt Dressen"]
    assert names.mentioned("Gilt das auch in weilinger Fällen?") == []
    assert other_places(asked, names, lambda w: False) == ()


def test_the_adjective_of_a_titled_name_is_a_place_though_the_corpus_knows_it() -> None:
    """ "in den Hohenfurter Klassen": the corpus knows the adjective from a page about
    Hohenfurt, whose title carries the name; the place is Hohenfurt."""
    use = NameUse(frozenset({"hohenfurter"}), frozenset({"hohenfurt"}))
    asked = "Wie viel Unterricht gibt es in den Hohenfurter BVJ-Klassen?"
    assert other_places(asked, NAMES, lambda w: True) == ()
    assert other_places(asked, NAMES, lambda w: True, use.names) == ("Hohenfurt",)


def test_only_an_inflected_word_makes_the_next_a_noun() -> None:
    """A garbled teaser ("Grenze erreicht us Hohenfurt") or a verb before a name does not
    make the name a noun; an adjective or a determiner does ("in enger Kooperation", "jede
    Schule")."""
    nouns = noun_stems(
        ["Kapazitätsgrenze erreicht us Hohenfurt. Es läuft in enger Kooperation, jede Schule."]
    )
    assert "hohenfurt" not in nouns
    assert {"kooperation", "schul"} <= nouns


def test_two_places_joined_as_a_pair_are_asked_about_each() -> None:
    """ "in Hohenfurt und in Weilbach" asks about each place; a question that names two places
    in different roles ("aus Hohenfurt … in Weilbach") does not."""
    pair = ["Hohenfurt", "Weilbach"]
    assert coordinated("Wie viele Plätze gibt es in Hohenfurt und in Weilbach?", pair)
    assert coordinated("Was bieten Hohenfurt, Weilbach oder Feldau an?", [*pair, "Feldau"])
    assert coordinated("Wie ist es für Hohenfurt sowie für die Stadt Weilbach?", pair)
    assert coordinated("Was tun Haldenberg und der Kreis Ostwaldau?", list(NAMES.names[:2]))
    hyphenated = "Wie lange bleiben sie – im Landkreis Neu-Hohenfurt und in Weilbach?"
    assert coordinated(hyphenated, ["Neu-Hohenfurt", "Weilbach"])
    bracketed = "Wie viele Stunden gibt es in Hohenfurt (Grundschule) und in Weilbach (VKL)?"
    assert coordinated(bracketed, pair)
    assert not coordinated("Wie viele Kinder aus Hohenfurt lernen in Weilbach?", pair)
    assert not coordinated("Wie berät Hohenfurt Familien? Und Weilbach?", pair)
    assert not coordinated("Wie berät Hohenfurt und wann kommen die Familien?", pair)


def test_a_name_listed_with_a_place_as_its_equal_is_a_place_too() -> None:
    """A list's members are of one kind: a capitalised word listed with a place ("in Feldau,
    Wendau und Lindenau", "in Lindenau und in der Stadt Feldau") is a place, though the
    documents know the word, unless they use it as a noun or it is an abbreviation. A list
    without a place ("Kinder und Jugendliche") names none; a name that goes on after "am"
    ("Frankfurt am Main") is no member of its own."""
    never = lambda word: False  # noqa: E731 - the documents use no word as a noun
    asked = "Was kostet das Essen in Feldau, Wendau und Lindenau?"
    assert listed_with(asked, ["Feldau"], never) == ("Wendau", "Lindenau")
    assert listed_with(asked, ["Lindenau"], never) == ("Feldau", "Wendau")
    assert listed_with(
        "Ab wann gilt es in Lindenau und in der Stadt Feldau?", ["Stadt Feldau"], never
    ) == ("Lindenau",)
    assert listed_with(
        "Wann haben Wendau und Feldau ihre Anträge gestellt?", ["Feldau"], never
    ) == ("Wendau",)
    assert listed_with(asked, [], never) == ()
    umgebung = "Wie viele Kinder gibt es in Feldau und Umgebung?"
    assert listed_with(umgebung, ["Feldau"], lambda word: word == "Umgebung") == ()
    assert listed_with("Wo lernen Kinder und Jugendliche in Feldau?", ["Feldau"], never) == ()
    assert listed_with("Wer berät in Frankfurt am Main und in Feldau?", ["Feldau"], never) == ()
    placed = (
        "Wie viele lernen an der Lindenschule in Feldau und in der Willkommensklasse in Wendau?"
    )
    assert listed_with(placed, ["Feldau", "Wendau"], never) == ()
    bodies = "Wie lange amtieren der Elternrat in Feldau, der GEB in Wendau?"
    assert listed_with(bodies, ["Feldau", "Wendau"], never) == ()


def test_a_word_the_documents_use_as_a_noun_or_compound_of_one_is_a_noun() -> None:
    """``NameUse.noun``: the word after an article, or a compound ending in such a word."""
    use = NameUse(nouns=noun_stems(["Die Umgebung ist ruhig. Die Beratung hilft."]))
    assert use.noun("Umgebung") and use.noun("Erziehungsberatung")
    assert not use.noun("Lindenau")


def test_two_places_in_phrases_of_their_own_joined_by_und_are_asked_about_each() -> None:
    """Each name may stand in a phrase of its own ("am Berufskolleg Hohenfurt und in der
    internationalen Klasse der Gesamtschule in Weilbach"): still a pair. A verb, a question
    word or a sentence end between the names gives them different roles."""
    pair = ["Hohenfurt", "Weilbach"]
    school = "Wie viel Deutsch bekommen die Kinder am Berufskolleg Hohenfurt und in der"
    joined = [
        f"{school} internationalen Klasse der Gesamtschule in Weilbach?",
        "Was steht in den Unterlagen aus Hohenfurt und im Beitrag aus Weilbach?",
    ]
    roles = [
        "Wie viele Kinder aus Hohenfurt und aus anderen Orten lernen in Weilbach?",
        "Wer berät in Hohenfurt und welche Stelle hilft in Weilbach?",
        "Wie berät Hohenfurt Familien, und wie viele ziehen nach Weilbach?",
    ]
    assert all(coordinated(q, pair) for q in joined)
    assert not any(coordinated(q, pair) for q in roles)


def test_each_place_of_a_list_is_asked_what_its_own_phrase_says() -> None:
    """A list of places in phrases of their own gives each place the question with its own
    phrase only: the school, class or aside said of one place is not asked of the others."""
    pair = ["Hohenfurt", "Weilbach"]
    school = (
        "Wie viele Kinder lernen an der Lindenschule in Hohenfurt und in der Willkommensklasse "
        "in Weilbach?"
    )
    assert narrowed(school, pair) == {
        "Hohenfurt": "Wie viele Kinder lernen an der Lindenschule in Hohenfurt?",
        "Weilbach": "Wie viele Kinder lernen in der Willkommensklasse in Weilbach?",
    }
    aside = (
        "Wie viele Geflüchtete leben in Hohenfurt, in Weilbach (Stand Ende Januar) und in Feldau?"
    )
    assert narrowed(aside, [*pair, "Feldau"]) == {
        "Hohenfurt": "Wie viele Geflüchtete leben in Hohenfurt?",
        "Weilbach": "Wie viele Geflüchtete leben in Weilbach (Stand Ende Januar)?",
        "Feldau": "Wie viele Geflüchtete leben in Feldau?",
    }
    typed = narrowed("Wer ist in Hohenfurt und im Flecken Weilbach Ansprechperson?", pair)
    assert typed["Hohenfurt"] == "Wer ist in Hohenfurt Ansprechperson?"
    assert typed["Weilbach"] == "Wer ist im Flecken Weilbach Ansprechperson?"
    each = (
        "Welche Höchstzahl nennen Bad Hohenfurt für seine VKL und Weilbach für seine Sprachklasse?"
    )
    assert narrowed(each, ["Bad Hohenfurt", "Weilbach"]) == {
        "Bad Hohenfurt": "Welche Höchstzahl nennen Bad Hohenfurt für seine VKL?",
        "Weilbach": "Welche Höchstzahl nennen Weilbach für seine Sprachklasse?",
    }
    adjective = (
        "Wie viele Kinder werden in Hohenfurt und an der Weilbacher Lindenschule unterrichtet?"
    )
    assert (
        narrowed(adjective, pair)["Hohenfurt"]
        == "Wie viele Kinder werden in Hohenfurt unterrichtet?"
    )
    articles = (
        "Wie organisieren das Gymnasium Hohenfurt und die Realschule Weilbach den Unterricht?"
    )
    assert (
        narrowed(articles, pair)["Weilbach"]
        == "Wie organisieren die Realschule Weilbach den Unterricht?"
    )
    # what the question says before the list holds for every place
    shared = narrowed("Welche Angebote gibt es für Kinder in Hohenfurt und in Weilbach?", pair)
    assert shared["Weilbach"] == "Welche Angebote gibt es für Kinder in Weilbach?"
    kreis = "Wer unterstützt die Integration von Kindern in Hohenfurt und im Landkreis Weilbach?"
    assert narrowed(kreis, pair)["Weilbach"] == (
        "Wer unterstützt die Integration von Kindern im Landkreis Weilbach?"
    )
    against = "Wie groß sind die Gruppen in Hohenfurt im Vergleich zu den Gruppen in Weilbach?"
    assert narrowed(against, pair)["Hohenfurt"] == "Wie groß sind die Gruppen in Hohenfurt?"
    # an abbreviated name ("St. Weilbach") ends no question with its full stop
    saint = "Wie alt sind die Kinder an der Lindenschule Hohenfurt und in St. Weilbach?"
    assert narrowed(saint, ["Hohenfurt", "St. Weilbach"]) == {
        "Hohenfurt": "Wie alt sind die Kinder an der Lindenschule Hohenfurt?",
        "St. Weilbach": "Wie alt sind die Kinder in St. Weilbach?",
    }
    names = Municipalities.of(["Hohenfurt", "St. Weilbach"])
    assert names.strip(saint) == "Wie alt sind die Kinder an der Lindenschule"
    # a name of two distinctive words is one name, wherever it stands in the list
    two = ["Schwäbisch Hohenfurt", "Bad Weilbach"]
    course = "Welchen Abschluss bieten Kurse in Schwäbisch Hohenfurt und an der VHS Bad Weilbach?"
    assert narrowed(course, two) == {
        "Schwäbisch Hohenfurt": "Welchen Abschluss bieten Kurse in Schwäbisch Hohenfurt?",
        "Bad Weilbach": "Welchen Abschluss bieten Kurse an der VHS Bad Weilbach?",
    }
    last = "Wie viele Kinder lernen in Bad Weilbach und in Schwäbisch Hohenfurt Deutsch?"
    assert narrowed(last, two) == {
        "Bad Weilbach": "Wie viele Kinder lernen in Bad Weilbach Deutsch?",
        "Schwäbisch Hohenfurt": "Wie viele Kinder lernen in Schwäbisch Hohenfurt Deutsch?",
    }


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "Was tun Weilbach und Hohenfurt an der Ruhr?",
            {"Weilbach": "Was tun Weilbach?", "Hohenfurt": "Was tun Hohenfurt an der Ruhr?"},
        ),
        (
            "Wann beraten die Lotsinnen in Weilbach am Rathaus und in Hohenfurt am Stadtpark?",
            {
                "Weilbach": "Wann beraten die Lotsinnen in Weilbach am Rathaus?",
                "Hohenfurt": "Wann beraten die Lotsinnen in Hohenfurt am Stadtpark?",
            },
        ),
        (
            "Wie viele Kinder spielen in Weilbach und in Hohenfurt am Main heute?",
            {
                "Weilbach": "Wie viele Kinder spielen in Weilbach heute?",
                "Hohenfurt": "Wie viele Kinder spielen in Hohenfurt am Main heute?",
            },
        ),
    ],
)
def test_the_rest_of_the_last_name_is_that_places_own(question: str, asked: dict[str, str]) -> None:
    """The rest of the last place's name ("an der Ruhr") or the spot named with it ("am
    Stadtpark") is that place's own: the places before it are asked without it (before, the
    list was not cut at all, and every place was asked about the river or the park)."""
    assert narrowed(question, ["Weilbach", "Hohenfurt"]) == asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "Wie viele Fachkräfte sind in Hohenfurt und in Weilbach an den Grundschulen tätig?",
            {
                "Hohenfurt": "Wie viele Fachkräfte sind in Hohenfurt an den Grundschulen tätig?",
                "Weilbach": "Wie viele Fachkräfte sind in Weilbach an den Grundschulen tätig?",
            },
        ),
        (
            "Wer wurde beim Elternrat Hohenfurt und beim Beirat Weilbach an die Spitze gewählt?",
            {
                "Hohenfurt": "Wer wurde beim Elternrat Hohenfurt an die Spitze gewählt?",
                "Weilbach": "Wer wurde beim Beirat Weilbach an die Spitze gewählt?",
            },
        ),
        (
            "Wie lange sind der GEB Kita in Hohenfurt und der GEB der Grund- und Mittelschulen "
            "in Weilbach gewählt?",
            {
                "Hohenfurt": "Wie lange sind der GEB Kita in Hohenfurt gewählt?",
                "Weilbach": "Wie lange sind der GEB der Grund- und Mittelschulen in Weilbach "
                "gewählt?",
            },
        ),
    ],
)
def test_what_follows_the_last_name_is_no_part_of_it(question: str, asked: dict[str, str]) -> None:
    """A name goes on with "am …" or "an/ob der …" only: "an den Grundschulen" and "an die
    Spitze" say where or what for every place (before, the first place was asked without
    them, or the list was not cut at all); and the "und" of a compound cut short ("der Grund-
    und Mittelschulen") joins no two places."""
    assert narrowed(question, ["Hohenfurt", "Weilbach"]) == asked


def test_places_in_no_list_of_their_own_keep_the_whole_question() -> None:
    """Two questions, a name said twice or a name missing leave the question whole ({}: each
    place gets all of it)."""
    pair = ["Hohenfurt", "Weilbach"]
    assert narrowed("Wie viele Kinder lernen in Hohenfurt und wie viele in Weilbach?", pair) == {}
    assert narrowed("Was bietet Hohenfurt, und was Hohenfurt in Weilbach?", pair) == {}
    assert narrowed("Wie viele Kinder lernen in Hohenfurt?", pair) == {}
    assert narrowed("Wie viele Kinder aus Hohenfurt lernen in Weilbach?", pair) == {}
    # a word a name could go on with ("am") without a name after it
    assert narrowed("Was können Weilbach und Hohenfurt am besten?", pair) == {}


def test_towns_of_nrw_outside_the_index_are_places_to_compare() -> None:
    """A question naming towns of NRW that are no municipality of the index (their pages
    got none) names them as places, whether or not the corpus uses the word; a town of the
    index is scoped as a municipality instead. (Only the names are used.)"""
    question = "Wie unterscheiden sich Stolberg und Herzogenrath bei der Gruppengröße?"
    assert state_towns(question, NAMES) == ("Stolberg", "Herzogenrath")
    indexed = Municipalities.of(["Stolberg", "Kreis Ostwaldau"])
    assert state_towns(question, indexed) == ("Herzogenrath",)
    assert state_towns("Wie viele Schulen gibt es in Haldenberg?", NAMES) == ()
    assert state_towns("Kamen in Haldenberg mehr Kinder an als in Olpe?", NAMES) == ("Olpe",)
    assert state_towns("Wer berät in Aachen und in Stolberg?", NAMES) == ("Aachen", "Stolberg")
    assert state_towns("Was macht Monheim am Rhein anders als Bochum?", NAMES) == (
        "Monheim am Rhein",
        "Bochum",
    )
    # ... also by the name a town "am Rhein" or "am See" goes by
    assert state_towns("Was kostet der Kurs in Haltern?", NAMES) == ("Haltern",)
    assert state_towns("Wer berät in Emmerich und in Olpe?", NAMES) == ("Emmerich", "Olpe")
    # the end of a town's name outside NRW is no town of NRW ("Bad Essen" in Niedersachsen)
    assert state_towns("Wie viele Kinder nennen Bad Essen und Zetel?", NAMES) == ()
    assert state_towns("Wie viele Kinder nennen Bad Essen und Essen?", NAMES) == ("Essen",)


def test_a_town_named_bare_or_typed_is_one_municipality() -> None:
    """A town's bare name and its name with the type word name one municipality (pages and
    evaluation labels may use either); a Kreis of the same name is another one."""
    assert same_municipality("Tönisvorst", "Stadt Tönisvorst")
    assert same_municipality("Stadt Bad Honnef", "Bad Honnef")
    assert same_municipality("Gemeinde Nottuln", "Nottuln")
    assert not same_municipality("Borken", "Kreis Borken")
    # one name with two type words of one kind, not of two kinds
    assert same_municipality("Stadt Feldau", "Hansestadt Feldau")
    assert same_municipality("Kreis Wendau", "Landkreis Wendau")
    assert not same_municipality("Stadt Wendau", "Kreis Wendau")
    assert not same_municipality("Stadt Feldau", "Kreis Feldau")
    assert not same_municipality("Minden", "Kreis Minden-Lübbecke")
    assert not same_municipality("Velbert", "Stadt Ratingen")
    # a town named with and without the river that tells it apart is one; two rivers, two
    assert same_municipality("Wendau am Main", "Wendau")
    assert same_municipality("Stadt Feldau", "Feldau an der Ruhr")
    assert same_municipality("Lindenau (Saale)", "Lindenau")
    assert not same_municipality("Wendau am Main", "Wendau (Oder)")
    assert not same_municipality("Kreis Wendau", "Wendau am Main")


def test_two_questions_joined_by_und_are_questions_of_their_own() -> None:
    joined = "Wie viele Plätze gibt es in Hohenfurt, und wie viele Kinder warten in Weilbach?"
    assert question_clauses(joined) == [
        "Wie viele Plätze gibt es in Hohenfurt?",
        "Wie viele Kinder warten in Weilbach?",
    ]
    for one in ("Wie viele Kinder und Jugendliche kamen?", "Wo und wann findet sie statt?"):
        assert question_clauses(one) == [one]


def test_a_second_question_may_open_with_a_preposition() -> None:
    """ ", und ab welchem Alter …", ", und an welcher Schule …": the question word of the
    second question follows its preposition; read as one question, the first question's kind
    of answer (an age) was asked of the second one's place, too."""
    assert question_clauses(
        "Ab welchem Alter gibt es in Hohenfurt einen Kita-Platz, und an welcher Schule "
        "lernen die Kinder in Weilbach Deutsch?"
    ) == [
        "Ab welchem Alter gibt es in Hohenfurt einen Kita-Platz?",
        "An welcher Schule lernen die Kinder in Weilbach Deutsch?",
    ]
    assert question_clauses("Wie viele Kinder kamen, und seit wann gibt es die Klasse?") == [
        "Wie viele Kinder kamen?",
        "Seit wann gibt es die Klasse?",
    ]
    # a preposition followed by no question word joins no question
    one = "Wie viele Kinder kamen in Hohenfurt und in Weilbach an?"
    assert question_clauses(one) == [one]


def test_a_question_that_leaves_out_its_middle_takes_it_from_the_first() -> None:
    """German leaves out what two joined questions share ("und wie viele in …", "und welche
    für …"); each part must still say what it asks, or its search misses the topic."""
    assert question_clauses(
        "Wie viele Schüler sind in der Vorbereitungsklasse in Hohenfurt und wie viele in der "
        "Willkommensklasse in Weilbach?"
    ) == [
        "Wie viele Schüler sind in der Vorbereitungsklasse in Hohenfurt?",
        "Wie viele Schüler sind in der Willkommensklasse in Weilbach?",
    ]
    # the word the later question ends with is the first one's, too
    assert question_clauses(
        "Welche Beratungsstelle ist für Hohenfurt und welche für Weilbach zuständig?"
    ) == [
        "Welche Beratungsstelle ist für Hohenfurt zuständig?",
        "Welche Beratungsstelle ist für Weilbach zuständig?",
    ]
    # a later question with a verb of its own says all it asks
    assert question_clauses(
        "Wie viele Kinder hat die Schule in Hohenfurt und wie sind sie aufgeteilt?"
    ) == ["Wie viele Kinder hat die Schule in Hohenfurt?", "Wie sind sie aufgeteilt?"]
    # it may resume with an article the first has ("wer | die Grundschule …") ...
    assert question_clauses(
        "Wer leitet die Grundschule in Hohenfurt und wer die Grundschule in Weilbach?"
    ) == [
        "Wer leitet die Grundschule in Hohenfurt?",
        "Wer leitet die Grundschule in Weilbach?",
    ]
    # ... or with another preposition, in place of the first one's first
    assert question_clauses(
        "Wie viele Klassen gibt es an der Realschule in Hohenfurt und wie viele im ganzen "
        "Kreis Weilbach?"
    ) == [
        "Wie viele Klassen gibt es an der Realschule in Hohenfurt?",
        "Wie viele Klassen gibt es im ganzen Kreis Weilbach?",
    ]


def test_a_later_question_of_a_message_takes_the_context_it_leaves_out() -> None:
    """ "…, und wie lange dürfen sie bleiben?" is searched on its own only with the nouns and
    years of the first question it does not say; what the first asks for ("Wie viele
    Einwohner") is no context of an unrelated second question, only of one that points
    back to it ("sie", "davon")."""
    assert question_parts(
        "Wie werden Jugendliche ohne Lateinschrift in Hohenfurt gefördert und wie lange "
        "dürfen sie in der Gruppe bleiben?"
    ) == [
        ("Wie werden Jugendliche ohne Lateinschrift in Hohenfurt gefördert?",) * 2,
        (
            "Wie lange dürfen sie in der Gruppe bleiben?",
            "Wie lange dürfen sie in der Gruppe bleiben? (Jugendliche Lateinschrift Hohenfurt)",
        ),
    ]
    _, later = question_parts("Wie viele Einwohner hat Hohenfurt und welche Stelle berät?")
    assert later[1] == "Welche Stelle berät? (Hohenfurt)"
    _, later = question_parts(
        "Wie viele Vorbereitungsklassen gab es 2024 in Hohenfurt, und wie groß sind sie?"
    )
    assert later[1] == "Wie groß sind sie? (Vorbereitungsklassen Hohenfurt 2024)"
    one = "Wo und wann findet die Sprachfördergruppe statt?"
    assert question_parts(one) == [(one, one)]


def test_followup_after_a_comparison_drops_the_list_with_its_connectors() -> None:
    history = ["Wie machen Haldenberg, Kesselbrück und Ostwaldau die Erstberatung?"]
    rewritten = rewrite_followup("Und wie ist das in Kesselbrück?", history, NAMES)
    assert rewritten == "Wie machen die Erstberatung? – Stadt Kesselbrück"
    history = ["Wer macht im Kreis Ostwaldau die Erstberatung?"]
    assert rewrite_followup("Und in Haldenberg?", history, NAMES) == (
        "Wer macht die Erstberatung? – Stadt Haldenberg"
    )


def test_an_article_before_a_noun_is_no_reference_to_the_previous_turn() -> None:
    history = ["Wie lange dauert die Sprachstandsfeststellung in Haldenberg?"]
    question = "Wer ist in Kesselbrück für das Erstgespräch zuständig?"
    assert rewrite_followup(question, history, NAMES) == ""
    assert rewrite_followup("Gilt diese Frist auch in Kesselbrück?", history, NAMES)
    assert rewrite_followup("Wie ist das in Kesselbrück?", history, NAMES)


def test_a_short_turn_without_a_place_goes_on_where_the_previous_one_was() -> None:
    """'Wo findet der Unterricht statt?' after a question on Kesselbrück carries Kesselbrück
    and the topic into the next follow-up; a longer question of its own stands alone."""
    history = [
        "Welche Sprachen gibt es beim HSU in Kesselbrück?",
        "Wo findet der Unterricht statt?",
    ]
    rewritten = rewrite_followup(
        "Und was muss passieren, damit Polnisch dazukommt?", history, NAMES
    )
    assert "Polnisch" in rewritten and "HSU in Kesselbrück" in rewritten
    assert rewrite_followup(history[1], history[:1], NAMES).endswith("HSU in Kesselbrück?")
    own = "Welche Unterlagen brauchen Familien bei der Anmeldung an einer Schule?"
    assert rewrite_followup(own, history[:1], NAMES) == ""
    assert rewrite_followup("Wo findet der Unterricht statt?", ["Was ist HSU?"], NAMES) == ""


def test_places_the_documents_name_without_type_word() -> None:
    """A name is used as names are: after "in/nach/aus" and after a noun ("Schulamt
    Düsselbrück"), never with an article; nouns in set phrases ("in Absprache mit", "nach
    Aussage") are used with articles or lower-case words elsewhere, or never after a noun."""
    texts = [
        "Wer nach Düsselbrück gezogen ist, meldet sich beim Schulamt Düsselbrück.",
        "Das geschieht in Absprache mit dem Schulamt. Die Absprache ist kurz.",
        "Nach Aussage der Schulaufsicht geht das. In Stadt Farnau und der Stadt Farnau auch.",
    ]
    assert place_names(texts) == ["Farnau", "Düsselbrück"]
    # a word ending like a noun is none, though a title and a list use it bare; a town of
    # that ending stays one
    steps = [
        "Das Stufenmodell, bestehend aus Erstberatung, Vorbereitungsklasse und Regelklasse.",
        "2016 wurde die Schulische Erstberatung gegründet.",
        "Wer nach Freyung zieht, meldet sich beim Schulamt Freyung.",
    ]
    assert place_names(steps) == ["Freyung"]
    assert mention_names("Stadt Düsselbrück") == ("düsselbrück", "duesselbrueck")
    question = "Wie lange dauert es im Kreis Farnau im Vergleich zu Düsselbrück?"
    assert (
        strip_places(question, ["Düsselbrück"])
        == "Wie lange dauert es im Kreis Farnau im Vergleich zu"
    )


def test_a_plural_type_word_names_every_place_it_lists() -> None:
    """ "die Bezirksregierungen Arnsberg und Detmold" names two places, like "die
    Bezirksregierung Arnsberg und die Bezirksregierung Detmold"; a singular type word only
    the name after it."""
    names = Municipalities.of(["Stadt Wendau", "Kreis Feldau"])
    plural = "Welche Aufgabe übernehmen die Bezirksregierungen Arnsberg und Detmold jeweils?"
    assert other_places(plural, names, lambda w: False) == ("Arnsberg", "Detmold")
    assert other_places("Was tun die Kreise Hohenau und Talburg?", names, lambda w: False) == (
        "Hohenau",
        "Talburg",
    )
    single = "Was macht die Bezirksregierung Arnsberg und Detmold?"
    assert other_places(single, names, lambda w: False) == ("Arnsberg",)
    # a municipality of the index among them is scoped as such, not as another place
    assert other_places("Was tun die Städte Wendau und Talburg?", names, lambda w: False) == (
        "Talburg",
    )


def test_a_town_after_a_school_s_short_form_or_a_gymnasium_is_a_place() -> None:
    """ "an der BBS Papenburg", "am Gymnasium Papenburg" name a German town the evidence must
    name, as "am Berufsschulzentrum Papenburg" does; a short form before a word the corpus
    knows names no place ("in der OGS Essen")."""

    def known(word: str) -> bool:
        return word.lower() in {"gruppe", "kurs"}

    for asked in (
        "An welchem Tag ist an der BBS Papenburg der Sprachkurs?",
        "Wie viele Kinder lernen am Gymnasium Papenburg Deutsch?",
        "Wer leitet das Berufsschulzentrum Papenburg?",
    ):
        assert other_places(asked, NAMES, known) == ("Papenburg",)
    assert other_places("Wie groß ist die DaZ Gruppe der BBS?", NAMES, known) == ()


def test_a_german_town_listed_with_a_municipality_is_a_place_though_the_corpus_knows_it() -> None:
    """ "in Haldenberg und Limbach-Oberfrohna": a German town listed with a municipality of
    the index is a place to compare, also when a passage names it (then the corpus knows the
    word); an ordinary noun listed so is none."""

    def known(word: str) -> bool:
        return word.lower() in {"limbach-oberfrohna", "schulen"}

    asked = "Wie groß sind die Klassen in Haldenberg und Limbach-Oberfrohna?"
    assert other_places(asked, NAMES, known) == ("Limbach-Oberfrohna",)
    assert other_places("Was tun Kitas in Haldenberg und Schulen?", NAMES, known) == ()


def test_a_municipality_named_by_short_words_is_named_by_its_last() -> None:
    """ "Bad Oss" (fictional, like "Bad Ems" or "Bad Orb") has no word of four letters that
    could name it; its last word does, capitalised: a comparison "in Bad Oss und in Feldau"
    has two parts (before: "Bad Oss" was never mentioned, and the comparison fell back to
    other municipalities). Lower case the word names nothing."""
    names = Municipalities.of(["Bad Oss", "Stadt Feldau"])
    assert names.mentioned("Wie ist es in Bad Oss und in Feldau?") == ["Bad Oss", "Stadt Feldau"]
    assert names.mentioned("Das Jugendzentrum Bad Oss bietet Kurse an.") == ["Bad Oss"]
    assert names.mentioned("Die oss der Schule ist voll.") == []


def test_a_town_after_an_office_s_name_is_a_place() -> None:
    """ "der Jugendmigrationsdienst Papenburg" names a town as "das Schulamt Papenburg" does
    (a town the documents do not know); "am BSZ Papenburg" names one though the documents
    know the word, where they use it as a name (a page on that school); "in der OGS Essen"
    names none where they use the word as a noun."""

    def unknown(word: str) -> bool:
        return False

    def known(word: str) -> bool:
        return True

    service = "In welcher Straße berät der Jugendmigrationsdienst Papenburg?"
    assert other_places(service, NAMES, unknown) == ("Papenburg",)
    school = "Wie viele Schüler sitzen in einer Klasse am BSZ Papenburg?"
    assert other_places(school, NAMES, known, lambda w: w == "Papenburg") == ("Papenburg",)
    assert other_places(school, NAMES, known, lambda w: False) == ()
    assert other_places("Gibt es in der OGS Essen für Eltern?", NAMES, known, lambda w: False) == ()


def test_a_place_the_documents_name_is_asked_by_its_name_also_when_inflected() -> None:
    """ "die Papenburger Schulen" asks about Papenburg, a place the documents name (no
    municipality of the index): the evidence names it "Papenburg", never "Papenburger", so
    the adjective itself was required and every sentence failed."""
    names = Municipalities.of(["Stadt Feldau"], places=["Papenburg"])

    def known(word: str) -> bool:
        return word.lower() in {"papenburger", "schulen", "kinder"}

    asked = "Wie viele Kinder haben die Papenburger Schulen aufgenommen?"
    assert other_places(asked, names, known) == ("Papenburg",)


def test_a_one_word_kreis_of_the_list_is_a_place_though_the_documents_use_its_name() -> None:
    """ "im Wetteraukreis" names a Kreis of the official list; that a page speaks of the
    "Webportal des Wetteraukreises" (so the corpus knows the word) does not make it a term."""
    asked = "Wo sitzt das Beratungszentrum für Familien im Wetteraukreis?"
    assert other_places(asked, NAMES, lambda w: True) == ("Wetteraukreis",)
    assert other_places("Wer trifft sich im Arbeitskreis?", NAMES, lambda w: True) == ()


def test_a_place_in_brackets_after_another_says_where_that_one_lies() -> None:
    """ "in Papenburg (Kreis Emsland)" asks about Papenburg and says where it lies: a page on
    a school there need not name the Kreis (it was refused for not naming it)."""

    def known(word: str) -> bool:
        return word.lower() in {"schule", "mütter", "deutsch"}

    asked = "In welcher Schule in Papenburg (Kreis Emsland) lernen Mütter Deutsch?"
    assert other_places(asked, NAMES, known) == ("Papenburg",)
    both = "Wie ist es in Papenburg und im Kreis Emsland?"
    assert other_places(both, NAMES, known) == ("Papenburg", "Emsland")


def test_a_town_of_the_gazetteer_as_the_subject_is_a_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Wann hat Wexhafen eine eigene Schule eröffnet?": a town the gazetteer lists (here
    fictional) that stands as the subject after the verb is a place the evidence must name,
    where the corpus does not know the word. After an article, or an adjective after one, it
    is a noun ("die Stelle", "für die neue Stelle"), and a word the corpus knows as an
    ordinary one is no place there."""
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset({"wexhafen", "stelle"}))

    def unknown(word: str) -> bool:
        return False

    asked = "Wann hat Wexhafen eine eigene Schule nur für ukrainische Kinder eröffnet?"
    assert other_places(asked, NAMES, unknown) == ("Wexhafen",)
    asked = "Wie viele Vorbereitungsklassen hat Wexhafen im Breisgau eingerichtet?"
    assert other_places(asked, NAMES, unknown) == ("Wexhafen",)
    asked = "Wie viele Bewerber gab es in Feldau für die neue Stelle?"
    assert "Stelle" not in other_places(asked, NAMES, unknown)
    asked = "Wer besetzt seit 2020 die Stelle der Koordination?"
    assert other_places(asked, NAMES, unknown) == ()
    asked = "Wann hat Wexhafen eine eigene Schule eröffnet?"
    assert other_places(asked, NAMES, lambda w: w.lower() == "wexhafen") == ()


def test_a_swiss_canton_is_a_region_whose_name_the_evidence_must_name() -> None:
    """ "im Kanton Wexhafen" (fictional) names a place as "im Regierungsbezirk …" does: the
    evidence must be about it, though the corpus knows the word. Before, "Kanton" was no type
    word, and a question on one canton was answered from another's page."""

    def known(word: str) -> bool:
        return word.lower() in {"wexhafen", "kanton"}

    asked = "Wer führt im Kanton Wexhafen und in der Stadt Haldenberg das erste Gespräch?"
    assert other_places(asked, NAMES, known) == ("Wexhafen",)  # Haldenberg: of the index
    asked = "Wie viele Kinder sitzen im Kanton Wexhafen in einer Aufnahmeklasse?"
    assert other_places(asked, NAMES, known) == ("Wexhafen",)


def test_a_body_of_a_kreis_or_town_names_its_place() -> None:
    """ "des Kreisjugendrings Hohenmoor", "die Stadtbibliothek Lindenau": a body of a Kreis or
    a town names it after its type, and the evidence must name that place (a Kreis the
    corpus does not know was answered from another Kreis's page). A name the corpus knows as
    a word, or a councillor's name, is none."""

    def known(word: str) -> bool:
        return word.lower() in {"mitte"}

    asked = "Wie viele Kinder fuhren mit dem Kreisjugendring Hohenmoor in die Ferien?"
    assert other_places(asked, NAMES, known) == ("Hohenmoor",)
    asked = "Welche Bücher verleiht die Stadtbibliothek Lindenau an Kitas?"
    assert other_places(asked, NAMES, known) == ("Lindenau",)
    assert other_places("Was bietet die Stadtbibliothek Mitte an?", NAMES, known) == ()
    assert other_places("Was sagte Stadtrat Weber zur Schule?", NAMES, known) == ()


def test_jeweils_compares_nothing_in_a_question_about_one_place() -> None:
    """ "Welchen Betrag bekommen die Schulen in Lindenau jeweils?" gives each school its
    amount: one place named, "jeweils" alone compares no municipalities (every municipality
    of the index was asked). Two places, another cue or no place still compare."""
    asked = "Welchen festen Betrag bekommen die ersten Schulen in Lindenau jeweils?"
    assert not is_comparison(asked, [], ["Lindenau"])
    assert not is_comparison("Wie lange treffen sich die Gruppen jeweils?", ["Stadt Haldenberg"])
    assert is_comparison("Wie viele Schulen sind es jeweils in Lindenau und Feldau?", [], [])
    assert is_comparison(asked, [], ["Lindenau", "Feldau"])
    assert is_comparison("Wie viel bekommen die Kommunen jeweils?", [])
    assert is_comparison("Wie regelt Lindenau das im Vergleich, und jeweils wie?", [], ["Lindenau"])
    # a second place the question names but that is not known as one
    joined = "Wie viele Schulen haben die Lindenauer Klassen und die Mittler im Umland jeweils?"
    assert is_comparison(joined, [], ["Lindenau"])
    shared = "Wie lange treffen sich die Kinder- und Jugendgruppen in Lindenau jeweils?"
    assert not is_comparison(shared, [], ["Lindenau"])
