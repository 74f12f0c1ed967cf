#!/bin/sh
# Headless Chromium for the web explorer's end-to-end tests (tests/test_web_*.py).
# Debian's package; Playwright's Python package drives it with executable_path=/usr/bin/chromium,
# so no browser is downloaded.  Called by .ci/run before the test suite.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
/usr/bin/chromium --version
