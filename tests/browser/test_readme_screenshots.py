"""The README's screenshots, taken over the documents that ship with the project.

A new installation shows corpus/documents, so the README does too (not the test corpus of the
other browser tests). ``make screenshots`` runs this module with
``KONZEPTLOTSE_UPDATE_SCREENSHOTS=1`` and writes docs/screenshots/chat.png, originalseite.png
and admin.png; in ``make test-browser`` it checks that the pictured steps still work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from ui import texts

from .conftest import PASSWORD, RunningApp
from .screens import save_screenshot
from .steps import VIEWPORT, ask, settle

pytestmark = pytest.mark.browser

QUESTION = "Wer führt in Haldenberg die Erstberatung durch?"
TALL = {"width": 1280, "height": 1300}
WHOLE_ANSWER = {"width": 1280, "height": 1750}
WIDE = {"width": 1600, "height": 900}


@pytest.fixture(scope="module")
def page(shipped_app: RunningApp, browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


def test_chat_and_original_page_over_the_shipped_documents(
    page: Any, shipped_app: RunningApp
) -> None:
    page.goto(shipped_app.url)
    page.get_by_text(texts.WELCOME_HEADING).wait_for()
    answer = ask(page, QUESTION)
    text = answer.inner_text()
    assert "Haldenberg" in text and "Werktage" in text
    page.set_viewport_size(WHOLE_ANSWER)  # question, answer, note and sources in one picture
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.mouse.move(5, 5)  # no tooltip in the screenshot
    settle(page)
    save_screenshot(page, "chat", readme=True)

    page.set_viewport_size(TALL)  # the whole PDF page with its marked passage
    answer.get_by_role("button", name=texts.OPEN_PAGE).first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("img", name=re.compile("Seite \\d+ des Dokuments")).wait_for()
    dialog.get_by_text(texts.PAGE_MARKED).wait_for()
    settle(page)
    save_screenshot(page, "originalseite", readme=True)
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    page.set_viewport_size(VIEWPORT)


def test_admin_document_list_of_the_shipped_documents(page: Any, shipped_app: RunningApp) -> None:
    page.set_viewport_size(WIDE)  # the table with its notes column
    page.goto(shipped_app.url)
    page.get_by_role("link", name=texts.NAV_ADMIN).click()
    page.get_by_label(texts.LOGIN_PASSWORD).fill(PASSWORD)
    page.get_by_role("button", name=texts.LOGIN_SUBMIT).click()
    page.get_by_text(texts.DELETE_HEADING).wait_for()
    settle(page)
    table = page.locator('[data-testid="stDataFrame"]').first
    table.wait_for()
    assert page.get_by_text(re.compile(r"7 eingelesen")).count() == 1
    page.mouse.move(5, 5)
    save_screenshot(page, "admin", readme=True)
