"""dashboard.tables: the rules, sources and corrections tables pages show readers."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import data, tables
from dashboard.filters import Filters
from dashboard.frames import Frames
from tests.conftest import REAL_DATA, VALID_DATA


@pytest.fixture(scope="module")
def frames() -> Frames:
    loaded = data.load(VALID_DATA, use_snapshot=False).frames
    assert loaded is not None
    return loaded


def test_rules_table_keeps_a_month_a_month():
    real = data.load(REAL_DATA).frames
    table = tables.rules_table(real, Filters()).set_index("rule")
    policies = real.age_policies.set_index("name_en")
    for precision, pattern in (("month", r"\d{4}-\d\d"), ("day", r"\d{4}-\d\d-\d\d")):
        names = policies.index[policies["effective_precision"] == precision]
        assert len(names), f"the case under test: an effective date known to the {precision}"
        shown = table.loc[[name for name in names if name in table.index], "effective"]
        assert len(shown) and shown.str.fullmatch(pattern).all(), shown.tolist()
    missing = policies.index[policies["effective"].isna()]
    assert table.loc[[name for name in missing if name in table.index], "effective"].isna().all()


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


@pytest.mark.parametrize(
    ("table", "view"),
    [(tables.rules_table, (Filters(),)), (tables.rules_table, (Filters(jurisdictions=("ESP",)),)),
     (tables.sources_table, ("es",)), (tables.corrections_table, ("en",))],
)  # fmt: skip
def test_arrow_tables_hold_what_the_pandas_tables_hold_and_are_converted_once(frames, table, view):
    arrow = tables.as_arrow(frames, table, *view)
    expected = table(frames, *view)
    assert list(arrow.to_pandas().columns) == list(expected.columns)  # the index as metadata
    assert _cells(arrow.to_pandas()) == _cells(expected)
    assert frames.version and tables.as_arrow(frames, table, *view) is arrow  # one per version


def _cells(frame: pd.DataFrame) -> list[list]:
    """The frame's values row by row, a missing value as None whatever its dtype."""
    return [
        [None if pd.isna(value) else value for value in row]
        for row in frame.astype(object).itertuples(index=False)
    ]
