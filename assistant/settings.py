"""One settings object, read from the environment (and ``.env``) at entry points, validated.

Every field declares its environment variable and a German description; the README's
configuration table is checked against this list by a test. ``Settings.from_env()`` validates
all values at start (types, ranges, allowed names) and raises ``SettingsError`` with a German
message naming the variable, so a typo stops the program before the first question instead
of failing every question. Relative paths (defaults, ``.env``, environment) are resolved
against the project folder, wherever the program is started; without a project folder (an
installed wheel) they must be given as absolute paths.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from .errors import SettingsError

__all__ = [
    "ENV_PREFIX",
    "Settings",
    "SettingsError",
    "project_root",
    "public_values",
    "setting_docs",
]

ENV_PREFIX = "KONZEPTLOTSE_"
# Environment variables with the prefix that are not settings (tools, tests).
_NOT_SETTINGS = frozenset({"XQUAD_DIR", "SMOKE_PYTHON", "UPDATE_SCREENSHOTS"})
_DEFAULT_DOTENV = Path(".env")


@lru_cache(maxsize=1)
def project_root() -> Path | None:
    """The project folder this code runs from (None for an installed package)."""
    root = Path(__file__).resolve().parents[1]
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and 'name = "konzeptlotse"' in pyproject.read_text(encoding="utf-8"):
        return root
    return None


def _setting(default: Any, env: str, doc: str, secret: bool = False, **checks: Any) -> Any:
    return Field(
        default=default,
        repr=not secret,
        description=doc,
        json_schema_extra={"env": ENV_PREFIX + env, "secret": secret},
        **checks,
    )


class Settings(BaseSettings):
    """Runtime configuration. Build with ``Settings.from_env()``; pass it explicitly."""

    model_config = SettingsConfigDict(frozen=True, extra="forbid", validate_default=True)

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
        "Universal Sentence Encoder v3; `use-multilingual-v3-int8` = dasselbe Modell mit "
        "8-Bit-Rechenwerk auf onnxruntime (schneller, siehe README). Ein Wechsel verlangt "
        "`ingest --rebuild`.",
    )
    chroma_url: str = _setting(
        "",
        "CHROMA_URL",
        "Adresse eines Chroma-Servers (`chroma run`), z. B. `http://127.0.0.1:8000`, für den "
        "Betrieb mit mehreren Instanzen (Vektoren auf dem Server); leer = eingebetteter "
        "Speicher im Datenverzeichnis. Ein Wechsel verlangt `ingest --rebuild`.",
    )
    chunk_tokens: int = _setting(
        180,
        "CHUNK_TOKENS",
        "Zielgröße eines Textabschnitts in Tokens des Embedding-Modells (höchstens dessen "
        "Grenze, beim mitgelieferten Modell 256).",
        ge=16,
        le=8192,
    )
    top_k: int = _setting(
        8, "TOP_K", "Anzahl der Fundstellen, aus denen die Antwort entsteht.", ge=1, le=100
    )
    weight_chars: float = _setting(
        1.0,
        "WEIGHT_CHARS",
        "Gewicht der Zeichen-n-Gramm-Suche in der Fusion (BM25 = 1,0); 0 schaltet sie ab.",
        ge=0,
    )
    weight_dense: float = _setting(
        0.2,
        "WEIGHT_DENSE",
        "Gewicht der Vektorsuche in der Fusion (BM25 = 1,0); 0 schaltet sie ab.",
        ge=0,
    )
    weight_e5: float = _setting(
        0.3,
        "WEIGHT_E5",
        "Gewicht der zweiten Vektorsuche (multilingual-e5-small, nur für die Suche, nur auf "
        "x86_64 mit AVX2) in der Fusion; 0 schaltet sie ab, dann berechnet auch das Einlesen "
        "keine e5-Vektoren.",
        ge=0,
    )
    weight_synonyms: float = _setting(
        0.0,
        "WEIGHT_SYNONYMS",
        "Gewicht der Glossar-Synonyme in der Suche (BM25 und Zeichen-n-Gramme); 0 = Synonyme "
        "erweitern die Suche nicht (das Glossar zählt dann nur noch bei der Prüfung, ob eine "
        "Fundstelle die Frage abdeckt).",
        ge=0,
    )
    glossary: Path = _setting(
        Path("corpus/glossar.yaml"),
        "GLOSSARY",
        "Fachglossar (Abkürzungen, Synonyme) für Suche und Abdeckungsprüfung; fehlt die Datei "
        "(oder ist sie leer), ganz ohne Glossar.",
    )
    answer_sentences: int = _setting(
        3,
        "ANSWER_SENTENCES",
        "Höchstzahl der Sätze einer extraktiven Antwort, bei einem Vergleich je Kommune.",
        ge=1,
        le=20,
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
        ge=1,
    )
    ingest_timeout: float = _setting(
        300.0,
        "INGEST_TIMEOUT",
        "Höchstdauer in Sekunden, eine Datei einzulesen (Lesen, Zerlegen, Vektoren); danach "
        "wird sie mit Hinweis übersprungen.",
        gt=0,
    )
    ingest_max_mb: int = _setting(
        100, "INGEST_MAX_MB", "Größte Datei in MB, die eingelesen wird.", ge=1
    )
    ingest_max_pages: int = _setting(
        1000, "INGEST_MAX_PAGES", "Höchstzahl der Seiten eines PDF, das eingelesen wird.", ge=1
    )
    ingest_max_chars: int = _setting(
        3_000_000,
        "INGEST_MAX_CHARS",
        "Höchstzahl der Textzeichen eines Dokuments, das eingelesen wird.",
        ge=1000,
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
        ge=1,
    )
    audit_retention_days: int = _setting(
        90,
        "AUDIT_RETENTION_DAYS",
        "Tage, die das Prüfprotokoll der Antworten aufbewahrt wird (0 = unbegrenzt).",
        ge=0,
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

    generator: Literal["extractive", "ollama", "openai"] = _setting(
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
    llm_temperature: float = _setting(
        0.1, "LLM_TEMPERATURE", "Temperatur des Sprachmodells.", ge=0, le=2
    )
    llm_max_tokens: int = _setting(
        700, "LLM_MAX_TOKENS", "Höchstlänge der Antwort in Tokens.", ge=1
    )
    llm_timeout: float = _setting(
        60.0,
        "LLM_TIMEOUT",
        "Sekunden bis zum Abbruch; danach gibt es die extraktive Antwort mit Hinweis.",
        gt=0,
    )
    judge_model: str = _setting(
        "",
        "JUDGE_MODEL",
        "Modell, das in `konzeptlotse eval` die Belegtreue generierter Antworten bewertet "
        "(gleicher Dienst); leer = nur die Offline-Prüfung.",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Only explicit values: the environment is read by ``from_env`` (entry points) alone."""
        return (init_settings,)

    @field_validator("data_dir", "corpus_dir", "glossary")
    @classmethod
    def _resolve(cls, value: Path, info: ValidationInfo) -> Path:
        path = value.expanduser()
        if path.is_absolute():
            return path
        root = project_root()
        if root is None:
            env = _env_name(info.field_name or "")
            raise ValueError(
                f"„{value}“ ist ein relativer Pfad, aber es gibt keinen Projektordner, gegen den "
                f"er aufgelöst werden kann (installiertes Paket). Bitte {env} als absoluten "
                "Pfad setzen."
            )
        return root / path

    @field_validator("chroma_url")
    @classmethod
    def _chroma_url(cls, value: str) -> str:
        url = value.strip().rstrip("/")
        if not url:
            return ""
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            port = -1
        if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
            raise ValueError("eine Adresse wie http://127.0.0.1:8000 oder leer erwartet")
        return url

    @field_validator("refusal_threshold")
    @classmethod
    def _threshold(cls, value: str) -> str:
        if value.strip():
            try:
                number = float(value.replace(",", "."))
            except ValueError:
                raise ValueError("eine Zahl zwischen 0 und 1 oder leer erwartet") from None
            if not 0 <= number <= 1:
                raise ValueError("eine Zahl zwischen 0 und 1 oder leer erwartet")
            return str(number)
        return ""

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, dotenv: Path | None = _DEFAULT_DOTENV
    ) -> Settings:
        """Read and validate settings from ``env`` (default ``os.environ``) over ``.env``.

        The default ``.env`` is the project folder's. Raises ``SettingsError``.
        """
        values: dict[str, str] = {}
        dotenv_path = _dotenv_path(dotenv)
        if dotenv_path is not None and dotenv_path.is_file():
            from dotenv import dotenv_values

            values.update({k: v for k, v in dotenv_values(dotenv_path).items() if v is not None})
        values.update(os.environ if env is None else env)
        _check_names(values)
        by_env = {_env_name(name): name for name in cls.model_fields}
        kwargs = {by_env[k]: v for k, v in values.items() if k in by_env and v != ""}
        try:
            return cls.model_validate(kwargs)
        except ValidationError as exc:
            raise SettingsError(_german(exc, kwargs)) from None

    def with_overrides(self, **changes: Any) -> Settings:
        """A validated copy with some fields changed (for CLI flags and tests)."""
        return type(self)(**{**self.model_dump(), **changes})


def _dotenv_path(dotenv: Path | None) -> Path | None:
    if dotenv is not _DEFAULT_DOTENV:
        return dotenv
    root = project_root()
    return root / ".env" if root is not None else None


def _env_name(field_name: str) -> str:
    extra = Settings.model_fields[field_name].json_schema_extra
    assert isinstance(extra, dict)
    return str(extra["env"])


def _check_names(values: Mapping[str, str]) -> None:
    """A variable one letter away from a setting is a typo, not something else: stop."""
    known = [_env_name(name) for name in Settings.model_fields]
    for name in values:
        if not name.startswith(ENV_PREFIX) or name in known:
            continue
        if name.removeprefix(ENV_PREFIX) in _NOT_SETTINGS:
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.85)
        if close:
            raise SettingsError(
                f"Unbekannte Einstellung {name} – gemeint ist wohl {close[0]}. Bitte den Namen "
                "in der Umgebung bzw. in .env korrigieren."
            )


_MESSAGES = {
    "int_parsing": "eine ganze Zahl erwartet",
    "int_from_float": "eine ganze Zahl erwartet",
    "float_parsing": "eine Zahl erwartet (Dezimalpunkt)",
    "greater_than_equal": "mindestens {ge} erwartet",
    "greater_than": "mehr als {gt} erwartet",
    "less_than_equal": "höchstens {le} erwartet",
    "less_than": "weniger als {lt} erwartet",
    "path_type": "ein Pfad erwartet",
}


def _german(exc: ValidationError, given: Mapping[str, str]) -> str:
    """One German line per invalid setting: variable, value, what is allowed."""
    lines = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else ""
        env = _env_name(field) if field in Settings.model_fields else field
        template = _MESSAGES.get(error["type"])
        ctx = error.get("ctx") or {}
        if error["type"] == "literal_error":
            choices = get_args(Settings.model_fields[field].annotation)
            reason = "erlaubt sind " + ", ".join(str(c) for c in choices)
        elif template:
            reason = template.format(**{k: _number(v) for k, v in ctx.items()})
        else:
            reason = str(ctx.get("error") or error["msg"]).removeprefix("Value error, ")
        value = given.get(field, "")
        shown = f"={value!r}" if value and "API_KEY" not in env else ""
        lines.append(f"Ungültige Einstellung {env}{shown}: {reason}.")
    return " ".join(lines)


def _number(value: object) -> str:
    """A bound as Germans write it: 0, 0,5."""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def public_values(settings: Settings) -> dict[str, str]:
    """Settings as strings for reports, with secrets left out."""
    return {
        name: str(getattr(settings, name))
        for name, info in Settings.model_fields.items()
        if not _extra(info).get("secret")
    }


def setting_docs() -> list[tuple[str, str, str]]:
    """(environment variable, default, description) for every setting, in declaration order."""
    return [
        (str(_extra(info)["env"]), str(info.default), info.description or "")
        for info in Settings.model_fields.values()
    ]


def _extra(info: Any) -> dict[str, Any]:
    extra = info.json_schema_extra
    return extra if isinstance(extra, dict) else {}
