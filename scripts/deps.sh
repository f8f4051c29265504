#!/bin/sh
# deps.sh -- install the Debian packages entente needs to build and test, when
# missing.  Used by `make demo`, `make check` and .ci/run.  Needs root (or sudo)
# only when something is missing.
set -e
PKGS="make gcc clang pkg-config libsqlite3-dev zlib1g-dev libzip-dev libssl-dev libcmocka-dev libopenmpi-dev openmpi-bin sqlite3 libclang-rt-14-dev python3 bc python3-pandas python3-venv python3-setuptools r-base-dev r-cran-testthat chromium"
# entente fetch (libcurl) and the reader backends (R data: librdata; its compressions)
PKGS="$PKGS libcurl4-openssl-dev librdata-dev libbz2-dev liblzma-dev libreadstat-dev"
# reader backends: XML and xlsx (libxml2 with libzip), JSON (json-c)
PKGS="$PKGS libxml2-dev libjson-c-dev"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
