"""A website into the index in one step (admin page and CLI): crawl, then ingest the snapshots."""

from __future__ import annotations

from collections.abc import Callable

from assistant.settings import Settings

from ..pipeline import FileOutcome, IngestReport, Progress
from .crawl import CrawlOptions, crawl

__all__ = ["ingest_site"]


def ingest_site(
    settings: Settings,
    url: str,
    options: CrawlOptions,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Fetch ``url`` into dated snapshots and ingest them; pages that could not be fetched
    appear in the report as failed, under their URL, with the German reason."""
    from ..admin import run_and_record

    site = crawl(url, settings.corpus_dir, options)
    if site.folder.is_dir():
        report = run_and_record(settings, paths=[site.folder], on_progress=on_progress)
    else:
        report = IngestReport()
    report.outcomes += [FileOutcome(page.url, "failed", reason=page.reason) for page in site.failed]
    report.outcomes += [FileOutcome(url, "failed", reason=note) for note in site.notes]
    return report
