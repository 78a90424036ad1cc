"""Shared fixtures: the valid fixture data set and copies of it to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
VALID_DATA = TESTS / "data" / "valid"
BROKEN_DATA = TESTS / "data" / "broken"
REAL_DATA = TESTS.parent / "data"


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
