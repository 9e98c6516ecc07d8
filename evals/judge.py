"""LLM-judged faithfulness: the share of an answer's sentences its cited passages support.

Used by ``konzeptlotse eval`` when ``KONZEPTLOTSE_JUDGE_MODEL`` is set (same backend and
server as the generator). The offline support check is always reported beside it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from assistant import prompts
from assistant.errors import GeneratorUnavailable
from assistant.llm import chat_model, complete
from assistant.settings import Settings
from assistant.types import Answer

__all__ = ["make_judge", "parse_verdict"]

_JSON = re.compile(r"\{.*?\}", re.S)


def parse_verdict(text: str) -> float | None:
    """Supported share from the judge's JSON reply; None if it is not readable."""
    match = _JSON.search(text)
    if not match:
        return None
    try:
        data = json.loads(match.group(0))
        total, supported = int(data["saetze"]), int(data["gestuetzt"])
    except (ValueError, KeyError, TypeError):
        return None
    return max(0.0, min(1.0, supported / total)) if total > 0 else None


def make_judge(settings: Settings) -> Callable[[Answer], float | None]:
    """A judge function for answers (None results when the judge cannot answer)."""
    model = chat_model(settings, model=settings.judge_model)

    def judge(answer: Answer) -> float | None:
        sources = "\n\n".join(f"[{c.n}] {c.context or c.quote}" for c in answer.citations)
        user = prompts.JUDGE_USER.format(sources=sources, answer=answer.text)
        try:
            return parse_verdict(complete(model, prompts.JUDGE_SYSTEM, user, settings.llm_timeout))
        except GeneratorUnavailable:
            return None

    return judge
