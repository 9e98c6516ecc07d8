"""Runs the evaluation set through Konzeptlotse and the baselines, in one run, on one corpus."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.api import Assistant
from assistant.embed import resolve_model
from assistant.places import same_municipality
from assistant.retrieve import Mode
from assistant.scoring import AnswerModel, load_model
from assistant.settings import Settings, public_values
from assistant.texts import SENTENCE_SUPPORTED
from assistant.types import Answer

from . import metrics
from .corpora import available, neutral_names, prepare_index, renamed
from .dataset import CATEGORIES, Question, load_questions
from .judge import make_judge
from .report import format_report

__all__ = [
    "EvalProgress",
    "Outcome",
    "aggregate",
    "answers_for",
    "evaluate",
    "list_runs",
    "load_run",
    "run_cli",
    "run_evaluation",
    "run_suite",
    "runs_dir",
    "save_run",
]

MAIN_SYSTEM = "Konzeptlotse"
# without manifest, the files renamed "dok01.pdf", …: only the text tells whose document it is
NEUTRAL = "ohne Manifest, neutrale Dateinamen"
# Conditions whose questions are typed as many do in a chat: without capitals, with a slip
# in the longest word (a letter dropped in its middle), between a greeting and thanks, and
# after a sentence about the writer, and all of these at once.
LOWERCASE = "Fragen kleingeschrieben"
SLIPS = "Fragen mit Tippfehler"
FRAMED = "Fragen mit Gruß und Dank"
PREFACED = "Fragen mit Vorrede"
CHAT = "Fragen im Chat-Stil (alles zusammen)"
_LONG_WORD = re.compile(r"[^\W\d_]{8,}")
MODELS_DIR = Path(__file__).with_name("models")  # answer models fitted without one corpus
RANK_DEPTH = 10

AnswerFn = Callable[[Question], tuple[list[metrics.Passage], Answer | None]]


@dataclass(frozen=True)
class EvalProgress:
    """Progress of a run: questions done of the total over all systems, current system."""

    done: int
    total: int
    system: str


@dataclass
class Outcome:
    """One question answered by one system, with everything the report needs."""

    id: str
    category: str
    split: str
    expected: str
    question: str
    rank: int | None
    found: bool | None
    answer: str
    citations: list[dict[str, Any]]
    facts: list[bool]
    supported_citations: list[bool]
    kommune_coverage: float | None
    latency_ms: float
    passed: bool
    reason: str
    rewritten_query: str = ""
    gold: list[dict[str, Any]] = field(default_factory=list)
    generator: str = ""
    support_rate: float | None = None  # share of answer sentences backed by their sources
    faithfulness: float | None = None  # the same, judged by a language model (if configured)


Judge = Callable[[Answer], float | None]


def evaluate(question: Question, answer_fn: AnswerFn, judge: Judge | None = None) -> Outcome:
    """Run one question and score it."""
    started = time.perf_counter()
    ranked, answer = answer_fn(question)
    latency = (time.perf_counter() - started) * 1000
    rank = metrics.first_relevant_rank(ranked, question.gold) if question.gold else None
    text = answer.text if answer else ""
    facts = metrics.facts_found(text, question.facts) if answer and question.answerable else []
    supported = [
        metrics.citation_is_supported(c.doc_id, c.page, c.quote, question.gold, question.facts)
        for c in (answer.citations if answer and question.answerable else ())
    ]
    coverage = None
    if answer and question.kommunen:
        # A municipality counts as covered when the answer has a cited paragraph for it (its
        # sources may be its own documents or a regional report that names it).
        cited = {c.kommune for c in answer.citations}
        cited |= {p.kommune for p in answer.comparison if p.found and p.citations}
        covered = [any(same_municipality(k, c) for c in cited) for k in question.kommunen]
        coverage = sum(covered) / len(question.kommunen)
    passed, reason = _verdict(question, answer, rank, facts)
    return Outcome(
        id=question.id,
        category=question.category,
        split=question.split,
        expected=question.expected,
        question=question.question,
        rank=rank,
        found=answer.found if answer else None,
        answer=text,
        citations=[c.to_json() for c in answer.citations] if answer else [],
        facts=facts,
        supported_citations=supported,
        kommune_coverage=coverage,
        latency_ms=latency,
        passed=passed,
        reason=reason,
        rewritten_query=answer.rewritten_query if answer else "",
        gold=[{"doc": g.doc, "pages": list(g.pages)} for g in question.gold],
        generator=answer.generator if answer else "",
        support_rate=_support_rate(answer),
        faithfulness=judge(answer) if judge and answer and answer.found else None,
    )


def _support_rate(answer: Answer | None) -> float | None:
    """Offline support check: share of sentences backed by the passages they cite.

    Extractive answers consist of quoted sentences, so they are backed by construction.
    """
    if answer is None or not answer.found:
        return None
    if not answer.checks:
        return 1.0
    return sum(c.status == SENTENCE_SUPPORTED for c in answer.checks) / len(answer.checks)


def _verdict(
    question: Question, answer: Answer | None, rank: int | None, facts: list[bool]
) -> tuple[bool, str]:
    if answer is None:  # retrieval-only system
        if not question.answerable:
            return True, ""
        ok = rank is not None and rank <= 5
        return ok, "" if ok else "Goldseite nicht unter den ersten 5 Treffern"
    if not question.answerable:
        return (not answer.found), "" if not answer.found else "hätte ablehnen müssen"
    if not answer.found:
        return False, "fälschlich abgelehnt"
    missing = [question.facts[i][0] for i, ok in enumerate(facts) if not ok]
    if missing:
        return False, "fehlende Fakten: " + "; ".join(missing)
    answered = [k for k in question.ohne if answers_for(answer, k)]
    if answered:
        return False, "hätte für " + " und ".join(answered) + " ablehnen müssen"
    return True, ""


def answers_for(answer: Answer, kommune: str) -> bool:
    """Whether an answer says something for ``kommune``: a part of a comparison found for it,
    or (when the question was not split) a citation of one of its paragraphs. A question set
    may name the place otherwise than the index does ("Hansestadt Feldau", "Stadt Feldau")."""
    if answer.comparison:
        return any(p.found and same_municipality(p.kommune, kommune) for p in answer.comparison)
    return answer.found and any(same_municipality(c.kommune, kommune) for c in answer.citations)


def aggregate(outcomes: list[Outcome]) -> dict[str, float]:
    """Overall metrics of a list of outcomes (NaN where a metric does not apply)."""
    answerable = [o for o in outcomes if o.expected == "answer"]
    with_gold = [o for o in answerable if o.gold]
    refuse = [o for o in outcomes if o.expected == "refuse"]
    answered = [o for o in answerable if o.found is not None]
    citations = [ok for o in answered for ok in o.supported_citations]
    coverage = [o.kommune_coverage for o in outcomes if o.kommune_coverage is not None]
    return {
        "n": float(len(outcomes)),
        "hit@1": metrics.mean(metrics.hit_at(o.rank, 1) for o in with_gold),
        "hit@5": metrics.mean(metrics.hit_at(o.rank, 5) for o in with_gold),
        "mrr@10": metrics.mean(metrics.reciprocal_rank(o.rank, RANK_DEPTH) for o in with_gold),
        "fact_recall": metrics.mean(
            (sum(o.facts) / len(o.facts)) if o.facts else float(bool(o.found)) for o in answered
        ),
        "citation_precision": metrics.mean(1.0 if ok else 0.0 for ok in citations),
        "refusal_accuracy": metrics.mean(
            0.0 if o.found else 1.0 for o in refuse if o.found is not None
        ),
        "false_refusal": metrics.mean(0.0 if o.found else 1.0 for o in answered),
        "kommune_coverage": metrics.mean(coverage),
        "support_rate": metrics.mean(
            o.support_rate for o in outcomes if o.support_rate is not None
        ),
        "faithfulness": metrics.mean(
            o.faithfulness for o in outcomes if o.faithfulness is not None
        ),
        "pass_rate": metrics.mean(1.0 if o.passed else 0.0 for o in outcomes),
        "p50_ms": metrics.percentile([o.latency_ms for o in outcomes], 50),
        "p95_ms": metrics.percentile([o.latency_ms for o in outcomes], 95),
    }


def _by_category(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    order = list(CATEGORIES)
    categories = sorted(
        {o.category for o in outcomes},
        key=lambda c: (c not in order, order.index(c) if c in order else 0, c),
    )
    return {c: aggregate([o for o in outcomes if o.category == c]) for c in categories}


def _assistant_fn(assistant: Assistant, mode: Mode, generate: bool = False) -> AnswerFn:
    def answer(question: Question) -> tuple[list[metrics.Passage], Answer | None]:
        result = assistant.ask(
            question.question, history=question.history, mode=mode, generate=generate
        )
        ranked = [(h.chunk.doc_id, h.chunk.page_start, h.chunk.page_end) for h in result.hits]
        return ranked, result

    return answer


def _systems(
    settings: Settings, baselines: bool, model: AnswerModel | None = None
) -> dict[str, AnswerFn]:
    """The extractive system first, a configured generator beside it, then the baselines."""
    main = Assistant(settings, model=model)
    systems: dict[str, AnswerFn] = {MAIN_SYSTEM: _assistant_fn(main, "hybrid")}
    if settings.generator != "extractive":
        name = f"{MAIN_SYSTEM} ({settings.generator}:{settings.llm_model})"
        systems[name] = _assistant_fn(main, "hybrid", generate=True)
    if baselines:
        from .baselines import PlainLangChain

        embedder = resolve_model(settings.embedding_model)
        plain = PlainLangChain(settings.corpus_dir, settings.data_dir / "eval-cache", embedder)
        systems["LangChain-Standard"] = lambda q: (plain.search(q.question, RANK_DEPTH), None)
        systems["Nur BM25"] = _assistant_fn(main, "lexical")
        systems["Nur Dense"] = _assistant_fn(main, "dense")
    return systems


def run_evaluation(
    settings: Settings,
    questions: list[Question],
    baselines: bool = True,
    on_progress: Callable[[EvalProgress], None] | None = None,
    model: AnswerModel | None = None,
) -> dict[str, Any]:
    """Evaluate all systems; returns the JSON-serialisable run record.

    ``on_progress`` is called after every question of every system; ``model`` replaces the
    shipped answer model (for the cross-corpus figures).
    """
    systems = _systems(settings, baselines, model)
    judge = make_judge(settings) if settings.judge_model else None
    results: dict[str, Any] = {}
    per_question: list[dict[str, Any]] = []
    total = len(systems) * len(questions)
    done = 0
    for name, fn in systems.items():
        outcomes = []
        for q in questions:
            outcomes.append(evaluate(q, fn, judge if name.startswith(MAIN_SYSTEM) else None))
            done += 1
            if on_progress:
                on_progress(EvalProgress(done, total, name))
        results[name] = {
            "overall": aggregate(outcomes),
            "splits": {
                s: aggregate([o for o in outcomes if o.split == s]) for s in ("dev", "test")
            },
            "categories": _by_category(outcomes),
            "answers": any(o.found is not None for o in outcomes),
        }
        if name == MAIN_SYSTEM:
            per_question = [asdict(o) for o in outcomes]
    return {
        "run": _run_info(settings, len(questions)),
        "systems": results,
        "questions": per_question,
    }


def _run_info(settings: Settings, n: int) -> dict[str, Any]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "commit": commit,
        "questions": n,
        "settings": public_values(settings),
    }


def run_suite(
    settings: Settings,
    baselines: bool = True,
    split: str = "all",
    limit: int = 0,
    on_progress: Callable[[EvalProgress], None] | None = None,
) -> dict[str, Any]:
    """Every evaluation corpus, with and without manifest (also under neutral file names),
    with its questions typed as in a chat (lower case, a typing slip, greeting and thanks, a
    preface), and each with the model that never saw it (cross-corpus), in one run.

    The record is the first corpus's full run (all systems, per question) plus ``corpora``:
    the main system's figures per corpus and condition.
    """
    record: dict[str, Any] = {}
    summary: dict[str, Any] = {}
    for corpus in available():
        questions = _selected(corpus.load(), split, limit)
        for label, manifest, model, calibrate in _conditions(corpus.name):
            names = neutral_names(corpus) if label == NEUTRAL else None
            local = prepare_index(settings, corpus, manifest=manifest, names=names)
            if calibrate:
                local = _calibrated_on_dev(local, corpus.load(), model)
            with_baselines = baselines and label == "mit Manifest"
            typed = _TYPED.get(label)
            asked = [_as_typed(q, typed) for q in questions] if typed else questions
            if names:
                asked = [renamed(q, names) for q in asked]
            run = run_evaluation(local, asked, with_baselines, on_progress, model)
            summary[f"{corpus.label} · {label}"] = run["systems"][MAIN_SYSTEM]
            if with_baselines:
                summary[f"{corpus.label} · {label}"]["baselines"] = {
                    name: system["overall"]
                    for name, system in run["systems"].items()
                    if name != MAIN_SYSTEM
                }
            if not record:
                record = run
    record["corpora"] = summary
    record["run"]["questions"] = sum(int(v["overall"]["n"]) for v in summary.values())
    return record


def _conditions(name: str) -> list[tuple[str, bool, AnswerModel | None, bool]]:
    """(label, with manifest, answer model, calibrated on dev) of the suite's conditions."""
    conditions: list[tuple[str, bool, AnswerModel | None, bool]] = [
        ("mit Manifest", True, None, False),
        ("ohne Manifest", False, None, False),
        (NEUTRAL, False, None, False),
        ("eigene Kalibrierung (dev)", True, None, True),
        (LOWERCASE, True, None, False),
        (SLIPS, True, None, False),
        (FRAMED, True, None, False),
        (PREFACED, True, None, False),
        (CHAT, True, None, False),
    ]
    cross = MODELS_DIR / f"ohne-{name}.json"
    if cross.is_file():
        model = load_model(cross)
        conditions.append(("Modell ohne dieses Korpus", True, model, False))
        conditions.append(
            ("Modell ohne dieses Korpus, eigene Kalibrierung (dev)", True, model, True)
        )
    return conditions


def _slipped(text: str) -> str:
    """``text`` with the middle letter of its longest word (8+ letters) dropped."""
    words = _LONG_WORD.findall(text)
    if not words:
        return text
    word = max(words, key=len)
    middle = len(word) // 2
    return text.replace(word, word[:middle] + word[middle + 1 :], 1)


def _framed(text: str) -> str:
    """``text`` as a chat message: "Hallo, kurze Frage: wer …? Danke!"."""
    return f"Hallo, kurze Frage: {text[:1].lower()}{text[1:]} Danke!"


def _prefaced(text: str) -> str:
    """``text`` after a sentence about the writer that asks nothing."""
    return f"Ich arbeite in der Schulverwaltung und bereite gerade eine Sitzung vor. {text}"


def _chatted(text: str) -> str:
    """``text`` with every chat habit at once: preface, greeting, a slip, lower case, thanks."""
    return _prefaced(_framed(_slipped(text))).lower()


_TYPED: dict[str, Callable[[str], str]] = {
    LOWERCASE: str.lower,
    SLIPS: _slipped,
    FRAMED: _framed,
    PREFACED: _prefaced,
    CHAT: _chatted,
}


def _as_typed(question: Question, typed: Callable[[str], str]) -> Question:
    """The question and its dialogue as typed in a chat (``typed`` applied to each turn)."""
    history = tuple(typed(turn) for turn in question.history)
    return replace(question, question=typed(question.question), history=history)


def _calibrated_on_dev(
    settings: Settings, questions: list[Question], model: AnswerModel | None = None
) -> Settings:
    """Settings with the refusal threshold fitted on the corpus's dev questions (as an admin
    would with ``konzeptlotse calibrate``), so that its test half shows what that brings."""
    from .calibrate import calibrate_threshold

    dev = [q for q in questions if q.split == "dev"]
    threshold = calibrate_threshold(settings, dev, model).answer_threshold
    return settings.with_overrides(refusal_threshold=f"{threshold:.6f}")


def _selected(questions: list[Question], split: str, limit: int) -> list[Question]:
    if split != "all":
        questions = [q for q in questions if q.split == split]
    return questions[:limit] if limit else questions


def run_cli(
    settings: Settings,
    dataset: Path | None,
    json_out: Path | None,
    baselines: bool,
    split: str,
    limit: int,
) -> int:
    """``konzeptlotse eval``: print the report, save the run, return the exit code.

    Without ``dataset`` the whole suite runs (every corpus, see ``run_suite``); a JSONL file
    is run on the configured index, a BEIR folder (XQuAD-de) as paragraph retrieval.
    """
    if dataset is None:
        record = run_suite(settings, baselines, split, limit)
        record["run"]["dataset"] = "Evaluationskorpora"
    elif dataset.is_dir():
        from .xquad import run_xquad

        record = run_xquad(settings, dataset, limit=limit)
        record["run"] = {**_run_info(settings, record["run"]["questions"]), "dataset": str(dataset)}
    else:
        questions = _selected(load_questions(dataset), split, limit)
        record = run_evaluation(settings, questions, baselines=baselines)
        record["run"]["dataset"] = str(dataset)
    print(format_report(record))
    target = save_run(settings, record, json_out)
    print(f"\nErgebnis gespeichert: {target}", file=sys.stderr)
    return 0


def runs_dir(settings: Settings) -> Path:
    """Where runs are saved by default."""
    return settings.data_dir / "eval-runs"


def _default_run_path(settings: Settings) -> Path:
    stem = time.strftime("%Y%m%d-%H%M%S")
    path, n = runs_dir(settings) / f"{stem}.json", 1
    while path.exists():  # two runs in the same second
        n += 1
        path = runs_dir(settings) / f"{stem}-{n}.json"
    return path


def save_run(settings: Settings, record: dict[str, Any], target: Path | None = None) -> Path:
    """Write a run record as JSON (NaN as null); default path: ``eval-runs/<timestamp>.json``."""
    target = target or _default_run_path(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(_jsonable(record), ensure_ascii=False, indent=1), encoding="utf-8")
    return target


def list_runs(settings: Settings) -> list[Path]:
    """Saved run files, newest first (default names are timestamps)."""
    folder = runs_dir(settings)
    return sorted(folder.glob("*.json"), reverse=True) if folder.is_dir() else []


def load_run(path: Path) -> dict[str, Any]:
    """A saved run record; raises ``ValueError`` (German) if it is not one."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: kein lesbarer Evaluationslauf ({exc}).") from exc
    if not isinstance(record, dict) or "systems" not in record or "run" not in record:
        raise ValueError(f"{path}: kein Evaluationslauf (es fehlen 'run' oder 'systems').")
    return record


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value
