"""German text analysis: stems, umlauts, compounds, glossary, question normalisation."""

from __future__ import annotations

from pathlib import Path

from assistant.compounds import Decompounder
from assistant.german import analyze, ends_in_function_word, fold, normalize_question, nouns, stem
from assistant.glossary import Glossary


def test_inflection_and_umlauts_meet() -> None:
    assert analyze("Kommunen") == analyze("Kommune")
    assert analyze("Beratungen") == analyze("Beratung")
    assert analyze("Schüler") == analyze("schuler")
    assert fold("Straße") == "strasse"
    assert analyze("Wer macht eigentlich die Beratung?") == analyze("Beratung")


def test_gendered_and_feminine_forms_meet_the_masculine() -> None:
    """Municipal texts write "Schüler*innen", "Koordinatorin"; staff ask "Schüler",
    "Koordinator" (and the other way round)."""
    for gendered in ("Schüler*innen", "Schüler:innen", "Schüler_innen", "Schüler/-innen"):
        assert analyze(gendered) == analyze("Schülerinnen") == analyze("Schüler")
    assert analyze("Ansprechpartner*in") == analyze("Ansprechpartner")
    for feminine, masculine in [
        ("Koordinatorinnen", "Koordinator"),
        ("Referentin", "Referenten"),
        ("Praktikantin", "Praktikant"),
        ("Pädagogin", "Pädagoge"),
        ("Journalistinnen", "Journalist"),
    ]:
        assert analyze(feminine) == analyze(masculine), feminine
    for word in ("Termin", "Beginn", "Medizin", "Monitoring", "Routine"):  # not feminine
        assert analyze(word) == [stem(word)] and stem(word).startswith(fold(word)[:5])
    assert analyze("Ort: in der Schule") == analyze("Ort Schule")


def test_school_years_are_spelled_out() -> None:
    assert normalize_question("im Schuljahr 21/22?") == "im Schuljahr 2021/22?"
    assert normalize_question("Seite 1/2") == "Seite 1/2"


def test_nouns_are_capitalised_words_and_abbreviations() -> None:
    assert nouns("Wie lange dauert die SSF bei Kindern?") == ["ssf", "kindern"]


def test_compounds_split_against_the_corpus_vocabulary() -> None:
    vocabulary = ["sprachstand", "feststellung", "klasse", "seiteneinsteiger", "test"] * 2
    splitter = Decompounder(vocabulary).split
    assert splitter("sprachstandsfeststellung") == ("sprachstand", "feststellung")
    assert splitter("seiteneinsteigerklasse") == ("seiteneinsteiger", "klasse")
    assert splitter("haus") == ("haus",)
    parts = analyze("Sprachstandsfeststellung", splitter)
    assert parts[0] == analyze("Sprachstandsfeststellung")[0]
    assert set(analyze("Feststellung")) <= set(parts)


def test_glossary_expands_abbreviations_both_ways(tmp_path: Path) -> None:
    file = tmp_path / "glossar.yaml"
    file.write_text(
        "gruppen:\n  - [SSF, Sprachstandsfeststellung]\n  - [KI, Kommunales Integrationszentrum]\n"
    )
    glossary = Glossary.load(file, analyze)
    assert set(glossary.expansions(analyze("Wann ist die SSF?"))) == set(
        analyze("Sprachstandsfeststellung")
    )
    assert set(glossary.expansions(analyze("Kommunales Integrationszentrum"))) == set(analyze("KI"))
    assert glossary.expansions(analyze("Schulplatz")) == []


def test_glossary_errors_name_the_file(tmp_path: Path) -> None:
    file = tmp_path / "kaputt.yaml"
    file.write_text("gruppen: [unvollständig")
    try:
        Glossary.load(file, analyze)
    except ValueError as exc:
        assert "kaputt.yaml" in str(exc)
    else:
        raise AssertionError("kaputtes Glossar wurde akzeptiert")
    assert Glossary.load(tmp_path / "fehlt.yaml", analyze).groups == ()


def test_a_line_ending_in_a_function_word_goes_on_but_a_verb_particle_may_end_it() -> None:
    """Articles, conjunctions and prepositions end no sentence; "ein", "an", "auf" end many
    as separable verb particles ("Der Kreis führt die Terminbuchung ein")."""
    for text in ("… in den Vorbereitungsklassen im", "Pass oder", "Ausgenommen ist Der"):
        assert ends_in_function_word(text), text
    for text in ("Der Kreis führt die Terminbuchung ein", "Die Schule meldet das Kind an", ""):
        assert not ends_in_function_word(text), text
