"""dashboard.tables: the rules, sources and corrections tables pages show readers."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import data, tables
from dashboard.filters import Filters
from dashboard.frames import Frames
from tests.conftest import VALID_DATA


@pytest.fixture(scope="module")
def frames() -> Frames:
    loaded = data.load(VALID_DATA, use_snapshot=False).frames
    assert loaded is not None
    return loaded


def test_iso_date_keeps_a_month_a_month():
    assert tables.iso_date(pd.Timestamp("2024-07-01"), "month") == "2024-07"
    assert tables.iso_date(pd.Timestamp("2024-07-09"), "day") == "2024-07-09"
    assert tables.iso_date(pd.NaT, "day") is None


def test_rules_table_has_a_row_per_rule_in_the_chosen_places(frames):
    everything = tables.rules_table(frames, Filters())
    assert len(everything) == len(frames.age_policies)
    spain = tables.rules_table(frames, Filters(jurisdictions=("ESP",)))
    assert list(spain["jurisdiction"]) == ["Spain"]
    assert list(everything["jurisdiction"]) == sorted(everything["jurisdiction"])


def test_sources_table_lists_every_source_with_readable_dates(frames):
    table = tables.sources_table(frames, "es")
    assert len(table) == len(frames.sources)
    assert list(table.columns) == ["dataset", "record", "publisher", "url", "published", "kind"]
    assert not table["published"].str.match(r"^\d{4}-\d\d-\d\dT").any()


def test_corrections_table_is_newest_first_with_headers_in_the_readers_language(frames):
    table = tables.corrections_table(frames, "es")
    assert len(table) == len(frames.corrections)
    assert "Fecha" in table.columns


def test_rules_table_of_a_place_without_rules_is_empty_not_an_error(frames):
    # Ireland has actions but no age rule in the fixture; the page then says so.
    assert tables.rules_table(frames, Filters(jurisdictions=("IRL",))).empty
