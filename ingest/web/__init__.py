"""Websites into the corpus: careful fetching, robots.txt, sitemaps, dated snapshots."""

from .crawl import CrawlOptions, CrawlReport, PageOutcome, crawl
from .fetch import USER_AGENT, FetchLimits
from .site import ingest_site

__all__ = [
    "USER_AGENT",
    "CrawlOptions",
    "CrawlReport",
    "FetchLimits",
    "PageOutcome",
    "crawl",
    "ingest_site",
]
