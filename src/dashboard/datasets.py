"""The pure parts of the Data & methods page: data dictionary, exports and the suggested citation.

Nothing here imports streamlit, so the page stays thin and every piece is unit-tested.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from pydantic import BaseModel

from dashboard import filters as filters_module
from dashboard import schema
from dashboard.filters import Filters
from dashboard.frames import Frames
from dashboard.i18n import catalogue, fmt_date, t
from dashboard.memo import per_data_version

LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class FieldRow:
    """One line of the data dictionary."""

    field: str
    required: bool
    type: str
    description: str


# The data dictionary, generated from the pydantic models (the format's single source of truth).


def _resolve(prop: dict[str, Any], defs: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """A JSON-schema property without its `null` branch, and whether it was nullable."""
    options = prop.get("anyOf")
    if not options:
        return prop, False
    kept = [option for option in options if option.get("type") != "null"]
    nullable = len(kept) < len(options)
    if len(kept) == 1:
        return kept[0], nullable
    return {"anyOf": kept}, nullable


def _ref_name(prop: dict[str, Any]) -> str | None:
    ref = prop.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else None


def _type_key(prop: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The catalogue key that describes a property's type, and its placeholders."""
    if "anyOf" in prop:
        return "data.type.prose", {}
    ref = _ref_name(prop)
    if ref:
        return f"data.type.{ref.lower()}", {}
    if "enum" in prop:
        return "data.type.one_of", {"values": ", ".join(prop["enum"])}
    kind = prop.get("type")
    if kind == "array":
        item_key, params = _type_key(prop.get("items", {}))
        return f"{item_key}.list", params
    if kind == "integer":
        low, high = prop.get("minimum"), prop.get("maximum")
        if low is not None and high is not None:
            return "data.type.whole_range", {"low": low, "high": high}
        return "data.type.whole", {}
    if kind in ("number", "boolean"):
        return f"data.type.{kind}", {}
    pattern = prop.get("pattern", "")
    for key, marker in _PATTERN_TYPES:
        if pattern == marker or prop.get("format") == marker:
            return key, {}
    return "data.type.text", {}


_PATTERN_TYPES = (
    ("data.type.id", schema.ID_PATTERN),
    ("data.type.partial_date", schema.DATE_PATTERN),
    ("data.type.date", "date"),
    ("data.type.url", "uri"),
    ("data.type.currency", "^[A-Z]{3}$"),
    ("data.type.geography", r"^(WORLD|EU|[A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,3})$"),
    ("data.type.jurisdiction", r"^(EU|[A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,3})$"),
)


def type_text(prop: dict[str, Any], defs: dict[str, Any], lang: str) -> str:
    """A property's type in words, with the allowed values of closed enumerations."""
    resolved, nullable = _resolve(prop, defs)
    key, params = _type_key(resolved)
    text = t(key, lang, **params)
    return t("data.type.or_null", lang, type=text) if nullable else text


def description_key(model_name: str, name: str) -> str:
    """The catalogue key of a field's description: model-specific where one exists."""
    specific = f"field.{model_name.lower()}.{name}"
    return specific if specific in catalogue() else f"field.{name}"


def _nested_model(prop: dict[str, Any], defs: dict[str, Any]) -> tuple[str, str] | None:
    """(model name, path suffix) where a property holds records of a nested model."""
    resolved, _ = _resolve(prop, defs)
    if resolved.get("type") == "array":
        name = _ref_name(resolved.get("items", {}))
        return (name, "[]") if name else None
    name = _ref_name(resolved)
    return (name, "") if name else None


def _model_rows(
    model: type[BaseModel], json_schema: dict[str, Any], prefix: str, lang: str
) -> list[FieldRow]:
    defs = json_schema.get("$defs", {})
    props = json_schema["properties"]
    rows: list[FieldRow] = []
    for name, info in model.model_fields.items():
        prop = props[name]
        key = description_key(model.__name__, name)
        rows.append(
            FieldRow(prefix + name, info.is_required(), type_text(prop, defs, lang), t(key, lang))
        )
        nested = _nested_model(prop, defs)
        if nested and nested[0] != "LocalizedText":
            inner = getattr(schema, nested[0])
            inner_schema = {**defs[nested[0]], "$defs": defs}
            rows.extend(_model_rows(inner, inner_schema, f"{prefix}{name}{nested[1]}.", lang))
    return rows


def dictionary_rows(file_name: str, lang: str) -> list[FieldRow]:
    """Every field of one file's records (nested ones as `sources[].url`), generated from the schema."""
    record = schema.DATASETS[file_name][1]
    return _model_rows(record, record.model_json_schema(), "", lang)


@functools.cache  # the schema is fixed for the process's life
def dictionary_frame(file_name: str, lang: str) -> pd.DataFrame:
    """The data dictionary as a table with reader-facing column names."""
    rows = dictionary_rows(file_name, lang)
    return pd.DataFrame(
        {
            t("data.dict.field", lang): [row.field for row in rows],
            t("data.dict.required", lang): [
                t("data.dict.yes" if row.required else "data.dict.no", lang) for row in rows
            ],
            t("data.dict.type", lang): [row.type for row in rows],
            t("data.dict.description", lang): [row.description for row in rows],
        }
    )


# Exports.


@per_data_version
def dataset_frame(frames: Frames, file_name: str, current: Filters | None = None) -> pd.DataFrame:
    """A file's records as a frame: all of them, or those the reader's filters keep."""
    frame = getattr(frames, schema.dataset_name(file_name))  # the Frames attribute of its records
    if current is None:
        return frame
    if file_name == schema.ACTIONS_FILE:
        return filters_module.filter_actions(frame, current)
    if file_name == schema.POLICIES_FILE:
        return filters_module.filter_policies(frame, current)
    if file_name == schema.STATISTICS_FILE:
        return filters_module.filter_statistics(frame, current)
    if file_name == schema.PLATFORMS_FILE and current.platforms:
        return frame[frame["id"].isin(current.platforms)]
    return frame  # corrections are not narrowed: the log is read whole


def precision_column(column: str) -> str:
    """The column that says how precise a date column is (`date` -> `date_precision`)."""
    return f"{column}_precision"


def iso_dates(frame: pd.DataFrame, column: str) -> pd.Series:
    """A date column as ISO text at each date's precision: the one date format of every download
    (data files, chart CSV and JSON). A month-only date (`<column>_precision` is `month`) is
    `YYYY-MM`, never an invented 1st; any other date `YYYY-MM-DD`; a column that holds times
    keeps them; a missing date is None."""
    values = frame[column]
    present = values.dropna()
    if not (present == present.dt.normalize()).all():
        text = values.dt.strftime("%Y-%m-%dT%H:%M:%S")
    else:
        text = values.dt.strftime("%Y-%m-%d")
        if precision_column(column) in frame:
            month_only = frame[precision_column(column)].astype(object) == "month"
            text = text.where(~month_only, values.dt.strftime("%Y-%m"))
    return text.astype(object).where(values.notna(), None)


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame ready to export: dates as ISO text at their precision, lists as lists, no NaN."""
    out = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            out[column] = iso_dates(frame, column)
        elif isinstance(frame[column].dtype, pd.CategoricalDtype):
            out[column] = frame[column].astype(object)
    out = out.astype(object)
    return out.where(out.notna(), None).reset_index(drop=True)


def _csv_cell(value: Any) -> Any:
    return LIST_SEPARATOR.join(map(str, value)) if isinstance(value, tuple | list) else value


# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe_cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula, prefixed with ' (shown as text); numbers kept.

    A number written as text (`-5`, `+3.2`) stays as it is: a spreadsheet reads it as a number.
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


def formula_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a frame for CSV with every text cell passed through `formula_safe_cell`."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(formula_safe_cell)
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark (spreadsheets then read accents right); lists joined by '; '."""
    out = export_frame(frame)
    for column in out.columns:
        out[column] = out[column].map(_csv_cell)
    return formula_safe(out).to_csv(index=False).encode("utf-8-sig")


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def to_json_bytes(frame: pd.DataFrame) -> bytes:
    """JSON: a list of records, lists kept as lists, missing values as null."""
    records = [
        {key: _json_value(value) for key, value in row.items()}
        for row in export_frame(frame).to_dict("records")
    ]
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def file_stem(file_name: str, filtered: bool) -> str:
    """The download's file name without extension: `actions` or `actions-filtered`."""
    stem = schema.dataset_name(file_name)
    return f"{stem}-filtered" if filtered else stem


# Citation.


def citation(reviewed: date | pd.Timestamp, url: str, lang: str) -> str:
    """A suggested citation: the dashboard's name, the last-reviewed date and the page's address."""
    return t(
        "data.cite.text", lang, name=t("app.title", lang), date=fmt_date(reviewed, "day", lang),
        url=url,
    )  # fmt: skip
