# Sourced by scripts/run.sh and scripts/test.sh: makes (or reuses) the project's virtual environment
# in .venv and installs a requirements file into it when that file changed since the last install.
# A venv, because a distribution's own python3 (Debian 12, Ubuntu 23.04+) refuses `pip install`
# (PEP 668, "externally-managed-environment"); pyenv, conda and container Pythons work the same way.
# PYTHON=/path/to/python3.x picks the interpreter that creates the venv (default: python3).

VENV=.venv

venv_fail() {
  echo "error: $*" >&2
  exit 1
}

venv_create() {
  local python="${PYTHON:-python3}"
  command -v "$python" >/dev/null 2>&1 || venv_fail "no '$python' on PATH; install Python 3.11 or newer"
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || venv_fail "$("$python" --version 2>&1) is too old; the dashboard needs Python 3.11 or newer"
  if "$python" -m venv "$VENV" 2>/dev/null && [ -x "$VENV/bin/python" ]; then
    return
  fi
  rm -rf "$VENV"
  # Debian and Ubuntu ship venv's pip bootstrap in a separate package.
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian's python3-venv (the venv module's pip bootstrap)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    "$python" -m venv "$VENV" || venv_fail "could not create $VENV with $python"
  else
    venv_fail "'$python -m venv' failed; on Debian or Ubuntu run: sudo apt install python3-venv"
  fi
}

# venv_install FILE...: pip install -r each FILE, skipped when they (and pyproject.toml) are unchanged.
venv_install() {
  [ -x "$VENV/bin/python" ] || venv_create
  local stamp="$VENV/.installed-$(basename "$1" .txt)"
  local digest
  digest=$(cat "$@" pyproject.toml | "$VENV/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')
  if [ "$(cat "$stamp" 2>/dev/null)" = "$digest" ]; then
    return
  fi
  local args=()
  for file in "$@"; do args+=(-r "$file"); done
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${args[@]}"
  echo "$digest" >"$stamp"
}
