"""German PDF text repair."""

from __future__ import annotations

import pytest

from assistant.types import Page
from ingest.clean import (
    clean_pdf_pages,
    dehyphenate,
    join_page_hyphenation,
    mark_headings,
    normalize_chars,
    remove_running_lines,
    strip_footnote_markers,
    usable_title,
)


def _cleaned(raw: list[str]) -> list[str]:
    """The cleaned text of each page of a PDF whose pages read ``raw``."""
    return [page.text for page in clean_pdf_pages([Page("d", i + 1, t) for i, t in enumerate(raw)])]


def test_ligatures_soft_hyphens_and_nfc() -> None:
    decomposed = "Schu\u0308ler"  # u + combining diaeresis
    text = normalize_chars(f"\ufb01nanziell \ufb02exibel Ko\u00adoperation {decomposed}")
    assert text == "finanziell flexibel Kooperation Schüler"
    assert "\u0308" not in text


def test_justified_double_spaces_collapse() -> None:
    assert normalize_chars("Die  Schule   nimmt  auf") == "Die Schule nimmt auf"


def test_dehyphenation_joins_split_words() -> None:
    lines = ["Die Sprach-", "standsfeststellung erfolgt im KI."]
    assert dehyphenate(lines) == ["Die Sprachstandsfeststellung erfolgt im KI."]


def test_dehyphenation_keeps_real_hyphens_and_truncations() -> None:
    assert dehyphenate(["Die Kita-", "Plätze sind knapp."]) == ["Die Kita-Plätze sind knapp."]
    assert dehyphenate(["das Schul-", "und Jugendamt"]) == ["das Schul-", "und Jugendamt"]


def test_a_dash_close_to_a_word_joins_across_the_line_break() -> None:
    """A line ending in "Schule–" goes on in "Beruf" without a space; a free-standing dash
    keeps its spaces."""
    assert dehyphenate(["das Übergangsbüro Schule–", "Beruf berät"]) == [
        "das Übergangsbüro Schule–Beruf berät"
    ]
    assert dehyphenate(["Veränderung 2022– 2024"]) == ["Veränderung 2022–2024"]
    assert dehyphenate(["Schule –", "Beruf"]) == ["Schule –", "Beruf"]
    assert dehyphenate(["die Zeit – und", "das Geld"]) == ["die Zeit – und", "das Geld"]


def test_a_hyphen_in_a_web_or_mail_address_stays_across_the_line_break() -> None:
    assert dehyphenate(
        ["Mehr unter www.stadt-", "feldau.de/integration oder ki@kreis-", "feldau.de."]
    ) == ["Mehr unter www.stadt-feldau.de/integration oder ki@kreis-feldau.de."]
    assert dehyphenate(["Mail: ki@kreis- feldau.de, 15 Wochen- stunden"]) == [
        "Mail: ki@kreis-feldau.de, 15 Wochenstunden"
    ]


def test_inline_hyphen_from_table_cells() -> None:
    assert dehyphenate(["mit 15 Wochen- stunden"]) == ["mit 15 Wochenstunden"]
    assert dehyphenate(["Ein- und Ausgang"]) == ["Ein- und Ausgang"]


def test_running_headers_footers_and_page_numbers_removed() -> None:
    topics = ["Beratung", "Sprache", "Schule", "Eltern", "Beruf"]
    pages = [
        ["Stadt Musterhausen · Konzept", f"Thema {topic}.", f"Seite {i} von 5"]
        for i, topic in enumerate(topics, start=1)
    ]
    cleaned = remove_running_lines(pages)
    assert cleaned == [[f"Thema {topic}."] for topic in topics]


def test_numbered_lines_that_do_not_follow_the_page_stay() -> None:
    pages = [[f"Tabelle {n} zeigt die Zahlen."] for n in (1, 1, 2, 2, 3)]
    assert remove_running_lines(pages) == pages


def test_unique_lines_in_header_zone_are_kept() -> None:
    pages = [["Kopfzeile", "Einleitung"], ["Kopfzeile", "Schluss"], ["Kopfzeile", "Anhang"]]
    assert remove_running_lines(pages) == [["Einleitung"], ["Schluss"], ["Anhang"]]


def test_word_split_across_pages_moves_back() -> None:
    pages = [["Die Traumapäda-"], ["gogik ist wichtig."]]
    assert join_page_hyphenation(pages) == [["Die Traumapädagogik"], ["ist wichtig."]]


def test_headings_are_marked_but_not_list_items_or_sentences() -> None:
    lines = [
        "2.1 Erstberatung im Bildungsbüro",
        "1. Bestandsaufnahme durchführen",
        "12 Schulen nehmen teil und melden ihre Plätze monatlich.",
        "3 Handlungsfelder",
    ]
    assert mark_headings(lines) == [
        "## 2.1 Erstberatung im Bildungsbüro",
        "1. Bestandsaufnahme durchführen",
        "12 Schulen nehmen teil und melden ihre Plätze monatlich.",
        "# 3 Handlungsfelder",
    ]


def test_footnote_markers_stripped_but_levels_kept() -> None:
    assert strip_footnote_markers("nach Schulform.2 Danach") == "nach Schulform. Danach"
    assert strip_footnote_markers("Niveau B2 erreicht") == "Niveau B2 erreicht"


def test_full_page_pipeline() -> None:
    raw = [
        "Kopf · Konzept\n1 Ziele\nDie Stadt will die Warte-\nzeit verkürzen.\nSeite 1 von 3",
        "Kopf · Konzept\nInhalt . . . . . . . . . 3\n2 Wege\n• Beratung im KI\n"
        "• Sprachtest\nSeite 2 von 3",
        "Kopf · Konzept\nDer Rest.\nSeite 3 von 3",
    ]
    pages = _cleaned(raw)
    assert pages[0] == "# 1 Ziele\n\nDie Stadt will die Wartezeit verkürzen."
    assert pages[1] == "# 2 Wege\n\n- Beratung im KI\n\n- Sprachtest"
    assert pages[2] == "Der Rest."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            [
                "Kopf · Konzept\nAb Februar führt das KI die Beratung in-\n"
                "1 Beschluss des Ausschusses vom 28. Januar 2025.\nSeite 1 von 3",
                "Kopf · Konzept\nnerhalb von fünf Werktagen durch.\nSeite 2 von 3",
                "Kopf · Konzept\nEnde.\nSeite 3 von 3",
            ],
            [
                "Ab Februar führt das KI die Beratung innerhalb\n\n"
                "1 Beschluss des Ausschusses vom 28. Januar 2025.",
                "von fünf Werktagen durch.",
            ],
            id="a word split across pages is joined across the footnote",
        ),
        pytest.param(
            [
                "Kopf\nText.1\nEine Gruppe entsteht, sobald mindestens\n15 Anmeldungen vorliegen.\n"
                "1 Erste Fußnote.",
                "Kopf\nDie Beratung findet statt bei\n2 Quelle: Schulamt.",
                "Kopf\nEnde.",
            ],
            [
                "Text.\n\nEine Gruppe entsteht, sobald mindestens 15 Anmeldungen vorliegen.\n\n"
                "1 Erste Fußnote.",
                "Die Beratung findet statt bei\n\n2 Quelle: Schulamt.",
            ],
            # after a line that runs on, a number starts a footnote only where it is the next
            id="a sentence running on into a numbered line is no footnote",
        ),
    ],
)
def test_footnotes_at_the_bottom_of_a_page(raw: list[str], expected: list[str]) -> None:
    assert _cleaned(raw)[: len(expected)] == expected


def test_a_list_item_line_ending_in_a_conjunction_goes_on_in_the_next_line() -> None:
    raw = [
        "Kopf\nZur Beratung bringen die Familien mit:\n- Pass, Ankunftsnachweis oder\n"
        "Aufenthaltsdokument des Kindes,\n- Nachweis über den Masernschutz,\n- Zeugnisse\n"
        "Die Beratung ist kostenlos und findet im Rathaus in der Innenstadt statt.",
        "Kopf\nEnde.",
    ]
    pages = _cleaned(raw)
    assert pages[0].split("\n\n")[1:4] == [
        "- Pass, Ankunftsnachweis oder Aufenthaltsdokument des Kindes,",
        "- Nachweis über den Masernschutz,",
        "- Zeugnisse",
    ]


def test_the_item_ending_in_a_full_stop_ends_an_enumeration_of_comma_items() -> None:
    """In a narrow column the last item's line runs the full width; the paragraph after it
    is still no part of the item."""
    raw = [
        "Kopf\nMitzubringen sind:\n- Meldebescheinigung der Stadt Feldau,\n"
        "- Nachweis über den Masernschutz,\n- bei Alleinsorge: Nachweis über das Sorgerecht.\n"
        "Fehlende Unterlagen verzögern die Beratung nicht.",
        "Kopf\nEnde.",
    ]
    pages = _cleaned(raw)
    assert pages[0].split("\n\n")[-2:] == [
        "- bei Alleinsorge: Nachweis über das Sorgerecht.",
        "Fehlende Unterlagen verzögern die Beratung nicht.",
    ]


def test_numbered_heading_at_the_bottom_is_not_a_footnote() -> None:
    raw = ["Kopf\nText der Seite.\n3 Handlungsfelder", "Kopf\nMehr Text.", "Kopf\nEnde."]
    pages = _cleaned(raw)
    assert pages[0] == "Text der Seite.\n\n# 3 Handlungsfelder"


@pytest.mark.parametrize("mark", ["➢", "■", "✓", "\uf0e0", "o"])
def test_list_marks_of_office_programs_start_list_items(mark: str) -> None:
    raw = [
        f"Kopf\nDas KI bietet an:\n{mark} Erstberatung im Rathaus.\n"
        f"{mark} Sprachkurse für Eltern.\n"
        "Die Angebote sind kostenlos und finden im Rathaus in der Innenstadt statt.",
        "Kopf\nEnde.",
    ]
    assert _cleaned(raw)[0].split("\n\n")[1:3] == [
        "- Erstberatung im Rathaus.",
        "- Sprachkurse für Eltern.",
    ]


def test_a_sentence_starting_with_a_lower_case_o_is_no_list_item() -> None:
    raw = ["Kopf\nDas KI berät alle Familien.\no weh, sagte niemand.", "Kopf\nEnde."]
    assert "- " not in _cleaned(raw)[0]


def test_numbered_items_after_a_finished_line_are_list_items() -> None:
    """ "1. …" after a line that ends a sentence starts an item (the number stays); an
    ordinal that continues a sentence ("in der" / "2. Klasse", "zum" / "1. Februar") not."""
    raw = [
        "Kopf\nDie Stadt regelt das Ankommen neu zugewanderter Kinder in einem festen Ablauf,\n"
        "der für alle Schulformen gilt und den die beteiligten Stellen gemeinsam vereinbart\n"
        "haben. Das Verfahren hat drei Schritte:\n1. Die Familie meldet das Kind im\n"
        "Bürgerbüro an.\n2. Das KI lädt zur Erstberatung ein.\n3. Das Schulamt weist einen "
        "Schulplatz zu.\nDie Schritte gelten seit dem Schuljahr 2024/25 für alle Kinder und "
        "Jugendlichen in der\n2. Klasse und darüber, die nach dem Beginn des Schuljahres und "
        "frühestens zum\n1. Februar zuziehen.",
        "Kopf\nEnde.",
    ]
    assert _cleaned(raw)[0].split("\n\n")[1:5] == [
        "- 1. Die Familie meldet das Kind im Bürgerbüro an.",
        "- 2. Das KI lädt zur Erstberatung ein.",
        "- 3. Das Schulamt weist einen Schulplatz zu.",
        "Die Schritte gelten seit dem Schuljahr 2024/25 für alle Kinder und Jugendlichen in der "
        "2. Klasse und darüber, die nach dem Beginn des Schuljahres und frühestens zum 1. Februar "
        "zuziehen.",
    ]


def test_short_numbered_items_without_full_stops_are_items_each() -> None:
    raw = [
        "Kopf\nDie Stadt regelt das Ankommen neu zugewanderter Kinder in einem festen Ablauf,\n"
        "der für alle Schulformen gilt und den die beteiligten Stellen gemeinsam vereinbart\n"
        "haben. Die Schritte sind:\n1. Anmeldung\n2. Erstberatung\n3. Schulplatz\n"
        "• Nachsorge\n4. Abschluss",
        "Kopf\nEnde.",
    ]
    assert _cleaned(raw)[0].split("\n\n")[1:] == [
        "- 1. Anmeldung",
        "- 2. Erstberatung",
        "- 3. Schulplatz",
        "- Nachsorge",
        "- 4. Abschluss",
    ]


@pytest.mark.parametrize(
    ("stored", "usable"),
    [
        ("Microsoft Word - Konzept_final.docx", ""),
        ("Dokument1", ""),
        ("Konzept_NZ_2023", ""),
        ("konzept.pdf", ""),
        ("Untitled", ""),
        ("Integrationskonzept", "Integrationskonzept"),
        ("Vorlage für  Kommunale Konzepte", "Vorlage für Kommunale Konzepte"),
    ],
)
def test_placeholder_and_file_name_titles_are_not_used(stored: str, usable: str) -> None:
    assert usable_title(stored) == usable
