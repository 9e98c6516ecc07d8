"""Start the Streamlit server with the upload guard in place before the first session.

``python -m ui.serve FLAGS...`` is ``streamlit run ui/app.py FLAGS...`` with
``ui.upload_guard.install()`` applied first, so no session can upload before the app's own
script has run once. ``konzeptlotse ui`` and the browser tests start the app this way.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]

APP = Path(__file__).with_name("app.py")


def main(flags: Sequence[str] | None = None) -> None:
    """Run the app with ``flags`` (default: the command line)."""
    from streamlit.web import cli

    from ui import upload_guard

    upload_guard.install()
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if flags is None else flags)]
    cli.main()


if __name__ == "__main__":
    main()
