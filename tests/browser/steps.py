"""Steps the browser tests share: ask a question in the chat, wait for a script run to end."""

from __future__ import annotations

from typing import Any

from ui import texts

__all__ = ["ANSWER_TIMEOUT", "VIEWPORT", "ask", "settle"]

ANSWER_TIMEOUT = 120_000  # ms; the first question loads the embedding model
VIEWPORT = {"width": 1280, "height": 900}


def ask(page: Any, question: str) -> Any:
    """Type a question into the chat input; returns the new assistant message."""
    messages = page.locator('[data-testid="stChatMessage"]')
    before = messages.count()
    box = page.get_by_placeholder(texts.CHAT_PLACEHOLDER)
    box.fill(question)
    box.press("Enter")
    message = messages.nth(before + 1)
    try:
        message.get_by_role("button", name=texts.DOWNLOAD).wait_for(timeout=ANSWER_TIMEOUT)
    except Exception:
        page.screenshot(path="/tmp/shots/ask_fail.png")
        print(page.locator("body").inner_text()[-3000:])
        raise
    return message


def settle(page: Any) -> None:
    """Wait until the script run is over: Streamlit fades stale elements while it runs."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')"
    )
    page.wait_for_timeout(300)
