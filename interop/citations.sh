#!/usr/bin/env bash
# Interop check for citation roles and multilateral parties: builds the bundled dataset
# (release) into a temp folder, or takes an existing dist/, and queries it with DuckDB.
#
#   interop/citations.sh [DIST]
#
# DuckDB is installed from PyPI, at the version pinned in interop/requirements.txt, into a
# throwaway virtual environment under target/interop/ (re-created when the pin changes).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/interop/citations-venv
pin=$(grep -E '^duckdb==' interop/requirements.txt)
if [ "$(cat "$venv/pin" 2>/dev/null)" != "$pin" ]; then
    echo "interop: installing $pin into $venv" >&2
    rm -rf "$venv"
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$pin"
    echo "$pin" > "$venv/pin"
fi

if [ $# -ge 1 ]; then
    dist=$1
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    dist=$work/dist
    cargo run --release --locked --quiet -- build --out "$dist"
fi
exec "$venv/bin/python" interop/citations.py "$dist"
