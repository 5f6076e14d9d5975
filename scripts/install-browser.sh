#!/usr/bin/env bash
# Headless Chromium and its WebDriver from Debian's packages, for the browser tests
# (tests/test_web_browser.py). Idempotent: does nothing when both are already installed.
# Needs root (CI and the project's machines run as root); elsewhere it says what to run.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    exit 0
fi
if [[ "$(id -u)" != "0" ]]; then
    echo "install-browser: chromium or chromedriver is missing; as root run:" >&2
    echo "    apt-get install -y chromium chromium-driver" >&2
    echo "(the browser tests are skipped until then)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# The package lists are fetched only when apt does not know the package yet (a fresh machine).
if ! apt-cache show chromium-driver >/dev/null 2>&1; then
    apt-get update -qq
fi
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
echo "install-browser: $(/usr/bin/chromium --version 2>/dev/null || echo chromium installed)" >&2
