"""Server memory under rejected uploads: ``python -m evals.upload_memory``.

Starts ``konzeptlotse ui`` on a free port of 127.0.0.1 (or uses one given with ``--url`` and
``--pid``), opens a chat session the way a browser does (XSRF cookie, WebSocket, one script
run), and sends file uploads from that session, which is not logged in as admin, as real HTTP
PUTs to ``/_stcore/upload_file/<session>/<file>``. Reports the resident memory (RSS) of the
Streamlit server process before, after each upload, and some seconds after the session closed.

The same helpers drive the tests of the server's host check and upload gate
(``tests/test_server_hardening.py``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

__all__ = [
    "ROOT",
    "Measurement",
    "Session",
    "free_port",
    "measure",
    "open_session",
    "put_upload",
    "rss_mb",
    "running_ui",
    "server_pid",
    "wait_healthy",
]

ROOT = Path(__file__).resolve().parents[1]
XSRF_COOKIE = "_streamlit_xsrf"
CHUNK = 1 << 20
SETTLE_SECONDS = 5.0


@dataclass
class Session:
    """A browser-like session: its id, XSRF token and the open WebSocket."""

    session_id: str
    xsrf: str
    socket: Any  # websocket.WebSocket

    def close(self) -> None:
        """Close the WebSocket (the server then ends the session)."""
        self.socket.close()


@dataclass(frozen=True)
class Measurement:
    """RSS figures (MB) of the server around rejected uploads."""

    megabytes: int
    statuses: tuple[int, ...]
    before_mb: float
    after_each_mb: tuple[float, ...]
    after_close_mb: float
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def growth_mb(self) -> float:
        """Largest RSS above the baseline during or after the uploads."""
        return max((*self.after_each_mb, self.after_close_mb)) - self.before_mb


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"Kein VmRSS für Prozess {pid}")


def server_pid(pid: int) -> int:
    """The Streamlit server process: ``pid`` itself, or the child ``konzeptlotse ui`` started."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return int(children[0]) if children else pid


def wait_healthy(url: str, timeout: float = 120) -> None:
    """Wait until the Streamlit server at ``url`` answers its health check."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} antwortet nicht")


@contextmanager
def running_ui(env: dict[str, str] | None = None, port: int = 0) -> Iterator[tuple[str, int]]:
    """``konzeptlotse ui`` on 127.0.0.1; yields (url, pid of the Streamlit server process)."""
    port = port or free_port()
    command = [sys.executable, "-m", "ui.cli", "ui", "--port", str(port)]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the server child ends with it
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield url, server_pid(process.pid)
    finally:
        _stop_group(process)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """End ``konzeptlotse ui`` and the Streamlit server it started (SIGTERM, then SIGKILL)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(20)
            return
        except subprocess.TimeoutExpired:
            continue


def _xsrf_cookie(url: str) -> str:
    """The XSRF cookie the server sets with its health answer, which a browser asks first."""
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=30) as response:
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            if name.strip() == XSRF_COOKIE:
                return rest.split(";", 1)[0]
    raise RuntimeError("Der Server hat kein XSRF-Cookie gesetzt.")


def open_session(url: str, timeout: float = 120) -> Session:
    """Connect like a browser and run the app once; returns the session."""
    import websocket
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    xsrf = _xsrf_cookie(url)
    host = urlparse(url).netloc
    ws = websocket.create_connection(
        f"ws://{host}/_stcore/stream",
        origin=url,
        cookie=f"{XSRF_COOKIE}={xsrf}",
        subprotocols=["streamlit", xsrf],
        timeout=timeout,
    )
    back = BackMsg()
    back.rerun_script.query_string = ""
    back.rerun_script.page_script_hash = ""
    ws.send_binary(back.SerializeToString())
    session_id = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = ForwardMsg()
        message.ParseFromString(ws.recv())
        kind = message.WhichOneof("type")
        if kind == "new_session":
            session_id = message.new_session.initialize.session_id
        if kind == "script_finished" and session_id:
            return Session(session_id, xsrf, ws)
    ws.close()
    raise TimeoutError("Die App hat ihren ersten Lauf nicht beendet.")


def put_upload(url: str, session: Session, megabytes: int, name: str = "gross.pdf") -> int:
    """PUT a file of ``megabytes`` MB as the browser's uploader does; returns the status.

    The body is streamed; when the server answers early (refused session, size limit) and
    closes the connection, the status it sent is still returned.
    """
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    size = megabytes * CHUNK
    parsed = urlparse(url)
    connection = http.client.HTTPConnection(
        parsed.hostname or "127.0.0.1", parsed.port, timeout=120
    )
    path = f"/_stcore/upload_file/{session.session_id}/{uuid.uuid4()}"
    connection.putrequest("PUT", path)
    connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    connection.putheader("Content-Length", str(len(head) + size + len(tail)))
    connection.putheader("X-Xsrftoken", session.xsrf)
    connection.putheader("Cookie", f"{XSRF_COOKIE}={session.xsrf}")
    connection.putheader("Origin", url)
    connection.endheaders()
    block = b"%PDF-1.7\n" + b"0" * (CHUNK - 9)
    try:
        connection.send(head)
        for _ in range(megabytes):
            connection.send(block)
        connection.send(tail)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server refused before reading the body; its answer is waiting
    try:
        return connection.getresponse().status
    except (ConnectionResetError, http.client.RemoteDisconnected):
        return 0  # closed without an answer
    finally:
        connection.close()


def measure(url: str, pid: int, uploads: int = 3, megabytes: int = 150) -> Measurement:
    """Open a chat session, send ``uploads`` uploads from it, follow the server's RSS."""
    session = open_session(url)
    time.sleep(1.0)
    before = rss_mb(pid)
    statuses, after_each = [], []
    for i in range(uploads):
        statuses.append(put_upload(url, session, megabytes, name=f"gross-{i + 1}.pdf"))
        after_each.append(rss_mb(pid))
    session.close()
    time.sleep(SETTLE_SECONDS)
    return Measurement(megabytes, tuple(statuses), before, tuple(after_each), rss_mb(pid))


def _report(m: Measurement) -> str:
    each = ", ".join(f"{v:.0f}" for v in m.after_each_mb)
    return (
        f"{len(m.statuses)} Uploads à {m.megabytes} MB aus einer Chat-Sitzung ohne Anmeldung: "
        f"HTTP {', '.join(str(s) for s in m.statuses)}; RSS des Servers vorher {m.before_mb:.0f} "
        f"MB, nach jedem Upload {each} MB, {SETTLE_SECONDS:.0f} s nach Ende der Sitzung "
        f"{m.after_close_mb:.0f} MB (Zuwachs höchstens {m.growth_mb:.0f} MB)"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: start the UI (or use a running one) and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m evals.upload_memory", description=__doc__)
    parser.add_argument("--url", help="Laufende Oberfläche, z. B. http://127.0.0.1:8501")
    parser.add_argument("--pid", type=int, help="Prozess-ID des Streamlit-Servers (mit --url)")
    parser.add_argument("--uploads", type=int, default=3)
    parser.add_argument("--mb", type=int, nargs="+", default=[150], help="Größen in MB")
    parser.add_argument("--json", type=Path, help="Ergebnis zusätzlich als JSON speichern")
    args = parser.parse_args(argv)
    results = []
    if args.url:
        if not args.pid:
            parser.error("--url braucht --pid")
        results = [measure(args.url, args.pid, args.uploads, mb) for mb in args.mb]
    else:
        with running_ui() as (url, pid):
            results = [measure(url, pid, args.uploads, mb) for mb in args.mb]
    for result in results:
        print(_report(result))
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
