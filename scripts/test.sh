#!/usr/bin/env bash
# Installs everything the tests need on a bare machine, then runs lint, format check and the suite.
# Python packages from requirements-dev.txt, Debian's chromium (browser tests, static images),
# axe-core from npm (accessibility checks). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

if [ -f package.json ] && [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm ci --silent --no-audit --no-fund
fi

python3 -m ruff check .
python3 -m ruff format --check .
python3 -m pytest -n 2 --timeout 300 "$@"
