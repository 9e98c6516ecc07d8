"""Ingest runs end to end on real PDFs, a real Chroma and the real offline model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import assistant.store as store_module
from assistant import Assistant, EmbeddingModelMismatch, Settings, texts
from assistant.embed import load_embeddings
from assistant.generations import writer_lock
from assistant.store import Index, IndexWriter
from assistant.types import Chunk, DocumentMeta
from ingest import run_ingest
from ui.cli import main as cli

from .pdfs import PAGES_MUSTERHAUSEN, make_image_only_pdf, make_pdf


class CountingEmbeddings:
    """Wraps the real embeddings and counts the texts embedded for storage."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.documents = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents += len(texts)
        return self.inner.embed_documents(texts)  # type: ignore[attr-defined]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)  # type: ignore[attr-defined]


@pytest.fixture
def counter(monkeypatch: pytest.MonkeyPatch) -> CountingEmbeddings:
    counting = CountingEmbeddings(load_embeddings(load_model_path()))
    monkeypatch.setattr(store_module, "load_embeddings", lambda model: counting)
    return counting


def load_model_path() -> str:
    from assistant.embed import resolve_model

    return resolve_model("")


def stored_metas(settings: Settings) -> dict[str, DocumentMeta]:
    """The metadata of the ingested documents by id."""
    return {r.doc_id: r.meta for r in Index.open(settings.data_dir, load_model_path()).documents()}


def test_ask_cites_the_right_page(settings: Settings, musterhausen_pdf: Path) -> None:
    report = run_ingest(settings)
    assert [o.status for o in report.outcomes] == ["new"]
    answer = Assistant(settings).ask("Wann tagt die Schulplatzkonferenz?")
    assert answer.found
    assert "Dienstag" in answer.text
    assert answer.citations[0].doc_id == "musterhausen.pdf"
    assert answer.citations[0].page == 3
    assert "[1]" in answer.text
    assert "Dienstag" in answer.citations[0].quote


def test_reingest_skips_unchanged_and_redoes_only_changed(
    settings: Settings, docs_dir: Path, counter: CountingEmbeddings
) -> None:
    make_pdf(docs_dir / "a.pdf", PAGES_MUSTERHAUSEN)
    make_pdf(
        docs_dir / "b.pdf", [["Die Elternarbeit findet in Elterncafés an zwölf Schulen statt."]]
    )
    run_ingest(settings)
    first = counter.documents
    assert first > 0

    report = run_ingest(settings)
    assert {o.status for o in report.outcomes} == {"unchanged"}
    assert counter.documents == first  # nothing re-embedded

    make_pdf(
        docs_dir / "b.pdf", [["Die Elternarbeit findet in Elterncafés an acht Schulen statt."]]
    )
    report = run_ingest(settings)
    assert {o.doc_id: o.status for o in report.outcomes} == {
        "a.pdf": "unchanged",
        "b.pdf": "changed",
    }
    index = Index.open(settings.data_dir, load_model_path())
    b_chunks = index.document("b.pdf").chunk_count  # type: ignore[union-attr]
    assert counter.documents == first + b_chunks
    assert index.vector_count() == len(index.chunks())  # old vectors of b.pdf are gone

    (docs_dir / "b.pdf").unlink()
    report = run_ingest(settings)
    assert {o.doc_id: o.status for o in report.outcomes} == {
        "a.pdf": "unchanged",
        "b.pdf": "removed",
    }
    assert [d.doc_id for d in index.documents()] == ["a.pdf", "b.pdf"]  # generations are immutable
    index = Index.open(settings.data_dir, load_model_path())
    assert [d.doc_id for d in index.documents()] == ["a.pdf"]
    assert index.vector_count() == len(index.chunks())


def test_bad_files_are_reported_and_the_rest_is_indexed(
    settings: Settings, docs_dir: Path, musterhausen_pdf: Path
) -> None:
    run_ingest(settings)
    before = Assistant(settings).ask("Wann tagt die Schulplatzkonferenz?")
    assert before.found

    good = make_pdf(docs_dir / "gut.pdf", [["Lesepaten unterstützen an 32 Schulen das Lesen."]])
    (docs_dir / "kaputt.pdf").write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    (docs_dir / "leer.pdf").write_bytes(b"")
    (docs_dir / "webseite.pdf").write_text("<!DOCTYPE html><html><body>Hallo</body></html>")
    make_pdf(docs_dir / "geheim.pdf", [["Vertraulich."]], user_password="geheim")
    make_image_only_pdf(docs_dir / "scan.pdf")

    report = run_ingest(settings.with_overrides(ocr=False))  # OCR: tests/test_ocr.py
    reasons = {o.doc_id: o.reason for o in report.failed}
    assert set(reasons) == {"kaputt.pdf", "leer.pdf", "webseite.pdf", "geheim.pdf", "scan.pdf"}
    assert "beschädigt" in reasons["kaputt.pdf"]
    assert "leer" in reasons["leer.pdf"]
    assert "HTML" in reasons["webseite.pdf"]
    assert "Passwort" in reasons["geheim.pdf"]
    assert "gescannt" in reasons["scan.pdf"]
    statuses = {o.doc_id: o.status for o in report.outcomes}
    assert statuses["gut.pdf"] == "new"
    assert statuses["musterhausen.pdf"] == "unchanged"

    assistant = Assistant(settings)
    after = assistant.ask("Wann tagt die Schulplatzkonferenz?")
    assert after.found and after.citations[0].page == 3
    assert assistant.ask("Wie viele Schulen haben Lesepaten?").citations[0].doc_id == "gut.pdf"


def test_owner_password_only_pdf_is_readable(settings: Settings, docs_dir: Path) -> None:
    pdf = make_pdf(
        docs_dir / "druckschutz.pdf", [["Das Bildungsbüro berät montags."]], user_password=""
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    report = run_ingest(settings)
    assert [o.status for o in report.outcomes] == ["new"]


def test_changed_embedding_model_is_a_clear_error(
    settings: Settings, musterhausen_pdf: Path, tmp_path: Path
) -> None:
    run_ingest(settings)
    other_model = tmp_path / "anderes-modell"
    other_model.mkdir()
    (other_model / "config.json").write_text("{}")
    with pytest.raises(EmbeddingModelMismatch, match="--rebuild"):
        Index.open(settings.data_dir, str(other_model))
    with pytest.raises(EmbeddingModelMismatch):
        run_ingest(
            Settings(
                data_dir=settings.data_dir,
                corpus_dir=settings.corpus_dir,
                embedding_model=str(other_model),
            )
        )


def test_rebuild_replaces_the_index_atomically(settings: Settings, musterhausen_pdf: Path) -> None:
    run_ingest(settings)
    old = Index.open(settings.data_dir, load_model_path()).generation
    report = run_ingest(settings, rebuild=True)
    assert [o.status for o in report.outcomes] == ["new"]
    new = Index.open(settings.data_dir, load_model_path())
    assert new.generation != old
    assert not (settings.data_dir / "generations" / old).exists()  # nobody used it any more
    assert Assistant(settings).ask("Wann tagt die Schulplatzkonferenz?").found


def test_dry_run_changes_nothing(
    settings: Settings, docs_dir: Path, musterhausen_pdf: Path
) -> None:
    run_ingest(settings)
    make_pdf(docs_dir / "neu.pdf", [["Neue Regeln für den Seiteneinstieg ab Februar."]])
    report = run_ingest(settings, dry_run=True)
    assert {o.doc_id: o.status for o in report.outcomes} == {
        "musterhausen.pdf": "unchanged",
        "neu.pdf": "new",
    }
    index = Index.open(settings.data_dir, load_model_path())
    assert [d.doc_id for d in index.documents()] == ["musterhausen.pdf"]


def test_orphan_vectors_are_removed_at_the_end_of_every_run(
    settings: Settings, musterhausen_pdf: Path
) -> None:
    run_ingest(settings)
    index = Index.open(settings.data_dir, load_model_path())
    stray = replace(index.chunks()[0], chunk_id="verwaist", text="Verwaiste Schulplatzkonferenz")
    with writer_lock(settings.data_dir) as lock:
        # A document whose vectors were written but whose rows never were (an interrupted put).
        writer = IndexWriter.start(lock, load_model_path())
        writer.vectors.add([stray])
        writer.remove_document("nicht-vorhanden")
        summary = writer.publish()
    assert summary["orphans_removed"] == 1
    fresh = Index.open(settings.data_dir, load_model_path())
    assert fresh.vector_count() == len(fresh.chunks()) == summary["vectors"]
    answer = Assistant(settings, fresh).ask("Wann tagt die Schulplatzkonferenz?")
    assert answer.found and all(h.chunk.chunk_id != "verwaist" for h in answer.hits)


def test_the_writer_store_inserts_in_large_batches_and_never_loses_a_pending_vector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Vectors wait for one large Chroma insert; reading, counting, deleting and exporting
    insert the waiting ones first, so nothing is missed and nothing is inserted twice."""
    import assistant.vectors as vectors_module

    monkeypatch.setattr(vectors_module, "INSERT_BATCH", 5)
    meta = DocumentMeta(doc_id="a.pdf", title="A")
    chunks = [
        Chunk(f"a#{i}", "a.pdf", i, f"Abschnitt {i} über Sprachförderung", "S", 1, 1, (), meta)
        for i in range(8)
    ]
    writer = vectors_module.VectorWriter(tmp_path, load_embeddings(load_model_path()))
    inserts: list[int] = []
    original = writer.collection.add

    def counted(**kwargs: Any) -> None:
        inserts.append(len(kwargs["ids"]))
        original(**kwargs)

    monkeypatch.setattr(writer.collection, "add", counted)
    writer.add(chunks[:3])
    writer.add(chunks[3:6])  # 6 waiting >= 5: one insert
    writer.add(chunks[6:7])
    assert inserts == [6]
    writer.delete([])  # nothing to delete: the waiting vector keeps waiting
    assert inserts == [6]
    assert writer.ids() == {c.chunk_id for c in chunks[:7]} and inserts == [6, 1]
    writer.add(chunks[7:])
    writer.delete(["a#0"])
    assert writer.count() == 7 and inserts == [6, 1, 1]
    ids = [c.chunk_id for c in chunks[1:]]
    assert writer.export(ids, tmp_path) == 7
    writer.close()


def test_the_next_file_is_read_while_this_one_is_embedded(
    settings: Settings, docs_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker process prepares file n+1 before file n's chunks are embedded and stored,
    so reading and embedding overlap; every file still ends up indexed once."""
    from ingest import worker

    entries = []
    for name in ("a.md", "b.md", "c.md", "d.md"):
        (docs_dir / name).write_text(f"# {name}\n\nText über die Erstberatung in {name}.", "utf-8")
        if name != "d.md":  # d.md has no manifest entry: its municipality is inferred
            entries.append(f'  - file: "{name}"\n    title: "{name}"\n    kommune: "Stadt Adorf"\n')
    (docs_dir / "manifest.yaml").write_text("documents:\n" + "".join(entries), "utf-8")
    events: list[str] = []
    submit, put = worker.FileWorker.submit, IndexWriter.put_document

    def record_submit(self: worker.FileWorker, task: worker.Task) -> None:
        if self._pending is None:  # a submit of the task already in flight sends nothing
            events.append(f"lesen {task.doc_id}")
        submit(self, task)

    def record_put(self: IndexWriter, record: object, *args: object, **kw: object) -> None:
        events.append(f"speichern {record.meta.doc_id}")  # type: ignore[attr-defined]
        put(self, record, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(worker.FileWorker, "submit", record_submit)
    monkeypatch.setattr(IndexWriter, "put_document", record_put)
    report = run_ingest(settings)
    assert not report.failed and report.count("new") == 4
    assert [e for e in events if e.startswith("speichern")] == [
        "speichern a.md",
        "speichern b.md",
        "speichern c.md",
        "speichern d.md",
    ]
    assert events.index("lesen b.md") < events.index("speichern a.md")
    assert events.index("lesen c.md") < events.index("speichern b.md")
    assert events.count("lesen b.md") == events.count("lesen c.md") == 1
    # a file without manifest entry is read ahead too: its municipality is settled at the end
    assert events.index("lesen d.md") < events.index("speichern c.md")


@pytest.mark.parametrize("report_first", [True, False])
def test_an_inferred_municipality_does_not_depend_on_the_order_of_reading(
    settings: Settings, docs_dir: Path, report_first: bool
) -> None:
    """A report that names its town only bare ("nach Wexheim") belongs to the Stadt Wexheim
    once another file names it with its type word, whether that file is read before or after
    the report; a guide that names two municipalities alike belongs to neither."""
    report, concept = ("a_bericht.txt", "b_konzept.txt")[:: 1 if report_first else -1]
    (docs_dir / report).write_text(
        "Bericht Neuzuwanderung 2024\n\nIm Jahr 2024 kamen 212 Kinder neu nach Wexheim. In "
        "Wexheim berät die Servicestelle jede Familie. Die Schulen in Wexheim bilden "
        "Sprachfördergruppen.\n",
        encoding="utf-8",
    )
    (docs_dir / concept).write_text(
        "Kommunales Konzept der Stadt Wexheim\n\nDie Stadt Wexheim berät neu zugewanderte "
        "Familien vor der Schulanmeldung.\n",
        encoding="utf-8",
    )
    (docs_dir / "c_leitfaden.txt").write_text(
        "Leitfaden Erstberatung\n\nIn Wexheim berät eine Servicestelle, im Kreis Olm das "
        "Schulamt. Wexheim und der Kreis Olm laden die Familien schriftlich ein.\n",
        encoding="utf-8",
    )
    run_ingest(settings)
    metas = stored_metas(settings)
    assert metas[report].kommune == metas[concept].kommune == "Stadt Wexheim"
    assert metas[report].is_inferred("kommune") and metas[concept].is_inferred("kommune")
    assert metas["c_leitfaden.txt"].kommune == ""
    answer = Assistant(settings).ask("Wie viele Kinder kamen 2024 neu nach Wexheim?")
    assert answer.found and "212" in answer.text


def test_an_unchanged_file_is_inferred_again_when_the_corpus_changes(
    settings: Settings, docs_dir: Path
) -> None:
    """A report that names its town only bare keeps no municipality while the corpus knows
    none; a concept of the Stadt Wexheim added in a later run gives the unchanged report the
    Stadt Wexheim as well, and removing the concept takes it away again: the same result as
    ingesting the folder from scratch."""

    def kommunen() -> dict[str, str]:
        return {doc_id: meta.kommune for doc_id, meta in stored_metas(settings).items()}

    (docs_dir / "bericht.txt").write_text(
        "Bericht Neuzuwanderung 2024\n\nIm Jahr 2024 kamen 212 Kinder neu nach Wexheim. In "
        "Wexheim berät die Servicestelle jede Familie. Die Schulen in Wexheim bilden "
        "Sprachfördergruppen.\n",
        encoding="utf-8",
    )
    run_ingest(settings)
    assert kommunen() == {"bericht.txt": ""}

    concept = docs_dir / "konzept.txt"
    concept.write_text(
        "Kommunales Konzept der Stadt Wexheim\n\nDie Stadt Wexheim berät neu zugewanderte "
        "Familien vor der Schulanmeldung.\n",
        encoding="utf-8",
    )
    report = run_ingest(settings)
    assert {o.doc_id: o.status for o in report.outcomes}["bericht.txt"] == "unchanged"
    assert kommunen() == {"bericht.txt": "Stadt Wexheim", "konzept.txt": "Stadt Wexheim"}
    answer = Assistant(settings).ask("Wie viele Kinder kamen 2024 neu in die Stadt Wexheim?")
    assert answer.found and "212" in answer.text

    concept.unlink()
    run_ingest(settings)
    assert kommunen() == {"bericht.txt": ""}


def test_a_prefetched_file_that_is_not_collected_is_dropped(tmp_path: Path) -> None:
    """``run`` with another task than the one in flight restarts the worker for it."""
    from ingest.pipeline import load_options
    from ingest.worker import FileWorker, Limits, Task

    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path)
    tasks = []
    for name in ("x.md", "y.md"):
        path = tmp_path / name
        path.write_text(f"# {name}\n\nEin Satz über {name}.", encoding="utf-8")
        tasks.append(
            Task(
                path,
                name,
                {},
                "",
                load_model_path(),
                256,
                Limits.of(settings),
                load_options(settings),
            )
        )
    with FileWorker(load_model_path()) as files:
        files.submit(tasks[0])
        prepared = files.run(tasks[1])
        assert not isinstance(prepared, str) and prepared.meta.doc_id == "y.md"
        prepared = files.run(tasks[0])
        assert not isinstance(prepared, str) and prepared.meta.doc_id == "x.md"


def test_headings_of_a_web_page_are_no_answers(settings: Settings, docs_dir: Path) -> None:
    """A page saved as text has its navigation and headings on lines of their own. The
    answer quotes the sentence under a heading, not the heading and not the navigation
    glued to that sentence."""
    assistant = _ingest_page(
        settings,
        docs_dir / "kreis_farnau_luebbern_erstberatung.txt",
        "Sprungziele\nHauptmenü\n\nKreis Farnau-Lübbern\n\nSeiteninhalt\n20.09.2023\n\n"
        "Online-Terminbuchung für die Erstberatung von Seiteneinsteigern\n\n"
        "Familien buchen den Termin für die Erstberatung in fünf Sprachen online. "
        "Die Beratung dauert etwa eine Stunde.\n\nSchulpflicht für neu zugewanderte Kinder\n\n"
        "Alle Kinder zwischen 6 und 16 Jahren sind schulpflichtig.\n",
    )
    answer = assistant.ask("In wie vielen Sprachen bucht man den Termin für die Erstberatung?")
    assert answer.found
    first = answer.text.split("[1]")[0].strip()
    assert first == "Familien buchen den Termin für die Erstberatung in fünf Sprachen online."
    duty = assistant.ask("Für welches Alter gilt die Schulpflicht für neu zugewanderte Kinder?")
    assert duty.text.startswith("Alle Kinder zwischen 6 und 16 Jahren sind schulpflichtig.")
    assert "Sprungziele" not in answer.text + duty.text


def test_a_page_that_names_its_kreis_only_at_the_bottom_answers_for_that_kreis(
    settings: Settings, docs_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A web page saved under a name that says nothing names its Kreis once, in the contact
    line at the bottom: too little for its municipality, but the place of its statements.
    A question about that Kreis is answered from it; one about another Kreis is not. A page
    naming two places as often has both as its places."""
    opening = "Das Kommunale Integrationszentrum berät neu zugewanderte Familien zur Schule. " * 9
    (docs_dir / "seite_07.txt").write_text(
        opening + "In den Sprachfördergruppen werden die Kinder zwölf Wochenstunden gefördert."
        "\n\nKontakt: Schulamt für den Kreis Farnau-Lübbern\n",
        encoding="utf-8",
    )
    (docs_dir / "seite_08.txt").write_text(
        "Beispiele aus der Praxis\n\nIn der Stadt Wexheim werden die Kinder in "
        "Sprachfördergruppen zehn Wochenstunden gefördert, im Kreis Olm neun.\n",
        encoding="utf-8",
    )
    run_ingest(settings)
    metas = stored_metas(settings)
    assert (metas["seite_07.txt"].kommune, metas["seite_07.txt"].place) == (
        "",
        "Kreis Farnau-Lübbern",
    )
    assert metas["seite_08.txt"].place == "Stadt Wexheim, Kreis Olm"
    assert cli(["--data-dir", str(settings.data_dir), "sources"]) == 0
    assert "ohne Kommune, nennt nur Kreis Farnau-Lübbern" in capsys.readouterr().out
    assistant = Assistant(settings)
    asked = "Wie viele Wochenstunden werden Kinder in Sprachfördergruppen {} gefördert?"
    answer = assistant.ask(asked.format("im Kreis Farnau-Lübbern"))
    assert answer.found and "zwölf Wochenstunden" in answer.text
    assert {c.doc_id for c in answer.citations} == {"seite_07.txt"}
    assert not assistant.ask(asked.format("im Rhein-Auel-Kreis")).found


def test_a_comparison_part_for_a_town_takes_every_passage_of_the_page_about_it(
    settings: Settings, docs_dir: Path
) -> None:
    """Two news pages without manifest entry, each about one town that it names once, in
    its opening: neither town is a municipality, but each is its page's place. A comparison
    of the two answers each town from every passage of its page, also from one further down
    that does not repeat the town's name."""
    filler = (
        "Die Lehrerin übt mit den Kindern Wörter für den Schulweg, die Pause und den Sport. "
        "Am Nachmittag spielen die Kinder auf dem Hof, und die Eltern kommen zum Elterncafé. "
    )
    for name, town, hours in (
        ("seite_21.txt", "Wexheim", "18 Stunden"),
        ("seite_22.txt", "Olmbach", "22 Stunden"),
    ):
        (docs_dir / name).write_text(
            "Neue Intensivklasse\n\n"
            + filler * 6
            + f"\n\nSeit Januar lernen an der Realschule der Stadt {town} zwölf Kinder aus der "
            "Ukraine und aus Syrien in einer neuen Intensivklasse.\n\n"
            + filler * 6
            + f"\n\nDie Lehrerin übt mit ihnen {hours} in der Woche intensiv Deutsch.\n",
            encoding="utf-8",
        )
    run_ingest(settings)
    metas = stored_metas(settings)
    assert (metas["seite_21.txt"].kommune, metas["seite_21.txt"].place) == ("", "Stadt Wexheim")
    assert (metas["seite_22.txt"].kommune, metas["seite_22.txt"].place) == ("", "Stadt Olmbach")
    index = Index.open(settings.data_dir, load_model_path())
    hours_chunk = next(c for c in index.chunks() if "18 Stunden" in c.text)
    assert "Wexheim" not in hours_chunk.text  # the case: the passage does not name its town
    answer = Assistant(settings).ask(
        "Wie viele Stunden Deutsch pro Woche haben die Intensivklassen in der Stadt Wexheim und "
        "in der Stadt Olmbach?"
    )
    parts = {p.kommune: p for p in answer.comparison}
    assert parts.keys() == {"Wexheim", "Olmbach"}
    assert parts["Wexheim"].found and "18 Stunden" in parts["Wexheim"].text, answer.text
    assert parts["Olmbach"].found and "22 Stunden" in parts["Olmbach"].text, answer.text
    assert "22 Stunden" not in parts["Wexheim"].text and "18" not in parts["Olmbach"].text


def test_a_person_in_the_asked_role_belongs_to_the_school_the_news_item_named_before(
    settings: Settings, docs_dir: Path
) -> None:
    """A news item names its school once, in a heading of its second passage; passages
    further down it quotes "Schulleiter Tarek Platzhalter" without the school's name. "Wer leitet
    die Lindenschule?" is answered with him: the head named in that role belongs to the
    school the page named before. A question about another school's head is not.
    (Placeholder names.)"""
    filler = (
        "Die Kinder lernen Wörter für den Schulweg, die Pause und den Sport. Am Nachmittag "
        "spielen sie auf dem Hof, und die Eltern kommen zum Elterncafé der Gemeinde. "
    )
    text = (
        "Schule statt Flucht: Kinder erleben den ersten Schultag\n\n"
        + filler * 5
        + "\n\nZu Besuch an der Lindenschule in Feldau\n\n"
        + filler * 9
        + '\n\n"Da waren die Sprachkenntnisse gleich null", sagt Schulleiter Tarek '
        "Platzhalter.\n\n" + filler * 3
    )
    assistant = _ingest_page(settings, docs_dir / "seite_31.txt", text)
    index = Index.open(settings.data_dir, load_model_path())
    head = next(c for c in index.chunks() if "Tarek" in c.text)
    assert "Lindenschule" not in head.text and head.position > 1  # the case
    answer = assistant.ask("Wer leitet die Lindenschule in Feldau?")
    assert answer.found and "Tarek Platzhalter" in answer.text, answer.text
    other = assistant.ask("Wer leitet die Goetheschule in Feldau?")
    assert "Tarek Platzhalter" not in other.text


def test_the_head_of_an_office_is_named_by_one_compound_of_office_and_role(
    settings: Settings, docs_dir: Path
) -> None:
    """ "Feldaus Schulamtsleiterin Eva Roth" answers "Wer leitet das Schulamt in Feldau?":
    the compound names the office and the role, although the corpus has no word "Leiterin"
    of its own to split it by. A person named in another office does not. (Placeholder
    names.)"""
    text = (
        "Mehr Platz für Deutschkurse in Feldau\n\nIn Feldau lernen 120 Kinder in Deutschkursen. "
        "Die Zahl der Kurse hat sich verdoppelt. An den Grundschulen fehlen Räume. „Die Räume "
        "reichen nicht“, berichtete Feldaus Schulamtsleiterin Eva Roth im Ausschuss. Die Kurse "
        "beginnen im Herbst, sagt Sozialdezernent Jan Weber. Das Schulamt sucht nun Räume in der "
        "Innenstadt.\n"
    )
    assistant = _ingest_page(settings, docs_dir / "feldau_deutschkurse.txt", text)
    answer = assistant.ask("Wer leitet das Schulamt in Feldau?")
    assert answer.found and "Eva Roth" in answer.text, answer.text
    assert "Jan Weber" not in answer.text


def test_the_figure_answering_a_listed_question_counts_what_that_question_asked(
    settings: Settings, docs_dir: Path
) -> None:
    """An answer to a parliamentary question gives its figures after each listed question,
    without naming again what they count ("… aufgenommen? Nach Angaben … sind es 155"). Such
    a figure answers that question, and is no answer to one counting something else."""
    text = (
        "Schriftliche Anfrage zu Berufsschulplätzen im Kreis Feldau\n\nAntwort des Ministeriums: "
        "1. a) Wie viele unbegleitete minderjährige Flüchtlinge hat der Kreis Feldau aktuell "
        "aufgenommen? Nach Angaben des Sozialministeriums vom 30.11.2015 sind es im Kreis Feldau "
        "155 (darunter 57 unter 16 Jahre). b) Wie viele Berufsschulplätze gibt es derzeit für "
        "sie im Kreis Feldau? Die Schulen melden ihre Plätze erst zum Schuljahresbeginn.\n"
    )
    assistant = _ingest_page(settings, docs_dir / "anfrage_kreis_feldau.txt", text)
    asked = assistant.ask(
        "Wie viele unbegleitete minderjährige Flüchtlinge hat der Kreis Feldau aufgenommen?"
    )
    assert asked.found and "155" in asked.text, asked.text
    other = assistant.ask("Wie viele Berufsschulplätze gibt es im Kreis Feldau?")
    assert "155" not in other.text, other.text


def test_a_file_named_after_its_kreis_is_scoped_to_it(
    settings: Settings, docs_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A web page saved without manifest entry names its Kreis once, far down; the file name
    names it too. Questions about that Kreis are answered from it, and another place's
    figure is not passed off as the Kreis's: neither a city of a similar name ("Stadt
    Farnau" in a guide), nor a Kreis without documents, nor a city
    the documents name without type word ("nach Düsselbrück gezogen"). A comparison with
    that city compares the two, not every municipality of the index."""
    opening = "Das Kommunale Integrationszentrum berät neu zugewanderte Familien zur Schule. " * 9
    farnau_file = "kreis_farnau_luebbern_beratung.txt"
    (docs_dir / farnau_file).write_text(
        opening + "Es vermittelt mit dem Schulamt für den Kreis Farnau-Lübbern einen Schulort. "
        "In den Sprachfördergruppen werden die Kinder zwölf Wochenstunden gefördert.\n",
        encoding="utf-8",
    )
    (docs_dir / "stadt_wexheim_beratung.txt").write_text(
        "Stadt Wexheim – Schulamt\n\nIn der Stadt Wexheim werden Kinder in Sprachfördergruppen "
        "acht Wochenstunden gefördert. Die Stadt Wexheim berät montags.\n",
        encoding="utf-8",
    )
    (docs_dir / "duesselbrueck_schulplatz.txt").write_text(
        "Schulplatz für Seiteneinsteiger\n\nWer aus dem Ausland nach Düsselbrück gezogen ist, "
        "bekommt zwei Jahre Erstförderung in Deutsch. Den Schulplatz vergibt das Schulamt "
        "Düsselbrück nach einem Beratungsgespräch.\n",
        encoding="utf-8",
    )
    (docs_dir / "leitfaden_sprachfoerderung.txt").write_text(
        "Leitfaden Sprachförderung\n\nBeispiele aus der Praxis: In der Stadt Farnau werden "
        "die Kinder in Sprachfördergruppen zehn Wochenstunden gefördert, im Kreis Olm neun.\n",
        encoding="utf-8",
    )
    run_ingest(settings)
    index = Index.open(settings.data_dir, load_model_path())
    metas = {r.doc_id: r.meta for r in index.documents()}
    farnau = metas[farnau_file]
    assert farnau.kommune == "Kreis Farnau-Lübbern" and farnau.is_inferred("kommune")
    assert cli(["--data-dir", str(settings.data_dir), "sources"]) == 0
    listed = capsys.readouterr().out.split(f"{farnau_file}\n")[1]
    marked = "  Kreis Farnau-Lübbern (aus dem Dokument erschlossen) ·"
    assert listed.split("\n")[1].startswith(marked)
    assistant = Assistant(settings)
    asked = "Wie viele Wochenstunden werden Kinder in Sprachfördergruppen {} gefördert?"
    answer = assistant.ask(asked.format("im Kreis Farnau-Lübbern"))
    assert answer.found and "zwölf Wochenstunden" in answer.text
    assert {c.doc_id for c in answer.citations} == {farnau_file}  # not the Stadt Farnau
    assert not assistant.ask(asked.format("im Rhein-Auel-Kreis")).found
    city = assistant.ask(asked.format("in Düsselbrück"))  # only its own page may answer
    assert {c.doc_id for c in city.citations} <= {"duesselbrueck_schulplatz.txt"}
    assert "zwölf" not in city.text and "acht" not in city.text
    compared = assistant.ask(
        "Wie lange dauert die Deutschförderung im Kreis Farnau-Lübbern im Vergleich zu Düsselbrück?"
    )
    assert [p.kommune for p in compared.comparison] == ["Kreis Farnau-Lübbern", "Düsselbrück"]
    assert "zwei Jahre" in compared.text
    # a place the documents never name is compared as such, not replaced by all municipalities
    unknown = assistant.ask(
        "Wie viele Wochenstunden werden Kinder im Kreis Farnau-Lübbern im Vergleich zu "
        "Hohenfurt gefördert?"
    )
    assert [p.kommune for p in unknown.comparison] == ["Kreis Farnau-Lübbern", "Hohenfurt"]
    assert [p.found for p in unknown.comparison] == [True, False]
    assert "zwölf" in unknown.text and "acht" not in unknown.text


def test_a_phone_number_belongs_to_the_name_at_the_top_of_its_contact_block(
    settings: Settings, docs_dir: Path
) -> None:
    """A web page lists its hotline as a block of short lines: the name, the office, the
    Kreis, then "Tel.: …". The number answers for the name at the block's top, not for an
    office the page does not list."""
    assistant = _ingest_page(
        settings,
        docs_dir / "kreis_farnau_luebbern_schulplatz.txt",
        "Schulplatzsuche für neu zugewanderte Kinder im Kreis Farnau-Lübbern\n\n"
        "Beratungshotline\n\nBildungs- und Integrationszentrum\n\nKreis Farnau-Lübbern\n\n"
        "Sachgebiet Kommunales Integrationszentrum\n\nTel.: 05999 308-4636\n\n"
        "E-Mail: neu@farnau-luebbern.example\n\nWarum?\n\n"
        "Das Integrationszentrum berät Familien bei der Suche nach einem Schulplatz. "
        "Es koordiniert die Abläufe bis zur Aufnahme in die Schule.\n",
    )
    hotline = assistant.ask(
        "Unter welcher Telefonnummer ist die Beratungshotline im Kreis Farnau-Lübbern erreichbar?"
    )
    assert hotline.found and "05999 308-4636" in hotline.text
    # asked for the e-mail address, the phone number is no answer; the address line is one
    mail = assistant.ask("Welche E-Mail-Adresse nennt der Kreis Farnau-Lübbern für Anfragen?")
    assert mail.found and "neu@farnau-luebbern.example" in mail.text
    assert "05999" not in mail.text
    other = assistant.ask("Welche Telefonnummer hat die Ausländerbehörde im Kreis Farnau-Lübbern?")
    assert not other.found


def test_a_kreis_of_one_word_is_a_municipality_of_the_index(
    settings: Settings, docs_dir: Path
) -> None:
    """ "Hochfeldkreis" (type word at the end of one word) scopes and compares like
    "Kreis Wendau"; without it a comparison of the two asked about one of them only."""
    pages = {
        "hochfeld.txt": ("Hochfeldkreis", "Das Integrationszentrum beginnt am 1. August 2013."),
        "wendau.txt": ("Kreis Wendau", "Das Integrationszentrum begann am 1. September 2013."),
    }
    assistant = _ingest_with_manifest(settings, docs_dir, pages, "Integrationszentrum")
    assert assistant.corpus().municipalities.names == ("Hochfeldkreis", "Kreis Wendau")
    question = "Wann haben die Integrationszentren im Hochfeldkreis und im Kreis Wendau begonnen?"
    plan = assistant.plan(question)
    assert plan.comparison and [p.kommune for p in plan.parts] == ["Hochfeldkreis", "Kreis Wendau"]
    answer = assistant.ask(question)
    assert "1. August 2013" in answer.text and "1. September 2013" in answer.text


def test_two_towns_of_a_kreis_report_asked_as_a_pair_are_compared(
    settings: Settings, docs_dir: Path
) -> None:
    """A Kreis report names its towns, which have no documents of their own: "in der Stadt
    Hohenfurt und in der Stadt Weilbach" is answered town by town from the passages naming
    each, not refused because no one sentence names both; so are two questions that ask one
    thing of one town and another of the other."""
    report = (
        "In der Stadt Hohenfurt gibt es 24 Plätze in Sprachfördergruppen. Die Stadt Weilbach "
        "bietet 36 Plätze in Sprachfördergruppen an. Das Schulamt verteilt die Plätze. In "
        "Weilbach warten derzeit 11 Kinder auf einen Platz."
    )
    assistant = _ingest_with_manifest(
        settings, docs_dir, {"feldau.txt": ("Kreis Feldau", report)}, "Schulbericht"
    )
    question = "Wie viele Plätze in Sprachfördergruppen gibt es in der Stadt Hohenfurt und in "
    question += "der Stadt Weilbach?"
    plan = assistant.plan(question)
    assert plan.comparison and [p.kommune for p in plan.parts] == ["Hohenfurt", "Weilbach"]
    assert all(p.shared for p in plan.parts)  # one topic for both: its schools may be either's
    answer = assistant.ask(question)
    assert answer.found and "24 Plätze" in answer.text and "36 Plätze" in answer.text
    two = "Wie viele Plätze gibt es in der Stadt Hohenfurt, und wie viele Kinder warten in "
    two += "der Stadt Weilbach auf einen Platz?"
    plan = assistant.plan(two)
    assert [p.kommune for p in plan.parts] == ["Hohenfurt", "Weilbach"]
    assert plan.parts[0].text == "Wie viele Plätze gibt es in der Stadt Hohenfurt?"
    assert not any(p.shared for p in plan.parts)  # each clause asks its own
    answer = assistant.ask(two)
    assert answer.found and "24 Plätze" in answer.text and "11 Kinder" in answer.text


def test_a_dated_press_release_answers_for_its_year(settings: Settings, docs_dir: Path) -> None:
    """A press release dates itself in a line of its own; "inzwischen 30 Klassen" then is the
    count of that year, and the same count asked for another year is not there."""
    assistant = _ingest_page(
        settings,
        docs_dir / "kreis_wendau_presse.txt",
        "Kreis Wendau stärkt die Integration\n\n25.08.2016\n\n"
        "Das Schulamt für den Kreis Wendau richtet weitere Klassen ein. Zwei Zahlen "
        "verdeutlichen das: Gab es früher kreisweit drei Internationale Förderklassen, so "
        "sind es inzwischen 30 Klassen. Die Schulen fördern die Kinder außerdem individuell.\n",
    )
    (record,) = assistant.index.documents()
    assert record.meta.stand == "2016-08-25" and "stand" in record.meta.inferred
    asked = "Auf wie viele Internationale Förderklassen ist die Zahl im Kreis Wendau bis 2016 "
    asked += "gestiegen?"
    answer = assistant.ask(asked)
    assert answer.found and "30 Klassen" in answer.text
    assert not assistant.ask(asked.replace("2016", "2021")).found


def test_a_bare_town_name_is_the_town_not_the_kreis_named_after_it(
    settings: Settings, docs_dir: Path
) -> None:
    """ "in Farnau" names the Stadt Farnau, whose whole name it is, not the Kreis
    Farnau-Lübbern, of whose name it is a part; "Farnau-Lübbern" names the Kreis."""
    pages = {
        "stadt.txt": ("Stadt Farnau", "Das Weser-Kolleg hat eine Sprachfördergruppe."),
        "kreis.txt": ("Kreis Farnau-Lübbern", "Das Schulamt koordiniert die Sprachfördergruppen."),
    }
    assistant = _ingest_with_manifest(settings, docs_dir, pages, "Sprachfördergruppen")
    town = assistant.plan("Welche Schule in Farnau hat eine Sprachfördergruppe?")
    assert not town.comparison and town.parts[0].filters.kommunen == ("Stadt Farnau",)
    kreis = assistant.plan("Wer koordiniert die Sprachfördergruppen in Farnau-Lübbern?")
    assert kreis.parts[0].filters.kommunen == ("Kreis Farnau-Lübbern",)
    both = assistant.plan("Was tun die Stadt Farnau und der Kreis Farnau-Lübbern?")
    assert both.comparison and len(both.parts) == 2


def test_a_town_page_without_manifest_answers_for_its_town(
    settings: Settings, docs_dir: Path
) -> None:
    """Two pages of kreisangehörige towns of NRW that name their town only bare, saved under
    neutral file names without a manifest: each belongs to its town, and a question that
    names one town is answered from that town's page only. (Placeholder text: nothing is
    said about the towns.)"""
    for name, town, groups in (
        ("seite_a.txt", "Ratingen", "vier"),
        ("seite_b.txt", "Hilden", "neun"),
    ):
        text = f"Platzhalter für Familien, die neu in {town} sind. An den Grundschulen in {town} "
        text += f"gibt es {groups} Platzhaltergruppen."
        (docs_dir / name).write_text(f"Platzhaltergruppen\n\n{text}\n", encoding="utf-8")
    run_ingest(settings)
    metas = stored_metas(settings)
    assert metas["seite_a.txt"].kommune == "Ratingen" and metas["seite_b.txt"].kommune == "Hilden"
    assert metas["seite_a.txt"].is_inferred("kommune")
    assistant = Assistant(settings)
    asked = "Wie viele Platzhaltergruppen gibt es an den Grundschulen in Hilden?"
    assert assistant.plan(asked).parts[0].filters.kommunen == ("Hilden",)
    answer = assistant.ask(asked)
    assert answer.found and "neun" in answer.text and "vier" not in answer.text
    assert {c.doc_id for c in answer.citations} == {"seite_b.txt"}


def test_a_land_is_answered_by_its_own_page_and_not_by_another_lands(
    settings: Settings, docs_dir: Path
) -> None:
    """A question that names a Land besides NRW is answered from a page of no municipality
    that names no Land (a ministry does not name its own Land) or from one that names the
    asked Land, never from a page that names another Land. (Placeholder text: nothing is
    said about the Länder.)"""
    pages = {
        "seite_a.txt": "Platzhaltergruppen gibt es ab vier Kindern.",
        "seite_b.txt": "Im Land Sachsen erhielten 1 277 Platzhalterkräfte eine Planstelle.",
    }
    for name, text in pages.items():
        (docs_dir / name).write_text(f"Platzhalter\n\n{text}\n", encoding="utf-8")
    run_ingest(settings)
    assistant = Assistant(settings)
    answer = assistant.ask("Ab wie vielen Kindern gibt es in Bayern Platzhaltergruppen?")
    assert answer.found and "vier" in answer.text
    asked = "Wie viele Platzhalterkräfte erhielten in Sachsen eine Planstelle?"
    answer = assistant.ask(asked)
    assert answer.found and "1 277" in answer.text
    assert not assistant.ask(asked.replace("Sachsen", "Hessen")).found
    assert not assistant.ask(asked.replace("in Sachsen", "im Saarland")).found


@pytest.mark.parametrize(
    ("name", "page", "asked", "answer", "unanswered", "reason"),
    [
        (
            "stadt_wendau_hsu.txt",
            "Herkunftssprachlicher Unterricht in Wendau\n\n"
            "An den Schulen der Stadt Wendau werden bislang elf Herkunftssprachen unterrichtet. "
            "Mitte Februar kommt Kurdisch hinzu. Die Bezirksregierung hat den Kurdisch-Unterricht "
            "für Wendau soeben bewilligt. Ab 11. Februar können sechs Stunden pro Woche gegeben "
            "werden. Das Integrationszentrum der Stadt Wendau berät die Familien.\n",
            "Ab welchem Tag gibt es in Wendau Kurdisch als Herkunftssprache?",
            "11. Februar",
            "In welchem Jahr wurde das Integrationszentrum in Wendau gegründet?",
            "keine Jahreszahl",
        ),
        (
            "stadt_wendau_berufskolleg.txt",
            "IFK am Berufskolleg Wendau\n\nDas Berufskolleg Wendau hat drei IFK. In jeder IFK "
            "lernen 20 Jugendliche. Das Kurzwort steht für Internationale Förderklasse. Die "
            "Klassen haben ein eigenes Aufnahmegespräch. Nach der IFK wechseln viele Jugendliche "
            "in eine AVM-Klasse des Berufskollegs Wendau.\n",
            "Wofür steht die Abkürzung IFK am Berufskolleg Wendau?",
            "Internationale Förderklasse",
            "Wofür steht die Abkürzung AVM am Berufskolleg Wendau?",
            "Abkürzung",
        ),
    ],
)
def test_a_typed_question_is_answered_by_its_type_or_refused_with_the_reason(
    settings: Settings,
    docs_dir: Path,
    name: str,
    page: str,
    asked: str,
    answer: str,
    unanswered: str,
    reason: str,
) -> None:
    """ "Ab welchem Tag …?" is answered by the sentence with the day, even though "Tag" is
    not its topic, and "Wofür steht IFK?" by the sentence that spells it out ("Das Kurzwort
    steht für Internationale Förderklasse"), though a sentence that uses it is likelier. "In
    welchem Jahr …?" is refused, with its reason, when no year is given, and so is "Wofür
    steht AVM?" on a page that only uses the abbreviation. (Placeholder text.)"""
    assistant = _ingest_page(settings, docs_dir / name, page)
    found = assistant.ask(asked)
    assert found.found and answer in found.text
    refused = assistant.ask(unanswered)
    assert not refused.found and any(reason in note for note in refused.notes)


@pytest.mark.parametrize(
    ("other", "page", "question", "answer"),
    [
        (
            "Der Anteil der Grundschulkinder mit Förderbedarf steigt.",
            "Das Berufskolleg der Stadt Wendau hat vier neue Berufsintegrationsklassen. Dazu "
            "kommt eine Alphabetisierungsklasse, weil etwa 25 % der Jugendlichen nicht lesen und "
            "schreiben können. Die Klassen lernen in zwei Gebäuden.",
            "Welcher Anteil der Jugendlichen in Wendau kann nicht lesen?",
            "25 %",
        ),
        (
            "Der Betrag für Schulbücher steigt im nächsten Jahr.",
            "Die Platzhalterstiftung fördert die Lesegruppen der Stadt Wendau drei Jahre lang "
            "mit insgesamt 375.000 Euro. Die Gruppen treffen sich in zwei Schulen.",
            "Mit welchem Betrag fördert die Platzhalterstiftung die Lesegruppen?",
            "375.000 Euro",
        ),
        (
            "Das Geld für Schulbücher reicht nicht aus.",
            "Für die Sprachpaten der Stadt Wendau sind im Haushalt vorsorglich 25.000 Euro "
            "eingeplant. Die Paten treffen die Kinder zweimal in der Woche.",
            "Wie viel Geld ist in Wendau für die Sprachpaten eingeplant?",
            "25.000 Euro",
        ),
        (
            # a collective of people is named by the people ("Schülerschaft": the pupils)
            "Die Schülerschaft wählt im Herbst ihre Vertretung.",
            "In den Grundschulen der Stadt Wendau sprechen rund zehn Prozent aller Schülerinnen "
            "und Schüler zu Hause Arabisch. Die Schulen bieten dafür Elternabende an.",
            "Welcher Anteil der Schülerschaft in Wendau spricht zu Hause Arabisch?",
            "zehn Prozent",
        ),
    ],
)
def test_a_type_noun_is_answered_without_the_word(
    settings: Settings, docs_dir: Path, other: str, page: str, question: str, answer: str
) -> None:
    """ "Welcher Anteil …?", "Mit welchem Betrag …?" and "Wie viel Geld …?" name the answer's
    type, not its topic: "etwa 25 % der Jugendlichen", "mit insgesamt 375.000 Euro" and
    "25.000 Euro" answer them though the sentence never says "Anteil", "Betrag" or "Geld"
    (which the corpus knows from another page). (Placeholder text.)"""
    (docs_dir / "stadt_wendau_statistik.txt").write_text(
        f"Statistik Wendau\n\n{other}\n", encoding="utf-8"
    )
    assistant = _ingest_page(settings, docs_dir / "stadt_wendau_seite.txt", f"Wendau\n\n{page}\n")
    found = assistant.ask(question)
    assert found.found and answer in found.text


def test_an_amount_asked_is_not_answered_by_a_page_naming_none(
    settings: Settings, docs_dir: Path
) -> None:
    """ "Mit welchem Betrag …?" asks for money: a page that names the support but no amount
    does not answer it. (Placeholder text.)"""
    assistant = _ingest_page(
        settings,
        docs_dir / "stadt_wendau_lotsen.txt",
        "Lotsen in Wendau\n\nDie Stadt Wendau fördert den Lotsendienst ergänzend zum Land. "
        "Der Lotsendienst berät Familien in zwölf Sprachen.\n",
    )
    answer = assistant.ask("Mit welchem Betrag fördert die Stadt Wendau den Lotsendienst?")
    assert not answer.found


def _ingest_with_manifest(
    settings: Settings, docs_dir: Path, pages: dict[str, tuple[str, str]], topic: str
) -> Assistant:
    """One text file per entry (file name: municipality, text; headed "<topic> <municipality>")
    and a manifest that gives each its municipality, ingested; the assistant on them."""
    entries = []
    for name, (kommune, text) in pages.items():
        (docs_dir / name).write_text(f"{topic} {kommune}\n\n{text}\n", "utf-8")
        entries.append(f'  - file: "{name}"\n    kommune: "{kommune}"\n')
    (docs_dir / "manifest.yaml").write_text("documents:\n" + "".join(entries), "utf-8")
    run_ingest(settings)
    return Assistant(settings)


def _ingest_page(settings: Settings, path: Path, text: str) -> Assistant:
    """Write one text page without manifest entry, ingest the folder and open the assistant."""
    path.write_text(text, encoding="utf-8")
    run_ingest(settings)
    return Assistant(settings)


def test_a_message_asking_two_things_is_answered_question_by_question(
    settings: Settings, docs_dir: Path
) -> None:
    """ "Wie lange …, und was kostet …?" asks two things: each question is searched on its
    own (the later one with the nouns of the first it leaves out), what the message as a
    whole does not answer is added, and a question the documents do not answer is named."""
    concept = (
        "Die Sprachfördergruppe der Stadt Feldau dauert in der Regel zwölf Monate. Sie trifft "
        "sich an drei Vormittagen pro Woche in der Grundschule am Markt. Das Elterncafé der "
        "Stadt Feldau findet jeden Donnerstag im Familienzentrum statt. Die Teilnahme am "
        "Elterncafé kostet fünf Euro im Monat."
    )
    assistant = _ingest_with_manifest(
        settings, docs_dir, {"feldau.txt": ("Stadt Feldau", concept)}, "Konzept"
    )
    two = "Wie lange dauert die Sprachfördergruppe in Feldau, und was kostet das Elterncafé?"
    plan = assistant.plan(two)
    assert not plan.comparison and [p.asked for p in plan.parts] == [
        "",  # the message as a whole
        "Wie lange dauert die Sprachfördergruppe in Feldau?",
        "Was kostet das Elterncafé?",
    ]
    assert plan.parts[2].text == "Was kostet das Elterncafé? (Sprachfördergruppe Feldau)"
    answer = assistant.ask(two)
    assert answer.found and "zwölf Monate" in answer.text and "fünf Euro" in answer.text
    assert answer.text.count("zwölf Monate") == 1 and not answer.notes
    assert [c.n for c in answer.citations] == [1]  # one passage, one source
    open_question = "Wie lange dauert die Sprachfördergruppe in Feldau, und was kostet sie?"
    answer = assistant.ask(open_question)
    assert answer.found and "zwölf Monate" in answer.text and "fünf Euro" not in answer.text
    assert texts.PART_NOT_FOUND.format(question="Was kostet sie?") in answer.notes


def _feldau_concept_and(
    settings: Settings, docs_dir: Path, name: str, doc_type: str, text: str
) -> Assistant:
    """The Stadt Feldau's concept (staff, first counselling, groups) and one more document of
    Feldau (file ``name``, kind ``doc_type``, ``text``), ingested with a manifest."""
    (docs_dir / "feldau_konzept.txt").write_text(
        "Kommunales Konzept Seiteneinstieg der Stadt Feldau\n\n"
        "Das Kommunale Integrationszentrum der Stadt Feldau hat für den Seiteneinstieg vier "
        "Stellen. Die Erstberatung findet im Rathaus am Markt statt. Die Sprachfördergruppen "
        "treffen sich an drei Vormittagen pro Woche in der Grundschule am Markt.\n",
        "utf-8",
    )
    (docs_dir / name).write_text(text, "utf-8")
    entries = [
        ("feldau_konzept.txt", "Kommunales Konzept", "2022-03-01"),
        (name, doc_type, "2025-02-01"),
    ]
    (docs_dir / "manifest.yaml").write_text(
        "documents:\n"
        + "".join(
            f'  - file: "{file}"\n    kommune: "Stadt Feldau"\n    doc_type: "{kind}"\n'
            f'    stand: "{stand}"\n'
            for file, kind, stand in entries
        ),
        "utf-8",
    )
    run_ingest(settings)
    return Assistant(settings)


def test_an_open_question_of_a_message_adds_its_own_best_sentence(
    settings: Settings, docs_dir: Path
) -> None:
    """Whether the answer to a message as a whole already answers one of its questions can
    be told for a question asking for a kind of value (a count, a date); for an open one
    ("wie werden … begleitet?") it cannot, so that question adds its own best sentence."""
    assistant = _feldau_concept_and(
        settings,
        docs_dir,
        "feldau_berufskolleg.txt",
        "Webseite",
        "Berufskolleg Feldau\n\nAm Berufskolleg Feldau begleitet eine Lotsin die Jugendlichen "
        "in den ersten Wochen an der Schule.\n",
    )
    answer = assistant.ask(
        "Wie viele Stellen hat das Kommunale Integrationszentrum der Stadt Feldau für den "
        "Seiteneinstieg, und wie werden die Jugendlichen am Berufskolleg begleitet?"
    )
    assert answer.found and "vier Stellen" in answer.text
    assert "begleitet eine Lotsin" in answer.text
    assert [c.doc_id for c in answer.citations] == [
        "feldau_konzept.txt",
        "feldau_berufskolleg.txt",
    ]


def test_a_kind_of_document_one_question_of_a_message_names_scopes_that_question_only(
    settings: Settings, docs_dir: Path
) -> None:
    """ "Wie viele Stellen hat …, und was kommt mit der Fortschreibung hinzu?": the update is
    the source the second question names, not the first's; the message as a whole is not
    narrowed to it either, so the concept's count is found."""
    assistant = _feldau_concept_and(
        settings,
        docs_dir,
        "feldau_fortschreibung.txt",
        "Fortschreibung",
        "Fortschreibung des Konzepts Seiteneinstieg der Stadt Feldau\n\nMit der "
        "Fortschreibung kommt eine Lotsin für die Berufskollegs hinzu.\n",
    )
    two = (
        "Wie viele Stellen hat das Integrationszentrum in Feldau, und was kommt mit der "
        "Fortschreibung hinzu?"
    )
    plan = assistant.plan(two)
    assert [p.filters.doc_types for p in plan.parts] == [(), (), ("Fortschreibung",)]
    answer = assistant.ask(two)
    assert answer.found and "vier Stellen" in answer.text and "eine Lotsin" in answer.text
    assert not any("Zur Frage" in note for note in answer.notes)


def test_a_place_outside_nrw_inferred_from_file_name_and_text_is_a_municipality(
    settings: Settings, docs_dir: Path
) -> None:
    """Pages saved as "lindenbrunn_….txt" and "ostmoor_….txt" name their towns only bare (no
    type word, no list of towns outside NRW): the ingestion infers them from file name and
    text, and questions are scoped to them like to any municipality; a comparison of the two
    is answered per town."""
    (docs_dir / "lindenbrunn_intensivklassen.txt").write_text(
        "Intensivklassen\n\nNeu in Lindenbrunn? An der Gesamtschule Lindenbrunn lernen "
        "Seiteneinsteiger zwölf Wochenstunden Deutsch.\n",
        encoding="utf-8",
    )
    (docs_dir / "ostmoor_sprachklassen.txt").write_text(
        "Sprachklassen\n\nIn Ostmoor lernen Seiteneinsteiger acht Wochenstunden Deutsch. Das "
        "Ostmoorer Schulamt berät die Familien.\n",
        encoding="utf-8",
    )
    run_ingest(settings)
    metas = stored_metas(settings)
    assert metas["lindenbrunn_intensivklassen.txt"].kommune == "Lindenbrunn"
    assert metas["ostmoor_sprachklassen.txt"].kommune == "Ostmoor"
    assistant = Assistant(settings)
    assert {"Lindenbrunn", "Ostmoor"} <= set(assistant.corpus().municipalities.names)
    answer = assistant.ask("Wie viele Wochenstunden Deutsch bekommen Seiteneinsteiger in Ostmoor?")
    assert answer.found and "acht" in answer.text and "zwölf" not in answer.text
    compared = assistant.ask(
        "Wie viele Wochenstunden Deutsch gibt es in Lindenbrunn und in Ostmoor?"
    )
    assert "**Lindenbrunn:**" in compared.text and "**Ostmoor:**" in compared.text


def test_a_person_question_s_role_is_what_it_asks_not_what_the_sentence_must_name(
    settings: Settings, docs_dir: Path
) -> None:
    """ "Wer ist Schulleiterin der Lindenschule?" asks for the holder of the role; the
    sentence that answers it names the school and the person ("erklärt Eva Roth, Leiterin der
    Lindenschule"), not the word "Schulleiterin"."""
    (docs_dir / "lindenbrunn_lindenschule.txt").write_text(
        "Sprachlernklasse an der Lindenschule\n\nDie Lindenschule in Lindenbrunn hat eine "
        "Sprachlernklasse. „Wir geben den Kindern Zeit“, erklärt Eva Roth, Leiterin der "
        "Lindenschule, das Prinzip. Die Lindenschule liegt im Norden von Lindenbrunn.\n",
        encoding="utf-8",
    )
    (docs_dir / "ostmoor_schulen.txt").write_text(
        "Schulen in Ostmoor\n\nIn Ostmoor stellt sich jede Schulleiterin und jeder Schulleiter "
        "den Eltern vor. Die Lindenschule in Ostmoor hat keine Sprachlernklasse.\n",
        encoding="utf-8",
    )
    run_ingest(settings)
    answer = Assistant(settings).ask("Wer ist Schulleiterin der Lindenschule in Lindenbrunn?")
    assert answer.found and "Eva Roth" in answer.text


def test_a_line_of_a_contact_card_naming_a_person_answers_who_holds_the_office(
    settings: Settings, docs_dir: Path
) -> None:
    """A school's fact sheet lists its contacts on short lines of their own ("Jan Weber, StD
    i.BV Koordinator Seiteneinstieg"): such a line names a person in an office and is no
    heading, so it answers who holds that office (it was skipped as a heading). (Placeholder
    names.)"""
    text = (
        "Steckbrief Sprachförderung an der Berufsschule Feldau\n\nAnsprechpartner:\n\n"
        "Eva Roth, OStD, Schulleiterin\nJan Weber, StD i.BV Koordinator Seiteneinstieg\n\n"
        "Die Berufsschule Feldau bietet zwei Berufsintegrationsklassen für neu zugewanderte "
        "Jugendliche an. Der Unterricht umfasst 20 Stunden Deutsch in der Woche.\n\n"
        "Anmeldung\n\nFrau Tara Beispiel\n\nTelefon 0201 12345\n"
    )
    assistant = _ingest_page(settings, docs_dir / "feldau_berufsschule_steckbrief.txt", text)
    answer = assistant.ask("Wer ist an der Berufsschule Feldau Koordinator für den Seiteneinstieg?")
    assert answer.found and "Jan Weber" in answer.text, answer.text
    # a name without a role heads its card: it answers nothing by itself
    asked = "Wie viele Stunden Deutsch haben die Jugendlichen an der Berufsschule Feldau?"
    evidence, _ = assistant.evidence(assistant.plan(asked).parts[0])
    assert all("Tara Beispiel" not in c.text for c in evidence.candidates)
