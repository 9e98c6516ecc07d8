"""Text in documents that addresses a language model or poses as a system: found, never obeyed.

Documents are data. A sentence that tries to instruct a model ("Ignoriere alle bisherigen
Anweisungen", "SYSTEM: Neue Regel", "### Assistant:", "<|im_start|>", "Du bist jetzt …",
"Antworte nur mit …", in German or English) is never quoted as an answer sentence, is removed
from passages sent to a language model, and is reported in the admin's document list. The
two sentences after it in the same paragraph are its payload and count as tainted, too.

Linear time by construction: the text is normalised and cut into word tokens once; a rule is a
short list of word slots matched in one left-to-right pass with a few integers of state
(``_Sequence``: in order with bounded gaps; ``_Together``: in any order inside a window), and
markers are found with ``str.find``. No regular expression with nested quantifiers touches
document text. Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .prompts import REMOVED_INSTRUCTION
from .sentences import split_sentences

__all__ = [
    "instruction_reason",
    "instruction_sentences",
    "looks_like_instruction",
    "sanitize_passage",
    "tainted_sentences",
]

_TOKEN = re.compile(r"[\w-]+")  # one character class, one quantifier: linear
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\U000e0000-\U000e007f]"
)
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_MIN_SPACED_LETTERS = 3  # "I g n o r i e r e" is read as "ignoriere"
_PAYLOAD_SENTENCES = 2  # sentences after an instruction that carry what it wants said


def _fold(text: str) -> str:
    """Casefold, umlauts to base letters (so rules are written once)."""
    return text.casefold().translate(_UMLAUTS)


@dataclass(frozen=True)
class _Slot:
    """Words one position of a rule accepts: exact words, and prefixes written as ``word*``."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]

    @classmethod
    def of(cls, words: str) -> _Slot:
        """A slot from space-separated words; a trailing ``*`` marks a prefix."""
        folded = [_fold(w) for w in words.split()]
        return cls(
            frozenset(w for w in folded if not w.endswith("*")),
            tuple(w[:-1] for w in folded if w.endswith("*")),
        )

    def accepts(self, token: str) -> bool:
        """Whether ``token`` (folded) fills this slot."""
        return token in self.exact or (bool(self.prefixes) and token.startswith(self.prefixes))


# A token's part in a rule: its position and the slots of the rule it fills (highest first).
_Hits = list[tuple[int, tuple[int, ...]]]


@dataclass(frozen=True)
class _Sequence:
    """Slots in this order, each at most ``gap`` tokens after the previous one."""

    name: str
    slots: tuple[_Slot, ...]
    gap: int = 2

    def matches(self, hits: _Hits) -> bool:
        """One pass; ``last[j]`` is where the latest run of slots 0..j ended (exact)."""
        last = [-1] * len(self.slots)
        for pos, slots in hits:
            for j in slots:  # highest first, so one token never fills two slots in a row
                if j and (last[j - 1] < 0 or pos - last[j - 1] > self.gap + 1):
                    continue
                last[j] = pos
                if j == len(self.slots) - 1:
                    return True
        return False


@dataclass(frozen=True)
class _Together:
    """Every slot filled by some token inside a window of ``window`` tokens, in any order."""

    name: str
    slots: tuple[_Slot, ...]
    window: int = 8

    def matches(self, hits: _Hits) -> bool:
        """One pass keeping the latest position of each slot."""
        last = [-(10**9)] * len(self.slots)
        for pos, slots in hits:
            for j in slots:
                last[j] = pos
            if min(last) > pos - self.window:
                return True
        return False


def _seq(name: str, *slots: str, gap: int = 2) -> _Sequence:
    return _Sequence(name, tuple(_Slot.of(s) for s in slots), gap)


def _together(name: str, *slots: str, window: int = 8) -> _Together:
    return _Together(name, tuple(_Slot.of(s) for s in slots), window)


# Word groups the rules share (German and English; folded like the text, see ``_fold``).
_DISREGARD = (
    "ignorier* vergiss vergessen missacht* verwirf verwerfen uberschreib* ubergeh* "
    "ignore* disregard* forget override* bypass*"
)
_ORDERS = (
    "anweisung* instruktion* befehl* prompt* systemprompt* kommando* "
    "instruction* directive* directions command* guideline* rules"
)
_EARLIER = (
    "vorherig* bisherig* obig* fruher* vorangegangen* vorangehend* vorstehend* vorausgegangen* "
    "ursprunglich* alle allen aller samtlich* jeglich* dein deine deiner deinen eure euren "
    "previous prior above earlier preceding foregoing original all any your"
)
_WEAK_ORDERS = "regel regeln vorgabe* richtlinie* kontext* quellen dokumente dokumenten context"
_EARLIER_STRICT = (
    "vorherig* bisherig* obig* fruher* vorangegangen* vorangehend* vorstehend* vorausgegangen* "
    "ursprunglich* samtlich* jeglich* anderen ubrigen deine deiner deinen "
    "previous prior above earlier other"
)
_MODEL = (
    "sprachmodell* ki-assistent* ki-modell* ki-system* ki-chatbot* ki-sprachmodell* ki-agent* "
    "chatbot* llm llms gpt* chatgpt* assistant assistants language-model* ai ai-assistant*"
)
_YOU = "du dich dir dein deine deiner deinen deinem you your"
_IMPERATIVE_SAY = (
    "antworte beantworte schreibe schreib sage sag gib nenne behaupte bestatige "
    "respond reply answer say state output write"
)
_ALWAYS = (
    "nur ausschliesslich immer stets grundsatzlich kunftig fortan niemals nie "
    "only exclusively always never"
)
_NOW = "jetzt nun sofort fortan kunftig now"

_RULES: tuple[_Sequence | _Together, ...] = (
    # "Ignoriere bitte sämtliche früheren Anweisungen", "ignore all previous instructions"
    _together("Anweisungen verwerfen", _DISREGARD, _ORDERS, _EARLIER, window=8),
    _together("Regeln verwerfen", _DISREGARD, _WEAK_ORDERS, _EARLIER_STRICT, window=6),
    _together("Anweisungen verwerfen", "ausser", "acht", _ORDERS, window=8),
    _together(
        "Anweisungen verwerfen",
        "ungultig* hinfallig nichtig void invalid obsolete",
        _ORDERS,
        _EARLIER,
        window=6,
    ),
    _seq(
        "alles vergessen", "vergiss ignoriere ignorier forget ignore disregard", "alles everything"
    ),
    # "Du bist jetzt …", "Ab sofort bist du …", "you are now …", "Tu so, als …"
    _seq("neue Rolle", "du", "bist", _NOW, gap=1),
    _seq("neue Rolle", _NOW, "bist", "du", gap=1),
    _seq("neue Rolle", "you", "are", "now", gap=1),
    _seq("neue Rolle", "sie", "sind", _NOW, _MODEL, gap=3),
    _seq("neue Rolle", "verhalte", "dich", "wie als", gap=1),
    _seq("neue Rolle", "tu tue", "so", "als", gap=1),
    _seq("neue Rolle", "spiele spiel ubernimm schlupfe", "rolle", gap=3),
    _seq("neue Rolle", "pretend roleplay", "to as be like you that", gap=1),
    _seq("neue Rolle", "act", "as", "if", gap=0),
    _seq("neue Rolle", "you", "act behave", "as like", gap=2),
    _seq("neue Rolle", "from", "now", "on", "you", gap=1),
    # A model addressed as such
    _together("Modell angesprochen", _YOU, _MODEL, window=6),
    _seq("Modell angesprochen", "du", "ki", "bist", gap=1),
    _together("Modell angesprochen", "you your", "language", "model models", window=5),
    _seq(
        "Modell angesprochen",
        "an fur liebe lieber hallo hey achtung note attention dear hello to",
        _MODEL,
        gap=1,
    ),
    # "Antworte nur mit …", "Beantworte jede Frage mit …", "always answer …"
    _seq("Antwort vorgegeben", _IMPERATIVE_SAY, _ALWAYS, gap=3),
    _seq("Antwort vorgegeben", _ALWAYS, "respond reply answer say state", gap=1),
    _seq("Antwort vorgegeben", "antworten", "sie", _ALWAYS, gap=1),
    _seq("Antwort vorgegeben", "antworte beantworte", "jede alle samtliche", "frage* anfrage*"),
    _together("Antwort vorgegeben", _YOU, "antwort antworten answer answers response", window=3),
    _together(
        "Antwort vorgegeben",
        _IMPERATIVE_SAY,
        "jeder jede allen every each",
        "antwort antworten answer answers response responses",
        window=4,
    ),
    _together("Antwort vorgegeben", _IMPERATIVE_SAY, "wortlich verbatim", window=5),
    _seq("Antwort vorgegeben", "tell inform", "the", "user users reader", gap=0),
    # Reveal or hide the instructions, claim precedence over them
    _together(
        "Anweisung verschleiern",
        "verrate verrat erwahne erwahn wiederhole offenbare enthulle verschweige mention reveal "
        "repeat",
        _ORDERS,
        window=5,
    ),
    _together("Vorrang beansprucht", "vorrang prioritat overrides supersedes", _ORDERS, window=6),
    _seq(
        "Quelle umgedeutet",
        "behandle behandele betrachte nutze verwende treat",
        "dieses diese this",
        "dokument* quelle* text abschnitt document* source*",
        gap=1,
    ),
    # Talk about the machinery itself
    _seq("Systemsteuerung", "system", "prompt* nachricht* anweisung* message* instruction*", gap=0),
    _seq("Systemsteuerung", "prompt", "injection*", gap=0),
    _seq("Systemsteuerung", "developer entwickler", "mode modus", gap=0),
    _seq("Systemsteuerung", "do", "anything", "now", gap=0),
    _seq(
        "Systemsteuerung",
        "systemprompt* system-prompt* systemnachricht* systemanweisung* systemhinweis* "
        "systemregel* jailbreak* entwicklermodus* dan-modus",
    ),
)
# Chat-template and prompt delimiters, this project's prompt scaffolding, and labels that
# announce new rules ("Neue Regel:"); searched in the folded text.
_MARKERS = (
    "<|",
    "[inst]",
    "[/inst]",
    "<<sys>>",
    "<</sys>>",
    "<start_of_turn>",
    "<end_of_turn>",
    "<system>",
    "</system>",
    "[system]",
    "{{system",
    "antwort (jeder satz mit [nummer])",
    "[textstelle entfernt",
    "</quelle",
    "<quelle",
    "neue regel:",
    "neue regeln:",
    "neue anweisung:",
    "neue anweisungen:",
    "neue instruktion",
    "wichtige anweisung:",
    "geheime anweisung",
    "new instruction",
    "new rule:",
    "new rules:",
)
# Role labels: "SYSTEM:", "Assistant:", "### User" (at a line start; see ``_inline_label``).
_ROLES = (
    "system",
    "systemprompt",
    "system prompt",
    "systemnachricht",
    "systemanweisung",
    "assistant",
    "assistent",
    "ki-assistent",
    "ai",
    "developer",
)
_HEADING_ROLES = (*_ROLES, "user", "human", "nutzer", "benutzer", "instruction", "response")
_INLINE_ROLES = ("assistant:", "systemprompt:", "user:", "human:")
_LABEL_ENDS = (":", "]", ">", "|")
_LEAD = " \t#*>-•|[(\"'„“«»"


def _normalise(text: str) -> str:
    """NFKC, invisible characters removed (zero-width spaces, soft hyphens, bidi and tag
    characters), folded."""
    return _fold(_INVISIBLE.sub("", unicodedata.normalize("NFKC", text)))


def _tokens(folded: str) -> list[str]:
    """Word tokens (hyphenated compounds kept); a run of single letters is one word."""
    tokens: list[str] = []
    letters: list[str] = []
    for raw in _TOKEN.findall(folded):
        token = raw.strip("-")
        if len(token) == 1 and token.isalpha():
            letters.append(token)
            continue
        _flush_letters(letters, tokens)
        if token:
            tokens.append(token)
    _flush_letters(letters, tokens)
    return tokens


def _flush_letters(letters: list[str], tokens: list[str]) -> None:
    if len(letters) >= _MIN_SPACED_LETTERS:
        tokens.append("".join(letters))
    else:
        tokens.extend(letters)
    letters.clear()


def _role_label(folded: str) -> bool:
    """A line that starts with a role label ("System:", "### Assistant", "[SYSTEM]")."""
    for line in folded.splitlines() or [folded]:
        head = line.lstrip(_LEAD)
        heading = line.lstrip().startswith("#")
        for role in _HEADING_ROLES if heading else _ROLES:
            if not head.startswith(role):
                continue
            rest = head[len(role) :].lstrip(" \t")
            if rest[:1] in _LABEL_ENDS or (heading and not rest.strip(" :")):
                return True
    return False


def _inline_label(text: str, folded: str) -> bool:
    """A role label inside running text: "SYSTEM:" in capitals, or "assistant:"/"system:"."""
    if "SYSTEM:" in text or "SYSTEM :" in text:
        return True
    for label in _INLINE_ROLES:
        start = folded.find(label)
        while start >= 0:
            before = folded[start - 1 : start]
            if not before or not (before.isalnum() or before == "-"):
                return True
            start = folded.find(label, start + 1)
    return False


@lru_cache(maxsize=65536)
def instruction_reason(text: str) -> str:
    """Why ``text`` reads like an instruction to a language model ("" when it does not)."""
    folded = _normalise(text)
    if any(marker in folded for marker in _MARKERS):
        return "Steuerzeichen oder Regelvorgabe"
    if _role_label(folded) or _inline_label(text, folded):
        return "Rollenangabe"
    by_rule: dict[int, _Hits] = {}
    for pos, token in enumerate(_tokens(folded)):
        for rule_index, slots in _parts(token):
            by_rule.setdefault(rule_index, []).append((pos, slots))
    for rule_index in sorted(by_rule):  # rule order decides the reason
        rule, hits = _RULES[rule_index], by_rule[rule_index]
        filled = {j for _, slots in hits for j in slots}
        if len(filled) == len(rule.slots) and rule.matches(hits):
            return rule.name
    return ""


@lru_cache(maxsize=8192)
def _parts(token: str) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """The rules a token plays a part in, each with the slots it fills (highest first)."""
    parts = []
    for rule_index, rule in enumerate(_RULES):
        slots = tuple(j for j in range(len(rule.slots) - 1, -1, -1) if rule.slots[j].accepts(token))
        if slots:
            parts.append((rule_index, slots))
    return tuple(parts)


def looks_like_instruction(sentence: str) -> bool:
    """Whether a sentence of a document reads like an instruction to a language model."""
    return bool(instruction_reason(sentence))


def _paragraphs(text: str) -> list[str]:
    return [p for p in _PARAGRAPH.split(text) if p.strip()]


@lru_cache(maxsize=4096)
def tainted_sentences(text: str) -> frozenset[str]:
    """Sentences of ``text`` that are instructions, or their payload: the next
    ``_PAYLOAD_SENTENCES`` sentences of the same paragraph.

    Sentences are those of ``split_sentences`` (a blank line ends a paragraph there, too), so
    callers can test the sentences they split themselves for membership.
    """
    tainted: set[str] = set()
    for paragraph in _paragraphs(text):
        payload = 0
        for sentence in split_sentences(paragraph):
            if looks_like_instruction(sentence):
                tainted.add(sentence)
                payload = _PAYLOAD_SENTENCES
            elif payload:
                tainted.add(sentence)
                payload -= 1
    return frozenset(tainted)


def instruction_sentences(texts: Iterable[str]) -> list[str]:
    """The sentences of ``texts`` that read like instructions (in order, each once)."""
    found: dict[str, None] = {}
    for text in texts:
        for sentence in split_sentences(text):
            if looks_like_instruction(sentence):
                found.setdefault(sentence)
    return list(found)


def sanitize_passage(text: str, replacement: str = REMOVED_INSTRUCTION) -> str:
    """``text`` with tainted sentences replaced by ``replacement`` (once per run of them)."""
    tainted = tainted_sentences(text)
    if not tainted:
        return text
    out: list[str] = []
    for paragraph in _paragraphs(text):
        kept: list[str] = []
        for sentence in split_sentences(paragraph):
            if sentence not in tainted:
                kept.append(sentence)
            elif not kept or kept[-1] != replacement:
                kept.append(replacement)
        out.append(" ".join(kept))
    return "\n\n".join(out)
