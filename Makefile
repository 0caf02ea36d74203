# The verbs a newcomer needs. Every target creates the environment first when it is missing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false

.PHONY: setup run serve server test lint suites score train evaluate bench docs clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,cluster]'
	touch $@

setup: $(BIN)/.installed          ## create .venv and install the pinned dependencies

run: setup                        ## the whole pipeline on the built-in sample inbox (seeds/inbox)
	$(BIN)/newsclaims run

serve: setup                      ## run the pipeline on a schedule (NEWSCLAIMS_SCHEDULE, default hourly)
	$(BIN)/newsclaims serve

server: setup                     ## a local Prefect server with its UI on http://127.0.0.1:4200
	$(BIN)/prefect server start --host 127.0.0.1 --port 4200

docs: setup                       ## the dbt docs site, one offline file: expectations/uncommitted/dbt_docs/index.html
	@test -f data/newsclaims.duckdb || $(BIN)/newsclaims run
	$(BIN)/newsclaims docs

test: setup                       ## unit and integration tests (Prefect, dbt, GE for real)
	$(BIN)/python -m pytest -p no:cacheprovider

lint: setup
	$(BIN)/ruff check src flows tests expectations benchmarks

suites: setup                     ## regenerate expectations/suites/*.json from newsclaims.quality
	$(BIN)/python expectations/generate_suites.py

score: setup                      ## land ../shared/eval/dev and score it (needs ../shared)
	rm -rf data/dev && mkdir -p data/dev
	$(BIN)/newsclaims run --inbox ../shared/eval/dev/articles --warehouse data/dev/dev.duckdb --report-dir data/dev/report
	ls ../shared/eval/dev/articles > data/dev/articles.txt
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev/gold.jsonl data/dev/dev.duckdb --articles data/dev/articles.txt

train: setup                      ## retrain the learned layer on the develop part of ../shared/eval
	$(BIN)/newsclaims train

evaluate: setup                   ## score the extractor on the develop and check parts of ../shared/eval
	$(BIN)/newsclaims evaluate develop check

bench: setup                      ## benchmarks (read ../shared/corpus when present); 100k articles take ~5 min
	$(BIN)/python benchmarks/bench_noop.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_scale.py --articles 100000

clean:
	rm -rf data expectations/uncommitted dbt/target dbt/logs
