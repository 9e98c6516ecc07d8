"""Word (DOCX) and OpenDocument (ODT) files -> page text, read from their XML.

Both formats are ZIP archives of XML. The archive is checked before anything is unpacked
(entry count, declared and actual unpacked size, compression ratio: a ZIP bomb is refused),
XML is parsed without entity expansion or network access. Headings come from paragraph
styles (outline level), list items from numbering, tables keep their merged cells, footnotes
are collected at the end. The formats have no pages: the document is one page, cited by
section.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from assistant import texts
from assistant.errors import DocumentError

from ..clean import first_heading, normalize_chars, usable_title
from .tables import TableCell, is_caption, table_block

__all__ = ["MAX_ENTRIES", "MAX_RATIO", "MAX_UNPACKED", "load_office", "read_member"]

MAX_ENTRIES = 5000
MAX_UNPACKED = 200 * 1024 * 1024  # bytes, all members together
MAX_RATIO = 200  # unpacked/packed of one member (text XML compresses about 5-20 times)
_RATIO_FLOOR = 2 * 1024 * 1024  # small members may compress better; the ratio applies above
_FOOTNOTES = "Fußnoten"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NAMES = {"docx": "Word-Dokument (DOCX)", "odt": "OpenDocument-Text (ODT)"}


def load_office(doc_id: str, data: bytes, kind: str) -> tuple[str, str]:
    """(title, page text) of a DOCX or ODT file; ``DocumentError`` with a German reason."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: encrypted OOXML or old .doc
        raise DocumentError(doc_id, texts.LOAD_OFFICE_ENCRYPTED)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise _broken(doc_id, kind, f"kein ZIP-Archiv: {exc}") from exc
    with archive:
        _check_archive(doc_id, archive)
        try:
            if kind == "docx":
                title, blocks = _Docx(doc_id, archive).read()
            else:
                title, blocks = _Odt(doc_id, archive).read()
        except KeyError as exc:
            raise _broken(doc_id, kind, f"Teil fehlt: {exc}") from exc
        except (ValueError, zipfile.BadZipFile, RuntimeError, EOFError) as exc:
            raise _broken(doc_id, kind, f"{type(exc).__name__}: {exc}"[:200]) from exc
    body = normalize_chars("\n\n".join(b for b in blocks if b.strip()))
    return title, body


def _broken(doc_id: str, kind: str, detail: str) -> DocumentError:
    return DocumentError(doc_id, texts.LOAD_OFFICE_BROKEN.format(kind=_NAMES[kind], detail=detail))


def _check_archive(doc_id: str, archive: zipfile.ZipFile) -> None:
    """Refuse archives that would unpack to far more than any real document."""
    infos = archive.infolist()
    declared = sum(info.file_size for info in infos)
    if len(infos) > MAX_ENTRIES or declared > MAX_UNPACKED:
        raise _bomb(doc_id, declared)
    for info in infos:
        if info.flag_bits & 0x1:
            raise DocumentError(doc_id, texts.LOAD_OFFICE_ENCRYPTED)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise _bomb(doc_id, info.file_size)


def _bomb(doc_id: str, size: int) -> DocumentError:
    return DocumentError(
        doc_id,
        texts.LOAD_OFFICE_BOMB.format(size=_megabytes(size), limit=_megabytes(MAX_UNPACKED)),
    )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB".replace(",", ".")


def read_member(doc_id: str, archive: zipfile.ZipFile, name: str) -> bytes:
    """One member, read in pieces and stopped at the size limit (headers may lie)."""
    out = io.BytesIO()
    with archive.open(name) as member:
        while piece := member.read(1 << 20):
            out.write(piece)
            if out.tell() > MAX_UNPACKED:
                raise _bomb(doc_id, out.tell())
    return out.getvalue()


def _xml(doc_id: str, archive: zipfile.ZipFile, name: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(read_member(doc_id, archive, name), parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"{name}: {exc}") from exc


def _optional_xml(doc_id: str, archive: zipfile.ZipFile, name: str) -> Any:
    return _xml(doc_id, archive, name) if name in archive.namelist() else None


def _take_caption(blocks: list[str]) -> str:
    """A short "Tabelle …" paragraph right before a table becomes its caption."""
    if blocks and is_caption(blocks[-1]):
        return blocks.pop()
    return ""


def _attach_caption_after(blocks: list[str], table_at: int) -> None:
    """A caption paragraph directly after a table (LibreOffice's default) moves into it."""
    if table_at + 1 >= len(blocks) or not blocks[table_at].startswith("[Tabelle]\n"):
        return
    following = blocks[table_at + 1]
    if is_caption(following):
        blocks[table_at] = blocks[table_at].replace("[Tabelle]", f"[Tabelle] {following}", 1)
        del blocks[table_at + 1]


def _finish(blocks: list[str], notes: list[str]) -> list[str]:
    for i in range(len(blocks) - 1, -1, -1):
        _attach_caption_after(blocks, i)
    if notes:
        blocks = [*blocks, f"# {_FOOTNOTES}", *notes]
    return blocks


# --- DOCX ---------------------------------------------------------------------------------


class _Docx:
    """WordprocessingML: body paragraphs and tables in order, styles for headings."""

    def __init__(self, doc_id: str, archive: zipfile.ZipFile) -> None:
        self.doc_id, self.archive = doc_id, archive
        self.styles = _docx_styles(_optional_xml(doc_id, archive, "word/styles.xml"))

    def read(self) -> tuple[str, list[str]]:
        root = _xml(self.doc_id, self.archive, "word/document.xml")
        body = root.find(f"{_W}body")
        blocks: list[str] = []
        for element in body if body is not None else ():
            self._element(element, blocks)
        notes = self._footnotes()
        title = _core_title(_optional_xml(self.doc_id, self.archive, "docProps/core.xml"))
        return title or first_heading("\n".join(blocks)), _finish(blocks, notes)

    def _element(self, element: Any, blocks: list[str]) -> None:
        tag = element.tag
        if tag == f"{_W}p":
            block = self._paragraph(element)
            if block:
                blocks.append(block)
            for box in _text_boxes(element):  # a text box anchored here: blocks of its own
                for child in box:
                    self._element(child, blocks)
        elif tag == f"{_W}tbl":
            caption = _take_caption(blocks)
            block = table_block(self._table(element), caption)
            if block:
                blocks.append(block)
        elif tag == f"{_W}sdt":  # content control: a table of contents is skipped
            content = element.find(f"{_W}sdtContent")
            if content is not None and not _is_docx_toc(element):
                for child in content:
                    self._element(child, blocks)

    def _paragraph(self, p: Any) -> str:
        text = _docx_text(p)
        if not text:
            return ""
        style = _w_val(p.find(f"{_W}pPr/{_W}pStyle"))
        outline = _w_val(p.find(f"{_W}pPr/{_W}outlineLvl"))
        level = _heading_level(outline, self.styles.get(style, {}))
        if style.lower().startswith("toc") or style.lower().startswith("verzeichnis"):
            return ""
        if level:
            return "#" * level + " " + text
        listed = p.find(f"{_W}pPr/{_W}numPr") is not None or self.styles.get(style, {}).get("list")
        return f"- {text}" if listed else text

    def _table(self, tbl: Any) -> list[list[TableCell]]:
        raw: list[list[tuple[int, int, str, str]]] = []  # (column, span, vmerge, text)
        headers: list[bool] = []
        for tr in tbl.findall(f"{_W}tr"):
            column, cells = 0, []
            for tc in tr.findall(f"{_W}tc"):
                span = _int(_w_val(tc.find(f"{_W}tcPr/{_W}gridSpan")), 1)
                merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                state = "" if merge is None else (_w_val(merge) or "continue")
                paragraphs = (p for p in tc.iter(f"{_W}p") if not _in_fallback(p))
                text = " ".join(_docx_text(p) for p in paragraphs).strip()
                cells.append((column, span, state, text))
                column += span
            raw.append(cells)
            headers.append(tr.find(f"{_W}trPr/{_W}tblHeader") is not None)
        return _merge_vertical(raw, headers)

    def _footnotes(self) -> list[str]:
        root = _optional_xml(self.doc_id, self.archive, "word/footnotes.xml")
        if root is None:
            return []
        notes: list[str] = []
        for note in root.findall(f"{_W}footnote"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator"):
                continue
            text = " ".join(_docx_text(p) for p in note.iter(f"{_W}p")).strip()
            if text:  # numbered in order, as Word shows them (ids are internal)
                notes.append(f"{len(notes) + 1} {text}")
        return notes


def _merge_vertical(
    raw: list[list[tuple[int, int, str, str]]], headers: list[bool]
) -> list[list[TableCell]]:
    """Word's vMerge (restart ... continue) as row spans; continuation cells are dropped."""
    rows: list[list[TableCell]] = []
    for r, cells in enumerate(raw):
        row = []
        for column, span, state, text in cells:
            if state == "continue":
                continue
            rowspan = 1
            if state == "restart":
                while r + rowspan < len(raw) and any(
                    c == column and s == "continue" for c, _, s, _ in raw[r + rowspan]
                ):
                    rowspan += 1
            row.append(TableCell(text, span, rowspan, header=headers[r]))
        rows.append(row)
    return rows


def _docx_text(p: Any) -> str:
    """Visible text of a paragraph: runs, tabs and breaks; deleted text, field codes and the
    text boxes anchored in it (``_text_boxes``) out."""
    parts: list[str] = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        if any(a.tag in (f"{_W}del", f"{_W}instrText") for a in node.iterancestors()):
            continue
        if _in_text_box(node, p):
            continue
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _in_text_box(node: Any, p: Any) -> bool:
    for ancestor in node.iterancestors():
        if ancestor is p:
            return False
        if ancestor.tag == f"{_W}txbxContent":
            return True
    return False


def _in_fallback(element: Any) -> bool:
    return any(a.tag == _MC_FALLBACK for a in element.iterancestors())


def _text_boxes(p: Any) -> list[Any]:
    """Contents of the text boxes anchored in a paragraph, each once: Word stores a box twice
    (a drawing and, for old readers, a ``mc:Fallback`` copy)."""
    boxes = []
    for box in p.iter(f"{_W}txbxContent"):
        outer = [a for a in box.iterancestors() if a is p or a.tag == f"{_W}txbxContent"]
        nested = outer[0] is not p if outer else False
        if not nested and not _in_fallback(box):
            boxes.append(box)
    return boxes


def _w_val(element: Any) -> str:
    return "" if element is None else str(element.get(f"{_W}val") or "")


def _int(value: str | None, default: int) -> int:
    text = (value or "").strip()
    return int(text) if text.lstrip("-").isdigit() and len(text) < 6 else default


def _docx_styles(root: Any) -> dict[str, dict[str, Any]]:
    """Paragraph styles: outline level (own or inherited), list numbering, name."""
    if root is None:
        return {}
    styles: dict[str, dict[str, Any]] = {}
    for style in root.findall(f"{_W}style"):
        style_id = style.get(f"{_W}styleId") or ""
        styles[style_id] = {
            "name": _w_val(style.find(f"{_W}name")).lower(),
            "outline": _w_val(style.find(f"{_W}pPr/{_W}outlineLvl")),
            "list": style.find(f"{_W}pPr/{_W}numPr") is not None,
            "based": _w_val(style.find(f"{_W}basedOn")),
        }
    for style_id in styles:
        _inherit(styles, style_id)
    return styles


def _inherit(styles: dict[str, dict[str, Any]], style_id: str) -> None:
    seen = {style_id}
    style = styles[style_id]
    parent = style["based"]
    while parent in styles and parent not in seen and not style["outline"]:
        seen.add(parent)
        style["outline"] = styles[parent]["outline"]
        parent = styles[parent]["based"]


def _heading_level(outline: str, style: dict[str, Any]) -> int:
    """1-based heading level from the paragraph or its style; 0 for body text."""
    level = outline or style.get("outline", "")
    if level.isdigit() and int(level) < 9:
        return int(level) + 1
    name = style.get("name", "")
    for prefix in ("heading ", "überschrift "):
        if name.startswith(prefix) and name[len(prefix) :].isdigit():
            return min(int(name[len(prefix) :]), 6)
    return 1 if name in ("title", "titel") else 0


def _is_docx_toc(sdt: Any) -> bool:
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return "table of contents" in _w_val(gallery).lower()


def _core_title(root: Any) -> str:
    if root is None:
        return ""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.endswith("}title"):
            return usable_title(element.text or "")
    return ""


# --- ODT ----------------------------------------------------------------------------------

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_SKIPPED = {
    f"{_TEXT}table-of-content",
    f"{_TEXT}illustration-index",
    f"{_TEXT}table-index",
    f"{_TEXT}alphabetical-index",
    f"{_TEXT}bibliography",
    f"{_TEXT}sequence-decls",
    f"{_TEXT}tracked-changes",
    f"{_OFFICE}forms",
}


class _Odt:
    """OpenDocument text: headings by outline level, lists, tables with spans, notes."""

    def __init__(self, doc_id: str, archive: zipfile.ZipFile) -> None:
        self.doc_id, self.archive = doc_id, archive
        self.notes: list[str] = []

    def read(self) -> tuple[str, list[str]]:
        root = _xml(self.doc_id, self.archive, "content.xml")
        text = root.find(f"{_OFFICE}body/{_OFFICE}text")
        blocks: list[str] = []
        self._children(text if text is not None else root, blocks, 0)
        meta = _optional_xml(self.doc_id, self.archive, "meta.xml")
        return _core_title(meta) or first_heading("\n".join(blocks)), _finish(blocks, self.notes)

    def _children(self, parent: Any, blocks: list[str], depth: int) -> None:
        for element in parent:
            self._element(element, blocks, depth)

    def _element(self, element: Any, blocks: list[str], depth: int) -> None:
        tag = element.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            return
        if tag == f"{_TEXT}h":
            level = _int(element.get(f"{_TEXT}outline-level"), 1)
            text = self._inline(element)
            if text:
                blocks.append("#" * max(1, min(level, 6)) + " " + text)
        elif tag == f"{_TEXT}p":
            text = self._inline(element)
            if text:
                blocks.append(f"- {text}" if depth else text)
            self._frames(element, blocks, depth)
        elif tag == f"{_TEXT}list":
            for item in element:
                self._children(item, blocks, depth + 1)
        elif tag == f"{_TABLE}table":
            caption = _take_caption(blocks)
            block = table_block(self._table(element), caption)
            if block:
                blocks.append(block)
        elif tag in (f"{_TEXT}section", f"{_TEXT}index-body", f"{_TABLE}table-header-rows"):
            self._children(element, blocks, depth)

    def _frames(self, p: Any, blocks: list[str], depth: int) -> None:
        """Text boxes anchored in a paragraph (their paragraphs follow it)."""
        for box in p.iter(f"{_DRAW}text-box"):
            self._children(box, blocks, depth)

    def _inline(self, element: Any) -> str:
        parts: list[str] = []
        self._collect(element, parts)
        return " ".join("".join(parts).split())

    def _collect(self, element: Any, parts: list[str]) -> None:
        parts.append(element.text or "")
        for child in element:
            tag = child.tag
            if tag == f"{_TEXT}note":
                self._note(child)
            elif tag == f"{_TEXT}s":
                parts.append(" " * min(_int(child.get(f"{_TEXT}c"), 1), 100))
            elif tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
                parts.append(" ")
            elif tag not in (f"{_DRAW}frame", f"{_OFFICE}annotation") and isinstance(tag, str):
                self._collect(child, parts)
            parts.append(child.tail or "")

    def _note(self, note: Any) -> None:
        citation = note.find(f"{_TEXT}note-citation")
        body = note.find(f"{_TEXT}note-body")
        if body is None:
            return
        text = " ".join(self._inline(p) for p in body.iter(f"{_TEXT}p"))
        label = "".join(citation.itertext()).strip() if citation is not None else ""
        if text.strip():
            self.notes.append(f"{label} {text}".strip())

    def _table(self, table: Any) -> list[list[TableCell]]:
        rows: list[list[TableCell]] = []
        for row in table.iter(f"{_TABLE}table-row"):
            if next(row.iterancestors(f"{_TABLE}table"), None) is not table:
                continue  # a row of a nested table
            header = any(a.tag == f"{_TABLE}table-header-rows" for a in row.iterancestors())
            repeat = min(_int(row.get(f"{_TABLE}number-rows-repeated"), 1), 50)
            cells = []
            for cell in row:
                if cell.tag != f"{_TABLE}table-cell":
                    continue  # covered cells are the slots of a span
                text = " ".join(self._inline(p) for p in cell.iter(f"{_TEXT}p", f"{_TEXT}h"))
                repeated = min(_int(cell.get(f"{_TABLE}number-columns-repeated"), 1), 64)
                cells += [
                    TableCell(
                        text.strip(),
                        _int(cell.get(f"{_TABLE}number-columns-spanned"), 1),
                        _int(cell.get(f"{_TABLE}number-rows-spanned"), 1),
                        header=header,
                    )
                ] * repeated
            rows += [cells] * repeat
        return rows
