"""One module per file format; ``ingest.load`` picks the loader (imported lazily)."""
