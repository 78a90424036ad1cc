"""The package works outside a source checkout: built as a wheel, installed in a fresh venv, its
commands run from another folder and find their templates, styles and map shapes inside the
package (importlib.resources), not in the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = (
    "dashboard/static/style.css",
    "dashboard/static/embed-height.js",
    "dashboard/export/command.py",
    "dashboard/templates/chart.html",
    "dashboard/geo/countries.geojson",
    "dashboard/geo/subdivisions.geojson",
    "dashboard/geo/points.json",
)


@pytest.mark.timeout(900)
def test_the_wheel_installs_and_its_commands_run_from_another_folder(tmp_path):
    # Build from a copy of the tracked files: the checkout itself stays untouched.
    source = tmp_path / "source"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(source)], check=True)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(wheels),
            str(source),
        ],
        check=True,
    )
    (wheel,) = wheels.glob("dashboard-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(SHIPPED) <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "dashboard = dashboard.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()

    # No PYTHONPATH: the tests point it at this checkout, whose metadata would make pip skip the
    # install as "already satisfied".
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DASHBOARD_DATA_DIR")}
    env["DASHBOARD_CACHE_DIR"] = str(tmp_path / "cache")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], env=env, check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--disable-pip-version-check", str(wheel)], env=env, check=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    validate = subprocess.run(
        [str(venv / "bin" / "dashboard"), "validate", str(source / "data")],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "all files valid" in validate.stdout

    out = elsewhere / "site"
    export = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "dashboard", "export", "--out", str(out),
         "--data-dir", str(source / "data"), "--no-images", "--charts",
         "timeline-actions,map-age-policies"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert export.returncode == 0, export.stdout + export.stderr
    assert (out / "timeline-actions.html").is_file() and (out / "map-geometry.js").is_file()
    # The installed code ran, not this checkout's.
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import dashboard; print(dashboard.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert str(venv) in where
