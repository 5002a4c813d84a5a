# spanmark: `make serve` to use it, `make test` to check it. Each target installs what it lacks.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
PORT ?= 8080

.PHONY: all setup build serve test lint test-native test-agreement test-wasm test-browser fuzz bench screenshot clean

all: build

setup:
	@tools/setup.sh all

## The release bundle in dist/.
build:
	@tools/setup.sh build
	cargo fetch --locked
	trunk build --release --offline

## Build, then serve dist/ on http://127.0.0.1:$(PORT) (PORT=0 picks a free port).
serve: build
	node tools/serve.mjs --port $(PORT) --dir dist

## Lint, native model tests, the agreement figures against Python's, the release wasm build, then the browser tests in headless Chromium.
test: lint test-native test-agreement build test-wasm test-browser

## Formatting (rustfmt.toml) and clippy with warnings as errors, for the host and for wasm32.
lint:
	@tools/setup.sh target
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --locked

## The agreement figures of generated cases (spanmark's report, `cargo test --test agreement_report`)
## recomputed with scikit-learn's cohen_kappa_score, the krippendorff package and a plain count, to
## 1e-9 (tests/check_agreement.py, in .venv/; docs/agreement.md).
test-agreement:
	@tools/setup.sh python
	.venv/bin/python tests/check_agreement.py

## The importers and the model against millions of damaged files and records (never a panic).
fuzz:
	SPANMARK_FUZZ_CASES=$${CASES:-2000000} cargo test --locked --test never_panic -- --nocapture

## The browser edge's own tests (tests/edge.rs), in headless Chromium through wasm-bindgen-test.
## (Never `cargo test -q` here: the runner refuses --quiet.)
test-wasm:
	@tools/setup.sh browser
	@tools/setup.sh build
	CHROMEDRIVER=$$(command -v chromedriver) CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --locked --target wasm32-unknown-unknown --test edge

## The browser tests on @playwright/test (playwright.config.mjs): two workers in Debian's Chromium
## against dist/; FILTER=words runs the tests whose names contain them; a failed test keeps its trace
## and screenshot in tests/browser/out/. The last line is `N passed, N failed`.
test-browser:
	@tools/setup.sh browser
	@tools/setup.sh build
	@test -f dist/index.html || { echo "no dist/: run make build first" >&2; exit 1; }
	node --test tests/tools/
	node tests/browser/run.mjs

## Speed in headless Chromium: prints a table, writes bench/results.json (BENCH_CASES=10k,100k for fewer).
bench: build
	@tools/setup.sh browser
	node tools/bench.mjs

## A screenshot of the app on the seed article with some spans, in docs/screenshot.png.
screenshot: build
	@tools/setup.sh browser
	SHOT_SCRIPT="$$(cat tools/screenshot-scene.js)" node tools/screenshot.mjs docs/screenshot.png

clean:
	rm -rf dist target/setup-*.log
