# What the interop scripts share, sourced by each of them (not run on its own): a virtual
# environment holding exactly a list of pins, and Debian packages installed when missing.
# Nothing here touches the network unless something is missing.

# pins FILE: the pins of a requirements file, one per line, without its comments.
pins() {
    grep -v '^#' "$1" | grep -v '^[[:space:]]*$'
}

# venv DIR PIN...: DIR is a virtual environment holding exactly these pins, re-created from
# PyPI when they change (the pins are kept in DIR/pins to tell).
venv() {
    local dir=$1; shift
    local want; want=$(printf '%s\n' "$@")
    if [ "$(cat "$dir/pins" 2>/dev/null)" != "$want" ]; then
        echo "interop: installing $* into $dir" >&2
        rm -rf "$dir"
        mkdir -p "$(dirname "$dir")"
        "${PYTHON:-python3}" -m venv "$dir"
        "$dir/bin/pip" install --quiet --disable-pip-version-check "$@"
        echo "$want" > "$dir/pins"
    fi
}

# apt_install [--with-recommends] PACKAGE...: installs from Debian the packages that are not
# installed yet; without their recommended packages unless asked (R's would be hundreds of
# megabytes of compilers; Chromium's are its fonts).
apt_install() {
    local recommends=--no-install-recommends
    if [ "${1:-}" = --with-recommends ]; then recommends=; shift; fi
    local missing=() p
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -gt 0 ] || return 0
    echo "interop: apt-get install ${missing[*]}" >&2
    local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo  # root here and in .ci/run; not on hosted runners
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $recommends "${missing[@]}" >/dev/null
}

# free_mib PATH: the MiB free on the file system that holds PATH.
free_mib() {
    df -Pm "$1" | awk 'NR == 2 { print $4 }'
}
