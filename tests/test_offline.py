"""The full ingest -> ask path opens no non-loopback network connection."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .pdfs import PAGES_MUSTERHAUSEN, make_pdf

# Records non-loopback connections and name lookups in ``seen`` (also used by
# tests/test_chroma_server.py); runs first in a fresh interpreter, before anything is imported.
AUDIT_HOOK = r"""
import ipaddress, json, socket, sys

seen = []

def _is_local(host):
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False

def hook(event, args):
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple) and not _is_local(address[0]):
            seen.append(f"connect {address[0]}:{address[1]}")
    elif event == "socket.getaddrinfo":
        if not _is_local(args[0] if isinstance(args[0], str) else None):
            seen.append(f"dns {args[0]}")

sys.addaudithook(hook)
"""

AUDIT_SCRIPT = (
    AUDIT_HOOK
    + r"""
mode = sys.argv[1]
if mode == "self-check":
    s = socket.socket()
    s.settimeout(0.01)
    try:
        s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routable
    except OSError:
        pass
else:
    from ui.cli import main
    assert main(["--data-dir", sys.argv[2], "ingest", "--quiet", sys.argv[3]]) == 0
    question = "Wann tagt die Schulplatzkonferenz?"
    assert main(["--data-dir", sys.argv[2], "ask", "--json", question]) == 0
print("AUDIT " + json.dumps(seen))
"""
)


def _run(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", AUDIT_SCRIPT, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("AUDIT "))
    return json.loads(line.removeprefix("AUDIT "))


def test_audit_hook_detects_outbound_connections() -> None:
    assert _run("self-check") == ["connect 192.0.2.1:9"]


def test_ingest_and_ask_stay_on_this_machine(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    make_pdf(docs / "musterhausen.pdf", PAGES_MUSTERHAUSEN)
    assert _run("full", str(tmp_path / "data"), str(docs)) == []
