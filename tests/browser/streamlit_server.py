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
def serve_script(script: Path, env_extra: dict[str, str]) -> Iterator[subprocess.Popen]:
    """`streamlit run SCRIPT` on a free loopback port until the block ends; yields the process,
    whose `url` attribute is its base URL."""
    port = free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **env_extra}
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        process.url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
        try:
            wait_healthy(process.url, process)  # type: ignore[attr-defined]
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def streamlit_server(data_dir: Path) -> Iterator[str]:
    """Yields the base URL of a fresh app server; stops it after. The cache folder is private."""
    env = {
        "DASHBOARD_DATA_DIR": str(data_dir),
        "DASHBOARD_CACHE_DIR": tempfile.mkdtemp(prefix="dashboard-cache-"),
        "DASHBOARD_REPO_URL": "https://github.com/example/tracker",  # as a deployment sets it
        # This checkout's code, whichever checkout the package was installed from.
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
    }
    with serve_script(ROOT / "app.py", env) as process:
        yield process.url  # type: ignore[attr-defined]
