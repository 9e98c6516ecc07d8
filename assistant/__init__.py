"""Konzeptlotse core library: types, settings, index, retrieval and cited answers.

Importing this package is cheap; models and the index load on first use.
"""

from .api import Assistant, ask, get_assistant
from .errors import (
    DocumentError,
    EmbeddingModelMismatch,
    GeneratorUnavailable,
    IndexLocked,
    IndexMissing,
    KonzeptlotseError,
    SettingsError,
)
from .settings import Settings
from .types import (
    Answer,
    Chunk,
    Citation,
    ComparisonPart,
    DocRecord,
    DocumentMeta,
    Filters,
    Hit,
    Page,
    SentenceCheck,
)

__all__ = [
    "Answer",
    "Assistant",
    "Chunk",
    "Citation",
    "ComparisonPart",
    "DocRecord",
    "DocumentError",
    "DocumentMeta",
    "EmbeddingModelMismatch",
    "Filters",
    "GeneratorUnavailable",
    "Hit",
    "IndexLocked",
    "IndexMissing",
    "KonzeptlotseError",
    "Page",
    "SentenceCheck",
    "Settings",
    "SettingsError",
    "ask",
    "get_assistant",
]
