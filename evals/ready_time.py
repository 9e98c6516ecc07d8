"""Seconds from ``make run`` with nothing changed to a chat ready in the browser (README figure).

    .venv/bin/python -m evals.ready_time [--runs 3]

Does what ``make run`` does (``make ingest``, then ``konzeptlotse ui``) on a free port of
127.0.0.1 and times the ingest step, the server's health answer and the chat input becoming
visible in headless Chromium (Debian ``chromium``, as in ``make test-browser``). Run it after
one ``make run`` so that the index is up to date.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import time
from pathlib import Path

from .upload_memory import free_port, wait_healthy

__all__ = ["main", "measure"]

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


def measure() -> dict[str, float]:
    """One cold start: seconds to the end of the ingest step, to health, to the chat input."""
    port = free_port()
    started = time.perf_counter()
    subprocess.run(["make", "-s", "ingest"], cwd=ROOT, check=True, capture_output=True)
    ingest_s = time.perf_counter() - started
    app = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "konzeptlotse"), "ui", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url)
        healthy_s = time.perf_counter() - started
        chat_s = _chat_visible(url) - started
    finally:
        os.killpg(app.pid, signal.SIGTERM)
        app.wait(30)
    return {"ingest_s": ingest_s, "server_s": healthy_s, "chat_s": chat_s}


def _chat_visible(url: str) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        page = browser.new_page()
        page.goto(url)
        page.wait_for_selector("[data-testid=stChatInput] textarea", timeout=60_000)
        ready = time.perf_counter()
        browser.close()
    return ready


def main(argv: list[str] | None = None) -> int:
    """Print the three times of each run."""
    parser = argparse.ArgumentParser(prog="python -m evals.ready_time")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    for _ in range(args.runs):
        row = measure()
        print(
            f"Einlesen {row['ingest_s']:.2f} s, Server bereit {row['server_s']:.2f} s, "
            f"Chat bereit {row['chat_s']:.2f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
