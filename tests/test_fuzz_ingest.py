"""Fuzzing the text paths of ingest: every loader and the cleanup run in linear time.

A seeded generator (reproducible, no extra dependency) builds inputs from the shapes that
make backtracking regular expressions explode (``_a _a …``, runs of ``*``, ``[``, dot
leaders, hyphens at line ends, numbered lines, nested tags) mixed with German text, up to
40 KB per input. Each input must pass every path within ``LIMIT_S``; the slowest run is
printed (``pytest -s tests/test_fuzz_ingest.py``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.embed import bundled_model_path, max_tokens, token_counter
from assistant.errors import DocumentError
from assistant.types import DocumentMeta, Page
from ingest.chunk import chunk_pages
from ingest.clean import clean_pdf_pages, is_toc_entry
from ingest.kinds import classify_pages
from ingest.load import load_file
from ingest.loaders.html import html_to_text
from ingest.loaders.markdown import markdown_to_text

SEED = 20261130
INPUTS = 120
LIMIT_S = 5.0  # per input and path; the old emphasis regex needed 6.3 s for 20 KB, hours for 1 MB
MAX_BYTES = 40_000

_ATOMS = [
    "_a ",
    "*a ",
    "**",
    "*",
    "__",
    "`",
    "[",
    "](",
    "[a](b",
    "![",
    "<",
    "<a ",
    "</",
    "<b>",
    ". ",
    ". . ",
    "…",
    "-\n",
    "- ",
    "1 ",
    "1.",
    "1.1 ",
    "# ",
    "## ",
    "|",
    "| a ",
    "---",
    "(",
    ")",
    "„",
    "“",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\u00ad",
    "\ufb01",
    "&amp;",
    "&#",
    "Seite 1 von 3",
    "Tabelle 1:",
    "[Tabelle]",
    "KLPDFTABELLE001X",
    "Sprach-",
    "förderung",
    "Die Erstberatung findet statt.",
    "z. B.",
    "vom",
    "der",
    "\\",
    "~",
    "=",
    ":",
    ";",
]
_WORDS = [
    "Schule",
    "Anmeldung",
    "Frist",
    "Beratung",
    "Kinder",
    "Jugendliche",
    "Konzept",
    "Kommune",
    "Sprache",
]


def _inputs() -> list[str]:
    rng = random.Random(SEED)
    inputs = [atom * (MAX_BYTES // max(len(atom), 1)) for atom in _ATOMS[:24]]
    while len(inputs) < INPUTS:
        parts: list[str] = []
        size = rng.randrange(100, MAX_BYTES)
        repeat = rng.choice(_ATOMS)
        while sum(map(len, parts)) < size:
            roll = rng.random()
            if roll < 0.45:
                parts.append(repeat * rng.randrange(1, 400))
            elif roll < 0.8:
                parts.append(rng.choice(_ATOMS))
            else:
                parts.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randrange(1, 30))))
        inputs.append("".join(parts)[:MAX_BYTES])
    return inputs


def _paths(tmp: Path) -> dict[str, Callable[[str], object]]:
    model = str(bundled_model_path())
    count = token_counter(model)
    meta = DocumentMeta(doc_id="f", title="f")

    def pdf_cleanup(text: str) -> object:
        pages = [Page("f", n, text) for n in (1, 2, 3)]
        classify_pages([p.text for p in pages])
        cleaned = clean_pdf_pages(pages)
        return chunk_pages(cleaned, meta, "fp", count, 180, max_tokens(model))

    def file(suffix: str) -> Callable[[str], object]:
        def run(text: str) -> object:
            path = tmp / f"fuzz{suffix}"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            try:
                return load_file(path, path.name)
            except DocumentError:
                return None

        return run

    return {
        "markdown": markdown_to_text,
        "html": html_to_text,
        "toc-lines": lambda text: [is_toc_entry(line) for line in text.split("\n")],
        "pdf-cleanup+chunks": pdf_cleanup,
        "load .md": file(".md"),
        "load .txt": file(".txt"),
        "load .docx (not a zip)": file(".docx"),
    }


@pytest.mark.slow  # every text path on megabytes of hostile input: about 40 s
def test_every_text_path_stays_linear_on_hostile_input(tmp_path: Path) -> None:
    worst = (0.0, "", "")
    slow = []
    for number, text in enumerate(_inputs()):
        for name, path in _paths(tmp_path).items():
            started = time.perf_counter()
            path(text)
            elapsed = time.perf_counter() - started
            if elapsed > worst[0]:
                worst = (elapsed, name, repr(text[:40]))
            if elapsed > LIMIT_S:
                slow.append(f"input {number} ({len(text)} Zeichen) {name}: {elapsed:.2f} s")
    print(f"\nlangsamste Eingabe: {worst[0]:.3f} s ({worst[1]}, beginnt mit {worst[2]})")
    assert not slow, slow
