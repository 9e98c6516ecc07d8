"""Offline and no-telemetry defaults, applied by every entry point before heavy imports."""

from __future__ import annotations

import os
from collections.abc import MutableMapping

__all__ = ["OFFLINE_ENV", "apply_offline_defaults"]

# Values an admin may still override explicitly in the environment (setdefault semantics).
OFFLINE_ENV: dict[str, str] = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "ANONYMIZED_TELEMETRY": "False",  # chromadb
    "CHROMA_TELEMETRY": "False",
    "LANGSMITH_TRACING": "false",
    "LANGCHAIN_TRACING_V2": "false",
    "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    "TOKENIZERS_PARALLELISM": "false",
    # Not privacy, but quiet: no download/loading progress bars from the model libraries.
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
}


def apply_offline_defaults(environ: MutableMapping[str, str] | None = None) -> None:
    """Switch off model downloads and telemetry unless explicitly configured otherwise."""
    target = os.environ if environ is None else environ
    for key, value in OFFLINE_ENV.items():
        target.setdefault(key, value)
