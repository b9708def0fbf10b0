#!/usr/bin/env bash
# jsonschema-cli (the Rust jsonschema crate's CLI): draft 2020-12, formats asserted.
source "$(dirname "$0")/common.sh"; layout=$1; bin=$2/cargo/bin/jsonschema-cli
for t in $TABLES; do
  case $layout in
    files) find files/dataset/$t -name '*.json' -print0 | $XARGS $bin validate --assert-format -d 2020 --errors-only files/schema/$t.schema.json -i || exit 1 ;;
    array) $bin validate --assert-format -d 2020 --errors-only peer/schemas/$t.array.schema.json -i peer/array/$t.json || exit 1 ;;
  esac
done
