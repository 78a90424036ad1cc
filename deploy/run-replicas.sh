#!/usr/bin/env bash
# Runs the production set-up of deploy/ on one machine without containers: N app processes on
# free loopback ports, each healthy before HAProxy starts in the foreground on 127.0.0.1:PORT with
# deploy/haproxy.cfg (its `server` lines replaced by the local replicas). Ctrl-C or SIGTERM stops
# all of them. Installs nothing: it needs haproxy on PATH (Debian: apt-get install haproxy;
# scripts/test.sh installs it) and the app's packages: DASHBOARD_PYTHON if set (an interpreter
# with them), else .venv from scripts/run.sh, else python3.
#
#   bash deploy/run-replicas.sh N PORT      e.g. bash deploy/run-replicas.sh 2 8080
#
# The app's environment passes through (DASHBOARD_DATA_DIR, STREAMLIT_* settings). Logs and the
# generated configuration go to a private temporary folder, removed on exit; REPLICAS_KEEP_LOGS=1
# keeps it. The balancer's page (which replicas are up): http://127.0.0.1:PORT/haproxy-stats
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: bash deploy/run-replicas.sh N PORT   (N replicas 1..32, PORT 1..65535)" >&2
  exit 2
}
[ $# -eq 2 ] || usage
replicas=$1
port=$2
[[ $replicas =~ ^[0-9]+$ ]] && [ "$replicas" -ge 1 ] && [ "$replicas" -le 32 ] || usage
[[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || usage

# Debian puts haproxy in /usr/sbin, which is not on every user's PATH.
haproxy=$(command -v haproxy || true)
[ -n "$haproxy" ] || [ ! -x /usr/sbin/haproxy ] || haproxy=/usr/sbin/haproxy
if [ -z "$haproxy" ]; then
  echo "error: haproxy not found; install it (Debian/Ubuntu: sudo apt-get install haproxy)" >&2
  exit 1
fi
if [ -n "${DASHBOARD_PYTHON:-}" ]; then
  python=$DASHBOARD_PYTHON
  streamlit=("$DASHBOARD_PYTHON" -m streamlit)
elif [ -x .venv/bin/streamlit ]; then
  python=.venv/bin/python
  streamlit=(.venv/bin/streamlit)
else
  python=python3
  streamlit=(python3 -m streamlit)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/dashboard-replicas.XXXXXX")
pids=()     # the replicas and HAProxy
waiter=""   # the health check while it runs

# Every app process and HAProxy runs in a session of its own (setsid): its own process group, so
# that stopping it stops whatever it started; a Ctrl-C reaches them only through this script, so
# nothing outlives it; and where the kernel shares the CPU between sessions (autogroup
# scheduling), each replica gets its own share, as on its own core or in its own container.
own_session=()
if command -v setsid >/dev/null 2>&1; then own_session=(setsid); fi

# signal_all SIGNAL PID...: the process group of each pid (the pid alone without setsid).
signal_all() {
  local signal=$1 pid
  shift
  for pid in "$@"; do
    kill "-$signal" -- "-$pid" 2>/dev/null || kill "-$signal" "$pid" 2>/dev/null || true
  done
}
stop_all() {
  trap - EXIT INT TERM
  local pid
  if [ -n "$waiter" ]; then kill "$waiter" 2>/dev/null || true; fi
  signal_all TERM "${pids[@]}"
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  done
  signal_all KILL "${pids[@]}"
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${REPLICAS_KEEP_LOGS:-}" = 1 ]; then
    echo "logs and configuration kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

# N free loopback ports, all held open at once so that they differ, then released for the apps.
mapfile -t ports < <("$python" - "$replicas" <<'EOF'
import socket, sys
held = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in held:
    s.bind(("127.0.0.1", 0))
print("\n".join(str(s.getsockname()[1]) for s in held))
EOF
)

export STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
for i in $(seq "$replicas"); do
  app_port=${ports[$((i - 1))]}
  "${own_session[@]}" "${streamlit[@]}" run app.py --server.address 127.0.0.1 --server.port "$app_port" \
    --server.headless true >"$work/app$i.log" 2>&1 &
  pids+=($!)
  echo "replica app$i: pid $!, http://127.0.0.1:$app_port (log $work/app$i.log)" >&2
done

# Each replica healthy (/_stcore/health answers ok) before the balancer starts.
# In the background, so that a signal meanwhile is handled at once (bash defers its traps while
# a foreground command runs).
"$python" - "${pids[*]}" "${ports[*]}" <<'EOF' &
import os, sys, time, urllib.request
pids, ports = sys.argv[1].split(), sys.argv[2].split()
deadline = time.monotonic() + 120
for pid, port in zip(pids, ports):
    while True:
        try:
            os.kill(int(pid), 0)
        except OSError:
            sys.exit(f"replica on port {port} exited")
        if os.path.exists(f"/proc/{pid}/stat"):
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    sys.exit(f"replica on port {port} exited")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit(f"replica on port {port} not healthy after 120 s")
        time.sleep(0.2)
EOF
waiter=$!
if ! wait "$waiter"; then
  echo "error: a replica did not start; the end of its log:" >&2
  tail -n 30 "$work"/app*.log >&2
  exit 1
fi
waiter=""

# deploy/haproxy.cfg without its `server` lines, then one per local replica.
config="$work/haproxy.cfg"
sed '/^[[:space:]]*server[[:space:]]/d' deploy/haproxy.cfg >"$config"
for i in $(seq "$replicas"); do
  echo "    server app$i 127.0.0.1:${ports[$((i - 1))]} cookie app$i" >>"$config"
done
export DASHBOARD_BIND="127.0.0.1:$port"
"$haproxy" -c -q -f "$config"
echo "HAProxy on http://127.0.0.1:$port/ in front of $replicas replica(s); Ctrl-C stops all" >&2
"${own_session[@]}" "$haproxy" -db -f "$config" &
pids+=($!)
# `wait` returns when HAProxy exits or a trapped signal arrives (then the trap stops everything).
status=0
wait "$!" || status=$?
exit "$status"
