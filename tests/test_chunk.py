"""Structure- and sentence-aware chunking bounded by the model's tokens."""

from __future__ import annotations

from assistant.embed import bundled_model_path, max_tokens, token_counter
from assistant.sentences import split_sentences
from assistant.types import DocumentMeta, Page
from ingest.chunk import chunk_pages

MODEL = str(bundled_model_path())
META = DocumentMeta(doc_id="doc.pdf", title="Konzept", kommune="Stadt Musterhausen")


def _chunks(pages: list[Page], target: int = 120) -> list:
    return chunk_pages(pages, META, "fp", token_counter(MODEL), target, max_tokens(MODEL))


def test_model_limit_is_read_from_the_model() -> None:
    assert max_tokens(MODEL) == 256


def test_chunks_respect_the_token_limit_even_for_huge_sentences() -> None:
    long_sentence = " ".join(["Sprachstandsfeststellungsverfahren"] * 400) + "."
    page = Page("doc.pdf", 1, "# 1 Lang\n\n" + long_sentence)
    count = token_counter(MODEL)
    chunks = _chunks([page], target=500)
    assert len(chunks) > 5
    assert all(count(c.embed_text) <= 256 for c in chunks)
    assert " ".join(c.text for c in chunks).split() == long_sentence.split()


def test_sections_start_new_chunks_and_keep_heading_context() -> None:
    text = (
        "# 2 Schule\n\n## 2.1 Erstberatung\n\nDas KI berät alle Familien.\n\n"
        "## 2.2 Schulplätze\n\nDie Konferenz tagt mittwochs im Schulamt."
    )
    chunks = _chunks([Page("doc.pdf", 3, text)])
    assert [c.section for c in chunks] == [
        "2 Schule > 2.1 Erstberatung",
        "2 Schule > 2.2 Schulplätze",
    ]
    assert chunks[1].embed_text.startswith("2 Schule > 2.2 Schulplätze\n")
    assert all(c.page_start == c.page_end == 3 for c in chunks)


def test_sentences_are_never_split_between_chunks() -> None:
    sentences = [
        f"Satz Nummer {i} beschreibt die Beratung der Familien im Detail." for i in range(40)
    ]
    chunks = _chunks([Page("doc.pdf", 1, " ".join(sentences))], target=60)
    assert len(chunks) > 3
    for chunk in chunks:
        assert chunk.text.endswith(".")
    assert " ".join(c.text for c in chunks) == " ".join(sentences)


def test_page_span_and_quote_pages_are_recorded() -> None:
    pages = [
        Page("doc.pdf", 4, "# 3 Eltern\n\nElterncafés gibt es an zwölf Schulen."),
        Page("doc.pdf", 5, "Informationsabende finden zweimal im Jahr statt."),
    ]
    (chunk,) = _chunks(pages)
    assert (chunk.page_start, chunk.page_end) == (4, 5)
    assert chunk.page_of("Elterncafés gibt es an zwölf Schulen.") == 4
    assert chunk.page_of("Informationsabende finden zweimal im Jahr statt.") == 5


def test_paragraph_running_over_a_page_break_is_joined() -> None:
    pages = [
        Page(
            "doc.pdf", 1, "Die Jugendlichen haben zuvor eine Schule\n\n2 Fußnote: Quelle Schulamt."
        ),
        Page("doc.pdf", 2, "besucht und lernen weiter. Danach folgt der Übergang."),
    ]
    texts = [c.text for c in _chunks(pages)]
    joined = " ".join(texts)
    assert "Die Jugendlichen haben zuvor eine Schule besucht und lernen weiter." in joined
    (chunk,) = _chunks(pages)
    assert chunk.page_of("Danach folgt der Übergang.") == 2
    assert chunk.page_of("Die Jugendlichen haben zuvor eine Schule besucht und lernen weiter.") == 1


def test_ids_are_stable_and_depend_on_the_fingerprint() -> None:
    pages = [Page("doc.pdf", 1, "Das KI berät alle Familien. " * 30)]
    first = [c.chunk_id for c in _chunks(pages)]
    again = [c.chunk_id for c in _chunks(pages)]
    other = chunk_pages(pages, META, "fp2", token_counter(MODEL), 120, 256)
    assert first == again
    assert not set(first) & {c.chunk_id for c in other}
    assert len(set(first)) == len(first)


def test_use_tokenizer_is_exact_word_by_word() -> None:
    """The cached word-by-word counts and ids equal the tokenizer's (real text, odd spacing);
    equal ids mean equal vectors, since the embedder sees nothing else."""
    from pathlib import Path

    from assistant.embed import USE_MODEL, UseTokenCounter

    counter = token_counter(USE_MODEL)
    assert isinstance(counter, UseTokenCounter)
    root = Path(__file__).resolve().parents[1] / "corpus" / "src"
    texts = [b for p in sorted(root.rglob("*.md")) for b in p.read_text("utf-8").split("\n\n")]
    texts += [
        "",
        "   ",
        "a\u200b b",
        "Straße\u00a0¨ Ä\tÖ\n\nÜ ﬁx",
        "\x1c Wort\x0bWort \u3000 \u2028x",
        "- Liste:  zwei  Leerzeichen\n- und Zeilen",
    ]
    assert [counter(t) for t in texts] == [counter.exact(t) for t in texts]
    reference = counter._tokenizer
    for text in texts:
        assert counter.encode(text) == reference.encode(text, out_type=int)


def test_lines_that_end_no_sentence_stay_apart_from_the_next_sentence() -> None:
    """A web page saved as text: navigation, a heading and a label line, each a paragraph
    of its own. In the chunk they stay paragraphs, so the answer path does not read
    "Sprungziele Hauptmenü Erstberatung … Das KI berät …" as one sentence."""
    text = (
        "Sprungziele\nHauptmenü\n\nErstberatung für Seiteneinsteiger\n\nDas KI berät "
        "Familien montags. Termine gibt es online.\n\nStand\n20.09.2023"
    )
    (chunk,) = _chunks([Page("doc.txt", 1, text)])
    assert split_sentences(chunk.text) == [
        "Sprungziele Hauptmenü",
        "Erstberatung für Seiteneinsteiger",
        "Das KI berät Familien montags.",
        "Termine gibt es online.",
        "Stand 20.09.2023",
    ]


def test_hard_wrapped_lines_are_joined_and_short_lines_stand_alone() -> None:
    """A text file wrapped at a fixed width reads as running text; a web page's short lines
    (a heading, form labels) stand alone; a line broken after "beim" or before a lower-case
    word continues."""
    wrapped = (
        "Das Kommunale Integrationszentrum führt für alle neu zugewanderten\n"
        "Sprachstandsfeststellungsverfahren durch, die nicht länger als\n"
        "eine Stunde dauern."
    )
    form = "Betreff\nSprachförderung an Grundschulen\nVorlage\n051/22"
    web = (
        "Schulplatz für Seiteneinsteiger\nNach einem Beratungsgespräch beim\n"
        "Kommunalen Integrationszentrum\nvermittelt das Schulamt den Schulplatz an einer "
        "Grundschule oder einer weiterführenden Schule in der Nähe der Wohnung."
    )
    text = "\n\n".join((wrapped, form, web))
    (chunk,) = _chunks([Page("doc.txt", 1, text)], target=200)
    assert split_sentences(chunk.text) == [
        " ".join(wrapped.split()),
        "Betreff",
        "Sprachförderung an Grundschulen",
        "Vorlage",
        "051/22",
        "Schulplatz für Seiteneinsteiger",
        " ".join(web.split("\n", 1)[1].split()),
    ]


def test_a_sentence_cut_by_a_page_break_after_a_function_word_reads_whole() -> None:
    pages = [
        Page("doc.pdf", 4, "Als Ursache gilt die Zahl der Plätze in den Klassen im"),
        Page("doc.pdf", 5, "Südkreis. Bei 21 Prozent dauerte es länger."),
    ]
    (chunk,) = _chunks(pages)
    assert split_sentences(chunk.text)[0] == (
        "Als Ursache gilt die Zahl der Plätze in den Klassen im Südkreis."
    )
