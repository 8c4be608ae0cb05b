#!/bin/sh
# Install the Virtuoso server for tests/test_remote_virtuoso.py. Idempotent and quiet:
# does nothing when virtuoso-t is already on PATH.
set -eu
if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
        echo "install-virtuoso: need root (or sudo) to apt-get install virtuoso-opensource-7-bin" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null 2>&1; then
    $SUDO apt-get update -qq >/dev/null
    $SUDO apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null
fi
command -v virtuoso-t >/dev/null 2>&1
