"""The plain LangChain pipeline as a baseline: split 1000/200, Chroma, same embedder, top-4.

It reads the same files (raw pypdf page text, no German cleanup, no structure) and is cached
in the data directory, keyed by the corpus content and the embedding model.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from assistant.embed import load_embeddings, model_identity
from assistant.vectors import HNSW_CONFIGURATION, chroma_client
from ingest.load import html_to_text, markdown_to_text
from ingest.pipeline import discover

from .metrics import Passage

__all__ = ["PlainLangChain"]

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
TOP_K = 4


class PlainLangChain:
    """RecursiveCharacterTextSplitter(1000, 200) + Chroma + the same embedder."""

    def __init__(self, corpus_dir: Path, cache_dir: Path, model: str) -> None:
        self.corpus_dir = corpus_dir
        self.model = model
        sources = discover([corpus_dir], corpus_dir)
        digest = hashlib.sha256(f"plain-v1:{model_identity(model)}".encode())
        for source in sources:
            digest.update(source.doc_id.encode() + source.path.read_bytes())
        self.sources = sources
        self.collection = f"plain-{digest.hexdigest()[:16]}"
        self.client = chroma_client(cache_dir / "chroma")
        self._store: Any = None

    def _documents(self) -> list[Any]:
        from langchain_core.documents import Document
        from pypdf import PdfReader

        documents = []
        for source in self.sources:
            suffix = source.path.suffix.lower()
            if suffix == ".pdf":
                try:
                    pages = [p.extract_text() or "" for p in PdfReader(source.path).pages]
                except Exception:  # noqa: BLE001 - the baseline skips what it cannot read
                    continue
            else:
                raw = source.path.read_text(encoding="utf-8", errors="replace")
                if suffix in (".html", ".htm"):
                    pages = [html_to_text(raw)[1]]
                elif suffix in (".md", ".markdown"):
                    pages = [markdown_to_text(raw)]
                else:
                    pages = [raw]
            for number, text in enumerate(pages, start=1):
                metadata = {"doc_id": source.doc_id, "page": number}
                documents.append(Document(page_content=text, metadata=metadata))
        return documents

    def store(self) -> Any:
        """The baseline's Chroma store, built on first use."""
        if self._store is not None:
            return self._store
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        names = {getattr(c, "name", c) for c in self.client.list_collections()}
        store = Chroma(
            client=self.client,
            collection_name=self.collection,
            embedding_function=load_embeddings(self.model),
            collection_configuration=HNSW_CONFIGURATION,  # type: ignore[arg-type]
        )
        if self.collection not in names:
            splitter = RecursiveCharacterTextSplitter(
                chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP
            )
            chunks = splitter.split_documents(self._documents())
            ids = [f"{c.metadata['doc_id']}#{c.metadata['page']}#{i}" for i, c in enumerate(chunks)]
            for start in range(0, len(chunks), 128):
                store.add_documents(chunks[start : start + 128], ids=ids[start : start + 128])
        self._store = store
        return store

    def search(self, question: str, k: int = 10) -> list[Passage]:
        """Ranked passages (document, page, page) for ``question``."""
        results = self.store().similarity_search(question, k=k)
        return [
            (d.metadata["doc_id"], int(d.metadata["page"]), int(d.metadata["page"]))
            for d in results
        ]
