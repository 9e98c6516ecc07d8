"""Loader building blocks: tables with spans, Markdown and HTML blocks, front matter kinds,
and the new chunk fields in the chunk store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assistant.chunkstore import ChunkStore, read_chunks
from assistant.embed import resolve_model
from assistant.generations import writer_lock
from assistant.store import Index, IndexWriter
from assistant.types import Chunk, DocRecord, DocumentMeta, Page
from ingest.clean import heading_continues, is_toc_entry, mark_headings
from ingest.kinds import page_kind
from ingest.load import load_file
from ingest.loaders.html import html_to_text, is_chrome_line, read_html
from ingest.loaders.markdown import markdown_to_text
from ingest.loaders.tables import TableCell, is_caption, render_table, table_block

from .test_chunk import _chunks

H = True


def test_spans_repeat_down_and_name_across() -> None:
    rows = [
        [TableCell("Kommune", rowspan=2, header=H), TableCell("Frist", colspan=2, header=H)],
        [TableCell("Ziel", header=H), TableCell("Ist", header=H)],
        [TableCell("Haldenberg", rowspan=2), TableCell("5 Tage"), TableCell("7 Tage")],
        [TableCell("6 Tage"), TableCell("8 Tage")],
        [TableCell("Summe", colspan=2), TableCell("15 Tage")],
    ]
    assert render_table(rows) == [
        "Kommune: Haldenberg; Frist – Ziel: 5 Tage; Frist – Ist: 7 Tage",
        "Kommune: Haldenberg; Frist – Ziel: 6 Tage; Frist – Ist: 8 Tage",
        "Kommune / Frist – Ziel: Summe; Frist – Ist: 15 Tage",
    ]


def test_first_row_of_labels_is_the_header_and_hostile_spans_are_bounded() -> None:
    rows = [[TableCell("Schritt"), TableCell("Frist")], [TableCell("Beratung"), TableCell("5")]]
    assert render_table(rows) == ["Schritt: Beratung; Frist: 5"]
    huge = [[TableCell("a", colspan=10**9, rowspan=10**9)], [TableCell("b")]]
    assert len(render_table(huge)) <= 2
    block = table_block(rows, "Tabelle 2: Fristen")
    assert block.splitlines() == ["[Tabelle] Tabelle 2: Fristen", "- Schritt: Beratung; Frist: 5"]


def test_captions_are_labels_not_sentences() -> None:
    assert is_caption("Tabelle 3: Kosten") and is_caption("Tab. 2 – Fristen")
    assert not is_caption("Tabelle 3 fasst den Weg von der Anmeldung zusammen.")


def test_markdown_structure_and_tables() -> None:
    text = markdown_to_text(
        "---\ntitle: x\n---\n# Titel\n\nDas ist **fett** und _kursiv_ mit [Link](http://x).\n\n"
        "1. erstens\n2. zweitens\n\nTabelle 1: Fristen\n\n| Schritt | Frist |\n|---|---|\n"
        "| Beratung | 5 Tage |\n"
    )
    assert text.split("\n\n") == [
        "# Titel",
        "Das ist fett und kursiv mit Link.",
        "- 1. erstens",
        "- 2. zweitens",
        "[Tabelle] Tabelle 1: Fristen\n- Schritt: Beratung; Frist: 5 Tage",
    ]


def test_the_old_emphasis_redos_input_is_fast() -> None:
    import time

    started = time.process_time()  # CPU time: a busy machine does not stretch it
    markdown_to_text("_a " * 13_400)  # 40 KB: 32.9 s with the old regex
    assert time.process_time() - started < 5.0


def test_html_chrome_is_dropped_by_role_name_and_phrase() -> None:
    html = (
        "<html><body><div role='navigation'>Start Über uns</div>"
        "<div class='cookie-hinweis'>Wir nutzen Cookies.</div>"
        "<main><h1>Anmeldung</h1><p>Die Anmeldung erfolgt im Schulamt am Markt 3.</p>"
        "<p>Drucken | Teilen</p><ul><li>Seite teilen</li><li>Pass mitbringen</li></ul></main>"
        "<footer>Impressum</footer></body></html>"
    )
    title, body = html_to_text(html)
    assert title == "Anmeldung"
    assert body.split("\n\n") == [
        "# Anmeldung",
        "Die Anmeldung erfolgt im Schulamt am Markt 3.",
        "- Pass mitbringen",
    ]
    assert is_chrome_line("Druckansicht") and not is_chrome_line("Kontakt zum Schulamt")
    assert is_chrome_line("Zur Navigation springen") and is_chrome_line("Zum Hauptinhalt springen")


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_web_page_saved_as_text_loses_its_chrome_lines(tmp_path: Path, suffix: str) -> None:
    """A page copied as plain text keeps its skip link and share row; without them its
    headline stands on its own line (a heading) instead of running into "Zum Inhalt
    springen" as a sentence."""
    path = tmp_path / f"seite{suffix}"
    path.write_text(
        "Fünf Jahre Internationale Klasse\nZum Inhalt springen\n\n"
        "Die Klasse hat 18 Plätze.\nDrucken | Teilen\nKontakt zum Schulamt\n\n"
        "| Kontakt | E-Mail |\n|---|---|\n| Schulamt | schulamt@feldau.example |\n",
        encoding="utf-8",
    )
    text = load_file(path, path.name).pages[0].text
    assert "Zum Inhalt" not in text and "Teilen" not in text
    assert "Fünf Jahre Internationale Klasse\n" in text
    assert "Die Klasse hat 18 Plätze." in text and "Kontakt zum Schulamt" in text
    assert "schulamt@feldau.example" in text and "E-Mail" in text  # a table keeps its header


def test_list_marks_of_a_page_saved_as_text_become_list_items(tmp_path: Path) -> None:
    """A page copied as plain text keeps its bullets ("  • Antrag …", "▪", "–"): they are
    read as the list items ("- …") the answer quotes together when a question asks for a
    list; a dash inside a line and a hyphenated word stay as they are."""
    path = tmp_path / "anmeldung.txt"
    path.write_text(
        "Bei der Anmeldung im Sekretariat können Sie gleich stellen:\n\n"
        "  • Antrag auf Schülerbeförderung\n  ▪ Anmeldung zur Hortbetreuung\n"
        "– Antrag auf Bildung und Teilhabe\n\nDie Schule – nicht das Amt – nimmt sie an.\n"
        "-Liste ohne Abstand\n",
        encoding="utf-8",
    )
    lines = load_file(path, path.name).pages[0].text.split("\n")
    assert "- Antrag auf Schülerbeförderung" in lines
    assert "- Anmeldung zur Hortbetreuung" in lines
    assert "- Antrag auf Bildung und Teilhabe" in lines
    assert "Die Schule – nicht das Amt – nimmt sie an." in lines
    assert "-Liste ohne Abstand" in lines


def test_html_structure_that_content_extraction_flattens_is_kept() -> None:
    """An accordion entry or a bold line is a heading over its text (not glued to it, not
    lost with its toggle button), a description list and a table of row headers read
    "Begriff: Wert", a line break separates words, a breadcrumb is chrome, and a contact box
    beside the article is kept after it."""
    html = (
        "<html><body><ol class='rootline'><li>Startseite</li><li>Bildung</li></ol>"
        "<main><h1>Neu zugewandert</h1><p>Hier finden Sie alles zur Erstberatung in Feldau.</p>"
        "<p><strong>Wer berät?</strong></p><p>Das KI berät.</p><p><b>Mitbringen:</b></p>"
        "<div class='accordion'><details><summary>Wie läuft die Erstberatung ab?</summary>"
        "<p>Die Erstberatung dauert etwa 45 Minuten.</p></details>"
        "<details><summary>Welche Schule besucht mein Kind?</summary>"
        "<p>Das Schulamt weist innerhalb von 14 Tagen einen Schulplatz zu.</p>"
        "<ul><li>Grundschulkinder gehen zur nächsten Grundschule.</li></ul></details></div>"
        "<div class='accordion-item'><h2><button type='button'>Was kostet es?</button></h2>"
        "<div class='accordion-body'>Die Beratung ist kostenlos.</div></div>"
        "<table><tr><th>Stelle</th><td>Schulamt</td></tr><tr><th>Raum</th><td>12</td>"
        "<td>(2. OG)</td></tr></table>"
        "<div class='tabs'><ul role='tablist'><li role='tab' aria-controls='b'>Sek I</li>"
        "<li role='tab' aria-controls='a'>Primar</li></ul>"
        "<div role='tabpanel' id='a'><p>Kinder gehen zur Grundschule.</p></div>"
        "<div role='tabpanel' id='b' aria-hidden='true'><p>Jugendliche lernen in SFG.</p>"
        "</div></div>"
        "<h2>Sprechzeiten</h2><dl><dt>Montag</dt><dd>9 bis 12 Uhr</dd>"
        "<dt>Donnerstag</dt><dd>14 bis 18 Uhr</dd></dl></main>"
        "<aside><h2>So erreichen Sie uns</h2><p>Integrationszentrum Feldau<br>Marktplatz 4<br>"
        "12345 Feldau</p><p>Telefon: 01234 567-0</p></aside>"
        "<aside><h2>Das könnte Sie interessieren</h2><p><a href='/a'>Kitaplatz finden</a></p>"
        "</aside></body></html>"
    )
    assert html_to_text(html)[1].split("\n\n") == [
        "# Neu zugewandert",
        "Hier finden Sie alles zur Erstberatung in Feldau.",
        "## Wer berät?",
        "Das KI berät.",
        "Mitbringen:",
        "## Wie läuft die Erstberatung ab?",
        "Die Erstberatung dauert etwa 45 Minuten.",
        "## Welche Schule besucht mein Kind?",
        "Das Schulamt weist innerhalb von 14 Tagen einen Schulplatz zu.",
        "- Grundschulkinder gehen zur nächsten Grundschule.",
        "## Was kostet es?",
        "Die Beratung ist kostenlos.",
        "[Tabelle]\n- Stelle: Schulamt\n- Raum: 12; (2. OG)",
        "### Primar",
        "Kinder gehen zur Grundschule.",
        "### Sek I",
        "Jugendliche lernen in SFG.",
        "## Sprechzeiten",
        "- Montag: 9 bis 12 Uhr",
        "- Donnerstag: 14 bis 18 Uhr",
        "## So erreichen Sie uns",
        "Integrationszentrum Feldau Marktplatz 4 12345 Feldau",
        "Telefon: 01234 567-0",
    ]


def test_wrapped_heading_is_joined_into_one_section_label() -> None:
    lines = [
        "3.1 Erstberatung (ersetzt Abschnitt 3.2 des Konzepts vom",
        "1. März 2024)",
        "Die Erstberatung findet im Rathaus statt.",
    ]
    assert mark_headings(lines)[0] == (
        "## 3.1 Erstberatung (ersetzt Abschnitt 3.2 des Konzepts vom 1. März 2024)"
    )
    assert heading_continues("4 Zusammenarbeit mit der") and not heading_continues("4 Eltern")


def test_toc_and_title_pages_are_marked() -> None:
    toc = "Inhaltsverzeichnis\n1 Einleitung ........ 3\n2 Ziele ....... 4\n3 Wege . . . . 5"
    toc += "\n4 Ausblick … … 6"
    assert page_kind(toc, 2) == "toc"
    assert page_kind("Kommunales Konzept\nStadt Beispiel\nStand 2026", 1) == "title"
    long_page = " ".join(["Die Stadt berät alle Familien ausführlich und pünktlich."] * 20)
    assert page_kind(long_page, 1) == ""
    assert is_toc_entry("2.1 Erstberatung ......... 12") and not is_toc_entry("Seite 12")


def test_member_sections_are_marked_but_prose_in_them_is_not() -> None:
    page = Page(
        "k.pdf",
        5,
        "# 9 Mitglieder der Steuerungsgruppe\n\n- Anna Beispiel (Schulamt)\n\n"
        "- Bernd Muster (Jugendamt)\n\nDie Steuerungsgruppe trifft sich viermal im Jahr und "
        "berichtet dem Ausschuss für Schule und Bildung über den Stand der Umsetzung.",
    )
    chunks = _chunks([page])
    kinds = {c.kind for c in chunks if "Beispiel" in c.text}
    assert kinds == {"members"}
    assert all(not c.front_matter for c in chunks if "viermal" in c.text)


def test_new_chunk_fields_are_stored_and_old_stores_get_defaults(tmp_path: Path) -> None:
    model = resolve_model("")
    meta = DocumentMeta(doc_id="a.docx", title="A")
    chunk = Chunk("c1", "a.docx", 0, "Text der Tabelle", "T", 1, 1, (), meta, "table", True, False)
    record = DocRecord(meta, str(tmp_path / "a.docx"), "h", "f", 1, 1, "2026-01-01T00:00:00Z")
    with writer_lock(tmp_path / "data") as lock:
        writer = IndexWriter.start(lock, model)
        writer.put_document(record, [chunk])
        writer.publish()
    stored = Index.open(tmp_path / "data", model).chunks()[0]
    assert (stored.kind, stored.ocr, stored.paged) == ("table", True, False)

    db = sqlite3.connect(tmp_path / "old.sqlite")  # the first schema, without the new columns
    db.execute("CREATE TABLE documents (doc_id TEXT PRIMARY KEY, meta TEXT NOT NULL)")
    db.execute(
        "CREATE TABLE chunks (chunk_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, position INTEGER "
        "NOT NULL, text TEXT NOT NULL, section TEXT NOT NULL, page_start INTEGER NOT NULL, "
        "page_end INTEGER NOT NULL, page_breaks TEXT NOT NULL)"
    )
    db.execute("INSERT INTO chunks VALUES ('c', 'd', 0, 't', '', 1, 1, '[]')")
    db.commit()
    db.close()
    # A published generation of the old schema is read read-only, with the defaults ...
    assert [(c.kind, c.ocr, c.paged) for c in read_chunks(tmp_path / "old.sqlite")] == [
        ("", False, True)
    ]
    # ... and a writer's copy of it gets the new columns.
    ChunkStore(tmp_path / "old.sqlite").close()
    db = sqlite3.connect(tmp_path / "old.sqlite")
    columns = {row[1] for row in db.execute("PRAGMA table_info(chunks)")}
    db.close()
    assert {"kind", "ocr", "paged"} <= columns


def test_an_inference_basis_lives_and_dies_with_its_document(tmp_path: Path) -> None:
    """What a municipality is inferred from is stored with the document, replaced when the
    document is stored again (none once the manifest gives the municipality) and removed with
    it; a store of an older schema gets the table."""
    meta = DocumentMeta(doc_id="a.txt", title="A")
    record = DocRecord(meta, str(tmp_path / "a.txt"), "h", "f", 1, 0, "2026-01-01T00:00:00Z")
    other = DocRecord(
        DocumentMeta(doc_id="b.txt", title="B"), "b", "h2", "f", 1, 0, "2026-01-01T00:00:00Z"
    )
    store = ChunkStore(tmp_path / "s.sqlite")
    store.put(record, [], b"erste")
    store.put(other, [], b"andere")
    store.put(record, [], b"zweite")
    assert store.basis_ids() == {"a.txt", "b.txt"}
    assert (store.basis("a.txt"), store.basis("b.txt")) == (b"zweite", b"andere")
    store.put(record, [])
    store.remove("b.txt")
    assert store.basis_ids() == set() and store.basis("a.txt") is None
    store.close()

    db = sqlite3.connect(tmp_path / "old.sqlite")  # a generation stored before the table
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.commit()
    db.close()
    assert ChunkStore(tmp_path / "old.sqlite").basis_ids() == set()


def test_a_heading_in_one_column_beside_text_in_the_other_keeps_both_columns(
    tmp_path: Path,
) -> None:
    """Two columns where a column's heading stands level with a line of the other column and
    the rows around it hold one column's text only (LibreOffice two-column layout): the
    heading stays a heading and no sentence takes in words of the other column."""
    from fpdf import FPDF

    from ingest.load import load_file

    from .pdfs import FONT_DIR

    left = [
        ("# 1 Ausgangslage", 0),
        ("Im Jahr 2022 wurden in der Servicestelle", 2),
        ("insgesamt 1.384 Kinder erstmals beraten.", 3),
        ("Die Zusammensetzung hat sich verändert.", 4),
        ("Neben Familien aus der Ukraine kommen", 5),
        ("weiterhin Kinder aus Syrien und aus", 6),
        ("Rumänien. Rund ein Fünftel der", 7),
        ("Jugendlichen hatte vor der Ankunft", 8),
        ("keine Schule regelmäßig besucht.", 9),
    ]
    right = [
        ("1. Jedes Kind erhält schnell einen", 0),
        ("Schulplatz ohne lange Wartezeiten.", 1),
        ("2. Die Förderung richtet sich nach", 2),
        ("dem Sprachstand, nicht nach dem Alter.", 3),
        ("3. Eltern werden früh einbezogen.", 4),
        ("Als Zielwert gelten 20 Werktage.", 5),
        ("# 1.3 Rechtlicher Rahmen", 8),
        ("Die Schulpflicht beginnt mit dem", 10),
        ("Zuzug, unabhängig vom Status.", 11),
    ]
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    for x, lines in ((20, left), (110, right)):
        for text, row in lines:
            heading = text.startswith("#")
            pdf.set_font("DejaVu", "B" if heading else "", 13 if heading else 10)
            pdf.set_xy(x, 40 + 6 * row)
            pdf.cell(80, 5, text.lstrip("# "))
    path = tmp_path / "zweispaltig.pdf"
    pdf.output(str(path))
    text = load_file(path, "zweispaltig.pdf").pages[0].text
    assert "Jugendlichen hatte vor der Ankunft keine Schule regelmäßig besucht." in text
    assert "# 1.3 Rechtlicher Rahmen" in text and "# 1 Ausgangslage" in text
    assert "1. Jedes Kind erhält schnell einen Schulplatz ohne lange Wartezeiten." in text
    assert text.index("besucht.") < text.index("1. Jedes Kind") < text.index("Rechtlicher")


def test_a_ruled_table_cell_wrapped_at_a_hyphen_reads_as_one_word(tmp_path: Path) -> None:
    """A narrow header cell "DaZ-" / "Lehrerstellen" names the column "DaZ-Lehrerstellen";
    "Schul-" / "leitung" is "Schulleitung"; "Lese- und" / "Sprachpaten" keeps its space."""
    from fpdf import FPDF

    from ingest.load import load_file

    from .pdfs import FONT_DIR

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(0, 6, "Die Tabelle zeigt die Stellen der Schulen im Jahr 2024.")
    rows = [
        ("Schule", "DaZ-\nLehrerstellen", "Schul-\nleitung", "Lese- und\nSprachpaten"),
        ("Gesamtschule Nord", "4,5", "ja", "12"),
        ("Realschule Mitte", "2,0", "nein", "7"),
    ]
    with pdf.table(col_widths=(60, 30, 30, 30), first_row_as_headings=False) as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)
    path = tmp_path / "tabelle.pdf"
    pdf.output(str(path))
    text = load_file(path, "tabelle.pdf").pages[0].text
    assert (
        "- Schule: Gesamtschule Nord; DaZ-Lehrerstellen: 4,5; Schulleitung: ja; "
        "Lese- und Sprachpaten: 12"
    ) in text


def test_punctuation_after_a_bold_phrase_joins_the_phrase(tmp_path: Path) -> None:
    """A full stop or comma set in the regular font after bold words is a word of its own
    for the extractor; it joins the bold word ("Schüler." not "Schüler .")."""
    from fpdf import FPDF

    from ingest.load import load_file

    from .pdfs import FONT_DIR

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(
        0,
        6,
        "Eine Gruppe umfasst **höchstens 16 Schüler**. Die Gruppe tagt **viermal im Jahr**, "
        "meist montags im Rathaus.",
        markdown=True,
    )
    path = tmp_path / "fett.pdf"
    pdf.output(str(path))
    text = load_file(path, "fett.pdf").pages[0].text
    assert "umfasst höchstens 16 Schüler. Die Gruppe tagt viermal im Jahr, meist" in text


def _aligned_pdf(path: Path, blocks: list[tuple[str, object]]) -> str:
    """A one-page PDF of paragraphs ("p", text) and lines set at tab stops ("tab", rows of
    (x in mm, text, bold)); the page text as ingest reads it."""
    from fpdf import FPDF

    from ingest.load import load_file

    from .pdfs import FONT_DIR

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    for kind, content in blocks:
        if kind == "p":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5, str(content))
            pdf.ln(3)
            continue
        for row in content:  # type: ignore[attr-defined]
            top = pdf.get_y()
            for x, text, bold in row:
                pdf.set_font("DejaVu", "B" if bold else "", 10)
                pdf.set_xy(x, top)
                pdf.cell(0, 5, text)
            pdf.set_y(top + 5.5)
        pdf.ln(3)
    pdf.output(str(path))
    return load_file(path, path.name).pages[0].text


_LEAD = (
    "Die Übersicht nennt die Fristen der einzelnen Schritte, wie sie der Arbeitskreis "
    "im Jahr 2024 vereinbart hat, und die Stellen, die für sie zuständig sind."
)
_TAIL = (
    "Die Schulplatzkonferenz tagt jeden Donnerstag im Schulamt und vergibt die Plätze "
    "nach Alter, Förderstufe und Schulweg der Kinder."
)


def test_a_table_set_at_tab_stops_reads_as_table_rows(tmp_path: Path) -> None:
    """Columns aligned without ruling lines (bold header, a cell wrapped onto a second
    line) are table rows, not runs of words or a second text column."""
    rows = [
        [(20, "Schritt", True), (70, "Zuständig", True), (130, "Frist", True)],
        [(20, "Erstberatung", False), (70, "Bildungsbüro", False), (130, "8 Werktage", False)],
        [(20, "Sprachstand", False), (70, "Schulamt und", False), (130, "10 Werktage", False)],
        [(70, "Kommunales Integrationszentrum", False)],
        [(20, "Schulplatz", False), (70, "Schulplatzkonferenz", False), (130, "3 Wochen", False)],
    ]
    text = _aligned_pdf(tmp_path / "tabstopps.pdf", [("p", _LEAD), ("tab", rows), ("p", _TAIL)])
    assert text.split("\n\n")[1].splitlines()[1:] == [
        "- Schritt: Erstberatung; Zuständig: Bildungsbüro; Frist: 8 Werktage",
        "- Schritt: Sprachstand; Zuständig: Schulamt und Kommunales Integrationszentrum; "
        "Frist: 10 Werktage",
        "- Schritt: Schulplatz; Zuständig: Schulplatzkonferenz; Frist: 3 Wochen",
    ]
    assert _TAIL in text


def test_labels_at_a_tab_stop_read_as_labelled_values_but_a_numbered_list_does_not(
    tmp_path: Path,
) -> None:
    hours = [
        [(20, "Montag", False), (60, "9 bis 12 Uhr", False)],
        [(20, "Dienstag", False), (60, "14 bis 18 Uhr", False)],
        [(20, "Donnerstag", False), (60, "9 bis 12 Uhr und 14 bis 16 Uhr", False)],
    ]
    numbered = [
        [(20, "1.", False), (30, "Die Familie meldet das Kind im Bürgerbüro an.", False)],
        [(20, "2.", False), (30, "Das KI lädt zur Erstberatung ein.", False)],
        [(20, "3.", False), (30, "Das Schulamt weist einen Schulplatz zu.", False)],
    ]
    text = _aligned_pdf(
        tmp_path / "liste.pdf", [("p", _LEAD), ("tab", hours), ("tab", numbered), ("p", _TAIL)]
    )
    assert "- Montag: 9 bis 12 Uhr\n- Dienstag: 14 bis 18 Uhr\n" in text
    assert "1. Die Familie meldet das Kind im Bürgerbüro an." in text
    assert "[Tabelle]" not in text.split("- Donnerstag")[1]


@pytest.mark.parametrize("metadata_title", ["Microsoft Word - konzept_v3.docx", "Dokument1", ""])
def test_a_pdf_without_a_usable_metadata_title_takes_its_title_page_heading(
    tmp_path: Path, metadata_title: str
) -> None:
    """A placeholder or file name in the metadata names no document; the largest heading
    of the first page does (not a smaller note above it)."""
    from fpdf import FPDF

    from ingest.load import load_file

    from .pdfs import FONT_DIR

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    if metadata_title:
        pdf.set_title(metadata_title)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(0, 6, "Entwurf zur Beratung", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 20)
    pdf.multi_cell(0, 10, "Kommunales Konzept Neuzuwanderung Feldau", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(
        0,
        5,
        "Die Stadt Feldau beschreibt hier, wie neu zugewanderte Kinder und "
        "Jugendliche einen Schulplatz erhalten und gefördert werden.",
    )
    path = tmp_path / "konzept.pdf"
    pdf.output(str(path))
    assert load_file(path, "konzept.pdf").title == "Kommunales Konzept Neuzuwanderung Feldau"


@pytest.mark.parametrize(
    "markup",
    [
        '<time datetime="2024-05-02">2. Mai 2024</time>',
        '<figure><img src="team.png"><figcaption>Das Team des KI</figcaption></figure>',
        "<button>Mehr anzeigen</button>",
        "<label>Sprache</label><select><option>Deutsch</option></select>",
        "<fieldset>Formular</fieldset>",  # caught by the extractor's precision mode
    ],
)
def test_markup_that_flattens_an_article_is_unwrapped(markup: str) -> None:
    """A date, figure, button or form field in an article made the content extractor glue
    the whole article into one paragraph and drop its headings; so did a line above the
    title ("Veröffentlicht am …")."""
    html = (
        "<html><head><meta name='date' content='2024-05-02'></head><body><article>"
        "<h1>Anmeldung</h1><p>Die Anmeldung erfolgt im Schulamt am Markt 3.</p>"
        f"<h2>Unterlagen</h2><p>Bitte bringen Sie den Pass mit.</p><p>Stand {markup}</p>"
        "</article></body></html>"
    )
    page = read_html(html)
    assert page.text.split("\n\n")[:4] == [
        "# Anmeldung",
        "Die Anmeldung erfolgt im Schulamt am Markt 3.",
        "## Unterlagen",
        "Bitte bringen Sie den Pass mit.",
    ]
    assert "Mehr anzeigen" not in page.text and "Deutsch" not in page.text
    assert page.dated == "2024-05-02"
    above = html.replace("<h1>", "<div class='meta'>Veröffentlicht am 2. Mai 2024</div><h1>")
    assert read_html(above).text.split("\n\n")[:4] == page.text.split("\n\n")[:4]


def test_a_web_page_without_a_stand_in_its_text_is_dated_by_its_metadata() -> None:
    from ingest.infer import infer_metadata

    html = (
        "<html><head><meta property='article:modified_time' content='2024-03-12T10:00:00+01:00'>"
        "<meta name='date' content='2023-01-01'></head><body><main><h1>Erstberatung</h1>"
        "<p>Die Erstberatung findet im Rathaus statt.</p></main></body></html>"
    )
    page = read_html(html)
    pages = [Page("seite.html", 1, page.text)]
    assert infer_metadata(pages, page.title, "html", dated=page.dated).stand == "2024-03-12"
    stated = [Page("seite.html", 1, page.text + "\n\nStand: 1. Juni 2025")]
    assert infer_metadata(stated, page.title, "html", dated=page.dated).stand == "2025-06-01"


def test_a_dateline_or_the_adjective_of_a_name_ending_in_a_vowel_places_a_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A news item's dateline ("Lindenau-Ostmoor. Der Unterricht …") names where it happens,
    and "Die Wendaer Schulen" is the adjective of "Wenda", a name ending in a vowel like
    "Jena": both are uses only a place's name has (fictional names, listed as towns outside
    NRW). A name opening a paragraph without a dateline's full stop or dash is no such use."""
    from assistant import gazetteer
    from ingest.infer import infer_metadata

    listed = frozenset({"lindenau-ostmoor", "wenda"})
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: listed)

    def kommune(text: str, file_name: str) -> str:
        return infer_metadata([Page(file_name, 1, text)], "", file_name=file_name).kommune

    dateline = (
        "Licht und Schatten bei den Klassen\n\nLehrerin mit Schülern der Klasse.\n\n"
        "Lindenau-Ostmoor. Der Unterricht in den DaZ-Klassen läuft. 14 Kinder lernen dort."
    )
    assert kommune(dateline, "lindenau-ostmoor_daz_klassen.txt") == "Lindenau-Ostmoor"
    adjective = "Wendaer Schulen verteilen die Kinder\n\nDie Wendaer Schulen sehen sich einig."
    assert kommune(adjective, "wenda_einschulung.txt") == "Wenda"
    loose = "Licht und Schatten\n\nLindenau-Ostmoor hat viele Klassen und Lehrer"
    assert kommune(loose, "lindenau-ostmoor_daz_klassen.txt") == ""


def test_a_town_named_only_by_its_adjective_after_an_article_places_a_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A school's page that names its town only as "nach Beschluss des Wexhausener Stadtrats"
    belongs to that town: the article before the adjective is its noun's ("des … Stadtrats"),
    not the name's, as in "das Essen". Before, such a file had no municipality (a neutrally
    named page of a Munich vocational school; fictional name here, listed as a town outside
    NRW)."""
    from assistant import gazetteer
    from ingest.infer import infer_metadata

    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset({"wexhausen"}))
    text = (
        "Schulprofil\n\nUnsere Schule ist ein Kompetenzzentrum für Neuzugewanderte. Sie wurde "
        "nach Beschluss des Wexhausener Stadtrats im August 2016 gegründet.\n\n"
        "Der Unterricht steht Jugendlichen offen, die erst kurz in Deutschland leben."
    )
    page = [Page("dokument_13.txt", 1, text)]
    assert infer_metadata(page, "", file_name="dokument_13.txt").kommune == "Wexhausen"
    noun = text.replace("des Wexhausener Stadtrats", "des Stadtrats")
    page = [Page("dokument_13.txt", 1, noun)]
    assert infer_metadata(page, "", file_name="dokument_13.txt").kommune == ""


def test_a_town_named_short_and_in_full_is_one_municipality() -> None:
    """A page that names "der Stadt Wendau am Main" and "der Stadt Wendau" speaks of one
    town: the short form counts for the full name. Before, the two forms split the page's
    mentions and it had no municipality. (Fictional name.)"""
    from ingest.infer import infer_metadata

    text = (
        "Ehrenamtskreis erhält Preis für Flüchtlingshilfe 2018 der Stadt Wendau.\n\n"
        "Der Ehrenamtskreis Hausaufgabenbetreuung ist mit dem Preis für Flüchtlingshilfe der "
        "Stadt Wendau am Main ausgezeichnet worden. Rund 25 Ehrenamtliche üben mit den Kindern."
    )
    page = [Page("dokument_07.txt", 1, text)]
    assert infer_metadata(page, "", file_name="dokument_07.txt").kommune == "Stadt Wendau am Main"


def test_a_kreis_named_in_full_is_no_other_kreis_sharing_a_word() -> None:
    """The "Westau-Lindtal-Kreis" shares "Lindtal" with the "Nordau-Lindtal-Kreis" the
    corpus knows, but it is another Kreis: a page naming it in full does not belong to the
    known one (a page on the Rheingau-Taunus-Kreis was filed under the Main-Taunus-Kreis).
    The known Kreis named in full still counts, and a question naming both compares them.
    (Fictional names.)"""
    from assistant.places import Municipalities, coordinated
    from ingest.infer import infer_metadata

    known = ("Nordau-Lindtal-Kreis",)
    other = (
        "InteA-Klassen ziehen Bilanz\n\nDie Beruflichen Schulen im Westau-Lindtal-Kreis haben "
        "seit 2016 drei InteA-Klassen. 34 Jugendliche lernen dort Deutsch."
    )
    own = "InteA im Nordau-Lindtal-Kreis\n\nDer Nordau-Lindtal-Kreis hat zwei InteA-Klassen."
    assert infer_metadata([Page("a.txt", 1, other)], "", known=known).kommune != known[0]
    assert infer_metadata([Page("b.txt", 1, own)], "", known=known).kommune == known[0]
    municipalities = Municipalities.of(["Nordau-Lindtal-Kreis", "Rhein-Sieg-Kreis"])
    assert municipalities.mentioned("im Westau-Lindtal-Kreis") == []
    assert municipalities.mentioned("im Nordau-Lindtal-Kreis") == ["Nordau-Lindtal-Kreis"]
    assert municipalities.mentioned("des Rhein-Sieg-Kreises") == ["Rhein-Sieg-Kreis"]
    # ... and a question naming both compares them
    both = ["Nordau-Lindtal-Kreis", "Westau-Lindtal-Kreis"]
    assert coordinated(
        "Wie viele lernen im Westau-Lindtal-Kreis und im Nordau-Lindtal-Kreis?", both
    )
    # a Kreis whose name has only generic words names none of them by being a Kreis
    towns = ["Feldau", "Haldenberg"]
    assert not coordinated("Wie viele lernen im Rhein-Main-Kreis und in Haldenberg?", towns)
