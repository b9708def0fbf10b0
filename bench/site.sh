#!/usr/bin/env bash
# The website at scale (issue 13): on the synthetic dataset (100k events by default), time
# `isca build --no-site`, `isca build` and `isca site`, and report the site's files: how many,
# how big in all, and the largest one a page loads (a page, or one shard of a search index).
#
#   ROUNDS=3 bench/site.sh [EVENTS]   the figures go into bench/RESULTS.md by hand
#   OUT=/dev/shm/isca-site ...         write the outputs there (a tmpfs: see below)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
work=bench/work/site-$events
# Where the outputs go. On this machine's ext4 (no journal, online discard), creating files for
# minutes after a mass delete walks every recently deleted inode under the directory's lock
# (`recently_deleted`, `find_inode_bit` and `rwsem_spin_on_owner` take 30-40% of the samples)
# and a round takes up to twice as long; a tmpfs measures the program without that (RESULTS.md).
out=${OUT:-$work}
mkdir -p "$out"
# ISCA=path runs a binary built earlier instead of building one.
bin=${ISCA:-target/release/isca}
[ -n "${ISCA:-}" ] || cargo build --release --locked --quiet
if [ ! -d "$work/data/dataset" ]; then
    rm -rf "$work" && mkdir -p "$work"
    "$bin" synth "$work/data" --events "$events" --layout jsonl >/dev/null
fi
# Read the input once, untimed, so that every run finds it in the page cache (RESULTS.md).
cat "$work"/data/dataset/*/*.jsonl >/dev/null
# One round: wall, user and sys seconds and peak RSS of each command, on one line per command.
run() {
    local label=$1; shift
    # Every command starts with nothing dirty in the page cache: without this, the gigabytes the
    # previous rounds wrote are still being written back, and a later round pays for them.
    sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null
    read -r wall user sys rss <"$work/time"
    cpu=$(echo "$user + $sys" | bc)
    printf '%-22s %6.2f s wall, %6.2f s user + sys, peak RSS %5d MiB\n' "$label" "$wall" "$cpu" "$((rss / 1024))"
    echo "$label $wall $cpu" >>"$work/rounds"
}
rounds=${ROUNDS:-1}
: >"$work/rounds"
# Outputs are moved aside and deleted after the last round, never just before a timed command:
# on ext4 without a journal (this machine's), creating files skips every inode deleted in the
# last minutes one by one, and a site written right after `rm -rf` of another took 5x the
# system time (RESULTS.md).
trash=$out/trash
mkdir -p "$trash"
for round in $(seq "$rounds"); do
    echo "round $round of $rounds"
    for old in nosite dist site; do
        [ ! -e "$out/$old" ] || mv "$out/$old" "$trash/$old-$round-$$"
    done
    run "build --no-site" "$bin" build "$work/data" --out "$out/nosite" --no-site
    run "build" "$bin" build "$work/data" --out "$out/dist"
    run "site" "$bin" site "$work/data" --out "$out/site"
done
# The site's share: (build - build --no-site) / build --no-site, per round, wall and CPU.
awk '$1 == "build" && $2 == "--no-site" { nw[++i] = $3; nc[i] = $4 }
     $1 == "build" && $2 != "--no-site" { bw[++j] = $2; bc[j] = $3 }
     END {
       for (k = 1; k <= i; k++) {
         w = (bw[k] - nw[k]) / nw[k]; c = (bc[k] - nc[k]) / nc[k]
         if (k == 1 || w < wmin) wmin = w; if (k == 1 || w > wmax) wmax = w
         if (k == 1 || c < cmin) cmin = c; if (k == 1 || c > cmax) cmax = c
       }
       printf "the site / the rest of the build: wall %.2f-%.2f, CPU %.2f-%.2f (%d rounds)\n", wmin, wmax, cmin, cmax, i
     }' "$work/rounds"
rm -rf "$trash"
site=$out/dist/site
echo "site files: $(find "$site" -type f | wc -l), $(du -sm --apparent-size "$site" | cut -f1) MB"
echo "largest files:"
find "$site" -type f -printf '%s %P\n' | sort -rn | awk 'NR<=5 {printf "  %8.1f kB  %s\n", $1/1024, $2}'
echo "largest record page: $(find "$site" -type f -name '*-*.html' ! -name 'page-*' -printf '%s %P\n' | sort -rn | sed -n 1p)"
echo "search index per table (shards, total):"
for t in "$site"/*/; do
    n=$(find "$t" -name 'search-*.js' | wc -l)
    [ "$n" -gt 0 ] && printf '  %-18s %3d shards, %6.1f MB\n' "$(basename "$t")" "$n" \
        "$(find "$t" -name 'search-*.js' -printf '%s\n' | awk '{s+=$1} END {print s/1048576}')"
done
