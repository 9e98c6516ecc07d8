"""Synthetic German corpora for the scale benchmark (``make bench-scale``), nothing downloaded.

Each synthetic document follows the heading outline of one of the bundled documents' sources
(``corpus/src``): it keeps part of the source's sentences and takes the others from the pool
of all source sentences, under an invented municipality (five documents each, as a
municipality has a concept, its update and handouts), with invented project and place names
and varied figures. Document ``i`` depends only on the seed and ``i``, so a smaller
corpus is a prefix of a larger one (and vectors computed for one can be reused for the
other). The bundled documents are copied in as they are, so the evaluation questions
(including comparisons) have their answers in every corpus.

Every municipality is invented from syllables that German place names do not use together,
and each manifest entry says that the document is synthetic.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.sentences import split_sentences

__all__ = [
    "CHUNKS_PER_DOCUMENT",
    "SourceText",
    "build_corpus",
    "documents_for",
    "load_sources",
    "synthetic_document",
]

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "corpus" / "src"
BUNDLED = ROOT / "corpus" / "documents"
MANIFEST = "manifest.yaml"
SYNTHETIC = "synthetisch"  # folder of the generated documents inside the corpus
# Measured: one generated document gives about this many chunks at the default chunk size.
CHUNKS_PER_DOCUMENT = 50
KEEP_SHARE = 0.45  # share of a source's sentences a synthetic document keeps in place
NOTE = (
    "Synthetisches Testdokument für den Skalierungs-Benchmark des Konzeptlotsen: Sätze der "
    "mitgelieferten fiktiven Beispieldokumente, neu zusammengesetzt; Kommune und Namen erfunden."
)

_FIRST = ("Quen", "Wirl", "Flon", "Zorv", "Pfarr", "Mirn", "Tolv", "Brisk", "Gaud", "Hulm")
_MIDDLE = ("el", "er", "ing", "an", "ol", "ud", "ar", "im", "on", "ei")
_LAST = ("bach", "hausen", "au", "heim", "stedt", "rode", "hagen", "wede", "born", "lingen")
_TYPES = ("Stadt", "Stadt", "Kreis", "Gemeinde")
_DOC_TYPES = ("Kommunales Konzept", "Fortschreibung", "Handreichung", "Handreichung", "Webseite")
DOCUMENTS_PER_MUNICIPALITY = 5  # a concept, its update and handouts, as a municipality has
_TITLES = (
    "Konzept zur Bildungsintegration neu zugewanderter Kinder",
    "Fortschreibung des Konzepts für neu zugewanderte Kinder und Jugendliche",
    "Handreichung für Schulen zur Aufnahme neu zugewanderter Kinder",
    "Informationen für Familien zur Schulanmeldung",
    "Bericht über Angebote für neu zugewanderte Jugendliche",
)
_PROJECTS = ("Projekt", "Netzwerk", "Lernwerkstatt", "Brückenkurs", "Initiative")
_STREETS = ("Weg", "Straße", "Allee", "Ring", "Gasse")
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_NUMBER = re.compile(r"\b\d+\b")


@dataclass(frozen=True)
class SourceText:
    """One source document: its blocks in order and the names of its municipality."""

    name: str
    blocks: tuple[str, ...]
    place_words: tuple[str, ...]  # "Haldenberg", "Haldenberger", ... (replaced in copies)


def load_sources(folder: Path = SOURCES) -> list[SourceText]:
    """The Markdown sources of the bundled documents (front matter removed)."""
    sources = []
    for path in sorted(folder.rglob("*.md")):
        raw = path.read_text(encoding="utf-8")
        head = _FRONT.match(raw)
        meta = yaml.safe_load(head.group(0).strip("-\n")) if head else {}
        body = raw[head.end() :] if head else raw
        blocks = tuple(b.strip() for b in body.split("\n\n") if b.strip())
        sources.append(SourceText(path.stem, blocks, _place_words(str(meta.get("kommune", "")))))
    return sources


def _place_words(kommune: str) -> tuple[str, ...]:
    words = [w for w in kommune.split() if w[:1].isupper() and w not in ("Stadt", "Kreis")]
    forms = [f for w in words for f in (f"{w}er", f"{w}s", w)]  # longest forms first
    return tuple(forms)


def _sentence_pool(sources: list[SourceText]) -> list[str]:
    pool: list[str] = []
    for source in sources:
        for block in source.blocks:
            if _is_prose(block):
                pool.extend(s for s in split_sentences(block) if len(s.split()) >= 5)
    return pool


def _is_prose(block: str) -> bool:
    return not block.startswith(("#", "|", "-", "[^", ">")) and not block[:2].rstrip(".").isdigit()


def _name(rng: random.Random) -> str:
    return rng.choice(_FIRST) + rng.choice(_MIDDLE) + rng.choice(_LAST)


def _place(i: int) -> str:
    """A municipality name unique for each ``i`` below 10,000 (digits of a scrambled ``i``)."""
    k = (i * 7919) % 10_000
    first, middle, second, last = k % 10, k // 10 % 10, k // 100 % 10, k // 1000 % 10
    return _FIRST[first] + _MIDDLE[middle] + _MIDDLE[second].rstrip("i") + _LAST[last]


def synthetic_document(
    i: int, sources: list[SourceText], pool: list[str], seed: int = 13
) -> tuple[str, dict[str, str]]:
    """(Markdown text, manifest entry) of synthetic document ``i``."""
    rng = random.Random(seed * 1_000_003 + i)
    source = sources[i % len(sources)]
    place = _place(i // DOCUMENTS_PER_MUNICIPALITY)
    kind = random.Random(i // DOCUMENTS_PER_MUNICIPALITY).choice(_TYPES)
    kommune = f"{kind} {place}"
    names = _Names(rng, place)
    blocks = [_rewrite(block, source, place, names, pool, rng) for block in source.blocks]
    year = rng.randint(2016, 2026)
    part = i % DOCUMENTS_PER_MUNICIPALITY + 1
    entry = {
        "file": f"{SYNTHETIC}/{i // 1000:03d}/dokument-{i:06d}.md",
        "title": f"{_TITLES[i % len(_TITLES)]} in {place} (Teil {part})",
        "issuer": f"{kommune} – Kommunales Integrationszentrum",
        "kommune": kommune,
        "doc_type": _DOC_TYPES[i % DOCUMENTS_PER_MUNICIPALITY % len(_DOC_TYPES)],
        "stand": f"{year}-{rng.randint(1, 12):02d}-01",
        "source": NOTE,
    }
    return "\n\n".join(blocks) + "\n", entry


class _Names:
    """Invented names of one document: projects, streets, schools."""

    def __init__(self, rng: random.Random, place: str) -> None:
        self.rng = rng
        self.place = place

    def project(self) -> str:
        return f"{self.rng.choice(_PROJECTS)} {_name(self.rng)}"

    def street(self) -> str:
        return f"{_name(self.rng)}{self.rng.choice(_STREETS).lower()}"


def _rewrite(
    block: str,
    source: SourceText,
    place: str,
    names: _Names,
    pool: list[str],
    rng: random.Random,
) -> str:
    if _is_prose(block):
        kept = [
            s if rng.random() < KEEP_SHARE else rng.choice(pool) for s in split_sentences(block)
        ]
        if rng.random() < 0.3:
            kept.append(
                f"Dazu gehört das {names.project()} in der {names.street()} {rng.randint(1, 99)}."
            )
        block = " ".join(kept)
    for word in source.place_words:
        block = block.replace(word, place)
    for other in ("Haldenberg", "Kesselbrück", "Ostwaldau"):
        block = block.replace(other, place)
    return _NUMBER.sub(lambda m: _vary(m.group(0), rng), block)


def _vary(number: str, rng: random.Random) -> str:
    value = int(number)
    if 1990 <= value <= 2035 or len(number) > 6:
        return number  # years and identifiers stay
    return str(max(1, round(value * rng.uniform(0.5, 1.8))))


def documents_for(chunks: int) -> int:
    """Number of synthetic documents for a corpus of about ``chunks`` chunks."""
    return max(1, round(chunks / CHUNKS_PER_DOCUMENT))


def build_corpus(target: Path, documents: int, seed: int = 13) -> Path:
    """Write the bundled documents plus ``documents`` synthetic ones (with manifest) to
    ``target``; unchanged files are left alone, so rebuilding is cheap. Returns ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    entries = _copy_bundled(target)
    sources = load_sources()
    pool = _sentence_pool(sources)
    wanted = set()
    for text, entry in _generate(documents, sources, pool, seed):
        path = target / entry["file"]
        wanted.add(path)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        entries.append(entry)
    for stale in (target / SYNTHETIC).rglob("*.md"):
        if stale not in wanted:
            stale.unlink()
    manifest = {"version": 1, "documents": entries}
    text = yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False)
    if not (target / MANIFEST).is_file() or (target / MANIFEST).read_text("utf-8") != text:
        (target / MANIFEST).write_text(text, encoding="utf-8")
    return target


def _generate(
    documents: int, sources: list[SourceText], pool: list[str], seed: int
) -> Iterator[tuple[str, dict[str, str]]]:
    for i in range(documents):
        yield synthetic_document(i, sources, pool, seed)


def _copy_bundled(target: Path) -> list[dict[str, str]]:
    """The bundled documents (files and manifest entries), copied unless already there."""
    for path in BUNDLED.rglob("*"):
        if path.is_file() and path.name != MANIFEST:
            copy = target / path.relative_to(BUNDLED)
            if not copy.is_file() or copy.stat().st_size != path.stat().st_size:
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, copy)
    manifest = yaml.safe_load((BUNDLED / MANIFEST).read_text(encoding="utf-8"))
    return list(manifest.get("documents", []))
