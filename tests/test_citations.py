"""The citation protocol."""

from __future__ import annotations

from assistant.citations import cited_numbers, keep_known, renumber
from assistant.types import Chunk


def test_cited_numbers_in_all_common_forms() -> None:
    text = "A gilt [2]. B auch [1, 3]. C [4][2]. D [5-6]."
    assert cited_numbers(text) == [2, 1, 3, 4, 5, 6]


def test_unknown_sources_are_removed() -> None:
    text = "Das KI berät [1][7]. Die Schule entscheidet [9]."
    assert keep_known(text, {1, 2}) == "Das KI berät [1]. Die Schule entscheidet."


def test_renumbering_follows_the_mapping() -> None:
    assert renumber("X [3]. Y [1, 3].", {3: 1, 1: 2}) == "X [1]. Y [2][1]."


def test_text_without_citations_is_unchanged() -> None:
    assert keep_known("Keine Quelle.", {1}) == "Keine Quelle."
    assert cited_numbers("Abschnitt 3.2 [Entwurf]") == []


def test_a_sentence_read_across_a_line_break_keeps_its_page() -> None:
    text = "Seite eins endet hier.\nDer Satz auf Seite zwei läuft\nüber eine Zeile."
    chunk = Chunk("c", "d.pdf", 0, text, "", 1, 2, page_breaks=(text.index("Der"),))
    assert chunk.page_of("Der Satz auf Seite zwei läuft über eine Zeile.") == 2
    assert chunk.page_of("Steht nirgends.") == 1
