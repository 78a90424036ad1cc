#!/usr/bin/env bash
# The README's test command (CI runs it too, through .ci/run): makes or reuses .venv, installs the
# Python packages of requirements-dev.txt into it, Debian's chromium (browser tests, static images)
# and axe-core from npm (accessibility checks), then runs lint, format check, the type checker and
# the suite. Extra arguments go to pytest. Next time: `bash scripts/test.sh` again (it reuses .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
venv_install requirements-dev.txt requirements.txt

apt_install() {
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}
# chromium (browser tests, static images) and haproxy (deploy/run-replicas.sh), whichever is missing.
missing=()
for tool in chromium haproxy; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian's ${missing[*]}..."
  apt_install "${missing[@]}"
fi

if [ -f package.json ] && [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm ci --silent --no-audit --no-fund
fi

"$VENV/bin/python" -m ruff check .
"$VENV/bin/python" -m ruff format --check .
"$VENV/bin/python" -m mypy
"$VENV/bin/python" -m pytest -n 2 --timeout 300 "$@"
