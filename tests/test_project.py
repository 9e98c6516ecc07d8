"""Project promises that are cheap to check: README, settings, CI, public API."""

from __future__ import annotations

from pathlib import Path

import assistant
from assistant.settings import Settings, setting_docs

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_shows_the_two_commands() -> None:
    assert "make run" in README and "make test" in README


def test_every_setting_is_in_the_readme_table_with_its_default() -> None:
    for env, default, _ in setting_docs():
        row = next((line for line in README.splitlines() if line.startswith(f"| `{env}`")), None)
        assert row is not None, f"{env} fehlt in der Konfigurationstabelle"
        shown = "leer" if default == "" else f"`{default}`"
        assert shown in row, f"{env}: Standard {default!r} nicht in README"


def test_settings_read_environment_and_dotenv(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("KONZEPTLOTSE_TOP_K=5\nKONZEPTLOTSE_DATA_DIR=/tmp/a\n")
    settings = Settings.from_env({"KONZEPTLOTSE_TOP_K": "7"}, dotenv=dotenv)
    assert settings.top_k == 7  # the environment wins over .env
    assert settings.data_dir == Path("/tmp/a")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    for command in ("make test-slow", "make test-browser", "make lint"):
        assert command in ci and command in README


def test_public_api_is_explicit() -> None:
    for name in assistant.__all__:
        assert hasattr(assistant, name)
    assert callable(assistant.ask)


def test_core_does_not_import_the_outer_layers() -> None:
    for path in (ROOT / "assistant").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for layer in ("ingest", "ui", "evals"):
            assert f"from {layer}" not in source and f"import {layer}" not in source, path
