"""The citation protocol: numbered sources in, ``[n]`` markers out (pure).

Generated text may cite ``[2]``, ``[1, 3]``, ``[1][2]`` or ``[2-4]``; only numbers of sources
that were actually given survive, and sources are renumbered in order of first use.
"""

from __future__ import annotations

import re

__all__ = ["cited_numbers", "keep_known", "renumber", "strip_markers"]

_MARKER = re.compile(r"\s?\[(\d+(?:\s*[-–,;]\s*\d+)*)\]")


def _expand(group: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", group):
        if re.search(r"[-–]", part):
            low, high = (int(x) for x in re.split(r"\s*[-–]\s*", part))
            numbers.extend(range(low, high + 1) if 0 < high - low < 20 else [low, high])
        else:
            numbers.append(int(part))
    return numbers


def cited_numbers(text: str) -> list[int]:
    """All cited source numbers in order of first appearance, without duplicates."""
    seen: list[int] = []
    for match in _MARKER.finditer(text):
        for n in _expand(match.group(1)):
            if n not in seen:
                seen.append(n)
    return seen


def keep_known(text: str, known: set[int]) -> str:
    """Remove citations of unknown sources; a marker left empty disappears entirely."""

    def replace(match: re.Match[str]) -> str:
        kept = [n for n in dict.fromkeys(_expand(match.group(1))) if n in known]
        if not kept:
            return ""
        return " " + "".join(f"[{n}]" for n in kept)

    return _MARKER.sub(replace, text)


def renumber(text: str, mapping: dict[int, int]) -> str:
    """Rewrite source numbers with ``mapping`` (numbers missing from it are dropped)."""

    def replace(match: re.Match[str]) -> str:
        kept = [mapping[n] for n in dict.fromkeys(_expand(match.group(1))) if n in mapping]
        return " " + "".join(f"[{n}]" for n in kept) if kept else ""

    return _MARKER.sub(replace, text)


def strip_markers(text: str) -> str:
    """``text`` without its source markers ("Satz. [1]", "[2, 3]", "[1–3]")."""
    return _MARKER.sub("", text).strip()
