"""dashboard.memo: values computed once per data version and view, never for another."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dashboard import data, memo
from tests.conftest import VALID_DATA


@dataclass
class FakeFrames:
    version: str


calls: list[tuple[str, int]] = []


@memo.per_data_version
def doubled(frames: FakeFrames, value: int) -> list[int]:
    calls.append((frames.version, value))
    return [value * 2]


@pytest.fixture(autouse=True)
def fresh():
    memo.clear()
    calls.clear()
    yield
    memo.clear()


def test_same_version_and_arguments_compute_once_and_share_the_value():
    first = doubled(FakeFrames("v1"), 3)
    assert doubled(FakeFrames("v1"), 3) is first
    assert calls == [("v1", 3)]


def test_another_version_or_argument_computes_again():
    assert doubled(FakeFrames("v1"), 3) == [6]
    assert doubled(FakeFrames("v2"), 3) == [6]
    assert doubled(FakeFrames("v1"), 4) == [8]
    assert calls == [("v1", 3), ("v2", 3), ("v1", 4)]


def test_frames_without_a_version_are_never_cached():
    doubled(FakeFrames(""), 3)
    doubled(FakeFrames(""), 3)
    assert calls == [("", 3), ("", 3)]
    assert memo.size() == 0


def test_the_oldest_values_go_first_beyond_the_limit(monkeypatch):
    monkeypatch.setattr(memo, "MAX_ENTRIES", 2)
    doubled(FakeFrames("v1"), 1)
    doubled(FakeFrames("v1"), 2)
    doubled(FakeFrames("v1"), 1)  # used again: now the newest
    doubled(FakeFrames("v1"), 3)  # pushes out 2
    assert memo.size() == 2
    doubled(FakeFrames("v1"), 1)
    doubled(FakeFrames("v1"), 2)
    assert calls == [("v1", 1), ("v1", 2), ("v1", 3), ("v1", 2)]


def test_altered_frames_are_not_the_loaded_version():
    loaded = data.load(VALID_DATA, use_snapshot=False).frames
    assert loaded is not None
    changed = loaded.altered(statistics=loaded.statistics.head(0))
    assert loaded.version and changed.version == ""
    assert changed.statistics.empty and not loaded.statistics.empty
