"""Abbreviations the documents define themselves count as the long form and vice versa."""

from __future__ import annotations

from pathlib import Path

from assistant.abbreviations import defined_abbreviations
from assistant.german import analyze
from assistant.glossary import Glossary
from assistant.lexical import LexicalIndex
from assistant.lexical_files import LEXICAL_DIR, build_lexical
from assistant.types import Chunk, DocumentMeta


def test_definitions_in_either_order_are_found() -> None:
    found = defined_abbreviations(
        [
            "Die Servicestelle Bildungsankommen (SBA) berät Familien.",
            "Sie besuchen eine Sprachfördergruppe (SFG). Das KI (Kommunales Integrationszentrum)",
            "Das Regionale Bildungsbüro Kreis Adorf (RBB) lädt ein.",  # place not part of it
            "nach dem Gemeinsamen Europäischen Referenzrahmen für Sprachen (GER)",
            "im Land Nordrhein-Westfalen (NRW) und nach dem Infektionsschutzgesetz (IfSG)",
        ]
    )
    assert found == {
        "SBA": "Servicestelle Bildungsankommen",
        "SFG": "Sprachfördergruppe",
        "KI": "Kommunales Integrationszentrum",
        "RBB": "Regionale Bildungsbüro",
        "GER": "Gemeinsamen Europäischen Referenzrahmen",
        "NRW": "Nordrhein-Westfalen",
        "IfSG": "Infektionsschutzgesetz",
    }


def test_parentheses_that_are_no_definition_are_ignored() -> None:
    assert (
        defined_abbreviations(
            [
                "Die Stadt Feldau (NRW) liegt am Fluss.",  # letters not in the words before
                "Zuständig ist das Schulamt (Schulamt).",  # not a short form
                "Kurdisch (Kurmanci) und Maßnahme (M2) und Klasse (Sek I).",
                "mit einer Stelle (VZ) im Amt",  # V is no initial of "Stelle"
                "",
            ]
        )
        == {}
    )


def test_the_most_frequent_long_form_wins() -> None:
    found = defined_abbreviations(
        ["Internationale Förderklassen (IFK)"] * 2 + ["Internationalen Förderklasse (IFK)"]
    )
    assert found == {"IFK": "Internationale Förderklassen"}


def _chunk(number: int, text: str) -> Chunk:
    meta = DocumentMeta(doc_id="konzept.md", title="Konzept", kommune="Stadt Adorf")
    return Chunk(f"c{number}", "konzept.md", number, text, "Anlaufstellen", 1, 1, meta=meta)


def test_a_defined_short_form_covers_the_long_form_in_a_question_and_back(tmp_path: Path) -> None:
    chunks = [
        _chunk(0, "Familien wenden sich an die Servicestelle Bildungsankommen (SBA)."),
        _chunk(1, "Die SBA hat ihre Räume in der Kanalstraße 14."),
        _chunk(2, "Die Servicestelle Bildungsankommen vergibt Termine."),
        _chunk(3, "Die Sprechzeiten stehen im Aushang."),
    ]
    build_lexical(chunks, tmp_path / LEXICAL_DIR)
    ids = [c.chunk_id for c in chunks]
    lexical = LexicalIndex.load(tmp_path / LEXICAL_DIR, ids, {i: n for n, i in enumerate(ids)})
    long_question = lexical.query("Wo hat die Servicestelle Bildungsankommen ihre Räume?")
    assert lexical.coverage(long_question, lexical.context_terms_of(chunks[1])) == 1.0
    short_question = lexical.query("Wer vergibt bei der SBA Termine?")
    assert lexical.coverage(short_question, lexical.context_terms_of(chunks[2])) == 1.0
    assert lexical.coverage(short_question, lexical.context_terms_of(chunks[3])) < 0.5
    # without the definition in the documents, neither form stands for the other
    build_lexical(chunks[1:], tmp_path / "ohne")
    other = LexicalIndex.load(tmp_path / "ohne", ids[1:], {i: n for n, i in enumerate(ids[1:])})
    long_question = other.query("Wo hat die Servicestelle Bildungsankommen ihre Räume?")
    assert other.coverage(long_question, other.context_terms_of(chunks[1])) < 1.0


def test_glossary_entries_of_several_words_stand_for_their_synonyms_both_ways() -> None:
    glossary = Glossary(((tuple(analyze("KI")), tuple(analyze("Kommunales Integrationszentrum"))),))
    asked = analyze("Was macht das Kommunale Integrationszentrum?")
    for term in analyze("Kommunales Integrationszentrum"):
        assert glossary.alternatives(term, asked) == (tuple(analyze("KI")),)
    assert glossary.alternatives(analyze("KI")[0], ["ki"]) == (
        tuple(analyze("Kommunales Integrationszentrum")),
    )
    # a question with only part of the long form ("kommunal") does not stand for "KI"
    assert glossary.alternatives(analyze("kommunale")[0], analyze("kommunale Schulen")) == ()
