"""Frames of the fixture data and of the real data, loaded once per test module."""

from __future__ import annotations

import pytest

from dashboard import data
from dashboard.frames import Frames
from tests.conftest import REAL_DATA, VALID_DATA


@pytest.fixture(scope="module")
def fixture_frames() -> Frames:
    return data.load(VALID_DATA, use_snapshot=False).frames


@pytest.fixture(scope="module")
def real_frames() -> Frames:
    return data.load(REAL_DATA, use_snapshot=False).frames
