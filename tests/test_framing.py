"""A chat message's greeting, lead-in, thanks and regards are no part of its question."""

from __future__ import annotations

import pytest

from assistant.framing import unframed


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
