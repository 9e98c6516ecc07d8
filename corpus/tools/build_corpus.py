#!/usr/bin/env python3
"""Build the fictional sample corpus of Konzeptlotse.

Renders every ``corpus/src/**/*.md`` whose front matter names a ``.pdf`` output into
``corpus/documents/<output>`` (fpdf2 + pyphen), copies the non-PDF sources (Markdown with
the front matter stripped; HTML and other files described by a ``<name>.meta.yaml``
next to them) and writes ``corpus/documents/manifest.yaml`` from all metadata.

The PDFs deliberately look like real municipal PDFs (cover, table of contents, running
header, "Seite X von Y" footer, justified and hyphenated body text, tables, footnotes at
the bottom of the page) so that the ingestion pipeline has to cope with realistic mess.

Usage::

    python corpus/tools/build_corpus.py           # (re)build corpus/documents
    python corpus/tools/build_corpus.py --check   # build into a temp dir, fail on differences

The output is byte-for-byte reproducible: the PDF creation date is the document's "Stand",
the PDF file id is derived from the content, and files are only rewritten when their
content changes (so file modification times stay stable for the index staleness check).

Source format: see corpus/README.md. Exit status 1 on malformed sources or (with
``--check``) on differences, 0 otherwise.

Note: the paragraph renderer uses two fpdf2 internals (``fpdf.line_break.MultiLineBreak``
and ``FPDF._render_styled_text_line``) to place footnotes on the page of their reference.
fpdf2 is pinned (2.8.9) in pyproject.toml; re-check this module when upgrading it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import itertools
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyphen
import yaml
from fpdf import FPDF, FontFace
from fpdf.enums import Align, CharVPos, TableBordersLayout, WrapMode, XPos, YPos
from fpdf.line_break import Fragment, MultiLineBreak, TextLine

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SRC_DIR = CORPUS / "src"
DOCS_DIR = CORPUS / "documents"
FONT_DIR = Path(__file__).resolve().parent / "fonts"
MANIFEST_NAME = "manifest.yaml"

FONT = "DejaVu"
REQUIRED_KEYS = ("output", "title", "issuer", "kommune", "doc_type", "stand")
OPTIONAL_KEYS = ("header", "supersedes", "source")
DOC_TYPES = ("Leitfaden", "Kommunales Konzept", "Fortschreibung", "Webseite", "Handreichung")
MANIFEST_KEYS = ("file", "title", "issuer", "kommune", "doc_type", "stand", "source", "supersedes")
DEFAULT_SOURCE = "Fiktives Beispieldokument, verfasst vom Konzeptlotse-Team"
FICTION_LINE = "Fiktives Beispieldokument – erstellt für das Projekt Konzeptlotse"
SOURCE_MARK_RE = re.compile(r"\(Quelle: (corpus/src/[^)]+)\)\s*$")
MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
CATEGORY_ORDER = {"leitfaden": 0, "kommunen": 1, "web": 2}

MANIFEST_HEADER = """\
# Konzeptlotse – Dokumentenverzeichnis (manifest.yaml)
#
# Für die mitgelieferten FIKTIVEN Beispieldokumente wird diese Datei von
# corpus/tools/build_corpus.py erzeugt (`make corpus`); deren Einträge bitte nicht von Hand
# ändern, sondern die Quelle unter corpus/src/ bearbeiten und neu bauen.
# Echte Dokumente trägt die Administration von Hand ein: Datei nach corpus/documents/
# legen, Eintrag unten anfügen (file relativ zu corpus/documents/), dann
# `konzeptlotse ingest` bzw. `make run`. Von Hand ergänzte Einträge bleiben beim
# Neubauen erhalten (sie stehen nach den erzeugten Einträgen; Kommentare gehen dabei verloren).
#
# Felder: file, title, issuer, kommune, doc_type (Leitfaden | Kommunales Konzept |
# Fortschreibung | Webseite | Handreichung), stand (JJJJ-MM-TT), source (Herkunft),
# supersedes (optional: file des Dokuments, das dieses ganz oder teilweise ersetzt).
"""

# ---------------------------------------------------------------------------------------
# Layout constants (mm / pt)
# ---------------------------------------------------------------------------------------
PAGE_MARGIN_L = 25.0
PAGE_MARGIN_R = 20.0
PAGE_MARGIN_T = 26.0
FOOTER_ZONE = 24.0  # bottom margin of the body text (footer lives below)
BODY_PT = 10.5
BODY_LH = 5.0
BULLET_GAP = 1.0
PARA_GAP = 2.6
TABLE_PT = 8.8
TABLE_LH = 4.1
FN_PT = 7.6
FN_LH = 3.4
FN_GAP = 0.6
FN_SEP = 4.0  # separator line + gap above the first footnote of a page
FN_NUM_W = 5.0
HEADING = {1: (15.0, 7.0, 9.0, 3.0), 2: (12.5, 6.0, 6.0, 2.2), 3: (11.0, 5.4, 4.5, 1.6)}
# level: (size pt, line height, space before, space after)
COLOR_HEAD = (0, 72, 122)
COLOR_GREY = (95, 95, 95)
COLOR_TEXT = (0, 0, 0)
TABLE_HEAD_FILL = (217, 229, 240)


class SourceError(Exception):
    """A malformed source file."""


# ---------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------
@dataclass
class Meta:
    output: str
    title: str
    issuer: str
    kommune: str
    doc_type: str
    stand: dt.date
    header: str | None
    supersedes: str | None
    source: str
    src_rel: str  # posix path relative to the repository root

    def manifest_entry(self) -> dict[str, str]:
        entry = {
            "file": self.output,
            "title": self.title,
            "issuer": self.issuer,
            "kommune": self.kommune,
            "doc_type": self.doc_type,
            "stand": self.stand.isoformat(),
            "source": f"{self.source} (Quelle: {self.src_rel})",
        }
        if self.supersedes:
            entry["supersedes"] = self.supersedes
        return entry

    @property
    def stand_text(self) -> str:
        return f"{MONTHS[self.stand.month - 1]} {self.stand.year}"


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def _fail(path: Path, line: int | None, msg: str) -> SourceError:
    where = _rel(path)
    if line is not None:
        where += f":{line}"
    return SourceError(f"{where}: {msg}")


def parse_meta(data: Any, path: Path, *, meta_file: bool = False) -> Meta:
    if not isinstance(data, dict):
        raise _fail(path, None, "front matter must be a YAML mapping")
    unknown = sorted(set(data) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    if unknown:
        raise _fail(path, None, f"unknown front matter keys: {', '.join(unknown)}")
    # kommune may be empty: a guide or a joint web page belongs to no single municipality.
    missing = [k for k in REQUIRED_KEYS if not data.get(k) and not (k == "kommune" and k in data)]
    if missing:
        raise _fail(path, None, f"missing front matter keys: {', '.join(missing)}")
    for k, v in data.items():
        if k != "stand" and v is not None and not isinstance(v, str):
            raise _fail(path, None, f"front matter key {k!r} must be a string")
    stand_raw = data["stand"]
    if isinstance(stand_raw, dt.datetime):
        stand_raw = stand_raw.date()
    if isinstance(stand_raw, dt.date):
        stand = stand_raw
    else:
        try:
            stand = dt.date.fromisoformat(str(stand_raw))
        except ValueError:
            msg = f"stand {stand_raw!r} is not an ISO date (JJJJ-MM-TT)"
            raise _fail(path, None, msg) from None
    if data["doc_type"] not in DOC_TYPES:
        raise _fail(path, None, f"doc_type {data['doc_type']!r} not one of {', '.join(DOC_TYPES)}")
    output = str(data["output"])
    if output.startswith("/") or ".." in Path(output).parts or "\\" in output:
        raise _fail(path, None, f"output {output!r} must be a relative posix path")
    if Path(output).name == MANIFEST_NAME:
        raise _fail(path, None, "output must not be the manifest")
    if output.endswith(".pdf") and not data.get("header"):
        raise _fail(path, None, "PDF outputs need a 'header' (running header text)")
    if meta_file and output.endswith(".pdf"):
        raise _fail(path, None, "a .meta.yaml file cannot describe a PDF output (copy only)")
    return Meta(
        output=output,
        title=" ".join(str(data["title"]).split()),
        issuer=" ".join(str(data["issuer"]).split()),
        kommune=str(data["kommune"] or "").strip(),
        doc_type=str(data["doc_type"]),
        stand=stand,
        header=data.get("header"),
        supersedes=data.get("supersedes") or None,
        source=" ".join(str(data.get("source") or DEFAULT_SOURCE).split()),
        src_rel=_rel(path),
    )


def split_front_matter(text: str, path: Path) -> tuple[Any, str, int] | None:
    """Return (front matter data, body, line number of the first body line) or None."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise _fail(path, 1, "front matter not closed by a '---' line")
    raw = text[4 : end + 1]
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise _fail(path, 1, f"front matter is not valid YAML: {exc}") from None
    body = text[end + 5 :]
    first_body_line = raw.count("\n") + 3
    return data, body, first_body_line


# ---------------------------------------------------------------------------------------
# Markdown subset -> blocks
# ---------------------------------------------------------------------------------------
# Inline tokens: ("text", str) | ("bold", str) | ("fn", label)
Inline = list[tuple[str, str]]


@dataclass
class Heading:
    level: int
    text: str
    line: int


@dataclass
class Paragraph:
    inlines: Inline
    line: int


@dataclass
class ListItem:
    marker: str  # "•" or "1."
    depth: int
    inlines: Inline
    line: int


@dataclass
class ListBlock:
    items: list[ListItem]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    aligns: list[str]
    line: int


@dataclass
class PageBreak:
    line: int


Block = Heading | Paragraph | ListBlock | Table | PageBreak


@dataclass
class Document:
    meta: Meta
    blocks: list[Block]
    footnotes: dict[str, str]  # label -> text
    fn_numbers: dict[str, int] = field(default_factory=dict)  # label -> number (ref order)


FN_DEF_RE = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
FN_REF_RE = re.compile(r"\[\^([^\]\s]+)\]")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
BULLET_RE = re.compile(r"^( *)[-*] +(.*)$")
NUMBERED_RE = re.compile(r"^( *)(\d{1,3}[.)]) +(.*)$")
TABLE_SEP_CELL_RE = re.compile(r"^:?-{3,}:?$")
PAGEBREAK_RE = re.compile(r"^<!--\s*pagebreak\s*-->$", re.IGNORECASE)
COMMENT_RE = re.compile(r"^<!--.*-->$")


def parse_inline(text: str, path: Path, line: int) -> Inline:
    """Split text into text / bold / footnote-reference tokens."""
    out: Inline = []
    parts = text.split("**")
    if len(parts) % 2 == 0:
        raise _fail(path, line, "unbalanced '**' (bold) marker")
    for i, part in enumerate(parts):
        kind = "bold" if i % 2 else "text"
        pos = 0
        for m in FN_REF_RE.finditer(part):
            if m.start() > pos:
                out.append((kind, part[pos : m.start()]))
            out.append(("fn", m.group(1)))
            pos = m.end()
        if pos < len(part):
            out.append((kind, part[pos:]))
    for kind, val in out:
        if kind != "fn" and "[^" in val:
            raise _fail(path, line, f"malformed footnote reference near {val[:40]!r}")
    return out


def split_table_row(row: str, path: Path, line: int) -> list[str]:
    row = row.strip()
    if not (row.startswith("|") and row.endswith("|")) or len(row) < 2:
        raise _fail(path, line, "table rows must start and end with '|'")
    cells = re.split(r"(?<!\\)\|", row[1:-1])
    return [c.strip().replace("\\|", "|") for c in cells]


def parse_body(body: str, path: Path, first_line: int) -> tuple[list[Block], dict[str, str]]:
    lines = body.split("\n")
    blocks: list[Block] = []
    footnotes: dict[str, str] = {}
    para: list[str] = []
    para_line = 0
    items: list[ListItem] = []
    i = 0

    def lineno(idx: int) -> int:
        return first_line + idx

    def flush_para() -> None:
        nonlocal para
        if para:
            text = " ".join(s.strip() for s in para)
            blocks.append(Paragraph(parse_inline(text, path, para_line), para_line))
            para = []

    def flush_list() -> None:
        nonlocal items
        if items:
            blocks.append(ListBlock(items))
            items = []

    while i < len(lines):
        raw = lines[i].rstrip()
        stripped = raw.strip()
        ln = lineno(i)
        if not stripped:
            flush_para()
            flush_list()
            i += 1
            continue
        m = FN_DEF_RE.match(stripped)
        if m and not raw.startswith(" "):
            flush_para()
            flush_list()
            label, text = m.group(1), m.group(2).strip()
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                text += " " + lines[i].strip()
                i += 1
            if label in footnotes:
                raise _fail(path, ln, f"footnote [^{label}] defined twice")
            if not text:
                raise _fail(path, ln, f"footnote [^{label}] has no text")
            footnotes[label] = text
            continue
        if PAGEBREAK_RE.match(stripped):
            flush_para()
            flush_list()
            blocks.append(PageBreak(ln))
            i += 1
            continue
        if COMMENT_RE.match(stripped):
            i += 1
            continue
        if stripped.startswith("<!--"):
            raise _fail(path, ln, "HTML comments must be on a single line")
        m = HEADING_RE.match(stripped)
        if m and not raw.startswith(" "):
            flush_para()
            flush_list()
            level = len(m.group(1))
            if level > 3:
                raise _fail(path, ln, "only heading levels 1-3 (#, ##, ###) are supported")
            text = m.group(2)
            if "[^" in text or "**" in text:
                raise _fail(path, ln, "headings must not contain footnotes or bold markers")
            blocks.append(Heading(level, text, ln))
            i += 1
            continue
        if stripped.startswith("|"):
            flush_para()
            flush_list()
            rows: list[tuple[int, str]] = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append((lineno(i), lines[i]))
                i += 1
            if len(rows) < 3:
                raise _fail(path, ln, "a table needs a header row, a separator row and data rows")
            header = split_table_row(rows[0][1], path, rows[0][0])
            sep = split_table_row(rows[1][1], path, rows[1][0])
            if not all(TABLE_SEP_CELL_RE.match(c) for c in sep):
                raise _fail(path, rows[1][0], "second table row must be a |---|---| separator")
            if len(sep) != len(header):
                raise _fail(path, rows[1][0], "separator row has a different number of cells")
            aligns = [
                "C" if c.startswith(":") and c.endswith(":") else "R" if c.endswith(":") else "L"
                for c in sep
            ]
            body_rows = []
            for rl, r in rows[2:]:
                cells = split_table_row(r, path, rl)
                if len(cells) != len(header):
                    raise _fail(
                        path, rl, f"table row has {len(cells)} cells, header has {len(header)}"
                    )
                if all(TABLE_SEP_CELL_RE.match(c) for c in cells):
                    raise _fail(path, rl, "unexpected separator row inside table")
                for c in cells:
                    if c.count("**") % 2:
                        raise _fail(path, rl, "unbalanced '**' in table cell")
                body_rows.append(cells)
            blocks.append(Table(header, body_rows, aligns, ln))
            continue
        mb = BULLET_RE.match(raw)
        mn = NUMBERED_RE.match(raw)
        if mb or mn:
            flush_para()
            if mb:
                indent, marker, text = len(mb.group(1)), "•", mb.group(2)
            else:
                assert mn is not None
                indent, marker, text = len(mn.group(1)), mn.group(2), mn.group(3)
            depth = min(indent // 2, 2)
            i += 1
            # continuation lines: indented, not a new item
            while i < len(lines):
                nxt = lines[i]
                if (
                    nxt.strip()
                    and nxt.startswith("  ")
                    and not BULLET_RE.match(nxt)
                    and not NUMBERED_RE.match(nxt)
                ):
                    text += " " + nxt.strip()
                    i += 1
                else:
                    break
            items.append(ListItem(marker, depth, parse_inline(text.strip(), path, ln), ln))
            continue
        if items:
            flush_list()
        if not para:
            para_line = ln
        para.append(stripped)
        i += 1
    flush_para()
    flush_list()
    return blocks, footnotes


def _table_cell_fn_labels(cell: str) -> list[str]:
    return FN_REF_RE.findall(cell)


def number_footnotes(doc: Document, path: Path) -> None:
    """Number footnotes by first reference; unknown or unused footnotes are errors."""
    order: list[str] = []

    def see(label: str, line: int) -> None:
        if label not in doc.footnotes:
            raise _fail(path, line, f"footnote reference [^{label}] has no definition")
        if label not in order:
            order.append(label)

    for b in doc.blocks:
        if isinstance(b, Paragraph):
            for kind, val in b.inlines:
                if kind == "fn":
                    see(val, b.line)
        elif isinstance(b, ListBlock):
            for it in b.items:
                for kind, val in it.inlines:
                    if kind == "fn":
                        see(val, it.line)
        elif isinstance(b, Table):
            for cell in [*b.header, *[c for r in b.rows for c in r]]:
                for label in _table_cell_fn_labels(cell):
                    see(label, b.line)
    unused = [label for label in doc.footnotes if label not in order]
    if unused:
        raise _fail(path, None, f"footnotes defined but never referenced: {', '.join(unused)}")
    doc.fn_numbers = {label: n for n, label in enumerate(order, start=1)}


def load_markdown_source(path: Path) -> tuple[Meta, str, int] | None:
    text = path.read_text(encoding="utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    fm = split_front_matter(text, path)
    if fm is None:
        return None
    data, body, first_line = fm
    return parse_meta(data, path), body, first_line


# ---------------------------------------------------------------------------------------
# Hyphenation
# ---------------------------------------------------------------------------------------
_HYPHENATOR = pyphen.Pyphen(lang="de_DE", left=2, right=3)
SHY = "\u00ad"
_WORD_RE = re.compile(r"[A-Za-zÄÖÜäöüß]{6,}")
_VOWELS = set("aeiouyäöüAEIOUYÄÖÜ")
# consonant clusters a German syllable may start with (besides single consonants)
_ONSETS = {
    "bl", "br", "ch", "chr", "dr", "fl", "fr", "gl", "gn", "gr", "kl", "kn", "kr", "pf",
    "pfl", "pfr", "ph", "pl", "pr", "ps", "sch", "schl", "schm", "schn", "schr", "schw",
    "sk", "sl", "sm", "sn", "sp", "spl", "spr", "st", "str", "th", "tr", "wr", "zw",
}  # fmt: skip
# pyphen's de_DE patterns get these wrong in a visible way
_HYPHEN_EXCEPTIONS = {
    "beispielindikatoren": "Bei-spiel-in-di-ka-to-ren",
    "verstetigung": "Ver-ste-ti-gung",
    "einzelintegration": "Ein-zel-in-te-gra-tion",
    "zweitspracherwerb": "Zweit-sprach-er-werb",
    "schriftspracherwerb": "Schrift-sprach-er-werb",
}


def _onset_ok(seg: str) -> bool:
    i = 0
    while i < len(seg) and seg[i] not in _VOWELS:
        i += 1
    cluster = seg[:i].lower()
    return len(cluster) <= 1 or cluster in _ONSETS


def _hyphenate_word(word: str) -> str:
    if word.isupper():  # acronyms
        return word
    for stem, pattern in _HYPHEN_EXCEPTIONS.items():
        if word.lower().startswith(stem):
            head = pattern.replace("-", "")
            rest = word[len(head) :]
            return word[0] + pattern[1:].replace("-", SHY) + rest
    positions = _HYPHENATOR.positions(word)
    if not positions:
        return word
    segs: list[str] = []
    prev = 0
    for p in [*positions, len(word)]:
        segs.append(word[prev:p])
        prev = p

    # pyphen's German patterns produce one-letter or vowel-less syllables ("Über-g-ang",
    # "Zusamme-n-a-r-beit", "Rü-ck-lauf"): drop every break next to one.
    def weak(seg: str) -> bool:
        return len(seg) == 1 or not (set(seg) & _VOWELS)

    merged: list[str] = [segs[0]]
    for prev_seg, seg in itertools.pairwise(segs):
        if weak(seg) or weak(prev_seg):
            merged[-1] += seg
        else:
            merged.append(seg)
    # ... and syllables starting with an impossible cluster ("Be-da-rfs").
    out: list[str] = [merged[0]]
    for seg in merged[1:]:
        if _onset_ok(seg):
            out.append(seg)
        else:
            out[-1] += seg
    return SHY.join(out)


def hyphenate(text: str) -> str:
    """Insert soft hyphens at German hyphenation points (fpdf2 breaks lines there)."""
    return _WORD_RE.sub(lambda m: _hyphenate_word(m.group(0)), text)


# ---------------------------------------------------------------------------------------
# PDF rendering
# ---------------------------------------------------------------------------------------
@dataclass
class TocEntry:
    level: int
    text: str
    page: int


class CorpusPDF(FPDF):
    """An fpdf2 document with municipal-report styling and page-bottom footnotes."""

    def __init__(self, doc: Document, total_pages: int, toc_pages: list[int]):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.doc = doc
        self.meta = doc.meta
        self.total_pages = total_pages
        self.known_toc_pages = toc_pages
        self.toc: list[TocEntry] = []
        self.fn_page: list[int] = []  # footnote numbers to print at the bottom of this page
        self.fn_reserved = 0.0
        self.fn_done: set[int] = set()
        self.fn_text = {doc.fn_numbers[k]: v for k, v in doc.footnotes.items()}
        self.fn_height_cache: dict[int, float] = {}
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(PAGE_MARGIN_L, PAGE_MARGIN_T, PAGE_MARGIN_R)
        self.set_auto_page_break(True, FOOTER_ZONE)
        self.c_margin = 0
        stand = dt.datetime.combine(self.meta.stand, dt.time(9, 0), tzinfo=dt.UTC)
        self.set_creation_date(stand)
        self.set_title(self.meta.title)
        self.set_author(self.meta.issuer)
        m = self.meta
        subject = (m.doc_type, m.kommune, f"Stand: {m.stand_text}")
        self.set_subject(" – ".join(p for p in subject if p))
        self.set_keywords(f"{FICTION_LINE}; Konzeptlotse Beispielkorpus")
        self.set_creator("Konzeptlotse corpus/tools/build_corpus.py")
        self.set_lang("de-DE")
        self.set_display_mode("fullpage", "continuous")
        self.set_font(FONT, "", BODY_PT)

    # -- page furniture --------------------------------------------------------------
    def header(self) -> None:
        if self.page_no() == 1:
            return
        with self.local_context():
            self.set_font(FONT, "", 8)
            self.set_text_color(*COLOR_GREY)
            self.set_xy(PAGE_MARGIN_L, 11)
            self.cell(self.epw, 4, self.meta.header or "", align="L")
            self.set_draw_color(*COLOR_HEAD)
            self.set_line_width(0.3)
            self.line(PAGE_MARGIN_L, 16.5, self.w - PAGE_MARGIN_R, 16.5)
        self.set_xy(PAGE_MARGIN_L, PAGE_MARGIN_T)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self._print_page_footnotes()
        with self.local_context():
            y = self.h - 15
            self.set_draw_color(*COLOR_HEAD)
            self.set_line_width(0.3)
            self.line(PAGE_MARGIN_L, y, self.w - PAGE_MARGIN_R, y)
            self.set_font(FONT, "", 8)
            self.set_text_color(*COLOR_GREY)
            self.set_xy(PAGE_MARGIN_L, y + 1.8)
            self.cell(self.epw / 2, 4, f"Stand: {self.meta.stand_text}", align="L")
            self.set_xy(PAGE_MARGIN_L + self.epw / 2, y + 1.8)
            self.cell(self.epw / 2, 4, f"Seite {self.page_no()} von {self.total_pages}", align="R")

    def _dry_lines(self, w: float, h: float, text: str) -> list[str]:
        lines = self.multi_cell(w, h, text, align="L", dry_run=True, output="LINES")
        assert isinstance(lines, list)
        return [str(line) for line in lines]

    # -- footnotes ---------------------------------------------------------------------
    def _fn_height(self, num: int) -> float:
        if num not in self.fn_height_cache:
            with self.local_context():
                self.set_font(FONT, "", FN_PT)
                h = self.multi_cell(
                    self.epw - FN_NUM_W,
                    FN_LH,
                    hyphenate(_md_escape(self.fn_text[num])),
                    align="L",
                    markdown=True,
                    dry_run=True,
                    output="HEIGHT",
                )
            assert isinstance(h, float | int)
            self.fn_height_cache[num] = float(h) + FN_GAP
        return self.fn_height_cache[num]

    def _fn_extra(self, nums: Iterable[int]) -> float:
        new = [n for n in nums if n not in self.fn_done]
        if not new:
            return 0.0
        extra = sum(self._fn_height(n) for n in new)
        if not self.fn_page:
            extra += FN_SEP
        return extra

    def _reserve_footnotes(self, nums: Iterable[int]) -> None:
        for n in nums:
            if n in self.fn_done:
                continue
            self.fn_reserved += self._fn_height(n) + (0.0 if self.fn_page else FN_SEP)
            self.fn_page.append(n)
            self.fn_done.add(n)
        self.set_auto_page_break(True, FOOTER_ZONE + self.fn_reserved)

    def _print_page_footnotes(self) -> None:
        if self.fn_page:
            with self.local_context():
                y = self.h - FOOTER_ZONE - self.fn_reserved + 1.5
                self.set_draw_color(*COLOR_TEXT)
                self.set_line_width(0.2)
                self.line(PAGE_MARGIN_L, y, PAGE_MARGIN_L + 45, y)
                y += FN_SEP - 1.5
                self.set_font(FONT, "", FN_PT)
                self.set_text_color(*COLOR_TEXT)
                for n in self.fn_page:
                    self.set_xy(PAGE_MARGIN_L, y)
                    self.cell(FN_NUM_W, FN_LH, str(n), align="L")
                    self.set_xy(PAGE_MARGIN_L + FN_NUM_W, y)
                    self.multi_cell(
                        self.epw - FN_NUM_W,
                        FN_LH,
                        hyphenate(_md_escape(self.fn_text[n])),
                        align="L",
                        markdown=True,
                    )
                    y += self._fn_height(n)
        self.fn_page = []
        self.fn_reserved = 0.0
        self.set_auto_page_break(True, FOOTER_ZONE)

    # -- text blocks -------------------------------------------------------------------
    def _fragments(self, inlines: Inline, size: float, base_style: str = "") -> list[Fragment]:
        frags: list[Fragment] = []
        for kind, val in inlines:
            if kind == "fn":
                self.set_font(FONT, base_style, size)
                self.char_vpos = CharVPos.SUP
                text = str(self.doc.fn_numbers[val])
            else:
                self.set_font(FONT, "B" if kind == "bold" else base_style, size)
                self.char_vpos = CharVPos.LINE
                text = hyphenate(val)
            frags.extend(self._preload_font_styles(text, markdown=False))
        self.char_vpos = CharVPos.LINE
        self.set_font(FONT, base_style, size)
        return frags

    @staticmethod
    def _line_footnotes(line: TextLine) -> list[int]:
        nums: list[int] = []
        for frag in line.fragments:
            if frag.char_vpos == CharVPos.SUP:
                digits = "".join(frag.characters).strip()
                if digits.isdigit():
                    nums.append(int(digits))
        return nums

    def render_text(
        self,
        inlines: Inline,
        x: float,
        width: float,
        *,
        size: float = BODY_PT,
        line_h: float = BODY_LH,
        align: Align = Align.J,
        prefix: Callable[[], None] | None = None,
    ) -> None:
        """Render a paragraph line by line so that footnotes land on the right page."""
        frags = self._fragments(inlines, size)
        breaker = MultiLineBreak(
            frags, width, (0.0, 0.0), align=align, print_sh=False, wrapmode=WrapMode.WORD
        )
        lines: list[TextLine] = []
        while (tl := breaker.get_line()) is not None:
            lines.append(tl)
        n = len(lines)
        for idx, tl in enumerate(lines):
            nums = self._line_footnotes(tl)
            # no orphan (first line alone at a page end), no widow (last line alone on top)
            keep = 2 if (idx == 0 and n >= 2) or (idx == n - 2 and n >= 3) else 1
            if self.y + keep * line_h > self.page_break_trigger - self._fn_extra(nums):
                self.add_page()
            self._reserve_footnotes(nums)
            if idx == 0 and prefix is not None:
                prefix()
            self.x = x
            self._render_styled_text_line(
                tl,
                h=line_h,
                new_x=XPos.LEFT,
                new_y=YPos.NEXT,
                prevent_font_change=True,
            )
        self.set_font(FONT, "", BODY_PT)

    def space(self, h: float) -> None:
        """Vertical space that is swallowed at the top of a page."""
        if self.y > PAGE_MARGIN_T + 0.1:
            self.y = min(self.y + h, self.page_break_trigger)

    def heading(self, block: Heading, record: bool = True) -> None:
        size, lh, before, after = HEADING[block.level]
        self.set_font(FONT, "B", size)
        n_lines = len(self._dry_lines(self.epw, lh, block.text))
        needed = before + n_lines * lh + after + 3 * BODY_LH  # keep with the next lines
        if self.y + needed > self.page_break_trigger:
            self.add_page()
        self.space(before)
        if record:
            self.toc.append(TocEntry(block.level, block.text, self.page_no()))
            self.start_section(block.text, level=block.level - 1)
        with self.local_context():
            self.set_text_color(*COLOR_HEAD)
            self.set_x(PAGE_MARGIN_L)
            self.multi_cell(self.epw, lh, block.text, align="L", new_x=XPos.LMARGIN)
        self.y += after
        self.set_font(FONT, "", BODY_PT)

    def paragraph(self, block: Paragraph) -> None:
        self.render_text(block.inlines, PAGE_MARGIN_L, self.epw)
        self.space(PARA_GAP)

    def list_block(self, block: ListBlock) -> None:
        numbered_w = 7.0
        for item in block.items:
            indent = item.depth * 6.0
            marker_w = numbered_w if item.marker != "•" else 5.5
            x_marker = PAGE_MARGIN_L + indent + (1.2 if item.marker == "•" else 0.0)
            x_text = PAGE_MARGIN_L + indent + marker_w

            def draw_marker(marker: str = item.marker, xm: float = x_marker) -> None:
                with self.local_context():
                    self.set_font(FONT, "", BODY_PT)
                    self.set_xy(xm, self.y)
                    self.cell(6, BODY_LH, marker, align="L")

            self.render_text(item.inlines, x_text, self.epw - indent - marker_w, prefix=draw_marker)
            self.y += BULLET_GAP
        self.space(PARA_GAP - BULLET_GAP)

    def table_block(self, block: Table) -> None:
        cells = [*block.header, *(c for r in block.rows for c in r)]
        labels = [lab for c in cells for lab in FN_REF_RE.findall(c)]
        nums = [self.doc.fn_numbers[lab] for lab in labels]

        def cell_text(c: str) -> str:
            c = FN_REF_RE.sub(lambda m: _superscript(self.doc.fn_numbers[m.group(1)]), c)
            return hyphenate(_md_escape(c))

        widths = self._column_widths(block)
        self.set_font(FONT, "", TABLE_PT)
        # keep at least the header and two rows together with what precedes
        if self.y + 4 * TABLE_LH + 8 > self.page_break_trigger - self._fn_extra(nums):
            self.add_page()
        self._reserve_footnotes(nums)
        self.space(1.0)
        self.set_draw_color(70, 70, 70)
        self.set_line_width(0.2)
        with self.table(
            width=self.epw,
            col_widths=widths,
            text_align=tuple(block.aligns),
            line_height=TABLE_LH,
            padding=(1.2, 1.5, 1.2, 1.5),
            headings_style=FontFace(emphasis="BOLD", fill_color=TABLE_HEAD_FILL),
            borders_layout=TableBordersLayout.ALL,
            markdown=True,
            first_row_as_headings=True,
            repeat_headings=1,
        ) as table:
            row = table.row()
            for c in block.header:
                row.cell(cell_text(c.replace("**", "")))
            for r in block.rows:
                row = table.row()
                for c in r:
                    row.cell(cell_text(c))
        self.set_font(FONT, "", BODY_PT)
        self.y += 1.0
        self.space(PARA_GAP + 1.0)

    def _column_widths(self, block: Table) -> list[float]:
        """Automatic table layout (like HTML): every column gets at least its widest
        unbreakable piece, the rest is shared in proportion to the unwrapped widths."""
        pad = 3.0 + 0.5
        cols = len(block.header)
        min_w = [0.0] * cols  # widest syllable (words may be hyphenated)
        word_w = [0.0] * cols  # widest whole word
        nat_w = [0.0] * cols
        for r_idx, row in enumerate([block.header, *block.rows]):
            self.set_font(FONT, "B" if r_idx == 0 else "", TABLE_PT)
            for c, raw in enumerate(row):
                bold_cell = raw.startswith("**") and raw.endswith("**")
                if bold_cell:
                    self.set_font(FONT, "B", TABLE_PT)
                text = FN_REF_RE.sub("¹", raw.replace("**", ""))
                nat_w[c] = max(nat_w[c], self.get_string_width(text) + pad)
                for word in text.split():
                    word_w[c] = max(word_w[c], self.get_string_width(word) + pad)
                    pieces = hyphenate(word).split(SHY)
                    widest = max(
                        self.get_string_width(p + ("-" if i < len(pieces) - 1 else ""))
                        for i, p in enumerate(pieces)
                    )
                    min_w[c] = max(min_w[c], widest + pad)
                if bold_cell:
                    self.set_font(FONT, "B" if r_idx == 0 else "", TABLE_PT)
        total = self.epw
        min_w = [max(w, 8.0) for w in min_w]
        if sum(max(w, m) for w, m in zip(word_w, min_w, strict=True)) <= total:
            min_w = [max(w, m) for w, m in zip(word_w, min_w, strict=True)]
        nat_w = [max(n, m) for n, m in zip(nat_w, min_w, strict=True)]
        if sum(nat_w) <= total:
            return [n * total / sum(nat_w) for n in nat_w]
        if sum(min_w) >= total:
            return [m * total / sum(min_w) for m in min_w]
        spare = total - sum(min_w)
        extra = [n - m for n, m in zip(nat_w, min_w, strict=True)]
        return [m + spare * e / sum(extra) for m, e in zip(min_w, extra, strict=True)]

    # -- whole document ------------------------------------------------------------------
    def cover(self) -> None:
        self.add_page()
        m = self.meta
        self.set_fill_color(*COLOR_HEAD)
        self.rect(0, 0, self.w, 12, style="F")
        self.set_fill_color(255, 255, 255)
        self.set_text_color(*COLOR_HEAD)
        self.set_font(FONT, "B", 11)
        self.set_xy(PAGE_MARGIN_L, 30)
        self.multi_cell(self.epw, 5.5, m.issuer, align="L", new_x=XPos.LMARGIN)
        self.set_draw_color(*COLOR_HEAD)
        self.set_line_width(0.6)
        self.line(PAGE_MARGIN_L, 80, PAGE_MARGIN_L + 40, 80)
        self.set_xy(PAGE_MARGIN_L, 86)
        self.set_font(FONT, "B", 22)
        self.multi_cell(self.epw, 10, m.title, align="L", new_x=XPos.LMARGIN)
        self.ln(4)
        self.set_text_color(*COLOR_TEXT)
        self.set_font(FONT, "", 13)
        self.multi_cell(self.epw, 6.5, m.doc_type, align="L", new_x=XPos.LMARGIN)
        self.ln(2)
        self.multi_cell(self.epw, 6.5, f"Stand: {m.stand_text}", align="L", new_x=XPos.LMARGIN)
        self.set_xy(PAGE_MARGIN_L, self.h - 45)
        self.set_font(FONT, "", 9)
        self.set_text_color(*COLOR_GREY)
        self.multi_cell(self.epw, 4.5, FICTION_LINE, align="L", new_x=XPos.LMARGIN)
        self.multi_cell(
            self.epw,
            4.5,
            "Alle Kommunen, Gremien, Personen, Angebote und Zahlen in diesem Dokument sind "
            "erfunden. Ähnlichkeiten mit realen Kommunen sind nicht beabsichtigt.",
            align="L",
            new_x=XPos.LMARGIN,
        )
        self.set_text_color(*COLOR_TEXT)

    def toc_pages(self, entries: list[Heading]) -> None:
        self.add_page()
        self.set_font(FONT, "B", HEADING[1][0])
        with self.local_context():
            self.set_text_color(*COLOR_HEAD)
            self.multi_cell(self.epw, HEADING[1][1], "Inhaltsverzeichnis", align="L",
                            new_x=XPos.LMARGIN)  # fmt: skip
        self.y += 4
        for i, h in enumerate(entries):
            page = self.known_toc_pages[i] if i < len(self.known_toc_pages) else 0
            indent = (h.level - 1) * 7.0
            style = "B" if h.level == 1 else ""
            size = 10.0 if h.level == 1 else 9.2
            lh = 5.2 if h.level == 1 else 4.5
            if h.level == 1 and i:
                self.y += 1.2
            self.set_font(FONT, style, size)
            num_w = 10.0
            text_w = self.epw - indent - num_w - 2
            lines = self._dry_lines(text_w, lh, h.text)
            if self.y + lh * len(lines) > self.page_break_trigger:
                self.add_page()
            for j, line_text in enumerate(lines):
                self.set_x(PAGE_MARGIN_L + indent)
                if j < len(lines) - 1:
                    self.cell(text_w, lh, line_text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                    continue
                dots_w = self.epw - indent - num_w - self.get_string_width(line_text) - 2
                dot_w = self.get_string_width(" .")
                leader = " ." * max(0, int(dots_w / dot_w) - 1)
                self.cell(self.epw - indent - num_w, lh, line_text + leader, align="L")
                self.cell(num_w, lh, str(page), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def body(self) -> None:
        self.add_page()
        first = True
        for b in self.doc.blocks:
            if isinstance(b, PageBreak):
                if not first and self.y > PAGE_MARGIN_T + 0.1:
                    self.add_page()
                continue
            first = False
            if isinstance(b, Heading):
                self.heading(b)
            elif isinstance(b, Paragraph):
                self.paragraph(b)
            elif isinstance(b, ListBlock):
                self.list_block(b)
            elif isinstance(b, Table):
                self.table_block(b)


def _md_escape(text: str) -> str:
    """Escape fpdf2 markdown markers other than ** (bold)."""
    text = text.replace("\\", "\\\\")
    for marker in ("__", "~~", "--"):
        text = text.replace(marker, "\\" + marker)
    return text


_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript(n: int) -> str:
    return str(n).translate(_SUP)


def render_pdf(doc: Document) -> tuple[bytes, int]:
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    total, toc_pages = 0, [0] * len(headings)
    for _ in range(4):  # the layout does not depend on the numbers; converges in 2 passes
        pdf = CorpusPDF(doc, total, toc_pages)
        pdf.cover()
        pdf.toc_pages(headings)
        pdf.body()
        pdf.set_font(FONT, "", BODY_PT)
        data = bytes(pdf.output())
        new_pages = [e.page for e in pdf.toc]
        if pdf.pages_count == total and new_pages == toc_pages:
            return data, total
        total, toc_pages = pdf.pages_count, new_pages
    raise RuntimeError(f"{doc.meta.src_rel}: page layout did not converge")


# ---------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------
@dataclass
class Output:
    meta: Meta
    data: bytes
    pages: int | None = None


def collect_outputs() -> tuple[list[Output], list[str]]:
    outputs: list[Output] = []
    skipped: list[str] = []
    md_files = sorted(SRC_DIR.rglob("*.md"))
    errors: list[str] = []
    for path in md_files:
        try:
            loaded = load_markdown_source(path)
            if loaded is None:
                skipped.append(path.relative_to(ROOT).as_posix())
                continue
            meta, body, first_line = loaded
            if meta.output.endswith(".pdf"):
                blocks, footnotes = parse_body(body, path, first_line)
                doc = Document(meta, blocks, footnotes)
                number_footnotes(doc, path)
                if not any(isinstance(b, Heading) for b in blocks):
                    raise _fail(path, None, "a PDF source needs at least one heading")
                data, pages = render_pdf(doc)
                outputs.append(Output(meta, data, pages))
            elif meta.output.endswith(".md"):
                outputs.append(Output(meta, body.lstrip("\n").encode("utf-8")))
            else:
                raise _fail(path, None, "Markdown sources render to .pdf or copy to .md only")
        except SourceError as exc:
            errors.append(str(exc))
    for meta_path in sorted(SRC_DIR.rglob("*.meta.yaml")):
        try:
            stem = meta_path.name[: -len(".meta.yaml")]
            siblings = [
                p
                for p in meta_path.parent.iterdir()
                if p.is_file() and p.name.startswith(stem + ".") and p != meta_path
                and not p.name.endswith(".meta.yaml")
            ]  # fmt: skip
            if len(siblings) != 1:
                raise _fail(meta_path, None, f"expected exactly one file named {stem}.<ext>")
            try:
                data = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                raise _fail(meta_path, None, f"not valid YAML: {exc}") from None
            meta = parse_meta(data, meta_path, meta_file=True)
            meta.src_rel = siblings[0].relative_to(ROOT).as_posix()
            outputs.append(Output(meta, siblings[0].read_bytes()))
        except SourceError as exc:
            errors.append(str(exc))
    seen: dict[str, str] = {}
    for o in outputs:
        if o.meta.output in seen:
            errors.append(
                f"{o.meta.src_rel}: output {o.meta.output} also produced by {seen[o.meta.output]}"
            )
        seen[o.meta.output] = o.meta.src_rel
    if errors:
        raise SourceError("\n".join(errors))
    outputs.sort(key=lambda o: (CATEGORY_ORDER.get(o.meta.output.split("/")[0], 9), o.meta.output))
    return outputs, skipped


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return json.dumps(value.isoformat())
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, default=str)  # lists / mappings: flow style


def dump_manifest(entries: list[dict[str, Any]]) -> str:
    out = [MANIFEST_HEADER, "version: 1", "documents:"]
    for e in entries:
        keys = [k for k in MANIFEST_KEYS if k in e] + [k for k in e if k not in MANIFEST_KEYS]
        for n, k in enumerate(keys):
            out.append(f"{'  - ' if n == 0 else '    '}{k}: {_yaml_scalar(e[k])}")
    return "\n".join(out) + "\n"


def _normalized(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _normalized(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalized(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def manifests_equal(a: str, b: str) -> bool:
    """Same manifest content, ignoring comments, quoting and formatting."""
    try:
        return bool(_normalized(yaml.safe_load(a)) == _normalized(yaml.safe_load(b)))
    except yaml.YAMLError:
        return False


def merge_manifest(
    generated: list[dict[str, Any]], existing_path: Path, src_exists: Callable[[str], bool]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Generated entries first, then hand-added entries from the existing manifest.

    Entries that were generated earlier (their source carries "(Quelle: corpus/src/...)")
    but whose source no longer exists are dropped; their files are returned as stale.
    """
    existing: list[dict[str, Any]] = []
    if existing_path.exists():
        loaded = yaml.safe_load(existing_path.read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict) or not isinstance(loaded.get("documents", []), list):
            raise SourceError(f"{existing_path}: expected 'documents:' list")
        existing = [e for e in loaded.get("documents") or [] if isinstance(e, dict)]
    gen_files = {e["file"] for e in generated}
    kept: list[dict[str, Any]] = []
    stale: list[str] = []
    for e in existing:
        f = str(e.get("file", ""))
        if f in gen_files:
            continue
        m = SOURCE_MARK_RE.search(str(e.get("source", "")))
        if m and not src_exists(m.group(1)):
            stale.append(f)
            continue
        kept.append(e)
    return [*generated, *kept], stale


def build(out_dir: Path, existing_manifest: Path) -> tuple[list[Output], list[str], list[str]]:
    """Write all outputs into out_dir; return (outputs, skipped sources, stale files)."""
    outputs, skipped = collect_outputs()
    known = {o.meta.output for o in outputs}
    entries, stale = merge_manifest(
        [o.meta.manifest_entry() for o in outputs],
        existing_manifest,
        lambda rel: (ROOT / rel).exists(),
    )
    known |= {str(e.get("file")) for e in entries}
    errors = [
        f"{o.meta.src_rel}: supersedes {o.meta.supersedes!r} is not a known document"
        for o in outputs
        if o.meta.supersedes and o.meta.supersedes not in known
    ]
    if errors:
        raise SourceError("\n".join(errors))
    for o in outputs:
        target = out_dir / o.meta.output
        target.parent.mkdir(parents=True, exist_ok=True)
        if not (target.exists() and target.read_bytes() == o.data):
            target.write_bytes(o.data)
    manifest = dump_manifest(entries)
    mpath = out_dir / MANIFEST_NAME
    # an equivalent hand-edited manifest (comments, other quoting) is left alone
    if not (mpath.exists() and manifests_equal(mpath.read_text(encoding="utf-8"), manifest)):
        mpath.write_text(manifest, encoding="utf-8")
    return outputs, skipped, stale


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--check",
        action="store_true",
        help="build into a temporary directory and fail if corpus/documents differs",
    )
    args = ap.parse_args(argv)
    existing_manifest = DOCS_DIR / MANIFEST_NAME
    try:
        if args.check:
            with tempfile.TemporaryDirectory(prefix="konzeptlotse-corpus-") as tmp:
                outputs, skipped, stale = build(Path(tmp), existing_manifest)
                problems = []
                for rel in [o.meta.output for o in outputs]:
                    committed = DOCS_DIR / rel
                    if not committed.exists():
                        problems.append(f"missing: corpus/documents/{rel}")
                    elif not filecmp.cmp(committed, Path(tmp) / rel, shallow=False):
                        problems.append(f"differs: corpus/documents/{rel}")
                fresh = (Path(tmp) / MANIFEST_NAME).read_text(encoding="utf-8")
                if not existing_manifest.exists():
                    problems.append(f"missing: corpus/documents/{MANIFEST_NAME}")
                elif not manifests_equal(existing_manifest.read_text(encoding="utf-8"), fresh):
                    problems.append(f"differs: corpus/documents/{MANIFEST_NAME}")
                problems += [f"stale (source removed): corpus/documents/{f}" for f in stale]
            if problems:
                print("corpus check FAILED – run `make corpus` and commit the result:")
                print("\n".join(f"  {p}" for p in problems))
                return 1
            print(f"corpus check OK ({len(outputs)} documents + manifest up to date)")
            return 0
        outputs, skipped, stale = build(DOCS_DIR, existing_manifest)
        for f in stale:
            p = DOCS_DIR / f
            if p.is_file():
                p.unlink()
                print(f"removed stale generated file corpus/documents/{f}")
    except SourceError as exc:
        print(f"error: malformed corpus source\n{exc}", file=sys.stderr)
        return 1
    for s in skipped:
        print(f"skipped (no front matter, working note): {s}")
    for o in outputs:
        kind = f"{o.pages:3d} pages" if o.pages is not None else "   copied"
        print(f"{kind}  corpus/documents/{o.meta.output}")
    print(f"wrote corpus/documents/{MANIFEST_NAME} ({len(outputs)} generated entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
