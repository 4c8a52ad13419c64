#!/usr/bin/env bash
# Installs Debian's chromium, which the explorer's browser tests
# (cmd/assemblykg/explorer_test.go, through chromedp) drive headless.
# Idempotent: skipped when chromium is already on PATH.
# Usage: .ci/browser.sh   (as root, or with sudo for apt-get)
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
	echo "browser.sh: $(chromium --version 2>/dev/null || echo chromium) already installed"
	exit 0
fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
"${sudo_cmd[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends chromium
chromium --version
