"""Rows naming a municipality: the writer's list gives exactly what ``Filters.admits`` decides."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant import Assistant, Settings
from assistant.embed import resolve_model
from assistant.mentions import MENTIONS_FILE
from assistant.places import mention_names
from assistant.store import Index
from assistant.types import Filters
from ingest import run_ingest

from .minicorpus import write_minicorpus


def test_masks_with_mentions_equal_filters_admits_with_and_without_the_writers_list(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=write_minicorpus(tmp_path / "d"))
    run_ingest(settings)
    index = Index.open(settings.data_dir, resolve_model(""))
    assert (index.folder / MENTIONS_FILE).is_file()
    kommunen = sorted({d.meta.kommune for d in index.documents()} - {""})
    cases = [Filters(kommunen=(k,), mentions=mention_names(k)) for k in kommunen]
    cases.append(Filters(kommunen=(kommunen[0],), mentions=("bildung",)))  # not in the list
    docs = [d.meta for d in index.documents()]
    plain = [  # decided per document, without mentions
        Filters(kommunen=(kommunen[-1],)),
        Filters(doc_ids=(docs[0].doc_id, docs[-1].doc_id)),
        Filters(doc_types=(docs[0].doc_type,), min_year=2023),
        Filters(kommunen=tuple(kommunen), mentions=mention_names(kommunen[0]), min_year=2022),
    ]
    for filters in plain:
        expected = np.array([filters.admits(c) for c in index.chunks()])
        assert expected.any() and not expected.all()
        assert (index.mask(filters) == expected).all()
    named_elsewhere = 0
    for filters in cases:
        expected = np.array([filters.admits(c) for c in index.chunks()])
        mask = index.mask(filters)
        assert mask is not None and (mask == expected).all()
        own = np.array([c.meta.kommune in filters.kommunen for c in index.chunks()])
        named_elsewhere += int((expected & ~own).sum())
    assert named_elsewhere  # the guide names the municipalities: the case is exercised
    # a generation of an earlier version has no list: the scan decides the same
    (index.folder / MENTIONS_FILE).unlink()
    fresh = Index.open(settings.data_dir, resolve_model(""))
    for filters in cases:
        expected = np.array([filters.admits(c) for c in fresh.chunks()])
        assert (fresh.mask(filters) == expected).all()


REPORT = """# Regionaler Bericht Neuzuwanderung

Der Bericht beschreibt die Stadt Adorf, die Stadt Bedorf und den Kreis Cedorf.

## Deutschförderklassen

Die Deutschförderklassen in Bedorf umfassen laut Schulamt 22 Wochenstunden Deutsch.

## Sprachmittlung

In Bedorf gab es 2024 insgesamt 310 Einsätze der Sprachmittlung.
"""


def test_a_comparison_answers_each_municipality_from_its_own_documents_first(
    tmp_path: Path,
) -> None:
    """A regional report that names Bedorf answers Bedorf's part of a comparison only where
    Bedorf's own concept does not."""
    docs = write_minicorpus(tmp_path / "d")
    (docs / "bericht.md").write_text(REPORT, encoding="utf-8")
    with (docs / "manifest.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write('  - file: "bericht.md"\n    kommune: "Regionales Bildungsbüro"\n')
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=docs)
    run_ingest(settings)
    assistant = Assistant(settings)
    hours = assistant.ask(
        "Wie viele Wochenstunden Deutsch haben die Deutschförderklassen in Adorf und in Bedorf?"
    )
    bedorf = next(part for part in hours.comparison if part.kommune == "Stadt Bedorf")
    assert bedorf.found and "20 Wochenstunden" in bedorf.text, bedorf
    assert "bericht.md" not in {c.doc_id for c in hours.citations}
    reported = assistant.ask(
        "Wie viele Wochenstunden Deutsch haben die Deutschförderklassen in Adorf und in Bedorf "
        "laut Bericht?"
    )  # names a kind of document Bedorf's own are not: the report answers
    bedorf = next(part for part in reported.comparison if part.kommune == "Stadt Bedorf")
    assert bedorf.found and "22 Wochenstunden" in bedorf.text, bedorf
    uses = assistant.ask("Wie viele Einsätze der Sprachmittlung gab es 2024 in Adorf und Bedorf?")
    bedorf = next(part for part in uses.comparison if part.kommune == "Stadt Bedorf")
    assert bedorf.found and "310" in bedorf.text, bedorf


def test_a_kind_of_document_no_document_in_scope_is_of_does_not_narrow_the_search(
    tmp_path: Path,
) -> None:
    """ "einen Bericht bekommen" names a report as what is handed over, not as the source:
    where neither Adorf's documents nor any naming Adorf is a report, Adorf's own documents
    answer (with a report naming Bedorf, "laut Bericht" still takes it for Bedorf)."""
    docs = write_minicorpus(tmp_path / "d")
    (docs / "bericht.md").write_text(REPORT.replace("die Stadt Adorf, ", ""), encoding="utf-8")
    (docs / "adorf-rat.md").write_text(
        "# Beschluss des Schulausschusses\n\nDem Schulausschuss der Stadt Adorf ist jährlich "
        "ein Bericht über die Sprachfördergruppen vorzulegen.\n",
        encoding="utf-8",
    )
    with (docs / "manifest.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            '  - file: "bericht.md"\n    kommune: "Regionales Bildungsbüro"\n'
            '    doc_type: "Bericht"\n'
            '  - file: "adorf-rat.md"\n    kommune: "Stadt Adorf"\n    doc_type: "Beschluss"\n'
        )
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=docs)
    run_ingest(settings)
    assistant = Assistant(settings)
    handed = assistant.ask(
        "Wie oft bekommt der Schulausschuss in Adorf einen Bericht über die Sprachfördergruppen?"
    )
    assert handed.found and "jährlich" in handed.text, handed.text
    assert {c.doc_id for c in handed.citations} == {"adorf-rat.md"}
    reported = assistant.ask("Wie viele Wochenstunden Deutsch gibt es in Bedorf laut Bericht?")
    assert reported.found and "22 Wochenstunden" in reported.text, reported.text
