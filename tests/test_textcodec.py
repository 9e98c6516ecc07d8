"""Text files in the encodings office tools write are read correctly; binary is recognised."""

from __future__ import annotations

import codecs

import pytest

from ingest.load import sniff
from ingest.textcodec import decode_text, looks_like_text

TEXT = "Schülerinnen und Schüler – „Größe“ 12 € ß\nZweite Zeile."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM (little endian here)
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # without BOM, as some exports write it
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "utf-32"],
)
def test_unicode_encodings_decode_exactly(data: bytes) -> None:
    assert looks_like_text(data) and sniff(data) == "text"
    assert decode_text(data) == TEXT


def test_windows_1252_and_latin1_keep_their_umlauts() -> None:
    assert decode_text("Schüler – Größe".encode("cp1252")) == "Schüler – Größe"
    assert decode_text("Schüler Größe".encode("latin-1")) == "Schüler Größe"


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 8, b"\x01\x02\x03\x04\x05\x06" * 300, b"\x7fELF" + b"\x00" * 100],
    ids=["all-bytes", "control-characters", "program"],
)
def test_binary_is_not_text(data: bytes) -> None:
    assert not looks_like_text(data)
    assert sniff(data) == "binary"
