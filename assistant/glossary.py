"""The domain glossary: groups of abbreviations and synonyms used to expand queries.

The groups live in a YAML data file that admins can extend (default ``corpus/glossar.yaml``).
Matching works on analysed terms, so case, umlaut spelling and inflection do not matter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["Glossary"]

Analyzer = Callable[[str], list[str]]


@dataclass(frozen=True)
class Glossary:
    """Synonym groups as analysed term tuples."""

    groups: tuple[tuple[tuple[str, ...], ...], ...] = ()

    @classmethod
    def load(cls, path: Path | None, analyzer: Analyzer) -> Glossary:
        """Read the YAML file (``gruppen:`` list of lists); a missing file is an empty glossary.

        A malformed file raises ``ValueError`` with a German message naming it.
        """
        if path is None or not path.is_file():
            return cls()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: Glossar ist kein gültiges YAML ({exc}).") from exc
        raw_groups = data.get("gruppen", []) if isinstance(data, dict) else []
        groups = []
        for raw in raw_groups:
            if not isinstance(raw, list):
                raise ValueError(f"{path}: Jede Gruppe muss eine Liste von Begriffen sein.")
            entries = tuple(t for t in (tuple(analyzer(str(e))) for e in raw) if t)
            if len(entries) > 1:
                groups.append(entries)
        return cls(tuple(groups))

    def expansions(self, terms: list[str]) -> list[str]:
        """Terms of the synonyms of every group entry that occurs in ``terms``."""
        present = set(terms)
        extra: list[str] = []
        for group in self.groups:
            if any(_contains(terms, entry, present) for entry in group):
                for entry in group:
                    extra.extend(t for t in entry if t not in present and t not in extra)
        return extra

    def synonyms(self, term: str) -> frozenset[str]:
        """Single-term synonyms of ``term`` (for checking whether a passage covers it)."""
        return _single_term_synonyms(self.groups).get(term, frozenset())


@lru_cache(maxsize=8)
def _single_term_synonyms(
    groups: tuple[tuple[tuple[str, ...], ...], ...],
) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in groups:
        singles = {entry[0] for entry in group if len(entry) == 1}
        for term in singles:
            table.setdefault(term, set()).update(singles - {term})
    return {term: frozenset(found) for term, found in table.items()}


def _contains(terms: list[str], entry: tuple[str, ...], present: set[str]) -> bool:
    if len(entry) == 1:
        return entry[0] in present
    length = len(entry)
    return any(tuple(terms[i : i + length]) == entry for i in range(len(terms) - length + 1))
