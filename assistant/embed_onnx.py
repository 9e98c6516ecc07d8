"""USE multilingual v3 on onnxruntime with 8-bit integer GEMMs: the opt-in faster embedder.

Chosen with ``KONZEPTLOTSE_EMBEDDING_MODEL=use-multilingual-v3-int8``. The same model, the
same tokenizer and the same weights as the default (``assistant.embed.UseEmbeddings``); the
forward pass (``assistant.use_graph``) runs in onnxruntime on one thread with its weight
GEMMs on 8-bit integers. Its vectors differ slightly from the default's, so it has its own
model identity and an index built with the other one is refused. Measured figures (speed,
cosine to the default, retrieval) are in the README.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from .embed import Encoder, use_tokenizer
from .use_graph import EMB_DIM, WINDOW, use_graph

__all__ = ["GRAPH_VERSION", "TOKEN_BUDGET", "UseInt8Embeddings", "load_use_weights"]

GRAPH_VERSION = 1  # part of the model identity: bump when the graph's arithmetic changes
TOKEN_BUDGET = 1024  # tokens per run: larger integer GEMMs, a working set of a few MB
_VOCAB_ROWS = 7530
_ROW_BLOCKS = 17  # the package stores the embedding table in 17 interleaved 8-bit blocks


def load_use_weights(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, Any]]:
    """The 8-bit embedding table, each row block's scale and offset, and the other weights."""
    table = np.empty((_ROW_BLOCKS * _VOCAB_ROWS, EMB_DIM), dtype=np.uint8)
    with np.load(path, allow_pickle=False) as packed:
        for block in range(_ROW_BLOCKS):
            table[block::_ROW_BLOCKS] = packed[f"q{block + 1}"]
        rest = {k: packed[k] for k in packed.files if not k.startswith("q")}
    return table, rest.pop("scale"), rest.pop("lo"), rest


class UseInt8Embeddings(Encoder):
    """USE multilingual v3 with integer GEMMs on onnxruntime, one intra-op thread.

    ``quantized=False`` runs the same graph in float32 (equal to the default embedder; used
    to test the graph). Runs are serialised, like the default embedder's.
    """

    def __init__(self, quantized: bool = True) -> None:
        from .usecache import weights_path

        self._table, self._scale, self._offset, weights = load_use_weights(weights_path())
        self._session = _session(use_graph(weights, quantized=quantized))
        self._lock = threading.Lock()

    @property
    def session(self) -> Any:
        """The onnxruntime session (its options show the thread settings)."""
        return self._session

    def encode(self, texts: Sequence[str], query: bool = False) -> np.ndarray:
        """Unit-length 512-d vectors (USE treats queries and passages alike)."""
        out = np.zeros((len(texts), EMB_DIM), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            for first, group in _batches(texts):
                out[first : first + len(group)] = self._run(group)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def _run(self, group: list[list[int]]) -> np.ndarray:
        ids = np.fromiter(chain.from_iterable(group), dtype=np.int64)
        lengths = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        block = ids % _ROW_BLOCKS
        feeds = {
            "codes": self._table[ids],
            "row_scale": self._scale[block, None],
            "row_offset": self._offset[block, None],
            "window": _window(lengths),
            "segments": _segments(lengths),
            "lengths": lengths.astype(np.float32)[:, None],
        }
        return np.asarray(self._session.run(["vectors"], feeds)[0])


def _batches(texts: Sequence[str]) -> list[tuple[int, list[list[int]]]]:
    """Token ids grouped into runs of about ``TOKEN_BUDGET`` tokens (a longer text alone),
    each with the position of its first text."""
    tokenize = use_tokenizer().encode
    batches: list[tuple[int, list[list[int]]]] = []
    group: list[list[int]] = []
    tokens, first = 0, 0
    for i, text in enumerate(texts):
        ids = tokenize(text)
        if group and tokens + len(ids) > TOKEN_BUDGET:
            batches.append((first, group))
            group, tokens, first = [], 0, i
        group.append(ids)
        tokens += len(ids)
    batches.append((first, group))
    return batches


def _window(lengths: np.ndarray) -> np.ndarray:
    """Positions t-2 .. t+2 of every token, slots outside its own text -> the zero row."""
    total = int(lengths.sum())
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)[:, None]
    ends = starts + np.repeat(lengths, lengths)[:, None]
    positions = np.arange(total)[:, None] + np.arange(-(WINDOW // 2), WINDOW // 2 + 1)
    inside = (positions >= starts) & (positions < ends)
    return np.where(inside, positions, total)


def _segments(lengths: np.ndarray) -> np.ndarray:
    """A 0/1 matrix (texts x tokens) that sums each text's token rows."""
    segments = np.zeros((len(lengths), int(lengths.sum())), dtype=np.float32)
    segments[np.repeat(np.arange(len(lengths)), lengths), np.arange(segments.shape[1])] = 1.0
    return segments


def _session(model: bytes) -> Any:
    """An onnxruntime session on one thread (see ``UseEmbeddings`` on why one), quiet."""
    import onnxruntime as ort

    ort.disable_telemetry_events()  # onnxruntime sends events only on Windows; off anyway
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
