"""Bytes of a text file -> str: byte-order marks, UTF-16 without BOM, UTF-8, Windows-1252.

Office tools on Windows save "Unicode text" as UTF-16 with a byte-order mark; older tools
write Windows-1252 (a superset of Latin-1 for German text). Pure and total: every input gives
a string, so a text file is never refused for its encoding.
"""

from __future__ import annotations

import codecs

__all__ = ["decode_text", "looks_like_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 4096


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) when ``data`` starts with a byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE/BE recognised by zero bytes in every other position (mostly ASCII text)."""
    sample = data[:_SAMPLE]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def looks_like_text(data: bytes) -> bool:
    """Whether ``data`` is text in one of the encodings ``decode_text`` reads."""
    if bom_encoding(data) or _utf16_without_bom(data):
        return True
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return False
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return control <= 0.05 * len(sample)


def decode_text(data: bytes) -> str:
    """Decode a text file: BOM, else UTF-16 by its zero bytes, else UTF-8, else Windows-1252."""
    found = bom_encoding(data)
    if found:
        encoding, skip = found
        return data[skip:].decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
