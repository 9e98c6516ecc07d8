"""Fit the answer models (``assistant/answer_model.json``) on more than one corpus.

    .venv/bin/python -m evals.calibrate            # make calibrate

Training data, all from development material only:

* the ``dev`` half of every evaluation corpus (``evals.corpora``: the sample corpus and the
  second corpus written apart from the code);
* XQuAD-de (``KONZEPTLOTSE_XQUAD_DIR``, default ``../shared/datasets/xquad-de``; CC BY-SA,
  read in place): the sentence holding the answer span is a positive, the other sentences of
  the retrieved paragraphs are negatives; the question with its own paragraph taken out of
  the retrieved passages is an unanswerable case.

Each source weighs the same in total, so XQuAD's 1,190 questions do not drown the corpora.
Two logistic regressions are fitted (see ``assistant.scoring``): the sentence model, then
the answerability model (one of its features is the best eligible sentence's probability).
The refusal threshold is the highest one for which, with ``CONFIDENCE``, false refusals of
answerable questions stay at or below ``MAX_FALSE_REFUSAL`` on questions it was not fitted on
(``refusal_budget``; constraint refusals included).

For the cross-corpus report, one model per corpus is also fitted *without* that corpus and
written to ``evals/models/ohne-<name>.json``; ``konzeptlotse eval`` measures each corpus with
the model that never saw it.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from assistant.api import Assistant, Part
from assistant.calibration import Calibration
from assistant.evidence import Evidence
from assistant.privacy import apply_offline_defaults
from assistant.refusal import RefusalPolicy
from assistant.scoring import (
    ANSWERABILITY_FEATURES,
    MODEL_PATH,
    SENTENCE_FEATURES,
    AnswerModel,
    LogisticModel,
    load_model,
)
from assistant.settings import Settings
from assistant.types import Filters

from . import metrics
from .corpora import EvalCorpus, available, prepare_index
from .dataset import Question

__all__ = [
    "CONFIDENCE",
    "MAX_FALSE_REFUSAL",
    "MODELS_DIR",
    "Source",
    "calibrate_threshold",
    "collect",
    "fit",
    "main",
    "refusal_budget",
    "scored_questions",
    "split_check",
    "threshold_for",
]

MAX_FALSE_REFUSAL = 0.10  # the target on questions the threshold was not fitted on
CONFIDENCE = 0.75  # how sure the fitted threshold keeps to it (see refusal_budget)
SENTENCE_THRESHOLD = 0.25
REGULARISATION = 1.0  # inverse strength C of the L2 penalty
MODELS_DIR = Path(__file__).with_name("models")
_FROM_SENTENCES = ("best_sentence", "focus_in_answer")  # recomputed from the fitted sentence model
DEFAULT_XQUAD = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "xquad-de"


@dataclass
class _Part:
    """One answerable-or-not retrieval of a question, as training material."""

    label: int  # 1 = the documents answer it
    sentences: list[tuple[list[float], int, bool, bool]]  # features, has answer, eligible, focus
    question_features: list[float]  # answerability features without best_sentence
    threshold_pool: bool  # counts for choosing the refusal threshold


@dataclass
class Source:
    """Training material of one corpus (or XQuAD)."""

    name: str
    parts: list[_Part] = field(default_factory=list)


def _neutral() -> AnswerModel:
    def zero(names: tuple[str, ...]) -> LogisticModel:
        n = len(names)
        return LogisticModel(names, (0.0,) * n, (1.0,) * n, (0.0,) * n, 0.0)

    return AnswerModel(zero(SENTENCE_FEATURES), zero(ANSWERABILITY_FEATURES), 0.0, 0.0)


def _part(evidence: Evidence, label: int, facts: list[list[str]], pool: bool) -> _Part:
    sentences = [
        (
            list(c.features),
            int(label and any(metrics.fact_found(c.text, f) for f in facts)),
            not c.unmet,
            c.covers_focus,
        )
        for c in evidence.candidates
    ]
    features = [
        value
        for name, value in zip(ANSWERABILITY_FEATURES, evidence.features, strict=True)
        if name not in _FROM_SENTENCES
    ]
    return _Part(label, sentences, features, pool)


def collect(settings: Settings, corpus: EvalCorpus, split: str = "dev") -> Source:
    """Training material from the ``split`` questions of an evaluation corpus."""
    assistant = Assistant(prepare_index(settings, corpus), model=_neutral())
    source = Source(corpus.name)
    for q in (q for q in corpus.load() if q.split == split):
        plan = assistant.plan(q.question, history=q.history)
        for part in plan.parts:
            evidence, _ = assistant.evidence(part)
            answerable = q.answerable and (not part.kommune or part.kommune in q.kommunen)
            facts = [list(f) for f in q.facts]
            source.parts.append(_part(evidence, int(answerable), facts, pool=True))
    return source


def collect_xquad(settings: Settings, folder: Path) -> Source:
    """Training material from XQuAD-de: answer spans, and questions without their paragraph."""
    from .xquad import load_beir, xquad_settings

    corpus, queries, qrels = load_beir(folder)
    answers = _xquad_answers(folder)
    assistant = Assistant(xquad_settings(settings, corpus), model=_neutral())
    source = Source("xquad")
    for qid, text in queries.items():
        if qid not in qrels or qid not in answers:
            continue
        part = Part(text, Filters())
        evidence, _ = assistant.evidence(part)
        facts = [answers[qid]]
        source.parts.append(_part(evidence, 1, facts, pool=False))
        others = tuple(sorted(set(corpus) - qrels[qid]))
        evidence, _ = assistant.evidence(replace(part, filters=Filters(doc_ids=others)))
        source.parts.append(_part(evidence, 0, [], pool=False))
    return source


def _xquad_answers(folder: Path) -> dict[str, list[str]]:
    answers = {}
    for line in (folder / "queries.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        answers[row["_id"]] = [str(a) for a in row.get("answers", [])]
    return answers


def _fit(
    x: list[list[float]], y: list[int], w: list[float], names: tuple[str, ...]
) -> LogisticModel:
    from sklearn.linear_model import LogisticRegression

    data = np.asarray(x, dtype=float)
    mean, scale = data.mean(axis=0), data.std(axis=0)
    scale[scale == 0] = 1.0
    labels = np.asarray(y)
    weights = np.asarray(w, dtype=float)
    for value in (0, 1):  # balance the classes within the given source weights
        mask = labels == value
        if mask.any():
            weights[mask] *= 0.5 * weights.sum() / weights[mask].sum()
    weights *= len(weights) / weights.sum()  # mean weight 1: the penalty keeps its usual strength
    model = LogisticRegression(C=REGULARISATION, max_iter=5000)
    model.fit((data - mean) / scale, labels, sample_weight=weights)
    return LogisticModel(
        names,
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in model.coef_[0]),
        float(model.intercept_[0]),
    )


def _answer_row(part: _Part, sentence: LogisticModel) -> list[float]:
    """The answerability features, with the best eligible sentence under ``sentence``."""
    eligible = [(sentence.probability(f), focus) for f, _, ok, focus in part.sentences if ok]
    probability, focus = max(eligible, default=(0.0, False))
    derived = {"best_sentence": probability, "focus_in_answer": float(focus)}
    given = iter(part.question_features)
    return [derived[n] if n in derived else next(given) for n in ANSWERABILITY_FEATURES]


def _refused_by_requirements(part: _Part) -> bool:
    return bool(part.sentences) and not any(s[2] for s in part.sentences)


def fit(sources: list[Source], info: dict[str, object] | None = None) -> AnswerModel:
    """Both models and the thresholds from the training material of ``sources``."""
    x, y, w = [], [], []
    for source in sources:
        rows = [(s[0], s[1]) for p in source.parts for s in p.sentences]
        for features, label in rows:
            x.append(features)
            y.append(label)
            w.append(1.0 / max(1, len(rows)))
    sentence = _fit(x, y, w, SENTENCE_FEATURES)
    ax, ay, aw = [], [], []
    for source in sources:
        usable = [p for p in source.parts if p.sentences and not _refused_by_requirements(p)]
        for part in usable:
            ax.append(_answer_row(part, sentence))
            ay.append(part.label)
            aw.append(1.0 / max(1, len(usable)))
    answerability = _fit(ax, ay, aw, ANSWERABILITY_FEATURES)
    threshold = _threshold([p for s in sources for p in s.parts], sentence, answerability)
    return AnswerModel(sentence, answerability, threshold, SENTENCE_THRESHOLD, info or {})


def _threshold(parts: list[_Part], sentence: LogisticModel, answerability: LogisticModel) -> float:
    """The refusal threshold on the answerable dev parts (see ``threshold_for``)."""
    answerable = [p for p in parts if p.threshold_pool and p.label == 1]
    if not answerable:
        return 0.5
    return threshold_for(
        [
            None
            if not p.sentences or _refused_by_requirements(p)
            else answerability.probability(_answer_row(p, sentence))
            for p in answerable
        ]
    )


def refusal_budget(n: int) -> int:
    """How many of ``n`` answerable labelled questions the threshold may refuse.

    The largest k for which the one-sided ``CONFIDENCE`` Clopper-Pearson upper bound of the
    false-refusal rate stays at or below ``MAX_FALSE_REFUSAL``: were the rate on unseen
    questions above the target, k or fewer refusals among n would have been unlikely (at
    most 1 - CONFIDENCE). A plain share of n (k = 8 % of n) is the same point estimate for
    every n, so with the few dozen questions an admin labels the unseen rate lands above the
    target about every third time; the bound grows the margin as n shrinks. With fewer than
    27 answerable questions nothing may be refused on answerability (1 from 27, 2 from 39,
    3 from 51, 12 of 155).
    """
    p, cdf, k = MAX_FALSE_REFUSAL, 0.0, 0
    for i in range(n + 1):  # binomial P(X = i), in logarithms so that large n cannot overflow
        log_comb = math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
        cdf += math.exp(log_comb + i * math.log(p) + (n - i) * math.log1p(-p))
        if cdf > 1 - CONFIDENCE:
            break
        k = i
    return k


def threshold_for(
    answerable: list[float | None], budget: Callable[[int], int] | None = None
) -> float:
    """The highest threshold within ``budget`` (default ``refusal_budget``) for the
    answerability scores of the answerable questions (None: refused by the requirements
    anyway, counts against it)."""
    if not answerable:
        raise ValueError("Der Fragensatz enthält keine beantwortbaren Fragen.")
    scores = sorted(s for s in answerable if s is not None)
    allowed = (budget or refusal_budget)(len(answerable)) - (len(answerable) - len(scores))
    if allowed < 0 or not scores:
        return 0.0
    return float(scores[min(allowed, len(scores) - 1)]) - 1e-6


def evaluate_model(model: AnswerModel, source: Source) -> dict[str, float]:
    """Refusal accuracy, false refusals and top-sentence precision of a model on a source."""
    refuse_ok = refuse_n = false_refusals = answer_n = tops = top_hits = 0
    for part in source.parts:
        blocked = not part.sentences or _refused_by_requirements(part)
        refused = blocked or (
            model.answerability.probability(_answer_row(part, model.sentence))
            < model.answer_threshold
        )
        if part.label == 0:
            refuse_n += 1
            refuse_ok += refused
        else:
            answer_n += 1
            false_refusals += refused
            eligible = [(s[0], s[1]) for s in part.sentences if s[2]]
            if eligible:
                tops += 1
                top_hits += max(eligible, key=lambda e: model.sentence.probability(e[0]))[1]
    return {
        "refusal_accuracy": refuse_ok / max(1, refuse_n),
        "false_refusal": false_refusals / max(1, answer_n),
        "top_sentence_has_fact": top_hits / max(1, tops),
    }


@dataclass(frozen=True)
class Scored:
    """A labelled question's parts: (answerable, answerability; None = refused by the
    question's requirements anyway)."""

    answerable: bool
    parts: tuple[tuple[bool, float | None], ...]


def scored_questions(
    settings: Settings, questions: list[Question], model: AnswerModel | None = None
) -> list[Scored]:
    """Every part of every question, scored as the refusal decision sees it."""
    assistant = Assistant(settings, model=model)
    out = []
    for q in questions:
        plan = assistant.plan(q.question, history=q.history)
        parts = []
        for part in plan.parts:
            evidence, _ = assistant.evidence(part)
            blocked = not RefusalPolicy(0.0).decide(evidence).found
            ok = q.answerable and (not part.kommune or part.kommune in q.kommunen)
            parts.append((ok, None if blocked else evidence.answerability))
        out.append(Scored(q.answerable, tuple(parts)))
    return out


def calibrate_threshold(
    settings: Settings, questions: list[Question], model: AnswerModel | None = None
) -> Calibration:
    """The refusal threshold for the configured index, fitted on an admin's own questions.

    The shipped answer model is kept; only the threshold moves: the highest one within
    ``refusal_budget`` of the answerable questions (those no sentence can answer by the
    question's requirements count as refused already).
    """
    parts = [p for q in scored_questions(settings, questions, model) for p in q.parts]
    answerable = [score for ok, score in parts if ok]
    refuse = [score for ok, score in parts if not ok]
    threshold = threshold_for(answerable)
    return Calibration(
        answer_threshold=threshold,
        questions=len(questions),
        fitted=time.strftime("%Y-%m-%d"),
        refusal_accuracy=_share(refuse, lambda s: s is None or s < threshold),
        false_refusal=_share(answerable, lambda s: s is None or s < threshold),
    )


def split_check(
    scored: list[Scored], budget: Callable[[int], int], rounds: int = 200, seed: int = 0
) -> tuple[float, float]:
    """How a threshold rule carries over to questions it was not fitted on: the questions are
    halved at random ``rounds`` times; the threshold fitted on one half (``budget``) is
    applied to the other. Returns the share of fits whose false refusals there exceed
    ``MAX_FALSE_REFUSAL``, and the mean refusal accuracy there (a question counts as answered
    when one of its parts is)."""
    rng = random.Random(seed)
    questions = list(scored)
    over, accuracy, fits = 0, 0.0, 0
    for _ in range(rounds):
        rng.shuffle(questions)
        half = len(questions) // 2
        for fitted, held in (
            (questions[:half], questions[half:]),
            (questions[half:], questions[:half]),
        ):
            pool = [score for q in fitted for ok, score in q.parts if ok]
            if not pool:
                continue
            threshold = threshold_for(pool, budget)
            answered = [
                (q.answerable, any(s is not None and s >= threshold for _, s in q.parts))
                for q in held
            ]
            wanted = [found for answerable, found in answered if answerable]
            unwanted = [found for answerable, found in answered if not answerable]
            over += (wanted.count(False) / max(1, len(wanted))) > MAX_FALSE_REFUSAL
            accuracy += unwanted.count(False) / max(1, len(unwanted))
            fits += 1
    return over / max(1, fits), accuracy / max(1, fits)


def _share(values: list[float | None], refused: Callable[[float | None], bool]) -> float:
    return sum(1 for v in values if refused(v)) / len(values) if values else float("nan")


def main(argv: list[str] | None = None) -> int:
    """Collect, fit on all sources, fit one model without each corpus, write the files."""
    parser = argparse.ArgumentParser(prog="python -m evals.calibrate")
    parser.add_argument("--xquad", type=Path, default=None, help="XQuAD-de-Ordner")
    parser.add_argument("--no-xquad", action="store_true", help="ohne XQuAD-de anpassen")
    parser.add_argument(
        "--thresholds-only",
        action="store_true",
        help="nur die Ablehnungsschwellen der vorhandenen Modelle neu bestimmen",
    )
    parser.add_argument(
        "--split-check",
        action="store_true",
        help="Schwellenregel auf zufälligen Hälften der dev-Fragen prüfen (schreibt nichts)",
    )
    args = parser.parse_args(argv)
    apply_offline_defaults()
    settings = Settings.from_env()
    if args.split_check:
        return _print_split_check(settings)
    started = time.perf_counter()
    sources = [collect(settings, corpus) for corpus in available()]
    xquad_dir = args.xquad or default_xquad()
    if not args.thresholds_only and not args.no_xquad and xquad_dir.is_dir():
        sources.append(collect_xquad(settings, xquad_dir))
    print(f"Trainingsmaterial in {time.perf_counter() - started:.0f} s gesammelt:", file=sys.stderr)
    for source in sources:
        print(f"  {source.name}: {len(source.parts)} Teilfragen", file=sys.stderr)
    info: dict[str, object] = {
        "fitted": time.strftime("%Y-%m-%d"),
        "sources": {s.name: len(s.parts) for s in sources},
    }

    def fitting(sources: list[Source], info: dict[str, object], path: Path) -> AnswerModel:
        return _rethreshold(sources, info, path) if args.thresholds_only else fit(sources, info)

    model = fitting(sources, info, MODEL_PATH)
    MODEL_PATH.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"Schwelle Ablehnung: {model.answer_threshold:.3f} · geschrieben: {MODEL_PATH}")
    MODELS_DIR.mkdir(exist_ok=True)
    for held in [s for s in sources if s.name != "xquad"]:
        rest = [s for s in sources if s is not held]
        path = MODELS_DIR / f"ohne-{held.name}.json"
        without = fitting(rest, {**info, "without": held.name}, path)
        path.write_text(json.dumps(without.to_json(), indent=1) + "\n", encoding="utf-8")
        own = evaluate_model(model, held)
        cross = evaluate_model(without, held)
        print(f"{held.name} (dev): mit {_fmt(own)} | ohne {_fmt(cross)} · {path}")
    return 0


def _rethreshold(sources: list[Source], info: dict[str, object], path: Path) -> AnswerModel:
    """The model stored at ``path`` with its refusal threshold chosen anew on ``sources``
    (its sentence and answerability coefficients unchanged)."""
    stored = load_model(path)
    parts = [p for s in sources for p in s.parts]
    threshold = _threshold(parts, stored.sentence, stored.answerability)
    kept = {k: v for k, v in stored.info.items() if k != "threshold"}
    return replace(stored, answer_threshold=threshold, info={**kept, "threshold": info["fitted"]})


PLAIN_SHARE = 0.08  # the rule before refusal_budget: 8 % of the labelled answerable questions


def _print_split_check(settings: Settings) -> int:
    """``--split-check``: both threshold rules on random halves of each corpus's dev questions,
    with the shipped model and with the model that never saw the corpus."""
    rules: dict[str, Callable[[int], int]] = {
        "8 % von n": lambda n: int(PLAIN_SHARE * n),
        "Schranke": refusal_budget,
    }
    print("Korpus · Modell · Regel: Anteil Anpassungen mit Fehl-Ablehnung > 10 % · Ablehnung")
    for corpus in available():
        dev = [q for q in corpus.load() if q.split == "dev"]
        models = {"ausgeliefert": None, "ohne Korpus": _model_without(corpus.name)}
        for label, model in models.items():
            if label != "ausgeliefert" and model is None:
                continue
            scored = scored_questions(prepare_index(settings, corpus), dev, model)
            for rule, budget in rules.items():
                over, accuracy = split_check(scored, budget)
                print(f"{corpus.name} · {label} · {rule}: {over:.2f} · {accuracy:.3f}")
    return 0


def _model_without(name: str) -> AnswerModel | None:
    path = MODELS_DIR / f"ohne-{name}.json"
    return load_model(path) if path.is_file() else None


def default_xquad() -> Path:
    """Where XQuAD-de lies (``KONZEPTLOTSE_XQUAD_DIR`` or the team's shared folder)."""
    import os

    return Path(os.environ.get("KONZEPTLOTSE_XQUAD_DIR") or DEFAULT_XQUAD)


def _fmt(values: dict[str, float]) -> str:
    return " ".join(f"{k}={v:.3f}" for k, v in values.items())


if __name__ == "__main__":
    sys.exit(main())
