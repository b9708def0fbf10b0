#!/usr/bin/env bash
# check-jsonschema (python-jsonschema); rfc3986-validator is installed so `format: uri` is checked.
source "$(dirname "$0")/common.sh"; layout=$1; bin=$2/venv/bin/check-jsonschema
for t in $TABLES; do
  case $layout in
    files) find files/dataset/$t -name '*.json' -print0 | $XARGS $bin -q --schemafile files/schema/$t.schema.json || exit 1 ;;
    array) $bin -q --schemafile peer/schemas/$t.array.schema.json peer/array/$t.json || exit 1 ;;
  esac
done
