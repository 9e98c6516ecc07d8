"""Screenshots of the running app: always to tests/artifacts/, for the README on request.

With ``KONZEPTLOTSE_UPDATE_SCREENSHOTS=1`` (``make screenshots``) the README's screenshots
(``readme=True``, taken over the shipped documents by ``test_readme_screenshots.py``) are also
written to docs/screenshots/, quantised to a 256-colour palette so they stay small enough to
commit.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
DOCS = ROOT / "docs" / "screenshots"


def save_screenshot(page: Any, name: str, readme: bool = False) -> list[Path]:
    """Capture the viewport as ``<name>.png``; returns the files written."""
    from PIL import Image

    image = Image.open(io.BytesIO(page.screenshot(type="png"))).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    targets = [ARTIFACTS / f"{name}.png"]
    if readme and os.environ.get("KONZEPTLOTSE_UPDATE_SCREENSHOTS") == "1":
        targets.append(DOCS / f"{name}.png")
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        small.save(target, format="PNG", optimize=True)
    return targets
