"""Browser tests: the real app in headless Chromium (``make test-browser``)."""
