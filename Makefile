# Two entry points, both self-contained on a fresh machine with Python 3.11 and pip:
#   make demo   installs sayso into .venv and analyses the bundled example article
#   make test   installs sayso with its test and ray extras (and Debian's Chromium for the
#               browser tests, when run as root) and runs the whole test suite
#   make weights retrains the shipped cue scorer and content edges on PolNeAR's training
#               split (../shared)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

POLNEAR_TRAIN ?= ../shared/data/polnear/data/train

.PHONY: demo test install install-test browser weights clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,ray]"

demo: install
	$(BIN)/sayso analyze src/sayso/examples/harbour-strike.txt

# Debian's Chromium for the browser tests; skipped (and those tests skip) where apt is unusable.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "warning: could not install chromium; browser tests will skip"; \
	else echo "warning: chromium not installed and not root; browser tests will skip"; fi

test: install-test browser
	$(BIN)/python -m pytest -q

weights: install
	$(BIN)/sayso train $(POLNEAR_TRAIN)

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
