"""Fusion of retrieval channels and the optional reranking stage."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from assistant import Assistant, Chunk, Hit, Settings
from assistant.embed import bundled_model_path
from assistant.rerank import CrossEncoderReranker, load_reranker
from assistant.retrieve import fuse
from ingest import run_ingest

from .minicorpus import write_minicorpus


def _chunk(name: str) -> Chunk:
    return Chunk(name, "d.md", 0, name, "", 1, 1)


def test_fusion_uses_relative_scores_not_absolute_ones() -> None:
    a, b, c = _chunk("a"), _chunk("b"), _chunk("c")
    # BM25 scores are large, dense similarities small: only their spread matters.
    bm25 = [(a, 30.0), (b, 10.0), (c, 9.0)]
    dense = [(c, 0.9), (b, 0.5), (a, 0.1)]
    hits = fuse({"bm25": bm25, "dense": dense}, {"bm25": 1.0, "dense": 1.0})
    assert [h.chunk.chunk_id for h in hits] == ["c", "a", "b"]
    scaled = fuse(
        {"bm25": [(x, s * 100) for x, s in bm25], "dense": dense}, {"bm25": 1.0, "dense": 1.0}
    )
    assert [h.chunk.chunk_id for h in hits] == [h.chunk.chunk_id for h in scaled]


def test_fusion_weights_decide_between_channels() -> None:
    a, b = _chunk("a"), _chunk("b")
    channels = {"bm25": [(a, 5.0), (b, 1.0)], "dense": [(b, 0.8), (a, 0.2)]}
    assert fuse(channels, {"bm25": 1.0, "dense": 0.3})[0].chunk.chunk_id == "a"
    assert fuse(channels, {"bm25": 0.3, "dense": 1.0})[0].chunk.chunk_id == "b"
    hit = fuse(channels, {"bm25": 1.0, "dense": 0.3})[0]
    assert (hit.lexical_rank, hit.dense_rank, hit.dense_similarity) == (1, 2, 0.2)


def test_equal_scores_keep_document_order_whatever_the_chunk_ids() -> None:
    """The same passage in two documents ties; the order must not follow the chunk ids,
    which change with every ingest version."""
    first = Chunk("zz", "a.md", 3, "gleich", "", 1, 1)
    second = Chunk("aa", "b.md", 0, "gleich", "", 1, 1)
    other = Chunk("mm", "a.md", 1, "anders", "", 1, 1)
    hits = fuse({"bm25": [(second, 2.0), (first, 2.0), (other, 1.0)]}, {"bm25": 1.0})
    assert [h.chunk.chunk_id for h in hits] == ["zz", "aa", "mm"]


class ReverseReranker:
    """A deterministic stand-in: puts the last of the hits first."""

    def __init__(self) -> None:
        self.calls = 0

    def rerank(self, query: str, hits: list[Hit]) -> list[Hit]:
        self.calls += 1
        return list(reversed(hits))


@pytest.fixture(scope="module")
def mini_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("rerank")
    settings = Settings(data_dir=root / "data", corpus_dir=write_minicorpus(root / "docs"))
    run_ingest(settings)
    return settings


def test_configured_reranker_reorders_hits(mini_settings: Settings) -> None:
    plain = Assistant(mini_settings).ask("Wer macht in Bedorf die Erstberatung?")
    reranker = ReverseReranker()
    reranked = Assistant(mini_settings, reranker=reranker).ask(
        "Wer macht in Bedorf die Erstberatung?"
    )
    assert reranker.calls == 1
    assert [h.chunk.chunk_id for h in reranked.hits] == [
        h.chunk.chunk_id for h in reversed(plain.hits)
    ]


def test_missing_reranker_degrades_gracefully(
    mini_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert load_reranker("/nicht/vorhanden") is None
    assert "ohne Reranking" in caplog.text
    settings = mini_settings.with_overrides(reranker="/nicht/vorhanden")
    assert Assistant(settings).ask("Wer macht in Bedorf die Erstberatung?").found


def test_cross_encoder_stage_runs_offline(mini_settings: Settings) -> None:
    # A BERT body with an untrained one-label head: meaningless scores, real code path.
    from sentence_transformers import CrossEncoder

    model = CrossEncoder(str(bundled_model_path()), num_labels=1, device="cpu")
    reranker = CrossEncoderReranker(Path(bundled_model_path()), model=model)
    answer = Assistant(mini_settings, reranker=reranker).ask(
        "Wer macht in Bedorf die Erstberatung?"
    )
    scores = [h.score for h in answer.hits]
    assert scores == sorted(scores, reverse=True)
