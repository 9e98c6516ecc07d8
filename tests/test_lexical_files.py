"""The lexical index on disk: built once per generation, memory-mapped, scored per candidate.

The character channel is checked against scikit-learn's ``TfidfVectorizer`` (what it
replaced), BM25 against a bm25s index built in memory, and an index of an earlier program
version (the pickle) is republished by the next ingest instead of failing the readers.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant, Settings
from assistant.charindex import CharIndex, build_char_index, char_text
from assistant.embed import resolve_model
from assistant.generations import current_generation, generation_dir
from assistant.lexical import LexicalIndex
from assistant.lexical_files import LEXICAL_DIR, build_lexical, is_current
from assistant.retrieve import CHAR_POOL, FusionWeights, retrieve
from assistant.store import Index
from assistant.types import Chunk, DocumentMeta
from ingest import run_ingest

from .minicorpus import write_minicorpus

TEXTS = [
    "Die Erstberatung findet im Kommunalen Integrationszentrum statt.",
    "Schüler und Schülerinnen der Sekundarstufe I besuchen eine Sprachfördergruppe.",
    "Der Herkunftssprachliche Unterricht (HSU) wird in Türkisch und Arabisch angeboten.",
    "Ein Kind, 12 Jahre alt, kommt im laufenden Schuljahr an – die Zuweisung dauert 5 Tage.",
    "Straße, Maß und Fuß: ß wird zu ss, ä zu ae.",
    "a b c",  # words too short for any n-gram of their own
    "",
    "Sprachstandsfeststellung, Sprachstand, Sprach-Stand, SPRACHSTAND!",
    "Übergang Kita–Grundschule; Eltern-FAQ zu Kita-Plätzen.",
]
QUERIES = ["Wie lange dauert die Sprachstandsfeststellung?", "Schueler Kita", "xyz qqq", ""]


def _sklearn(texts: list[str]) -> tuple[object, object]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        sublinear_tf=True,
        dtype=np.float32,
        preprocessor=char_text,
    )
    return vectorizer, vectorizer.fit_transform(texts)


def test_character_index_scores_like_sklearn(tmp_path: Path) -> None:
    build_char_index(TEXTS, tmp_path / "chars")
    index = CharIndex(tmp_path / "chars")
    vectorizer, matrix = _sklearn(TEXTS)
    every_row = list(range(len(TEXTS)))
    for query in QUERIES:
        expected = np.asarray((matrix @ vectorizer.transform([query]).T).toarray()).ravel()  # type: ignore[attr-defined,operator]
        vector = index.vectors([query])[0]
        np.testing.assert_allclose(index.score_rows(vector, every_row), expected, atol=1e-6)
        # candidate rows only, in any order: the same values
        np.testing.assert_allclose(
            index.score_rows(vector, [7, 0, 3]), expected[[7, 0, 3]], atol=1e-6
        )
        texts = ["Sprachstand in Kitas", "Nichts davon"]
        own = np.asarray(
            (vectorizer.transform(texts) @ vectorizer.transform([query]).T).toarray()
        ).ravel()  # type: ignore[attr-defined]
        np.testing.assert_allclose(index.similarity(vector, texts), own, atol=1e-6)


def test_character_index_built_in_batches_equals_one_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = TEXTS * 5
    build_char_index(texts, tmp_path / "one")
    monkeypatch.setattr("assistant.charindex._BATCH", 4)
    build_char_index(texts, tmp_path / "many")
    one, many = CharIndex(tmp_path / "one"), CharIndex(tmp_path / "many")
    rows = list(range(len(texts)))
    for query in QUERIES:
        np.testing.assert_allclose(
            one.score_rows(one.vectors([query])[0], rows),
            many.score_rows(many.vectors([query])[0], rows),
            atol=1e-6,
        )


def _chunks() -> list[Chunk]:
    meta = DocumentMeta(doc_id="d.md", title="Konzept", kommune="Stadt Adorf")
    return [
        Chunk(f"c{i}", "d.md", i, text, "Abschnitt", 1, 1, meta=meta)
        for i, text in enumerate(TEXTS)
    ]


def test_lexical_index_is_saved_and_mapped_for_exactly_its_chunks(tmp_path: Path) -> None:
    import bm25s

    chunks = _chunks()
    build_lexical(chunks, tmp_path / LEXICAL_DIR)
    assert is_current(tmp_path / LEXICAL_DIR)
    ids = [c.chunk_id for c in chunks]
    lexical = LexicalIndex.load(tmp_path / LEXICAL_DIR, ids, {i: n for n, i in enumerate(ids)})
    assert len(lexical) == len(chunks) and lexical.has_char_ngrams
    query = lexical.query("Wie lange dauert die Sprachstandsfeststellung?")
    scores = lexical.bm25_scores(query)
    assert int(np.argmax(scores)) == 7
    assert lexical.passage_count("Kita") == 1 and lexical.knows_word("Sprachförderung") is False
    # the same BM25 as an index built in memory from the saved terms
    terms = json.loads((tmp_path / LEXICAL_DIR / "terms.json").read_text("utf-8"))
    memory = bm25s.BM25(k1=1.2, b=0.75)
    vocab = {t: i for i, t in enumerate(terms)}
    from assistant.compounds import Decompounder
    from assistant.german import analyze, content_words

    splitter = Decompounder(w for c in chunks for w in content_words(c.embed_text)).split
    memory.index(
        bm25s.tokenization.Tokenized(
            ids=[[vocab[t] for t in analyze(c.embed_text, splitter)] for c in chunks], vocab=vocab
        ),
        show_progress=False,
    )
    known = [t for t in query.terms + query.parts if t in vocab]
    np.testing.assert_allclose(scores, memory.get_scores(known), rtol=1e-5)
    with pytest.raises(ValueError, match="other chunks"):
        LexicalIndex.load(tmp_path / LEXICAL_DIR, ids[::-1], {})


def test_char_channel_scores_only_candidates_and_matches_a_full_scan(tmp_path: Path) -> None:
    docs = write_minicorpus(tmp_path / "docs")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=docs)
    run_ingest(settings)
    index = Index.open(settings.data_dir, resolve_model(""))
    texts = [c.embed_text for c in index.chunks()]
    assert len(texts) < CHAR_POOL  # every chunk is a candidate here: the top list is exact
    vectorizer, matrix = _sklearn(texts)
    weights = FusionWeights(bm25=0.0, chars=1.0, dense=0.2)
    for question in ("Wie viele Lesepaten gibt es?", "Wo findet die Erstberatung statt?"):
        hits = retrieve(index, question, 5, weights=weights)
        query = index.lexical().query(question)
        full = np.asarray((matrix @ vectorizer.transform([query.text]).T).toarray()).ravel()  # type: ignore[attr-defined,operator]
        best = index.chunks()[int(np.argmax(full))].chunk_id
        assert hits[0].chunk.chunk_id == best


def test_an_index_of_an_earlier_version_is_republished_by_the_next_ingest(tmp_path: Path) -> None:
    docs = write_minicorpus(tmp_path / "docs")
    data = tmp_path / "data"
    settings = Settings(data_dir=data, corpus_dir=docs)
    run_ingest(settings)
    old = current_generation(data)
    assert old is not None
    folder = generation_dir(data, old)
    shutil.rmtree(folder / LEXICAL_DIR)
    (folder / "lexical.pkl").write_bytes(b"pickle of an earlier version")
    report = run_ingest(settings)  # nothing changed but the lexical format
    assert report.published and current_generation(data) != old
    assert Assistant(settings).ask("Wie viele Lesepaten gibt es in Adorf?").found
    assert not run_ingest(settings).published  # and then nothing is published again


def test_an_empty_generation_has_a_lexical_index_that_finds_nothing(tmp_path: Path) -> None:
    build_lexical([], tmp_path / LEXICAL_DIR)
    lexical = LexicalIndex.load(tmp_path / LEXICAL_DIR, [], {})
    query = lexical.query("Wer macht die Erstberatung?")
    assert len(lexical) == 0 and not lexical.has_char_ngrams
    assert len(lexical.bm25_scores(query)) == 0 and len(lexical.char_scores(query, [])) == 0
    assert lexical.idf("erstberat") > 0 and lexical.passage_count("Kita") == 0
