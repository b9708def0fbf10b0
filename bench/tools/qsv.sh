#!/usr/bin/env bash
# qsv validate, the CSV peer: each CSV table of tools/prepare.py's layout against its row JSON
# Schema (OUT/qsv/), foreign keys by `dynamicEnum`, primary keys by `uniqueCombinedWith`.
# qsv runs on every core. usage (cwd = the size's data folder): qsv.sh PEERS_DIR
set -o pipefail
Q="$1/cargo/bin/qsv"
export QSV_CACHE_DIR="$PWD/peer/.qsv-cache"
for schema in peer/qsv/*.schema.json; do
  t=$(basename "$schema" .schema.json)
  "$Q" validate -q "peer/csv/$t.csv" "$schema" || exit 1
done
