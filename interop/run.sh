#!/usr/bin/env bash
# Interop check: load a published dist/ with real downstream clients (pyarrow, DuckDB, polars,
# frictionless) and check types, row counts, key joins and the Data Package.
#
#   interop/run.sh            build the bundled dataset (release) into a temp folder, check it
#   interop/run.sh DIST [DATASET]   check an existing dist/ (record counts from DATASET if given)
#
# The clients are pinned in interop/requirements.txt and installed from PyPI into a throwaway
# virtual environment under target/interop/ (re-created when the pins change). The checks
# themselves never touch the network.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/interop/venv
if ! cmp -s interop/requirements.txt "$venv/requirements.txt" 2>/dev/null; then
    echo "interop: installing $(grep -v '^#' interop/requirements.txt | tr '\n' ' ')into $venv" >&2
    rm -rf "$venv"
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r interop/requirements.txt
    cp interop/requirements.txt "$venv/requirements.txt"
fi

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
