"""The int8 onnxruntime variant of USE: the same function as the default, faster, opt-in."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant, EmbeddingModelMismatch, Settings
from assistant.embed import (
    USE_INT8_MODEL,
    USE_MODEL,
    load_embeddings,
    max_tokens,
    model_identity,
    token_counter,
)
from assistant.embed_onnx import TOKEN_BUDGET, UseInt8Embeddings
from assistant.store import Index
from assistant.types import DocumentMeta, Page
from ingest import run_ingest
from ingest.chunk import chunk_pages

SOURCES = Path(__file__).resolve().parents[1] / "corpus" / "src"


@lru_cache(maxsize=1)
def chunk_texts() -> tuple[str, ...]:
    """What the embedder sees for the chunks of three bundled sources (chunked for USE)."""
    texts: list[str] = []
    for path in sorted(SOURCES.rglob("*.md"))[:3]:
        meta = DocumentMeta(doc_id=path.name, title=path.stem)
        page = Page(path.name, 1, path.read_text(encoding="utf-8"))
        chunks = chunk_pages([page], meta, "fp", token_counter(USE_MODEL), 180, 256)
        texts += [chunk.embed_text for chunk in chunks]
    return tuple(texts)


@lru_cache(maxsize=1)
def default_vectors() -> np.ndarray:
    return load_embeddings(USE_MODEL).encode(chunk_texts())


def test_the_graph_in_float32_is_the_default_embedder() -> None:
    """Unquantized, the onnxruntime graph computes what the numpy backend computes."""
    vectors = UseInt8Embeddings(quantized=False).encode(chunk_texts())
    assert len(chunk_texts()) > 100
    assert np.abs(vectors - default_vectors()).max() < 1e-5


def test_int8_vectors_agree_with_the_default_on_real_chunks(
    record_property: pytest.RecordProperty,
) -> None:
    cosines = np.sum(load_embeddings(USE_INT8_MODEL).encode(chunk_texts()) * default_vectors(), 1)
    record_property(
        "messwert",
        f"int8 zu Standard, {len(cosines)} Abschnitte: Kosinus min {cosines.min():.4f}, "
        f"Mittel {cosines.mean():.5f}",
    )
    assert cosines.min() >= 0.99
    assert cosines.mean() >= 0.999


def test_int8_is_deterministic_and_a_vector_does_not_depend_on_its_batch() -> None:
    encoder = load_embeddings(USE_INT8_MODEL)
    texts = list(chunk_texts()[:12])
    together = encoder.encode(texts)
    assert np.array_equal(together, encoder.encode(texts))
    alone = np.vstack([encoder.encode([text], query=True) for text in texts])
    assert np.abs(alone - together).max() < 1e-5
    norms = np.linalg.norm(together, axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5)


def test_int8_runs_on_one_thread() -> None:
    options = load_embeddings(USE_INT8_MODEL).session.get_session_options()
    assert (options.intra_op_num_threads, options.inter_op_num_threads) == (1, 1)


def test_int8_handles_empty_odd_and_overlong_texts() -> None:
    encoder = load_embeddings(USE_INT8_MODEL)
    assert encoder.encode([]).shape == (0, 512)
    long_text = " ".join(chunk_texts())  # longer than a run: embedded alone
    assert token_counter(USE_INT8_MODEL)(long_text) > TOKEN_BUDGET
    texts = ["", "   ", "x", long_text, "Wer berät neu zugewanderte Familien?"]
    vectors = encoder.encode(texts)
    assert vectors.shape == (5, 512) and np.isfinite(vectors).all()
    reference = load_embeddings(USE_MODEL).encode(texts)
    assert np.sum(vectors * reference, axis=1).min() >= 0.99


def test_int8_is_its_own_model_with_the_same_tokens() -> None:
    assert model_identity(USE_INT8_MODEL) != model_identity(USE_MODEL)
    assert model_identity(USE_INT8_MODEL).startswith(f"{USE_INT8_MODEL}@")
    assert max_tokens(USE_INT8_MODEL) == max_tokens(USE_MODEL)
    assert token_counter(USE_INT8_MODEL) is token_counter(USE_MODEL)


def test_an_index_built_with_int8_answers_and_refuses_the_default(
    settings: Settings, musterhausen_pdf: Path
) -> None:
    int8 = Settings(
        data_dir=settings.data_dir, corpus_dir=settings.corpus_dir, embedding_model=USE_INT8_MODEL
    )
    run_ingest(int8)
    answer = Assistant(int8).ask("Wann tagt die Schulplatzkonferenz?")
    assert answer.found and answer.citations[0].page == 3
    with pytest.raises(EmbeddingModelMismatch, match="--rebuild"):
        Index.open(settings.data_dir, USE_MODEL)
    with pytest.raises(EmbeddingModelMismatch):
        run_ingest(settings)
