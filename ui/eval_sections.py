"""Sections of the evaluator page: one run, two runs compared, a new run, feedback export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from assistant.settings import Settings
from evals.compare import MetricDelta, RunComparison, compare_runs, metric_value
from evals.dataset import CATEGORIES, DEFAULT_DATASET, load_questions
from evals.runner import (
    MAIN_SYSTEM,
    EvalProgress,
    list_runs,
    load_run,
    run_evaluation,
    runs_dir,
    save_run,
)

from . import state, texts
from .formatting import escape_markdown

__all__ = [
    "allowed_datasets",
    "compare_section",
    "feedback_section",
    "follow_finished_run",
    "new_run_section",
    "run_section",
]

TILE_METRICS = (
    "pass_rate",
    "hit@5",
    "mrr@10",
    "fact_recall",
    "citation_precision",
    "refusal_accuracy",
    "false_refusal",
    "p50_ms",
)
LOWER_IS_BETTER = {"false_refusal", "p50_ms", "p95_ms"}
SEEN = "eval_seen_run"
NOT_QUESTION_SETS = {"personendaten.jsonl"}  # the personal-data guard's labelled set
VIEW_KEY = "view_run"
POLL_SECONDS = 2.0


def _fmt(key: str, value: float | None) -> str:
    if value is None:
        return "–"
    if key == "n":
        return str(int(value))
    return f"{value:.0f}" if key.endswith("_ms") else f"{value:.3f}"


def _bar_height(bars: int) -> int:
    """Chart height in pixels that leaves each bar and its label readable."""
    return 90 + 26 * bars


def _label(key: str) -> str:
    return texts.METRIC_LABELS.get(key, key)


@st.cache_data(max_entries=64, show_spinner=False)
def _load(path: str, mtime: float) -> dict[str, Any]:
    return load_run(Path(path))


def _runs(config: Settings) -> list[tuple[Path, dict[str, Any]]]:
    runs = []
    for path in list_runs(config):
        try:
            runs.append((path, _load(str(path), path.stat().st_mtime)))
        except (ValueError, OSError):
            continue  # not a run record; ignore
    return runs


def _run_label(path: Path, record: dict[str, Any]) -> str:
    run = record.get("run", {})
    return texts.RUN_LABEL.format(
        timestamp=str(run.get("timestamp", "?")).replace("T", " "),
        questions=run.get("questions", "?"),
        commit=run.get("commit") or "–",
        name=path.name,
    )


def _pick_run(label: str, runs: list[tuple[Path, dict[str, Any]]], key: str, default: int) -> int:
    if st.session_state.get(key, 0) >= len(runs):
        del st.session_state[key]
    chosen: int = st.selectbox(
        label,
        range(len(runs)),
        index=min(default, len(runs) - 1),
        format_func=lambda i: _run_label(*runs[i]),
        key=key,
    )
    return chosen


def follow_finished_run(config: Settings) -> None:
    """After a run of this session's page ends, show it (newest first = index 0) once."""
    snapshot = state.eval_job(config).state()
    if snapshot.finished and not snapshot.error and st.session_state.get(SEEN) != snapshot.run_id:
        st.session_state[SEEN] = snapshot.run_id
        st.session_state[VIEW_KEY] = 0


# --- one run ----------------------------------------------------------------------------------


def run_section(config: Settings) -> None:
    """Metrics, charts and per-question rows of a saved run."""
    runs = _runs(config)
    if not runs:
        st.info(texts.RUNS_NONE)
        return
    record = runs[_pick_run(texts.RUN_SELECT, runs, VIEW_KEY, 0)][1]
    systems: dict[str, Any] = record["systems"]
    main = systems.get(MAIN_SYSTEM) or next(iter(systems.values()))
    st.header(texts.RUN_OVERALL)
    _tiles(main["overall"])
    _systems(systems)
    _categories(main.get("categories", {}))
    _splits(main.get("splits", {}))
    _questions(record.get("questions", []))


def _tiles(overall: dict[str, Any], before: dict[str, Any] | None = None) -> None:
    with st.container(horizontal=True):
        for key in TILE_METRICS:
            value = metric_value(overall, key)
            delta = None
            if before is not None:
                old = metric_value(before, key)
                delta = None if value is None or old is None else value - old
            st.metric(
                _label(key),
                _fmt(key, value),
                delta=None if delta is None else _fmt(key, delta),
                delta_color="inverse" if key in LOWER_IS_BETTER else "normal",
                delta_arrow="off" if delta == 0 else "auto",
                border=True,
                width=160,
            )


def _metric_table(rows: dict[str, dict[str, Any]], first: str) -> list[dict[str, str]]:
    keys = [k for k in texts.METRIC_LABELS if any(k in m for m in rows.values())]
    return [
        {first: name, **{_label(k): _fmt(k, metric_value(m, k)) for k in keys}}
        for name, m in rows.items()
    ]


def _systems(systems: dict[str, Any]) -> None:
    st.header(texts.RUN_SYSTEMS)
    overall = {name: s["overall"] for name, s in systems.items()}
    st.dataframe(_metric_table(overall, texts.COL_SYSTEM), hide_index=True, width="stretch")
    chart = [
        {texts.COL_SYSTEM: name, texts.COL_METRIC: _label(k), "Wert": metric_value(m, k) or 0.0}
        for name, m in overall.items()
        for k in ("hit@1", "hit@5", "mrr@10")
    ]
    st.bar_chart(
        chart,
        x=texts.COL_METRIC,
        y="Wert",
        color=texts.COL_SYSTEM,
        stack=False,
        horizontal=True,
        height=_bar_height(len(chart)),
        alt=texts.CHART_SYSTEMS,
    )


def _categories(categories: dict[str, Any]) -> None:
    if not categories:
        return
    st.header(texts.RUN_CATEGORIES)
    named = {CATEGORIES.get(c, c): m for c, m in categories.items()}
    metric = st.selectbox(
        texts.RUN_CHART_METRIC,
        ["pass_rate", "hit@5", "mrr@10", "fact_recall", "citation_precision"],
        format_func=_label,
        key="category_metric",
    )
    chart = [
        {texts.COL_CATEGORY: c, _label(metric): metric_value(m, metric) or 0.0}
        for c, m in named.items()
    ]
    st.bar_chart(
        chart,
        x=texts.COL_CATEGORY,
        y=_label(metric),
        horizontal=True,
        height=_bar_height(len(chart)),
        alt=texts.CHART_CATEGORIES.format(metric=_label(metric)),
    )
    st.dataframe(_metric_table(named, texts.COL_CATEGORY), hide_index=True, width="stretch")


def _splits(splits: dict[str, Any]) -> None:
    shown = {s: m for s, m in splits.items() if metric_value(m, "n")}
    if shown:
        st.header(texts.RUN_SPLITS)
        st.dataframe(_metric_table(shown, texts.COL_SPLIT), hide_index=True, width="stretch")


def _gold(gold: list[dict[str, Any]]) -> str:
    return "; ".join(f"{g['doc']} S. {', '.join(str(p) for p in g['pages'])}" for g in gold)


def _citations(citations: list[dict[str, Any]]) -> str:
    return "; ".join(f"[{c['n']}] {c['doc_id']} S. {c['page']}" for c in citations)


def _questions(rows: list[dict[str, Any]]) -> None:
    st.header(texts.RUN_QUESTIONS)
    with st.container(horizontal=True, vertical_alignment="bottom"):
        only_failed = st.toggle(texts.RUN_ONLY_FAILED, key="only_failed")
        categories = sorted({r.get("category", "") for r in rows})
        chosen = st.multiselect(
            texts.RUN_CATEGORY_FILTER,
            categories,
            format_func=lambda c: CATEGORIES.get(c, c),
            placeholder=texts.ALL_CATEGORIES,
            key="question_categories",
        )
    table = [
        {
            texts.COL_ID: r["id"],
            texts.COL_CATEGORY: CATEGORIES.get(r.get("category", ""), r.get("category", "")),
            texts.COL_SPLIT: r.get("split", ""),
            texts.COL_QUESTION: r.get("question", ""),
            texts.COL_GOLD: _gold(r.get("gold", [])),
            texts.COL_ANSWER: r.get("answer", ""),
            texts.COL_CITATIONS: _citations(r.get("citations", [])),
            texts.COL_RANK: r.get("rank"),
            texts.COL_PASSED: "✓" if r.get("passed") else "✗",
            texts.COL_REASON: r.get("reason", ""),
        }
        for r in rows
        if (not only_failed or not r.get("passed")) and (not chosen or r.get("category") in chosen)
    ]
    st.dataframe(table, hide_index=True, width="stretch")


# --- two runs ---------------------------------------------------------------------------------


def compare_section(config: Settings) -> None:
    """Metric deltas and newly passing / failing questions between two runs."""
    runs = _runs(config)
    if len(runs) < 2:
        st.info(texts.COMPARE_NEED_TWO)
        return
    with st.container(horizontal=True):
        before = runs[_pick_run(texts.COMPARE_BEFORE, runs, "compare_before", 1)][1]
        after = runs[_pick_run(texts.COMPARE_AFTER, runs, "compare_after", 0)][1]
    comparison = compare_runs(before, after)
    main_before = before["systems"].get(MAIN_SYSTEM) or next(iter(before["systems"].values()))
    main_after = after["systems"].get(MAIN_SYSTEM) or next(iter(after["systems"].values()))
    st.header(texts.COMPARE_METRICS)
    _tiles(main_after["overall"], main_before["overall"])
    st.dataframe(_delta_table(comparison.overall), hide_index=True, width="stretch")
    _category_chart(comparison)
    _changes(comparison)


def _delta_table(deltas: list[MetricDelta]) -> list[dict[str, str]]:
    return [
        {
            texts.COL_METRIC: _label(d.metric),
            texts.COL_BEFORE: _fmt(d.metric, d.before),
            texts.COL_AFTER: _fmt(d.metric, d.after),
            texts.COL_DELTA: "–" if d.delta is None else f"{d.delta:+.3f}".replace("+0.000", "±0"),
        }
        for d in deltas
        if d.metric in texts.METRIC_LABELS
    ]


def _category_chart(comparison: RunComparison) -> None:
    rows = []
    for category, deltas in comparison.categories.items():
        rate = next((d for d in deltas if d.metric == "pass_rate"), None)
        if rate is None:
            continue
        name = CATEGORIES.get(category, category)
        rows.append(
            {texts.COL_CATEGORY: name, "Lauf": texts.COL_BEFORE, "Wert": rate.before or 0.0}
        )
        rows.append({texts.COL_CATEGORY: name, "Lauf": texts.COL_AFTER, "Wert": rate.after or 0.0})
    if rows:
        st.header(texts.COMPARE_CATEGORIES)
        st.bar_chart(
            rows,
            x=texts.COL_CATEGORY,
            y="Wert",
            color="Lauf",
            stack=False,
            horizontal=True,
            height=_bar_height(len(rows)),
            alt=texts.COMPARE_CATEGORIES,
        )


def _changes(comparison: RunComparison) -> None:
    improved, regressed = st.columns(2)
    for column, heading, changes in (
        (improved, texts.COMPARE_IMPROVED, comparison.improved),
        (regressed, texts.COMPARE_REGRESSED, comparison.regressed),
    ):
        with column:
            st.markdown(f"**{heading.format(count=len(changes))}**")
            if not changes:
                st.caption(texts.COMPARE_NONE)
                continue
            rows = [
                {
                    texts.COL_ID: c.id,
                    texts.COL_QUESTION: c.question,
                    texts.COL_BEFORE: c.reason_before or "✓",
                    texts.COL_AFTER: c.reason_after or "✓",
                }
                for c in changes
            ]
            st.dataframe(rows, hide_index=True, width="stretch")
    st.caption(
        texts.COMPARE_STABLE.format(
            passed=comparison.still_passing, failed=comparison.still_failing
        )
    )
    if comparison.only_before or comparison.only_after:
        st.caption(
            texts.COMPARE_ONLY.format(
                before=len(comparison.only_before), after=len(comparison.only_after)
            )
        )


# --- new run ----------------------------------------------------------------------------------


def new_run_section(config: Settings) -> None:
    """Start a run in the background and follow its progress."""
    job = state.eval_job(config)
    snapshot = job.state()
    if snapshot.running:
        _eval_progress(config)
    elif snapshot.finished:
        if snapshot.error:
            st.error(escape_markdown(snapshot.error))
        else:
            st.success(escape_markdown(texts.EVAL_DONE.format(path=snapshot.result)))
    datasets = allowed_datasets(config)
    if not datasets:
        st.warning(texts.NEW_RUN_NO_DATASETS)
        return
    dataset: Path = st.selectbox(
        texts.NEW_RUN_DATASET,
        datasets,
        format_func=_dataset_label,
        help=texts.NEW_RUN_DATASET_HELP,
        key="eval_dataset",
    )
    baselines = st.checkbox(texts.NEW_RUN_BASELINES, value=True, key="eval_baselines")
    split = st.radio(
        texts.NEW_RUN_SPLIT,
        list(texts.NEW_RUN_SPLITS),
        format_func=texts.NEW_RUN_SPLITS.__getitem__,
        horizontal=True,
        key="eval_split",
    )
    limit = int(
        st.number_input(texts.NEW_RUN_LIMIT, min_value=0, value=0, step=10, key="eval_limit")
    )
    missing = not dataset.is_file()
    st.caption(texts.NEW_RUN_HINT.format(runs=str(runs_dir(config)).replace("`", "")))
    if st.button(
        texts.NEW_RUN_START,
        type="primary",
        disabled=missing or snapshot.running,
        icon=":material/play_arrow:",
    ):
        _start_run(config, dataset, baselines, str(split), limit)
        st.rerun()


def allowed_datasets(config: Settings) -> list[Path]:
    """The question sets an evaluator may run: JSONL files in ``evals/`` and the data directory.

    Nothing else is readable from the page (no free path): symlinks that lead outside these
    folders are left out, and the personal-data set is not a question set.
    """
    roots = [DEFAULT_DATASET.parent.resolve(), config.data_dir.resolve()]
    found = []
    for root in roots:
        for path in sorted(root.glob("*.jsonl")) if root.is_dir() else []:
            real = path.resolve()
            inside = any(real.is_relative_to(r) for r in roots)
            if inside and real.is_file() and path.name not in NOT_QUESTION_SETS:
                found.append(path)
    default = [p for p in found if p.resolve() == DEFAULT_DATASET.resolve()]
    return default + [p for p in found if p not in default]


def _dataset_label(path: Path) -> str:
    in_evals = path.parent.resolve() == DEFAULT_DATASET.parent.resolve()
    return f"{path.name} ({texts.DATASET_IN_EVALS if in_evals else texts.DATASET_IN_DATA})"


def _start_run(config: Settings, dataset: Path, baselines: bool, split: str, limit: int) -> None:
    if dataset not in allowed_datasets(config):  # the page offers no other; keep it that way
        return

    def task(progress: Any) -> Path:
        questions = load_questions(dataset)
        if split != "all":
            questions = [q for q in questions if q.split == split]
        questions = questions[:limit] if limit else questions
        record = run_evaluation(config, questions, baselines=baselines, on_progress=progress)
        record["run"]["dataset"] = str(dataset)
        return save_run(config, record)

    state.eval_job(config).start(texts.EVAL_JOB, task)


@st.fragment(run_every=POLL_SECONDS)
def _eval_progress(config: Settings) -> None:
    snapshot = state.eval_job(config).state()
    if not snapshot.running:
        st.rerun()
    p = snapshot.progress
    if isinstance(p, EvalProgress) and p.total:
        text = texts.EVAL_PROGRESS.format(system=p.system, done=p.done, total=p.total)
        st.progress(p.done / p.total, text=escape_markdown(text))
    else:
        st.progress(0.0, text=texts.JOB_STARTING.format(label=snapshot.label))


# --- feedback ---------------------------------------------------------------------------------


def feedback_section(config: Settings) -> None:
    """Stored ratings and their export as candidate evaluation questions."""
    from assistant.feedback import candidates_jsonl

    records = state.feedback_store(config).records()
    if not records:
        st.info(texts.FEEDBACK_NONE)
        return
    helpful = sum(1 for r in records if r.helpful)
    st.caption(texts.FEEDBACK_COUNTS.format(helpful=helpful, unhelpful=len(records) - helpful))
    rows = [
        {
            texts.COL_DATE: r.created_at.replace("T", " "),
            texts.COL_QUESTION: r.question,
            texts.COL_HELPFUL: texts.YES if r.helpful else texts.NO,
            texts.COL_COMMENT: r.comment,
            texts.COL_ANSWER: r.answer,
        }
        for r in reversed(records)
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
    st.markdown(texts.FEEDBACK_EXPORT_HINT)
    st.download_button(
        texts.FEEDBACK_EXPORT,
        data=candidates_jsonl(records),
        file_name="kandidaten-aus-rueckmeldungen.jsonl",
        mime="application/jsonl",
        on_click="ignore",
        icon=":material/download:",
    )
