"""PDF page layout -> text lines in reading order, with headings and tables (pdfplumber).

Office software lays pages out in columns, marks headings by font size or weight rather than
numbers, and draws tables with ruling lines. Text extraction by content stream order loses
all three; this module reads the geometry instead: words with their font, grouped into lines
per column (a two-column page is read left column first, full-width lines stay in place),
headings marked ``#`` by size or bold weight, and tables rendered as row lines and put in the
text as a placeholder line (``TABLE_PLACEHOLDER``) that ``clean`` keeps as its own block.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..clean import dehyphenate, join_inline_hyphens
from .aligned import aligned_tables
from .tables import TABLE_PLACEHOLDER, TableCell, is_caption, placeholder_index, table_block

__all__ = ["PageLayout", "body_font_size", "heading_levels", "page_layout"]

_LINE_TOLERANCE = 2.5  # points: words whose tops differ less stand on one line
_SAME_LINE_OVERLAP = 0.6  # share of a word's height that must overlap its left neighbour's
_GUTTER_MIN = 12.0  # points of empty space that separate two columns (0.42 cm)
_HEADING_RATIO = 1.12  # a line this much larger than body text is a heading
_OCR_HEADING_RATIO = 1.35
_CAPTION_DISTANCE = 30.0
_BOLD_RANK = 0.5  # pseudo size of bold headings in body size: ranked last
_PUNCTUATION_GAP = 0.5  # in font sizes: closer than this, punctuation joins the word before


@dataclass(frozen=True)
class _Line:
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float
    bold: bool


@dataclass(frozen=True)
class PageLayout:
    """Text lines of one page in reading order, the heading size of each line (0: body
    text), and the rendered tables that placeholder lines refer to."""

    lines: tuple[str, ...]
    sizes: tuple[float, ...]
    tables: tuple[str, ...]


def page_layout(page: Any, body_size: float, recognised: bool = False) -> PageLayout:
    """Lines of a pdfplumber page in reading order; ``body_size`` is the document's body font.

    On a ``recognised`` (OCR) page, word sizes are measured from pixels and vary: only a
    clearly larger line counts as a heading there."""
    tables, boxes, table_lines = _tables(page)
    words = [w for w in _words(page) if not any(_inside(w, box) for box in boxes)]
    rows = _rows(words)
    aligned = aligned_tables(rows, float(page.width))
    for table in aligned:
        x0, top, x1, bottom = table.box
        placeholder = TABLE_PLACEHOLDER.format(len(tables))
        table_lines.append(_Line(top, bottom, x0, x1, placeholder, 0.0, False))
        tables.append(table.rows)
        boxes.append(table.box)
    taken = {i for table in aligned for i in range(table.first, table.last + 1)}
    rows = [row for i, row in enumerate(rows) if i not in taken]
    gutter = _gutter(rows, page.width)
    lines, captions = _take_captions(_lines(rows, gutter), boxes)
    blocks = [table_block(rows, captions.get(i, "")) for i, rows in enumerate(tables)]
    ordered = _reading_order(lines + table_lines, gutter)
    ratio = _OCR_HEADING_RATIO if recognised else _HEADING_RATIO
    marked = _mark_headings(ordered, body_size, ratio, bold=not recognised)
    return PageLayout(
        tuple(text for text, _ in marked), tuple(size for _, size in marked), tuple(blocks)
    )


def body_font_size(pages: list[Any]) -> float:
    """The most common character size over some pages (the body text's size)."""
    sizes: Counter[float] = Counter()
    for page in pages[:12]:
        for char in page.chars:
            if char.get("text", "").strip():
                sizes[round(float(char.get("size", 0)), 1)] += 1
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _words(page: Any) -> list[dict[str, Any]]:
    return list(
        page.extract_words(
            x_tolerance=2, y_tolerance=2, keep_blank_chars=False, extra_attrs=["size", "fontname"]
        )
    )


def _inside(word: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1


def _rows(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped by baseline band, each row sorted left to right."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        for row in rows[-6:]:
            if abs(row[0]["top"] - word["top"]) <= _LINE_TOLERANCE or _continues_row(row[-1], word):
                row.append(word)
                break
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


def _continues_row(previous: dict[str, Any], word: dict[str, Any]) -> bool:
    """Whether ``word`` stands right of ``previous`` on the same, possibly skewed line: a
    scan's text layer lets the words of one line drift by more than the fixed tolerance."""
    overlap = min(previous["bottom"], word["bottom"]) - max(previous["top"], word["top"])
    height = min(previous["bottom"] - previous["top"], word["bottom"] - word["top"])
    return (
        height > 0 and overlap >= _SAME_LINE_OVERLAP * height and word["x0"] >= previous["x1"] - 1
    )


def _gutter(rows: list[list[dict[str, Any]]], width: float) -> float | None:
    """The x of a column gutter: the x crossed by the fewest words while many rows (or row
    parts) lie left and right of it. Columns need not share baselines."""
    best: list[int] = []
    fewest = len(rows)
    for x in range(int(width * 0.3), int(width * 0.7), 2):
        left = right = crossing = 0
        for row in rows:
            if any(w["x0"] - 1 <= x <= w["x1"] + 1 for w in row):
                crossing += 1
                continue
            left += any(w["x1"] < x for w in row)
            right += any(w["x0"] > x for w in row)
        if min(left, right) < 4 or crossing > 0.5 * len(rows):
            continue
        if crossing < fewest:
            fewest, best = crossing, [x]
        elif crossing == fewest and best and best[-1] == x - 2:
            best.append(x)
    return float(best[len(best) // 2]) if best else None


def _lines(rows: list[list[dict[str, Any]]], gutter: float | None) -> list[_Line]:
    """One line per row, or two (left and right column) where the row is two-column."""
    split = _split_rows(rows, gutter) if gutter is not None else set()
    lines: list[_Line] = []
    for index, row in enumerate(rows):
        if index not in split or gutter is None:
            lines.append(_segment(row))
            continue
        left = [w for w in row if w["x1"] < gutter]
        right = [w for w in row if w["x0"] > gutter]
        lines += [_segment(part) for part in (left, right) if part]
    return lines


def _split_rows(rows: list[list[dict[str, Any]]], gutter: float) -> set[int]:
    """Rows that belong to the two-column part: a gap as wide as the gutter at the gutter,
    next to another such row or between rows that fill one column only (a stretched space in
    full-width text is neither)."""
    gaps: dict[int, float] = {}
    one_sided: set[int] = set()  # rows with words in one column only: a column's line
    for index, row in enumerate(rows):
        left = [w["x1"] for w in row if w["x1"] < gutter]
        right = [w["x0"] for w in row if w["x0"] > gutter]
        crossing = any(w["x0"] - 1 <= gutter <= w["x1"] + 1 for w in row)
        if left and right and not crossing:
            gaps[index] = min(right) - max(left)
        elif not crossing:
            one_sided.add(index)
    # The gutter is the narrowest gap of two-column rows (a short line beside a full one
    # leaves a wider gap); gaps narrower than any gutter are word spaces of full-width rows.
    widths = sorted(gap for gap in gaps.values() if gap >= _GUTTER_MIN)
    if not widths:
        return set()
    typical = widths[len(widths) // 4]
    wide = {i for i, gap in gaps.items() if gap >= max(0.75 * typical, _GUTTER_MIN)}
    # A running header or footer (first or last row, set smaller than the text) is one line.
    body = sorted(_row_size(row) for row in rows)[len(rows) // 2]
    margins = {i for i in (0, len(rows) - 1) if _row_size(rows[i]) < 0.95 * body}
    # Beside a row with words in one column only, a wide gap is a gutter too: a heading in
    # one column next to text in the other ("1.3 Rechtlicher Rahmen").
    beside = wide | one_sided
    return {
        i
        for i in wide - margins
        if i - 1 in wide
        or i + 1 in wide
        or _short_row(rows[i], gutter)
        or (i - 1 in beside and i + 1 in beside)
    }


def _row_size(row: list[dict[str, Any]]) -> float:
    return max(float(w.get("size", 0)) for w in row)


def _short_row(row: list[dict[str, Any]], gutter: float) -> bool:
    """A row with a column's last, short line beside a full line of the other column."""
    return len([w for w in row if w["x1"] < gutter]) <= 3


def _segment(words: list[dict[str, Any]]) -> _Line:
    sizes = [float(w.get("size", 0)) for w in words]
    largest = max(sizes) if sizes else 0.0
    weight: dict[float, int] = {}
    for word in words:
        size = round(float(word.get("size", 0)), 1)
        weight[size] = weight.get(size, 0) + len(word["text"])
    dominant = max(weight, key=lambda k: weight[k]) if weight else 0.0
    baseline = max(w["bottom"] for w in words)
    text = ""
    dropped = False
    for i, word in enumerate(words):
        raised = float(word.get("size", 0)) < 0.8 * largest and word["bottom"] < baseline - 1
        if raised and word["text"].isdigit() and i > 0:  # a footnote reference mark
            dropped = True
            continue
        closing = word["text"][:1] in ".,;:!?)"
        glue = closing and (dropped or (i > 0 and _close_after(words[i - 1], word)))
        text += ("" if glue or not text else " ") + word["text"]
        dropped = False
    bold = all("bold" in str(w.get("fontname", "")).lower() for w in words)
    return _Line(
        top=min(w["top"] for w in words),
        bottom=baseline,
        x0=min(w["x0"] for w in words),
        x1=max(w["x1"] for w in words),
        text=text,
        size=dominant,
        bold=bold,
    )


def _close_after(previous: dict[str, Any], word: dict[str, Any]) -> bool:
    """Whether ``word`` follows ``previous`` closer than a word space: punctuation set in
    another font than the word before it ("**Schüler**." in bold, then a regular full stop)
    comes out as a word of its own, and is no word after a space."""
    size = float(word.get("size", 0)) or 10.0
    return float(word["x0"]) - float(previous["x1"]) < _PUNCTUATION_GAP * size


def _reading_order(lines: list[_Line], gutter: float | None) -> list[_Line]:
    """Top to bottom; on a two-column page, column by column between full-width lines."""
    lines = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    if gutter is None:
        return lines
    ordered: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for line in lines:
        if line.x1 < gutter + 2:
            left.append(line)
        elif line.x0 > gutter - 2:
            right.append(line)
        else:  # a full-width line (title, heading across columns) ends the column band
            ordered += left + right + [line]
            left, right = [], []
    return ordered + left + right


def _mark_headings(
    lines: list[_Line], body_size: float, ratio: float, bold: bool
) -> list[tuple[str, float]]:
    """(text, heading size or 0) per line; a heading wrapped onto the next line is joined."""
    out: list[tuple[str, float]] = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None and out and _continues(previous, line):
            out[-1] = (f"{out[-1][0]} {line.text}", out[-1][1])  # a wrapped heading
            previous = line
            continue
        if _heading_candidate(line, body_size, ratio, bold):
            # Bold body-size headings rank below every larger heading.
            larger = line.size >= body_size * ratio
            out.append((line.text, round(line.size, 1) if larger else _BOLD_RANK))
            previous = line
            continue
        previous = None
        out.append((line.text, 0.0))
    return out


def heading_levels(layouts: list[PageLayout]) -> list[list[str]]:
    """Page lines with ``#`` marks; levels rank the heading sizes of the whole document."""
    sizes = sorted({size for layout in layouts for size in layout.sizes if size}, reverse=True)
    rank = {size: min(i + 1, 4) for i, size in enumerate(sizes)}
    return [
        [
            "#" * rank[size] + " " + text if size else text
            for text, size in zip(layout.lines, layout.sizes, strict=True)
        ]
        for layout in layouts
    ]


def _heading_candidate(line: _Line, body_size: float, ratio: float, bold: bool) -> bool:
    text = line.text.strip()
    words = text.split()
    if not words or placeholder_index(text) is not None or len(words) > 16:
        return False
    if text.endswith((".", ",", ";")) or not (text[0].isupper() or text[0].isdigit()):
        return False
    larger = line.size >= body_size * ratio
    return larger or (bold and line.bold and line.size >= body_size * 0.95 and len(words) <= 12)


def _continues(previous: _Line, line: _Line) -> bool:
    """A heading wrapped onto the next line: same font, directly below, short."""
    gap = line.top - previous.bottom
    if len(line.text.split()) > 12 or line.text.rstrip().endswith("."):
        return False
    centred = abs((previous.x0 + previous.x1) - (line.x0 + line.x1)) < 40
    # Flush left, or indented under the heading text after its number ("4.3 Potenzial…").
    aligned = previous.x0 - 5 <= line.x0 <= previous.x0 + 60
    return (
        abs(previous.size - line.size) < 0.3
        and previous.bold == line.bold
        and 0 <= gap < previous.size
        and (aligned or centred)
    )


# --- tables -------------------------------------------------------------------------------


def _tables(
    page: Any,
) -> tuple[list[list[list[TableCell]]], list[tuple[float, float, float, float]], list[_Line]]:
    """Ruled tables of a page: rows of cells with spans, their boxes, placeholder lines."""
    try:
        found = page.find_tables()
    except Exception:  # noqa: BLE001 - a table finder failure must not lose the page text
        return [], [], []
    tables: list[list[list[TableCell]]] = []
    boxes: list[tuple[float, float, float, float]] = []
    lines: list[_Line] = []
    for table in found:
        rows = _table_cells(page, table)
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        lines.append(_Line(top, bottom, x0, x1, TABLE_PLACEHOLDER.format(len(tables)), 0.0, False))
        tables.append(rows)
        boxes.append((x0, top, x1, bottom))
    return tables, boxes, lines


def _table_cells(page: Any, table: Any) -> list[list[TableCell]]:
    texts = table.extract(x_tolerance=2)
    origins = [
        (cell, texts[r][c] if r < len(texts) and c < len(texts[r]) else "")
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row.cells)
        if cell is not None
    ]
    if not origins:
        return []
    column_starts = sorted({round(cell[0], 0) for cell, _ in origins})
    row_starts = sorted({round(cell[1], 0) for cell, _ in origins})
    bold_rows = {top: _bold_row(page, table, top) for top in row_starts[:3]}
    result: list[list[TableCell]] = [[] for _ in row_starts]
    for cell, text in sorted(origins, key=lambda item: (round(item[0][1], 0), item[0][0])):
        x0, top, x1, bottom = cell
        colspan = sum(1 for x in column_starts if x0 - 1 <= x < x1 - 1)
        rowspan = sum(1 for y in row_starts if top - 1 <= y < bottom - 1)
        # a cell's lines as in running text: "DaZ-" / "Lehrerstellen" is "DaZ-Lehrerstellen"
        lines = dehyphenate([line.strip() for line in (text or "").split("\n")])
        cleaned = join_inline_hyphens(" ".join(" ".join(lines).split()))
        result[row_starts.index(round(top, 0))].append(
            TableCell(
                cleaned, max(1, colspan), max(1, rowspan), bold_rows.get(round(top, 0), False)
            )
        )
    return result


def _bold_row(page: Any, table: Any, top: float) -> bool:
    """Whether the text of a (header candidate) row is set in bold throughout."""
    x0, _, x1, bottom = table.bbox
    band = [
        c
        for c in page.chars
        if x0 <= c["x0"] <= x1
        and top - 1 <= c["top"] <= min(bottom, top + 40)
        and c.get("text", "").strip()
    ]
    nearest = min((c["top"] for c in band), default=top)
    line = [c for c in band if abs(c["top"] - nearest) < 3]
    return bool(line) and all("bold" in str(c.get("fontname", "")).lower() for c in line)


def _take_captions(
    lines: list[_Line], boxes: list[tuple[float, float, float, float]]
) -> tuple[list[_Line], dict[int, str]]:
    """Caption lines ("Tabelle 2: …") just above or below a table, removed from the text."""
    captions: dict[int, str] = {}
    kept = []
    for line in lines:
        owner = next(
            (
                i
                for i, (x0, top, x1, bottom) in enumerate(boxes)
                if i not in captions
                and is_caption(line.text)
                and line.x1 > x0
                and line.x0 < x1
                and (
                    0 <= top - line.bottom <= _CAPTION_DISTANCE
                    or 0 <= line.top - bottom <= _CAPTION_DISTANCE
                )
            ),
            None,
        )
        if owner is None:
            kept.append(line)
        else:
            captions[owner] = line.text
    return kept, captions
