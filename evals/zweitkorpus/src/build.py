#!/usr/bin/env python3
"""Baut den Zweitkorpus (documents/) aus den Quellen in src/.

Ablauf:
  * PDF-Dokumente: Quelltexte in einem einfachen Zeilen-Markup (src/texte/*.txt)
    werden in Flat-ODT (.fodt) übersetzt und mit LibreOffice headless in PDF
    umgewandelt. Das Inhaltsverzeichnis wird in zwei Durchläufen erzeugt:
    Durchlauf 1 ermittelt die Seitenzahlen der Überschriften aus den
    PDF-Lesezeichen, Durchlauf 2 trägt sie in das Verzeichnis ein.
  * HTML- und Markdown-Dokumente werden unverändert aus src/ kopiert.
  * documents/manifest.yaml wird aus der Tabelle DOKUMENTE geschrieben.

Aufruf:  .venv/bin/python src/build.py
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from pypdf import PdfReader

SRC = Path(__file__).resolve().parent
ROOT = SRC.parent
DOCS = ROOT / "documents"
BUILD = ROOT / "build"  # Zwischenstände (.fodt), nicht Teil des Korpus
SOFFICE = "/usr/bin/soffice"
QUELLE = "Fiktives Beispieldokument (Zweitkorpus), verfasst für die Evaluation"

# ---------------------------------------------------------------------------
# Dokumentliste
# ---------------------------------------------------------------------------
DOKUMENTE = [
    {
        "src": "texte/quellinghoven_konzept.txt",
        "file": "a/quellinghoven_konzept_seiteneinstieg_2023.pdf",
        "title": "Kommunales Konzept zur Bildungsintegration neu zugewanderter Kinder und Jugendlicher",
        "issuer": "Stadt Quellinghoven, Der Oberbürgermeister – Kommunales Integrationszentrum und Schulverwaltungsamt",
        "kommune": "Stadt Quellinghoven",
        "doc_type": "Kommunales Konzept",
        "stand": "2023-03-15",
        "layout": {"spalten": 2, "schrift": "10pt"},
    },
    {
        "src": "texte/quellinghoven_fortschreibung.txt",
        "file": "a/quellinghoven_fortschreibung_2025.pdf",
        "title": "1. Fortschreibung des Kommunalen Konzepts zur Bildungsintegration neu zugewanderter Kinder und Jugendlicher",
        "issuer": "Stadt Quellinghoven, Der Oberbürgermeister – Kommunales Integrationszentrum",
        "kommune": "Stadt Quellinghoven",
        "doc_type": "Fortschreibung",
        "stand": "2025-06-01",
        "supersedes": "a/quellinghoven_konzept_seiteneinstieg_2023.pdf",
        "layout": {"spalten": 1, "schrift": "11pt"},
    },
    {
        "copy": "web/wacholderheide_neu_zugewandert.html",
        "file": "b/wacholderheide_neu_zugewandert_schule_ausbildung.html",
        "title": "Neu zugewandert – Schule und Ausbildung im Kreis Wacholderheide",
        "issuer": "Kreis Wacholderheide, Kommunales Integrationszentrum",
        "kommune": "Kreis Wacholderheide",
        "doc_type": "Webseite",
        "stand": "2024-09-12",
    },
    {
        "src": "texte/bildungsbericht_rabenland_2024.txt",
        "file": "d/bildungsbericht_neuzuwanderung_rabenland_2024.pdf",
        "title": "Regionaler Bildungsbericht Neuzuwanderung 2024 – Monitoring für die Planungsregion Mittleres Rabenland",
        "issuer": "Regionales Bildungsbüro Mittleres Rabenland",
        "kommune": "Regionales Bildungsbüro Mittleres Rabenland",
        "doc_type": "Bericht",
        "stand": "2025-04-30",
        "layout": {"spalten": 1, "schrift": "10.5pt"},
    },
    {
        "copy": "handreichung/handreichung_kapitel4_mindestinhalte.md",
        "file": "e/handreichung_kapitel4_mindestinhalte_fortschreibung.md",
        "title": "Handreichung Kommunale Konzepte Seiteneinstieg – Kapitel 4: Mindestinhalte, Beteiligung und Fortschreibung",
        "issuer": "Regionale Fachstelle Zuwanderung und Bildung Rabenland",
        "kommune": "",
        "doc_type": "Handreichung",
        "stand": "2024-02-01",
    },
]

# ---------------------------------------------------------------------------
# Markup-Parser
# ---------------------------------------------------------------------------
# Zeilenorientiertes Markup:
#   @meta schluessel: wert      Metadaten (titel, kopf_links, kopf_rechts, fuss_links)
#   @titelseite ... @ende       Titelseite; Zeilen mit  !! (Titel), ! (Untertitel),
#                               ^ (Marke "Fiktives Beispieldokument"), ? (klein), . (Leerraum)
#   @inhalt                     Inhaltsverzeichnis
#   @umbruch                    Seitenumbruch vor dem nächsten Absatz
#   @seite quer|hoch            Wechsel der Seitenvorlage vor dem nächsten Absatz
#   @spalten 2 | @spalten 1     Beginn/Ende eines zweispaltigen Bereichs
#   #, ##, ###                  nummerierte Überschriften Ebene 1-3
#   #*, ##*                     unnummerierte Überschriften
#   - text / 1. text            Aufzählung / nummerierte Liste
#   > text                      Hinweiskasten
#   @caption text               Tabellenbeschriftung
#   @quelle text                Quellenangabe unter einer Tabelle
#   @tabelle breiten=3,2 kopf=1 [klein] ... @ende   Tabelle; Zellen mit " | " getrennt,
#                               {cs=N} / {rs=N} am Zellanfang verbinden Zellen, "~" = überdeckt
#   Inline: **fett**, [^Fußnotentext]


def parse(text: str) -> tuple[dict, list]:
    meta: dict = {}
    blocks: list = []
    lines = text.split("\n")
    i = 0
    para: list[str] = []

    def flush():
        if para:
            blocks.append(("p", " ".join(s.strip() for s in para)))
            para.clear()

    while i < len(lines):
        raw = lines[i]
        line = raw.rstrip()
        s = line.strip()
        if s.startswith("//"):
            i += 1
            continue
        if not s:
            flush()
            i += 1
            continue
        if s.startswith("@meta "):
            flush()
            k, v = s[6:].split(":", 1)
            meta[k.strip()] = v.strip()
        elif s == "@titelseite":
            flush()
            items = []
            i += 1
            while lines[i].strip() != "@ende":
                items.append(lines[i].strip())
                i += 1
            blocks.append(("titel", items))
        elif s == "@inhalt":
            flush()
            blocks.append(("toc", None))
        elif s == "@umbruch":
            flush()
            blocks.append(("break", None))
        elif s.startswith("@seite "):
            flush()
            blocks.append(("master", s.split()[1]))
        elif s.startswith("@spalten "):
            flush()
            blocks.append(("cols", int(s.split()[1])))
        elif s.startswith("@caption "):
            flush()
            blocks.append(("caption", s[9:].strip()))
        elif s.startswith("@quelle "):
            flush()
            blocks.append(("quelle", s[8:].strip()))
        elif s.startswith("@tabelle"):
            flush()
            opts = {}
            for tok in s.split()[1:]:
                if "=" in tok:
                    k, v = tok.split("=", 1)
                    opts[k] = v
                else:
                    opts[tok] = True
            rows = []
            i += 1
            while lines[i].strip() != "@ende":
                if lines[i].strip() and not lines[i].strip().startswith("//"):
                    rows.append([c.strip() for c in lines[i].strip().split(" | ")])
                i += 1
            blocks.append(("table", (opts, rows)))
        elif re.match(r"^#{1,3}\*? ", s):
            flush()
            m = re.match(r"^(#{1,3})(\*?) (.*)$", s)
            blocks.append(("h", (len(m.group(1)), m.group(2) == "*", m.group(3).strip())))
        elif s.startswith("- "):
            flush()
            items = []
            while i < len(lines) and lines[i].strip().startswith("- "):
                item = lines[i].strip()[2:]
                i += 1
                while i < len(lines) and lines[i].startswith("  ") and lines[i].strip() and not lines[i].strip().startswith("- "):
                    item += " " + lines[i].strip()
                    i += 1
                items.append(item)
            blocks.append(("ul", items))
            continue
        elif re.match(r"^\d+\. ", s):
            flush()
            items = []
            while i < len(lines) and re.match(r"^\d+\. ", lines[i].strip()):
                item = re.sub(r"^\d+\. ", "", lines[i].strip())
                i += 1
                while i < len(lines) and lines[i].startswith("   ") and lines[i].strip() and not re.match(r"^\d+\. ", lines[i].strip()):
                    item += " " + lines[i].strip()
                    i += 1
                items.append(item)
            blocks.append(("ol", items))
            continue
        elif s.startswith("> "):
            flush()
            box = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                box.append(lines[i].strip()[1:].strip())
                i += 1
            blocks.append(("box", " ".join(box)))
            continue
        else:
            para.append(s)
        i += 1
    flush()
    return meta, blocks


# ---------------------------------------------------------------------------
# ODF-Erzeugung
# ---------------------------------------------------------------------------
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"'
)

FARBE = "#1f4e79"


def esc(s: str) -> str:
    return html.escape(s, quote=False)


class Writer:
    def __init__(self, meta: dict, layout: dict):
        self.meta = meta
        self.layout = layout
        self.body: list[str] = []
        self.auto_styles: list[str] = []
        self.pending_master: str | None = None
        self.pending_break = False
        self.note_id = 0
        self.style_id = 0
        self.table_id = 0
        self.headings: list[tuple[int, str, str]] = []  # (level, number, text)
        self.counters = [0, 0, 0]
        self.in_section = False
        self.section_id = 0
        self.orientation = "hoch"

    # -- Inline ----------------------------------------------------------
    def inline(self, s: str) -> str:
        out = []
        pos = 0
        for m in re.finditer(r"\[\^(.+?)\]", s):
            out.append(self._fmt(s[pos:m.start()]))
            self.note_id += 1
            n = self.note_id
            out.append(
                f'<text:note text:id="ftn{n}" text:note-class="footnote">'
                f"<text:note-citation>{n}</text:note-citation><text:note-body>"
                f'<text:p text:style-name="Footnote">{self._fmt(m.group(1))}</text:p>'
                "</text:note-body></text:note>"
            )
            pos = m.end()
        out.append(self._fmt(s[pos:]))
        return "".join(out)

    @staticmethod
    def _fmt(s: str) -> str:
        s = esc(s)
        s = re.sub(r"\*\*(.+?)\*\*", r'<text:span text:style-name="Fett">\1</text:span>', s)
        return s

    # -- Absatzstile mit Seitenumbruch / Seitenvorlage --------------------
    def pstyle(self, base: str, family: str = "paragraph") -> str:
        if not self.pending_master and not self.pending_break:
            return base
        self.style_id += 1
        name = f"P{self.style_id}"
        attrs = ""
        if self.pending_master:
            attrs = f' style:master-page-name="{self.pending_master}"'
        props = '<style:paragraph-properties fo:break-before="page"/>' if (self.pending_break and not self.pending_master) else ""
        self.auto_styles.append(
            f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="{base}"{attrs}>{props}</style:style>'
        )
        self.pending_master = None
        self.pending_break = False
        return name

    def p(self, text: str, style: str = "Text_20_body"):
        st = self.pstyle(style)
        self.body.append(f'<text:p text:style-name="{st}">{self.inline(text)}</text:p>')

    # -- Blöcke -------------------------------------------------------------
    def heading(self, level: int, unnumbered: bool, text: str):
        style = f"Heading_20_{level}"
        st = self.pstyle(style)
        if unnumbered:
            num = ""
            self.body.append(
                f'<text:h text:style-name="{st}" text:outline-level="{level}" text:is-list-header="true">{self.inline(text)}</text:h>'
            )
        else:
            self.counters[level - 1] += 1
            for k in range(level, 3):
                self.counters[k] = 0
            num = ".".join(str(c) for c in self.counters[:level])
            self.body.append(
                f'<text:h text:style-name="{st}" text:outline-level="{level}">{self.inline(text)}</text:h>'
            )
        self.headings.append((level, num, text))

    def lst(self, items: list[str], ordered: bool):
        style = "Liste_Num" if ordered else "Liste_Punkt"
        xml = [f'<text:list text:style-name="{style}">']
        for k, it in enumerate(items):
            ps = self.pstyle("Listenabsatz") if k == 0 else "Listenabsatz"
            xml.append(f'<text:list-item><text:p text:style-name="{ps}">{self.inline(it)}</text:p></text:list-item>')
        xml.append("</text:list>")
        self.body.append("".join(xml))

    def table(self, opts: dict, rows: list[list[str]]):
        self.table_id += 1
        name = f"Tabelle{self.table_id}"
        ncols = max(len(r) for r in rows)
        widths = [float(w) for w in opts.get("breiten", ",".join(["1"] * ncols)).split(",")]
        kopf = int(opts.get("kopf", 1))
        klein = "klein" in opts
        st = self.pstyle("Tabelleninhalt")  # nur zum Verbrauch eines Seitenumbruchs
        tstyle = f"TS{self.table_id}"
        brk = ""
        if st != "Tabelleninhalt":
            # Umbruch/Seitenvorlage vor der Tabelle -> eigener leerer Absatz
            self.body.append(f'<text:p text:style-name="{st}"/>')
        brechen = "false" if len(rows) <= 14 else "true"
        if self.in_section:
            tw = 8.15
        elif self.orientation == "quer":
            tw = 25.7
        else:
            tw = 17.0
        self.auto_styles.append(
            f'<style:style style:name="{tstyle}" style:family="table"><style:table-properties style:width="{tw}cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.25cm" style:may-break-between-rows="{brechen}"{brk}/></style:style>'
        )
        total = sum(widths)
        for k, w in enumerate(widths):
            self.auto_styles.append(
                f'<style:style style:name="{tstyle}.C{k}" style:family="table-column"><style:table-column-properties style:column-width="{tw * w / total:.3f}cm" style:rel-width="{int(w / total * 10000)}*"/></style:style>'
            )
        xml = [f'<table:table table:name="{name}" table:style-name="{tstyle}">']
        for k in range(len(widths)):
            xml.append(f'<table:table-column table:style-name="{tstyle}.C{k}"/>')
        for r_i, row in enumerate(rows):
            if r_i == 0 and kopf:
                xml.append("<table:table-header-rows>")
            xml.append("<table:table-row>")
            for c_i, cell in enumerate(row):
                if cell == "~":
                    xml.append("<table:covered-table-cell/>")
                    continue
                attrs = ""
                m = re.match(r"^((?:\{(?:cs|rs)=\d+\})+)(.*)$", cell)
                if m:
                    for kind, n in re.findall(r"\{(cs|rs)=(\d+)\}", m.group(1)):
                        attr = "number-columns-spanned" if kind == "cs" else "number-rows-spanned"
                        attrs += f' table:{attr}="{n}"'
                    cell = m.group(2)
                header = r_i < kopf
                cstyle = "ZelleKopf" if header else "Zelle"
                if header:
                    pst = "TabKopfK" if klein else "TabKopf"
                elif c_i > 0 and re.fullmatch(r"[–\-−+]?[\d.,]+\s?(%|Tage|Monate|EUR|€)?|–|k\. A\.", cell.replace("**", "")):
                    pst = "TabZahlK" if klein else "TabZahl"
                else:
                    pst = "TabTextK" if klein else "TabText"
                parts = cell.split(" // ")
                inner = "".join(f'<text:p text:style-name="{pst}">{self.inline(pt)}</text:p>' for pt in parts)
                xml.append(f'<table:table-cell table:style-name="{cstyle}" office:value-type="string"{attrs}>{inner}</table:table-cell>')
            xml.append("</table:table-row>")
            if r_i == kopf - 1 and kopf:
                xml.append("</table:table-header-rows>")
        xml.append("</table:table>")
        self.body.append("".join(xml))

    def titlepage(self, items: list[str]):
        self.pending_master = "Titel"
        for it in items:
            if it.startswith("!!"):
                self.p(it[2:].strip(), "Titel")
            elif it.startswith("!"):
                self.p(it[1:].strip(), "Untertitel")
            elif it.startswith("^"):
                self.p(it[1:].strip(), "Marke")
            elif it.startswith("?"):
                self.p(it[1:].strip(), "TitelKlein")
            elif it.startswith("."):
                self.p("", "TitelLeer")
            elif it:
                self.p(it, "TitelText")
        self.pending_master = "Haupt"

    def toc_placeholder(self):
        self.toc_title_style = self.pstyle("Contents_20_Heading")
        self.body.append("@@TOC@@")

    def cols(self, n: int):
        if n > 1 and not self.in_section:
            self.section_id += 1
            st = self.pstyle("Text_20_body")
            if st != "Text_20_body":
                # Seitenumbruch vor Abschnitt: leerer Absatz, der den Umbruch trägt
                self.body.append(f'<text:p text:style-name="{st}"/>')
            self.body.append(f'<text:section text:style-name="Spalten2" text:name="Bereich{self.section_id}">')
            self.in_section = True
        elif n == 1 and self.in_section:
            self.body.append("</text:section>")
            self.in_section = False

    def render(self, blocks: list):
        for kind, val in blocks:
            if kind == "p":
                self.p(val)
            elif kind == "h":
                self.heading(*val)
            elif kind == "ul":
                self.lst(val, False)
            elif kind == "ol":
                self.lst(val, True)
            elif kind == "box":
                self.p(val, "Hinweis")
            elif kind == "caption":
                self.p(val, "Beschriftung")
            elif kind == "quelle":
                self.p(val, "Quelle")
            elif kind == "table":
                self.table(*val)
            elif kind == "titel":
                self.titlepage(val)
            elif kind == "toc":
                self.toc_placeholder()
            elif kind == "break":
                self.pending_break = True
            elif kind == "master":
                self.pending_master = "Quer" if val == "quer" else "Haupt"
                self.orientation = val
            elif kind == "cols":
                self.cols(val)
        if self.in_section:
            self.cols(1)

    # -- Inhaltsverzeichnis ---------------------------------------------------
    def toc_xml(self, pages: list[int] | None) -> str:
        rows = []
        for k, (lvl, num, text) in enumerate(self.headings):
            if lvl > 2:
                continue
            pg = str(pages[k]) if pages else "00"
            label = f"{num}\t{text}" if num else text
            style = "Contents_20_1" if lvl == 1 else "Contents_20_2"
            rows.append(f'<text:p text:style-name="{style}">{esc(label).replace(chr(9), "<text:tab/>")}<text:tab/>{pg}</text:p>')
        return (
            '<text:table-of-content text:style-name="Verzeichnis" text:protected="true" text:name="Inhaltsverzeichnis1">'
            '<text:table-of-content-source text:outline-level="2">'
            '<text:index-title-template text:style-name="Contents_20_Heading">Inhalt</text:index-title-template>'
            '<text:table-of-content-entry-template text:outline-level="1" text:style-name="Contents_20_1">'
            '<text:index-entry-chapter/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/>'
            "</text:table-of-content-entry-template>"
            '<text:table-of-content-entry-template text:outline-level="2" text:style-name="Contents_20_2">'
            '<text:index-entry-chapter/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/>'
            "</text:table-of-content-entry-template>"
            "</text:table-of-content-source><text:index-body>"
            '<text:index-title text:style-name="Verzeichnis" text:name="Inhaltsverzeichnis1_Head">'
            f'<text:p text:style-name="{self.toc_title_style}">Inhalt</text:p></text:index-title>'
            + "".join(rows)
            + "</text:index-body></text:table-of-content>"
        )

    # -- Gesamtdokument -----------------------------------------------------
    def document(self, pages: list[int] | None) -> str:
        body = "\n".join(self.body).replace("@@TOC@@", self.toc_xml(pages))
        page_auto, masters = masters_xml(self.meta, self.layout)
        return TEMPLATE.format(
            ns=NS,
            titel=esc(self.meta.get("titel", "")),
            styles=styles_xml(self.layout),
            auto=page_auto + "\n" + "\n".join(self.auto_styles),
            masters=masters,
            body=body,
        )


TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document {ns} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{titel}</dc:title><meta:generator>Zweitkorpus build.py</meta:generator></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Nimbus Sans" svg:font-family="'Nimbus Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="Nimbus Sans Narrow" svg:font-family="'Nimbus Sans Narrow'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="OpenSymbol" svg:font-family="OpenSymbol"/>
</office:font-face-decls>
{styles}
<office:automatic-styles>
{auto}
</office:automatic-styles>
{masters}
<office:body><office:text>
<text:sequence-decls/>
{body}
</office:text></office:body></office:document>
"""


def styles_xml(layout: dict) -> str:
    fs = layout.get("schrift", "10pt")
    align = "justify" if layout.get("spalten", 1) == 2 else "start"
    lvl_num = "".join(
        f'<text:outline-level-style text:level="{lv}" style:num-format="1" text:display-levels="{lv}" style:num-suffix="">'
        f'<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
        f'<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{0.6 + 0.3 * lv:.1f}cm" fo:text-indent="-{0.6 + 0.3 * lv:.1f}cm" fo:margin-left="{0.6 + 0.3 * lv:.1f}cm"/>'
        f"</style:list-level-properties></text:outline-level-style>"
        for lv in (1, 2, 3)
    )
    return f"""<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:orphans="2" fo:widows="2" style:writing-mode="lr-tb"/>
  <style:text-properties style:font-name="Nimbus Sans" fo:font-size="{fs}" fo:language="de" fo:country="DE" fo:hyphenate="false" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
 </style:default-style>
 <style:default-style style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:line-height="118%" fo:text-align="{align}"/>
 </style:style>
 <style:style style:name="Listenabsatz" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-bottom="0.1cm" fo:text-align="start"/></style:style>
 <style:style style:name="Hinweis" style:family="paragraph" style:parent-style-name="Text_20_body">
  <style:paragraph-properties fo:background-color="#e8eef5" fo:border-left="2.5pt solid {FARBE}" fo:padding="0.2cm" fo:margin-top="0.15cm" fo:margin-bottom="0.3cm" fo:text-align="start"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.4cm"/><style:text-properties fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:keep-with-next="always" fo:text-align="start"/><style:text-properties fo:color="{FARBE}" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text">
  <style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="13pt"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="11pt"/>
 </style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="10pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Titel" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.6cm" fo:margin-bottom="0.4cm" fo:line-height="115%"/><style:text-properties fo:font-size="24pt" fo:font-weight="bold" fo:color="{FARBE}"/>
 </style:style>
 <style:style style:name="Untertitel" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="14pt" fo:color="#404040"/>
 </style:style>
 <style:style style:name="TitelText" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="12pt"/>
 </style:style>
 <style:style style:name="TitelKlein" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="9.5pt" fo:color="#404040"/>
 </style:style>
 <style:style style:name="TitelLeer" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="1.6cm"/></style:style>
 <style:style style:name="Marke" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:border="1.5pt solid #b00000" fo:padding="0.15cm" fo:margin-bottom="1.2cm" fo:text-align="center"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:color="#b00000"/>
 </style:style>
 <style:style style:name="Beschriftung" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="9pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Quelle" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="8pt" fo:font-style="italic" fo:color="#404040"/>
 </style:style>
 <style:style style:name="Tabelleninhalt" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="TabText" style:family="paragraph" style:parent-style-name="Tabelleninhalt"><style:text-properties fo:font-size="8.5pt"/></style:style>
 <style:style style:name="TabZahl" style:family="paragraph" style:parent-style-name="TabText"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="TabKopf" style:family="paragraph" style:parent-style-name="TabText"><style:text-properties fo:font-weight="bold" fo:color="#ffffff"/></style:style>
 <style:style style:name="TabTextK" style:family="paragraph" style:parent-style-name="Tabelleninhalt"><style:text-properties fo:font-size="8pt"/></style:style>
 <style:style style:name="TabZahlK" style:family="paragraph" style:parent-style-name="TabTextK"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="TabKopfK" style:family="paragraph" style:parent-style-name="TabTextK"><style:text-properties fo:font-weight="bold" fo:color="#ffffff"/></style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:border-bottom="0.5pt solid #808080" fo:padding-bottom="0.08cm"><style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops></style:paragraph-properties>
  <style:text-properties fo:font-size="8pt" fo:color="#404040"/>
 </style:style>
 <style:style style:name="HeaderQuer" style:family="paragraph" style:parent-style-name="Header">
  <style:paragraph-properties><style:tab-stops><style:tab-stop style:position="25.7cm" style:type="right"/></style:tab-stops></style:paragraph-properties>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Header">
  <style:paragraph-properties fo:border-bottom="none" fo:border-top="0.5pt solid #808080" fo:padding-top="0.08cm"/>
 </style:style>
 <style:style style:name="FooterQuer" style:family="paragraph" style:parent-style-name="HeaderQuer">
  <style:paragraph-properties fo:border-bottom="none" fo:border-top="0.5pt solid #808080" fo:padding-top="0.08cm"/>
 </style:style>
 <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading" style:class="index">
  <style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="16pt"/>
 </style:style>
 <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard" style:class="index">
  <style:paragraph-properties fo:margin-top="0.15cm" fo:margin-bottom="0.05cm"><style:tab-stops><style:tab-stop style:position="0.9cm"/><style:tab-stop style:position="17cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Contents_20_2" style:display-name="Contents 2" style:family="paragraph" style:parent-style-name="Standard" style:class="index">
  <style:paragraph-properties fo:margin-left="0.9cm" fo:margin-bottom="0.03cm"><style:tab-stops><style:tab-stop style:position="1.0cm"/><style:tab-stop style:position="16.1cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties>
 </style:style>
 <style:style style:name="Fett" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <text:outline-style style:name="Outline">{lvl_num}</text:outline-style>
 <text:list-style style:name="Liste_Punkt">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.5cm" fo:text-indent="-0.4cm" fo:margin-left="0.5cm"/></style:list-level-properties></text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="Liste_Num">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.5cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-number>
 </text:list-style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>"""


def masters_xml(meta: dict, layout: dict) -> str:
    kl = esc(meta.get("kopf_links", ""))
    kr = esc(meta.get("kopf_rechts", ""))
    fl = esc(meta.get("fuss_links", ""))
    hp = '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.35cm"/></style:header-style>'
    fp = '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.35cm"/></style:footer-style>'
    pages = (
        '<style:page-layout style:name="pmTitel"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.5cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2cm"/></style:page-layout>'
        f'<style:page-layout style:name="pmHoch"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm">'
        '<style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>'
        f'</style:page-layout-properties>{hp}{fp}</style:page-layout>'
        f'<style:page-layout style:name="pmQuer"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>{hp}{fp}</style:page-layout>'
        '<style:style style:name="Spalten2" style:family="section"><style:section-properties text:dont-balance-text-columns="false" style:editable="false">'
        '<style:columns fo:column-count="2" fo:column-gap="0.7cm"><style:column-sep style:width="0.02cm" style:color="#b0b0b0" style:height="100%" style:vertical-align="top"/>'
        '<style:column style:rel-width="1*" fo:start-indent="0cm" fo:end-indent="0.35cm"/><style:column style:rel-width="1*" fo:start-indent="0.35cm" fo:end-indent="0cm"/></style:columns>'
        '</style:section-properties></style:style>'
        '<style:style style:name="Verzeichnis" style:family="section"><style:section-properties style:editable="false"/></style:style>'
        '<style:style style:name="Zelle" style:family="table-cell"><style:table-cell-properties fo:padding="0.07cm" fo:border="0.5pt solid #7f7f7f"/></style:style>'
        f'<style:style style:name="ZelleKopf" style:family="table-cell"><style:table-cell-properties fo:padding="0.07cm" fo:border="0.5pt solid #7f7f7f" fo:background-color="{FARBE}"/></style:style>'
    )
    def hf(hstyle, fstyle):
        return (
            f'<style:header><text:p text:style-name="{hstyle}">{kl}<text:tab/>{kr}</text:p></style:header>'
            f'<style:footer><text:p text:style-name="{fstyle}">{fl}<text:tab/>Seite <text:page-number text:select-page="current">1</text:page-number> von <text:page-count>1</text:page-count></text:p></style:footer>'
        )
    return pages, (
        "<office:master-styles>"
        + '<style:master-page style:name="Standard" style:page-layout-name="pmHoch"/>'
        + '<style:master-page style:name="Titel" style:page-layout-name="pmTitel" style:next-style-name="Haupt"/>'
        + f'<style:master-page style:name="Haupt" style:page-layout-name="pmHoch">{hf("Header", "Footer")}</style:master-page>'
        + f'<style:master-page style:name="Quer" style:page-layout-name="pmQuer">{hf("HeaderQuer", "FooterQuer")}</style:master-page>'
        + "</office:master-styles>"
    )


# ---------------------------------------------------------------------------
# Umwandlung
# ---------------------------------------------------------------------------
def soffice_pdf(fodt: Path, outdir: Path) -> Path:
    profile = Path(tempfile.gettempdir()) / "zweitkorpus_lo_profile"
    cmd = [
        SOFFICE,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        'pdf:writer_pdf_Export:{"ExportBookmarks":{"type":"boolean","value":"true"}}',
        "--outdir",
        str(outdir),
        str(fodt),
    ]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    pdf = outdir / (fodt.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice hat {pdf} nicht erzeugt")
    return pdf


def outline_pages(pdf: Path) -> list[int]:
    r = PdfReader(str(pdf))
    res: list[int] = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                res.append(r.get_destination_page_number(it) + 1)

    walk(r.outline)
    return res


def pruefe_vollstaendigkeit(quelltext: str, pdf: Path) -> None:
    """Bricht ab, wenn Wörter des Quelltexts im PDF fehlen (z. B. verlorene Tabellenzeilen)."""
    pdftext = " ".join((pg.extract_text() or "") for pg in PdfReader(str(pdf)).pages)
    pdftext = re.sub(r"-\s*\n", "", pdftext).lower()
    pdfwoerter = set(re.findall(r"\w+", pdftext))
    quelle = "\n".join(z for z in quelltext.split("\n") if not z.strip().startswith(("//", "@meta")))
    quelle = re.sub(r"@\w+[^\n]*", " ", quelle)
    fehlend = sorted({w for w in re.findall(r"\w+", quelle.lower()) if len(w) > 3 and not w.isdigit()} - pdfwoerter)
    fehlend = [w for w in fehlend if not any(w in x for x in pdfwoerter)]
    if fehlend:
        raise RuntimeError(f"{pdf.name}: Wörter fehlen im PDF: {fehlend[:20]}")


def build_pdf(doc: dict) -> None:
    text = (SRC / doc["src"]).read_text(encoding="utf-8")
    meta, blocks = parse(text)
    w = Writer(meta, doc.get("layout", {}))
    w.render(blocks)
    target = DOCS / doc["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    BUILD.mkdir(exist_ok=True)
    stem = Path(doc["file"]).stem
    fodt = BUILD / f"{stem}.fodt"
    has_toc = any(k == "toc" for k, _ in blocks)
    pages = None
    if has_toc:
        fodt.write_text(w.document(None), encoding="utf-8")
        pdf = soffice_pdf(fodt, BUILD)
        pages = outline_pages(pdf)
        if len(pages) != len(w.headings):
            raise RuntimeError(f"{stem}: {len(pages)} Lesezeichen, aber {len(w.headings)} Überschriften")
    fodt.write_text(w.document(pages), encoding="utf-8")
    pdf = soffice_pdf(fodt, BUILD)
    if has_toc and outline_pages(pdf) != pages:
        raise RuntimeError(f"{stem}: Seitenzahlen haben sich im zweiten Durchlauf verschoben")
    pruefe_vollstaendigkeit(text, pdf)
    shutil.copyfile(pdf, target)
    n = len(PdfReader(str(target)).pages)
    print(f"  {doc['file']}: {n} Seiten")


def write_manifest() -> None:
    """Schreibt documents/manifest.yaml (alle Werte als doppelt gequotete YAML-Strings)."""
    import json

    def q(v: str) -> str:
        return json.dumps(v, ensure_ascii=False)

    zeilen = ["version: 1", "documents:"]
    for d in DOKUMENTE:
        zeilen.append(f"  - file: {q(d['file'])}")
        for feld in ("title", "issuer", "kommune", "doc_type", "stand"):
            zeilen.append(f"    {feld}: {q(d[feld])}")
        zeilen.append(f"    source: {q(QUELLE)}")
        if d.get("supersedes"):
            zeilen.append(f"    supersedes: {q(d['supersedes'])}")
    text = "\n".join(zeilen) + "\n"
    yaml.safe_load(text)  # Plausibilitätsprüfung
    (DOCS / "manifest.yaml").write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    only = set(argv[1:])
    DOCS.mkdir(exist_ok=True)
    for d in DOKUMENTE:
        if only and not any(o in d["file"] for o in only):
            continue
        if "src" in d:
            build_pdf(d)
        else:
            t = DOCS / d["file"]
            t.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SRC / d["copy"], t)
            print(f"  {d['file']}: kopiert")
    write_manifest()
    print("  manifest.yaml geschrieben")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
