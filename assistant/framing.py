"""What a chat message says around its question: greetings, thanks, polite lead-ins and
statements about the writer.

People write to a chat as they would to a colleague: "Hallo, kurze Frage: wer macht in
Haldenberg die Erstberatung? Danke!" or "Können Sie mir sagen, wie lange die
Sprachförderung dauert?". The framing words are no part of what is asked, yet they count as
terms the documents lack ("Hallo", "Frage", "Danke") and push the question towards a
refusal; measured on the dev halves with a greeting and thanks around every question, fact
recall fell by a fifth and false refusals rose to a fifth. ``unframed`` removes a greeting
at the start, a "Frage:" lead-in, a polite "können Sie mir sagen, …" / "ich möchte wissen,
…" before the question, and thanks and regards at the end. What remains is never empty:
a message that is nothing but framing is returned as it was. ``question_and_context``
separates the question sentences of a message from statements beside them ("Ich arbeite im
Schulamt und bereite eine Sitzung vor."), whose nouns are no part of the question either
(measured the same way: fact recall fell by half); the caller keeps the municipality such a
statement names.
"""

from __future__ import annotations

import re

from .sentences import split_sentences

__all__ = ["question_and_context", "unframed"]

_FLAGS = re.IGNORECASE

# "Hallo,", "Guten Tag!", "Hallo Frau Muster,", "Liebes Team,", "Moin" at the start.
_GREETING = re.compile(
    r"^\s*(?:hallo|hi|hey|moin|servus|grüß (?:gott|dich)|guten (?:morgen|tag|abend)"
    r"|(?:sehr )?geehrte[rs]?|liebe[rs]?)\b[^,!.:?\n]{0,40}[,!.:\n]\s*",
    _FLAGS,
)
# "Hallo wer macht …" without a comma.
_BARE_GREETING = re.compile(r"^\s*(?:hallo|hi|hey|moin|servus)\s+(?=\w)", _FLAGS)
# Emoji and emoticons ("🙂", "👋", ":-)", ";)"), which say nothing about the question.
_EMOTICON = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]|(?<!\w)[:;]-?[()DP](?!\w)")
# "kurze Frage:", "ich hätte mal eine Frage an Sie:" at the start ("Frage zur Erstberatung:"
# names the topic and stays).
_QUESTION_LEAD = re.compile(
    r"^\s*(?:(?:ich )?(?:hätte|habe) (?:da )?(?:mal )?(?:noch )?(?:eine|ne) (?:kurze )?frage"
    r"|(?:eine |noch eine |kurze |schnelle )?frage)(?: an (?:sie|dich|euch))?\s*:\s*",
    _FLAGS,
)
# "Können Sie mir sagen, wer …", "Weißt du, wann …", "Ich möchte wissen, ob …".
_POLITE_LEAD = re.compile(
    r"^\s*(?:(?:können|könnten|kannst|könntest) (?:sie|du) mir (?:bitte )?(?:kurz )?"
    r"(?:sagen|erklären|verraten|mitteilen)|(?:wissen sie|weißt du)"
    r"|ich (?:möchte|würde|wüsste|will) (?:gerne? )?(?:gerne? )?wissen"
    r"|mich (?:würde|interessiert) (?:interessieren)?)\s*,?\s*(?=\w)",
    _FLAGS,
)
# "Danke!", "Vielen Dank im Voraus.", "Viele Grüße, …", "LG" at the end.
_CLOSING = re.compile(
    r"(?:[\s,.!]*(?:und )?(?:(?:vielen|herzlichen|besten|schönen) )?dank(?:e)?"
    r"(?: (?:schön|sehr))?(?: (?:im voraus|für (?:die|ihre|deine) (?:hilfe|antwort)))?[\s!.]*"
    r"|[\s,.!]*(?:und )?(?:(?:viele|liebe|beste|freundliche) )?grüße\b[^?]*"
    r"|[\s,.!]*\b(?:lg|mfg|vg)\b[^?]*)+$",
    _FLAGS,
)


def unframed(message: str) -> str:
    """The question of a chat message without greeting, lead-in, thanks, regards and
    emoji."""
    text = " ".join(_EMOTICON.sub(" ", message).split()) if _EMOTICON.search(message) else message
    for pattern in (_GREETING, _BARE_GREETING, _QUESTION_LEAD, _POLITE_LEAD):
        text = pattern.sub("", text, count=1)
    text = _CLOSING.sub("", text).strip()
    if not re.search(r"\w", text):
        return message
    if text != message.strip() and text[:1].islower() and message[:1].isupper():
        text = text[:1].upper() + text[1:]
    return text


def question_and_context(message: str) -> tuple[str, str]:
    """(the question sentences, the statements around them) of a message that has both:
    "Ich arbeite im Schulamt und bereite eine Sitzung vor. Wer macht die Erstberatung?" is
    asked as "Wer macht die Erstberatung?". A message without a "?", or with nothing
    else, is all question."""
    sentences = _sentences(message)
    asked = [s for s in sentences if s.endswith("?")]
    if not asked or len(asked) == len(sentences):
        return message, ""
    return " ".join(asked), " ".join(s for s in sentences if not s.endswith("?"))


# A sentence typed in lower case after a full stop, question or exclamation mark.
_LOWER_START = re.compile(r"(?<=[.!?]\s)([a-zäöü])")


def _sentences(message: str) -> list[str]:
    """The sentences of ``message`` as typed; those that start in lower case ("… vor. wer
    macht …?") are split as if they started with a capital (the splitter needs one)."""
    spans, start = [], 0
    prepared = _LOWER_START.sub(lambda m: m.group(1).upper(), message)
    for sentence in split_sentences(prepared):
        begin = prepared.find(sentence, start)
        if begin < 0:  # the splitter changed the text: take its sentences
            return [s.strip() for s in split_sentences(message) if s.strip()]
        start = begin + len(sentence)
        spans.append(message[begin:start].strip())
    return [s for s in spans if s]
