#!/usr/bin/env bash
# The website at scale (issue 13): on the synthetic dataset (100k events by default), time
# `isca build --no-site`, `isca build` and `isca site`, and report the site's files: how many,
# how big in all, and the largest one a page loads (a page, or one shard of a search index).
#
#   bench/site.sh [EVENTS]      run once; the figures go into bench/RESULTS.md by hand
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
work=bench/work/site-$events
# ISCA=path runs a binary built earlier instead of building one.
bin=${ISCA:-target/release/isca}
[ -n "${ISCA:-}" ] || cargo build --release --locked --quiet
if [ ! -d "$work/data/dataset" ]; then
    rm -rf "$work" && mkdir -p "$work"
    "$bin" synth "$work/data" --events "$events" --layout jsonl >/dev/null
fi
rm -rf "$work/nosite" "$work/dist" "$work/site"
# Read the input once, untimed, so that every run finds it in the page cache (RESULTS.md).
cat "$work"/data/dataset/*/*.jsonl >/dev/null
run() {
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null
    end=$(date +%s.%N)
    printf '%6.2f s, peak RSS %5d MiB' "$(echo "$end - $start" | bc)" "$(($(cat "$work/rss") / 1024))"
}
echo "isca build --no-site: $(run "$bin" build "$work/data" --out "$work/nosite" --no-site)"
echo "isca build:           $(run "$bin" build "$work/data" --out "$work/dist")"
echo "isca site:            $(run "$bin" site "$work/data" --out "$work/site")"
site=$work/dist/site
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
