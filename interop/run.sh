#!/usr/bin/env bash
# Interop check: load a published dist/ with real downstream clients (pyarrow, DuckDB, polars,
# frictionless) and check types, row counts, key joins and the Data Package.
#
#   interop/run.sh            build the bundled dataset (release) into a temp folder, check it
#   interop/run.sh DIST [DATASET]   check an existing dist/ (record counts from DATASET if given)
#
# The clients are pinned in interop/requirements.txt and installed from PyPI into a throwaway
# virtual environment under target/interop/ (re-created when the pins change; interop/lib.sh). The checks
# themselves never touch the network.
set -euo pipefail
cd "$(dirname "$0")/.."

. interop/lib.sh
venv=target/interop/venv
mapfile -t pinned < <(pins interop/requirements.txt)
venv "$venv" "${pinned[@]}"

if [ $# -ge 1 ]; then
    dist=$1
    dataset=${2:-}
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    dist=$work/dist
    dataset=dataset
    cargo run --release --locked --quiet -- build --out "$dist"
    # A second JSON Schema implementation must agree with isca that every record is valid.
    "$venv/bin/python" interop/records_schema_check.py .
fi

exec "$venv/bin/python" interop/check.py "$dist" ${dataset:+--dataset "$dataset"}
