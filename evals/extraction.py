"""Extraction quality per format: ``python -m evals.extraction`` (``make extraction``).

For each fixture the loader and the chunker run as in ingest; measured are the share of
required sentences found intact in one chunk, the share of expected headings found in the
chunks' section labels, the number of chunks that contain a running header/footer line, the
table rows found verbatim, and the time per page. Fixtures: the bundled fpdf2 corpus (spec
from its Markdown sources), a concept written as OpenDocument and turned by LibreOffice into
ODT, DOCX and PDF (from ODT and from DOCX), a scan of that PDF (OCR), and the fixture website.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.embed import bundled_model_path, max_tokens, token_counter
from assistant.sentences import split_sentences
from assistant.types import Chunk, DocumentMeta
from ingest.chunk import chunk_pages
from ingest.load import LoadOptions, load_file, markdown_to_text

__all__ = ["ExtractionQuality", "ExtractionSpec", "corpus_specs", "main", "measure"]

ROOT = Path(__file__).resolve().parents[1]
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]{1,40}\]")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]\s]{1,40}\]:.*$", re.M)


@dataclass(frozen=True)
class ExtractionSpec:
    """What a correct extraction of one file contains, and what it must not."""

    path: Path
    label: str
    sentences: tuple[str, ...]
    headings: tuple[str, ...] = ()
    chrome: tuple[str, ...] = ()  # running header/footer lines
    table_rows: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractionQuality:
    """Measured figures for one file."""

    label: str
    kind: str
    pages: int
    seconds: float
    sentences: tuple[int, int]  # found intact, required
    headings: tuple[int, int]
    chrome_chunks: int
    chunks: int
    table_rows: tuple[int, int] = (0, 0)
    words: tuple[int, int] = (0, 0)  # words of the required sentences found (OCR view)
    missing: tuple[str, ...] = field(default=())

    @property
    def ms_per_page(self) -> float:
        """Loading and chunking time per page in milliseconds."""
        return 1000 * self.seconds / max(self.pages, 1)


def _squash(text: str) -> str:
    return " ".join(text.split())


def measure(spec: ExtractionSpec, options: LoadOptions | None = None) -> ExtractionQuality:
    """Load and chunk ``spec.path`` as ingest does and compare with the spec."""
    model = str(bundled_model_path())
    started = time.perf_counter()
    loaded = load_file(spec.path, spec.label, options or LoadOptions())
    meta = DocumentMeta(doc_id=spec.label, title=loaded.title)
    chunks = chunk_pages(
        list(loaded.pages),
        meta,
        "fp",
        token_counter(model),
        180,
        max_tokens(model),
        paged=loaded.paged,
    )
    seconds = time.perf_counter() - started
    return _compare(spec, loaded.kind, len(loaded.pages), seconds, chunks)


def _compare(
    spec: ExtractionSpec, kind: str, pages: int, seconds: float, chunks: list[Chunk]
) -> ExtractionQuality:
    texts = [_squash(c.text) for c in chunks]
    required = [s for item in spec.sentences for s in split_sentences(item)]
    found = [s for s in required if any(_squash(s) in t for t in texts)]
    labels = {_squash(part) for c in chunks for part in c.section.split(" > ")}
    headings = [h for h in spec.headings if _squash(h) in labels]
    chrome = sum(1 for t in texts if any(_squash(line) in t for line in spec.chrome))
    rows = [r for r in spec.table_rows if any(_squash(r) in t for t in texts)]
    words = {w.strip(".,;:()„“") for s in spec.sentences for w in s.split()}
    seen = {w.strip(".,;:()„“") for t in texts for w in t.split()}
    return ExtractionQuality(
        label=spec.label,
        kind=kind,
        pages=pages,
        seconds=seconds,
        sentences=(len(found), len(required)),
        headings=(len(headings), len(spec.headings)),
        chrome_chunks=chrome,
        chunks=len(chunks),
        table_rows=(len(rows), len(spec.table_rows)),
        words=(len(words & seen), len(words)),
        missing=tuple(s for s in required if s not in found)[:5],
    )


# --- specs ----------------------------------------------------------------------------------


def corpus_specs(src: Path = ROOT / "corpus" / "src") -> list[ExtractionSpec]:
    """Specs of the bundled fpdf2 PDFs from their Markdown sources."""
    specs = []
    for source in sorted(src.rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        front = _front_matter(text)
        output = front.get("output", "")
        if not output.endswith(".pdf"):
            continue
        specs.append(
            ExtractionSpec(
                path=ROOT / "corpus" / "documents" / output,
                label=output,
                sentences=tuple(_source_sentences(text)),
                headings=tuple(_source_headings(text)),
                chrome=tuple(x for x in (front.get("header", ""),) if x),
            )
        )
    return specs


def _front_matter(text: str) -> dict[str, str]:
    lines = text.split("\n")
    values: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        for line in lines[1:]:
            if line.strip() == "---":
                break
            key, _, value = line.partition(":")
            values[key.strip()] = value.strip().strip('"')
    return values


def _source_paragraphs(text: str) -> list[str]:
    body = markdown_to_text(_FOOTNOTE_REF.sub("", _FOOTNOTE_DEFINITION.sub("", text)))
    return [
        b
        for b in body.split("\n\n")
        if b.strip() and not b.startswith(("#", "- ", "[Tabelle]", "[^")) and "\n" not in b
    ]


def _source_sentences(text: str) -> list[str]:
    sentences = []
    for paragraph in _source_paragraphs(text):
        if re.match(r"^\[\^?\d+\]:?", paragraph) or paragraph.startswith("^"):
            continue
        sentences += [s for s in split_sentences(paragraph) if len(s.split()) >= 5]
    return sentences


def _source_headings(text: str) -> list[str]:
    body = markdown_to_text(text)
    return [line.lstrip("#").strip() for line in body.split("\n") if line.startswith("#")]


def office_specs(folder: Path) -> list[ExtractionSpec]:
    """The LibreOffice fixture in four forms (built into ``folder``)."""
    from .office_fixture import OFFICE_SPEC, build_office_fixtures

    files = build_office_fixtures(folder)
    return [
        ExtractionSpec(
            path=path,
            label=label,
            sentences=OFFICE_SPEC.sentences,
            headings=OFFICE_SPEC.headings,
            chrome=OFFICE_SPEC.chrome,
            table_rows=OFFICE_SPEC.table_rows,
        )
        for label, path in files.items()
    ]


def site_specs() -> list[ExtractionSpec]:
    """The fixture website's pages (as their snapshots are loaded)."""
    site = ROOT / "tests" / "fixtures" / "site" / "angebote" / "erstberatung.html"
    return [
        ExtractionSpec(
            path=site,
            label="web: erstberatung.html",
            sentences=(
                "Die Erstberatung findet in der Regel innerhalb von fünf Werktagen nach der "
                "Anmeldung statt.",
                "Familien bringen zur Erstberatung vorhandene Zeugnisse und den Nachweis über "
                "den Masernschutz mit.",
            ),
            headings=("Erstberatung für neu zugewanderte Familien", "Fristen im Überblick"),
            chrome=("Cookies", "Druckansicht", "Seite teilen", "Impressum", "Sie sind hier"),
            table_rows=(
                "Schritt: Erstberatung; Frist – Ziel: 5 Werktage; Frist – Ist 2025: 7 Werktage",
            ),
        )
    ]


# --- report ----------------------------------------------------------------------------------


def _row(q: ExtractionQuality) -> str:
    def share(pair: tuple[int, int]) -> str:
        return f"{pair[0]}/{pair[1]}" if pair[1] else "–"

    return (
        f"| {q.label} | {q.kind} | {q.pages} | {share(q.sentences)} | {share(q.headings)} | "
        f"{q.chrome_chunks} | {share(q.table_rows)} | {share(q.words)} | {q.ms_per_page:.0f} |"
    )


HEADER = (
    "| Datei | Format | Seiten | Sätze intakt | Überschriften | Abschnitte mit Kopf-/Fußzeile "
    "| Tabellenzeilen | Wörter | ms/Seite |\n|---|---|---|---|---|---|---|---|---|"
)


def run(ocr: bool = True) -> list[ExtractionQuality]:
    """Measure every fixture (OCR ones only when ``ocr``)."""
    with tempfile.TemporaryDirectory(prefix="konzeptlotse-extraction-") as tmp:
        specs = corpus_specs() + office_specs(Path(tmp)) + site_specs()
        if ocr:
            from .office_fixture import scanned_pdf

            office = next(s for s in specs if s.label == "PDF aus ODT (LibreOffice)")
            scan = scanned_pdf(office.path, Path(tmp) / "scan.pdf")
            specs.append(
                ExtractionSpec(
                    scan,
                    "Scan des PDF (OCR)",
                    office.sentences,
                    office.headings,
                    office.chrome,
                    office.table_rows,
                )
            )
        return [measure(spec) for spec in specs]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the extraction-quality table (Markdown) or JSON."""
    parser = argparse.ArgumentParser(prog="python -m evals.extraction")
    parser.add_argument("--json", action="store_true", help="JSON statt Tabelle")
    parser.add_argument("--ohne-ocr", action="store_true", help="Scan (OCR) auslassen")
    args = parser.parse_args(argv)
    results = run(ocr=not args.ohne_ocr)
    if args.json:
        print(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1))
    else:
        print(HEADER)
        print("\n".join(_row(r) for r in results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
