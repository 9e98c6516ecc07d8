"""German text analysis: stems, umlauts, compounds, glossary, question normalisation."""

from __future__ import annotations

from pathlib import Path

from assistant.compounds import Decompounder
from assistant.german import (
    analyze,
    ends_in_function_word,
    fold,
    normalize_question,
    nouns,
    separable_verbs,
    stem,
)
from assistant.glossary import Glossary
from assistant.lexical import LexicalIndex
from assistant.lexical_files import LEXICAL_DIR, build_lexical
from assistant.types import Chunk, DocumentMeta


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


def test_a_plural_in_s_after_a_vowel_meets_its_singular() -> None:
    """Snowball leaves "Kitas", "Azubis", "Fotos", "Babys" whole, so a sentence about "drei
    Kitas" did not name the "Kita" a question asks about."""
    for plural, singular in [
        ("Kitas", "Kita"),
        ("Azubis", "Azubi"),
        ("Fotos", "Foto"),
        ("Babys", "Baby"),
        ("Infos", "Info"),
    ]:
        assert analyze(plural) == analyze(singular), plural
    # the "-nis" of a singular is no plural: it still meets its own plural
    assert analyze("Kenntnis") == analyze("Kenntnisse")
    assert analyze("Zeugnis") == analyze("Zeugnisse")
    # nor is the "s" after a diphthong or "u" cut ("Haus", "Kreis", "Status")
    for word in ("Haus", "Kreis", "Status", "Bonus"):
        assert stem(word).endswith("s"), word


def test_school_years_are_spelled_out() -> None:
    assert normalize_question("im Schuljahr 21/22?") == "im Schuljahr 2021/22?"
    assert normalize_question("Seite 1/2") == "Seite 1/2"


def test_nouns_are_capitalised_words_and_abbreviations() -> None:
    assert nouns("Wie lange dauert die SSF bei Kindern?") == ["ssf", "kindern"]


def test_an_adjective_opening_a_name_is_no_noun() -> None:
    """ "am Staatlichen Studienkolleg" names the Studienkolleg: the capitalised adjective is
    part of its name, not what the question asks about; a language stays a noun."""
    assert nouns("Was kostet die Vorbereitung am Staatlichen Studienkolleg Feldau?") == [
        "vorbereitung",
        "studienkolleg",
        "feldau",
    ]
    assert nouns("Wer berät an der Kaufmännischen Schule?") == ["schule"]
    assert nouns("Wer spricht in der Gruppe Englisch?") == ["gruppe", "englisch"]
    assert nouns("Gibt es Kurse für Ukrainische?") == ["kurse", "ukrainische"]


def test_a_participle_opening_a_name_is_no_noun() -> None:
    """ "der Weiterbildenden Schule" names the school like "der Kaufmännischen Schule": the
    question's focus is what it asks about ("Mittagessen"), not the participle, which being
    rare would otherwise be taken for the most specific term. A noun in "-ende" stays one."""
    assert nouns("Was kostet das Mittagessen an der Weiterbildenden Schule in Feldau?") == [
        "mittagessen",
        "schule",
        "feldau",
    ]
    assert nouns("Gibt es am Wochenende Ausflüge?") == ["wochenende", "ausfluge"]
    assert nouns("Was machen die Studierenden?") == ["studierenden"]


def test_a_separable_verb_is_joined_with_the_particle_that_ends_its_clause() -> None:
    """German questions split "anmelden" ("Wo meldet man … an?"); documents write the verb
    whole or as a noun ("Anmeldung")."""
    assert ("meld", ("anmeld",)) in separable_verbs("Wo meldet man das Kind an?")
    assert ("meld", ("anmeld",)) in separable_verbs("Melden Eltern ihr Kind dort an?")
    assert ("fuhrt", ("durchfuhrt", "durchfuhr")) in separable_verbs(
        "Wer führt den Sprachtest durch, und wann?"
    )
    assert separable_verbs("Wann beginnt der Kurs?") == []
    assert separable_verbs("Wo ist das Büro an der Kanalstraße?") == []  # "an" ends no clause
    assert all(verb != "kurs" for verb, _ in separable_verbs("Wann fängt der Kurs an?"))


def test_a_question_with_a_split_verb_finds_and_covers_the_noun(tmp_path: Path) -> None:
    meta = DocumentMeta(doc_id="konzept.md", title="Konzept Feldau", kommune="Stadt Feldau")
    texts = [
        "Die Anmeldung für den Förderkurs erfolgt im Sekretariat der Grundschule.",
        "Der Förderkurs findet dienstags in der Turnhalle statt.",
        "Am Ende gibt es eine Bescheinigung über den Förderkurs.",
    ]
    chunks = [
        Chunk(f"c{n}", "konzept.md", n, text, "Förderkurs", 1, 1, meta=meta)
        for n, text in enumerate(texts)
    ]
    build_lexical(chunks, tmp_path / LEXICAL_DIR)
    ids = [c.chunk_id for c in chunks]
    lexical = LexicalIndex.load(tmp_path / LEXICAL_DIR, ids, {i: n for n, i in enumerate(ids)})
    question = lexical.query("Wo melden Eltern ihr Kind für den Förderkurs an?")
    assert question.joined_of(stem("melden")) == stem("anmelden")
    assert lexical.coverage(question, lexical.context_terms_of(chunks[0])) > lexical.coverage(
        question, lexical.context_terms_of(chunks[2])
    )
    scores = lexical.bm25_scores(question)
    assert scores[0] == max(scores)
    # a particle the corpus never joins adds nothing
    plain = lexical.query("Wo holen Eltern ihr Kind vom Förderkurs ab?")
    assert plain.joined == ()


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
