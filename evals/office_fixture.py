"""Documents as municipalities produce them: written as OpenDocument (flat XML), turned into
ODT, DOCX and PDF by LibreOffice headless (Debian ``libreoffice-writer-nogui``).

The concept has what real office documents have and the project's own PDF generator does
not: a header with a logo and a running text, a footer with page numbers, a title page, a
table of contents with dot leaders, unnumbered headings, a two-column section, a heading
that wraps onto a second line, footnotes, a table with merged cells and caption, a landscape
page with a wide table, and a member list. Everything in it is fictional.
"""

from __future__ import annotations

import base64
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = [
    "OFFICE_SPEC",
    "OfficeSpec",
    "build_office_fixtures",
    "convert",
    "scanned_pdf",
    "write_fodt",
]

HEADER = "Stadt Beispielhausen · Kommunales Konzept Neuzuwanderung 2026"
FOOTER = "Seite"
LONG_HEADING = (
    "Erstberatung und Sprachstandsfeststellung (ersetzt Abschnitt 3.2 des Konzepts vom "
    "1. März 2024 in der Fassung der Fortschreibung)"
)

COLUMNS = [
    "Die Stadt Beispielhausen richtet im Bildungsbüro eine zentrale Anlaufstelle für neu "
    "zugewanderte Familien ein. Dort werden alle Anfragen zur Schulanmeldung gebündelt.",
    "Das Bildungsbüro ist montags bis donnerstags von 8 bis 16 Uhr und freitags von 8 bis "
    "12 Uhr geöffnet. Termine können auch telefonisch vereinbart werden.",
    "Die Anlaufstelle arbeitet eng mit dem Schulamt, dem Jugendamt und den "
    "Migrationsberatungen zusammen. Einmal im Monat tagt ein gemeinsamer Arbeitskreis.",
    "Für Jugendliche ab 16 Jahren berät zusätzlich die Jugendberufsagentur im selben Haus. "
    "So entfallen doppelte Wege zwischen Schule und Berufsberatung.",
]
BODY = [
    "Die Erstberatung findet innerhalb von acht Werktagen nach der Anmeldung im Bürgerbüro statt.",
    "Das Gespräch dauert in der Regel neunzig Minuten und wird bei Bedarf von einer "
    "Sprachmittlerin begleitet.",
    "Im Anschluss stellt eine Lehrkraft für Deutsch als Zweitsprache den Sprachstand mit dem "
    "Beispielhausener Sprachprofil fest.",
]
AFTER_TABLE = (
    "Die Schulplatzkonferenz tagt jeden Donnerstag im Schulamt und vergibt die Plätze nach "
    "Alter, Förderstufe und Schulweg."
)
FOOTNOTE = "Gezählt werden Werktage von Montag bis Freitag ohne gesetzliche Feiertage."
LANDSCAPE_INTRO = "Die folgende Übersicht nennt die Förderangebote je Schulform."
MEMBERS = [
    "Anna Beispielfrau (Schulamt)",
    "Bernd Mustermann (Jugendamt)",
    "Cem Fiktiv (Bildungsbüro)",
]


@dataclass(frozen=True)
class OfficeSpec:
    """What a correct extraction of the fixture must contain (and must not)."""

    sentences: tuple[str, ...]
    headings: tuple[str, ...]
    chrome: tuple[str, ...]  # header/footer lines that must not reach any chunk
    table_rows: tuple[str, ...]


OFFICE_SPEC = OfficeSpec(
    sentences=(*COLUMNS, *BODY, AFTER_TABLE, LANDSCAPE_INTRO),
    headings=(
        "Ausgangslage",
        "Anlaufstelle im Bildungsbüro",
        LONG_HEADING,
        "Fristen und Zuständigkeiten",
        "Förderangebote nach Schulform",
        "Mitglieder der Steuerungsgruppe",
    ),
    chrome=(HEADER, "Beispielhausen-Logo"),
    table_rows=(
        "Schritt: Erstberatung; Zuständig: Bildungsbüro; Frist – Ziel: 8 Werktage; "
        "Frist – Ist 2025: 11 Werktage",
        "Schritt: Schulplatz; Zuständig: Schulplatzkonferenz; Frist – Ziel: 14 Kalendertage; "
        "Frist – Ist 2025: 19 Kalendertage",
    ),
)


def _logo_png() -> str:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 80), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, 236, 76), outline="navy", width=4)
    draw.ellipse((14, 14, 66, 66), fill="navy")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _p(text: str, style: str = "Text_20_body") -> str:
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def _h(text: str, level: int) -> str:
    return (
        f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
        f"{escape(text)}</text:h>"
    )


def _cell(text: str, cols: int = 1, rows: int = 1, style: str = "Table_20_Contents") -> str:
    spans = ""
    if cols > 1:
        spans += f' table:number-columns-spanned="{cols}"'
    if rows > 1:
        spans += f' table:number-rows-spanned="{rows}"'
    return (
        f'<table:table-cell table:style-name="Zelle" office:value-type="string"{spans}>'
        f"{_p(text, style)}</table:table-cell>"
    )


_COVERED = "<table:covered-table-cell/>"


def _rows(rows: list[str]) -> str:
    return "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)


def _fristen_table() -> str:
    head = "Table_20_Heading"
    rows = [
        _cell("Schritt", rows=2, style=head)
        + _cell("Zuständig", rows=2, style=head)
        + _cell("Frist", cols=2, style=head)
        + _COVERED,
        _COVERED + _COVERED + _cell("Ziel", style=head) + _cell("Ist 2025", style=head),
        _cell("Erstberatung") + _cell("Bildungsbüro") + _cell("8 Werktage") + _cell("11 Werktage"),
        _cell("Schulplatz")
        + _cell("Schulplatzkonferenz")
        + _cell("14 Kalendertage")
        + _cell("19 Kalendertage"),
    ]
    return (
        '<table:table table:name="Fristen" table:style-name="Tabelle">'
        '<table:table-column table:number-columns-repeated="4"/>'
        f"<table:table-header-rows>{_rows(rows[:2])}</table:table-header-rows>{_rows(rows[2:])}"
        "</table:table>"
    )


def _wide_table() -> str:
    head = ["Schulform", "Förderform", "Wochenstunden", "Gruppengröße", "Dauer", "Nachsorge"]
    rows = [
        ["Grundschule", "Integrative Fördergruppe", "10", "bis 12", "1 Jahr", "6 Monate"],
        ["Sekundarstufe I", "Sprachförderklasse", "15", "bis 15", "2 Jahre", "12 Monate"],
        ["Berufskolleg", "Internationale Förderklasse", "20", "bis 18", "1 Jahr", "keine"],
    ]
    cells = lambda r, s: "".join(_cell(c, style=s) for c in r)  # noqa: E731
    return (
        '<table:table table:name="Angebote" table:style-name="Tabelle">'
        '<table:table-column table:number-columns-repeated="6"/>'
        f"<table:table-header-rows><table:table-row>{cells(head, 'Table_20_Heading')}"
        "</table:table-row></table:table-header-rows>"
        + "".join(
            f"<table:table-row>{cells(r, 'Table_20_Contents')}</table:table-row>" for r in rows
        )
        + "</table:table>"
    )


def _toc() -> str:
    """A real table-of-contents index (as LibreOffice writes it), with dot leaders."""
    entries = [
        ("Ausgangslage", 3),
        ("Anlaufstelle im Bildungsbüro", 3),
        ("Erstberatung und Sprachstandsfeststellung", 3),
        ("Fristen und Zuständigkeiten", 3),
        ("Förderangebote nach Schulform", 4),
        ("Mitglieder der Steuerungsgruppe", 5),
    ]
    lines = "".join(
        f'<text:p text:style-name="Verzeichnis">{escape(t)}<text:tab/>{n}</text:p>'
        for t, n in entries
    )
    return (
        '<text:table-of-content text:name="Inhaltsverzeichnis1">'
        '<text:table-of-content-source text:outline-level="2">'
        "<text:index-title-template>Inhaltsverzeichnis</text:index-title-template>"
        "</text:table-of-content-source><text:index-body>"
        '<text:index-title text:name="Inhaltsverzeichnis1_Head">'
        f"{_p('Inhaltsverzeichnis', 'Titel_20_klein')}</text:index-title>{lines}"
        "</text:index-body></text:table-of-content>"
    )


def fodt() -> str:
    """The fixture concept as flat OpenDocument XML (frame with styles, header, logo and
    footer in ``office_fixture.xml``)."""
    parts = [
        _p("Kommunales Konzept zur Bildungsintegration", "Title"),
        _p("neu zugewanderter Kinder und Jugendlicher in Beispielhausen", "Subtitle"),
        _p("Stand: März 2026 · fiktives Testdokument", "Subtitle"),
        '<text:p text:style-name="Seitenumbruch"/>',
        _toc(),
        '<text:p text:style-name="Seitenumbruch"/>',
        _h("Ausgangslage", 1),
        _p(
            "Beispielhausen hat im Schuljahr 2025/26 rund 430 neu zugewanderte Kinder und "
            "Jugendliche aufgenommen. Das Konzept beschreibt die gemeinsamen Verfahren."
        ),
        '<text:section text:style-name="ZweiSpalten" text:name="Spalten">',
        _h("Anlaufstelle im Bildungsbüro", 2),
        *[_p(t) for t in COLUMNS],
        "</text:section>",
        _h(LONG_HEADING, 2),
        _p(BODY[0][:-1])[:-9]
        + '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1'
        "</text:note-citation><text:note-body>"
        + _p(FOOTNOTE, "Footnote")
        + "</text:note-body></text:note>.</text:p>",
        *[_p(t) for t in BODY[1:]],
        _h("Fristen und Zuständigkeiten", 2),
        _p("Tabelle 1: Fristen und Zuständigkeiten", "Caption"),
        _fristen_table(),
        _p(AFTER_TABLE),
        _h("Förderangebote nach Schulform", 1).replace(
            'text:style-name="Heading_20_1"', 'text:style-name="QuerUeberschrift"'
        ),
        _p(LANDSCAPE_INTRO),
        _p("Tabelle 2: Förderangebote je Schulform", "Caption"),
        _wide_table(),
        _h("Mitglieder der Steuerungsgruppe", 1).replace(
            'text:style-name="Heading_20_1"', 'text:style-name="HochUeberschrift"'
        ),
        '<text:list text:style-name="Aufzaehlung">'
        + "".join(f"<text:list-item>{_p(m, 'Liste')}</text:list-item>" for m in MEMBERS)
        + "</text:list>",
    ]
    template = Path(__file__).with_name("office_fixture.xml").read_text(encoding="utf-8")
    return template.format(logo=_logo_png(), header=escape(HEADER), body="\n".join(parts))


def write_fodt(path: Path) -> Path:
    """Write the fixture concept as a flat ODT file."""
    path.write_text(fodt(), encoding="utf-8")
    return path


def convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """Convert with LibreOffice headless (own profile in ``out_dir``, 120 s limit)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice fehlt: `make office-deps` installiert es.")
    profile = out_dir / ".lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "HOME": str(out_dir)},
    )
    result = out_dir / (source.stem + "." + target_format.split(":")[0])
    if not result.is_file():
        raise RuntimeError(f"LibreOffice hat {result.name} nicht erzeugt.")
    return result


LABELS = {
    "ODT (LibreOffice)": "konzept.odt",
    "DOCX (LibreOffice)": "konzept-word.docx",
    "PDF aus ODT (LibreOffice)": "konzept.pdf",
    "PDF aus DOCX (LibreOffice)": "konzept-word.pdf",
}


def build_office_fixtures(folder: Path) -> dict[str, Path]:
    """The fixture as ODT, DOCX and PDF (from ODT and from DOCX), made by LibreOffice."""
    folder.mkdir(parents=True, exist_ok=True)
    source = write_fodt(folder / "konzept.fodt")
    odt = convert(source, "odt", folder)
    docx = convert(source, "docx", folder).rename(folder / "konzept-word.docx")
    convert(odt, "pdf", folder)
    convert(docx, "pdf", folder)
    return {label: folder / name for label, name in LABELS.items()}


def scanned_pdf(source: Path, target: Path, dpi: int = 200, pages: int = 3) -> Path:
    """An image-only 'scan' of the first ``pages`` pages: grey, slightly skewed, speckled."""
    import random

    import pypdfium2 as pdfium
    from PIL import Image

    document = pdfium.PdfDocument(str(source))
    images = []
    noise = random.Random(7)
    try:
        for index in range(min(pages, len(document))):
            image = document[index].render(scale=dpi / 72).to_pil().convert("L")
            image = image.rotate(0.4, resample=Image.Resampling.BICUBIC, fillcolor=255)
            pixels = image.load()
            for _ in range(image.width * image.height // 20000):
                x, y = noise.randrange(image.width), noise.randrange(image.height)
                pixels[x, y] = noise.choice((0, 160, 255))
            images.append(image)
    finally:
        document.close()
    images[0].save(target, save_all=True, append_images=images[1:], resolution=dpi)
    return target
