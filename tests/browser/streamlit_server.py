"""Starts the real app (`streamlit run app.py`) on a free loopback port against a chosen data folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout} s")


@contextmanager
def serve_script(
    script: Path, env_extra: dict[str, str], own_session: bool = False, base_path: str = ""
) -> Iterator[subprocess.Popen]:
    """`streamlit run SCRIPT` on a free loopback port until the block ends; yields the process,
    whose `url` attribute is its base URL. `own_session` starts it in a session of its own, so
    that where the kernel shares the CPU between sessions (autogroup) it gets its own share, as
    deploy/run-replicas.sh's replicas do (the benchmark compares them). `base_path` serves it
    under `--server.baseUrlPath`, as behind a newsroom's proxy (the URL then ends with it)."""
    port = free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **env_extra}
    # The other server settings come from .streamlit/config.toml, read from the cwd (ROOT).
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true",
        *(["--server.baseUrlPath", base_path] if base_path else []),
    ]  # fmt: skip
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=own_session,
        )  # fmt: skip
        prefix = f"/{base_path.strip('/')}" if base_path.strip("/") else ""
        process.url = f"http://127.0.0.1:{port}{prefix}"  # type: ignore[attr-defined]
        try:
            wait_healthy(process.url, process)  # type: ignore[attr-defined]
            yield process
        finally:
            stop(process, timeout=10)


def stop(process: subprocess.Popen, timeout: float) -> None:
    """SIGTERM, then SIGKILL if it has not ended within `timeout` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def app_env(data_dir: Path) -> dict[str, str]:
    """What the app's processes need in a test: the data, a private cache, a repository for the
    correction links (as a deployment sets it) and this checkout's code."""
    return {
        "DASHBOARD_DATA_DIR": str(data_dir),
        "DASHBOARD_CACHE_DIR": tempfile.mkdtemp(prefix="dashboard-cache-"),
        "DASHBOARD_REPO_URL": "https://github.com/example/tracker",
        # This checkout's code, whichever checkout the package was installed from.
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
    }


@contextmanager
def streamlit_server(
    data_dir: Path, own_session: bool = False, base_path: str = ""
) -> Iterator[str]:
    """Yields the base URL of a fresh app server; stops it after. The cache folder is private.
    `own_session`, `base_path`: see serve_script."""
    with serve_script(ROOT / "app.py", app_env(data_dir), own_session, base_path) as process:
        yield process.url  # type: ignore[attr-defined]


def replica_stats(url: str) -> dict[str, dict[str, str]]:
    """Server name -> its row of the balancer's stats (status UP/DOWN, stot sessions, ...)."""
    with urllib.request.urlopen(f"{url}/haproxy-stats;csv", timeout=5) as response:
        rows = response.read().decode().lstrip("# ").splitlines()
    header = rows[0].split(",")
    servers = {}
    for row in rows[1:]:
        values = dict(zip(header, row.split(","), strict=False))
        if values.get("pxname") == "dashboard" and values.get("svname") not in ("BACKEND", None):
            servers[values["svname"]] = values
    return servers


def replica_states(url: str) -> dict[str, str]:
    """Server name -> status (UP, DOWN, ...) of the balancer's backend, from its stats page."""
    return {name: row.get("status", "") for name, row in replica_stats(url).items()}


@contextmanager
def replicas_server(
    replicas: int, data_dir: Path, timeout: float = 180
) -> Iterator[subprocess.Popen]:
    """`bash deploy/run-replicas.sh N PORT` (N app processes behind HAProxy) against a data
    folder until the block ends; yields the script's process, whose `url` attribute is the
    balancer's base URL, once every replica is UP there. SIGTERM stops the set after."""
    port = free_port()
    env = {
        **os.environ,
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        **app_env(data_dir),
        # This interpreter runs the replicas (its packages, this checkout's code).
        "DASHBOARD_PYTHON": sys.executable,
    }
    command = ["bash", str(ROOT / "deploy" / "run-replicas.sh"), str(replicas), str(port)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        process.url = url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
        try:
            deadline = time.monotonic() + timeout
            while True:
                if process.poll() is not None:
                    log.seek(0)
                    tail = log.read().decode(errors="replace")[-3000:]
                    raise RuntimeError(f"run-replicas.sh exited with {process.returncode}:\n{tail}")
                try:
                    states = replica_states(url)
                    if len(states) == replicas and set(states.values()) == {"UP"}:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{replicas} replicas not up at {url} within {timeout} s")
                time.sleep(0.3)
            yield process
        finally:
            stop(process, timeout=30)
