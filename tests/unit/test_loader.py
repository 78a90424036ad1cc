"""The one loader: typed frames from valid data, nothing half-loaded from invalid data."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from dashboard import data, frames
from tests.conftest import REAL_DATA, VALID_DATA


@pytest.fixture(scope="module")
def valid() -> frames.Frames:
    result = data.load(VALID_DATA, use_snapshot=False)
    assert result.ok, result.problems
    return result.frames


def test_dates_are_datetimes_with_their_precision_kept(valid):
    actions = valid.actions.set_index("id")
    assert actions["date"].dtype.kind == "M"
    assert actions.loc["us-anderegg-ruling-2025-02", "date"] == pd.Timestamp("2025-02-01")
    assert actions.loc["us-anderegg-ruling-2025-02", "date_precision"] == "month"
    assert actions.loc["es-prosecutor-referral-2026-02-17", "date_precision"] == "day"


def test_enumerations_are_categoricals_in_the_formats_order(valid):
    assert isinstance(valid.actions["type"].dtype, pd.CategoricalDtype)
    assert list(valid.actions["type"].cat.categories)[:3] == [
        "investigation",
        "formal_proceedings",
        "prosecution_referral",
    ]
    assert isinstance(valid.age_policies["status"].dtype, pd.CategoricalDtype)
    assert isinstance(valid.statistics["unit"].dtype, pd.CategoricalDtype)


def test_one_row_per_action_and_platform(valid):
    pairs = valid.action_platforms
    assert sorted(pairs[pairs.action_id == "es-prosecutor-referral-2026-02-17"].platform) == [
        "meta",
        "tiktok",
        "x",
    ]
    # An action naming no platform has no pair.
    assert "us-anderegg-ruling-2025-02" not in set(pairs.action_id)
    assert len(pairs) == 5


def test_spanish_text_falls_back_to_english(valid):
    actions = valid.actions.set_index("id")
    assert actions.loc["ie-dpc-grok-inquiry-2026-02-17", "title_es"] == (
        "Irish regulator opens inquiry into X's Grok"
    )
    assert actions.loc["es-prosecutor-referral-2026-02-17", "title_es"].startswith("España pide")


def test_ages_are_nullable_integers(valid):
    policies = valid.age_policies.set_index("id")
    assert str(policies["min_age"].dtype) == "Int64"
    assert policies.loc["us-fl-hb3", "parental_consent_below"] == 16
    assert pd.isna(policies.loc["esp-under-16-plan-2026", "parental_consent_below"])


def test_jurisdiction_names_and_countries(valid):
    actions = valid.actions.set_index("id")
    assert actions.loc["us-anderegg-ruling-2025-02", "country"] == "USA"
    assert actions.loc["us-anderegg-ruling-2025-02", "jurisdiction_name"] == (
        "Wisconsin (United States)"
    )


def test_sources_frame_has_one_row_per_source(valid):
    sources = valid.sources
    anderegg = sources[sources.record_id == "us-anderegg-ruling-2025-02"]
    assert list(anderegg.position) == [0, 1]
    assert pd.isna(anderegg.iloc[0]["published"])
    assert anderegg.iloc[1]["published_precision"] == "month"


def test_history_and_corrections(valid):
    history = valid.policy_history
    assert list(history[history.policy_id == "aus-social-media-minimum-age-act-2024"].status) == [
        "passed",
        "in_force",
    ]
    assert list(valid.corrections.record) == ["us-anderegg-ruling-2025-02"]
    assert valid.last_reviewed == pd.Timestamp("2026-11-20")


def test_frames_keep_their_columns_when_a_dataset_is_empty(data_copy):
    text = (data_copy / "corrections.yaml").read_text()
    (data_copy / "corrections.yaml").write_text(text.split("records:")[0] + "records: []\n")
    result = data.load(data_copy, use_snapshot=False)
    assert result.ok
    assert result.frames.corrections.empty
    assert list(result.frames.corrections.columns) == frames.CORRECTION_COLUMNS


def test_invalid_data_gives_no_frames_at_all(data_copy):
    path = data_copy / "statistics.yaml"
    path.write_text(path.read_text().replace("value: 20\n", "value: 200\n"))
    result = data.load(data_copy)
    assert result.frames is None and not result.ok
    assert len(result.problems) == 1


def test_missing_folder():
    result = data.load("/nonexistent/folder")
    assert [str(p) for p in result.problems] == ["/nonexistent/folder:1:1: data folder not found"]


def test_default_folder_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(VALID_DATA))
    assert data.default_data_dir() == VALID_DATA
    assert data.load().ok
    monkeypatch.delenv(data.DATA_DIR_ENV)
    assert data.default_data_dir() == data.DEFAULT_DATA_DIR


def test_a_restart_with_unchanged_files_reads_the_snapshot(data_copy):
    first = data.load(data_copy)
    second = data.load(data_copy)
    assert not first.from_snapshot and second.from_snapshot
    pd.testing.assert_frame_equal(first.frames.actions, second.frames.actions)


def test_an_edit_invalidates_the_snapshot(data_copy):
    data.load(data_copy)
    path = data_copy / "actions.yaml"
    path.write_text(path.read_text().replace("Spain asks prosecutors", "Spain asks prosecution"))
    result = data.load(data_copy)
    assert not result.from_snapshot
    assert result.frames.actions.title_en.iloc[0] == (
        "Spain asks prosecution to investigate X, Meta and TikTok"
    )


def test_a_corrupt_snapshot_is_ignored(data_copy):
    data.load(data_copy)
    for snapshot in os.scandir(data.snapshot_dir()):
        with open(snapshot.path, "wb") as handle:
            handle.write(b"not a snapshot")
    result = data.load(data_copy)
    assert result.ok and not result.from_snapshot


def test_fingerprint_changes_when_a_file_changes(data_copy):
    before = data.fingerprint(data_copy)
    (data_copy / "platforms.yaml").write_text(
        (data_copy / "platforms.yaml").read_text() + "\n# edited\n"
    )
    assert data.fingerprint(data_copy) != before


def test_every_frame_row_matches_its_declared_columns(valid):
    assert list(valid.actions.columns) == frames.ACTION_COLUMNS
    assert list(valid.age_policies.columns) == frames.POLICY_COLUMNS
    assert list(valid.statistics.columns) == frames.STATISTIC_COLUMNS


def test_the_real_data_validates():
    result = data.load(REAL_DATA, use_snapshot=False)
    assert [str(p) for p in result.problems] == []
    assert len(result.frames.actions) >= 70
    assert len(result.frames.age_policies) >= 45
    assert len(result.frames.statistics) >= 60
