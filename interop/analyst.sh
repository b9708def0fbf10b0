#!/usr/bin/env bash
# Analysts' interop check: load a published dist/ with the clients analysts run — SQLite, R
# (Debian's r-cran-rsqlite), Datasette, the DuckDB CLI with duckdb/load.sql, mlcroissant, Spark
# — validate CITATION.cff with cffconvert, and run every README snippet marked `interop:`.
#
#   interop/analyst.sh          build the bundled dataset (release binary) into a temp folder
#   interop/analyst.sh DIST     check an existing dist/ (the README snippets need it named dist)
#
# Installs what is missing: Python clients pinned in interop/analyst-requirements.txt into
# target/analyst/venv, cffconvert into its own venv (it pins jsonschema < 4), pyspark into a
# third, and R and Java from Debian with apt-get. ISCA_INTEROP_SPARK=0 skips Spark (the largest
# install, ~0.5 GB and a minute of JVM). The checks themselves never touch the network: the one
# server they start listens on 127.0.0.1 and is stopped by its own process id.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
base=target/analyst

. interop/lib.sh

mapfile -t pinned < <(pins interop/analyst-requirements.txt)
venv "$base/venv" "${pinned[@]}"
venv "$base/cff-venv" cffconvert==2.0.0
apt_install r-base-core r-cran-rsqlite r-cran-dbi
spark=()
spark_skip="ISCA_INTEROP_SPARK=0"
# Spark with its JVM is ~1 GB on disk; on a disk that cannot hold it, the check says so and
# is skipped, rather than failing everything after it for want of space.
if [ "${ISCA_INTEROP_SPARK:-1}" != 0 ] && [ ! -x "$base/spark-venv/bin/python" ] \
    && [ "$(free_mib .)" -lt 2048 ]; then
    spark_skip="only $(free_mib .) MiB free on disk, Spark needs about 1 GiB"
    ISCA_INTEROP_SPARK=0
fi
if [ "${ISCA_INTEROP_SPARK:-1}" != 0 ]; then
    command -v java >/dev/null || apt_install openjdk-17-jre-headless
    venv "$base/spark-venv" pyspark==4.3.0 pyarrow==26.0.1
    spark=(--spark "$root/$base/spark-venv/bin/python")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ]; then
    cp -r "$1" "$work/dist"
else
    cargo run --release --locked --quiet -- build --out "$work/dist"
fi
dist=$work/dist

status=0
"$base/cff-venv/bin/cffconvert" --validate -i CITATION.cff >/dev/null \
    && echo "ok   citation     CITATION.cff is valid (cffconvert 2.0.0)" \
    || { echo "FAIL citation: cffconvert --validate"; status=1; }
"$base/venv/bin/python" interop/analyst.py "$dist" || status=1
Rscript interop/analyst.R "$dist" || status=1
if [ ${#spark[@]} -gt 0 ]; then
    "$base/spark-venv/bin/python" interop/spark_check.py "$dist" 2>/dev/null || status=1
else
    echo "skip spark        $spark_skip"
fi
# Last: the DuckDB snippet writes isca.duckdb beside dist/.
"$base/venv/bin/python" interop/snippets.py README.md "$work" "${spark[@]}" || status=1
exit $status
