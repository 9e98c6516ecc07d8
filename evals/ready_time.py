"""Seconds from ``make run`` with nothing changed to a chat ready in the browser (README figure).

    .venv/bin/python -m evals.ready_time [--runs 3]

Does what ``make run`` does (``make ingest``, then ``konzeptlotse ui``) on a free port of
127.0.0.1 and times the ingest step, the server's health answer and the chat input becoming
visible in headless Chromium (Debian ``chromium``, as in ``make test-browser``), twice per
run: once with Chromium started after the server answers (its start counts) and once with
Chromium already open, as for a user whose browser is running. The test harness (playwright's
driver) starts before the clock. Run it after one ``make run`` so that the index is up to date.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

from .upload_memory import free_port, wait_healthy

__all__ = ["main", "measure"]

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


def measure(browser_open: bool = False) -> dict[str, float]:
    """One cold start: seconds to the end of the ingest step, to health, to the chat input.

    With ``browser_open`` Chromium is started before the clock (a user whose browser is
    already running); otherwise its start counts too.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = None
        if browser_open:
            browser = _launch(playwright)
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
            browser = browser or _launch(playwright)
            page = browser.new_page()
            page.goto(url)
            page.wait_for_selector("[data-testid=stChatInput] textarea", timeout=60_000)
            chat_s = time.perf_counter() - started
            browser.close()
        finally:
            os.killpg(app.pid, signal.SIGTERM)
            app.wait(30)
    return {"ingest_s": ingest_s, "server_s": healthy_s, "chat_s": chat_s}


def _launch(playwright: Any) -> Any:
    return playwright.chromium.launch(
        executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
    )


def main(argv: list[str] | None = None) -> int:
    """Print the three times of each run, with the browser started by the run and already open."""
    parser = argparse.ArgumentParser(prog="python -m evals.ready_time")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    for _ in range(args.runs):
        for browser_open, label in ((False, "Browser startet mit"), (True, "Browser schon offen")):
            row = measure(browser_open)
            print(
                f"{label}: Einlesen {row['ingest_s']:.2f} s, Server bereit "
                f"{row['server_s']:.2f} s, Chat bereit {row['chat_s']:.2f} s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
