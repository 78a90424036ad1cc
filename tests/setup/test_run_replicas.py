"""`bash deploy/run-replicas.sh N PORT` leaves nothing behind: SIGTERM (a service manager, the
benchmark, the browser tests) and SIGINT (Ctrl-C) stop the replicas and HAProxy, and the private
folder with the generated configuration and logs goes too."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.browser.streamlit_server import free_port, replica_states
from tests.conftest import VALID_DATA
from tests.procfs import alive, process_children, process_tree

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "run-replicas.sh"


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize(
    ("stop", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"]
)
def test_a_signal_stops_every_process_of_run_replicas(tmp_path, stop, status):
    port = free_port()
    env = {
        **os.environ,
        "DASHBOARD_DATA_DIR": str(VALID_DATA),
        "DASHBOARD_CACHE_DIR": str(tmp_path / "cache"),
        "DASHBOARD_PYTHON": sys.executable,
    }
    log = tmp_path / "run-replicas.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["bash", str(SCRIPT), "2", str(port)], cwd=ROOT, env=env, stdout=out, stderr=out
        )
    try:
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if replica_states(f"http://127.0.0.1:{port}") == {"app1": "UP", "app2": "UP"}:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        started = process_tree(process_children(), process.pid) - {process.pid}
        commands = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in started]
        assert sum(b"streamlit\0run\0app.py" in command for command in commands) == 2
        assert sum(b"haproxy\0-db\0" in command for command in commands) == 1
        replica_ports = [
            int(p) for p in re.findall(r"http://127\.0\.0\.1:(\d+) \(log", log.read_text())
        ]
        work = Path(re.search(r"\(log (\S+)/app1\.log\)", log.read_text()).group(1))
        assert len(replica_ports) == 2 and work.is_dir()

        process.send_signal(stop)
        assert process.wait(timeout=60) == status
        left = [pid for pid in started if alive(pid)]
        assert not left, f"still running after {stop.name}: {left}"
        assert not any(listening(p) for p in [port, *replica_ports])
        assert not work.exists()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_run_replicas_refuses_wrong_arguments():
    for args in ([], ["0", "8080"], ["2"], ["two", "8080"], ["2", "70000"]):
        result = subprocess.run(
            ["bash", str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True, timeout=30
        )
        assert result.returncode == 2, args
        assert "usage: bash deploy/run-replicas.sh N PORT" in result.stderr
