"""A chat message's greeting, lead-in, thanks and regards are no part of its question."""

from __future__ import annotations

import pytest

from assistant.framing import question_and_context, unframed


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "Hallo, kurze Frage: wer macht in Adorf die Erstberatung? Danke!",
            "Wer macht in Adorf die Erstberatung?",
        ),
        (
            "Guten Tag! Ich hätte mal eine Frage: Gibt es in Adorf Lesepaten? "
            "Vielen Dank im Voraus.",
            "Gibt es in Adorf Lesepaten?",
        ),
        (
            "Hallo Frau Muster, wie lange dauert die SSF? Viele Grüße, Team Schulamt",
            "Wie lange dauert die SSF?",
        ),
        (
            "Können Sie mir bitte sagen, wie lange die Sprachförderung dauert?",
            "Wie lange die Sprachförderung dauert?",
        ),
        ("Was kostet die Beratung? LG", "Was kostet die Beratung?"),
        ("Wer berät? Vielen Dank und viele Grüße", "Wer berät?"),
        ("Hallo 👋 wer berät in Adorf? Danke 🙂", "Wer berät in Adorf?"),
        ("Wer berät in Adorf? :-)", "Wer berät in Adorf?"),
        ("hallo, wer berät in adorf? danke", "wer berät in adorf?"),  # stays lower case
    ],
)
def test_framing_around_the_question_is_removed(message: str, question: str) -> None:
    assert unframed(message) == question


@pytest.mark.parametrize(
    "message",
    [
        "Wer macht die Erstberatung?",
        "Welche Fragen stellt das KI bei der Erstberatung?",  # "Fragen" is the topic
        "Frage zur Erstberatung: wie lange dauert sie?",  # the lead-in names the topic
        "Dank welcher Förderung gibt es die Lernpaten?",
        "Liebe Grüße aus Adorf",  # nothing but framing: left as it was
        "Hallo",
    ],
)
def test_questions_without_framing_and_pure_framing_stay_as_typed(message: str) -> None:
    assert unframed(message) == message


def test_statements_around_a_question_are_context() -> None:
    message = (
        "Ich bin Lehrerin in Adorf. Wir haben ein neues Kind (12 Jahre, z. B. aus Syrien). "
        "Wie lange darf es in der Sprachfördergruppe bleiben? Und wer entscheidet das?"
    )
    assert question_and_context(message) == (
        "Wie lange darf es in der Sprachfördergruppe bleiben? Und wer entscheidet das?",
        "Ich bin Lehrerin in Adorf. Wir haben ein neues Kind (12 Jahre, z. B. aus Syrien).",
    )
    for whole in [
        "Wie lange bleiben die Kinder in der Sprachförderung bzw. DFK?",  # "bzw." ends nothing
        "Ich suche die Ansprechperson für die Erstberatung in Adorf.",  # no question mark
        "Wer berät? Und wann?",  # nothing but questions
    ]:
        assert question_and_context(whole) == (whole, "")


def test_sentences_typed_in_lower_case_are_split_too() -> None:
    message = "ich arbeite im schulamt. hallo, kurze frage: wer berät in adorf?"
    assert question_and_context(message) == (
        "hallo, kurze frage: wer berät in adorf?",
        "ich arbeite im schulamt.",
    )
    assert unframed(question_and_context(message)[0]) == "wer berät in adorf?"
