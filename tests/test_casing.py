"""Questions typed in lower case are read with the capitals the documents use."""

from __future__ import annotations

from assistant.casing import Casing, casing_table, looks_lowercased
from assistant.german import fold

TEXTS = [
    "In Adorf führt das KI die Erstberatung durch. Die Beratung dauert 45 Minuten.\n"
    "Die Ehrenamtlichen begleiten die Familien. Es helfen 40 Lesepaten und ehrenamtliche "
    "Paten; sie werden vom KI beraten.\n3.2 Was tun bei Krankheit?\nDas SMART-Prinzip gilt.",
    "Eltern melden sich bei der Servicestelle. Sie beraten die Eltern gern.",
    "Es gibt neue Regeln für die Prüfung der Schüler und über Maßnahmen; die Steuerung ist neu.",
]


def _casing() -> Casing:
    def split(word: str) -> tuple[str, ...]:  # a compound splitter that knows one compound
        return ("sprach", "paten") if word == "sprachpaten" else (word,)

    table = casing_table(TEXTS)
    return Casing(table, split, lambda word: fold(word) in table, lambda word: len(word))


def test_the_table_counts_spellings_inside_sentences_only() -> None:
    table = casing_table(TEXTS)
    assert table["erstberatung"] == "Erstberatung" and table["ki"] == "KI"
    assert table["beraten"] == "beraten"  # a verb, though it starts a line once
    assert table["smart"] == "SMART" and table["prinzip"] == "Prinzip"  # parts of hyphenated
    assert table["lesepaten"] == "Lesepaten"  # after a number
    assert "es" not in table and "was" not in table  # only ever at the start of a sentence


def test_a_lowercase_question_gets_the_documents_capitals() -> None:
    casing = _casing()
    assert (
        casing.truecase("wer macht in adorf die erstberatung beim ki?")
        == "Wer macht in Adorf die Erstberatung beim KI?"
    )
    # an adjective before a noun stays an adjective, a nominalised one is a noun
    assert casing.truecase("wie viele ehrenamtliche paten gibt es?") == (
        "Wie viele ehrenamtliche Paten gibt es?"
    )
    assert casing.truecase("was machen die ehrenamtlichen?") == "Was machen die Ehrenamtlichen?"
    # words the documents lack: noun endings and compounds with a known last part
    assert casing.truecase("wie lange dauert die wartezeitmessung?") == (
        "Wie lange dauert die Wartezeitmessung?"
    )
    assert casing.truecase("wer betreut die sprachpaten?") == "Wer betreut die Sprachpaten?"
    assert casing.truecase("wer kriegt das?") == "Wer kriegt das?"  # unknown verb stays


def test_questions_with_capitals_are_left_as_typed() -> None:
    """A capital at the start is what phones add; one further in means the writer cases."""
    casing = _casing()
    assert looks_lowercased("Wer macht in adorf die erstberatung?")
    assert looks_lowercased("was ist mit SMART gemeint?")  # all-caps words say nothing
    assert not looks_lowercased("Wer macht in Adorf die erstberatung?")
    assert casing.truecase("Wer macht in Adorf die erstberatung?") == (
        "Wer macht in Adorf die erstberatung?"
    )
    assert casing.truecase("Wer macht in adorf die erstberatung?") == (
        "Wer macht in Adorf die Erstberatung?"
    )


def test_written_out_umlauts_become_umlauts_where_the_documents_use_them() -> None:
    casing = _casing()
    assert casing.respell("Welche Regeln gibt es fuer die Pruefung der Schueler?") == (
        "Welche Regeln gibt es für die Prüfung der Schüler?"
    )
    assert casing.respell("gibt es neue regeln ueber die steuerung?") == (
        "Gibt es neue Regeln über die Steuerung?"  # "neue", "Steuerung" keep their "ue"
    )
    assert casing.respell("Wann ist die Pruefung neu?") == "Wann ist die Prüfung neu?"
    assert casing.respell("Was ist eine Quelle?") == "Was ist eine Quelle?"  # unknown stays
    # an "ue" stays when only a word without the umlaut folds alike: "neuen" is no "neün"
    # though the documents have "neun" (and "neu" for "neue")
    table = casing_table(["Es kamen neun Kinder; alles ist neu."])
    plain = Casing(table, lambda word: (word,), lambda word: fold(word) in table)
    assert plain.respell("Wer leitet die neuen Klassen?") == "Wer leitet die neuen Klassen?"
    assert plain.respell("Gibt es neue Klassen?") == "Gibt es neue Klassen?"


def test_a_typing_slip_in_a_long_noun_is_mended_but_verbs_and_known_words_stay() -> None:
    casing = _casing()
    assert casing.respell("Wie lange dauert die Erstbertung?") == (
        "Wie lange dauert die Erstberatung?"
    )
    assert casing.respell("wie lange dauert die ertsberatung?") == (
        "Wie lange dauert die Erstberatung?"  # mended, then capitalised
    )
    assert casing.respell("Wer bekommen die Steuerunng?") == "Wer bekommen die Steuerung?"
    # a verb the documents lack stays, even one slip from a word they have ("beraten")
    assert casing.respell("Wie oft berayen sie?") == "Wie oft berayen sie?"
    # short words and words the documents know are never changed
    assert casing.respell("Wer hilft der Eltrn?") == "Wer hilft der Eltrn?"
    assert casing.respell("Wo ist die Beratung?") == "Wo ist die Beratung?"


def test_a_name_one_letter_off_at_the_start_is_another_place_not_a_slip() -> None:
    table = casing_table(["Die Grundschule in Attenweiler nimmt Kinder auf."])
    casing = Casing(table, lambda word: (word,), lambda word: fold(word) in table)
    assert casing.respell("Wer hilft in Uttenweiler?") == "Wer hilft in Uttenweiler?"
    assert casing.respell("Wer hilft in Atenweiler?") == "Wer hilft in Attenweiler?"
