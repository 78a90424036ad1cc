"""The pure parts of the Data & methods page: dictionary, exports, citation."""

from __future__ import annotations

import io
import json
from datetime import date

import pandas as pd
import pytest

from dashboard import data, datasets, schema
from dashboard.filters import Filters
from dashboard.i18n import catalogue
from tests.conftest import REAL_DATA, VALID_DATA


@pytest.fixture(scope="module")
def frames():
    result = data.load(VALID_DATA, use_snapshot=False)
    assert result.ok, result.problems
    return result.frames


def _all_fields(model, prefix: str = "") -> set[str]:
    """Every field of a model, nested models included, as the dictionary names them."""
    names = set()
    for name, info in model.model_fields.items():
        names.add(prefix + name)
        text = str(info.annotation)
        for nested in ("Source", "Money", "HistoryStep"):
            if f"dashboard.schema.{nested}" in text:
                suffix = "[]" if text.startswith("list") or "list[" in text else ""
                names |= _all_fields(getattr(schema, nested), f"{prefix}{name}{suffix}.")
    return names


@pytest.mark.parametrize("file_name", list(schema.DATASETS))
def test_dictionary_covers_every_schema_field(file_name):
    rows = datasets.dictionary_rows(file_name, "en")
    record = schema.DATASETS[file_name][1]
    assert {row.field for row in rows} == _all_fields(record)
    required = {row.field for row in rows if row.required and "." not in row.field}
    assert required == {n for n, info in record.model_fields.items() if info.is_required()}


@pytest.mark.parametrize("file_name", list(schema.DATASETS))
def test_every_field_has_a_description_in_both_languages(file_name):
    record = schema.DATASETS[file_name][1]
    for row in datasets.dictionary_rows(file_name, "en"):
        model_name = record.__name__
        *parents, name = row.field.replace("[]", "").split(".")
        if parents:
            model_name = {"sources": "Source", "amount": "Money", "max_penalty": "Money",
                          "history": "HistoryStep"}[parents[-1]]  # fmt: skip
        key = datasets.description_key(model_name, name)
        texts = catalogue().get(key)
        assert texts and texts.get("en") and texts.get("es"), f"{file_name}: {row.field} ({key})"


def test_dictionary_lists_allowed_values_from_the_schema():
    rows = {row.field: row for row in datasets.dictionary_rows("actions.yaml", "es")}
    assert all(kind in rows["type"].type for kind in schema.ACTION_TYPES)
    assert rows["type"].type.startswith("uno de:")
    assert "null" in rows["amount"].type
    assert rows["sources[].kind"].required is False


def test_dictionary_frame_is_translated():
    frame = datasets.dictionary_frame("statistics.yaml", "es")
    assert list(frame.columns)[0] == "Campo"
    assert "obligatorio" in set(frame["Obligatorio"])


@pytest.mark.parametrize("file_name", list(schema.DATASETS))
def test_csv_round_trips_the_frame(frames, file_name):
    frame = datasets.dataset_frame(frames, file_name)
    back = pd.read_csv(io.BytesIO(datasets.to_csv_bytes(frame)), dtype=str, keep_default_na=False)
    assert list(back.columns) == list(frame.columns)
    assert back["id"].tolist() == frame["id"].tolist()


def test_csv_keeps_values_dates_at_their_precision_and_lists():
    frames = data.load(VALID_DATA, use_snapshot=False).frames
    back = pd.read_csv(io.BytesIO(datasets.to_csv_bytes(frames.statistics)), dtype=str)
    row = back.set_index("id").loc["ncmec-gai-reports-2024"]
    assert row["published"] == "2025-04"  # month only: no day invented
    assert float(row["value"]) == 67000
    actions = pd.read_csv(io.BytesIO(datasets.to_csv_bytes(frames.actions)), dtype=str)
    assert any("; " in value for value in actions["platforms"].dropna())


def test_json_is_a_list_of_records_with_lists_and_nulls(frames):
    records = json.loads(datasets.to_json_bytes(frames.actions))
    assert len(records) == len(frames.actions)
    assert isinstance(records[0]["platforms"], list)
    assert all(isinstance(record["date"], str) for record in records)
    stats = json.loads(datasets.to_json_bytes(frames.statistics))
    assert stats[1]["sample_size"] is None


def test_filtered_export_has_the_filtered_rows(frames):
    spain = Filters(jurisdictions=("ESP",))
    for file_name in ("actions.yaml", "age_policies.yaml", "statistics.yaml"):
        whole = datasets.dataset_frame(frames, file_name)
        filtered = datasets.dataset_frame(frames, file_name, spain)
        assert 0 < len(filtered) < len(whole)
        back = pd.read_csv(io.BytesIO(datasets.to_csv_bytes(filtered)), dtype=str)
        assert back["id"].tolist() == filtered["id"].tolist()
    corrections = datasets.dataset_frame(frames, "corrections.yaml", spain)
    assert len(corrections) == len(frames.corrections)


def test_exports_of_the_real_data():
    frames = data.load(REAL_DATA, use_snapshot=False).frames
    for file_name in schema.DATASETS:
        frame = datasets.dataset_frame(frames, file_name)
        assert len(json.loads(datasets.to_json_bytes(frame))) == len(frame)


def test_citation_names_the_dashboard_date_and_url():
    text = datasets.citation(date(2026, 11, 25), "https://example.org/data", "en")
    assert text.startswith(catalogue()["app.title"]["en"])
    assert "25 Nov 2026" in text and text.endswith("https://example.org/data")
    assert "revisados por última vez el 25 nov 2026" in datasets.citation(
        date(2026, 11, 25), "https://example.org/data", "es"
    )


def test_iso_dates_write_each_date_at_its_precision():
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(["2025-04-01", "2025-04-01", None, "2025-06-17"]),
            "date_precision": ["month", "day", "month", None],
            "checked": pd.to_datetime(["2025-04-01", None, "2025-05-02", "2025-06-17"]),
            "seen": pd.to_datetime(["2025-04-01 10:30", None, None, None]),
        }
    )
    assert datasets.iso_dates(frame, "date").tolist() == [
        "2025-04",
        "2025-04-01",
        None,
        "2025-06-17",
    ]
    assert datasets.iso_dates(frame, "checked").tolist() == [
        "2025-04-01", None, "2025-05-02", "2025-06-17",
    ]  # fmt: skip
    assert datasets.iso_dates(frame, "seen").tolist() == ["2025-04-01T10:30:00", None, None, None]
