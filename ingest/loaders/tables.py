"""Tables -> readable evidence: one line per row, "Spalte: Wert; Spalte: Wert".

Every producer (HTML, DOCX, ODT, PDF via pdfplumber, Markdown) describes a table as rows of
cells with column and row spans. Spans are resolved on a grid: a cell merged down over
several rows repeats its value in each of them (the row stays readable alone), a cell merged
across columns is named by the joined column names, and stacked header rows become column
names like "Frist – Ziel".
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "TABLE_MARK",
    "TABLE_PLACEHOLDER",
    "TableCell",
    "is_caption",
    "placeholder_index",
    "render_table",
    "table_block",
]

TABLE_MARK = "[Tabelle]"  # first line of a table block in the shared page text format
# A line standing for a table while the text around it is cleaned (PDF path).
TABLE_PLACEHOLDER = "KLPDFTABELLE{:03d}X"
_CAPTION_WORDS = ("tabelle", "tab.", "übersicht", "table")
_MAX_CAPTION = 160
MAX_COLUMNS = 64
MAX_SPAN = 1000


def placeholder_index(line: str) -> int | None:
    """The table number of a placeholder line, else None."""
    text = line.strip()
    head = "KLPDFTABELLE"
    if text.startswith(head) and text.endswith("X") and text[len(head) : -1].isdigit():
        return int(text[len(head) : -1])
    return None


def is_caption(text: str) -> bool:
    """A table caption: "Tabelle 2: Fristen", "Tab. 3 – Kosten", "Übersicht 1" (short).

    A sentence that starts with the word ("Tabelle 3 fasst … zusammen.") is not one.
    """
    text = " ".join(text.split())
    lower = text.lower()
    word = next((w for w in _CAPTION_WORDS if lower.startswith(w)), None)
    if word is None or len(text) > _MAX_CAPTION:
        return False
    rest = text[len(word) :].lstrip()
    number = len(rest) - len(rest.lstrip("0123456789."))
    after = rest[number:].lstrip()
    return number > 0 and (not after or after[0] in ":–-—|")


@dataclass(frozen=True)
class TableCell:
    """One cell as the producer describes it."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False


@dataclass(frozen=True)
class _Slot:
    origin: tuple[int, int]  # (row, column) of the cell that covers this slot
    cell: TableCell


def _grid(rows: list[list[TableCell]]) -> list[list[_Slot | None]]:
    """Place cells on a grid, honouring spans (bounded, so a hostile span cannot explode)."""
    grid: list[list[_Slot | None]] = [[] for _ in rows]
    for r, row in enumerate(rows):
        column = 0
        for cell in row:
            while column < len(grid[r]) and grid[r][column] is not None:
                column += 1
            if column >= MAX_COLUMNS:
                break
            colspan = max(1, min(cell.colspan, MAX_COLUMNS - column))
            for dr in range(max(1, min(cell.rowspan, MAX_SPAN, len(rows) - r))):
                line = grid[r + dr]
                line.extend([None] * (column + colspan - len(line)))
                for dc in range(colspan):
                    line[column + dc] = _Slot((r, column), cell)
            column += colspan
    width = max((len(line) for line in grid), default=0)
    return [line + [None] * (width - len(line)) for line in grid]


def _header_count(rows: list[list[TableCell]], grid: list[list[_Slot | None]]) -> int:
    """Leading rows that are headers: marked as such, else a first row of short labels."""
    marked = 0
    while marked < len(rows) - 1 and rows[marked] and all(c.header for c in rows[marked]):
        marked += 1
    if marked:
        return marked
    if len(grid) < 2 or len(grid[0]) < 2:
        return 0
    labels = [slot.cell.text for slot in grid[0] if slot is not None]
    plausible = all(text and len(text) <= 60 and not _is_number(text) for text in labels)
    return 1 if plausible and len(labels) == len(grid[0]) else 0


def _is_number(text: str) -> bool:
    return text.replace(".", "").replace(",", "").replace("%", "").strip().isdigit()


def _column_names(grid: list[list[_Slot | None]], header_rows: int) -> list[str]:
    names = []
    for column in range(len(grid[0]) if grid else 0):
        parts: list[str] = []
        for row in grid[:header_rows]:
            slot = row[column]
            text = slot.cell.text.strip() if slot else ""
            if text and text not in parts:
                parts.append(text)
        names.append(" – ".join(parts))
    return names


def _row_text(row: list[_Slot | None], names: list[str]) -> str:
    """One body row: merged-across cells once, under their joined column names."""
    parts: list[str] = []
    seen: set[tuple[int, int]] = set()
    for slot in row:
        if slot is None or slot.origin in seen:
            continue
        seen.add(slot.origin)
        value = " ".join(slot.cell.text.split())
        if not value:
            continue
        span = [c for c, s in enumerate(row) if s is not None and s.origin == slot.origin]
        name = " / ".join(dict.fromkeys(n for n in (names[c] for c in span) if n))
        parts.append(f"{name}: {value}" if name else value)
    return "; ".join(parts)


def render_table(rows: list[list[TableCell]]) -> list[str]:
    """The table's body rows as "Spalte: Wert; Spalte: Wert" lines (empty rows dropped)."""
    rows = [row for row in rows if row]
    if not rows:
        return []
    if _row_headed(rows):
        return [_headed_row(row) for row in rows]
    grid = _grid(rows)
    header_rows = _header_count(rows, grid)
    names = _column_names(grid, header_rows)
    lines: list[str] = []
    for row in grid[header_rows:]:
        text = _row_text(row, names)
        if text and text not in lines[-1:]:
            lines.append(text)
    if not lines and header_rows:  # a table of headers only still says something
        lines = ["; ".join(n for n in names if n)]
    return lines


def _row_headed(rows: list[list[TableCell]]) -> bool:
    """A table whose rows each start with their own header cell and have no other
    ("<tr><th>Telefon</th><td>01234 55</td></tr>"): a list of labelled values."""
    return all(
        len(row) >= 2 and row[0].header and not any(c.header for c in row[1:]) for row in rows
    )


def _headed_row(row: list[TableCell]) -> str:
    values = "; ".join(v for v in (" ".join(c.text.split()) for c in row[1:]) if v)
    return f"{' '.join(row[0].text.split())}: {values}"


def table_block(rows: list[list[TableCell]], caption: str = "") -> str:
    """A table as a block of the page text format: the mark with caption, then "- row" lines."""
    lines = render_table(rows)
    if not lines:
        return ""
    head = f"{TABLE_MARK} {' '.join(caption.split())}".rstrip()
    return "\n".join([head] + [f"- {line}" for line in lines])
