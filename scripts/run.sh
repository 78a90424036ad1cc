#!/usr/bin/env bash
# The README's first command: make or reuse .venv, install the app's packages, start the app.
# Next time, `bash scripts/run.sh` again (it reuses .venv), or `.venv/bin/streamlit run app.py`.
# Extra arguments go to `streamlit run` (e.g. --server.port 8502).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
venv_install requirements.txt
echo "Starting the dashboard (next time: bash scripts/run.sh, or .venv/bin/streamlit run app.py)"
exec "$VENV/bin/streamlit" run app.py "$@"
