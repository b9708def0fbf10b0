#!/usr/bin/env bash
# The scale round of the standard benchmark (issue 11): `isca validate` and `isca build
# --no-site` on 100k and on 1M events (JSON Lines), alternating, ROUNDS rounds, with peak RSS.
# Prints a Markdown table into bench/results/scale.md: wall and CPU per record at each size,
# their 1M ÷ 100k ratios per round (min–max), and peak RSS ÷ the JSONL size.
#
#   bench/scale.sh [ISCA]            # ISCA defaults to target/release/isca
#   ROUNDS=5 bench/scale.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
ISCA="${1:-$REPO/target/release/isca}"
ROUNDS="${ROUNDS:-3}"
W="$HERE/work/scale"
mkdir -p "$W" "$HERE/results"
for n in 100000 1000000; do
  if [ ! -f "$W/n$n/faults.json" ]; then
    rm -rf "$W/n$n"
    "$ISCA" synth "$W/n$n" --events "$n" --layout jsonl > /dev/null
  fi
done
COMMIT="$(cd "$REPO" && git rev-parse --short HEAD)$(cd "$REPO" && git diff --quiet -- . ':!bench/results' || echo '+dirty')"
RAW="$W/runs.tsv"
: > "$RAW"
for r in $(seq "$ROUNDS"); do
  for n in 100000 1000000; do
    for cmd in validate build; do
      rm -rf "$W/out"
      args=(validate "$W/n$n")
      [ "$cmd" = build ] && args=(build "$W/n$n" --no-site --out "$W/out")
      # Read the input once, untimed, so the page cache holds it (see RESULTS.md).
      cat "$W/n$n"/dataset/*/*.jsonl > /dev/null
      /usr/bin/time -f "%e %U %S %M" -o "$W/time.txt" "$ISCA" "${args[@]}" > /dev/null
      echo "$r $n $cmd $(cat "$W/time.txt")" >> "$RAW"
      echo "round $r: $cmd $n: $(cat "$W/time.txt")"
    done
  done
done
rm -rf "$W/out"
python3 - "$RAW" "$W" "$COMMIT" > "$HERE/results/scale.md" <<'EOF'
import json, os, statistics, sys
raw, w, commit = sys.argv[1:4]
runs = [l.split() for l in open(raw)]
def size(n):
    d = os.path.join(w, f"n{n}", "dataset")
    b = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(d) for f in fs if f.endswith(".jsonl"))
    recs = sum(json.load(open(os.path.join(w, f"n{n}", "faults.json")))["records"].values())
    return b, recs
sizes = {n: size(n) for n in ("100000", "1000000")}
def span(xs):
    return f"{statistics.median(xs):.2f} ({min(xs):.2f}–{max(xs):.2f})"
print(f"Scale round: commit {commit}, {len({r[0] for r in runs})} rounds, JSON Lines.\n")
print("| command | size | wall s | CPU s (user+sys) | µs CPU / record | peak RSS MiB | RSS ÷ JSONL |")
print("|---|---|---|---|---|---|---|")
per = {}
for cmd in ("validate", "build"):
    for n in ("100000", "1000000"):
        rows = [r for r in runs if r[1] == n and r[2] == cmd]
        b, recs = sizes[n]
        wall = [float(r[3]) for r in rows]
        cpu = [float(r[4]) + float(r[5]) for r in rows]
        rss = [int(r[6]) / 1024 for r in rows]
        per[(cmd, n)] = {r[0]: (float(r[3]) / recs, (float(r[4]) + float(r[5])) / recs) for r in rows}
        print(f"| `isca {cmd}` | {n} | {span(wall)} | {span(cpu)} | {statistics.median(cpu) / recs * 1e6:.1f} "
              f"| {max(rss):,.0f} | {max(rss) / (b / 1048576):.2f}× |")
print("\nPer record, 1M ÷ 100k in the same round (median (min–max) over rounds):\n")
for cmd in ("validate", "build"):
    a, z = per[(cmd, "100000")], per[(cmd, "1000000")]
    rounds = sorted(set(a) & set(z))
    print(f"- `isca {cmd}`: wall {span([z[r][0] / a[r][0] for r in rounds])}, "
          f"CPU {span([z[r][1] / a[r][1] for r in rounds])}")
EOF
cat "$HERE/results/scale.md"
