"""The public entry point used by the CLI, the UI and the evals alike.

A question is first planned (``Assistant.plan``): a follow-up is rewritten into a standalone
query, named municipalities and document types narrow the search, and a comparison becomes
one search per municipality. Each part is then retrieved, scored (``assistant.evidence``) and
composed into a cited answer or the refusal sentence (``assistant.answer``).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from . import texts
from .answer import Composition, compose_extractive
from .calibration import load_calibration
from .citations import cited_numbers, renumber, strip_markers
from .corpusinfo import CorpusInfo, corpus_info
from .dialogue import (
    is_comparison,
    question_clauses,
    question_parts,
    rewrite_followup,
    topic_of,
)
from .embed import resolve_model
from .errors import GeneratorUnavailable
from .evidence import Evidence, gather, starts_with_reference
from .framing import question_and_context, unframed
from .gazetteer import LAENDER, is_land_outside_nrw, is_place_outside_nrw
from .generate import COMPARISON_SOURCES, LLMAnswerer, number_sources
from .german import analyze, fold_plain, nouns
from .glossary import Glossary
from .lexical import Query
from .llm import chat_model
from .places import (
    coordinated,
    distinctive_words,
    listed_with,
    mention_names,
    narrowed,
    other_places,
    own_school_names,
    place_type_words,
    state_towns,
    strip_places,
    type_words_before_names,
    typed_names,
)
from .question import Expectation, frame_question
from .refusal import Decision, RefusalPolicy
from .rerank import RERANK_DEPTH, Reranker, load_reranker
from .retrieve import FusionWeights, Mode, retrieve
from .scoring import AnswerModel, load_model
from .settings import Settings
from .statements import states_type
from .store import Index, LiveIndex
from .support import split_claims
from .types import Answer, Citation, ComparisonPart, Filters, Hit

__all__ = [
    "RANKING_DEPTH",
    "Assistant",
    "Part",
    "Plan",
    "ask",
    "comparison_threshold",
    "get_assistant",
]

RANKING_DEPTH = 10  # hits kept in the Answer for inspection and evals (MRR@10)
_COMPARISON_SHARE = 0.5  # a comparison part is a gap below this share of the best part ...
_COMPARISON_FLOOR = 0.25  # ... unless the best part is below this share of the threshold
_COMPARISON_PART = 0.6  # and a part needs at most this share of the threshold
_COMPARISON_TYPED = 0.35  # ... or this share when it asks for a kind of value (an age, a count)
# A comparison that names no municipality compares at most this many, those whose documents
# treat the topic most clearly (one search over all): in a state-wide corpus "all" would be
# hundreds of paragraphs and searches. The shipped corpora have at most four.
COMPARED_AT_MOST = 6
_COMPARISON_POOL = 100  # hits of that one search that vote for municipalities
# An open question of a message that asks several things is answered when the answer gives
# a sentence nearly as likely as its best (this share of it); else that sentence is added
_GIVEN_SHARE = 0.9
# A capitalised word after a place preposition: "in Rastede", "im Erzgebirgskreis"
_PLACED_NAME = re.compile(r"\b(?:in|im|aus|nach)\s+([A-ZÄÖÜ][\w-]+)")
# The area word before a name ("im Jugendamtsbezirk Pulheim", "im Kammerbezirk Stade") says
# where, as the name does: no topic of the question
_AREA_BEFORE_NAME = re.compile(r"\b\w*[Bb]ezirk(?:s|es|e|en)?\b(?=\s+[A-ZÄÖÜ])")


@dataclass(frozen=True)
class Part:
    """One search of a plan: the query text and the filters it runs under."""

    text: str
    filters: Filters
    kommune: str = ""  # set for the parts of a comparison
    # the comparison's topic, the same text for each part: a school it names may be another
    # part's ("an der GGS … in Rheinbach und an der Hauptschule … in Düren")
    shared: bool = False
    # of a message that asks several things: the question this part answers, as asked (a
    # note names it when the documents do not answer it); the text adds the context
    asked: str = ""


@dataclass(frozen=True)
class Plan:
    """How a question will be answered."""

    question: str
    rewritten: str  # what is asked when not the question as typed: a follow-up made
    # standalone, framing dropped, a slip mended ("" when only letter case differs or nothing)
    parts: tuple[Part, ...]  # one per municipality of a comparison, one per question of a
    # message that asks several things, else one
    comparison: bool
    compared_of: int = 0  # municipalities a comparison chose from, when it could not take all


class Assistant:
    """Answers questions from one index with one configuration (thread-safe for reads)."""

    def __init__(
        self,
        settings: Settings,
        index: Index | None = None,
        model: AnswerModel | None = None,
        reranker: Reranker | None = None,
    ) -> None:
        self.settings = settings
        self._fixed = index
        self._live: LiveIndex | None = None
        self._pinned = threading.local()  # the generation a question in this thread uses
        self._reranker = reranker
        self._reranker_loaded = reranker is not None
        self._llm: LLMAnswerer | None = None
        self._lock = threading.Lock()
        self._corpus: CorpusInfo | None = None
        self.model = model or load_model()
        self.threshold = _threshold(settings, self.model, calibrated=model is None)
        self.weights = FusionWeights(
            chars=settings.weight_chars,
            dense=settings.weight_dense,
            e5=settings.weight_e5,
            expansion=settings.weight_synonyms,
        )

    @property
    def index(self) -> Index:
        """The index generation to read from.

        During ``ask_stream`` it is the generation the question started with (pinned per
        thread, so one answer never mixes two generations); otherwise the newest published
        one, switched to between questions without a restart (``LiveIndex``).
        """
        pinned: Index | None = getattr(self._pinned, "index", None)
        if pinned is not None:
            return pinned
        if self._fixed is not None:
            return self._fixed
        with self._lock:
            if self._live is None:
                model = resolve_model(self.settings.embedding_model)
                glossary = self.settings.glossary  # not self: no reference cycle
                self._live = LiveIndex(
                    self.settings.data_dir,
                    model,
                    lambda: Glossary.load(glossary, analyze),
                    self.settings.chroma_url,
                )
            live = self._live
        return live.current()

    @property
    def reranker(self) -> Reranker | None:
        """The optional cross-encoder stage (loaded on first use; None when not configured)."""
        with self._lock:
            if not self._reranker_loaded:
                self._reranker = load_reranker(self.settings.reranker)
                self._reranker_loaded = True
            return self._reranker

    def corpus(self) -> CorpusInfo:
        """Municipalities, document types and versions of the index (refreshed on change)."""
        index = self.index
        if self._corpus is None or self._corpus.version != index.version:
            self._corpus = corpus_info(index)
        return self._corpus

    def plan(
        self,
        question: str,
        filters: Filters | None = None,
        history: Sequence[str] = (),
        use_llm: bool = False,
    ) -> Plan:
        """Rewrite a follow-up, scope the search, and split a comparison by municipality."""
        filters = filters or Filters()
        corpus = self.corpus()
        history = [self._as_asked(turn) for turn in history]
        cased = self._as_asked(question, followup=bool(history))
        rewritten = self._standalone(cased, history, use_llm)
        if not rewritten and cased.lower() != question.strip().lower():
            rewritten = cased  # shown as understood: a slip mended, framing or preface dropped
        text = rewritten or cased
        clauses = [] if filters.kommunen else self._place_clauses(text)
        if clauses:  # one question for one place, another for another: a part each
            parts = tuple(Part(c, _scoped(filters, k), kommune=k) for c, k in clauses)
            return Plan(question, rewritten, parts, comparison=True)
        named = corpus.municipalities.mentioned(text)
        # a place without documents of its own is compared by the passages naming it ("im
        # Kreis Feldau im Vergleich zu Düsseldorf", "in Offenbach und in Freiburg")
        places = other_places(text, corpus.municipalities, self._knows, corpus.names.names)
        # a town of NRW that is no municipality of the index is a place to compare, too
        places += tuple(t for t in state_towns(text, corpus.municipalities) if t not in places)
        # and a name listed with a place as its equal ("in Feldau und in Lindenau")
        places += tuple(
            p for p in listed_with(text, named + list(places), corpus.names.noun) if p not in places
        )
        compared = is_comparison(text, named, places) or coordinated(text, named + list(places))
        if not filters.kommunen and compared:
            targets = named + list(places)
            # one place compared with the others ("Wie macht es Feldau im Vergleich zu den
            # anderen Kommunen?"): that place and the municipalities of the index
            alone = targets if len(targets) == 1 else []
            if len(targets) < 2:
                targets = alone + [k for k in corpus.municipalities.names if k not in alone]
            if len(targets) >= 2:
                topic = topic_of(strip_places(text, places), corpus.municipalities) or text
                total = len(targets)
                if total > COMPARED_AT_MOST:
                    targets = self._most_relevant(topic, targets, filters, alone)
                # what the question says of one place in its own phrase is asked of it alone
                own = {
                    k: topic_of(strip_places(t, places), corpus.municipalities) or t
                    for k, t in narrowed(text, targets).items()
                }
                parts = tuple(
                    Part(own.get(k, topic), _scoped(filters, k), kommune=k, shared=True)
                    for k in targets
                )
                chosen_from = total if len(targets) < total else 0
                return Plan(question, rewritten, parts, comparison=True, compared_of=chosen_from)
        scoped = self._scope(text, named, filters)
        asked = question_parts(text)  # "Wie viele …, und wann …?": a part each
        if len(asked) > 1:
            # the message's places hold for each of its questions, a kind of document only
            # for the question that names it ("…, und was ändert die Fortschreibung?"), and
            # for the message as a whole only when each of its questions names it
            scopes = [self._part_scope(searched, scoped, filters) for _, searched in asked]
            kinds = set.intersection(*(set(s.doc_types) for s in scopes))
            whole = Part(
                text, replace(scoped, doc_types=tuple(t for t in scoped.doc_types if t in kinds))
            )
            parts = tuple(
                Part(searched, scope, asked=clause)
                for (clause, searched), scope in zip(asked, scopes, strict=True)
            )
            return Plan(question, rewritten, (whole, *parts), comparison=False)
        return Plan(question, rewritten, (Part(text, scoped),), False)

    def _place_clauses(self, text: str) -> list[tuple[str, str]]:
        """The questions of a message that asks one thing of one place and another of
        another ("Wie viele … im Kreis Wendau, und wie viele … in Feldau?"), each with its
        place (a municipality of the index or a place passages name); [] for any other."""
        clauses = question_clauses(text)
        if len(clauses) < 2:
            return []
        corpus = self.corpus()
        municipalities = corpus.municipalities
        knows = self._knows
        found: list[tuple[str, str]] = []
        for clause in clauses:
            named = municipalities.mentioned(clause)
            targets = named + list(other_places(clause, municipalities, knows, corpus.names.names))
            if len(targets) != 1:
                return []
            found.append((clause, targets[0]))
        return found if len({place for _, place in found}) == len(found) else []

    def _knows(self, word: str) -> bool:
        """Whether the corpus knows ``word`` as a term of its own (``LexicalIndex.knows_word``)
        or as a compound ending in one of its nouns (``NameUse.ends_in_noun``): either way no
        place's name (``other_places``)."""
        return self.index.lexical().knows_word(word) or self.corpus().names.ends_in_noun(word)

    def _as_asked(self, message: str, followup: bool = False) -> str:
        """What a chat message asks, as the documents write it: framing taken off
        (``assistant.framing``), statements around the question dropped but for the
        municipalities they name (kept whole when the question names no noun and is no
        ``followup``: then the statements hold the topic, not the conversation), spelling
        as in the documents (``LexicalIndex.respell``)."""
        lexical = self.index.lexical()
        whole = unframed(message)
        asked, context = question_and_context(whole)
        asked = lexical.respell(unframed(asked))  # a greeting may follow the statements
        if context and not nouns(asked) and not followup:  # "… in Bedorf. Können Sie …?"
            asked, context = lexical.respell(whole), ""  # the topic is in the statements
        if context:
            municipalities = self.corpus().municipalities
            named = municipalities.mentioned(asked)
            extra = [
                k for k in municipalities.mentioned(lexical.respell(context)) if k not in named
            ]
            if extra:
                asked = f"{asked} ({', '.join(extra)})"
        return asked

    def _most_relevant(
        self, topic: str, kommunen: list[str], filters: Filters, kept: Sequence[str] = ()
    ) -> list[str]:
        """The ``COMPARED_AT_MOST`` municipalities whose passages rank best for ``topic``
        in one search over all documents (each hit votes with 1/rank; ties keep the order);
        those ``kept`` (the one place a question compares with the others) always among them."""
        votes = dict.fromkeys(kommunen, 0.0)
        hits = retrieve(
            self.index, topic, _COMPARISON_POOL, filters or None, "hybrid", self.weights
        )
        for rank, hit in enumerate(hits, start=1):
            if hit.chunk.meta.kommune in votes:
                votes[hit.chunk.meta.kommune] += 1.0 / rank
        best = sorted(kommunen, key=lambda k: (k not in kept, -votes[k]))[:COMPARED_AT_MOST]
        return [k for k in kommunen if k in best]

    def _standalone(self, question: str, history: Sequence[str], use_llm: bool) -> str:
        """A follow-up as a standalone query: by the language model if configured, else by rule."""
        rule = rewrite_followup(question, list(history), self.corpus().municipalities)
        llm = self.llm if use_llm and history else None
        if llm is None:
            return rule
        try:
            rewritten = llm.rewrite_followup(question, history)
        except GeneratorUnavailable:
            return rule
        if not rewritten:
            return rule
        return "" if rewritten == question else rewritten

    def _scope(self, text: str, named: list[str], filters: Filters) -> Filters:
        """Narrow the search to what the question names: "in Haldenberg", "laut Leitfaden"."""
        if not filters.kommunen and len(named) == 1:
            filters = _scoped(filters, named[0])
            # the page of a school the question calls by its own name is searched too
            schools = tuple(school.lower() for school, _ in self._placeless_schools(text))
            filters = replace(filters, mentions=filters.mentions + schools)
        types = self.corpus().named_types(self.index.lexical().query(text))
        if not filters.doc_types and types:
            typed = replace(filters, doc_types=types)
            # a kind of document none in the question's scope is of is no source it names
            # ("erhält jährlich einen Bericht" where the town has no report): it stays unscoped
            if self._any_in_scope(typed):
                filters = typed
        return filters

    def _part_scope(self, searched: str, scoped: Filters, filters: Filters) -> Filters:
        """The scope of one question of a message that asks several things: the message's
        places (``scoped``) and the kinds of documents that question names itself (its
        search text: the question and what it takes from the first); kinds the user chose
        (``filters``) hold for all of them. A question names no kind the message does not
        name (its search text takes its words from the message): then it is the message's."""
        if filters.doc_types or not scoped.doc_types:
            return scoped
        return self._scope(searched, [], replace(scoped, doc_types=()))

    def _any_in_scope(self, filters: Filters) -> bool:
        """Whether a document passes ``filters``: its own (of one of their municipalities, or
        about one as its place) or, with their mentions, one whose passages name it."""
        naming: set[str] = set()
        if filters.mentions:
            naming = {d for k in filters.kommunen for d in self.index.documents_naming(k)}
        return any(
            filters.matches(d.meta)
            and (not filters.kommunen or filters.owns(d.meta) or d.doc_id in naming)
            for d in self.index.documents()
        )

    def _placeless_schools(self, text: str) -> list[tuple[str, str]]:
        """The schools ``text`` calls by their own names ("an der Paul-Gerhardt-Schule in
        Dassel") that exactly one document writes, a document of no municipality and no place
        (a school's page need not say its town): each with that document. Such a page is the
        school's place's, wherever the question puts the school."""
        corpus = self.corpus()
        found = []
        for school in own_school_names(text):
            naming = self.index.documents_writing(school)
            if len(naming) == 1 and naming <= corpus.placeless:
                found.append((school, next(iter(naming))))
        return found

    def evidence(self, part: Part, mode: Mode = "hybrid") -> tuple[Evidence, list[Hit]]:
        """Retrieve for one part of a plan and score what the passages offer.

        A comparison asks how each municipality handles something: its part is answered from
        the municipality's own documents when they answer it; passages of other documents that
        name it (a regional report, the guide's examples) come in only when they do not. (A
        question about one municipality keeps them all: it may well ask for a report's
        figure.)
        """
        if part.kommune and part.filters.mentions and not self._asks_other_source(part):
            own = replace(part, filters=replace(part.filters, mentions=()))
            evidence, hits = self._evidence(own, mode)
            if RefusalPolicy(self.threshold).decide(evidence).found:
                return evidence, hits
        return self._evidence(part, mode)

    def _asks_other_source(self, part: Part) -> bool:
        """Whether the part names a kind of document ("laut Bildungsbericht") that is none of
        the municipality's own: then that document is what it asks about."""
        corpus = self.corpus()
        named = corpus.source_types(self.index.lexical().query(part.text))
        return bool(named - corpus.kommune_types.get(part.kommune, frozenset()))

    def _evidence(self, part: Part, mode: Mode) -> tuple[Evidence, list[Hit]]:
        index = self.index
        lexical = index.lexical()
        query = lexical.query(part.text)
        depth = max(self.settings.top_k, RANKING_DEPTH)
        reranker = self.reranker
        pool = depth if reranker is None else max(depth, RERANK_DEPTH)
        hits = retrieve(index, query, pool, part.filters, mode, self.weights)
        if reranker is not None:
            hits = reranker.rerank(part.text, hits)
        hits = self._with_newer_versions(hits[:depth], query, part.filters, mode)
        top = hits[: self.settings.top_k]
        corpus = self.corpus()
        # a part of a message that asks several things is about the places it names itself,
        # not those of the context its search text adds ("(… Bremen …)")
        own = part.asked or part.text
        places = other_places(own, corpus.municipalities, self._knows, corpus.names.names)
        if part.filters.mentions:  # another document's passage must be about the municipality
            places += tuple(_distinctive_name(k, own) for k in part.filters.kommunen)
            places = tuple(dict.fromkeys(places))
        # the one place a part asks about, when it is a town of NRW that is no municipality of
        # the index: answered from the documents that name it (a page that got no municipality
        # names its town once, not always near the answer), not from a page about another
        # region (a part that also names a municipality, or two such towns, asks about either)
        named_towns = state_towns(own, corpus.municipalities)
        towns = [t for t in named_towns if t not in places]
        # ... and so is a name the documents use as one (``NameUse``: "in Koblenz")
        towns += [p for p in places if lexical.knows_word(p) and p not in towns]
        alone = len(towns) == 1 and not part.filters.kommunen
        documents = {t: index.documents_naming(t) for t in towns if alone}
        # a school the question calls by its own name places its page (``_placeless_schools``)
        for _, page in self._placeless_schools(own):
            for place in places:
                documents[place] = documents.get(place, frozenset()) | {page}
        # a Land is also met by a page of no municipality that names no other Land (the
        # Land's own ministry does not name it)
        for land in (p for p in places if is_land_outside_nrw(p)):
            documents[land] = documents.get(land, frozenset()) | _land_documents(index, land)
        named_in = tuple(documents.items())
        semantic = index.similarities(
            index.embed_query(query.text), [h.chunk.chunk_id for h in top]
        )
        frame = frame_question(part.text, places, named_in, shared=part.shared)
        evidence = gather(
            query,
            top,
            lexical,
            self.model,
            topic=self._topic(part.text, query, named_towns),
            frame=frame,
            semantic=semantic,
            pages=corpus.pages,
            openings=self._openings(top, corpus.pages),
            unfocused=self._placed_names(part.text, scoped=bool(part.filters.kommunen)),
            earlier=self._earlier(top, corpus.pages) if _asks_by_role(frame.expects) else None,
        )
        return self._with_preceding(evidence), hits

    def _openings(self, hits: Sequence[Hit], pages: Mapping[str, int]) -> dict[str, str]:
        """The first passage of each one-page document (a web page, a news item) the hits
        come from further down: what its opening names, the rest of it is about."""
        openings: dict[str, str] = {}
        for hit in hits:
            doc_id = hit.chunk.doc_id
            if hit.chunk.position == 0 or doc_id in openings or pages.get(doc_id) != 1:
                continue
            first = self.index.first_of(hit.chunk.chunk_id)
            if first is not None:
                openings[doc_id] = first.text
        return openings

    def _earlier(self, hits: Sequence[Hit], pages: Mapping[str, int]) -> dict[str, str]:
        """The text before each later passage of a one-page document (a news item) the hits
        come from: the school or office a person in the asked role belongs to may be named
        only there ("Schulleiterin …" three passages below "an der Lindenschule")."""
        return {
            hit.chunk.chunk_id: "\n".join(c.text for c in self.index.earlier_of(hit.chunk.chunk_id))
            for hit in hits
            if hit.chunk.position and pages.get(hit.chunk.doc_id) == 1
        }

    def _with_preceding(self, evidence: Evidence) -> Evidence:
        """Add the chunk before each passage whose first sentence leans on it."""
        preceding = {}
        for chunk_id, sentences in evidence.sentences.items():
            if sentences and starts_with_reference(sentences[0]):
                before = self.index.preceding(chunk_id)
                if before is not None and before.text.strip() and not before.front_matter:
                    preceding[chunk_id] = before
        return replace(evidence, preceding=preceding) if preceding else evidence

    def decide(
        self,
        part: Part,
        evidence: Evidence,
        mode: Mode = "hybrid",
        threshold: float | None = None,
    ) -> Decision:
        """Answer or refuse; a refused scoped question says where the documents do cover it."""
        threshold = self.threshold if threshold is None else threshold
        decision = RefusalPolicy(threshold).decide(evidence)
        if decision.found or decision.note or not part.filters.kommunen or part.kommune:
            return decision
        unscoped = replace(part.filters, kommunen=(), mentions=())
        elsewhere, _ = self.evidence(replace(part, filters=unscoped), mode)
        other = RefusalPolicy(self.threshold).decide(elsewhere)
        if not other.found:
            return decision
        best = other.eligible[0]
        if best.chunk.meta.kommune in part.filters.kommunen:
            return decision
        note = texts.NEAR_MISS_OTHER.format(
            asked=", ".join(part.filters.kommunen),
            other=best.chunk.meta.kommune or best.chunk.meta.title,
            where=texts.NEAR_MISS_WHERE.format(
                title=best.chunk.meta.title, page=best.chunk.page_of(best.text)
            ),
        )
        return replace(decision, note=note, related=(best,))

    def _placed_names(self, text: str, scoped: bool = False) -> frozenset[str]:
        """Terms of the places the question names after "in", "im", "aus" or "nach": a
        town of the gazetteer, a Kreis, a municipality or place of the index, a name the
        documents use as one ("in Rastede", "im Erzgebirgskreis"; not "in Kitas"); and the
        type words before names. In a question ``scoped`` to municipalities, a type word
        alone ("für Familien aus der Gemeinde") names the municipality too."""
        corpus = self.corpus()
        splitter = self.index.lexical().splitter
        names = [
            m.group(1) for m in _PLACED_NAME.finditer(text) if _is_place_name(m.group(1), corpus)
        ]
        # ... and the type word before a name ("die Gemeinde Wendau"), which a sentence
        # stating the answer need not repeat
        names += type_words_before_names(text)
        if scoped:
            names += place_type_words(text)
        return frozenset(term for name in names for term in analyze(name, splitter))

    def _topic(self, text: str, query: Query, towns: tuple[str, ...]) -> Query:
        """The question without the municipality and document type that scope it, and without
        the ``towns`` of NRW it names that are no municipality of the index (a page that got
        no municipality names its town in its text, not always near the answer)."""
        corpus = self.corpus()
        for town in towns:
            text = re.sub(rf"\b{re.escape(town)}\b", " ", text)
        text = _AREA_BEFORE_NAME.sub(" ", text)
        topic = self.index.lexical().query(corpus.municipalities.strip(text))
        kept = tuple(t for t in topic.terms if t not in corpus.scope_terms)
        return replace(topic, terms=kept) if kept else query

    def ask(
        self,
        question: str,
        filters: Filters | None = None,
        history: Sequence[str] = (),
        mode: Mode = "hybrid",
        generate: bool = True,
    ) -> Answer:
        """Retrieve passages for ``question`` and answer it with citations (or refuse).

        ``history`` holds the earlier questions of the conversation (oldest first). With a
        language model configured and ``generate`` true the answer is generated and checked;
        otherwise (and as fallback) it is extractive.
        """
        answer: Answer | None = None
        for item in self.ask_stream(question, filters, history, mode, generate):
            if isinstance(item, Answer):
                answer = item
        assert answer is not None  # ask_stream always ends with the Answer
        return answer

    def ask_stream(
        self,
        question: str,
        filters: Filters | None = None,
        history: Sequence[str] = (),
        mode: Mode = "hybrid",
        generate: bool = True,
    ) -> Iterator[str | Answer]:
        """Like ``ask``, but yields the answer text as it is produced, then the ``Answer``."""
        outer = getattr(self._pinned, "index", None)
        self._pinned.index = self.index
        try:
            yield from self._ask_stream(question, filters, history, mode, generate)
        finally:
            self._pinned.index = outer

    def _ask_stream(
        self,
        question: str,
        filters: Filters | None,
        history: Sequence[str],
        mode: Mode,
        generate: bool,
    ) -> Iterator[str | Answer]:
        started = time.perf_counter()
        llm = self.llm if generate else None
        plan = self.plan(question, filters, history, use_llm=llm is not None)
        # the questions of a message that asks several things are searched only when the
        # answer to the message as a whole leaves them open (``_extractive``), or for a model
        searched = plan.parts if plan.comparison or llm is not None else plan.parts[:1]
        results = [(part, *self.evidence(part, mode)) for part in searched]
        index = self.index
        version = f"{index.generation}:{index.version}"

        def finish(answer: Answer) -> Answer:
            timings = {"total": (time.perf_counter() - started) * 1000}
            return replace(answer, timings_ms=timings, index_version=version)

        def extractive(reason: str = "") -> Answer:
            answer = self._extractive(plan, results, mode)
            if reason:
                note = texts.NOTE_FALLBACK.format(reason=reason)
                answer = replace(answer, notes=(note, *answer.notes))
            return finish(answer)

        if llm is None:
            answer = extractive()
            yield answer.text
            yield answer
            return
        if plan.comparison:
            groups = [(p.kommune, ev.hits) for p, ev, _ in results]
            sources = number_sources(groups, COMPARISON_SOURCES)
        else:  # the passages of each question the message asks, each passage once
            passages = _interleave([list(ev.hits) for _, ev, _ in results])
            sources = number_sources([("", passages)], self.settings.top_k * len(results))
        kommunen = [p.kommune for p in plan.parts] if plan.comparison else []
        for item in llm.stream(plan.rewritten or question, sources, kommunen, extractive):
            if isinstance(item, Answer) and item.generator != "extractive":
                hits = _interleave([hits for _, _, hits in results])[:RANKING_DEPTH]
                item = finish(
                    replace(
                        item, question=question, rewritten_query=plan.rewritten, hits=tuple(hits)
                    )
                )
            yield item

    def _extractive(
        self, plan: Plan, results: list[tuple[Part, Evidence, list[Hit]]], mode: Mode
    ) -> Answer:
        sentences = self.settings.answer_sentences  # for a comparison: per municipality
        answerabilities = [ev.answerability for _, ev, _ in results]
        cut = self.model.sentence_threshold

        def composed(
            part: Part, evidence: Evidence, hits: list[Hit], limit: int = sentences
        ) -> tuple[Part, Composition, list[Hit]]:
            threshold = (
                comparison_threshold(
                    answerabilities, self.threshold, typed=bool(evidence.frame.expects.kind)
                )
                if plan.comparison
                else self.threshold
            )
            decision = self.decide(part, evidence, threshold=threshold)
            return part, compose_extractive(evidence, decision, cut, limit), hits

        if plan.comparison:
            return _comparison_answer(plan, [composed(*result) for result in results])
        whole = composed(*results[0])
        if len(plan.parts) == 1:
            return _single_answer(plan, whole[1], whole[2])
        # a message asking several things: answered as a whole first (one sentence may say
        # all it asks), then each question adds its best sentence, or its whole answer
        # when the message as a whole found none
        searched = {part: (evidence, hits) for part, evidence, hits in results}

        def answered(part: Part, limit: int) -> tuple[Part, Composition, list[Hit]]:
            evidence, hits = searched.get(part) or self.evidence(part, mode)
            return composed(part, evidence, hits, limit)

        questions = plan.parts[1:]
        if not whole[1].found:
            return _answers_in_turn(plan, [whole, *(answered(p, sentences) for p in questions)])
        given = [claim for claim, _ in split_claims(whole[1].text)]

        def left_open(part: Part) -> bool:
            # a question asking for a kind of value is answered when a sentence states one;
            # an open one when a sentence nearly as likely as its best is given
            expects = frame_question(part.text).expects
            if expects.kind:
                return not _answers_type(expects, given)
            if part not in searched:
                searched[part] = self.evidence(part, mode)
            return not _likely_given(searched[part][0], given)

        missing = [p for p in questions if left_open(p)]
        return _answers_in_turn(plan, [whole, *(answered(p, 1) for p in missing)])

    @property
    def llm(self) -> LLMAnswerer | None:
        """The generating backend, or None for the extractive default."""
        with self._lock:
            if self._llm is None and self.settings.generator != "extractive":
                self._llm = LLMAnswerer(self.settings, chat_model(self.settings))
            return self._llm

    def _with_newer_versions(
        self, hits: list[Hit], query: Query, filters: Filters, mode: Mode
    ) -> list[Hit]:
        """When a superseded document is among the hits, bring in its successor's best passage;
        when an unconfirmed new version is, the best passage of the one it would replace.

        The answer composer then orders the versions and notes which Stand replaces which.
        """
        newer, older = self.corpus().newer, self.corpus().older
        top = hits[: self.settings.top_k]
        successors = {s for h in top for s in newer.get(h.chunk.doc_id, ())}
        successors |= {older[h.chunk.doc_id] for h in top if h.chunk.doc_id in older}
        if not successors:
            return hits
        # The successor's passage on the topic of the superseded passages found, even when
        # another passage of the successor is already among the hits.
        topics = dict.fromkeys(
            _leaf_section(h.chunk.section) for h in top if h.chunk.doc_id in newer
        )
        topical = self.index.lexical().query(" ".join([query.text, *topics]))
        scoped = replace(filters, doc_ids=tuple(sorted(successors)))
        seen = {h.chunk.chunk_id for h in hits}
        extra = [
            h
            for h in retrieve(self.index, topical, 2 * len(successors), scoped, mode, self.weights)
            if h.chunk.chunk_id not in seen
        ]
        linked = newer.keys() | older.keys()
        position = next(i for i, h in enumerate(hits) if h.chunk.doc_id in linked) + 1
        return hits[:position] + extra + hits[position:]


def _leaf_section(section: str) -> str:
    """The innermost heading of a section path, without its number ("3.2 Erstberatung")."""
    return re.sub(r"^[\d.]+\s*", "", section.rsplit(" > ", 1)[-1])


def _single_answer(plan: Plan, composition: Composition, hits: list[Hit]) -> Answer:
    return Answer(
        question=plan.question,
        text=composition.text,
        found=composition.found,
        citations=composition.citations,
        related=composition.related,
        rewritten_query=plan.rewritten,
        hits=tuple(hits[:RANKING_DEPTH]),
        notes=composition.notes,
    )


def comparison_threshold(
    answerabilities: Sequence[float], threshold: float, typed: bool = False
) -> float:
    """The refusal threshold for the parts of a comparison.

    Asking how municipalities differ presumes the topic exists, so a part needs less than a
    question of its own (``_COMPARISON_PART`` of the threshold); whether one of them lacks
    it is relative: a part is also refused when it falls below half the best part's
    answerability. Only when even the best part is very weak (below a quarter of the
    threshold: the topic is missing everywhere) does the usual threshold hold.

    A part asking for a kind of value (``typed``: an age, a count, a duration) needs less
    still: its eligible sentences already state that kind of value for that municipality,
    which a sentence that merely shares words with an open question ("Was bieten …?")
    does not.
    """
    best = max(answerabilities, default=0.0)
    if best < _COMPARISON_FLOOR * threshold:
        return threshold
    share = _COMPARISON_TYPED if typed else _COMPARISON_PART
    return min(share * threshold, _COMPARISON_SHARE * best)


def _comparison_answer(plan: Plan, results: list[tuple[Part, Composition, list[Hit]]]) -> Answer:
    """Number all sources globally and lay out one paragraph per municipality."""
    citations: list[Citation] = []
    parts: list[ComparisonPart] = []
    notes: list[str] = []
    for part, composition, _ in results:
        if not composition.found:
            nothing = texts.COMPARISON_NOTHING.format(kommune=part.kommune)
            parts.append(ComparisonPart(part.kommune, nothing, False))
            continue
        text, own = _numbered_after(citations, composition)
        parts.append(ComparisonPart(part.kommune, text, True, own))
        notes.extend(n for n in composition.notes if n not in notes)
    found = any(p.found for p in parts)
    if found and plan.compared_of:
        notes.append(texts.COMPARISON_SELECTED.format(shown=len(parts), total=plan.compared_of))
    related = tuple(c for _, comp, _ in results for c in comp.related)[:3]
    return Answer(
        question=plan.question,
        text="\n\n".join(f"**{p.kommune}:** {p.text}" for p in parts) if found else texts.REFUSAL,
        found=found,
        citations=tuple(citations),
        related=() if found else related,
        rewritten_query=plan.rewritten,
        hits=tuple(_interleave([hits for _, _, hits in results])[:RANKING_DEPTH]),
        notes=tuple(notes),
        comparison=tuple(parts),
    )


def _answers_in_turn(plan: Plan, results: list[tuple[Part, Composition, list[Hit]]]) -> Answer:
    """The answer to a message that asks several things: the answer to it as a whole, then
    those to its questions, one paragraph each, numbered as one answer. A passage two of
    them quote is one source, a sentence already given is not repeated, and a question
    the documents do not answer is named in a note."""
    citations: list[Citation] = []
    paragraphs: list[str] = []
    notes: list[str] = []
    answered = any(c.found for _, c, _ in results)
    for part, composition, _ in results:
        if composition.found:
            text, _ = _numbered_after(citations, composition, merge=True)
            text = _without_given(text, paragraphs)
            if text:
                paragraphs.append(text)
        elif answered and not part.asked:
            continue  # not the whole's reason: each question left open gives its own
        elif answered:
            notes.append(texts.PART_NOT_FOUND.format(question=part.asked))
        notes.extend(n for n in composition.notes if n not in notes)
    found = bool(paragraphs)
    text = "\n\n".join(paragraphs)
    cited = [c for c in citations if c.n in cited_numbers(text)]  # a repeated one dropped
    numbers = {c.n: i for i, c in enumerate(cited, start=1)}
    return Answer(
        question=plan.question,
        text=renumber(text, numbers) if found else texts.REFUSAL,
        found=found,
        citations=tuple(replace(c, n=numbers[c.n]) for c in cited) if found else (),
        related=() if found else tuple(c for _, comp, _ in results for c in comp.related)[:3],
        rewritten_query=plan.rewritten,
        # the ranking of the message as a whole, then what its questions found besides
        hits=tuple(_interleave([[h for _, _, hits in results for h in hits]])[:RANKING_DEPTH]),
        notes=tuple(notes),
    )


# A sentence or list item of an extractive answer with its source markers
_CITED_SENTENCE = re.compile(r"[^\s\[\]][^\[\]\n]*?(?:\s?\[\d+\])+")


def _answers_type(expects: Expectation, sentences: Sequence[str]) -> bool:
    """Whether one of ``sentences`` states what a question expecting ``expects`` asks for
    (a question that expects no type of answer counts as answered)."""
    return not expects.kind or any(states_type(expects, s) for s in sentences)


def _likely_given(evidence: Evidence, given: Sequence[str]) -> bool:
    """Whether ``given`` (sentences of an answer, markers stripped) holds one of the sentences
    that answer ``evidence``'s question nearly as likely as its best (``_GIVEN_SHARE``)."""
    best = max((c.probability for c in evidence.candidates), default=0.0)
    likely = {_plain(c.text) for c in evidence.candidates if c.probability >= _GIVEN_SHARE * best}
    return any(_plain(sentence) in likely for sentence in given)


def _plain(sentence: str) -> str:
    """A sentence compared as text: without a list dash, spacing and closing punctuation."""
    return " ".join(sentence.removeprefix("- ").split()).rstrip(".,;:")


def _without_given(text: str, paragraphs: list[str]) -> str:
    """``text`` without the sentences the ``paragraphs`` already give (markers aside)."""
    given = {strip_markers(s) for p in paragraphs for s in _CITED_SENTENCE.findall(p)}
    text = _CITED_SENTENCE.sub(
        lambda m: "" if strip_markers(m.group(0)) in given else m.group(0), text
    )
    return re.sub(r"[ \t]+\n|\n{3,}", "\n", text).strip()


def _numbered_after(
    citations: list[Citation], composition: Composition, merge: bool = False
) -> tuple[str, tuple[Citation, ...]]:
    """The composition's text and sources numbered on from ``citations`` (which grow by
    them). With ``merge`` a passage already cited keeps its number and its quote gains the
    new sentences."""
    mapping: dict[int, int] = {}
    own: list[Citation] = []
    for citation in composition.citations:
        same = next(
            (i for i, c in enumerate(citations) if merge and c.chunk_id == citation.chunk_id),
            None,
        )
        if same is None:
            numbered = replace(citation, n=len(citations) + 1)
            citations.append(numbered)
            own.append(numbered)
            mapping[citation.n] = numbered.n
            continue
        known = citations[same]
        quotes = known.quote.split(" … ")
        added = [q for q in citation.quote.split(" … ") if q not in quotes]
        citations[same] = replace(known, quote=" … ".join(quotes + added))
        mapping[citation.n] = known.n
    return renumber(composition.text, mapping), tuple(own)


def _asks_by_role(expects: Expectation) -> bool:
    """Whether a question asks for a person by role ("Wer leitet …?", "Wie heißt die
    Schulleiterin …?")."""
    return expects.kind == "person" and bool(expects.unit)


def _threshold(settings: Settings, model: AnswerModel, calibrated: bool) -> float:
    """The refusal threshold: the setting, else the index's own calibration, else the model's."""
    if settings.refusal_threshold:
        return float(settings.refusal_threshold)
    own = load_calibration(settings.data_dir) if calibrated else None
    return own.answer_threshold if own else model.answer_threshold


def _scoped(filters: Filters, kommune: str) -> Filters:
    """Filters for one municipality's documents, plus passages of other documents (a regional
    report, a guide) that name it."""
    return replace(filters, kommunen=(kommune,), mentions=mention_names(kommune))


def _distinctive_name(kommune: str, question: str) -> str:
    """The name a passage must use for the municipality, without its type word:
    "Quellinghoven" for "Stadt Quellinghoven", whole when hyphenated ("Minden-Lübbecke":
    "Stadt Minden" is another place), "Mülheim" for "Stadt Mülheim an der Ruhr". A question
    that names only one part of a hyphenated name asks about that place ("die Stadtbibliothek
    Wadern" of the Kreis Merzig-Wadern): the passage must name that part."""
    typed = typed_names(kommune)
    if typed and "-" in typed[0].name and " " not in typed[0].name:
        whole = typed[0].name
        asked = {fold_plain(word) for word in re.findall(r"[\w-]+", question)}
        parts = [part for part in whole.split("-") if fold_plain(part) in asked]
        return parts[0] if fold_plain(whole) not in asked and len(parts) == 1 else whole
    words = distinctive_words(kommune)
    return words[0] if words else kommune


def _interleave(lists: list[list[Hit]]) -> list[Hit]:
    out: list[Hit] = []
    seen: set[str] = set()
    for rank in range(max((len(x) for x in lists), default=0)):
        for hits in lists:
            if rank < len(hits) and hits[rank].chunk.chunk_id not in seen:
                seen.add(hits[rank].chunk.chunk_id)
                out.append(hits[rank])
    return out


@lru_cache(maxsize=4)
def get_assistant(settings: Settings) -> Assistant:
    """One shared ``Assistant`` per configuration in this process."""
    return Assistant(settings)


def ask(question: str, settings: Settings | None = None, filters: Filters | None = None) -> Answer:
    """Answer ``question`` with the given (or environment) settings."""
    return get_assistant(settings or Settings.from_env()).ask(question, filters=filters)


def _land_documents(index: Index, land: str) -> frozenset[str]:
    """The documents that may speak for a Land besides NRW: those naming it, and those of no
    municipality that name no other Land."""
    asked = fold_plain(land)
    others = frozenset().union(
        *(index.documents_naming(o) for o in LAENDER if fold_plain(o) != asked)
    )
    unplaced = {r.doc_id for r in index.documents() if not r.meta.kommune}
    return index.documents_naming(land) | (unplaced - others)


def _is_place_name(word: str, corpus: CorpusInfo) -> bool:
    """Whether ``word`` names a place: a town outside NRW (``assistant.gazetteer``), a
    listed one-word Kreis ("Erzgebirgskreis", not "Arbeitskreis"), a town of NRW, a
    municipality or known place of the index, or a word the documents use as a name."""
    municipalities = corpus.municipalities
    return (
        is_place_outside_nrw(word)
        or bool(typed_names(f"im {word}"))
        or bool(state_towns(f"in {word}", municipalities))
        or bool(municipalities.mentioned(word) or municipalities.places_mentioned(word))
        or corpus.names.names(word)
    )
