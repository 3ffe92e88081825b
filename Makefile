# newslab — one entry point for set-up, reports, tests and JupyterLab.
#   make report   set up .venv if needed, then render the notebooks on data/ into reports/
#   make test     set up .venv if needed, then run the test suite
#   make lab      open JupyterLab at the project root (notebooks/, data/, newslab/resources/, reports/)
#                 with the project's kernel; options go through LAB_ARGS, e.g.
#                 make lab LAB_ARGS="--port 8890 --ip 0.0.0.0 --no-browser"   (a classroom server)
#                 make lab LAB_ARGS="--root ~/lessons"   (a copy made by `newslab notebooks copy`)
#   make bench    run every benchmark script (prints figures; reads ../shared/bench when present)
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
READY   = $(VENV)/.newslab-installed
# Optional NLTK data for the optional backends (tests exercise them when the folder exists).
SHARED_NLTK := $(abspath ../shared/nltk_data)
ifneq ($(wildcard $(SHARED_NLTK)),)
  ifeq ($(NLTK_DATA),)
    export NLTK_DATA := $(SHARED_NLTK)
  endif
endif

.PHONY: report test lab bench clean setup

setup: $(READY)

$(READY): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newslab)" >/dev/null
	touch $@

report: $(READY)
	$(BIN)/newslab render --out reports

test: $(READY)
	$(BIN)/python -m pytest

LAB_ARGS ?=

lab: $(READY)
	$(BIN)/python -m newslab.lab $(LAB_ARGS)

bench: $(READY)
	for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf reports .newslab_cache .pytest_cache
