"""German text repair for PDF extraction (pure functions).

pypdf returns page text line by line, with ligature glyphs, soft hyphens, words split at line
ends, the running header and footer on every page, and justified double spaces. This module
turns that into page text in the shared block format (see ``ingest.load``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from assistant.german import ends_in_function_word
from assistant.sentences import counted_by_ordinal
from assistant.types import Page

from .loaders.tables import placeholder_index

__all__ = [
    "CLEAN_VERSION",
    "clean_pdf_pages",
    "dehyphenate",
    "first_heading",
    "heading_continues",
    "is_toc_entry",
    "join_inline_hyphens",
    "join_page_hyphenation",
    "list_marks_as_dashes",
    "mark_headings",
    "normalize_chars",
    "remove_running_lines",
    "split_footnotes",
    "strip_footnote_markers",
    "usable_title",
]

# Bump when the output of this module (or of the loaders before it) changes, so that ingest
# re-processes documents.
CLEAN_VERSION = "26"

_CHAR_MAP = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u00a0": " ",  # no-break space
        "\u202f": " ",
        "\u2009": " ",
        "\t": " ",
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
    }
)
_MULTISPACE = re.compile(r" {2,}")
# List marks as office programs write them: bullets, arrows, squares and check marks (in
# Unicode or in the Symbol/Wingdings private-use range), dashes, and Word's second-level "o".
_BULLET = re.compile(
    r"^\s*(?:[•●▪◦‣∙·➢➤►▶■□✓✔→❖\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0\uf0d7]\s*"
    r"|[\-–*]\s+|o\s+(?=[A-ZÄÖÜ]))(?=\S)"
)


def list_marks_as_dashes(text: str) -> str:
    """Plain text with each line's list mark ("•", "▪", "–", "→" …) written as "- ", the
    mark the rest of the pipeline reads as a list item (a page saved as text keeps its
    bullets: "  • Antrag auf Schülerbeförderung")."""
    return "\n".join(_as_item(line) if _BULLET.match(line) else line for line in text.split("\n"))


def _as_item(line: str) -> str:
    """A list item as the pipeline writes it: "- " instead of the line's own list mark (a
    numbered item, which has none, keeps its number)."""
    return "- " + _BULLET.sub("", line)


# "1. Text", "2) Text", "a) Text": a numbered list item, if it follows a finished line.
_NUMBERED_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[a-z]\))\s+(?=[A-ZÄÖÜ„\"])")
_PAGE_NUMBER = re.compile(
    r"^(?:-\s*\d+\s*-|(?:seite|s\.)?\s*\d+(?:\s*(?:von|/|of)\s*\d+)?)$", re.IGNORECASE
)
_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\s+(\S.{1,100})$")
# A footnote reference glued to a word or to the punctuation after it: "Schulform.2"
_FOOTNOTE_MARK = re.compile(r"(?<=[a-zäöüß]{2})([.,;:)“]?)\d{1,2}(?=[\s.,;:]|$)")
_TOC_LINE = re.compile(r"(?:\.{3,}|…|\s\.\s\.)\s*\d+\s*$|\s\d{1,3}$")
_CONJUNCTIONS = {"und", "oder", "bzw.", "sowie", "bis", "als", "wie", "u.", "&"}
_LINE_END_HYPHEN = re.compile(r"[^\W\d_]-$")
_INLINE_HYPHEN = re.compile(r"([a-zäöüß])- (?!(?:und|oder|bzw|sowie|bis|als|wie)\b)([a-zäöüß])")
# A web or e-mail address: a hyphen in it is part of it, not a word break.
_ADDRESS = re.compile(r"www\.|://|@|\.(?:de|com|org|net|nrw|eu)/", re.IGNORECASE)
# A dash set close to the word before it connects it to the next ("Schule–Beruf", "2022–2024");
# a line break after it is no space.
_LINE_END_DASH = re.compile(r"[^\W_]–$")
_INLINE_DASH = re.compile(r"([^\W_])– (?=[^\W_])")
# "2 Datenbasis: …", or with the number glued to the text as some producers set it ("2Daten…").
_FOOTNOTE_START = re.compile(r"^\d{1,2}(?:\s+\S|[A-ZÄÖÜ][a-zäöüß])")
_GLUED_NUMBER = re.compile(r"^(\d{1,2})(?=[A-ZÄÖÜ][a-zäöüß])")
_LEADING_NUMBER = re.compile(r"^(\d{1,2})")
_SENTENCE_END = ".!?:;)\"“”'…"
_MAX_HEADING = 220
# A heading ending in one of these continues on the next line.
_LINKING_WORDS = {
    "der",
    "die",
    "das",
    "des",
    "dem",
    "den",
    "vom",
    "von",
    "zum",
    "zur",
    "im",
    "in",
    "am",
    "an",
    "auf",
    "für",
    "mit",
    "nach",
    "bei",
    "aus",
    "über",
    "unter",
    "und",
    "oder",
    "sowie",
    "bzw.",
    "gemäß",
    "zwischen",
    "ein",
    "eine",
    "einer",
    "eines",
    "einem",
}


# Document titles that name no document: a program's prefix, a file name, a placeholder.
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:Microsoft \w+ - |untitled|unbenannt|ohne titel|vorlage$|titel$|(?:dokument|document|"
    r"folie|slide|präsentation)\s*\d*$)|\.(?:docx?|odt|pdf|rtf|indd|pptx?|xlsx?)$",
    re.IGNORECASE,
)


def usable_title(title: str) -> str:
    """A title from a file's metadata, or "" when it is an office program's placeholder or
    the source file's name ("Microsoft Word - Konzept_final.docx", "Dokument1")."""
    title = " ".join(title.split())
    file_name = " " not in title and bool(re.search(r"[_\d]", title))  # "Konzept_NZ_2023"
    return "" if _PLACEHOLDER_TITLE.search(title) or file_name else title


def first_heading(text: str, top: bool = False) -> str:
    """The first heading of a page text ("# Titel" lines); with ``top`` the first of the
    highest level (a PDF's title page sets the title larger than a note above it)."""
    headings = [line for line in text.splitlines() if line.startswith("#")]
    if top and headings:
        level = min(len(h) - len(h.lstrip("#")) for h in headings)
        headings = [h for h in headings if len(h) - len(h.lstrip("#")) == level]
    return headings[0].lstrip("#").strip() if headings else ""


def normalize_chars(text: str) -> str:
    """NFC, ligatures expanded, soft hyphens and zero-width characters removed, spaces tidied."""
    text = unicodedata.normalize("NFC", text).translate(_CHAR_MAP)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_MULTISPACE.sub(" ", line).rstrip() for line in text.split("\n"))


def is_toc_entry(line: str) -> bool:
    """A table-of-contents line: text, a dot leader ("....", ". . .", "……"), a page number.

    A linear scan from the end: a regular expression for dot leaders backtracks
    quadratically on long lines of dots.
    """
    body = line.rstrip()
    stripped = body.rstrip("0123456789")
    if stripped == body or len(body) - len(stripped) > 4:
        return False
    leader = stripped.rstrip()
    dots = 0
    index = len(leader) - 1
    while index >= 0 and leader[index] in ". …":
        dots += leader[index] != " " and (2 if leader[index] == "…" else 1)
        index -= 1
    return dots >= 4


def clean_pdf_pages(pages: list[Page], marked: frozenset[int] = frozenset()) -> list[Page]:
    """The whole repair pipeline for the pages of one PDF.

    Footnotes at the bottom of a page are set aside first, so that a word hyphenated across
    the page break ("in-" ... "nerhalb") is joined across them, and they stay blocks of their
    own at the end of their page. On ``marked`` pages (page numbers) the headings were found
    by font already; a body line that starts with a number is not taken for one there.
    """
    lines = [normalize_chars(p.text).split("\n") for p in pages]
    lines = [[ln for ln in page if not is_toc_entry(ln)] for page in lines]
    split = []
    last = 0  # the highest footnote number so far
    for page_lines in remove_running_lines(lines):
        body, notes = split_footnotes(page_lines, last=last)
        last = max([last, *(_number(note[0]) for note in notes)])
        split.append((body, notes))
    bodies = join_page_hyphenation([body for body, _ in split])
    result = []
    for page, body, (_, notes) in zip(pages, bodies, split, strict=True):
        body = [strip_footnote_markers(ln) for ln in body]
        headed = mark_headings(dehyphenate(body), numbered=page.page_no not in marked)
        blocks = [_to_blocks(headed)]
        blocks += [" ".join(dehyphenate(note)) for note in notes]
        result.append(replace(page, text="\n\n".join(b for b in blocks if b)))
    return result


def split_footnotes(
    lines: list[str], zone: int = 8, last: int = 0
) -> tuple[list[str], list[list[str]]]:
    """(body lines, footnotes as line groups) of one page.

    A footnote starts with its number ("2 Datenbasis: ...") among the last lines of a page; a
    short numbered line without a final full stop is a section heading instead. Where the
    line before runs on mid-sentence ("... sobald mindestens" / "15 Anmeldungen vorliegen"),
    the number must be the next footnote's (``last`` + 1, or 1 where pages count anew).
    """
    content = [i for i, line in enumerate(lines) if line.strip()]
    start = None
    for position in reversed(range(max(0, len(content) - zone), len(content))):
        line = lines[content[position]].strip()
        if not _FOOTNOTE_START.match(line) or _is_heading(line):
            continue
        before = lines[content[position - 1]].strip() if position else ""
        if _runs_on(before) and _number(line) not in (last + 1, 1):
            continue
        start = content[position]
    if start is None:
        return lines, []
    notes: list[list[str]] = []
    for line in lines[start:]:
        if not line.strip():
            continue
        if _FOOTNOTE_START.match(line.strip()) or not notes:
            notes.append([_GLUED_NUMBER.sub(r"\1 ", line.strip())])
        else:
            notes[-1].append(line.strip())
    return lines[:start], notes


def _runs_on(line: str) -> bool:
    """A line whose sentence goes on in the next line (no final punctuation, no hyphen)."""
    return bool(line) and not _LINE_END_HYPHEN.search(line) and line[-1] not in _SENTENCE_END


def _number(line: str) -> int:
    match = _LEADING_NUMBER.match(line)
    return int(match.group(1)) if match else 0


def _is_heading(line: str) -> bool:
    match = _HEADING.match(line)
    if match is None:
        return False
    return _looks_like_heading(match.group(2)) and not _TOC_LINE.search(line)


def strip_footnote_markers(line: str) -> str:
    """Remove footnote numbers glued to a word ("Schulgesetz.3" -> "Schulgesetz.")."""
    return _FOOTNOTE_MARK.sub(r"\1", line)


def join_page_hyphenation(pages: list[list[str]]) -> list[list[str]]:
    """Move the rest of a word hyphenated across a page break back to the earlier page."""
    result = [list(p) for p in pages]
    for current, following in pairwise(result):
        last = next((i for i in range(len(current) - 1, -1, -1) if current[i].strip()), None)
        first = next((i for i, line in enumerate(following) if line.strip()), None)
        if last is None or first is None or not _LINE_END_HYPHEN.search(current[last]):
            continue
        head, _, rest = following[first].strip().partition(" ")
        if head[:1].islower() and head not in _CONJUNCTIONS:
            current[last] = current[last].rstrip()[:-1] + head
            following[first] = rest
    return result


def remove_running_lines(pages: list[list[str]], zone: int = 3) -> list[list[str]]:
    """Drop headers/footers that repeat on many pages, and bare page numbers.

    Lines in the top or bottom ``zone`` lines of a page count as running lines when they
    repeat verbatim on at least half of the pages, or repeat with only the page number
    changing ("Seite 3 von 12", "Seite 4 von 12": the number advances with the page).
    """
    threshold = max(3, (len(pages) + 1) // 2)
    verbatim: Counter[str] = Counter()
    numbered: dict[str, Counter[int]] = {}
    for index, page in enumerate(pages):
        for line in set(_zone_lines(page, zone)) - _placeholders(page):
            verbatim[_squash(line)] += 1
            for number in {int(n) for n in re.findall(r"\d+", line)}:
                numbered.setdefault(_mask(line), Counter())[number - index] += 1
    running = {line for line, n in verbatim.items() if n >= threshold}
    paged = {key for key, offsets in numbered.items() if max(offsets.values()) >= threshold}
    cleaned = []
    for page in pages:
        content = [i for i, line in enumerate(page) if line.strip()]
        edge = set(content[:zone] + content[-zone:])
        cleaned.append(
            [
                line
                for i, line in enumerate(page)
                if i not in edge
                or placeholder_index(line) is not None
                or not (
                    _squash(line) in running
                    or _mask(line) in paged
                    or _PAGE_NUMBER.match(line.strip())
                )
            ]
        )
    return cleaned


def _placeholders(page: list[str]) -> set[str]:
    return {line for line in page if placeholder_index(line) is not None}


def _zone_lines(page: list[str], zone: int) -> list[str]:
    content = [line for line in page if line.strip()]
    return content[:zone] + content[-zone:]


def _squash(line: str) -> str:
    return " ".join(line.split()).lower()


def _mask(line: str) -> str:
    return re.sub(r"\d+", "#", _squash(line))


def join_inline_hyphens(line: str) -> str:
    """Join words hyphenated inside a line ("Wochen- stunden"); "Schul- und Jugendamt" stays.
    A dash close to the word before it keeps joining it to the next ("Schule– Beruf"), and
    an address keeps its hyphen ("www.stadt- feldau.de")."""

    def join(match: re.Match[str]) -> str:
        address = _in_address(line[: match.start(1) + 1])
        return match.group(1) + ("-" if address else "") + match.group(2)

    return _INLINE_DASH.sub(r"\1–", _INLINE_HYPHEN.sub(join, line))


_join_inline = join_inline_hyphens


def dehyphenate(lines: list[str]) -> list[str]:
    """Join words split at line ends: "Sprach-" + "standsfeststellung" -> one word.

    A hyphen stays when the next line starts upper-case ("Kita-" + "Plätze" -> "Kita-Plätze")
    and when it is a truncation before a conjunction ("Schul- und Jugendamt"). A dash set
    close to the word before it joins the next line without a space ("Schule–" + "Beruf"),
    and so does a hyphen inside a web or e-mail address ("www.stadt-" + "feldau.de").
    """
    out: list[str] = []
    following = _following_lines(lines)
    pending: list[str] = []  # parts of a line being joined (a list: joining stays linear)
    tail = ""  # the last two characters of the pending line
    for index, raw in enumerate(lines):
        piece = raw.strip() if pending else raw
        pending.append(piece)
        tail = (tail + piece)[-2:]
        nxt = following[index]
        if _LINE_END_DASH.search(tail) and nxt[:1].isalnum():
            continue  # "Schule–" / "Beruf": the dash stays, the line break goes
        if _LINE_END_HYPHEN.search(tail) and nxt and nxt.split(None, 1)[0] not in _CONJUNCTIONS:
            if not (nxt[:1].isupper() or nxt[:1].isdigit() or _in_address(pending[-1])):
                pending[-1] = pending[-1].rstrip()[:-1]
                tail = tail[:-1]
            continue
        out.append(_join_inline("".join(pending)))
        pending, tail = [], ""
    if pending:
        out.append(_join_inline("".join(pending)))
    return out


def _in_address(line: str) -> bool:
    """Whether a line ends inside a web or e-mail address ("www.stadt-" / "feldau.de"): its
    hyphen is part of the address, not a word break."""
    words = line.split()
    return bool(words) and bool(_ADDRESS.search(words[-1]))


def _following_lines(lines: list[str]) -> list[str]:
    """For each line, the next non-empty line after it (stripped), in one backward pass."""
    result = [""] * len(lines)
    nxt = ""
    for index in range(len(lines) - 1, -1, -1):
        result[index] = nxt
        if lines[index].strip():
            nxt = lines[index].strip()
    return result


def mark_headings(lines: list[str], numbered: bool = True) -> list[str]:
    """Prefix numbered section headings ("2.1 Erstberatung") with Markdown ``#`` marks.

    A heading that wraps onto the next line ("3.1 Erstberatung (ersetzt Abschnitt 3.2 des
    Konzepts vom" + "1. März 2024)") is joined, so section labels are never cut.
    """
    out: list[str] = []
    index = 0
    while index < len(lines):
        stripped = lines[index].strip()
        index += 1
        if stripped.startswith("#"):
            heading = _numbered_level(stripped)
        elif numbered and _is_heading(stripped):
            heading = "#" * (stripped.split()[0].count(".") + 1) + " " + stripped
        else:
            out.append(lines[index - 1])
            continue
        parts = _continuation(heading, lines, index)
        index += len(parts)
        out.append(" ".join([heading, *parts]))
    return out


def _numbered_level(heading: str) -> str:
    """A heading marked by font size keeps its level from its number ("## 3.2 …")."""
    title = heading.lstrip("#").strip()
    if _is_heading(title):
        return "#" * (title.split()[0].count(".") + 1) + " " + title
    return heading


def _continuation(heading: str, lines: list[str], index: int) -> list[str]:
    """The lines that continue a visibly unfinished heading."""
    parts: list[str] = []
    joined = heading
    while index < len(lines) and heading_continues(joined):
        following = lines[index].strip()
        if not following or following.startswith("#") or _BULLET.match(following):
            break
        if len(joined) + len(following) > _MAX_HEADING:
            break
        parts.append(following)
        joined += " " + following
        index += 1
    return parts


def heading_continues(heading: str) -> bool:
    """Whether a heading line is visibly unfinished: open bracket, hyphen or a linking word."""
    text = heading.rstrip()
    if text.count("(") > text.count(")") or text.count("„") > text.count("“"):
        return True
    last = text.split()[-1].lower() if text.split() else ""
    return text.endswith(("-", "–", ",")) or last in _LINKING_WORDS


def _looks_like_heading(title: str) -> bool:
    words = title.split()
    return (
        title[:1].isupper()
        and len(words) <= 12
        and not title.rstrip().endswith((".", ",", ";", ":"))
        and not any(ch.isdigit() for ch in words[0])
    )


def _to_blocks(lines: list[str]) -> str:
    """Group lines into blocks: headings, list items and paragraphs, blank-line separated.

    Layout is lost in extraction, so a block ends where a line is clearly shorter than the
    page's full line width and ends a sentence (or is the last line of a list item).
    """
    kept = [ln.strip() for ln in lines if ln.strip()]
    full_width = _typical_width(kept)
    blocks: list[str] = []
    current: list[str] = []  # lines of the block being built (joined once: linear)
    previous = ""
    for line in kept:
        is_item = bool(_BULLET.match(line)) or _numbered_item(line, previous)
        standalone = line.startswith("#") or placeholder_index(line) is not None
        if current and (
            standalone
            or is_item
            or _block_ended(previous, current[0], full_width)
            or _last_item_ended(previous, current[0], blocks)
        ):
            blocks.append(" ".join(current))
            current = []
        previous = line
        if standalone:
            blocks.append(line)
            continue
        if is_item:
            line = _as_item(line)
        current.append(line)
    if current:
        blocks.append(" ".join(current))
    return "\n\n".join(blocks)


def _numbered_item(line: str, previous: str) -> bool:
    """A numbered list item ("1. Die Familie meldet …", "b) Das KI …") after a line that
    ends a sentence or item; "2. Klasse" or "1. Februar" continuing a sentence is none."""
    item = _NUMBERED_ITEM.match(line)
    if not item or counted_by_ordinal(line[item.end() :]):
        return False
    return (
        not previous
        or previous[-1] in ".:;!?"
        or previous.startswith("#")
        or bool(_BULLET.match(previous) or _NUMBERED_ITEM.match(previous))
    )


def _last_item_ended(previous: str, item: str, blocks: list[str]) -> bool:
    """In an enumeration whose items end in commas ("- Pass,", "- Zeugnisse,"), the item that
    ends in a full stop is the last one: the next line starts a paragraph, even where the
    item's line runs the full width of a narrow column."""
    return (
        item.startswith("- ")
        and previous.endswith(".")
        and bool(blocks)
        and blocks[-1].startswith("- ")
        and blocks[-1].endswith((",", ";"))
    )


def _typical_width(lines: list[str]) -> int:
    # Most body lines of justified text run the full width; the median of the longer lines
    # is robust against short headings and long small-print footnote lines.
    widths = sorted(len(line) for line in lines if len(line) >= 30)
    return widths[len(widths) // 2] if widths else 0


def _block_ended(previous: str, current: str, full_width: int) -> bool:
    short = len(previous) < 0.8 * full_width
    if current.startswith("- "):  # a list item's line ending in "und"/"oder"/"der" goes on
        return short and not ends_in_function_word(previous)
    return short and previous.endswith((".", ":", "!", "?", "“", '"'))
