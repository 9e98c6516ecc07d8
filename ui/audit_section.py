"""The admin page's audit tab: the answer records of a period, the chain check, the export."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import streamlit as st

from assistant.audit import AuditLog
from assistant.settings import Settings

from . import texts
from .formatting import escape_markdown, format_stand, format_timestamp, plural

__all__ = ["audit_log", "audit_section"]

DEFAULT_DAYS = 7
MAX_ROWS = 500


def audit_log(config: Settings) -> AuditLog:
    """The audit log of this configuration."""
    return AuditLog.for_data_dir(config.data_dir, config.audit_retention_days)


def _documents(record: dict[str, Any]) -> str:
    parts = []
    for doc in record.get("documents", []):
        stand = format_stand(str(doc.get("stand", "")))
        short = str(doc.get("content_hash", ""))[:8]
        parts.append(f"{doc.get('doc_id', '')} (Stand {stand or '–'}, {short or '–'})")
    return "; ".join(parts)


def _row(record: dict[str, Any]) -> dict[str, Any]:
    support = record.get("support", {})
    generator = record.get("generator", "")
    model = record.get("model", "")
    return {
        texts.COL_TIME: format_timestamp(str(record.get("time", ""))),
        texts.COL_CHANNEL: texts.AUDIT_CHANNELS.get(record.get("channel", ""), "–"),
        texts.COL_QUESTION: record.get("question", ""),
        texts.COL_RESULT: texts.AUDIT_FOUND if record.get("found") else texts.AUDIT_REFUSED,
        texts.COL_SOURCES: _documents(record),
        texts.COL_GENERATOR: f"{generator}: {model}" if model else generator,
        texts.COL_SUPPORT: ", ".join(f"{k} {v}" for k, v in support.items()) or "–",
        texts.COL_PII: ", ".join(
            texts.PII_KIND_LABELS.get(k, k) for k in record.get("personal_data_removed", [])
        )
        or "–",
        texts.COL_INDEX: record.get("index_generation", ""),
    }


_COLUMNS = {
    texts.COL_TIME: st.column_config.TextColumn(width="small"),
    texts.COL_CHANNEL: st.column_config.TextColumn(width="small"),
    texts.COL_QUESTION: st.column_config.TextColumn(width="large"),
    texts.COL_RESULT: st.column_config.TextColumn(width="small"),
    texts.COL_SOURCES: st.column_config.TextColumn(width="large"),
    texts.COL_GENERATOR: st.column_config.TextColumn(width="small"),
    texts.COL_SUPPORT: st.column_config.TextColumn(width="small"),
    texts.COL_PII: st.column_config.TextColumn(width="small"),
    texts.COL_INDEX: st.column_config.TextColumn(width="small"),
}


def audit_section(config: Settings) -> None:
    """Records from a chosen day on, newest first, with the integrity check and an export."""
    log = audit_log(config)
    retention = config.audit_retention_days
    st.caption(
        texts.AUDIT_INTRO.format(
            retention=texts.AUDIT_FOREVER if retention <= 0 else plural(retention, "Tag", "Tage")
        )
    )
    since = st.date_input(
        texts.AUDIT_SINCE,
        value=dt.date.today() - dt.timedelta(days=DEFAULT_DAYS),
        format="DD.MM.YYYY",
        key="audit_since",
    )
    records = log.entries(since if isinstance(since, dt.date) else None)
    problems = log.verify()
    if problems:
        st.error(escape_markdown(texts.AUDIT_BROKEN.format(details=" ".join(problems[:3]))))
    else:
        st.caption(texts.AUDIT_INTACT)
    if not records:
        st.info(texts.AUDIT_EMPTY)
        return
    st.caption(plural(len(records), "Antwort", "Antworten") + texts.AUDIT_COUNT_SUFFIX)
    rows = [_row(r) for r in reversed(records[-MAX_ROWS:])]
    st.dataframe(rows, hide_index=True, width="stretch", column_config=_COLUMNS)
    st.download_button(
        texts.AUDIT_EXPORT,
        data=json.dumps(records, ensure_ascii=False, indent=2),
        file_name=f"konzeptlotse-protokoll-ab-{since}.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/download:",
    )
