#!/usr/bin/env bash
# The side-by-side benchmark of issue 6, from a fresh clone, in one command:
#
#   bench/run.sh                      # N = 10k and 100k events, 3 rounds each
#   bench/run.sh --big                # also N = 1M (about 40 min more; ~12 GB of disk)
#   bench/run.sh --sizes "100000" --rounds 5 --only "isca validate jsonl,floor parse+schema 2T"
#
# Steps: build isca (release) and the floor probe; install the peers into bench/work/ (git-
# ignored; see install-peers.sh); generate each size with `isca synth` (files, jsonl, and both
# again with 1% of records faulty) plus the peers' layouts (tools/prepare.py); run every
# command once per round, rounds interleaved (tools/runner.py); time the bundled dataset;
# render bench/results/tables.md (tools/report.py). Raw runs: bench/results/*.json.
#
# Options: --sizes LIST, --big, --rounds N, --slow-rounds N (rounds for the peers that take
# minutes at 1M; default: 1 at 1M), --only/--skip NAMES (comma-separated), --no-install,
# --keep-data (do not regenerate data that exists), --no-scale (skip the 100k/1M scale round of
# scale.sh, about 6 minutes and 0.8 GB of disk).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
W="$HERE/work"
SIZES="10000 100000"
ROUNDS=3
SLOW_ROUNDS=""
ONLY=""
SKIP=""
INSTALL=1
SCALE=1
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) SIZES=$2; shift ;;
    --big) SIZES="$SIZES 1000000" ;;
    --rounds) ROUNDS=$2; shift ;;
    --slow-rounds) SLOW_ROUNDS=$2; shift ;;
    --only) ONLY=$2; shift ;;
    --skip) SKIP=$2; shift ;;
    --no-install) INSTALL=0 ;;
    --no-scale) SCALE=0 ;;
    --keep-data) ;;  # the default: data is regenerated only when missing or from another isca
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$W" "$HERE/results"

echo "== building isca (release) and the floor probe"
(cd "$REPO" && cargo build --release --quiet)
ISCA="$REPO/target/release/isca"
(cd "$HERE/floor" && CARGO_TARGET_DIR="$W/target-floor" cargo build --release --quiet)
FLOOR="$W/target-floor/release/isca-floor"
[ $INSTALL = 1 ] && bash "$HERE/install-peers.sh"
PY="$W/venv/bin/python"

# `isca build` lands on main from another branch; time it whenever this isca has it.
HAS_BUILD=0
if "$ISCA" build --help > /dev/null 2>&1; then HAS_BUILD=1; fi
echo "isca build present: $HAS_BUILD"

# Read the tree's state before anything below writes into it: the redirect that follows
# truncates results/versions.txt, a tracked file, and would make every run look dirty.
COMMIT="$(cd "$REPO" && git rev-parse --short HEAD)$(cd "$REPO" && git diff --quiet -- . ':!bench/results' || echo '+dirty')"
RUN_DATE="$(date -u +%FT%TZ)"
{
  echo "date: $RUN_DATE"; echo "uname: $(uname -srm)"; echo "cpus: $(nproc)"
  grep -m1 "model name" /proc/cpuinfo || true
  free -g | sed -n 2p
  echo "isca: $("$ISCA" --version) ($COMMIT)"
  rustc --version
  python3 --version; node --version
  echo "frictionless $("$W/venv/bin/frictionless" --version 2>/dev/null | sed -n 1p)"
  "$W/venv/bin/check-jsonschema" --version
  echo "ajv-cli $(cd "$W/node" && npm ls --depth=0 2>/dev/null | grep -E 'ajv' | tr '\n' ' ')"
  "$W/cargo/bin/jsonschema-cli" --version
  if [ -x "$W/cargo/bin/qsv" ]; then "$W/cargo/bin/qsv" --version | cut -c1-40; else echo "qsv: not installed"; fi
  "$PY" -c "import duckdb, pyarrow; print('duckdb', duckdb.__version__, 'pyarrow', pyarrow.__version__)"
} > "$HERE/results/versions.txt" 2>&1

# The bundled dataset: the real-size case (fixed cost, process start included).
echo "== bundled dataset"
"$PY" "$HERE/tools/runner.py" "$REPO" "$HERE/results/bundled.json" --isca "$ISCA" --bundled --rounds 20 --commit "$COMMIT"

stamp() { "$ISCA" --version; sha256sum "$ISCA" | cut -c1-16; }
for n in $SIZES; do
  d="$W/data/n$n"
  # Regenerate when missing or when the generator may have changed (another isca binary).
  if [ ! -f "$d/.complete" ] || [ "$(cat "$d/.complete")" != "$(cd "$REPO" && git log -1 --format=%H -- src/synth schema)" ]; then
    echo "== generating N=$n into $d"
    rm -rf "$d"; mkdir -p "$d"
    records=$(( n + n / 10 + n / 20 + 300 ))
    k=$(( records / 1000 > 0 ? records / 1000 : 1 ))   # 10 kinds × k ≈ 1% of records
    "$ISCA" synth "$d/files" --events "$n" --layout files
    "$ISCA" synth "$d/jsonl" --events "$n" --layout jsonl
    "$ISCA" synth "$d/files-faulty" --events "$n" --layout files --faults "$k"
    "$ISCA" synth "$d/jsonl-faulty" --events "$n" --layout jsonl --faults "$k"
    "$PY" "$HERE/tools/prepare.py" "$d/jsonl" "$d/peer"
    "$PY" "$HERE/tools/sizes.py" "$d" > "$d/sizes.json"
    (cd "$REPO" && git log -1 --format=%H -- src/synth schema) > "$d/.complete"
  fi
  DP=peer/csv/datapackage.json
  BUILD_FLAG=""
  if [ $HAS_BUILD = 1 ]; then
    # frictionless then validates what isca publishes rather than tools/prepare.py's CSVs.
    rm -rf "$d/out/dist" && "$ISCA" build "$d/jsonl" --out "$d/out/dist" > /dev/null && DP=out/dist/datapackage.json
    BUILD_FLAG="--build"
  fi
  slow=${SLOW_ROUNDS:-$([ "$n" -ge 1000000 ] && echo 1 || echo "$ROUNDS")}
  # One file per record only benchmarks the tool while the folder fits the page cache; this
  # machine's cache holds ~2 GB, and 1M events take 4.5 GB of blocks. Then those rows are run
  # $slow time(s), unwarmed, and RESULTS.md labels them disk-bound.
  DISK=""
  files_kb=$(du -sk "$d/files" | cut -f1)
  cache_kb=$(awk '/^Cached:/ {print $2}' /proc/meminfo)
  if [ "$files_kb" -gt $(( cache_kb > 2000000 ? cache_kb : 2000000 )) ]; then DISK="--files-disk-bound"; fi
  echo "== N=$n: $ROUNDS rounds ($slow for the slowest peers) $DISK"
  "$PY" "$HERE/tools/runner.py" "$d" "$HERE/results/n$n.json" --isca "$ISCA" --floor "$FLOOR" --peers "$W" \
    --datapackage "$DP" $BUILD_FLAG --rounds "$ROUNDS" --slow-rounds "$slow" --commit "$COMMIT" --only "$ONLY" --skip "$SKIP" $DISK
  rm -rf "$d/out"
done

"$PY" "$HERE/tools/report.py" "$HERE/results" > "$HERE/results/tables.md"
# The scale round: validate and build at 100k and 1M JSON Lines, with peak RSS (scale.sh).
if [ $SCALE = 1 ]; then
  echo "== scale round (100k and 1M JSON Lines)"
  ROUNDS=$ROUNDS bash "$HERE/scale.sh" "$ISCA"
fi
echo "tables: $HERE/results/tables.md"
