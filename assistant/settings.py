"""One settings object, read from the environment (and an optional ``.env``) at entry points.

Every field declares its environment variable and a German/English description in its
metadata; the README's configuration table is checked against this list by a test.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

__all__ = ["ENV_PREFIX", "Settings", "public_values", "setting_docs"]

ENV_PREFIX = "KONZEPTLOTSE_"


def _setting(default: Any, env: str, doc: str, secret: bool = False) -> Any:
    return field(
        default=default,
        repr=not secret,
        metadata={"env": ENV_PREFIX + env, "doc": doc, "secret": secret},
    )


@dataclass(frozen=True)
class Settings:
    """Runtime configuration. Build with ``Settings.from_env()``; pass it explicitly."""

    data_dir: Path = _setting(
        Path("data"),
        "DATA_DIR",
        "Verzeichnis des Index (Chroma, Abschnittsspeicher, Manifest, Eval-Läufe).",
    )
    corpus_dir: Path = _setting(
        Path("corpus/documents"),
        "CORPUS_DIR",
        "Dokumentordner, den `make run` und `konzeptlotse ingest` (ohne Pfad) einlesen.",
    )
    embedding_model: str = _setting(
        "",
        "EMBEDDING_MODEL",
        "Lokales Verzeichnis eines sentence-transformers-Modells (e5-Modelle bekommen ihre "
        "Präfixe „query: “/„passage: “); leer = das mitgelieferte mehrsprachige Offline-Modell "
        "Universal Sentence Encoder v3. Ein Wechsel verlangt `ingest --rebuild`.",
    )
    chunk_tokens: int = _setting(
        180,
        "CHUNK_TOKENS",
        "Zielgröße eines Textabschnitts in Tokens des Embedding-Modells (höchstens dessen "
        "Grenze, beim mitgelieferten Modell 256).",
    )
    top_k: int = _setting(8, "TOP_K", "Anzahl der Fundstellen, aus denen die Antwort entsteht.")
    weight_chars: float = _setting(
        1.0,
        "WEIGHT_CHARS",
        "Gewicht der Zeichen-n-Gramm-Suche in der Fusion (BM25 = 1,0); 0 schaltet sie ab.",
    )
    weight_dense: float = _setting(
        0.2,
        "WEIGHT_DENSE",
        "Gewicht der Vektorsuche in der Fusion (BM25 = 1,0); 0 schaltet sie ab.",
    )
    weight_synonyms: float = _setting(
        0.0, "WEIGHT_SYNONYMS", "Gewicht der Glossar-Synonyme innerhalb der BM25-Suche."
    )
    glossary: Path = _setting(
        Path("corpus/glossar.yaml"),
        "GLOSSARY",
        "Fachglossar (Abkürzungen, Synonyme) für die Suche; fehlt die Datei, ohne Glossar.",
    )
    answer_sentences: int = _setting(
        3, "ANSWER_SENTENCES", "Höchstzahl der Sätze einer extraktiven Antwort."
    )
    reranker: str = _setting(
        "",
        "RERANKER",
        "Lokales Verzeichnis eines Cross-Encoder-Modells zum Nachsortieren der Treffer; leer = "
        "ohne (offline ist keines installierbar). Danach `make calibrate` ausführen.",
    )
    refusal_threshold: str = _setting(
        "",
        "REFUSAL_THRESHOLD",
        "Mindest-Wahrscheinlichkeit (0–1), dass die Dokumente die Frage beantworten; darunter "
        "lehnt der Konzeptlotse ab. Leer = der auf dem Evaluationssatz kalibrierte Wert.",
    )

    admin_password_hash: str = _setting(
        "",
        "ADMIN_PASSWORD_HASH",
        "Hash des Admin-Passworts (erzeugen mit `konzeptlotse admin-hash`); leer = "
        "Admin-Bereich gesperrt.",
    )
    upload_max_mb: int = _setting(
        50,
        "UPLOAD_MAX_MB",
        "Höchstgröße einer hochgeladenen Datei in MB (gilt auch am Server: "
        "`server.maxUploadSize`).",
    )
    evaluator_password_hash: str = _setting(
        "",
        "EVALUATOR_PASSWORD_HASH",
        "Hash des Evaluations-Passworts (erzeugen mit `konzeptlotse admin-hash --role "
        "evaluator`); leer = die Evaluationsseite ist nur mit dem Admin-Passwort zugänglich.",
    )
    session_idle_minutes: int = _setting(
        30,
        "SESSION_IDLE_MINUTES",
        "Minuten ohne Aktivität, nach denen eine Anmeldung (Verwaltung, Evaluation) endet.",
    )
    audit_retention_days: int = _setting(
        90,
        "AUDIT_RETENTION_DAYS",
        "Tage, die das Prüfprotokoll der Antworten aufbewahrt wird (0 = unbegrenzt).",
    )
    server_address: str = _setting(
        "127.0.0.1",
        "SERVER_ADDRESS",
        "Adresse, auf der die Oberfläche lauscht; `0.0.0.0` = im lokalen Netz erreichbar "
        "(dann `KONZEPTLOTSE_ALLOWED_HOSTS` setzen).",
    )
    allowed_hosts: str = _setting(
        "",
        "ALLOWED_HOSTS",
        "Weitere Hostnamen, unter denen die Oberfläche aufgerufen wird (kommagetrennt, z. B. "
        "`konzeptlotse.kreis.local`); andere Host-Angaben werden abgewiesen.",
    )
    ocr: bool = _setting(
        True,
        "OCR",
        "Texterkennung (OCR, ocrmypdf + tesseract) für gescannte PDF-Seiten ohne Textebene; "
        "`false` schaltet sie ab (solche Seiten werden dann nur gemeldet).",
    )
    ocr_language: str = _setting(
        "deu", "OCR_LANGUAGE", "Sprache(n) der Texterkennung (tesseract), z. B. `deu+eng`."
    )
    ocr_timeout: float = _setting(
        600.0,
        "OCR_TIMEOUT",
        "Sekunden Texterkennung je Datei; danach wird die Datei mit Hinweis übersprungen.",
    )

    generator: str = _setting(
        "extractive",
        "GENERATOR",
        "Antworterzeugung: `extractive` (offline, Sätze aus den Dokumenten), `ollama` oder "
        "`openai` (jeder OpenAI-kompatible Dienst, z. B. vLLM, llama.cpp, LM Studio).",
    )
    llm_model: str = _setting("", "LLM_MODEL", "Modellname beim Sprachmodell-Dienst.")
    llm_base_url: str = _setting(
        "",
        "LLM_BASE_URL",
        "Adresse des Dienstes, z. B. `http://127.0.0.1:11434` (Ollama, Standard) oder "
        "`http://127.0.0.1:8000/v1` (OpenAI-kompatibel).",
    )
    llm_api_key: str = _setting(
        "",
        "LLM_API_KEY",
        "API-Schlüssel des Dienstes (nur aus der Umgebung/.env; wird nie angezeigt oder "
        "protokolliert).",
        secret=True,
    )
    llm_temperature: float = _setting(0.1, "LLM_TEMPERATURE", "Temperatur des Sprachmodells.")
    llm_max_tokens: int = _setting(700, "LLM_MAX_TOKENS", "Höchstlänge der Antwort in Tokens.")
    llm_timeout: float = _setting(
        60.0,
        "LLM_TIMEOUT",
        "Sekunden bis zum Abbruch; danach gibt es die extraktive Antwort mit Hinweis.",
    )
    judge_model: str = _setting(
        "",
        "JUDGE_MODEL",
        "Modell, das in `konzeptlotse eval` die Belegtreue generierter Antworten bewertet "
        "(gleicher Dienst); leer = nur die Offline-Prüfung.",
    )

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")
    ) -> Settings:
        """Read settings from ``env`` (default: ``os.environ``) overlaid on a ``.env`` file."""
        values: dict[str, str] = {}
        if dotenv is not None and dotenv.is_file():
            from dotenv import dotenv_values

            values.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
        values.update(os.environ if env is None else env)
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            raw = values.get(f.metadata["env"])
            if raw is not None and raw != "":
                kwargs[f.name] = _convert(raw, f.default, f.metadata["env"])
        return cls(**kwargs)

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with some fields changed (for CLI flags and tests)."""
        return replace(self, **changes)


def _convert(raw: str, default: Any, env: str) -> Any:
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in {"1", "true", "ja", "yes", "on"}
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, Path):
            return Path(raw).expanduser()
    except ValueError as exc:
        raise ValueError(f"Ungültiger Wert für {env}: {raw!r}") from exc
    return raw


def public_values(settings: Settings) -> dict[str, str]:
    """Settings as strings for reports, with secrets left out."""
    return {
        f.name: str(getattr(settings, f.name))
        for f in fields(Settings)
        if not f.metadata.get("secret")
    }


def setting_docs() -> list[tuple[str, str, str]]:
    """(environment variable, default, description) for every setting, in declaration order."""
    return [(f.metadata["env"], str(f.default), f.metadata["doc"]) for f in fields(Settings)]
