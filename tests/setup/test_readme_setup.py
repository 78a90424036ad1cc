"""The README's set-up commands work as written on a distribution's own Python (PEP 668).

The first command runs in a fresh clone of this repository with only the system's `/usr/bin` on
PATH, so `python3` is the distribution's interpreter, which refuses `pip install`. The app must
answer `/_stcore/health`. (The second command, the test command, is what CI runs from a fresh
clone, so it is checked on every run.)
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
from pathlib import Path

import pytest

from tests.browser.streamlit_server import free_port, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = Path("/usr/bin/python3")


def setup_commands() -> list[str]:
    """The commands of the README's ```bash blocks under "## Set-up", in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return [
        line.strip()
        for body in re.findall(r"^```bash\n(.*?)^```$", section, re.M | re.S)
        for line in body.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def test_the_readme_has_two_setup_commands_and_ci_runs_the_second():
    commands = setup_commands()
    assert commands == ["bash scripts/run.sh", "bash scripts/test.sh"]
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.timeout(900)
@pytest.mark.skipif(not SYSTEM_PYTHON.exists(), reason="no distribution Python at /usr/bin/python3")
def test_first_command_starts_the_app_from_a_fresh_clone_on_the_system_python(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env = {
        "PATH": "/usr/bin:/bin",  # the distribution's python3 and nothing else
        "HOME": os.environ.get("HOME", str(tmp_path)),  # pip's cache, as a user has one
        "LANG": "C.UTF-8",
    }
    port = free_port()
    command = setup_commands()[0] + f" --server.port {port} --server.address 127.0.0.1"
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["bash", "-c", command], cwd=clone, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process, timeout=800)
    except (RuntimeError, TimeoutError) as error:
        pytest.fail(f"{error}:\n{log.read_text()[-3000:]}")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    venv = (clone / ".venv" / "pyvenv.cfg").read_text(encoding="utf-8")
    assert re.search(r"^home = /usr/bin$", venv, re.M), venv  # made from the system's python3
    assert "next time" in log.read_text().lower()  # it says what to type next time
