"""Bad input for ingest: one builder per kind, each with the verdict a run must give.

Every builder writes one problem into a document folder (next to the mini corpus) and returns
the document id the verdict is reported under. PDFs with thousands of pages or megabytes of
text on one page are written directly in PDF syntax, which takes milliseconds.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .pdfs import PAGES_MUSTERHAUSEN, make_image_only_pdf, make_pdf

__all__ = ["CASES", "LIMITS", "BadInput", "raw_pdf"]

# Limits the matrix runs under (small, so that every kind ends in seconds).
LIMITS = {
    "KONZEPTLOTSE_INGEST_TIMEOUT": "4",
    "KONZEPTLOTSE_INGEST_MAX_MB": "4",
    "KONZEPTLOTSE_INGEST_MAX_PAGES": "500",
    "KONZEPTLOTSE_INGEST_MAX_CHARS": "400000",
    "KONZEPTLOTSE_OCR": "false",  # OCR of scanned pages: tests/test_ocr.py
}

Builder = Callable[[Path, Path], str]  # (document folder, a folder outside it) -> doc id


@dataclass(frozen=True)
class BadInput:
    """One kind of bad input and the verdict it must get."""

    kind: str
    make: Builder
    status: str  # failed | skipped | new (readable after all)
    message: str  # part of the German reason
    question: str = ""  # for readable kinds: answered from this very file
    expected: str = ""  # ... with this in the answer


def raw_pdf(pages: list[bytes]) -> bytes:
    """A minimal valid PDF whose pages have the given content streams."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * i} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _text_page(lines: list[str]) -> bytes:
    body = "\n".join(f"({line}) Tj T*" for line in lines)
    return f"BT /F1 10 Tf 40 800 Td 12 TL\n{body}\nET".encode("latin-1")


def _write(name: str, data: bytes | str) -> Builder:
    def make(docs: Path, outside: Path) -> str:
        path = docs / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return name

    return make


def _corrupt_pdf(docs: Path, outside: Path) -> str:
    (docs / "kaputt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    return "kaputt.pdf"


def _truncated_pdf(docs: Path, outside: Path) -> str:
    full = make_pdf(outside / "ganz.pdf", PAGES_MUSTERHAUSEN).read_bytes()
    (docs / "abgeschnitten.pdf").write_bytes(full[: len(full) // 3])
    return "abgeschnitten.pdf"


def _encrypted_pdf(docs: Path, outside: Path) -> str:
    make_pdf(docs / "geheim.pdf", [["Vertraulicher Inhalt."]], user_password="geheim")
    return "geheim.pdf"


def _image_only_pdf(docs: Path, outside: Path) -> str:
    make_image_only_pdf(docs / "scan.pdf")
    return "scan.pdf"


def _duplicate(docs: Path, outside: Path) -> str:
    (docs / "zz-kopie.md").write_bytes((docs / "bedorf.md").read_bytes())
    return "zz-kopie.md"


def _symlink_out(docs: Path, outside: Path) -> str:
    target = outside / "fremd.md"
    target.write_text("# Fremd\n\nDiese Datei liegt außerhalb des Korpus.", encoding="utf-8")
    (docs / "verknuepft.md").symlink_to(target)
    return "verknuepft.md"


def _symlink_dangling(docs: Path, outside: Path) -> str:
    (docs / "ins-leere.md").symlink_to(outside / "gibt-es-nicht.md")
    return "ins-leere.md"


def _symlink_loop(docs: Path, outside: Path) -> str:
    (docs / "schleife-a.md").symlink_to(docs / "schleife-b.md")
    (docs / "schleife-b.md").symlink_to(docs / "schleife-a.md")
    return "schleife-a.md"


def _symlink_dir_out(docs: Path, outside: Path) -> str:
    folder = outside / "ordner"
    folder.mkdir()
    (folder / "innen.md").write_text("# Innen\n\nText im fremden Ordner.", encoding="utf-8")
    (docs / "fremder-ordner").symlink_to(folder, target_is_directory=True)
    return "fremder-ordner"


def _directory_named_pdf(docs: Path, outside: Path) -> str:
    (docs / "ordner.pdf").mkdir()
    return "ordner.pdf"


def _fifo(docs: Path, outside: Path) -> str:
    os.mkfifo(docs / "rohr.txt")
    return "rohr.txt"


def _many_pages(docs: Path, outside: Path) -> str:
    pages = [_text_page([f"Seite {i} des Anhangs."]) for i in range(2000)]
    (docs / "anhang-2000-seiten.pdf").write_bytes(raw_pdf(pages))
    return "anhang-2000-seiten.pdf"


def _megabytes_on_one_page(docs: Path, outside: Path) -> str:
    line = "Die Schulplatzkonferenz berät die Fälle der neu zugewanderten Kinder im Rathaus"
    (docs / "eine-volle-seite.pdf").write_bytes(raw_pdf([_text_page([line] * 45_000)]))
    return "eine-volle-seite.pdf"


def _huge_line(docs: Path, outside: Path) -> str:
    words = "Die Schulplatzkonferenz tagt im Rathaus und berät die Fälle der Kinder "
    (docs / "eine-zeile.md").write_text(words * (1_000_000 // len(words)), encoding="utf-8")
    return "eine-zeile.md"


def _oversized(docs: Path, outside: Path) -> str:
    (docs / "riesig.txt").write_text("Lernpaten begleiten Kinder. " * 180_000, encoding="utf-8")
    return "riesig.txt"


def _utf16(docs: Path, outside: Path) -> str:
    text = "# Dorfen\n\nIn Dorfen begleiten 57 Sprachlotsinnen die Familien zur Schulanmeldung.\n"
    (docs / "dorfen-utf16.txt").write_bytes(text.encode("utf-16"))
    return "dorfen-utf16.txt"


def _latin1(docs: Path, outside: Path) -> str:
    text = "Die Schülerinnen in Efeld erhalten 14 Förderstunden je Woche für Deutsch.\n"
    (docs / "efeld-latin1.txt").write_bytes(text.encode("latin-1"))
    return "efeld-latin1.txt"


def _nul_in_text(docs: Path, outside: Path) -> str:
    text = "In Gedorf gibt es 9 Willkommensklassen.\n" * 120 + "\x00Rest\n"
    (docs / "gedorf-nul.txt").write_bytes(text.encode("utf-8"))
    return "gedorf-nul.txt"


CASES = [
    BadInput("corrupt-pdf", _corrupt_pdf, "failed", "beschädigt"),
    BadInput("truncated-pdf", _truncated_pdf, "failed", "beschädigt"),
    BadInput("encrypted-pdf", _encrypted_pdf, "failed", "Passwort"),
    BadInput("empty-pdf", _write("leer-seiten.pdf", raw_pdf([])), "failed", "keine Textebene"),
    BadInput("image-only-pdf", _image_only_pdf, "failed", "gescannt"),
    BadInput(
        "html-named-pdf", _write("webseite.pdf", "<!DOCTYPE html><html>Hi</html>"), "failed", "HTML"
    ),
    BadInput(
        "pdf-named-txt", _write("tarnung.txt", raw_pdf([_text_page(["Text"])])), "failed", "PDF"
    ),
    BadInput("zero-bytes", _write("null.txt", b""), "failed", "leer"),
    BadInput("whitespace-only", _write("nur-leerzeichen.md", " \n\n \t\n"), "failed", "leer"),
    BadInput("front-matter-only", _write("nur-kopf.md", "---\ntitel: x\n---\n"), "failed", "leer"),
    BadInput(
        "html-without-text",
        _write("nur-menue.html", "<html><body><nav>Start</nav><script>x()</script></body></html>"),
        "failed",
        "leer",
    ),
    BadInput(
        "binary-named-txt", _write("zufall.txt", bytes(range(256)) * 64), "failed", "Binärdaten"
    ),
    BadInput("duplicate-content", _duplicate, "skipped", "Duplikat von „bedorf.md“"),
    BadInput("symlink-out", _symlink_out, "skipped", "außerhalb des Dokumentordners"),
    BadInput("symlink-dangling", _symlink_dangling, "skipped", "ohne erreichbares Ziel"),
    BadInput("symlink-loop", _symlink_loop, "skipped", "ohne erreichbares Ziel"),
    BadInput("symlink-dir-out", _symlink_dir_out, "skipped", "Verknüpfung auf einen Ordner"),
    BadInput("directory-named-pdf", _directory_named_pdf, "skipped", "Ordner mit Dateiendung"),
    BadInput("fifo-named-txt", _fifo, "skipped", "Keine gewöhnliche Datei"),
    BadInput("unsupported-type", _write("tabelle.xyz", "a;b"), "skipped", "nicht unterstützt"),
    BadInput("2000-pages", _many_pages, "failed", "2000 Seiten"),
    BadInput("megabytes-on-one-page", _megabytes_on_one_page, "failed", "abgebrochen"),
    BadInput("huge-single-line", _huge_line, "failed", "Zeichen Text"),
    BadInput("oversized-file", _oversized, "failed", "höchstens 4 MB"),
    BadInput(
        "utf16-bom-text",
        _utf16,
        "new",
        "",
        "Wie viele Sprachlotsinnen begleiten in Dorfen die Familien?",
        "57",
    ),
    BadInput(
        "latin1-text",
        _latin1,
        "new",
        "",
        "Wie viele Förderstunden erhalten die Schülerinnen in Efeld?",
        "Förderstunden",
    ),
    BadInput(
        "nul-bytes-in-text",
        _nul_in_text,
        "new",
        "",
        "Wie viele Willkommensklassen gibt es in Gedorf?",
        "9 Willkommensklassen",
    ),
]
