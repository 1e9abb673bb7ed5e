#!/usr/bin/env bash
# Installs what the browser tests (pytest -m browser) need, idempotently:
#   - Debian's chromium and a CJK font (so screenshots show Chinese, not boxes);
#   - Playwright for Python, into the given Python's environment (its own browser downloads are not used:
#     the tests launch /usr/bin/chromium, or $KG_CHROMIUM).
# Usage: scripts/install_browser_deps.sh [PYTHON]    (default: python3; e.g. .venv/bin/python)
set -euo pipefail

PYTHON="${1:-${PYTHON:-python3}}"
PLAYWRIGHT_SPEC="${PLAYWRIGHT_SPEC:-playwright>=1.40}"

need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
if ! (command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .); then
    need_apt+=(fonts-noto-cjk)
fi

if [ "${#need_apt[@]}" -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "install_browser_deps: apt-get not found; install ${need_apt[*]} yourself (or set KG_CHROMIUM)" >&2
        exit 1
    fi
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

if ! "$PYTHON" -c "import playwright.sync_api" >/dev/null 2>&1; then
    "$PYTHON" -m pip install -q "$PLAYWRIGHT_SPEC"
fi

chromium --version 2>/dev/null || /usr/bin/chromium --version
"$PYTHON" -c "import playwright, importlib.metadata as m; print('playwright', m.version('playwright'))"
