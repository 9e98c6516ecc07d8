"""Find a quoted passage in its surrounding text, tolerant of PDF line breaks and hyphens.

A quote may join several sentences with " … ". Matching compares only letters and digits
(case-folded, accents stripped), so "Berate-\\nrinnen" in a PDF still matches "Beraterinnen"
in the cleaned chunk text.
"""

from __future__ import annotations

import html
import unicodedata

__all__ = ["QUOTE_JOINER", "highlighted_html", "passage_spans", "quote_parts"]

QUOTE_JOINER = " … "
MIN_KEY = 8  # shorter fragments match too easily by accident
WINDOW_WORDS = 5


def quote_parts(quote: str) -> list[str]:
    """The sentences or fragments a quote is made of."""
    return [p.strip(" .…") for p in quote.split(QUOTE_JOINER) if p.strip(" .…")]


def _key(text: str) -> tuple[str, list[int]]:
    """Letters and digits of ``text`` (folded) and the original index of each of them."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKD", ch).casefold():
            if c.isalnum():
                chars.append(c)
                index.append(i)
    return "".join(chars), index


def _find(haystack: str, index: list[int], needle: str) -> tuple[int, int] | None:
    key, _ = _key(needle)
    if len(key) < MIN_KEY:
        return None
    pos = haystack.find(key)
    if pos < 0:
        return None
    return index[pos], index[pos + len(key) - 1] + 1


def _windows(part: str) -> list[str]:
    words = part.split()
    return [" ".join(words[i : i + WINDOW_WORDS]) for i in range(0, len(words), WINDOW_WORDS)]


def passage_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of ``text`` that the quote covers, sorted and merged.

    Each part of the quote is searched whole; a part that is not found (text differs, e.g.
    across a page break) is searched in windows of a few words, so most of it still shows.
    """
    haystack, index = _key(text)
    spans: list[tuple[int, int]] = []
    for part in quote_parts(quote):
        whole = _find(haystack, index, part)
        if whole:
            spans.append(whole)
            continue
        spans += [s for s in (_find(haystack, index, w) for w in _windows(part)) if s]
    return _merge(spans, text)


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and not text[merged[-1][1] : start].strip(" \t\r\n.,;:-\u00ad\ufffe"):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlighted_html(text: str, quote: str) -> str:
    """``text`` as escaped HTML with the quoted parts wrapped in ``<mark>``."""
    out: list[str] = []
    position = 0
    for start, end in passage_spans(text, quote):
        out.append(html.escape(text[position:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out).replace("\n", "<br>")
