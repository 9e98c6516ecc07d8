"""Offline extractive answers: the sentences that best answer the question, each cited.

Deterministic and unable to hallucinate: every sentence of the answer is a sentence of a
retrieved passage, followed by the number of the source it was taken from. The composer

* refuses with the fixed sentence when the refusal policy (``assistant.refusal``) says the
  passages do not answer the question, adding what they cover instead for a near miss,
* takes the sentences most likely to state what is asked, skips near-duplicates, and never
  lets a sentence that leans on its predecessor ("Dies gilt ...") stand without it,
* lists the items after a "...:" introduction when the question asks for a list, and quotes
  a list item with the sentence its list continues ("…, wer" / "…:"),
* puts a newer document version first and says which "Stand" replaces which and which values
  differ; a newer version nobody confirmed yet never leads (``assistant.versions``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from . import texts
from .evidence import (
    Candidate,
    Evidence,
    answers_anything,
    is_list_question,
    is_web_chrome,
    starts_with_reference,
)
from .german import fold
from .question import asks_group_size
from .refusal import Decision
from .sentences import is_heading_line, split_sentences
from .statements import counts_asked, states_count, states_group_size
from .types import Chunk, Citation
from .versions import lead_order, version_notes

__all__ = ["Composition", "compose_extractive"]

_DUPLICATE_OVERLAP = 0.7
_RESTATEMENT_OVERLAP = 0.5  # share of words an update's sentence shares with the one it restates
_RESTATEMENT_TERMS = 3  # and at least this many words (a three-word sentence restates little),
_RESTATEMENT_UNASKED = 2  # this many of them words the question does not use
_RELATIVE_PROBABILITY = 0.5  # further sentences need half the best sentence's probability
# A question about the present ("derzeit", "zurzeit", "aktuell", …), and the share of the best
# sentence's probability a sentence stating a count for the present needs to lead instead
_NOW = re.compile(
    r"\b(?:derzeit|zurzeit|zur\s+zeit|aktuell|momentan|gegenwärtig|inzwischen|mittlerweile)\b",
    re.IGNORECASE,
)
_NOW_SHARE = 1 / 3
# "An welcher Schule …?", "Welche Stelle berät …?": the answer names a school or an office
_WHICH_INSTITUTION = re.compile(
    r"\bwelche[rmns]?\s+(?:[a-zäöüß]+e[mnrs]?\s+)?[a-zäöüß-]*"
    r"(?:schule|stelle|behörde|einrichtung|gymnasium|amt)\b",
    re.IGNORECASE,
)
# A named school or office: "Realschule", "Gesundheitsamt", "Koordinierungsstelle", also in
# the genitive; or a school or office followed by its name ("des Schulamtes Weilburg").
# Narrower than ``places.INSTITUTION`` (which places a town after any school or office, a bare
# "Schule" included): here only a compound or a named one tells which.
_INSTITUTION_HEAD = r"(?:schule|gymnasium|kolleg|amt|stelle|zentrum|behörde|büro|agentur)"
_INSTITUTION_NAME = re.compile(rf"\b[A-ZÄÖÜ][\wäöüß-]*?{_INSTITUTION_HEAD}(?=(?:e?s)?\b)")
_NAMED_INSTITUTION = re.compile(
    rf"\b(?i:[a-zäöüß-]*{_INSTITUTION_HEAD})(?:e?s)?\s+([A-ZÄÖÜ][\wäöüß-]+)"
)
_LIST_ITEMS = 8
_LIST_SENTENCES = 5
# A sentence that breaks the count before it down ("Davon sind 71 Analphabeten.")
_PARTITIVE = re.compile(r"^(?:davon|darunter|von\s+(?:ihnen|diesen|denen))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Composition:
    """An extractive answer: text with markers, its sources, and whether it answers."""

    text: str
    citations: tuple[Citation, ...]
    found: bool
    related: tuple[Citation, ...] = ()
    notes: tuple[str, ...] = ()
    answerability: float = 0.0


def compose_extractive(
    evidence: Evidence, decision: Decision, sentence_threshold: float, max_sentences: int = 3
) -> Composition:
    """Pick, order and cite the answer sentences, or refuse as the policy decided."""
    candidates = list(evidence.candidates)
    if not decision.found:
        return _refusal(evidence, decision)
    wants_list = is_list_question(evidence.query.text)
    limit = max(max_sentences, _LIST_SENTENCES) if wants_list else max_sentences
    # The answer starts with the best sentence that meets the question's requirements; more
    # sentences may add context but never contradict its place or year.
    first = _leading(decision.eligible, evidence)
    others = [c for c in candidates if c is not first and _compatible(c)]
    if evidence.frame.expects.kind:
        # a question asking for a kind of value: the sentences that state one come first
        others.sort(key=_misses_type)
    usable = [first, *others]
    # A single-fact answer stays on the page of its best sentence; a list may span pages.
    chosen = _select(usable, limit, sentence_threshold, same_page=not wants_list)
    floor = max(sentence_threshold, _RELATIVE_PROBABILITY * usable[0].probability)
    asked = frozenset(evidence.query.terms + evidence.query.parts)
    chosen = _with_newer_version(chosen, [c for c in usable if _compatible(c)], floor, asked)
    chosen = _with_confirmed_version(chosen, [c for c in usable if _compatible(c)], floor)
    likely = {(c.chunk.chunk_id, c.order) for c in usable if c.probability >= sentence_threshold}
    counted = evidence.query.text if evidence.frame.expects.kind == "count" else ""
    units = _with_context(chosen, evidence.sentences, wants_list, likely, counted)
    units = _with_antecedents(units, evidence.preceding)
    units, notes = _newest_first(units)
    return _render(units, notes, evidence.answerability)


def _leading(eligible: tuple[Candidate, ...], evidence: Evidence) -> Candidate:
    """The sentence the answer starts with: the best eligible one, but for "Wie viele X?"
    (asking nothing else) the best that counts X itself ("fünfeinhalb Planstellen" for
    "Stellen", not "zwei NRW-Minister"), if it is at least half as likely; and for "Wie viele
    X … derzeit?" the best that counts X for now, if it has a third of the best's probability;
    for "Wie groß sind die Gruppen?" the best that gives a group's size, if half as likely."""
    # a sentence that opens its passage leaning on the one before ("Dies gilt auch …")
    # dangles; it answers only when no other sentence meets the question, or when that
    # passage is at hand to be quoted with it (``_with_antecedents``)
    eligible = (
        tuple(c for c in eligible if not _dangles(c) or c.chunk.chunk_id in evidence.preceding)
        or eligible
    )
    best, expects, question = eligible[0], evidence.frame.expects, evidence.frame.text
    counting = expects.kind == "count" and expects.sole
    if counting and _NOW.search(question) and not _NOW.search(best.text):
        # "Wie viele X gibt es derzeit?": the count a sentence gives for now ("Es gibt zurzeit
        # vier Sprachlernklassen"), not an earlier one ("2014 … zwei zusätzliche Klassen")
        now = (
            c
            for c in eligible[1:]
            if c.probability >= _NOW_SHARE * best.probability
            and _NOW.search(c.text)
            and counts_asked(c.text, question)
        )
        found = next(now, None)
        if found is not None:
            return found
    if counting and asks_group_size(question):
        if states_group_size(best.text):
            return best
        answers = _states_group_size  # "Wie groß sind die Gruppen?": one of them
    elif counting and not counts_asked(best.text, question):
        answers = counts_asked  # "Wie viele X?": a sentence that counts X
    elif _WHICH_INSTITUTION.search(question) and not _names_institution(best.text, question):
        answers = _names_institution  # "An welcher Schule …?": a sentence that names one
    else:
        return best
    fitting = (
        c
        for c in eligible[1:]
        if c.probability >= _RELATIVE_PROBABILITY * best.probability and answers(c.text, question)
    )
    return next(fitting, best)


def _states_group_size(sentence: str, question: str) -> bool:
    return states_group_size(sentence)


def _names_institution(sentence: str, question: str) -> bool:
    """Whether ``sentence`` names a school or an office the question does not name
    ("Treffpunkt ist die Erweiterte Realschule in den Fliesen" for "In welcher Schule treffen
    sich die Kinder der Sommerschule?"; "Sommerschule" is what it asks about)."""
    asked = {fold(word) for word in re.findall(r"[\w-]+", question)}
    if any(fold(m.group()) not in asked for m in _INSTITUTION_NAME.finditer(sentence)):
        return True
    return any(fold(m.group(1)) not in asked for m in _NAMED_INSTITUTION.finditer(sentence))


def _compatible(candidate: Candidate) -> bool:
    """A sentence that names no other place or year than the question asks about."""
    return not any(label.startswith(("Ort:", "Zeit:")) for label in candidate.unmet)


def _misses_type(candidate: Candidate) -> bool:
    """A sentence that states no value of the kind the question asks for."""
    return any(label.startswith("Art:") for label in candidate.unmet)


def _refusal(evidence: Evidence, decision: Decision) -> Composition:
    pool = list(decision.related) + _first_per_chunk(list(evidence.candidates))
    seen: set[str] = set()
    related = []
    for c in pool:
        if c.chunk.chunk_id not in seen:
            seen.add(c.chunk.chunk_id)
            related.append((c.chunk, [c.text]))
    notes = (decision.note,) if decision.note else ()
    return Composition(
        texts.REFUSAL,
        (),
        False,
        _citations(related[:3]),
        notes=notes,
        answerability=evidence.answerability,
    )


def _select(
    candidates: list[Candidate], limit: int, floor: float, same_page: bool = False
) -> list[Candidate]:
    """The best sentences; with ``same_page`` further ones only from the first one's page.

    The first is the sentence the answer starts with (``_leading``), kept even when it leans
    on a sentence of another passage ("Damit erhalten die Kinder zehn Stunden …"): it is
    then the only one that meets the question."""
    best = candidates[0].probability
    chosen: list[Candidate] = []
    for c in candidates:
        if len(chosen) >= limit:
            break
        if chosen and (c.probability < floor or c.probability < _RELATIVE_PROBABILITY * best):
            continue
        if same_page and chosen and _page(c) != _page(chosen[0]):
            continue
        if any(_repeats(c.terms, other.terms) for other in chosen):
            continue
        if chosen and _dangles(c):
            continue  # its antecedent stands in another passage
        chosen.append(c)
    return chosen


def _dangles(c: Candidate) -> bool:
    """Whether the sentence opens its passage with a reference to the sentence before."""
    return c.order == 0 and starts_with_reference(c.text)


def _page(c: Candidate) -> tuple[str, int]:
    return (c.chunk.doc_id, c.chunk.page_of(c.text))


def _with_newer_version(
    chosen: list[Candidate], candidates: list[Candidate], floor: float, asked: frozenset[str]
) -> list[Candidate]:
    """Add the sentence of a newer version of a document the answer quotes.

    When an older concept is quoted and its update (``supersedes``) says something on the
    question too (a sentence at least as likely as ``floor``), the reader must see it: the
    update's best sentence and its restatement of a quoted sentence (most words in common),
    if it has one. Ordering and the Stand note follow in ``_newest_first``.
    """
    quoted = {c.chunk.doc_id for c in chosen}
    likely = [c for c in candidates if c.probability >= floor]  # best first
    for newer in dict.fromkeys(c.chunk.meta for c in likely):
        if newer.supersedes not in quoted or newer.doc_id in quoted:
            continue
        own = [c for c in likely if c.chunk.doc_id == newer.doc_id]
        old = [c for c in chosen if c.chunk.doc_id == newer.supersedes]
        restated = _restatement(own, old, asked)
        chosen = [*chosen, own[0], *([restated] if restated and restated is not own[0] else [])]
        quoted.add(newer.doc_id)
    return chosen


def _restatement(
    newer: list[Candidate], older: list[Candidate], asked: frozenset[str]
) -> Candidate | None:
    """The newer sentence that restates the first of the older ones (best first) that the
    newer version restates at all: most words in common, among equals the likeliest.

    Two sentences that share only the question's words (``asked``) are two answers to it,
    not one rule in two versions: a restatement also shares words the question does not use.
    """
    for quoted in older:

        def similarity(candidate: Candidate, quoted: Candidate = quoted) -> float:
            shared = candidate.terms & quoted.terms
            if len(shared) < _RESTATEMENT_TERMS or len(shared - asked) < _RESTATEMENT_UNASKED:
                return 0.0
            return _overlap(candidate.terms, quoted.terms)

        best = max(newer, key=similarity)  # the first of equals: candidates come best first
        if similarity(best) >= _RESTATEMENT_OVERLAP:
            return best
    return None


def _with_confirmed_version(
    chosen: list[Candidate], candidates: list[Candidate], floor: float
) -> list[Candidate]:
    """Add the best sentence of the document an unconfirmed newer version claims to replace.

    Until an admin confirms the new version, the reader must see what the confirmed one
    says; ``_newest_first`` puts it first.
    """
    quoted = {c.chunk.doc_id for c in chosen}
    wanted = {c.chunk.meta.supersedes for c in chosen if c.chunk.meta.unconfirmed} - quoted
    for candidate in candidates:  # best first
        if candidate.probability < floor or not wanted:
            break
        if candidate.chunk.doc_id in wanted:
            chosen = [*chosen, candidate]
            wanted.discard(candidate.chunk.doc_id)
    return chosen


def _repeats(new: frozenset[str], said: frozenset[str]) -> bool:
    """Whether sentence ``new`` repeats sentence ``said``: its words are mostly said, or it
    holds ``said`` and adds less than twice as many words as it repeats ("(Foto: …)" before
    the same sentence). A longer sentence that holds a short one and goes on to say much
    more (who presented the work the short one announces) is no repetition."""
    common = len(new & said)
    if common > _DUPLICATE_OVERLAP * max(1, len(new)):
        return True
    return common > _DUPLICATE_OVERLAP * max(1, len(said)) and len(new) - common < 2 * common


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


@dataclass(frozen=True)
class _Unit:
    """One or more adjacent sentences of one chunk that go into the answer together."""

    chunk: Chunk
    rank: int
    orders: tuple[int, ...]
    sentences: tuple[str, ...]


# "war diese Zahl zu niedrig", "an dieser neuen Schule": a noun the sentence before names
# (case-sensitive after the determiner: the noun is capitalised, an adjective may precede it).
# A time the demonstrative points to ("in diesem Jahr", "diese Woche") is the writer's now,
# not something the sentence before names.
_DEMONSTRATIVE = re.compile(
    r"\b(?i:diese[rsmn]?|jene[rsmn]?)\s+(?:[a-zäöüß]+\s+)?"
    r"(?!(?:Schul|Kalender|Haushalts)?(?:Jahr|Halbjahr|Monat|Woche|Tag|Zeit|Sommer|Herbst|"
    r"Winter|Frühjahr|Frühling|Moment|Augenblick)\w*\b)[A-ZÄÖÜ]"
)


def _with_context(
    chosen: list[Candidate],
    sentences: dict[str, list[str]],
    wants_list: bool,
    likely: Collection[tuple[str, int]] = (),
    counted: str = "",
) -> list[_Unit]:
    """Group chosen sentences by chunk, add antecedents, continuations and list items, keep
    reading order.

    An antecedent is the sentence before one that opens leaning on it ("Dort …"), and for
    the answer's first sentence also before one that points back inside ("war diese Zahl
    zu niedrig").

    A continuation is the sentence right after a chosen one that leans on it ("Für sie
    richtet das Schulamt ...") and is itself ``likely`` (chunk id, order) to answer. For a
    count question (``counted`` is its text) a sentence that breaks the count before it
    down ("Davon sind 71 Analphabeten.") continues it too: the asked part of a total is
    often stated so.
    """
    picked: dict[str, set[int]] = {}
    info: dict[str, tuple[Chunk, int]] = {}
    for c in chosen:
        orders = picked.setdefault(c.chunk.chunk_id, set())
        info.setdefault(c.chunk.chunk_id, (c.chunk, c.rank))
        orders.add(c.order)
        leans = starts_with_reference(c.text) or (c is chosen[0] and _DEMONSTRATIVE.search(c.text))
        if leans and c.order > 0 and answers_anything(sentences[c.chunk.chunk_id][c.order - 1]):
            orders.add(c.order - 1)  # not a picture's credit or a date line before it
        following = sentences[c.chunk.chunk_id][c.order + 1 : c.order + 2]
        continues = following and starts_with_reference(following[0])
        if continues and (
            (c.chunk.chunk_id, c.order + 1) in likely or _breaks_down(following[0], counted)
        ):
            orders.add(c.order + 1)
        if wants_list and c.text.rstrip().endswith(":"):
            orders.update(_following_items(sentences[c.chunk.chunk_id], c.order))
        lead = _lead_in(sentences[c.chunk.chunk_id], c.order)
        if lead >= 0:  # "- und nicht länger als ein Jahr …" means nothing without "…, wer"
            orders.add(lead)
    units = []
    for chunk_id, orders in picked.items():
        chunk, rank = info[chunk_id]
        ordered = tuple(sorted(orders))
        units.append(_Unit(chunk, rank, ordered, tuple(sentences[chunk_id][i] for i in ordered)))
    units.sort(key=lambda u: (u.rank, u.orders[0]))
    return units


def _with_antecedents(units: list[_Unit], preceding: Mapping[str, Chunk]) -> list[_Unit]:
    """Put the last sentence of the passage before in front of a unit that opens with a
    sentence leaning on it ("Dort soll auch …" needs the school the sentence before names)."""
    quoted = {(u.chunk.chunk_id, order) for u in units for order in u.orders}
    out: list[_Unit] = []
    for unit in units:
        before = preceding.get(unit.chunk.chunk_id)
        if before is not None and unit.orders[0] == 0 and starts_with_reference(unit.sentences[0]):
            sentences = split_sentences(before.text)
            last = len(sentences) - 1
            heading = sentences and is_heading_line(sentences[last], before.text + "\n\n")
            if sentences and not heading and (before.chunk_id, last) not in quoted:
                out.append(_Unit(before, unit.rank, (last,), (sentences[last],)))
        out.append(unit)
    return out


def _breaks_down(sentence: str, counted: str) -> bool:
    """Whether ``sentence`` states a part of a count asked by the question ``counted``."""
    return bool(counted) and bool(_PARTITIVE.match(sentence)) and states_count(sentence, counted)


def _lead_in(sentences: list[str], order: int) -> int:
    """For a list item, the sentence its list continues ("In die Klasse wird aufgenommen,
    wer" or "Das KI übernimmt:"), -1 when it is no item or its list follows a full sentence."""
    if not sentences[order].startswith("- "):
        return -1
    i = order - 1
    while i >= 0 and sentences[i].startswith("- "):
        i -= 1
    if i < 0 or sentences[i].rstrip().endswith((".", "!", "?")) or is_web_chrome(sentences[i]):
        return -1  # a list after a full sentence, or after a page's skip links
    return i


def _following_items(sentences: list[str], order: int) -> list[int]:
    items = []
    for i in range(order + 1, min(len(sentences), order + 1 + _LIST_ITEMS)):
        if not sentences[i].startswith("- "):
            break
        items.append(i)
    return items


def _newest_first(units: list[_Unit]) -> tuple[list[_Unit], tuple[str, ...]]:
    """Order the versions of a document (``assistant.versions``) and note what differs."""
    metas = {u.chunk.doc_id: u.chunk.meta for u in units}
    said: dict[str, list[str]] = {}
    for unit in units:
        said.setdefault(unit.chunk.doc_id, []).extend(unit.sentences)
    notes = version_notes(metas, said)
    if not notes:
        return units, ()
    lead = lead_order(metas)
    ordered = sorted(
        units, key=lambda u: (lead[u.chunk.doc_id], u.rank, u.chunk.position, u.orders[0])
    )
    return ordered, notes


def _render(units: list[_Unit], notes: tuple[str, ...], answerability: float) -> Composition:
    keys: dict[tuple[str, int], int] = {}
    quotes: dict[tuple[str, int], list[str]] = {}
    chunks: dict[tuple[str, int], Chunk] = {}
    lines = []
    for unit in units:
        for sentence in unit.sentences:
            key = (unit.chunk.chunk_id, unit.chunk.page_of(sentence))
            number = keys.setdefault(key, len(keys) + 1)
            quotes.setdefault(key, []).append(sentence)
            chunks[key] = unit.chunk
            lines.append(f"{sentence} [{number}]")
    citations = _citations([(chunks[key], quotes[key]) for key in keys])
    return Composition(
        _join_lines(lines), citations, True, notes=notes, answerability=answerability
    )


def _first_per_chunk(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for c in sorted(candidates, key=lambda c: (c.rank, -c.probability)):
        if c.chunk.chunk_id not in seen:
            seen.add(c.chunk.chunk_id)
            out.append(c)
    return out


def _citations(items: list[tuple[Chunk, list[str]]]) -> tuple[Citation, ...]:
    return tuple(
        Citation(
            n=i + 1,
            doc_id=chunk.doc_id,
            title=chunk.meta.title,
            kommune=chunk.meta.kommune,
            page=chunk.page_of(quotes[0]),
            quote=" … ".join(quotes),
            section=chunk.section,
            doc_type=chunk.meta.doc_type,
            stand=chunk.meta.stand,
            chunk_id=chunk.chunk_id,
            context=chunk.text,
            ocr=chunk.ocr,
            paged=chunk.paged,
        )
        for i, (chunk, quotes) in enumerate(items)
    )


def _join_lines(lines: list[str]) -> str:
    # List items keep their own line; running sentences form one paragraph.
    out = ""
    for line in lines:
        if not out:
            out = line
        elif line.startswith("- ") or out.splitlines()[-1].startswith("- "):
            out += "\n" + line
        else:
            out += " " + line
    return out
