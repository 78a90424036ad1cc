"""Shared fixtures: the valid fixture data set and copies of it to break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
VALID_DATA = TESTS / "data" / "valid"
BROKEN_DATA = TESTS / "data" / "broken"
REAL_DATA = TESTS.parent / "data"

# Subprocesses (`python -m dashboard`, `streamlit run`) import this checkout's code, even where
# the package was installed from another checkout.
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [str(TESTS.parent / "src"), os.environ.get("PYTHONPATH")])
)


@pytest.fixture(autouse=True)
def _private_snapshot_dir(tmp_path_factory, monkeypatch):
    # Snapshots of one test must never serve another test's data.
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(tmp_path_factory.mktemp("snapshots")))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the valid fixture data set."""
    target = tmp_path / "data"
    shutil.copytree(VALID_DATA, target)
    return target
