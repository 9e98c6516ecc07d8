"""External sanity benchmark: XQuAD German paragraph retrieval (BEIR layout).

The data stays where it is (``../shared/datasets/xquad-de/``, CC BY-SA 4.0); only an index
built from it is cached in the data directory.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant import e5
from assistant.embed import max_tokens, model_identity, resolve_model, token_counter
from assistant.generations import writer_lock
from assistant.retrieve import FusionWeights, retrieve
from assistant.settings import Settings
from assistant.store import Index, IndexWriter, current_generation
from assistant.types import DocRecord, DocumentMeta, Page
from ingest.chunk import chunk_pages

from . import metrics

__all__ = ["load_beir", "run_xquad", "xquad_settings"]

DENSE_VARIANT = 0.0  # shown beside the default: retrieval without the dense channel


def load_beir(folder: Path) -> tuple[dict[str, str], dict[str, str], dict[str, set[str]]]:
    """(paragraphs by id, questions by id, relevant paragraph ids by question id)."""
    corpus = {}
    for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        corpus[row["_id"]] = row["text"]
    queries = {}
    for line in (folder / "queries.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        queries[row["_id"]] = row["text"]
    qrels: dict[str, set[str]] = {}
    for line in (folder / "qrels.test.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        qid, doc_id, score = line.split("\t")
        if int(score) > 0:
            qrels.setdefault(qid, set()).add(doc_id)
    return corpus, queries, qrels


def xquad_settings(settings: Settings, corpus: dict[str, str]) -> Settings:
    """Settings whose data directory holds an index of the XQuAD paragraphs (built once)."""
    model = resolve_model(settings.embedding_model)
    with_e5 = e5.wanted(settings.weight_e5)
    key = hashlib.sha256(
        f"{model_identity(model)}:{settings.chunk_tokens}:{'e5' if with_e5 else ''}".encode()
        + json.dumps(corpus, sort_keys=True).encode()
    ).hexdigest()[:12]
    data_dir = settings.data_dir / "eval-cache" / f"xquad-{key}"
    if current_generation(data_dir) is None:
        _build(data_dir, model, corpus, settings.chunk_tokens, with_e5)
    return settings.with_overrides(data_dir=data_dir)


def _build(
    data_dir: Path, model: str, corpus: dict[str, str], chunk_tokens: int, with_e5: bool
) -> None:
    count, limit = token_counter(model), max_tokens(model)
    with writer_lock(data_dir) as lock:
        writer = IndexWriter.start(lock, model, from_current=False, with_e5=with_e5)
        for doc_id, text in corpus.items():
            meta = DocumentMeta(doc_id=doc_id, title=doc_id)
            chunks = chunk_pages([Page(doc_id, 1, text)], meta, doc_id, count, chunk_tokens, limit)
            record = DocRecord(meta, doc_id, doc_id, doc_id, 1, len(chunks), "", ())
            writer.put_document(record, chunks)
        writer.publish()


def run_xquad(settings: Settings, folder: Path, limit: int = 0) -> dict[str, Any]:
    """Paragraph retrieval hit@1, hit@5 and MRR@10 for hybrid, lexical and dense retrieval."""
    corpus, queries, qrels = load_beir(folder)
    local = xquad_settings(settings, corpus)
    index = Index.open(local.data_dir, resolve_model(local.embedding_model))
    qids = [q for q in queries if q in qrels][: limit or None]
    systems: dict[str, Any] = {}
    weights = FusionWeights(
        chars=settings.weight_chars, dense=settings.weight_dense, e5=settings.weight_e5
    )
    variants = {
        "Konzeptlotse (Standard)": ("hybrid", weights),
        f"… mit Dense {DENSE_VARIANT}": ("hybrid", replace(weights, dense=DENSE_VARIANT)),
        "Nur BM25": ("lexical", weights),
        "Nur Dense": ("dense", weights),
    }
    if weights.e5 > 0:
        variants["… ohne e5"] = ("hybrid", replace(weights, e5=0.0))
    for name, (mode, variant) in variants.items():
        ranks, latencies = [], []
        for qid in qids:
            started = time.perf_counter()
            hits = retrieve(index, queries[qid], k=30, mode=mode, weights=variant)  # type: ignore[arg-type]
            latencies.append((time.perf_counter() - started) * 1000)
            ranked = list(dict.fromkeys(h.chunk.doc_id for h in hits))[:10]
            rank = next((i for i, d in enumerate(ranked, start=1) if d in qrels[qid]), None)
            ranks.append(rank)
        systems[name] = {
            "overall": {
                "n": float(len(qids)),
                "hit@1": metrics.mean(metrics.hit_at(r, 1) for r in ranks),
                "hit@5": metrics.mean(metrics.hit_at(r, 5) for r in ranks),
                "mrr@10": metrics.mean(metrics.reciprocal_rank(r, 10) for r in ranks),
                "p50_ms": metrics.percentile(latencies, 50),
                "p95_ms": metrics.percentile(latencies, 95),
            }
        }
    return {
        "run": {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "questions": len(qids),
            "commit": "",
        },
        "systems": systems,
        "questions": [],
    }
