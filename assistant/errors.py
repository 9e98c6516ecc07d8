"""The few named exceptions of Konzeptlotse. Their messages are German and say what to do."""

from __future__ import annotations

__all__ = [
    "DocumentError",
    "EmbeddingModelMismatch",
    "GeneratorUnavailable",
    "IndexLocked",
    "IndexMissing",
    "KonzeptlotseError",
    "SettingsError",
    "VectorStoreUnavailable",
]


class KonzeptlotseError(Exception):
    """Base class; ``str(exc)`` is a German message fit for staff and admins."""


class IndexMissing(KonzeptlotseError):
    """No index has been built in the data directory yet."""


class EmbeddingModelMismatch(KonzeptlotseError):
    """The configured embedding model differs from the one the index was built with."""


class IndexLocked(KonzeptlotseError):
    """Another ingest run holds the data directory's lock."""


class GeneratorUnavailable(KonzeptlotseError):
    """The configured language model could not produce an answer (the extractive one is used)."""


class DocumentError(KonzeptlotseError):
    """A single file cannot be ingested; the batch records it and goes on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SettingsError(KonzeptlotseError, ValueError):
    """A setting is invalid; the message names the variable and what is allowed."""


class VectorStoreUnavailable(KonzeptlotseError):
    """The configured Chroma server cannot be reached (client/server mode)."""
