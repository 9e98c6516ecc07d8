"""Ingestion: files -> pages -> clean German text -> chunks -> index."""

from .load import LoadedDocument, load_file
from .pipeline import FileOutcome, IngestReport, Progress, discover, run_ingest

__all__ = [
    "FileOutcome",
    "IngestReport",
    "LoadedDocument",
    "Progress",
    "discover",
    "load_file",
    "run_ingest",
]
