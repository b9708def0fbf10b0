#!/usr/bin/env bash
# End-to-end check of `isca lsp` with real LSP clients:
# - headless Neovim (Debian's) opens a faulty record of a copy of the bundled dataset, gets
#   its diagnostics, goes to a definition and clears the fault with an unsaved edit
#   (interop/lsp_neovim.lua);
# - pytest-lsp, announcing the capabilities of Neovim 0.10 and of Emacs (eglot), asserts the
#   diagnostics, a go-to-definition and a rename (interop/lsp_test.py).
#
# Neovim comes from apt-get when missing; pytest-lsp is pinned in interop/lsp-requirements.txt
# and installed from PyPI into a virtual environment under target/interop-lsp/.
set -euo pipefail
cd "$(dirname "$0")/.."

. interop/lib.sh
venv=target/interop-lsp/venv
mapfile -t pinned < <(pins interop/lsp-requirements.txt)
venv "$venv" "${pinned[@]}"

cargo build --release --locked --quiet
export ISCA="$PWD/target/release/isca" ISCA_REPO="$PWD"

command -v nvim >/dev/null || apt_install neovim
nv=$(mktemp -d)
trap 'rm -rf "$nv"' EXIT
cp -r schema dataset "$nv/"
record=dataset/events/evt-2001-03-12-ru-ir-treaty-signed.json
sed -i 's/"pty-irn"/"pty-iran"/' "$nv/$record"
NV_ROOT=$nv NV_FILE=$nv/$record NV_OUT=$nv/out.txt \
    timeout 120 nvim --headless --clean -u NONE -c "luafile interop/lsp_neovim.lua" </dev/null >/dev/null 2>&1 || true
for want in "diagnostic X003 8:5" "definition file://$nv/dataset/parties/pty-rus.json" "cleared after an unsaved edit"; do
    grep -qxF "$want" "$nv/out.txt" 2>/dev/null || {
        echo "interop/lsp: Neovim did not see \"$want\"; it saw: $(cat "$nv/out.txt" 2>/dev/null)" >&2
        exit 1
    }
done
echo "ok: Neovim $(nvim --version | sed -n '1s/^[^ ]* //p'): X003 at 8:5, definition of pty-rus, cleared by an unsaved edit"
set +e
"$venv/bin/python" -m pytest -q -p no:cacheprovider -o asyncio_mode=auto interop/lsp_test.py "$@"
status=$?
set -e
# Exit code 5 means no test ran: a renamed file or a broken collection must not pass.
if [ "$status" -eq 5 ]; then
    echo "interop/lsp: no test was collected" >&2
    exit 1
fi
exit "$status"
