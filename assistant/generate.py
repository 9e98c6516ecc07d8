"""Generated answers: numbered passages in, a checked German answer out, shown as checked.

Buffer, then show: the reply is held back sentence by sentence; a sentence is streamed only
once it is complete and its cited passages back it (status "belegt"). A claim that fails the
check is never shown while the model writes; the final ``Answer`` then shows it marked, or the
whole reply is replaced. The extractive composer stays the fallback: when the model server
fails, or when the reply fails the support check as a whole, staff get the extractive answer
with a short note. A passing reply keeps its sentences, each marked by how well the cited
passages back it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from . import prompts, texts
from .citations import cited_numbers, renumber
from .errors import GeneratorUnavailable
from .llm import complete, stream_text
from .settings import Settings
from .support import (
    SUPPORTED,
    UNCITED,
    WEAK,
    Checked,
    best_quote,
    check_answer,
    sanitize_passage,
    split_claims,
)
from .types import Answer, Chunk, Citation, ComparisonPart, Hit
from .versions import version_notes

__all__ = ["LLMAnswerer", "Source", "number_sources", "render_sources"]

COMPARISON_SOURCES = 3  # passages per municipality in a comparison prompt


@dataclass(frozen=True)
class Source:
    """A numbered passage as the model sees it."""

    n: int
    chunk: Chunk
    text: str  # sanitised passage text
    kommune: str = ""


def number_sources(groups: Sequence[tuple[str, Sequence[Hit]]], per_group: int) -> list[Source]:
    """Number the passages of all groups consecutively (at most ``per_group`` each)."""
    sources: list[Source] = []
    for kommune, hits in groups:
        for hit in hits[:per_group]:
            text = sanitize_passage(hit.chunk.text)
            sources.append(Source(len(sources) + 1, hit.chunk, text, kommune))
    return sources


def render_sources(sources: Sequence[Source]) -> str:
    """The source blocks of the prompt."""
    blocks = []
    for s in sources:
        meta = s.chunk.meta
        review = prompts.UNCONFIRMED_SOURCE if meta.unconfirmed else ""
        where = ", ".join(x for x in (meta.kommune, meta.doc_type, _stand(meta.stand), review) if x)
        section = f", Abschnitt {s.chunk.section}" if s.chunk.section else ""
        blocks.append(
            prompts.SOURCE_BLOCK.format(
                n=s.n,
                title=meta.title,
                where=where,
                page=s.chunk.page_start,
                section=section,
                text=s.text,
            )
        )
    return "\n\n".join(blocks)


def _stand(stand: str) -> str:
    return f"Stand {stand}" if stand else ""


class LLMAnswerer:
    """Streams an answer from the configured chat model and checks it."""

    def __init__(self, settings: Settings, model: Any) -> None:
        self.settings = settings
        self.model = model
        self.name = f"{settings.generator}:{settings.llm_model}"

    def rewrite_followup(self, question: str, history: Sequence[str]) -> str:
        """The model's standalone form of a follow-up (raises ``GeneratorUnavailable``)."""
        user = prompts.FOLLOWUP_USER.format(
            history="\n".join(f"- {h}" for h in history), question=question
        )
        text = complete(self.model, prompts.FOLLOWUP_SYSTEM, user, self.settings.llm_timeout)
        return text.splitlines()[0].strip() if text else ""

    def stream(
        self,
        question: str,
        sources: list[Source],
        kommunen: Sequence[str],
        fallback: Callable[[str], Answer],
    ) -> Iterator[str | Answer]:
        """Yield checked sentences as they are complete, then the final ``Answer``."""
        instructions = (
            prompts.COMPARISON_INSTRUCTIONS.format(kommunen=", ".join(kommunen)) if kommunen else ""
        )
        user = prompts.USER.format(
            sources=render_sources(sources), question=question, instructions=instructions
        )
        deltas: list[str] = []
        passages = {s.n: s.text for s in sources}
        judged = 0
        try:
            for delta in stream_text(self.model, prompts.SYSTEM, user, self.settings.llm_timeout):
                deltas.append(delta)
                complete = split_claims("".join(deltas))[:-1]  # the last one may go on
                for sentence, cited in complete[judged:]:
                    if _backed(sentence, cited, passages):
                        yield _render(sentence, cited)
                judged = max(judged, len(complete))
        except GeneratorUnavailable as exc:
            yield fallback(str(exc))
            return
        claims = split_claims("".join(deltas))
        for sentence, cited in claims[judged:]:  # the reply is complete now
            if _backed(sentence, cited, passages):
                yield _render(sentence, cited)
        checked = check_answer("".join(deltas), passages)
        if checked.failure:
            yield fallback(checked.failure)
            return
        yield self._answer(question, checked, sources, kommunen)

    def _answer(
        self, question: str, checked: Checked, sources: list[Source], kommunen: Sequence[str]
    ) -> Answer:
        if checked.refusal:
            return Answer(question=question, text=texts.REFUSAL, found=False, generator=self.name)
        by_number = {s.n: s for s in sources}
        order = cited_numbers(checked.text)
        mapping = {old: new for new, old in enumerate(order, start=1)}
        text = renumber(checked.text, mapping)
        checks = tuple(
            replace(c, cited=tuple(mapping[n] for n in c.cited if n in mapping))
            for c in checked.sentences
        )
        citations = tuple(
            _citation(mapping[n], by_number[n], [c.text for c in checked.sentences if n in c.cited])
            for n in order
        )
        flagged = sum(1 for c in checks if c.status in (UNCITED, WEAK))
        notes: tuple[str, ...] = (texts.NOTE_UNSUPPORTED.format(count=flagged),) if flagged else ()
        notes += _version_notes(checked, by_number, order)
        return Answer(
            question=question,
            text=text,
            found=True,
            citations=citations,
            notes=notes,
            comparison=_comparison_parts(text, citations, kommunen),
            generator=self.name,
            checks=checks,
        )


def _backed(sentence: str, cited: tuple[int, ...], passages: dict[int, str]) -> bool:
    """Whether one complete sentence passes the support check on its own."""
    checked = check_answer(_render(sentence, cited), passages)
    return bool(checked.sentences) and all(c.status == SUPPORTED for c in checked.sentences)


def _render(sentence: str, cited: tuple[int, ...]) -> str:
    return sentence + "".join(f" [{n}]" for n in cited) + " "


def _version_notes(
    checked: Checked, by_number: dict[int, Source], order: list[int]
) -> tuple[str, ...]:
    """The versions note of the extractive answer, for the documents the reply cites."""
    metas = {by_number[n].chunk.doc_id: by_number[n].chunk.meta for n in order}
    said: dict[str, list[str]] = {doc_id: [] for doc_id in metas}
    for sentence in checked.sentences:
        for n in sentence.cited:
            if n in by_number:
                said[by_number[n].chunk.doc_id].append(sentence.text)
    return version_notes(metas, said)


def _citation(n: int, source: Source, sentences: list[str]) -> Citation:
    chunk = source.chunk
    quote = best_quote(" ".join(sentences), chunk.text)
    return Citation(
        n=n,
        doc_id=chunk.doc_id,
        title=chunk.meta.title,
        kommune=chunk.meta.kommune,
        page=chunk.page_of(quote),
        quote=quote,
        section=chunk.section,
        doc_type=chunk.meta.doc_type,
        stand=chunk.meta.stand,
        chunk_id=chunk.chunk_id,
        context=chunk.text,
        ocr=chunk.ocr,
        paged=chunk.paged,
    )


def _comparison_parts(
    text: str, citations: Sequence[Citation], kommunen: Sequence[str]
) -> tuple[ComparisonPart, ...]:
    """Split a comparison reply at its "**Kommune:**" headings."""
    if not kommunen:
        return ()
    parts = []
    for kommune in kommunen:
        match = re.search(
            rf"\*\*{re.escape(kommune)}:?\*\*:?\s*(.*?)(?=\n\s*\*\*[^*]+:?\*\*|\Z)", text, re.S
        )
        body = match.group(1).strip() if match else texts.COMPARISON_NOTHING.format(kommune=kommune)
        numbers = set(cited_numbers(body))
        found = bool(numbers)
        own = tuple(c for c in citations if c.n in numbers)
        parts.append(ComparisonPart(kommune, body, found, own))
    return tuple(parts)
