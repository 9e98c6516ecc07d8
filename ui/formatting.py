"""Pure text formatting for the UI: safe Markdown, citation links, labels and the export."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.types import Answer, Citation

from . import texts

__all__ = [
    "anchor",
    "answer_markdown",
    "citation_meta",
    "escape_markdown",
    "format_stand",
    "linked_markdown",
    "stream_tokens",
]

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


def citation_meta(c: Citation) -> str:
    """One line of facts about a source: municipality, type, Stand, page, section."""
    parts = [
        c.kommune,
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


def answer_markdown(answer: Answer, filters: str = "") -> str:
    """The answer with its sources as Markdown, for memos (copy or download)."""
    lines = [f"## {texts.EXPORT_QUESTION}", "", answer.question, ""]
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
    sources = answer.citations or answer.related
    if sources:
        heading = texts.SOURCES if answer.citations else texts.RELATED
        lines += [f"## {heading}", "", *_source_lines(sources), ""]
    lines.append(f"_{texts.EXPORT_FOOTER.format(version=answer.index_version or '–')}_")
    return "\n".join(lines) + "\n"
