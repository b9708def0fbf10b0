#!/usr/bin/env bash
# Browser check of the website (issue 13): builds the bundled dataset's site and the escaping
# corpus's site, then opens them in Debian's headless Chromium driven by Playwright for Python
# (interop/site_check.py). Never downloads a browser: Chromium comes from apt, Playwright from
# PyPI (its driver only), axe-core from the npm registry, all into target/site-check/.
#
#   interop/site.sh    screenshots of each kind of page go to target/site-shots/
#   ISCA=path interop/site.sh    the same with a binary built earlier
set -euo pipefail
cd "$(dirname "$0")/.."

work=target/site-check
playwright=1.49.1
axe=4.10.2

. interop/lib.sh
[ -x /usr/bin/chromium ] || apt_install --with-recommends chromium
venv "$work/venv" "playwright==$playwright"
if [ ! -f "$work/axe-$axe/axe.min.js" ]; then
    echo "site: fetching axe-core $axe from npm" >&2
    rm -rf "$work/axe-$axe" && mkdir -p "$work/axe-$axe"
    (cd "$work/axe-$axe" && npm pack --silent "axe-core@$axe" >/dev/null && tar xzf "axe-core-$axe.tgz" \
        && mv package/axe.min.js . && rm -rf package "axe-core-$axe.tgz")
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# ISCA=path checks a binary built earlier instead of building one.
isca=${ISCA:-target/release/isca}
[ -n "${ISCA:-}" ] || cargo build --release --locked --quiet
"$isca" build --out "$tmp/dist" >/dev/null
mkdir -p "$tmp/escaping" && cp -r schema "$tmp/escaping/" && cp -r tests/fixtures/site-escaping/dataset "$tmp/escaping/"
"$isca" site "$tmp/escaping" --out "$tmp/escaping-site" >/dev/null

rm -rf target/site-shots
"$work/venv/bin/python" interop/site_check.py "$tmp/dist/site" dataset --axe "$work/axe-$axe/axe.min.js" \
    --shots target/site-shots
"$work/venv/bin/python" interop/site_check.py "$tmp/escaping-site" "$tmp/escaping/dataset" --escaping
echo "site: browser checks passed; screenshots in target/site-shots/"
