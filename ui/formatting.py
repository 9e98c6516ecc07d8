"""Pure text formatting for the UI: safe Markdown, citation links, labels and the export."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from assistant import texts as pii_texts
from assistant.contacts import Contact
from assistant.pii import redact
from assistant.types import Answer, Citation

from . import texts

__all__ = [
    "anchor",
    "answer_markdown",
    "citation_meta",
    "contact_lines",
    "escape_markdown",
    "format_stand",
    "format_timestamp",
    "inferred_mark",
    "is_municipality",
    "kommune_cell",
    "kommune_label",
    "linked_markdown",
    "plural",
    "remaining_time",
    "stream_tokens",
]

LEITFADEN = "Leitfaden"  # the manifest's pseudo-Kommune of cross-municipal documents
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$<>~:=])")
_MARKER = re.compile(r"\[(\d+)\]")


def escape_markdown(text: str) -> str:
    """``text`` shown literally by Streamlit's Markdown (no emphasis, links, math, emoji)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def anchor(turn: int, n: int) -> str:
    """HTML id of source ``n`` of conversation turn ``turn``."""
    return f"quelle-{turn + 1}-{n}"


def linked_markdown(text: str, turn: int, numbers: Sequence[int]) -> str:
    """Escaped answer text whose ``[n]`` markers link to their source on the page."""
    known = set(numbers)
    out: list[str] = []
    position = 0
    for match in _MARKER.finditer(text):
        n = int(match.group(1))
        if n not in known:
            continue
        out.append(escape_markdown(text[position : match.start()]))
        out.append(f"[\\[{n}\\]](#{anchor(turn, n)})")
        position = match.end()
    out.append(escape_markdown(text[position:]))
    return "".join(out)


def stream_tokens(markdown: str) -> Iterator[str]:
    """Word-sized pieces of already formatted Markdown (each piece is complete on its own)."""
    yield from re.findall(r"\S+\s*|\s+", markdown)


def format_stand(stand: str) -> str:
    """ISO "Stand" as a German date ("2022-09-01" -> "01.09.2022"); "" when unknown."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", stand.strip())
    return f"{match[3]}.{match[2]}.{match[1]}" if match else stand.strip()


def format_timestamp(stamp: str) -> str:
    """ISO timestamp as "TT.MM.JJJJ HH:MM" in local time (UTC stamps end in "Z")."""
    try:
        when = dt.datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return stamp.strip()
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%d.%m.%Y %H:%M")


def plural(count: int, one: str, many: str) -> str:
    """ "1 Seite", "3 Seiten": the number with the right form of the noun."""
    return f"{count} {one if count == 1 else many}"


def remaining_time(seconds: float | None) -> str:
    """ "noch etwa 40 s", "noch etwa 3 min", "noch etwa 1 h 20 min"; "" while unknown."""
    if seconds is None:
        return ""
    if seconds < 60:
        return texts.ETA.format(time=f"{max(5, round(seconds / 5) * 5)} s")
    minutes = round(seconds / 60)
    if minutes < 60:
        return texts.ETA.format(time=f"{minutes} min")
    return texts.ETA.format(time=f"{minutes // 60} h {minutes % 60} min")


def is_municipality(kommune: str) -> bool:
    """Whether a document's Kommune names a place (not the guide's pseudo-Kommune)."""
    return bool(kommune) and kommune != LEITFADEN


def kommune_label(kommune: str, issuer: str = "") -> str:
    """What the UI shows as a document's Kommune: the guide's placeholder becomes its issuer.

    The corpus manifest files cross-municipal documents (the guide, the project web page)
    under the pseudo-Kommune "Leitfaden"; shown to people that reads as a place. Their
    issuer is shown instead, or "–" when there is none.
    """
    return kommune if is_municipality(kommune) else issuer or "–"


def inferred_mark(value: str, inferred: bool) -> str:
    """A metadata value, marked when it was read off the document (no manifest entry)."""
    return texts.INFERRED_VALUE.format(value=value) if inferred and value else value


def kommune_cell(kommune: str, issuer: str, place: str, inferred: bool) -> str:
    """A document's Kommune in the admin list: marked when inferred; without one, the one
    municipality the document names (``DocumentMeta.place``), else its issuer or "–"."""
    if not kommune and place:
        return texts.NAMES_ONLY.format(place=place)
    return inferred_mark(kommune_label(kommune, issuer), inferred and bool(kommune))


def citation_meta(c: Citation, issuer: str = "") -> str:
    """One line of facts about a source: municipality (or issuer), type, Stand, page, section."""
    parts = [
        kommune_label(c.kommune, issuer),
        c.doc_type,
        texts.STAND.format(stand=format_stand(c.stand)) if c.stand else "",
        texts.PAGE.format(page=c.page) if c.paged else "",
        texts.SECTION.format(section=c.section.split(" > ")[-1]) if c.section else "",
        texts.OCR_SOURCE if c.ocr else "",
    ]
    return " · ".join(p for p in parts if p)


def _source_lines(citations: Sequence[Citation]) -> list[str]:
    lines = []
    for c in citations:
        lines.append(f"[{c.n}] {c.title} – {citation_meta(c)}")
        lines.append(f"    „{c.quote}“")
    return lines


def contact_lines(contact: Contact) -> list[str]:
    """The responsible office as "Label: value" lines (German labels)."""
    return [f"{pii_texts.CONTACT_KINDS[kind]}: {value}" for kind, value in contact.fields()]


def answer_markdown(answer: Answer, filters: str = "", contact: Contact | None = None) -> str:
    """The answer with its sources as Markdown, for memos (copy or download).

    The question goes through the personal-data guard once more: an export never carries
    personal details, even from an answer object made elsewhere.
    """
    lines = [f"## {texts.EXPORT_QUESTION}", "", redact(answer.question), ""]
    if filters:
        lines += [f"_{texts.EXPORT_FILTERS}: {filters}_", ""]
    lines += [f"## {texts.EXPORT_ANSWER}", ""]
    if not answer.found:
        lines += [f"**{texts.REFUSAL_MARK}**", ""]
    if answer.comparison:
        for part in answer.comparison:
            lines += [f"### {part.kommune}", "", part.text, ""]
    else:
        lines += [answer.text, ""]
    lines += [f"> {note}" for note in answer.notes] + ([""] if answer.notes else [])
    if contact is not None and contact.citation is not None:
        c = contact.citation
        lines += [f"## {texts.CONTACT_HEADING}", "", *[f"- {x}" for x in contact_lines(contact)]]
        lines += [
            "",
            f"{texts.CONTACT_SOURCE}: {c.title} – {citation_meta(c)}",
            f"    „{c.quote}“",
            "",
        ]
    sources = answer.citations or answer.related
    if sources:
        heading = texts.SOURCES if answer.citations else texts.RELATED
        lines += [f"## {heading}", "", *_source_lines(sources), ""]
    lines.append(f"_{texts.EXPORT_FOOTER.format(version=answer.index_version or '–')}_")
    return "\n".join(lines) + "\n"
