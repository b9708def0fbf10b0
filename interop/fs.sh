#!/usr/bin/env bash
# File-system interop: the published SHA256SUMS (marker included) is checked by the client
# users run, coreutils `sha256sum --check --strict`; and the issue-9 repros are replayed with
# the real shell tools: a home folder holding SHA256SUMS survives `build --out`, a FIFO does
# not hang `validate` (coreutils `timeout`), a link to /proc/self/environ is not echoed.
set -euo pipefail
cd "$(dirname "$0")/.."

# ISCA=path/to/isca runs a given binary (say, a debug build) instead of the release one.
if [ -n "${ISCA:-}" ]; then isca=("$ISCA"); else isca=(cargo run --release --locked --quiet --); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"${isca[@]}" build --out "$work/dist" >/dev/null
(cd "$work/dist" && sha256sum --check --strict --quiet SHA256SUMS)
test -f "$work/dist/.isca-build"
echo "fs: sha256sum --check passes on $(wc -l <"$work/dist/SHA256SUMS") files, marker included"

mkdir -p "$work/h/Documents"
echo work >"$work/h/Documents/thesis.txt"
echo '0000  x.iso' >"$work/h/SHA256SUMS"
before=$(cd "$work/h" && find . -type f -exec sha256sum {} + | sort)
set +e
"${isca[@]}" build --out "$work/h" >/dev/null 2>"$work/err"
code=$?
set -e
after=$(cd "$work/h" && find . -type f -exec sha256sum {} + | sort)
test "$code" -eq 2 || { echo "fs: build --out a home folder exited $code, not 2" >&2; exit 1; }
test "$before" = "$after" || { echo "fs: build --out changed a folder it did not create" >&2; exit 1; }
echo "fs: build --out a folder holding SHA256SUMS is refused (exit 2), every byte kept"

root="$work/root"
mkdir -p "$root"
cp -r schema dataset "$root/"
mkfifo "$root/dataset/events/evt-fifo.json"
ln -s /proc/self/environ "$root/dataset/events/evt-env.json"
set +e
ISCA_FS_SECRET=hunter2-fs-interop timeout 60 "${isca[@]}" validate "$root" >"$work/out" 2>&1
code=$?
set -e
test "$code" -eq 1 || { echo "fs: validate with a FIFO and a link exited $code, not 1" >&2; cat "$work/out" >&2; exit 1; }
if grep -q hunter2-fs-interop "$work/out"; then echo "fs: the environment leaked into the report" >&2; exit 1; fi
grep -q 'error\[L011\]' "$work/out" && grep -q 'error\[L012\]' "$work/out"
echo "fs: a FIFO and a link to /proc/self/environ are reported (L012, L011), nothing echoed, no hang"

# Real kills: `isca build` of a synthetic root (site included) killed with SIGKILL at growing
# delays, so that some kills land while files are written and some near the swap. After each,
# the output folder is whole (the old build or the new one, as sha256sum says); the next
# build removes every staging folder the killed ones left.
synth="$work/synth"
"${isca[@]}" synth --events 5000 "$synth" >/dev/null
"${isca[@]}" build "$synth" --out "$work/out-k" >/dev/null
bin=$(command -v "${isca[0]}" || true)
[ "${isca[0]}" = cargo ] && bin=target/release/isca
kills=0
for delay in 0.02 0.05 0.1 0.2 0.3 0.5 0.7 1.0 1.5 2.0; do
    "$bin" build "$synth" --out "$work/out-k" >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null || true
    # 137 is death by SIGKILL; a build that had already finished exits 0 (a zombie ignores it).
    status=0
    wait "$pid" 2>/dev/null || status=$?
    [ "$status" -ne 137 ] || kills=$((kills + 1))
    (cd "$work/out-k" && sha256sum --check --strict --quiet SHA256SUMS) \
        || { echo "fs: after a kill at ${delay}s the output is not whole" >&2; exit 1; }
done
# Most kills must land inside a build, or the check above proved nothing.
test "$kills" -ge 5 || { echo "fs: only $kills of 10 builds were still running when killed" >&2; exit 1; }
stale=$(find "$work" -maxdepth 1 -name '.out-k-staging-*' | wc -l)
"$bin" build "$synth" --out "$work/out-k" >/dev/null
(cd "$work/out-k" && sha256sum --check --strict --quiet SHA256SUMS)
left=$(find "$work" -maxdepth 1 -name '.out-k-staging-*' | wc -l)
test "$left" -eq 0 || { echo "fs: $left staging folders left after the next build:" >&2; find "$work" -maxdepth 3 -path "*staging*" -exec ls -ld {} + >&2; exit 1; }
echo "fs: $kills builds killed with SIGKILL mid-run: the output stayed whole each time; each build removed the staging folders of the kill before it ($stale left by the last, then none)"
