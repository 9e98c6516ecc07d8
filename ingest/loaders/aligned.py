"""Tables set without ruling lines: columns aligned by tab stops or spaces (pure).

Office documents often set an overview as text aligned in columns ("Schritt", "Zuständig",
"Frist" at three tab stops, one row per line) instead of drawing a table. The table finder
sees no lines, and the page text would run the rows together ("Erstberatung Bildungsbüro
Sprachstand Schulamt …"), or the two-column reader would take the gap between two columns
of cells for a column gutter. Rows are read as a table here when at least three consecutive
lines are split into cells by wide gaps and every cell starts at one of the same column
positions. Prose set in columns is no table: its lines fill their column, while a table's
cells leave room, and the labels of a two-column table are short ("Montag" beside "9 bis 12
Uhr"). Numbered lists and contents lines set at a tab stop are no tables either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..clean import is_toc_entry, join_inline_hyphens
from .tables import TableCell

__all__ = ["AlignedTable", "aligned_tables"]

_CELL_GAP = 1.5  # in font sizes: a wider gap between two words on a line separates cells
_ALIGN = 4.0  # points: cells starting this close stand in one column
_MIN_ROWS = 3  # lines split into cells (a header included) that make a table
_ROW_SPACING = 2.5  # in font sizes: a larger step between two lines ends the table
_LABEL_SHARE = 0.3  # of the page width: the labels of a two-column table end before this
_PROSE_WORDS = 8  # cells with more words than this on average are columns of prose
_FULL_SHARE = 0.75  # of the space up to the next column: a cell this wide fills its column
# A list or section mark before a tab ("1.", "2.1", "a)", "•") makes a list item or a
# contents line, not a labelled row.
_LIST_MARK = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[a-zA-Z][.)]|[•▪◦‣∙·\-–*])$")

Word = dict[str, Any]


@dataclass(frozen=True)
class AlignedTable:
    """Rows ``first`` to ``last`` (inclusive) of a page's rows, read as a table."""

    first: int
    last: int
    rows: list[list[TableCell]]
    box: tuple[float, float, float, float]  # x0, top, x1, bottom


def aligned_tables(rows: list[list[Word]], width: float) -> list[AlignedTable]:
    """The aligned tables among a page's rows (each row: its words left to right)."""
    cells = [_cells(row) for row in rows]
    found: list[AlignedTable] = []
    start = 0
    while start < len(rows):
        end = _run_end(rows, cells, start)
        table = _table(rows, cells, start, end, width) if end - start >= _MIN_ROWS else None
        if table is not None:
            found.append(table)
        # a run's rows share its first row's columns: no table starts inside a failed run
        start = max(end, start + 1)
    return found


def _cells(row: list[Word]) -> list[list[Word]]:
    """A row's words grouped into cells at gaps wider than ``_CELL_GAP`` font sizes."""
    groups: list[list[Word]] = []
    for word in row:
        size = float(word.get("size", 0)) or 10.0
        if groups and float(word["x0"]) - float(groups[-1][-1]["x1"]) <= _CELL_GAP * size:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _run_end(rows: list[list[Word]], cells: list[list[list[Word]]], start: int) -> int:
    """One past the last row of the run of split rows (and the rows continuing their cells)
    that begins at ``start``; ``start`` itself when that row is not split."""
    if len(cells[start]) < 2:
        return start
    starts = [float(cell[0]["x0"]) for cell in cells[start]]
    end = start + 1
    while end < len(rows):
        size = float(rows[end][0].get("size", 0)) or 10.0
        step = float(rows[end][0]["top"]) - float(rows[end - 1][0]["top"])
        own = [float(cell[0]["x0"]) for cell in cells[end]]
        if step > _ROW_SPACING * size:
            break
        if len(own) < 2:
            if own[0] <= starts[1] - _ALIGN:
                break  # a line of text below the table, not a wrapped cell
        elif not all(any(abs(x - s) <= _ALIGN for s in starts) for x in own):
            break  # other columns: another table or list
        end += 1
    return end


def _table(
    rows: list[list[Word]], cells: list[list[list[Word]]], start: int, end: int, width: float
) -> AlignedTable | None:
    split = [cells[i] for i in range(start, end) if len(cells[i]) >= 2]
    if len(split) < _MIN_ROWS:
        return None
    columns = _columns([c for row in split for c in row], len(split))
    if len(columns) < 2 or not all(_aligned(row, columns) for row in split):
        return None
    texts = [_text(cell) for row in split for cell in row]
    if sum(len(t.split()) for t in texts) > _PROSE_WORDS * len(texts) or _fills(split, columns):
        return None
    labels = [row[0] for row in split]
    if any(_LIST_MARK.match(_text(c)) or is_toc_entry(_text(c)) for c in labels) or any(
        is_toc_entry(t) for t in texts
    ):
        return None  # a numbered list or a table of contents
    if len(columns) == 2 and max(float(c[-1]["x1"]) for c in labels) > (
        columns[0] + _LABEL_SHARE * width
    ):
        return None
    table_rows = _table_rows([cells[i] for i in range(start, end)], columns)
    words = [w for i in range(start, end) for w in rows[i]]
    box = (
        min(float(w["x0"]) for w in words),
        min(float(w["top"]) for w in words),
        max(float(w["x1"]) for w in words),
        max(float(w["bottom"]) for w in words),
    )
    return AlignedTable(start, end - 1, table_rows, box)


def _fills(rows: list[list[list[Word]]], columns: list[float]) -> bool:
    """Whether the first column's cells mostly fill it up to the next column, as lines of
    prose set in columns do (a table's labels leave the column's end free)."""
    span = columns[1] - columns[0]
    firsts = [row[0] for row in rows if _column(row[0], columns) == 0]
    full = sum(1 for c in firsts if float(c[-1]["x1"]) - columns[0] >= _FULL_SHARE * span)
    return 2 * full > len(firsts)


def _columns(cells: list[list[Word]], rows: int) -> list[float]:
    """Column starts: cell starts (merged within ``_ALIGN``) shared by half the rows."""
    starts = sorted(float(cell[0]["x0"]) for cell in cells)
    groups: list[list[float]] = []
    for x in starts:
        if groups and x - groups[-1][-1] <= _ALIGN:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [group[0] for group in groups if 2 * len(group) >= rows]


def _aligned(row: list[list[Word]], columns: list[float]) -> bool:
    return all(_column(cell, columns) is not None for cell in row)


def _column(cell: list[Word], columns: list[float]) -> int | None:
    x = float(cell[0]["x0"])
    return next((i for i, start in enumerate(columns) if abs(x - start) <= _ALIGN), None)


def _table_rows(rows: list[list[list[Word]]], columns: list[float]) -> list[list[TableCell]]:
    """Cells per column; a line without a first cell continues the cells of the line above
    (a cell wrapped onto a second line)."""
    texts: list[list[str]] = []
    bold: list[bool] = []
    for row in rows:
        placed = [""] * len(columns)
        for cell in row:
            index = _column(cell, columns)
            if index is None:  # a continuation line's text between columns
                x = float(cell[0]["x0"])
                index = max((i for i, start in enumerate(columns) if start <= x), default=0)
            placed[index] = (placed[index] + " " + _text(cell)).strip()
        if texts and not placed[0]:
            texts[-1] = [(a + " " + b).strip() for a, b in zip(texts[-1], placed, strict=True)]
            continue
        texts.append(placed)
        bold.append(all("bold" in str(w.get("fontname", "")).lower() for c in row for w in c))
    header = bool(bold) and bold[0] and not all(bold)
    if not header and len(columns) == 2:  # labels and values: "Montag: 9 bis 12 Uhr"
        return [
            [TableCell(join_inline_hyphens(t), header=c == 0) for c, t in enumerate(row)]
            for row in texts
        ]
    return [
        [TableCell(join_inline_hyphens(text), header=header and r == 0) for text in row]
        for r, row in enumerate(texts)
    ]


def _text(cell: list[Word]) -> str:
    return " ".join(str(w["text"]) for w in cell)
