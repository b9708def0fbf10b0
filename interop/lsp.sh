#!/usr/bin/env bash
# End-to-end check of `isca lsp` with a real LSP client: pytest-lsp, announcing the
# capabilities of Neovim 0.10 and of Emacs (eglot), opens a faulty record of the bundled
# dataset and asserts the diagnostics, a go-to-definition and a rename (interop/lsp_test.py).
#
# pytest-lsp is pinned in interop/lsp-requirements.txt and installed from PyPI into a
# virtual environment under target/interop-lsp/ (re-created when the pins change).
set -euo pipefail
cd "$(dirname "$0")/.."

. interop/lib.sh
venv=target/interop-lsp/venv
mapfile -t pinned < <(pins interop/lsp-requirements.txt)
venv "$venv" "${pinned[@]}"

cargo build --release --locked --quiet
export ISCA="$PWD/target/release/isca" ISCA_REPO="$PWD"
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
