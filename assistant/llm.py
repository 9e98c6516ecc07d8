"""Language-model backends through LangChain: Ollama and any OpenAI-compatible endpoint.

Only this module talks to a model server. It builds the chat model from the settings, streams
text, and turns every failure (unreachable, timeout, HTTP error, unreadable reply) into one
``GeneratorUnavailable`` with a German message. Retries are bounded (one for OpenAI-compatible
servers, none for Ollama); an overall deadline stops a reply that trickles on too long.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

from .errors import GeneratorUnavailable
from .settings import Settings

__all__ = ["BACKENDS", "chat_model", "complete", "stream_text"]

BACKENDS = ("extractive", "ollama", "openai")
DEFAULT_OLLAMA_URL = "http://127.0.0.1:11434"
MAX_RETRIES = 1


def chat_model(settings: Settings, model: str = "") -> Any:
    """The LangChain chat model for the configured backend (``model`` overrides the name)."""
    name = model or settings.llm_model
    if settings.generator not in BACKENDS or settings.generator == "extractive":
        raise ValueError(f"Unbekanntes Sprachmodell-Backend: {settings.generator!r}")
    if not name:
        raise GeneratorUnavailable("Kein Modellname konfiguriert (KONZEPTLOTSE_LLM_MODEL).")
    if settings.generator == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(
            model=name,
            base_url=settings.llm_base_url or DEFAULT_OLLAMA_URL,
            temperature=settings.llm_temperature,
            num_predict=settings.llm_max_tokens,
            client_kwargs={"timeout": settings.llm_timeout},
            validate_model_on_init=False,
        )
    from langchain_openai import ChatOpenAI

    if not settings.llm_base_url:
        raise GeneratorUnavailable("Keine Adresse konfiguriert (KONZEPTLOTSE_LLM_BASE_URL).")
    from pydantic import SecretStr

    options: dict[str, Any] = {
        "model": name,
        "base_url": settings.llm_base_url,
        # Local servers accept any key; the real one only ever lives in the client object.
        "api_key": SecretStr(settings.llm_api_key or "nicht-gesetzt"),
        "temperature": settings.llm_temperature,
        "max_tokens": settings.llm_max_tokens,
        "timeout": settings.llm_timeout,
        "max_retries": MAX_RETRIES,
    }
    return ChatOpenAI(**options)


def stream_text(model: Any, system: str, user: str, deadline_s: float) -> Iterator[str]:
    """Text deltas of the model's reply; failures raise ``GeneratorUnavailable``."""
    from langchain_core.messages import HumanMessage, SystemMessage

    messages = [SystemMessage(content=system), HumanMessage(content=user)]
    started = time.monotonic()
    try:
        for chunk in model.stream(messages):
            text = _text_of(chunk.content)
            if text:
                yield text
            if time.monotonic() - started > deadline_s:
                raise GeneratorUnavailable(
                    f"Das Sprachmodell hat nicht innerhalb von {deadline_s:.0f} s geantwortet."
                )
    except GeneratorUnavailable:
        raise
    except Exception as exc:
        raise GeneratorUnavailable(describe_failure(exc, deadline_s)) from exc


def complete(model: Any, system: str, user: str, deadline_s: float) -> str:
    """The whole reply as one string (for follow-up rewriting and the judge)."""
    return "".join(stream_text(model, system, user, deadline_s)).strip()


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks
        return "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    return ""


def describe_failure(exc: BaseException, timeout_s: float) -> str:
    """A German, secret-free description of why the model server could not answer."""
    name = type(exc).__name__
    text = str(exc)
    if "Timeout" in name or "timed out" in text.lower():
        return f"Das Sprachmodell hat nicht innerhalb von {timeout_s:.0f} s geantwortet."
    if "Connect" in name or "Connection refused" in text or "connection" in text.lower():
        return "Der Sprachmodell-Dienst ist nicht erreichbar."
    status = getattr(exc, "status_code", None) or getattr(
        getattr(exc, "response", None), "status_code", None
    )
    if status:
        return f"Der Sprachmodell-Dienst meldet einen Fehler (HTTP {status})."
    if isinstance(exc, json.JSONDecodeError | ValueError | KeyError | TypeError):
        return "Die Antwort des Sprachmodell-Dienstes war nicht lesbar."
    return f"Das Sprachmodell ist derzeit nicht nutzbar ({name})."
