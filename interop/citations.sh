#!/usr/bin/env bash
# Interop check for citation roles and multilateral parties: builds the bundled dataset
# (release) into a temp folder, or takes an existing dist/, and queries it with DuckDB.
#
#   interop/citations.sh [DIST]
#
# DuckDB comes from the virtual environment of interop/run.sh (interop/requirements.txt), so
# the two checks install it once.
set -euo pipefail
cd "$(dirname "$0")/.."

. interop/lib.sh
venv=target/interop/venv
mapfile -t pinned < <(pins interop/requirements.txt)
venv "$venv" "${pinned[@]}"

if [ $# -ge 1 ]; then
    dist=$1
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    dist=$work/dist
    cargo run --release --locked --quiet -- build --out "$dist"
fi
exec "$venv/bin/python" interop/citations.py "$dist"
