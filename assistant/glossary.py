"""The domain glossary: groups of abbreviations and synonyms used to expand queries.

The groups live in a YAML data file that admins can extend (default ``corpus/glossar.yaml``).
Matching works on analysed terms, so case, umlaut spelling and inflection do not matter.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cached_property
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

    def with_definitions(self, definitions: dict[str, str], analyzer: Analyzer) -> Glossary:
        """This glossary plus a group for each short form the documents define ("SBA" ->
        "Servicestelle Bildungsankommen") that no group already pairs with its long form."""
        groups = list(self.groups)
        for short, long in definitions.items():
            pair = tuple(analyzer(short)), tuple(analyzer(long))
            if not all(pair) or pair[0] == pair[1]:
                continue
            if not any(pair[0] in group and pair[1] in group for group in groups):
                groups.append(pair)
        return Glossary(tuple(groups))

    def expansions(self, terms: list[str]) -> list[str]:
        """Terms of the synonyms of every group entry that occurs in ``terms``."""
        present = set(terms)
        extra: list[str] = []
        for group in self.groups:
            if any(_contains(terms, entry, present) for entry in group):
                for entry in group:
                    extra.extend(t for t in entry if t not in present and t not in extra)
        return extra

    @cached_property
    def _entries(self) -> dict[str, list[tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]]]:
        """Term -> (group, entry) for every entry holding the term (built once per glossary,
        not per coverage check)."""
        table: dict[str, list[tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]]] = {}
        for group in self.groups:
            for entry in group:
                for term in dict.fromkeys(entry):
                    table.setdefault(term, []).append((group, entry))
        return table

    def alternatives(self, term: str, asked: Collection[str]) -> tuple[tuple[str, ...], ...]:
        """What stands for ``term`` in a passage: the other entries of each group with an
        entry that holds ``term`` and whose terms the question all has (``asked``).

        So "SSF" is covered by a passage saying "Sprachstandsfeststellung", and both terms
        of "Kommunales Integrationszentrum" by a passage saying "KI".
        """
        found: list[tuple[str, ...]] = []
        for group, entry in self._entries.get(term, ()):
            if len(entry) == 1 or all(t in asked for t in entry):
                found.extend(other for other in group if other != entry and other not in found)
        return tuple(found)


def _contains(terms: list[str], entry: tuple[str, ...], present: set[str]) -> bool:
    if len(entry) == 1:
        return entry[0] in present
    length = len(entry)
    return any(tuple(terms[i : i + length]) == entry for i in range(len(terms) - length + 1))
