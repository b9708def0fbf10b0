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

venv() { # venv DIR REQUIREMENTS...: a virtual environment holding exactly these pins
    local dir=$1; shift
    local want; want=$(printf '%s\n' "$@")
    if [ "$(cat "$dir/pins" 2>/dev/null)" != "$want" ]; then
        echo "analyst: installing $* into $dir" >&2
        rm -rf "$dir"
        "${PYTHON:-python3}" -m venv "$dir"
        "$dir/bin/pip" install --quiet --disable-pip-version-check "$@"
        echo "$want" > "$dir/pins"
    fi
}

apt_install() { # apt_install PACKAGE...: from Debian, only when missing
    local missing=()
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "analyst: apt-get install ${missing[*]}" >&2
        local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo  # root here and in .ci/run; not on hosted runners
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

mapfile -t pins < <(grep -v '^#' interop/analyst-requirements.txt)
venv "$base/venv" "${pins[@]}"
venv "$base/cff-venv" cffconvert==2.0.0
apt_install r-base-core r-cran-rsqlite r-cran-dbi
spark=()
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
    echo "skip spark        ISCA_INTEROP_SPARK=0"
fi
# Last: the DuckDB snippet writes isca.duckdb beside dist/.
"$base/venv/bin/python" interop/snippets.py README.md "$work" "${spark[@]}" || status=1
exit $status
