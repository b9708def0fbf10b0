#!/usr/bin/env bash
# Installs the peer tools into a throwaway environment under bench/work/ (git-ignored):
#   bench/work/venv    Python: frictionless, check-jsonschema (+ rfc3986-validator so that
#                      `format: uri` is really checked), duckdb, pyarrow
#   bench/work/node    ajv-cli + ajv-formats (draft 2020-12 needs ajv-formats for `uri`)
#   bench/work/cargo   jsonschema-cli (the CLI of the Rust `jsonschema` crate; ~3 min build)
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
echo "peers installed under $W"
