"""German for the few texts Streamlit's frontend writes itself, Escape for dialogs, link colour.

Streamlit renders some labels and accessible names in English ("Close", "Browse files",
"50MB per file • PDF"), with no option to change them. A small script, run once per page
load, rewrites exactly those strings (taken from ``ui.texts``) whenever they appear, and lets
Escape close an open dialog. It touches no content of the app.
"""

from __future__ import annotations

import json

import streamlit as st

from . import texts

__all__ = ["install"]

_SCRIPT = """
<style>
/* Links Streamlit's Markdown makes from e-mail addresses in quotes: WCAG AA contrast. */
[data-testid="stMarkdownContainer"] a { color: #00152e !important; text-decoration: underline; }
</style>
<script>
(() => {
  if (window.__konzeptlotseDe) return;
  window.__konzeptlotseDe = true;
  const text = %(text)s, aria = %(aria)s, patterns = %(patterns)s;
  const rewrite = (value) => {
    if (value in text) return text[value];
    for (const [pattern, replacement] of patterns) {
      const re = new RegExp(pattern);
      if (re.test(value)) return value.replace(re, replacement);
    }
    return null;
  };
  const fix = () => {
    for (const el of document.querySelectorAll("[aria-label],[title],[placeholder]")) {
      for (const name of ["aria-label", "title", "placeholder"]) {
        const value = el.getAttribute(name);
        const german = value && (aria[value] || rewrite(value));
        if (german && german !== value) el.setAttribute(name, german);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue.trim();
      if (!value || value.length > 120) continue;
      const german = rewrite(value);
      if (german && german !== value) node.nodeValue = node.nodeValue.replace(value, german);
    }
  };
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; fix(); });
  }).observe(document.body, {subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ["aria-label", "title", "placeholder"]});
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const dialog = document.querySelector("[role='dialog']");
    const close = dialog && dialog.querySelector("button[aria-label='%(close)s']");
    if (close) close.click();
  });
  fix();
})();
</script>
"""


def install() -> None:
    """Add the script to the page (it runs once per browser tab)."""
    script = _SCRIPT % {
        "text": json.dumps(texts.DOM_TEXT, ensure_ascii=False),
        "aria": json.dumps(texts.DOM_ARIA, ensure_ascii=False),
        "patterns": json.dumps(texts.DOM_PATTERNS, ensure_ascii=False),
        "close": texts.DOM_ARIA["Close"],
    }
    with st.sidebar:
        st.html(script, unsafe_allow_javascript=True, width="content")
