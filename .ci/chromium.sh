# Headless Chromium for the web explorer's end-to-end tests (tests/test_web_*.py).
# Debian's package; Playwright's Python package drives it with executable_path=/usr/bin/chromium,
# so no browser is downloaded.  .ci/run sources this file (so: no `exit`, no `set`); it can also
# be run on its own with `sh .ci/chromium.sh`.
if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then
        sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
    else
        apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
    fi
fi
/usr/bin/chromium --version
