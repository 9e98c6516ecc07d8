"""ONNX model bytes written directly in protobuf's wire format, for onnxruntime to run.

onnxruntime takes a serialised ``ModelProto`` but ships no way to build one; the ``onnx``
package would be one more dependency only for that. A small inference graph needs few
messages (model, graph, node, attribute, tensor, value info), so they are encoded here, with
the field numbers of ``onnx.proto``. Nothing here knows about a particular model.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

__all__ = ["FLOAT", "INT64", "UINT8", "Graph", "model_bytes"]

FLOAT, UINT8, INT8, INT32, INT64 = 1, 2, 3, 6, 7  # TensorProto.DataType
_DATA_TYPES = {
    np.dtype(np.float32): FLOAT,
    np.dtype(np.uint8): UINT8,
    np.dtype(np.int8): INT8,
    np.dtype(np.int32): INT32,
    np.dtype(np.int64): INT64,
}
_ATTR_FLOAT, _ATTR_INT, _ATTR_INTS = 1, 2, 7  # AttributeProto.AttributeType
IR_VERSION = 8
Attribute = float | int | Sequence[int]
Dim = int | str  # a fixed size or a symbolic name


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int64 values are sent as 10-byte two's complement
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        out.append(low | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _int(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


def _bytes(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _text(number: int, value: str) -> bytes:
    return _bytes(number, value.encode("utf-8"))


def _tensor(name: str, array: np.ndarray) -> bytes:
    data = np.ascontiguousarray(array)
    dims = b"".join(_int(1, size) for size in data.shape)
    return dims + _int(2, _DATA_TYPES[data.dtype]) + _text(8, name) + _bytes(9, data.tobytes())


def _attribute(name: str, value: Attribute) -> bytes:
    if isinstance(value, float):
        fixed32 = _varint(2 << 3 | 5) + struct.pack("<f", value)
        return _text(1, name) + fixed32 + _int(20, _ATTR_FLOAT)
    if isinstance(value, int):
        return _text(1, name) + _int(3, value) + _int(20, _ATTR_INT)
    return _text(1, name) + b"".join(_int(8, v) for v in value) + _int(20, _ATTR_INTS)


def _value_info(name: str, data_type: int, dims: Sequence[Dim]) -> bytes:
    shape = b"".join(_bytes(1, _text(2, d) if isinstance(d, str) else _int(1, d)) for d in dims)
    tensor_type = _int(1, data_type) + _bytes(2, shape)
    return _text(1, name) + _bytes(2, _bytes(1, tensor_type))


@dataclass
class Graph:
    """An inference graph under construction: nodes in order, weights, inputs, outputs."""

    nodes: list[bytes] = field(default_factory=list)
    weights: dict[str, np.ndarray] = field(default_factory=dict)
    inputs: list[bytes] = field(default_factory=list)
    outputs: list[bytes] = field(default_factory=list)

    def op(
        self, op_type: str, inputs: Sequence[str], output: str, domain: str = "", **attrs: Attribute
    ) -> str:
        """Append a node with one output and return the output's name ("" skips an input)."""
        body = b"".join(_text(1, name) for name in inputs) + _text(2, output)
        body += _text(4, op_type)
        body += b"".join(_bytes(5, _attribute(k, v)) for k, v in attrs.items())
        self.nodes.append(body + (_text(7, domain) if domain else b""))
        return output

    def weight(self, name: str, array: np.ndarray) -> str:
        """Register a constant tensor (an initializer) and return its name."""
        self.weights[name] = np.asarray(array)
        return name

    def input(self, name: str, data_type: int, dims: Sequence[Dim]) -> str:
        """Declare a graph input."""
        self.inputs.append(_value_info(name, data_type, dims))
        return name

    def output(self, name: str, data_type: int, dims: Sequence[Dim]) -> None:
        """Declare a graph output."""
        self.outputs.append(_value_info(name, data_type, dims))


def model_bytes(graph: Graph, opsets: Mapping[str, int]) -> bytes:
    """The serialised ``ModelProto`` (``opsets``: domain -> version, "" is the ONNX domain)."""
    body = b"".join(_bytes(1, node) for node in graph.nodes) + _text(2, "graph")
    body += b"".join(_bytes(5, _tensor(k, v)) for k, v in graph.weights.items())
    body += b"".join(_bytes(11, i) for i in graph.inputs)
    body += b"".join(_bytes(12, o) for o in graph.outputs)
    opset_ids = b"".join(_bytes(8, _text(1, d) + _int(2, v)) for d, v in opsets.items())
    return _int(1, IR_VERSION) + opset_ids + _bytes(7, body)
