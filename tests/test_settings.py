"""Settings are validated at start, with German errors naming the variable, and relative paths
resolve against the project folder wherever the program is started."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import assistant.settings as settings_module
from assistant.errors import SettingsError
from assistant.settings import Settings, project_root
from ui import cli

from .test_ui_app import APP

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"KONZEPTLOTSE_GENERATOR": "olama"},
            "Ungültige Einstellung KONZEPTLOTSE_GENERATOR='olama': erlaubt sind extractive, "
            "ollama, openai.",
        ),
        (
            {"KONZEPTLOTSE_TOP_K": "acht"},
            "Ungültige Einstellung KONZEPTLOTSE_TOP_K='acht': eine ganze Zahl erwartet.",
        ),
        (
            {"KONZEPTLOTSE_WEIGHT_DENSE": "-1"},
            "Ungültige Einstellung KONZEPTLOTSE_WEIGHT_DENSE='-1': mindestens 0 erwartet.",
        ),
        (
            {"KONZEPTLOTSE_LLM_TIMEOUT": "0"},
            "Ungültige Einstellung KONZEPTLOTSE_LLM_TIMEOUT='0': mehr als 0 erwartet.",
        ),
        (
            {"KONZEPTLOTSE_REFUSAL_THRESHOLD": "hoch"},
            "Ungültige Einstellung KONZEPTLOTSE_REFUSAL_THRESHOLD='hoch': eine Zahl zwischen 0 "
            "und 1 oder leer erwartet.",
        ),
        (
            {"KONZEPTLOTSE_GENERATR": "ollama"},
            "Unbekannte Einstellung KONZEPTLOTSE_GENERATR – gemeint ist wohl "
            "KONZEPTLOTSE_GENERATOR.",
        ),
    ],
)
def test_invalid_settings_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env(env, dotenv=None)
    assert str(raised.value).startswith(message)


def test_api_key_is_never_shown_in_errors_or_repr() -> None:
    settings = Settings.from_env({"KONZEPTLOTSE_LLM_API_KEY": "geheim-123"}, dotenv=None)
    assert "geheim-123" not in repr(settings)
    assert "llm_api_key" not in settings_module.public_values(settings)


def test_tool_variables_with_the_prefix_are_not_settings() -> None:
    env = {"KONZEPTLOTSE_XQUAD_DIR": "/tmp/x", "KONZEPTLOTSE_SONSTWAS": "1"}
    assert Settings.from_env(env, dotenv=None).top_k == 8


def test_values_are_typed_and_overrides_validated() -> None:
    settings = Settings.from_env({"KONZEPTLOTSE_TOP_K": "5", "KONZEPTLOTSE_WEIGHT_DENSE": "0.3"})
    assert settings.top_k == 5 and settings.weight_dense == 0.3
    assert settings.with_overrides(top_k=7).top_k == 7
    with pytest.raises(ValueError, match="top_k"):
        settings.with_overrides(top_k=0)


def test_relative_paths_resolve_against_the_project_folder(tmp_path: Path) -> None:
    """Started from another folder, the defaults still find the glossary and the data."""
    code = (
        "import json; from assistant.settings import Settings; s = Settings.from_env(); "
        "print(json.dumps([str(s.data_dir), str(s.corpus_dir), str(s.glossary)]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "KONZEPTLOTSE_DATA_DIR": "daten"},
    )
    data_dir, corpus_dir, glossary = map(Path, json.loads(run.stdout))
    assert data_dir == ROOT / "daten"  # a relative value from the environment, too
    assert corpus_dir == ROOT / "corpus" / "documents" and glossary.is_file()


def test_without_a_project_folder_relative_paths_are_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings_module, "project_root", lambda: None)
    with pytest.raises(SettingsError, match="KONZEPTLOTSE_DATA_DIR als absoluten Pfad"):
        Settings.from_env({}, dotenv=None)
    absolute = {
        "KONZEPTLOTSE_DATA_DIR": "/srv/k/data",
        "KONZEPTLOTSE_CORPUS_DIR": "/srv/k/docs",
        "KONZEPTLOTSE_GLOSSARY": "/srv/k/glossar.yaml",
    }
    assert Settings.from_env(absolute, dotenv=None).data_dir == Path("/srv/k/data")


def test_cli_stops_at_start_on_a_bad_setting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KONZEPTLOTSE_GENERATOR", "olama")
    assert cli.main(["ask", "Wann tagt die Schulplatzkonferenz?"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("Fehler: Ungültige Einstellung KONZEPTLOTSE_GENERATOR='olama'")


def test_ui_stops_with_the_message_on_a_bad_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONZEPTLOTSE_TOP_K", "viele")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "KONZEPTLOTSE_TOP_K" in at.error[0].value


def test_ui_command_runs_streamlit_in_the_project_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """So that .streamlit/config.toml applies wherever ``konzeptlotse ui`` is started."""
    calls: list[dict[str, object]] = []
    monkeypatch.setattr(cli, "_become", lambda command, **kw: calls.append(kw))
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--data-dir", "hier", "ui"]) == 0
    assert calls[0]["cwd"] == project_root() == ROOT
    assert (ROOT / ".streamlit" / "config.toml").is_file()
    assert calls[0]["env"]["KONZEPTLOTSE_DATA_DIR"] == str(tmp_path / "hier")  # type: ignore[index]
