"""Markdown -> page text through a real parser (markdown-it-py), in linear time.

A regular expression for emphasis backtracked for seconds on lines like ``_a _a _a …``;
the parser's delimiter algorithm does not. Front matter is cut by a line scan.
"""

from __future__ import annotations

from typing import Any

from ..clean import normalize_chars
from .tables import TableCell, is_caption, table_block

__all__ = ["markdown_to_text", "strip_front_matter"]

_MAX_BRACKETS = 16


def strip_front_matter(text: str) -> str:
    """Drop a leading YAML front matter block (``---`` ... ``---``) by scanning lines."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[index + 1 :])
    return text


def _literal_brackets(line: str) -> str:
    """Brackets nested deeper, or left open more often, than any link syntax does are
    literal text; escaping them keeps the link parser (which rescans from every "[") from
    turning quadratic."""
    depth = deepest = 0
    for char in line:
        if char == "[":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "]" and depth:
            depth -= 1
    if deepest > _MAX_BRACKETS:  # also counts brackets left open
        return line.replace("[", "\\[")
    return line


def markdown_to_text(markdown: str) -> str:
    """Markdown to page text: headings as ``#`` lines, list items, tables as row lines."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    text = strip_front_matter(normalize_chars(markdown))
    tokens = parser.parse("\n".join(_literal_brackets(line) for line in text.split("\n")))
    return "\n\n".join(b for b in _Blocks(tokens).run() if b.strip()).strip()


class _Blocks:
    """Walks the flat token stream of markdown-it and collects page-text blocks."""

    def __init__(self, tokens: list[Any]) -> None:
        self.tokens = tokens
        self.blocks: list[str] = []
        self.lists: list[list[int]] = []  # per open list: [ordered (0/1), next number]
        self.item_prefix = ""

    def run(self) -> list[str]:
        i = 0
        while i < len(self.tokens):
            i = self._step(i)
        return self.blocks

    def _step(self, i: int) -> int:
        token = self.tokens[i]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start") if kind == "ordered_list_open" else None
            self.lists.append([int(kind == "ordered_list_open"), int(str(start or 1))])
        elif kind in ("bullet_list_close", "ordered_list_close") and self.lists:
            self.lists.pop()
        elif kind == "list_item_open" and self.lists:
            self.item_prefix = self._item_prefix()
        elif kind == "heading_open":
            level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
            self.blocks.append("#" * level + " " + _inline(self.tokens[i + 1]))
            return i + 3
        elif kind == "inline":
            text = _inline(token)
            self.blocks.append(f"{self.item_prefix}{text}" if self.lists and text else text)
            self.item_prefix = "- " if self.lists else ""
        elif kind in ("fence", "code_block", "html_block"):
            self.blocks.append(_plain(token.content))
        elif kind == "table_open":
            return self._table(i)
        return i + 1

    def _item_prefix(self) -> str:
        ordered, number = self.lists[-1]
        if not ordered:
            return "- "
        self.lists[-1][1] += 1
        return f"- {number}. "

    def _table(self, i: int) -> int:
        rows: list[list[TableCell]] = []
        j = i + 1
        while j < len(self.tokens) and self.tokens[j].type != "table_close":
            token = self.tokens[j]
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open") and rows:
                text = _inline(self.tokens[j + 1]) if j + 1 < len(self.tokens) else ""
                rows[-1].append(TableCell(text, header=token.type == "th_open"))
            j += 1
        caption = self._take_caption()
        block = table_block(rows, caption)
        if block:
            self.blocks.append(block)
        return j + 1

    def _take_caption(self) -> str:
        """A short "Tabelle …" paragraph right before the table becomes its caption."""
        if not self.blocks:
            return ""
        last = self.blocks[-1]
        if is_caption(last):
            self.blocks.pop()
            return last
        return ""


def _inline(token: Any) -> str:
    """Text of an inline token: markup dropped, link text kept, images by their alt text."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def _plain(text: str) -> str:
    """Raw HTML or code in Markdown: tags removed by a linear scan, lines kept."""
    out: list[str] = []
    inside = False
    for char in text:
        if char == "<":
            inside = True
        elif char == ">" and inside:
            inside = False
        elif not inside:
            out.append(char)
    return "\n".join(line.rstrip() for line in "".join(out).strip().split("\n"))
