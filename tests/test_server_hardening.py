"""The running server's own checks, over real HTTP and WebSocket on 127.0.0.1.

``konzeptlotse ui`` is started on a free port with a small ingested corpus. A raw WebSocket
with a foreign ``Host`` and a matching ``Origin`` (DNS rebinding) is refused while the same
connection under the real address is accepted; a chat session without admin login cannot
upload, and (slow) three rejected 150 MB uploads leave the server's memory where it was.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import websocket

from assistant.settings import Settings
from evals.upload_memory import (
    ROOT,
    free_port,
    measure,
    open_session,
    put_upload,
    running_ui,
    server_pid,
    wait_healthy,
)
from ingest import run_ingest

from .ui_corpus import make_corpus

FOREIGN = ("evil.example", "evil.example:{port}", "127.0.0.1.evil.example:{port}")


@pytest.fixture(scope="module")
def ui_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    root = tmp_path_factory.mktemp("server")
    (root / "docs").mkdir()
    settings = Settings(data_dir=root / "data", corpus_dir=make_corpus(root / "docs"))
    run_ingest(settings)
    env = {
        "KONZEPTLOTSE_DATA_DIR": str(settings.data_dir),
        "KONZEPTLOTSE_CORPUS_DIR": str(settings.corpus_dir),
        "KONZEPTLOTSE_ADMIN_PASSWORD_HASH": "",  # no admin session can exist
    }
    with running_ui(env) as server:
        yield server


def test_a_stop_signal_ends_the_server_itself(tmp_path: Path) -> None:
    """``konzeptlotse ui`` becomes the server: SIGTERM (systemd, docker stop) leaves no
    Streamlit process behind that keeps serving the port."""
    port = free_port()
    env = {**os.environ, "KONZEPTLOTSE_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "ui.cli", "ui", "--port", str(port)]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    server = process.pid
    try:
        wait_healthy(url)
        server = server_pid(process.pid)
        assert server == process.pid  # no child process
        process.send_signal(signal.SIGTERM)
        process.wait(30)
        with pytest.raises(OSError):
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
    finally:
        for pid in {server, process.pid}:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _stream_url(url: str) -> str:
    return url.replace("http://", "ws://") + "/_stcore/stream"


@pytest.mark.parametrize("host", FOREIGN)
def test_a_websocket_with_a_foreign_host_is_refused(ui_server: tuple[str, int], host: str) -> None:
    url, _ = ui_server
    foreign = host.format(port=url.rsplit(":", 1)[1])
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(
            _stream_url(url),
            host=foreign,
            origin=f"http://{foreign}",
            subprotocols=["streamlit"],
            timeout=15,
        )
    assert refused.value.status_code == 403


def test_the_same_websocket_under_the_real_address_is_accepted(
    ui_server: tuple[str, int],
) -> None:
    url, _ = ui_server
    connection = websocket.create_connection(
        _stream_url(url), origin=url, subprotocols=["streamlit"], timeout=15
    )
    assert connection.getstatus() == 101
    connection.close()


def test_a_chat_session_cannot_upload_over_http(ui_server: tuple[str, int]) -> None:
    url, _ = ui_server
    session = open_session(url)
    try:
        assert put_upload(url, session, megabytes=1) == 400  # refused before the body is read
        assert put_upload(url, session, megabytes=60) in (400, 413)
    finally:
        session.close()


@pytest.mark.slow
def test_rejected_large_uploads_leave_the_server_memory_alone(
    ui_server: tuple[str, int], record_property: Callable[[str, object], None]
) -> None:
    url, pid = ui_server
    result = measure(url, pid, uploads=3, megabytes=150)
    record_property(
        "messwert",
        f"Speicher des Servers (RSS) bei 3 abgewiesenen Uploads à 150 MB aus einer Chat-Sitzung: "
        f"vorher {result.before_mb:.0f} MB, danach "
        f"{', '.join(f'{v:.0f}' for v in result.after_each_mb)} MB, nach Sitzungsende "
        f"{result.after_close_mb:.0f} MB; HTTP {list(result.statuses)}",
    )
    assert all(status in (400, 413) for status in result.statuses)
    assert result.growth_mb < 50  # the probe saw +451 MB that stayed
