"""Konzeptlotse core library: types, settings, index, retrieval and cited answers.

Importing this package is cheap; models and the index load on first use.
"""

from .api import Assistant, ask, get_assistant
from .errors import (
    DocumentError,
    EmbeddingModelMismatch,
    IndexLocked,
    IndexMissing,
    KonzeptlotseError,
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
    "Hit",
    "IndexLocked",
    "IndexMissing",
    "KonzeptlotseError",
    "Page",
    "Settings",
    "ask",
    "get_assistant",
]
