"""German sentence splitting."""

from __future__ import annotations

import pytest

from assistant import gazetteer
from assistant.sentences import (
    ends_sentence,
    is_heading_line,
    is_table_row,
    row_cells,
    split_sentences,
)


def test_abbreviations_do_not_split() -> None:
    text = "Das KI berät z. B. Eltern bzw. Vormünder. Die Schule informiert u. a. über HSU."
    assert split_sentences(text) == [
        "Das KI berät z. B. Eltern bzw. Vormünder.",
        "Die Schule informiert u. a. über HSU.",
    ]


def test_a_street_written_short_before_its_number_does_not_split() -> None:
    """A contact block "Frau Muster Lindenstr. 5 | 01234 Feldau Tel. …": split after the
    street, the phone number stood in a "sentence" of its own without the office it reaches."""
    block = "Jugendamt Feldau | Frau Muster Lindenstr. 5 | 01234 Feldau Tel. 01234 567-89"
    assert split_sentences(block) == [block]
    assert split_sentences("Sie wohnt in der Goethe-Str. 12. Dort ist es ruhig.") == [
        "Sie wohnt in der Goethe-Str. 12.",
        "Dort ist es ruhig.",
    ]


def test_abbreviated_municipal_types_do_not_split() -> None:
    """ "Lkr. Neu-Ulm" is one question: split, its last half was asked alone and lost both
    its place and its "Wie lange"."""
    text = "Wie lange bleibt ein Kind im Lkr. Feldau in der Klasse? Und im Kr. Wendau?"
    assert split_sentences(text) == [
        "Wie lange bleibt ein Kind im Lkr. Feldau in der Klasse?",
        "Und im Kr. Wendau?",
    ]


def test_a_town_that_writes_its_name_short_does_not_split(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Hann. Wendau" (a fictional town listed like "Hann. Münden") is one name: split
    after "Hann.", a sentence lost its subject and a dateline its place. A town that only
    ends with such a word ("in Hann. Das …") still ends its sentence."""
    monkeypatch.setattr(gazetteer, "_folded_names", lambda: frozenset({"hann. wendau"}))
    text = (
        "Hann. Wendau. Die Hauptschule in Hann. Wendau unterrichtet ab 1. November. "
        "Er wohnt in Hann. Das ist neu."
    )
    assert split_sentences(text) == [
        "Hann. Wendau.",
        "Die Hauptschule in Hann. Wendau unterrichtet ab 1. November.",
        "Er wohnt in Hann.",
        "Das ist neu.",
    ]


def test_dates_and_ordinals_do_not_split() -> None:
    text = "Die Regel gilt ab dem 1. Februar 2025. Schüler der 10. Klasse wechseln."
    assert split_sentences(text) == [
        "Die Regel gilt ab dem 1. Februar 2025.",
        "Schüler der 10. Klasse wechseln.",
    ]
    text = "Das Camp findet vom 24. – 28. Oktober 2022 statt. Danach beginnt die Schule."
    assert split_sentences(text) == [
        "Das Camp findet vom 24. – 28. Oktober 2022 statt.",
        "Danach beginnt die Schule.",
    ]


def test_an_ordinal_by_its_form_does_not_split_before_any_noun() -> None:
    """A number after an article, a possessive or joined to an ordinal is one, whatever noun
    it counts;
    a bare number at the end of a sentence, or an elliptic ordinal before an article, still
    ends it."""
    text = (
        "Der Kurs ist für die 3. und 4. Schuljahre gedacht. "
        "Die AG trifft sich in der 7. Unterrichtsstunde. "
        "Das Land hat seit Freitag sein 50. Kommunales Integrationszentrum. "
        "Im Jahrgang 5./6. Ausbildungsjahr gilt das nicht. "
        "Gezählt wurden 14. Danach kamen weitere. "
        "Sie wechseln spätestens nach der 4. Die Quote ist hoch."
    )
    assert split_sentences(text) == [
        "Der Kurs ist für die 3. und 4. Schuljahre gedacht.",
        "Die AG trifft sich in der 7. Unterrichtsstunde.",
        "Das Land hat seit Freitag sein 50. Kommunales Integrationszentrum.",
        "Im Jahrgang 5./6. Ausbildungsjahr gilt das nicht.",
        "Gezählt wurden 14.",
        "Danach kamen weitere.",
        "Sie wechseln spätestens nach der 4.",
        "Die Quote ist hoch.",
    ]


def test_a_roman_numeral_after_a_noun_ends_a_sentence() -> None:
    """A Roman numeral ("Sekundarstufe I.") ends a sentence; "i. d. R." and an initial after
    "Frau" do not."""
    text = (
        "Das gilt bis zur Sekundarstufe I. Die Zahl der Gruppen stieg. "
        "Sie gilt i. d. R. für alle. Auskunft gibt Frau I. Muster im KI."
    )
    assert split_sentences(text) == [
        "Das gilt bis zur Sekundarstufe I.",
        "Die Zahl der Gruppen stieg.",
        "Sie gilt i. d. R. für alle.",
        "Auskunft gibt Frau I. Muster im KI.",
    ]


def test_list_items_and_table_rows_are_units() -> None:
    text = "Kriterien sind:\n- Alter\n- Schulweg\nA | B | C"
    assert split_sentences(text) == ["Kriterien sind:", "- Alter", "- Schulweg", "A | B | C"]


def test_the_number_of_a_numbered_item_stays_with_its_text() -> None:
    """ "- 1. Er beschreibt …" is one item; "- 1." alone was quoted as an answer sentence."""
    text = "Der Rahmen hat zwei Ziele:\n\n- 1. Er beschreibt den Ablauf.\n\n- b. Er nennt Fristen."
    assert split_sentences(text) == [
        "Der Rahmen hat zwei Ziele:",
        "- 1. Er beschreibt den Ablauf.",
        "- b. Er nennt Fristen.",
    ]
    assert split_sentences("1. Anmeldung beim KI. 2. Beratung.") == [
        "1. Anmeldung beim KI.",
        "2. Beratung.",
    ]


def test_an_item_numbered_by_a_letter_starts_a_sentence() -> None:
    """An answer to a parliamentary question runs its items on in one line: "… 155 (darunter
    57 unter 16 Jahre). b) Wie viele …?" held the figure and the next question in one
    "sentence", which ended with a question mark and was never quoted. A letter after a
    legal abbreviation ("lit. a)", "Buchst. b)") names a provision and splits nothing."""
    text = (
        "Ich frage die Landesregierung: 1. a) Wie viele Kinder hat der Kreis aufgenommen? Es "
        "sind 155 (darunter 57 unter 16 Jahre). b) Wie viele folgen noch? Das ist offen. ii) "
        "Weitere Angaben fehlen."
    )
    assert split_sentences(text) == [
        "Ich frage die Landesregierung: 1. a) Wie viele Kinder hat der Kreis aufgenommen?",
        "Es sind 155 (darunter 57 unter 16 Jahre).",
        "b) Wie viele folgen noch?",
        "Das ist offen.",
        "ii) Weitere Angaben fehlen.",
    ]
    for one in (
        "Das gilt nach Abs. 2 lit. a) der Verordnung.",
        "Nach Nr. 3 Buchst. b) gilt das.",
        "Die Schule informiert u. a. über HSU.",
    ):
        assert split_sentences(one) == [one]


def test_a_table_row_is_never_split() -> None:
    """An ordinal in a cell ("4. OG") is no sentence end; a row keeps its first cell."""
    row = "- Stelle: Schulamt; Anschrift: Rathausplatz 3, 4. OG; Kontakt: 0299 44-0"
    assert split_sentences(f"[Tabelle] Ansprechstellen\n{row}") == [
        "[Tabelle] Ansprechstellen",
        row,
    ]
    item = "- Die Gruppe trifft sich montags. Danach geht es weiter."  # a list item, no row
    assert split_sentences(item) == ["- Die Gruppe trifft sich montags.", "Danach geht es weiter."]


def test_question_and_quote_endings() -> None:
    assert split_sentences("Wer berät? Das „KI.“ Danach die Schule!") == [
        "Wer berät?",
        "Das „KI.“",
        "Danach die Schule!",
    ]


def test_row_cells_reads_a_table_row_and_nothing_else() -> None:
    row = "- Stelle: Schulamt; Anschrift: Rathausplatz 3, 4. OG; Fortsetzung ohne Spalte"
    assert row_cells(row) == [
        ("Stelle", "Schulamt"),
        ("Anschrift", "Rathausplatz 3, 4. OG"),
        ("Fortsetzung ohne Spalte", ""),
    ]
    assert row_cells("Stelle: Schulamt; Anschrift: Rathausplatz 3") == []  # no row marker


def test_a_table_row_has_two_labelled_cells_at_least() -> None:
    assert is_table_row("- Projekt: Lesepaten; Anzahl: 40")
    assert not is_table_row("- bei Alleinsorge: Nachweis über das Sorgerecht.")
    assert not is_table_row("Die Beratung ist kostenlos; sie dauert: eine Stunde.")


def test_a_line_of_its_own_without_sentence_end_is_a_heading() -> None:
    text = (
        "Erstberatung für Seiteneinsteiger\n\nDas KI berät montags.\n\n- Termin nach "
        "Absprache\n\nMehr unter www.example.org"
    )
    assert is_heading_line("Erstberatung für Seiteneinsteiger", text)
    assert not is_heading_line("Das KI berät montags.", text)  # a sentence
    assert not is_heading_line("- Termin nach Absprache", text)  # a list item
    assert not is_heading_line("Mehr unter www.example.org", text)  # nothing after it
    assert not is_heading_line("Erstberatung", "Erstberatung für alle")  # no paragraph
    contact = "Telefon: 02888 551-300 Fax: 02888 551-399\n\nMontag bis Freitag"
    assert not is_heading_line("Telefon: 02888 551-300 Fax: 02888 551-399", contact)
    mail = "E-Mail: beratung@wacholderheide.example\n\nSprechzeiten montags"
    assert not is_heading_line("E-Mail: beratung@wacholderheide.example", mail)  # a value
    web = "Internet: www.wacholderheide.example\n\nSprechzeiten montags"
    assert not is_heading_line("Internet: www.wacholderheide.example", web)
    address = "Kommunales Integrationszentrum des Kreises Wacholderheide Koordinierungsstelle "
    address += "Seiteneinstieg Am Kreishaus 3, Gebäude B 48999 Birkenhövel"
    assert not is_heading_line(address, address + "\n\nTelefon: 02888 551-300")
    title = "Schulministerium: Die neuen Erlasse bringen Klarheit"
    assert is_heading_line(title, title + "\n\nDie Neufassung ändert nichts.")
    # a page repeats its headline: first above a skip link, then as a paragraph of its own
    page = f"{title}\nZum Inhalt springen\n\n{title}\n\nDie Neufassung ändert nichts."
    assert is_heading_line(title, page)
    # a clause that gives its value after "ist:" states it; before, the line was a heading
    # and the contact card's only naming of the person was never quoted
    card = "Der Berater Migration für den Schulamtsbezirk Feldau-Land ist: Herr Jan Weber"
    assert not is_heading_line(card, card + "\n\nMittelschule Feldau")
    # a line of opening hours states times; before, it was a heading and never an answer
    hours = "Sprechzeiten\n\nDi\n\n09:00 – 12:00 Uhr und 13:00 – 18:00 Uhr\n\nMo–Fr 8 Uhr\n\nTel."
    assert not is_heading_line("09:00 – 12:00 Uhr und 13:00 – 18:00 Uhr", hours)
    assert not is_heading_line("Mo–Fr 8 Uhr", hours)
    assert is_heading_line("Sprechzeiten", hours)
    assert is_heading_line(
        "3.12 Sprechzeiten der Beratungsstelle", "3.12 Sprechzeiten der Beratungsstelle\n\nText"
    )
    named = "Zuständig für die Erstberatung sind: Frau Roth und Herr Weber"
    assert not is_heading_line(named, named + "\n\nTelefon: 02888 551-300")
    assert ends_sentence("Sie sagt: „Gut.“") and ends_sentence("(siehe unten.)")
    assert not ends_sentence("Stand 20.09.2023 ")


def test_office_hours_under_their_label_are_one_statement() -> None:
    """A web page sets office hours as a label line over a time line; alone, the time would
    be a heading and the days a heading over it. A time under a sentence, a heading with a
    number and a longer label stay as they are."""
    text = (
        "Unsere Öffnungszeiten\n\nMontag bis Freitag\n\n08.30-12.00 Uhr\n\n"
        "Dienstag und Donnerstag\n\n14.00-17.00 Uhr\n\nUnsere Postanschrift:"
    )
    units = split_sentences(text)
    assert units[1:3] == [
        "Montag bis Freitag: 08.30-12.00 Uhr",
        "Dienstag und Donnerstag: 14.00-17.00 Uhr",
    ]
    assert not is_heading_line(units[2], text)
    assert is_heading_line(units[0], text)
    after = "Die Beratung ist offen.\n\n9.00-12.00 Uhr\n\n3.1 Sprechzeiten\n\n9:00 bis 11:30"
    assert split_sentences(after) == [
        "Die Beratung ist offen.",
        "9.00-12.00 Uhr",
        "3.1 Sprechzeiten",
        "9:00 bis 11:30",
    ]


def test_a_line_that_dates_something_is_no_heading() -> None:
    """ "1. Januar 2023 bis 31. Dezember 2024 gefördert durch das Land" on a line of its own
    states when a project is funded (it was taken for a heading and never quoted, and "Bis
    wann …?" was answered by the line after it); a dated title line states its date."""
    funded = "1. Januar 2023 bis 31. Dezember 2024 gefördert durch das Land Niedersachsen"
    session = "Sitzung des Schulausschusses am 26.11.2015"
    text = f"Laufzeit des Projektes\n\n{funded}\n\n{session}\n\nDie Kurse beginnen bald."
    assert not is_heading_line(funded, text)
    assert not is_heading_line(session, text)
    assert is_heading_line("Laufzeit des Projektes", text)
    # a date alone dates nothing: a page's date line is no answer
    assert is_heading_line("12. Juli 2019", "12. Juli 2019\n\nDie Kurse beginnen bald.")


def test_a_quoted_title_ending_in_a_question_mark_goes_on() -> None:
    """A title in quotation marks that ends in "?" or "!" ends no sentence where the text goes
    on in lower case: split there, the book's title stood alone and the sentence saying what
    was read lost it."""
    text = "Das Buch „Wer hat mein Eis gegessen?“ von Eva Roth wurde vorgelesen. Danach gab es Eis."
    assert split_sentences(text) == [
        "Das Buch „Wer hat mein Eis gegessen?“ von Eva Roth wurde vorgelesen.",
        "Danach gab es Eis.",
    ]
    assert split_sentences("Er fragte: „Kommst du?“ Sie kam.") == [
        "Er fragte: „Kommst du?“",
        "Sie kam.",
    ]


def test_a_number_after_an_opening_bracket_ends_no_sentence() -> None:
    """ "am Montag (11. März 2024)", "im Seminarraum (3. Stock)": the bracket is still open.
    Before, the sentence was cut after "(11." and its first half quoted as a count."""
    text = "Der Lernort hat am Montag (11. März 2024) begonnen. Er liegt im Seminarraum (3. Stock)."
    assert split_sentences(text) == [
        "Der Lernort hat am Montag (11. März 2024) begonnen.",
        "Er liegt im Seminarraum (3. Stock).",
    ]
