#!/usr/bin/env bash
# The one list of what wiall needs on Debian 12. README, `make demo` and .ci/run
# all call this script, so a package installed by hand cannot hide a missing step.
# Usage: scripts/install-deps.sh [--test]   (--test adds what `make check` needs)
set -eu
runtime="build-essential pkg-config sqlite3 libsqlite3-dev libjansson-dev \
libmicrohttpd-dev libsodium-dev gettext"
testing="libcmocka-dev clang libclang-rt-14-dev valgrind libxml2-utils \
chromium wrk nginx-light hyperfine curl time python3"
want="$runtime"
[ "${1:-}" = "--test" ] && want="$runtime $testing"
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
# Node.js (with npm) may come from Debian or from NodeSource: ask for the command.
[ "${1:-}" = "--test" ] && ! command -v npm >/dev/null 2>&1 && missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq $missing >&2
