#!/usr/bin/env bash
# ajv-cli 5 + ajv-formats, --spec=draft2020; --strict=false because our schemas carry x-
# keywords. ajv expands the data glob itself and prints one line per file (discarded).
source "$(dirname "$0")/common.sh"; layout=$1; bin=$2/node/node_modules/.bin/ajv
export NODE_PATH=$2/node/node_modules
for t in $TABLES; do
  case $layout in
    files) $bin validate --spec=draft2020 -c ajv-formats --strict=false -s files/schema/$t.schema.json -d "files/dataset/$t/*.json" 2>/dev/null || exit 1 ;;
    array) $bin validate --spec=draft2020 -c ajv-formats --strict=false -s peer/schemas/$t.array.schema.json -d peer/array/$t.json 2>/dev/null || exit 1 ;;
  esac
done
