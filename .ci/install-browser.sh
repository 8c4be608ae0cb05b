#!/usr/bin/env bash
# Install headless Chromium and its driver (Debian packages) for tests/test_browser.py.
# Idempotent and quiet: does nothing when both are installed; prints apt's log only on failure.
set -euo pipefail

if [ -x /usr/bin/chromium ] && dpkg -s chromium-driver >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
install() { $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >"$log" 2>&1; }
# A stale or missing package list fails the first try; refresh it once and retry.
if ! install; then
  $SUDO apt-get update -qq >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  install || { cat "$log" >&2; exit 1; }
fi
echo "installed $(dpkg-query -W -f='chromium ${Version}' chromium)"
