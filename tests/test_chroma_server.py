"""Client/server mode: a real ``chroma run`` on 127.0.0.1 holds the vectors of every reader."""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant import Assistant, Settings
from assistant.chromaserver import RemoteVectors, collection_name, connect, data_id
from assistant.chunkstore import StoredChunks
from assistant.embed import model_identity, resolve_model
from assistant.errors import IndexMissing, SettingsError, VectorStoreUnavailable
from assistant.generations import (
    GENERATIONS,
    current_generation,
    generation_dir,
    read_ready,
    writer_lock,
)
from assistant.store import IndexWriter
from assistant.types import Filters
from assistant.vectors import HNSW_CONFIGURATION, normalised
from ingest import run_ingest

from .minicorpus import write_minicorpus
from .test_offline import AUDIT_HOOK

BEDORF = "Wie viele Wochenstunden umfassen die Deutschförderklassen in Bedorf?"
CEDORF = "Wie viele Lernpaten begleiten die Kinder im Kreis Cedorf?"
# Traces the server's system calls (installed by `make test`).
STRACE = shutil.which("strace") or ""

# A reader or the writer in a fresh interpreter, with the audit hook of tests/test_offline.py.
SCRIPT = (
    AUDIT_HOOK
    + r"""
mode, question = sys.argv[1], sys.argv[2]
result = {}
if mode == "ingest":
    from ui.cli import main
    result["exit"] = main(["ingest", "--quiet", question])
else:
    from assistant import Filters, Settings, get_assistant
    assistant = get_assistant(Settings.from_env())
    answer = assistant.ask(question)
    index = assistant.index
    vector = index.embed_query(question)
    only = Filters(kommunen=("Stadt Bedorf",))
    result = {
        "answer": answer.text,
        "kommunen": [c.kommune for c in answer.citations],
        "generation": index.generation,
        "dense": [c.meta.kommune for c, _ in index.dense_search(vector, 5)],
        "filtered": [c.meta.kommune for c, _ in index.dense_search(vector, 5, only)],
    }
print("RESULT " + json.dumps(result))
print("AUDIT " + json.dumps(seen))
"""
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A Chroma server (``chroma run``) on a free loopback port, under ``strace``: at the end
    it is stopped and must not have opened a connection anywhere but loopback."""
    port = _free_port()
    binary = Path(sys.executable).parent / "chroma"
    log = (tmp_path / "chroma.log").open("wb")
    arguments = ["run", "--path", str(tmp_path / "store"), "--host", "127.0.0.1"]
    trace = tmp_path / "chroma.connect"
    server = _ProcessGroup(
        [*_traced(trace), str(binary), *arguments, "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=dict(os.environ, ANONYMIZED_TELEMETRY="False"),
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError((tmp_path / "chroma.log").read_text()[-2000:]) from None
            time.sleep(0.2)
    try:
        yield url, server
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    if STRACE:  # the trace exists once strace ran, even when nothing was connected
        assert outbound_connects(trace.read_text(encoding="utf-8")) == []


class _ProcessGroup(subprocess.Popen[bytes]):
    """The server and its tracer: stopping one stops both (they share a process group)."""

    def send_signal(self, sig: int) -> None:
        if self.returncode is None:
            os.killpg(self.pid, sig)


def _traced(trace: Path) -> list[str]:
    """The ``strace`` prefix that records every ``connect`` of the server's threads."""
    return [STRACE, "-f", "-qq", "-e", "trace=connect", "-o", str(trace)] if STRACE else []


def outbound_connects(trace: str) -> list[str]:
    """The ``connect`` calls of an ``strace`` log that leave the machine (not loopback, not a
    local socket): telemetry, a DNS lookup or anything else would show up here."""
    found = []
    for line in trace.splitlines():
        local = ("AF_UNIX", "AF_NETLINK", "AF_UNSPEC")  # AF_UNSPEC: a datagram socket let go
        if "connect(" not in line or any(family in line for family in local):
            continue
        address = re.search(r'inet_(?:addr|pton)\((?:AF_INET6, )?"([^"]+)"', line)
        if address is None or not ipaddress.ip_address(address.group(1)).is_loopback:
            found.append(line)
    return found


def _env(data: Path, url: str) -> dict[str, str]:
    return dict(os.environ, KONZEPTLOTSE_DATA_DIR=str(data), KONZEPTLOTSE_CHROMA_URL=url)


def _start(env: dict[str, str], mode: str, argument: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", SCRIPT, mode, argument]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _result(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err[-3000:]
    lines = out.splitlines()
    assert json.loads(next(ln for ln in lines if ln.startswith("AUDIT "))[6:]) == []
    result: dict[str, Any] = json.loads(next(ln for ln in lines if ln.startswith("RESULT "))[7:])
    return result


def _server_ids(url: str, data: Path) -> set[str]:
    """Ids stored in the data folder's collection (the one the published READY names)."""
    name = read_ready(data, current_generation(data) or "")["chroma_collection"]
    assert name == collection_name(data_id(data), model_identity(resolve_model("")))
    return set(connect(url).get_collection(name).get(include=[])["ids"])


def _generation_ids(data: Path) -> set[str]:
    ids: set[str] = set()
    for folder in (data / GENERATIONS).iterdir():
        if (folder / "chunks.sqlite").is_file() and not folder.name.startswith("."):
            ids.update(StoredChunks.read(folder / "chunks.sqlite").ids)
    return ids


def _crashed_run(data: Path, url: str) -> set[str]:
    """Vectors of unpublished work on the server, the writer gone as if killed (no cleanup)."""
    with writer_lock(data) as lock:
        writer = IndexWriter.start(lock, resolve_model(""), chroma_url=url)
        kept = writer.store.chunks()[:3]
        orphans = [dataclasses.replace(c, chunk_id="verwaist-" + c.chunk_id) for c in kept]
        writer.vectors.add(orphans)
        writer.store.close()
    return {c.chunk_id for c in orphans}


@pytest.mark.slow  # a full ingest through a real Chroma server: about 20 s
def test_ingest_and_readers_through_a_chroma_server(
    tmp_path: Path, chroma_server: tuple[str, subprocess.Popen[bytes]]
) -> None:
    url, server = chroma_server
    docs, data = write_minicorpus(tmp_path / "docs"), tmp_path / "data"
    env = _env(data, url)
    assert _result(_start(env, "ingest", str(docs)))["exit"] == 0
    first = current_generation(data)
    assert first is not None
    folder = generation_dir(data, first)
    assert read_ready(data, first)["vector_store"] == "chroma-server"
    assert not (folder / "chroma").exists() and not (folder / "vectors.npy").exists()
    assert _server_ids(url, data) == _generation_ids(data)

    readers = [_start(env, "ask", BEDORF), _start(env, "ask", CEDORF)]  # two processes at once
    bedorf, cedorf = (_result(r) for r in readers)
    assert "20" in str(bedorf["answer"]) and "Stadt Bedorf" in bedorf["kommunen"]
    assert "85" in str(cedorf["answer"]) and "Kreis Cedorf" in cedorf["kommunen"]
    assert bedorf["dense"] and set(bedorf["filtered"]) == {"Stadt Bedorf"}

    settings = Settings(data_dir=data, corpus_dir=docs, chroma_url=url)
    other_docs = write_minicorpus(tmp_path / "docs2")
    cekreis = other_docs / "cekreis.md"
    cekreis.write_text(cekreis.read_text("utf-8").replace("85 Lern", "86 Lern"), "utf-8")
    neighbour = Settings(data_dir=tmp_path / "data2", corpus_dir=other_docs, chroma_url=url)
    run_ingest(neighbour)  # another data folder on the same server: its own collection
    reader = Assistant(settings)  # a long-lived reader in this process
    assert "20" in reader.ask(BEDORF).text
    orphans = _crashed_run(data, url)
    assert orphans <= _server_ids(url, data)
    fresh = Assistant(settings).ask(BEDORF)  # the published generation is unaffected
    assert "20" in fresh.text and fresh.citations
    index = reader.index
    dense = index.dense_search(index.embed_query(BEDORF), 50)
    assert {c.chunk_id for c, _ in dense} <= _generation_ids(data) - orphans

    bedorf_file = docs / "bedorf.md"
    bedorf_file.write_text(
        bedorf_file.read_text("utf-8").replace("20 Wochen", "22 Wochen"), "utf-8"
    )
    assert _result(_start(env, "ingest", str(docs)))["exit"] == 0
    assert current_generation(data) != first
    answer = reader.ask(BEDORF)  # switches to the new generation between questions
    assert reader.index.generation == current_generation(data)
    assert "22" in answer.text and "Stadt Bedorf" in [c.kommune for c in answer.citations]
    assert _result(_start(env, "ask", BEDORF))["generation"] == current_generation(data)
    stored = _server_ids(url, data)
    assert not stored & orphans and stored == _generation_ids(data)  # orphans cleaned
    assert _server_ids(url, neighbour.data_dir) == _generation_ids(neighbour.data_dir)
    assert "86" in Assistant(neighbour).ask(CEDORF).text  # the neighbour's vectors stay
    with pytest.raises(IndexMissing, match="KONZEPTLOTSE_CHROMA_URL"):
        Assistant(Settings(data_dir=data, corpus_dir=docs)).ask(CEDORF)  # setting missing

    server.terminate()
    server.wait(timeout=30)
    with pytest.raises(VectorStoreUnavailable, match="Chroma-Server"):
        Assistant(settings).ask(CEDORF)
    command = [sys.executable, "-m", "ui.cli", "ask", CEDORF]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert f"Der Chroma-Server unter {url} ist nicht erreichbar" in done.stderr
    assert "KONZEPTLOTSE_CHROMA_URL" in done.stderr


def test_chroma_url_is_checked_at_start() -> None:
    assert Settings(chroma_url="").chroma_url == ""
    assert Settings(chroma_url="http://127.0.0.1:8000/").chroma_url == "http://127.0.0.1:8000"
    with pytest.raises(SettingsError, match="KONZEPTLOTSE_CHROMA_URL"):
        Settings.from_env({"KONZEPTLOTSE_CHROMA_URL": "127.0.0.1:8000"}, dotenv=None)


def test_without_the_setting_the_index_stays_embedded(tmp_path: Path) -> None:
    """Without the setting nothing changes: vectors.npy in the generation, no server."""
    docs = write_minicorpus(tmp_path / "docs")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=docs)
    run_ingest(settings)
    name = current_generation(settings.data_dir)
    assert name is not None
    assert read_ready(settings.data_dir, name).get("vector_store") is None
    assert (generation_dir(settings.data_dir, name) / "vectors.npy").is_file()
    index = Assistant(settings).index
    hits = index.dense_search(index.embed_query(BEDORF), 5, Filters(kommunen=("Stadt Bedorf",)))
    assert hits and {c.meta.kommune for c, _ in hits} == {"Stadt Bedorf"}


def test_a_reader_asks_again_when_other_ids_crowd_its_top_list(
    chroma_server: tuple[str, subprocess.Popen[bytes]],
) -> None:
    url, _ = chroma_server
    vectors = np.random.default_rng(7).normal(size=(200, 8)).astype(np.float32)
    ids = [f"c{i}" for i in range(len(vectors))]
    connect(url).create_collection(
        "probe", configuration=HNSW_CONFIGURATION, embedding_function=None
    ).add(ids=ids, embeddings=vectors)
    query = vectors[0]
    cosines = normalised(vectors) @ normalised(query[None, :])[0]
    mine = [ids[i] for i in np.argsort(cosines)[:3]]  # our rows are the three farthest
    reader = RemoteVectors(url, "probe", mine)
    rows = [row for row, _ in reader.top(query, 2)]
    assert rows == sorted(range(3), key=lambda r: -cosines[ids.index(mine[r])])[:2]
    only = reader.top(query, 2, np.array([False, False, True]))  # exact: read by id
    assert [row for row, _ in only] == [2]
    assert only[0][1] == pytest.approx(cosines[ids.index(mine[2])], abs=1e-5)


def test_switching_modes_embeds_what_the_other_mode_kept(
    tmp_path: Path, chroma_server: tuple[str, subprocess.Popen[bytes]]
) -> None:
    """An ingest with a change after switching fills the new store from the chunks."""
    url, _ = chroma_server
    docs = write_minicorpus(tmp_path / "docs")
    embedded = Settings(data_dir=tmp_path / "data", corpus_dir=docs)
    server = embedded.with_overrides(chroma_url=url)
    run_ingest(embedded)
    changed = docs / "bedorf.md"
    for settings, before, hours in ((server, "20", "22"), (embedded, "22", "24")):
        text = changed.read_text("utf-8")
        changed.write_text(text.replace(f"{before} Wochen", f"{hours} Wochen"), "utf-8")
        run_ingest(settings)
        data = settings.data_dir
        name = current_generation(data)
        assert name is not None
        on_server = read_ready(data, name).get("vector_store") == "chroma-server"
        assert on_server == bool(settings.chroma_url)
        assert (generation_dir(data, name) / "vectors.npy").is_file() != on_server
        if on_server:
            assert _server_ids(url, data) == _generation_ids(data)
        assert hours in Assistant(settings).ask(BEDORF).text


def test_the_connection_check_of_the_server_can_fail() -> None:
    """``strace`` is there (so every server test above checks the connections), and a
    connection to another host, a DNS query included, is caught while loopback is not."""
    assert STRACE, "strace fehlt: `make test` installiert es (apt-get)"
    trace = "\n".join(
        [
            "41 connect(7, {sa_family=AF_INET, sin_port=htons(8000), "
            'sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
            "41 connect(8, {sa_family=AF_INET6, sin6_port=htons(8000), "
            'sin6_addr=inet_pton(AF_INET6, "::1")}, 28) = 0',
            '42 connect(9, {sa_family=AF_UNIX, sun_path="/run/x.sock"}, 110) = 0',
            "43 connect(10, {sa_family=AF_INET, sin_port=htons(53), "
            'sin_addr=inet_addr("10.0.0.2")}, 16) = 0',
            "44 connect(11, {sa_family=AF_INET6, sin6_port=htons(443), "
            'sin6_addr=inet_pton(AF_INET6, "2001:db8::1")}, 28) = -1 ENETUNREACH',
        ]
    )
    found = outbound_connects(trace)
    assert [line.split()[0] for line in found] == ["43", "44"]
