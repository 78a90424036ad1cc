"""Shared fixtures: the valid fixture data set and copies of it to break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from dashboard import data
from dashboard.frames import Frames

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


@pytest.fixture(scope="module")
def fixture_frames() -> Frames:
    """Frames of the valid fixture data set (one load per test module)."""
    return data.load(VALID_DATA, use_snapshot=False).frames


@pytest.fixture(scope="module")
def real_frames() -> Frames:
    """Frames of the repository's data (one load per test module)."""
    return data.load(REAL_DATA, use_snapshot=False).frames


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the valid fixture data set."""
    target = tmp_path / "data"
    shutil.copytree(VALID_DATA, target)
    return target


def with_dataset_meta(frames: Frames, file_name: str, **fields: Any) -> Frames:
    """`frames` with fields of one file's `dataset:` block changed (an editor's other choice)."""
    meta = frames.datasets[file_name].model_copy(update=fields)
    return frames.altered(datasets={**frames.datasets, file_name: meta})
