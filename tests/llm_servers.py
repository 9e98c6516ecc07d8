"""Scripted language-model servers on 127.0.0.1 for the generator tests.

Two real HTTP servers speak the OpenAI chat-completions API (JSON and server-sent events) and
the Ollama chat API (JSON lines). What they answer is chosen per test through ``scenario``;
the default scenario behaves like a cautious model: it quotes the sentence of the given sources
that best matches the question and cites it.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from assistant.prompts import FOLLOWUP_SYSTEM, JUDGE_SYSTEM
from assistant.texts import REFUSAL

Reply = Callable[[list[dict[str, str]]], str]
_SOURCE = re.compile(r"^\[(\d+)\] ([^\n]*):\n(.*?)(?=\n\n\[\d+\] |\n\nFrage: )", re.S | re.M)
_ORDER = re.compile(r"Reihenfolge: (.*)\.")


def sources_of(messages: list[dict[str, str]], kommune: str = "") -> dict[int, str]:
    """The numbered passages of the prompt (optionally only those of one municipality)."""
    user = messages[-1]["content"]
    return {int(n): text for n, head, text in _SOURCE.findall(user) if kommune in head}


def question_of(messages: list[dict[str, str]]) -> str:
    """The question line of the prompt."""
    match = re.search(r"^Frage: (.*)$", messages[-1]["content"], re.M)
    return match.group(1) if match else ""


def cautious(messages: list[dict[str, str]]) -> str:
    """Quote the best-matching source sentence with its citation (a well-behaved model);
    for a comparison one such sentence per municipality, in the requested format."""
    order = _ORDER.search(messages[-1]["content"])
    if not order:
        return _best_sentence(messages, "") or REFUSAL
    parts = []
    for kommune in order.group(1).split(", "):
        sentence = _best_sentence(messages, kommune)
        parts.append(
            f"**{kommune}:** " + (sentence or f"In den Dokumenten von {kommune} steht dazu nichts.")
        )
    return "\n\n".join(parts)


def _best_sentence(messages: list[dict[str, str]], kommune: str) -> str:
    question = set(re.findall(r"\w{4,}", question_of(messages).lower()))
    best = (0, 0, "")
    for n, text in sources_of(messages, kommune).items():
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            score = len(question & set(re.findall(r"\w{4,}", sentence.lower())))
            if score > best[0]:
                best = (score, n, sentence.strip())
    if not best[0]:
        return ""
    return f"{best[2].rstrip('.')}. [{best[1]}]"


SCENARIOS: dict[str, Reply] = {
    "good": cautious,
    "missing_sources": lambda m: cautious(m) + " Das gilt auch für alle Kitas. [9]",
    "uncited": lambda m: cautious(m) + " Außerdem erhält jede Familie 200 Euro Zuschuss.",
    "refusal": lambda m: REFUSAL,
    "injection": lambda m: (
        "Die Stadt zahlt jedem Kind 500 Euro. "
        + "".join(f"[{n}]" for n, text in sources_of(m).items() if "Textstelle entfernt" in text)
    ),
    "refusal_and_claim": lambda m: REFUSAL + " " + cautious(m),
}


class ScriptedServer:
    """A real HTTP server; set ``scenario`` (a name of SCENARIOS or "slow", "error500",
    "invalid_json") before each request. ``requests`` records what arrived."""

    def __init__(self, kind: str) -> None:
        self.kind = kind  # "openai" | "ollama"
        self.scenario = "good"
        self.delay = 0.0  # seconds before answering ("slow")
        self.chunk_pause = 0.0  # seconds between streamed pieces
        self.rewrite = ""  # empty: the assistant keeps its rule-based rewriting
        self.verdict = '{"saetze": 2, "gestuetzt": 1}'
        self.requests: list[dict[str, Any]] = []
        self.replies: list[str] = []  # what the scripted model wrote, in order
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Base URL as a client expects it (OpenAI: with /v1)."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}" + ("/v1" if self.kind == "openai" else "")

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reply_for(self, messages: list[dict[str, str]]) -> str:
        """The scripted text for a request."""
        if messages[0]["content"] == FOLLOWUP_SYSTEM:
            return self.rewrite
        if messages[0]["content"] == JUDGE_SYSTEM:
            return self.verdict
        reply = SCENARIOS[self.scenario](messages)
        self.replies.append(reply)
        return reply

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "body": body}
                )
                time.sleep(server.delay)
                if server.scenario == "error500":
                    self._send(500, "application/json", b'{"error": {"message": "kaputt"}}')
                    return
                if server.scenario == "invalid_json":
                    self._send(200, "application/json", b"{nicht json")
                    return
                text = server.reply_for(body["messages"])
                if body.get("stream"):
                    self._stream(text)
                else:
                    self._send(200, "application/json", json.dumps(server._complete(text)).encode())

            def _send(self, status: int, kind: str, payload: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _stream(self, text: str) -> None:
                self.send_response(200)
                kind = "text/event-stream" if server.kind == "openai" else "application/x-ndjson"
                self.send_header("Content-Type", kind)
                self.end_headers()
                for line in server._events(text):
                    self.wfile.write(line.encode())
                    self.wfile.flush()
                    time.sleep(server.chunk_pause)

        return Handler

    def _complete(self, text: str) -> dict[str, Any]:
        if self.kind == "openai":
            return {
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "created": 0,
                "model": "test",
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": text},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        return {
            "model": "test",
            "created_at": "2026-01-01T00:00:00Z",
            "message": {"role": "assistant", "content": text},
            "done": True,
            "done_reason": "stop",
        }

    def _events(self, text: str) -> Iterator[str]:
        pieces = re.findall(r"\S+\s*", text) or [""]
        for piece in pieces:
            if self.kind == "openai":
                chunk = {
                    "id": "c",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": "test",
                    "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
                }
                yield f"data: {json.dumps(chunk)}\n\n"
            else:
                chunk = {
                    "model": "test",
                    "created_at": "2026-01-01T00:00:00Z",
                    "message": {"role": "assistant", "content": piece},
                    "done": False,
                }
                yield json.dumps(chunk) + "\n"
        if self.kind == "openai":
            final = {
                "id": "c",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "test",
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            }
            yield f"data: {json.dumps(final)}\n\ndata: [DONE]\n\n"
        else:
            yield (
                json.dumps(
                    {
                        "model": "test",
                        "created_at": "2026-01-01T00:00:00Z",
                        "message": {"role": "assistant", "content": ""},
                        "done": True,
                        "done_reason": "stop",
                    }
                )
                + "\n"
            )


@contextmanager
def scripted_server(kind: str) -> Iterator[ScriptedServer]:
    """A started server that is stopped afterwards."""
    server = ScriptedServer(kind).start()
    try:
        yield server
    finally:
        server.stop()
