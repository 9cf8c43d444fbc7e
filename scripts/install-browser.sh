#!/usr/bin/env bash
# Chromium and the Noto CJK fonts for the browser tests (tests/browser/), from Debian's packages.
#
# Playwright (requirements-test.txt) drives this Chromium at /usr/bin/chromium; `playwright install`
# is not used, as it downloads a browser build of its own. The fonts make Chinese pages render in
# screenshots as they do on readers' phones instead of as empty boxes.
#
# Does nothing when both are present; otherwise apt-get update, then install (with sudo when not root).
set -euo pipefail

have_chromium() { [[ -x /usr/bin/chromium ]]; }
have_cjk_fonts() { compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc" >/dev/null; }

if have_chromium && have_cjk_fonts; then
    exit 0
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
    sudo=(sudo)
fi

echo "install-browser: installing chromium and fonts-noto-cjk with apt-get" >&2
"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk

have_chromium || { echo "install-browser: /usr/bin/chromium is still missing" >&2; exit 1; }
have_cjk_fonts || { echo "install-browser: the Noto CJK fonts are still missing" >&2; exit 1; }
