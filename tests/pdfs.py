"""Real PDFs made by the tests: German text with the mess of municipal PDFs."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parents[1] / "corpus" / "tools" / "fonts"


class _Pdf(FPDF):
    def __init__(self, header_text: str) -> None:
        super().__init__(format="A4")
        self.header_text = header_text
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(True, margin=25)

    def header(self) -> None:
        self.set_font("DejaVu", "", 8)
        self.cell(0, 8, self.header_text, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 8, f"Seite {self.page_no()} von {{nb}}", align="C")


def make_pdf(
    path: Path,
    pages: list[list[str]],
    header: str = "Stadt Musterhausen · Konzept Neuzuwanderung",
    user_password: str | None = None,
) -> Path:
    """Write a PDF with one list of paragraphs per page; lines starting with '#' are headings."""
    pdf = _Pdf(header)
    pdf.alias_nb_pages()
    for paragraphs in pages:
        pdf.add_page()
        for paragraph in paragraphs:
            if paragraph.startswith("#"):
                pdf.set_font("DejaVu", "B", 13)
                pdf.multi_cell(0, 7, paragraph.lstrip("# "), new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("DejaVu", "", 10.5)
                pdf.multi_cell(0, 5.5, paragraph, align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    if user_password:
        pdf.set_encryption(owner_password="owner-" + user_password, user_password=user_password)
    pdf.output(str(path))
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A 'scanned' PDF: one page with an image and no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).text((20, 80), "Gescannte Seite", fill="black")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    pdf.output(str(path))
    return path


PAGES_MUSTERHAUSEN = [
    [
        "# 1 Erstberatung",
        "In Musterhausen führt das Kommunale Integrationszentrum die Erstberatung für neu "
        "zugewanderte Familien durch. Die Beratung findet im Bildungsbüro am Marktplatz statt "
        "und dauert etwa eine Stunde. Eine Sprachmittlerin oder ein Sprachmittler wird bei "
        "Bedarf hinzugezogen.",
    ],
    [
        "# 2 Sprachstandsfeststellung",
        "Die Sprachstandsfeststellung erfolgt mit dem Musterhausener Sprachprofil. Der Test "
        "dauert 45 Minuten und wird von abgeordneten Lehrkräften für Deutsch als Zweitsprache "
        "durchgeführt. Das Ergebnis bestimmt die Förderstufe.",
    ],
    [
        "# 3 Schulplatzvergabe",
        "Die Schulplatzkonferenz tagt jeden Dienstag im Schulamt. Sie weist den Kindern "
        "innerhalb von zwei Wochen einen Platz an einer wohnortnahen Schule zu. Geschwister "
        "besuchen nach Möglichkeit dieselbe Schule.",
    ],
]
