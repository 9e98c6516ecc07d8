"""The real app on 127.0.0.1 with a small ingested corpus, and headless Debian Chromium.

Playwright never downloads a browser here: it drives ``/usr/bin/chromium`` (Debian package,
installed by ``make test-browser`` when missing).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from assistant.settings import Settings
from ingest import run_ingest
from ui.auth import hash_password
from ui.server_config import streamlit_flags

from ..pdfs import PAGES_MUSTERHAUSEN, make_pdf
from .axe import AXE_JS

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_DOCS = ROOT / "corpus" / "documents"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "Browser-Test-2024"
EVAL_PASSWORD = "Evaluation-Test-2024"
PAGES_BEISPIELSTADT = [
    [
        "# 1 Clearing",
        "In Beispielstadt führt die Clearingstelle im Rathaus das Erstgespräch mit neu "
        "zugewanderten Familien. Die offene Sprechstunde ist montags von 9 bis 12 Uhr.",
        "Zuständig für das Erstgespräch ist die Clearingstelle im Rathaus Beispielstadt, "
        "erreichbar unter Telefon 05231 99-4410 oder per E-Mail an "
        "clearing@beispielstadt.example.",
    ],
    [
        "# 2 Elternarbeit",
        "Das Elterncafé im Familienzentrum Beispielstadt öffnet donnerstags von 15 bis 17 Uhr. "
        "Sprachmittlerinnen begleiten die Gespräche.",
    ],
]
MANIFEST = """\
version: 1
documents:
  - file: "musterhausen.pdf"
    title: "Konzept Neuzuwanderung der Stadt Musterhausen"
    kommune: "Stadt Musterhausen"
    doc_type: "Kommunales Konzept"
    stand: "2023-05-01"
  - file: "beispielstadt.pdf"
    title: "Bildungsintegration in Beispielstadt"
    kommune: "Stadt Beispielstadt"
    doc_type: "Kommunales Konzept"
    stand: "2022-09-01"
"""


@dataclass(frozen=True)
class RunningApp:
    """The started app: its URL and the folders it works on."""

    url: str
    settings: Settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Streamlit beendet mit Code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} antwortet nicht")


@contextmanager
def _serve(settings: Settings, log_path: Path) -> Iterator[RunningApp]:
    """The app as ``konzeptlotse ui`` starts it, on a free port of 127.0.0.1."""
    port = _free_port()
    env = dict(
        os.environ,
        KONZEPTLOTSE_DATA_DIR=str(settings.data_dir),
        KONZEPTLOTSE_CORPUS_DIR=str(settings.corpus_dir),
        KONZEPTLOTSE_ADMIN_PASSWORD_HASH=hash_password(PASSWORD),
        KONZEPTLOTSE_EVALUATOR_PASSWORD_HASH=hash_password(EVAL_PASSWORD),
        STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
    )
    command = [sys.executable, "-m", "ui.serve", *streamlit_flags(settings, port)]
    log = log_path.open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield RunningApp(url, settings)
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        print(log_path.read_text(encoding="utf-8", errors="replace")[-3000:])


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """``konzeptlotse ui`` equivalent on a free port with an ingested two-PDF corpus."""
    root = tmp_path_factory.mktemp("browser")
    docs = root / "docs"
    docs.mkdir()
    make_pdf(docs / "musterhausen.pdf", PAGES_MUSTERHAUSEN)
    make_pdf(docs / "beispielstadt.pdf", PAGES_BEISPIELSTADT, header="Stadt Beispielstadt")
    (docs / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    settings = Settings(data_dir=root / "data", corpus_dir=docs)
    run_ingest(settings)
    with _serve(settings, root / "streamlit.log") as app:
        yield app


@pytest.fixture(scope="session")
def shipped_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The app over the documents that ship with the project (corpus/documents), as a
    new installation shows them: for the README screenshots."""
    root = tmp_path_factory.mktemp("shipped")
    settings = Settings(data_dir=root / "data", corpus_dir=SHIPPED_DOCS)
    run_ingest(settings)
    with _serve(settings, root / "streamlit.log") as app:
        yield app


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium (skips with a hint when it or axe-core is missing)."""
    if not CHROMIUM.exists():
        pytest.fail("/usr/bin/chromium fehlt: `make test-browser` installiert es (apt-get).")
    if not AXE_JS.exists():
        pytest.fail("axe-core fehlt: `make test-browser` installiert es (npm ci in tests/browser).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
