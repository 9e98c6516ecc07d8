"""Sections of the admin page: job progress, document list, upload, ingest actions, delete.

Actions run as widget callbacks, so their effect is visible in the same rerun; messages for
the admin go through a small flash queue in the session.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from assistant.errors import KonzeptlotseError
from assistant.settings import Settings
from ingest import admin
from ingest.child import run_in_child
from ingest.confirm import confirm_document
from ingest.load import SUPPORTED_SUFFIXES
from ingest.pipeline import STATUS_LABELS, IngestReport, Progress

from . import state, texts, upload_guard
from .formatting import (
    escape_markdown,
    format_stand,
    format_timestamp,
    inferred_mark,
    kommune_cell,
    plural,
    remaining_time,
)
from .jobs import JobState

__all__ = [
    "confirm_section",
    "delete_section",
    "documents_section",
    "flash_messages",
    "ingest_section",
    "job_section",
    "upload_section",
]

FLASH = "admin_flash"
POLL_SECONDS = 1.0


def _flash(kind: str, text: str) -> None:
    st.session_state.setdefault(FLASH, []).append((kind, text))


def flash_messages() -> None:
    """Show (once) the messages left by the last action."""
    for kind, text in st.session_state.pop(FLASH, []):
        getattr(st, kind)(escape_markdown(text))


# --- background ingest ---------------------------------------------------------------------


def _start(config: Settings, label: str, **kwargs: Any) -> bool:
    def task(progress: Any) -> IngestReport:
        # A child process writes (ingest.child); this thread only follows it, so the chat in
        # this process keeps its speed. Then the new generation is loaded here, not in a
        # staff member's question.
        report = run_in_child(config, on_progress=progress, **kwargs)
        if report.published:
            state.warm(config)
        return report

    started = state.ingest_job(config).start(label, task)
    if not started:
        _flash("warning", texts.JOB_BUSY.format(label=state.ingest_job(config).state().label))
    return started


def _on_start(config: Settings, label: str, **kwargs: Any) -> None:
    _start(config, label, **kwargs)


def job_section(config: Settings) -> None:
    """Progress of a running ingest (polling), or the result of the last one."""
    snapshot = state.ingest_job(config).state()
    if snapshot.running:
        _progress(config)
    elif snapshot.finished:
        _result(snapshot)


@st.fragment(run_every=POLL_SECONDS)
def _progress(config: Settings) -> None:
    snapshot = state.ingest_job(config).state()
    if not snapshot.running:
        st.rerun()  # the whole page: document list and result
    p = snapshot.progress
    if isinstance(p, Progress) and p.files_total:
        text = texts.JOB_RUNNING.format(
            label=snapshot.label,
            done=p.files_done,
            total=plural(p.files_total, "Datei", "Dateien"),
            chunks=plural(p.chunks_embedded, "Abschnitt", "Abschnitte"),
            current=" – ".join(x for x in (p.current, p.detail) if x) or "…",
        )
        eta = remaining_time(p.eta_s)
        text = f"{text} · {eta}" if eta else text
        st.progress(min(1.0, p.files_done / p.files_total), text=escape_markdown(text))
    else:
        st.progress(0.0, text=texts.JOB_STARTING.format(label=snapshot.label))


def _result(snapshot: JobState) -> None:
    if snapshot.error:
        st.error(
            escape_markdown(texts.JOB_FAILED.format(label=snapshot.label, error=snapshot.error))
        )
        return
    report = snapshot.result
    if not isinstance(report, IngestReport):
        return
    summary = texts.JOB_DONE.format(label=snapshot.label, summary=report.summary())
    (st.warning if report.failed else st.success)(escape_markdown(summary))
    _outcome_table(report, include_unchanged=False)


def _outcome_table(report: IngestReport, include_unchanged: bool) -> None:
    rows = [
        {
            texts.COL_DOC: o.doc_id,
            texts.COL_OUTCOME: STATUS_LABELS[o.status],
            texts.COL_REASON: "; ".join([o.reason, *o.warnings]).strip("; "),
        }
        for o in report.outcomes
        if include_unchanged or o.status != "unchanged"
    ]
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")


# --- document list --------------------------------------------------------------------------


def _rows(config: Settings) -> list[admin.DocumentRow] | None:
    """The document list, or None after showing why it cannot be read (e.g. model changed)."""
    try:
        return admin.document_rows(config)
    except (KonzeptlotseError, ValueError) as exc:
        st.error(escape_markdown(str(exc)))
        return None


def documents_section(config: Settings) -> list[str]:
    """The table of documents with status and warnings; returns the document ids shown."""
    rows = _rows(config)
    if rows is None:
        return []
    if not rows:
        st.info(texts.DOCS_EMPTY)
        return []
    counts = {s: sum(1 for r in rows if r.status == s) for s in texts.DOC_STATUS}
    issuers = {d.doc_id: d.meta.issuer for d in state.documents(config)}
    st.caption(texts.DOCS_SUMMARY.format(**counts))
    table = [
        {
            texts.COL_DOC: r.doc_id,
            texts.COL_STATUS: texts.DOC_STATUS[r.status],
            texts.COL_KOMMUNE: kommune_cell(
                r.kommune, issuers.get(r.doc_id, ""), r.place, "kommune" in r.inferred
            ),
            texts.COL_TYPE: inferred_mark(r.doc_type, "doc_type" in r.inferred),
            texts.COL_STAND: inferred_mark(format_stand(r.stand), "stand" in r.inferred),
            texts.COL_PAGES: r.pages,
            texts.COL_CHUNKS: r.chunks,
            texts.COL_WARNINGS: " · ".join(r.warnings),
            texts.COL_INGESTED: format_timestamp(r.ingested_at),
            texts.COL_TITLE: r.title,
        }
        for r in rows
    ]
    st.dataframe(table, hide_index=True, width="stretch", column_config=_DOC_COLUMNS)
    return [r.doc_id for r in rows]


_DOC_COLUMNS = {
    texts.COL_DOC: st.column_config.TextColumn(width="medium"),
    texts.COL_STATUS: st.column_config.TextColumn(width="small"),
    texts.COL_KOMMUNE: st.column_config.TextColumn(width="medium"),
    texts.COL_TYPE: st.column_config.TextColumn(width="small"),
    texts.COL_STAND: st.column_config.TextColumn(width="small"),
    texts.COL_PAGES: st.column_config.NumberColumn(width="small"),
    texts.COL_CHUNKS: st.column_config.NumberColumn(width="small"),
    texts.COL_WARNINGS: st.column_config.TextColumn(width="medium"),
    texts.COL_INGESTED: st.column_config.TextColumn(width="small"),
    texts.COL_TITLE: st.column_config.TextColumn(width="large"),
}


# --- confirming new versions ----------------------------------------------------------------


def confirm_section(config: Settings, busy: bool) -> None:
    """New versions that wait for an admin's confirmation, each with its button."""
    waiting = [d for d in state.documents(config) if d.meta.unconfirmed]
    if not waiting:
        return
    st.header(texts.CONFIRM_HEADING)
    st.caption(texts.CONFIRM_INTRO)
    for record in waiting:
        meta = record.meta
        template = texts.CONFIRM_ITEM
        if meta.is_inferred("supersedes"):
            template = texts.CONFIRM_ITEM_INFERRED
        item = template.format(
            title=escape_markdown(meta.title),
            doc_id=record.doc_id.replace("`", ""),
            stand=format_stand(meta.stand),
            old=meta.supersedes.replace("`", ""),
        )
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(item)
            st.button(
                texts.CONFIRM_BUTTON,
                key=f"confirm_{record.doc_id}",
                disabled=busy,
                on_click=_confirm,
                args=(config, record.doc_id),
                icon=":material/verified:",
            )


def _confirm(config: Settings, doc_id: str) -> None:
    try:
        path = confirm_document(config, doc_id)
    except KonzeptlotseError as exc:
        _flash("error", str(exc))
        return
    if _start(config, texts.JOB_CONFIRM.format(doc_id=doc_id), paths=[path]):
        _flash("success", texts.CONFIRM_DONE.format(doc_id=doc_id))


# --- upload ---------------------------------------------------------------------------------


def upload_section(config: Settings, busy: bool) -> None:
    """The upload form: file, metadata, explicit replace."""
    if busy:
        st.info(texts.BUSY)
    docs = state.documents(config)
    kommunen = sorted({d.meta.kommune for d in docs if d.meta.kommune})
    with st.form("upload", clear_on_submit=False):
        st.file_uploader(
            texts.UPLOAD_FILE.format(mb=config.upload_max_mb),
            type=sorted({s.lstrip(".") for s in SUPPORTED_SUFFIXES}),
            max_upload_size=config.upload_max_mb,
            key="up_file",
        )
        st.text_input(texts.UPLOAD_TITLE, key="up_title")
        st.selectbox(
            texts.UPLOAD_KOMMUNE,
            kommunen,
            index=None,
            accept_new_options=True,
            placeholder=texts.UPLOAD_KOMMUNE_PLACEHOLDER,
            help=texts.UPLOAD_KOMMUNE_HELP,
            key="up_kommune",
        )
        st.selectbox(texts.UPLOAD_DOC_TYPE, admin.DOC_TYPES, key="up_type")
        st.date_input(texts.UPLOAD_STAND, value=None, format="DD.MM.YYYY", key="up_stand")
        st.text_input(texts.UPLOAD_ISSUER, key="up_issuer")
        st.text_input(texts.UPLOAD_SOURCE, key="up_source")
        st.selectbox(
            texts.UPLOAD_SUPERSEDES,
            ["", *sorted(d.doc_id for d in docs)],
            format_func=lambda d: d or texts.UPLOAD_SUPERSEDES_NONE,
            key="up_supersedes",
        )
        st.checkbox(texts.UPLOAD_REPLACE, key="up_replace")
        st.form_submit_button(
            texts.UPLOAD_SUBMIT, type="primary", disabled=busy, on_click=_upload, args=(config,)
        )


def _upload_meta() -> admin.UploadMeta:
    stand = st.session_state.get("up_stand")
    return admin.UploadMeta(
        title=st.session_state.get("up_title") or "",
        kommune=st.session_state.get("up_kommune") or "",
        doc_type=st.session_state.get("up_type") or "",
        stand=stand.isoformat() if isinstance(stand, dt.date) else "",
        issuer=st.session_state.get("up_issuer") or "",
        source=st.session_state.get("up_source") or "",
        supersedes=st.session_state.get("up_supersedes") or "",
    )


def _upload(config: Settings) -> None:
    uploaded = st.session_state.get("up_file")
    if uploaded is None:
        _flash("error", texts.UPLOAD_MISSING_FILE)
        return
    try:
        path = admin.save_upload(
            config,
            uploaded.name,
            uploaded.getvalue(),
            _upload_meta(),
            replace=bool(st.session_state.get("up_replace")),
        )
    except KonzeptlotseError as exc:
        _flash("error", str(exc))
        return
    finally:
        upload_guard.release(uploaded.file_id)  # the bytes are on disk now (or rejected)
    if path.name != uploaded.name:
        _flash("info", texts.UPLOAD_RENAMED.format(name=path.name))
    if _start(config, texts.JOB_UPLOAD.format(name=path.name), paths=[path]):
        _flash("success", texts.UPLOAD_SAVED.format(name=path.name))
    meta = _upload_meta()
    if meta.supersedes:
        _flash("info", texts.UPLOAD_UNCONFIRMED.format(name=path.name, old=meta.supersedes))


def website_section(config: Settings, busy: bool) -> None:
    """Fetch a website (robots.txt respected) into dated snapshots and ingest them."""
    with st.form("website", clear_on_submit=False):
        st.markdown(texts.WEB_INTRO)
        st.text_input(texts.WEB_URL, key="web_url", placeholder="https://")
        with st.container(horizontal=True):
            st.checkbox(texts.WEB_SITEMAP, key="web_sitemap")
            st.checkbox(texts.WEB_SAME_SITE, key="web_same_site")
        st.number_input(texts.WEB_MAX_PAGES, 1, 1000, 50, key="web_max_pages")
        st.text_input(texts.UPLOAD_KOMMUNE, key="web_kommune")
        st.form_submit_button(
            texts.WEB_SUBMIT, disabled=busy, on_click=_website, args=(config,),
            icon=":material/language:",
        )  # fmt: skip


def _website(config: Settings) -> None:
    from ingest.web import CrawlOptions, ingest_site

    url = str(st.session_state.get("web_url") or "").strip()
    if not url.startswith(("http://", "https://")):
        _flash("error", texts.WEB_BAD_URL)
        return
    options = CrawlOptions(
        sitemap=bool(st.session_state.get("web_sitemap")),
        same_site=bool(st.session_state.get("web_same_site")),
        max_pages=int(st.session_state.get("web_max_pages") or 50),
        kommune=str(st.session_state.get("web_kommune") or "").strip(),
    )

    def task(progress: Any) -> IngestReport:
        return ingest_site(config, url, options, on_progress=progress)

    if state.ingest_job(config).start(texts.JOB_WEB.format(url=url), task):
        _flash("success", texts.WEB_STARTED.format(url=url))


# --- ingest actions ---------------------------------------------------------------------------


def ingest_section(config: Settings, busy: bool) -> None:
    """Dry run, incremental ingest and full rebuild."""
    st.markdown(texts.INGEST_INTRO.format(corpus=str(config.corpus_dir).replace("`", "")))
    with st.container(horizontal=True):
        dry = st.button(texts.DRY_RUN, icon=":material/preview:")
        st.button(
            texts.INGEST_CHANGED,
            type="primary",
            disabled=busy,
            on_click=_on_start,
            args=(config, texts.JOB_INGEST),
            icon=":material/sync:",
        )
    confirm = st.checkbox(texts.REBUILD_CONFIRM, key="rebuild_confirm", disabled=busy)
    st.button(
        texts.REBUILD,
        disabled=busy or not confirm,
        on_click=_on_start,
        args=(config, texts.JOB_REBUILD),
        kwargs={"rebuild": True},
        icon=":material/build:",
    )
    if dry:
        _dry_run(config)


def _dry_run(config: Settings) -> None:
    try:
        report = admin.run_and_record(config, dry_run=True)
    except (KonzeptlotseError, FileNotFoundError) as exc:
        st.error(escape_markdown(str(exc)))
        return
    changes = [o for o in report.outcomes if o.status != "unchanged"]
    if not changes:
        st.success(texts.DRY_RUN_NOTHING)
        return
    st.info(escape_markdown(report.summary()))
    _outcome_table(report, include_unchanged=False)
    unchanged = plural(report.count("unchanged"), "Dokument", "Dokumente")
    st.caption(texts.DRY_RUN_UNCHANGED.format(count=unchanged))


# --- delete -----------------------------------------------------------------------------------


def delete_section(config: Settings, doc_ids: list[str], busy: bool) -> None:
    """Pick a document, confirm, delete file + manifest entry + index entry."""
    st.header(texts.DELETE_HEADING)
    if not doc_ids:
        return
    st.selectbox(texts.DELETE_SELECT, doc_ids, index=None, placeholder=texts.CHOOSE, key="del_doc")
    confirm = st.checkbox(texts.DELETE_CONFIRM, key="del_confirm", disabled=busy)
    st.button(
        texts.DELETE_BUTTON,
        disabled=busy or not confirm or not st.session_state.get("del_doc"),
        on_click=_delete,
        args=(config,),
        icon=":material/delete:",
    )


def _delete(config: Settings) -> None:
    doc_id = st.session_state.get("del_doc")
    if not doc_id:
        return
    try:
        result = admin.delete_document(config, doc_id)
    except KonzeptlotseError as exc:
        _flash("error", str(exc))
        return
    _flash("success", texts.DELETE_DONE.format(doc_id=doc_id))
    if not result.file_removed and result.index_removed:
        _flash("info", texts.DELETE_KEPT_FILE)
    st.session_state["del_confirm"] = False
    st.session_state["del_doc"] = None
