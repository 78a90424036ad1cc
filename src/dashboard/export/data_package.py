"""Each chart's data as CSV and JSON, described by a Frictionless datapackage.json."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from dashboard import datasets
from dashboard.export.built_chart import BuiltChart
from dashboard.i18n import t

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
COLUMN_DESCRIPTIONS = {
    "id": "Stable id of the record in the dashboard's data files",
    "date": "Date of the action: YYYY-MM-DD, or YYYY-MM where only the month is known",
    "date_precision": "How precise the date is: day or month",
    "lane": "Row of the chart the record is drawn in",
    "jurisdiction": "Jurisdiction code (ISO 3166-1 alpha-3, ISO 3166-2 or EU)",
    "jurisdiction_name": "Name of the jurisdiction",
    "country": "ISO 3166-1 alpha-3 code of the country",
    "type": "Kind of action",
    "type_group": "Group of kinds of action used for colour",
    "status": "Status of the record",
    "title": "What happened, in one line",
    "authority": "The authority that acted",
    "platforms": "Platforms the record names, separated by semicolons",
    "platform": "Platform id",
    "verified": "True where a source states the key facts",
    "source_publisher": "Publisher of the record's first source",
    "source_url": "URL of the record's first source",
    "value": "The figure's value",
    "unit": "Unit of the value",
    "min_age": "Minimum age for a social-media account",
    "count": "Number of records",
}


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(item) for item in value)
    return value


def tidy_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A chart's frame with plain cells: lists joined by '; ', dates as ISO text at their precision
    (as in the data downloads), categories as text."""
    tidy = frame.copy()
    for name in tidy.columns:
        column = tidy[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            tidy[name] = datasets.iso_dates(frame, name)
        elif isinstance(column.dtype, pd.CategoricalDtype):
            tidy[name] = column.astype(object).where(column.notna(), None)
        elif column.dtype == object:
            tidy[name] = column.map(_cell)
    return tidy


def csv_text(frame: pd.DataFrame) -> str:
    """A chart's frame as CSV, text that looks like a spreadsheet formula neutralised."""
    return datasets.formula_safe(tidy_frame(frame)).to_csv(index=False)


# Frictionless types of dates written by `datasets.iso_dates`, by the length of the text.
_DATE_TYPES = {10: "date", 7: "yearmonth", 19: "datetime"}


def field_type(frame: pd.DataFrame, name: str) -> str:
    """The Frictionless table-schema type of a frame column (dates as the CSV writes them: a
    column that mixes days and month-only dates is a string)."""
    column = frame[name]
    if pd.api.types.is_bool_dtype(column):
        return "boolean"
    if pd.api.types.is_integer_dtype(column):
        return "integer"
    if pd.api.types.is_float_dtype(column):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(column):
        lengths = {len(text) for text in datasets.iso_dates(frame, name).dropna()}
        if len(lengths) > 1:
            return "string"
        return _DATE_TYPES.get(lengths.pop(), "string") if lengths else "date"
    return "string"


def _field(frame: pd.DataFrame, name: str, title: str) -> dict[str, str]:
    described = COLUMN_DESCRIPTIONS.get(
        str(name), f"{str(name).replace('_', ' ')} (chart: {title})"
    )
    return {"name": str(name), "type": field_type(frame, name), "description": described}


def _sources(frame: pd.DataFrame, limit: int = 100) -> list[dict[str, str]]:
    if not {"source_publisher", "source_url"} <= set(frame.columns):
        return []
    pairs = frame[["source_publisher", "source_url"]].dropna().drop_duplicates().head(limit)
    return [{"title": str(p), "path": str(u)} for p, u in pairs.itertuples(index=False)]


def data_resource(built: BuiltChart) -> dict[str, Any]:
    """The datapackage.json entry of one chart's CSV."""
    frame, text = built.frame, built.text
    return {
        "name": built.chart.id,
        "path": f"{built.chart.id}.csv",
        "title": text.title,
        "description": text.subtitle,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "licenses": [LICENCE],
        "sources": _sources(frame),
        "schema": {"fields": [_field(frame, name, text.title) for name in frame.columns]},
    }


def datapackage(resources: list[dict[str, Any]], lang: str, updated: str) -> dict[str, Any]:
    """The Frictionless data package describing every exported CSV."""
    return {
        "name": "dashboard-charts",
        "title": t("app.title", lang),
        "description": t("app.purpose", lang),
        "version": updated,
        "licenses": [LICENCE],
        "sources": [{"title": t("app.short_title", lang)}],
        "resources": resources,
    }


def chart_json(built: BuiltChart, updated: str) -> str:
    """The chart's data as JSON records, with the words that frame it."""
    records = json.loads(tidy_frame(built.frame).to_json(orient="records", force_ascii=False))
    text = built.text
    body = {
        "chart": built.chart.id,
        "title": text.title,
        "subtitle": text.subtitle,
        "source": text.source,
        "last_updated": updated,
        "licence": LICENCE["name"],
        "data": records,
    }
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"
