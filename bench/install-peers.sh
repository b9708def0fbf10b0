#!/usr/bin/env bash
# Installs the peer tools into a throwaway environment under bench/work/ (git-ignored):
#   bench/work/venv    Python: frictionless, check-jsonschema (+ rfc3986-validator so that
#                      `format: uri` is really checked), duckdb, pyarrow
#   bench/work/node    ajv-cli + ajv-formats (draft 2020-12 needs ajv-formats for `uri`)
#   bench/work/cargo   jsonschema-cli (the CLI of the Rust `jsonschema` crate; ~3 min build)
#                      and qsv 16.1.0 (`qsv validate`; ~15 min build on 2 cores, patched: below)
# Idempotent: a tool already installed is left alone. Versions are the ones of the anchors in
# perf-anchors.md where that still resolves.
set -euo pipefail
W="$(cd "$(dirname "$0")" && pwd)/work"
mkdir -p "$W"

if [ ! -x "$W/venv/bin/frictionless" ]; then
  python3 -m venv "$W/venv"
  "$W/venv/bin/pip" install -q --upgrade pip
  "$W/venv/bin/pip" install -q "frictionless==5.21.0" "check-jsonschema==0.39.0" rfc3986-validator \
    "duckdb==2.0.0" "pyarrow==26.0.1" || \
  "$W/venv/bin/pip" install -q frictionless check-jsonschema rfc3986-validator duckdb pyarrow
fi

if [ ! -x "$W/node/node_modules/.bin/ajv" ]; then
  mkdir -p "$W/node"
  (cd "$W/node" && npm init -y >/dev/null && npm install -s "ajv-cli@5.0.0" "ajv-formats@3.0.1" >/dev/null)
fi

if [ ! -x "$W/cargo/bin/jsonschema-cli" ]; then
  cargo install -q jsonschema-cli --version 0.60.2 --locked --root "$W/cargo" || \
  cargo install -q jsonschema-cli --locked --root "$W/cargo"
fi
# qsv 16.1.0 as published does not compile: src/cmd/json.rs calls
# Json2Csv::preserve_key_order, which the published json-objects-to-csv 0.1.3 lacks (upstream
# builds against a patched fork). That one call only matters to `qsv json`, not to
# `qsv validate`, so the copy built here drops it. `feature_capable` is the least the `qsv`
# binary builds with (`qsvlite` has no `validate`). ISCA_BENCH_NO_QSV=1 skips it; the runner
# then leaves the qsv row out.
if [ ! -x "$W/cargo/bin/qsv" ] && [ "${ISCA_BENCH_NO_QSV:-0}" != 1 ]; then
  src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/qsv-16.1.0 2>/dev/null | head -1 || true)
  if [ -z "$src" ]; then
    cargo info -q qsv@16.1.0 > /dev/null   # downloads the crate's source into the registry
    src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/qsv-16.1.0 | head -1)
  fi
  tmp=$(mktemp -d)
  cp -r "$src" "$tmp/qsv"
  sed -i '/\.preserve_key_order(true)/d' "$tmp/qsv/src/cmd/json.rs"
  if grep -q preserve_key_order "$tmp/qsv/src/cmd/json.rs"; then
    echo "qsv patch did not apply" >&2; exit 1
  fi
  CARGO_TARGET_DIR="$W/target-qsv" cargo install -q --path "$tmp/qsv" --locked \
    --features feature_capable --bin qsv --root "$W/cargo"
  rm -rf "$tmp" "$W/target-qsv"
fi
echo "peers installed under $W"
