"""The public entry point used by the CLI, the UI and the evals alike."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from functools import lru_cache

from .answer import compose_extractive
from .embed import resolve_model
from .retrieve import Mode, retrieve
from .settings import Settings
from .store import Index
from .types import Answer, Filters

__all__ = ["RANKING_DEPTH", "Assistant", "ask", "get_assistant"]

RANKING_DEPTH = 10  # hits kept in the Answer for inspection and evals (MRR@10)


class Assistant:
    """Answers questions from one index with one configuration (thread-safe for reads)."""

    def __init__(self, settings: Settings, index: Index | None = None) -> None:
        self.settings = settings
        self._index = index
        self._lock = threading.Lock()

    @property
    def index(self) -> Index:
        """The live index of the configured data directory (opened on first use)."""
        with self._lock:
            if self._index is None:
                self._index = Index.open(
                    self.settings.data_dir, resolve_model(self.settings.embedding_model)
                )
            return self._index

    def ask(
        self,
        question: str,
        filters: Filters | None = None,
        history: Sequence[str] = (),
        mode: Mode = "hybrid",
    ) -> Answer:
        """Retrieve passages for ``question`` and compose a cited answer (or refuse).

        ``history`` holds the earlier questions of the conversation (oldest first).
        """
        started = time.perf_counter()
        index = self.index
        hits = retrieve(
            index,
            question,
            k=max(self.settings.top_k, RANKING_DEPTH),
            filters=filters,
            mode=mode,
            rrf_k=self.settings.rrf_k,
        )
        retrieved = time.perf_counter()
        composition = compose_extractive(
            question,
            hits[: self.settings.top_k],
            index.lexical().idf,
            max_sentences=self.settings.answer_sentences,
            min_support=self.settings.min_support,
        )
        done = time.perf_counter()
        return Answer(
            question=question,
            text=composition.text,
            found=composition.found,
            citations=composition.citations,
            related=composition.related,
            timings_ms={
                "retrieve": (retrieved - started) * 1000,
                "compose": (done - retrieved) * 1000,
                "total": (done - started) * 1000,
            },
            hits=tuple(hits),
            index_version=f"{index.generation}:{index.version}",
        )


@lru_cache(maxsize=4)
def get_assistant(settings: Settings) -> Assistant:
    """One shared ``Assistant`` per configuration in this process."""
    return Assistant(settings)


def ask(question: str, settings: Settings | None = None, filters: Filters | None = None) -> Answer:
    """Answer ``question`` with the given (or environment) settings."""
    return get_assistant(settings or Settings.from_env()).ask(question, filters=filters)
