#!/usr/bin/env bash
# Installs what spanmark's build and tests need, skipping whatever is already there.
#   tools/setup.sh target    the wasm32 target, rustfmt and clippy (for make lint)
#   tools/setup.sh build     wasm32 target, Trunk, wasm-bindgen-cli (at Cargo.lock's version), npm packages
#   tools/setup.sh browser   Debian's Chromium and ChromeDriver (apt-get, as root), and spaCy (pip)
#   tools/setup.sh python    .venv/ with scikit-learn and krippendorff, pinned (tests/check_agreement.py)
# Only package registries are used: crates.io, npm, PyPI, Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for c in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$c"; then
      say "adding the $c component"
      rustup component add "$c"
    fi
  done
}

setup_build() {
  setup_target
  local wb
  wb=$(wasm_bindgen_version)
  [ -n "$wb" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
  local need_trunk="" need_wb=""
  trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$" || need_trunk=1
  wasm-bindgen --version 2>/dev/null | grep -q " $wb\$" || need_wb=1
  # The two compile at once (~12 min on 2 cores on a new machine); logs go to target/setup-*.log.
  mkdir -p target
  local pids=()
  if [ -n "$need_trunk" ]; then
    say "installing trunk $TRUNK_VERSION (cargo install, several minutes)"
    cargo install trunk --locked --no-default-features --version "$TRUNK_VERSION" >target/setup-trunk.log 2>&1 &
    pids+=("$!:trunk")
  fi
  if [ -n "$need_wb" ]; then
    # --locked fails on this crate (a missing webpki-roots), so it resolves fresh.
    say "installing wasm-bindgen-cli $wb (cargo install, several minutes)"
    cargo install wasm-bindgen-cli --version "$wb" >target/setup-wasm-bindgen.log 2>&1 &
    pids+=("$!:wasm-bindgen")
  fi
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright-core ] \
    || ! cmp -s package-lock.json node_modules/.package-lock.json.copy; then
    say "installing npm packages (binaryen for wasm-opt, terser for the JS glue, @playwright/test and playwright-core)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.package-lock.json.copy
  fi
  local failed=""
  for entry in "${pids[@]}"; do
    if ! wait "${entry%%:*}"; then
      echo "setup: installing ${entry#*:} failed; the end of target/setup-${entry#*:}.log:" >&2
      tail -n 30 "target/setup-${entry#*:}.log" >&2
      failed=1
    fi
  done
  [ -z "$failed" ] || exit 1
}

setup_browser() {
  if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null && fc-list 2>/dev/null | grep -qi liberation; then
    return
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "setup: Chromium is missing. Install it with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation" >&2
    exit 1
  fi
  say "installing Chromium, ChromeDriver and fonts (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver fonts-liberation >/dev/null
}

# spaCy, for the test that loads spanmark's spaCy export with spaCy itself; regex, whose \X
# counts doccano's grapheme offsets in the export cross-check.
setup_python() {
  if python3 -c 'import spacy, regex, jsonschema' 2>/dev/null; then
    return
  fi
  say "installing spaCy, regex and jsonschema for the export cross-checks (pip)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r tests/requirements.txt
}

# A virtual environment in .venv/ (gitignored) for the agreement check: scikit-learn's Cohen's
# kappa, the krippendorff package and jsonschema (the report against its schema), at the versions in tests/agreement-requirements.txt.
setup_venv() {
  if .venv/bin/python -c 'import sklearn, krippendorff, jsonschema' 2>/dev/null \
    && cmp -s tests/agreement-requirements.txt .venv/requirements.copy; then
    return
  fi
  say "making .venv with scikit-learn, krippendorff and jsonschema for the agreement check (pip)"
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r tests/agreement-requirements.txt
  cp tests/agreement-requirements.txt .venv/requirements.copy
}

case "${1:-build}" in
  target) setup_target ;;
  build) setup_build ;;
  browser) setup_browser; setup_python ;;
  python) setup_venv ;;
  all) setup_build; setup_browser; setup_python; setup_venv ;;
  *) echo "usage: tools/setup.sh target|build|browser|python|all" >&2; exit 2 ;;
esac
