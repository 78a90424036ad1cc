"""Typed pandas frames built from validated records: what charts, pages and exports read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import pandas as pd

from dashboard import schema
from dashboard.jurisdictions import country_of, jurisdiction_name
from dashboard.schema import LANGUAGES_OF_TEXT, DatasetMeta

DATE_PRECISIONS = ("day", "month")


@dataclass
class Frames:
    """Every dataset as a DataFrame, plus each file's `dataset:` block."""

    actions: pd.DataFrame
    action_platforms: pd.DataFrame  # one row per action-platform pair
    age_policies: pd.DataFrame
    policy_history: pd.DataFrame
    statistics: pd.DataFrame
    platforms: pd.DataFrame
    corrections: pd.DataFrame
    sources: pd.DataFrame  # one row per source of any record
    datasets: dict[str, DatasetMeta] = field(default_factory=dict)
    # A digest of the files' contents and of the code that shaped them: same data, same version.
    version: str = ""

    def altered(self, **frames: Any) -> Frames:
        """A copy with some frames replaced (tests, what-ifs): no longer the loaded version, so
        nothing cached for that version (dashboard.memo) is served for it."""
        return replace(self, version="", **frames)

    @cached_property  # read on every page run; the frames never change once built
    def platform_names(self) -> dict[str, str]:
        """Platform id -> the name readers see."""
        return dict(zip(self.platforms["id"], self.platforms["name"], strict=True))

    @property
    def last_reviewed(self) -> pd.Timestamp:
        """The oldest `last_reviewed` of the files: every file was checked by that day."""
        return min(pd.Timestamp(meta.last_reviewed) for meta in self.datasets.values())

    @property
    def coverage_end(self) -> pd.Timestamp:
        """The oldest `coverage_end` of the files: events are recorded up to that day in all."""
        return min(pd.Timestamp(meta.coverage_end) for meta in self.datasets.values())

    # The editors' choices the charts point at, from the `dataset:` blocks (validated to exist).

    @property
    def key_moments(self) -> list[schema.Moment]:
        """The actions the timeline labels."""
        meta = self.datasets.get("actions.yaml")
        return list(meta.key_moments) if isinstance(meta, schema.ActionsMeta) else []

    @property
    def overview_moment(self) -> schema.Moment | None:
        """The action whose month the overview's actions-by-month chart points at."""
        meta = self.datasets.get("actions.yaml")
        return meta.overview_moment if isinstance(meta, schema.ActionsMeta) else None

    @property
    def headline_figure(self) -> str | None:
        """The id of the figure the overview draws as 100 people."""
        meta = self.datasets.get("statistics.yaml")
        return meta.headline_figure if isinstance(meta, schema.StatisticsMeta) else None


def to_timestamp(text: str | None) -> pd.Timestamp:
    """`2026-02-17` or `2026-02` (its first day) as a Timestamp; NaT for None."""
    if not text:
        return pd.NaT
    return pd.Timestamp(text if len(text) == 10 else f"{text}-01")


def precision(text: str | None) -> str | None:
    if not text:
        return None
    return "day" if len(text) == 10 else "month"


def precision_of(row: Mapping[str, Any], column: str) -> str:
    """How precise a row's date `column` is ("day" or "month"), from its `_precision` column;
    "day" where the row has none."""
    known = row.get(f"{column}_precision")
    return known if isinstance(known, str) else "day"


def _text_columns(name: str, value: schema.LocalizedText | None) -> dict[str, Any]:
    # es falls back to en, as the format promises.
    return {f"{name}_{lang}": (value.get(lang) if value else None) for lang in LANGUAGES_OF_TEXT}


def _dates(name: str, text: str | None) -> dict[str, Any]:
    return {name: to_timestamp(text), f"{name}_precision": precision(text)}


def _categorical(frame: pd.DataFrame, column: str, categories: Iterable[str]) -> None:
    frame[column] = pd.Categorical(frame[column], categories=list(categories))


def _jurisdiction_columns(code: str) -> dict[str, Any]:
    return {
        "jurisdiction": code,
        "country": country_of(code),
        "jurisdiction_name": jurisdiction_name(code),
    }


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    # Fixed columns keep empty and filtered frames the same shape; a test checks each row's keys.
    return pd.DataFrame(rows, columns=columns)


def _tracked(record: Any) -> dict[str, Any]:
    return {"added": record.added, "last_checked": record.last_checked}


def _tracked_dates(frame: pd.DataFrame) -> None:
    for column in ("added", "last_checked"):
        frame[column] = pd.to_datetime(frame[column])


def _texts(*names: str) -> list[str]:
    return [f"{name}_{lang}" for name in names for lang in LANGUAGES_OF_TEXT]


_SOURCE = ["source_url", "source_publisher", "source_count"]
_TRACKED = ["added", "last_checked"]
ACTION_COLUMNS = [
    "id", "date", "date_precision", "jurisdiction", "country", "jurisdiction_name",
    *_texts("authority"), "type", "platforms", "topics", "status", *_texts("title", "summary"),
    "verified", "amount_value", "amount_currency", "related", *_texts("notes", "dispute"),
    *_SOURCE, *_TRACKED,
]  # fmt: skip
POLICY_COLUMNS = [
    "id", "jurisdiction", "country", "jurisdiction_name", *_texts("name"), "min_age", "kind",
    "parental_consent_below", "absolute_ban_below", "status",
    "announced", "announced_precision", "passed", "passed_precision",
    "effective", "effective_precision", "platforms_covered", *_texts("enforcement"),
    "max_penalty_value", "max_penalty_currency", *_texts("title", "summary"), "verified",
    *_texts("notes", "dispute"), *_SOURCE, *_TRACKED,
]  # fmt: skip
STATISTIC_COLUMNS = [
    "id", *_texts("label"), "value", "unit", *_texts("display"), "geography", "geography_name",
    *_texts("population", "period"), "published", "published_precision", "publisher",
    *_texts("methodology"), "topic", "sample_size", "comparable_group", "next_expected",
    *_texts("caveats", "dispute"), "verified", *_SOURCE, *_TRACKED,
]  # fmt: skip
CORRECTION_COLUMNS = [
    "id", "date", "date_precision", "dataset", "record", *_texts("what_changed", "reason"),
]  # fmt: skip


def actions_frame(actions: list[schema.Action]) -> pd.DataFrame:
    rows = [
        {
            "id": action.id,
            **_dates("date", action.date),
            **_jurisdiction_columns(action.jurisdiction),
            **_text_columns("authority", action.authority),
            "type": action.type,
            "platforms": tuple(action.platforms),
            "topics": tuple(action.topics),
            "status": action.status,
            **_text_columns("title", action.title),
            **_text_columns("summary", action.summary),
            "verified": action.verified,
            "amount_value": action.amount.value if action.amount else None,
            "amount_currency": action.amount.currency if action.amount else None,
            "related": tuple(action.related),
            **_text_columns("notes", action.notes),
            **_text_columns("dispute", action.dispute),
            "source_url": action.sources[0].url,
            "source_publisher": action.sources[0].publisher,
            "source_count": len(action.sources),
            **_tracked(action),
        }
        for action in actions
    ]
    frame = _frame(rows, ACTION_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    _categorical(frame, "date_precision", DATE_PRECISIONS)
    _categorical(frame, "type", schema.ACTION_TYPES)
    _categorical(frame, "status", schema.ACTION_STATUSES)
    frame["amount_value"] = frame["amount_value"].astype("Float64")
    frame["verified"] = frame["verified"].astype(bool)
    _tracked_dates(frame)
    return frame


def action_platforms_frame(actions: pd.DataFrame) -> pd.DataFrame:
    """One row per action and platform it names (actions naming none are left out)."""
    pairs = actions.explode("platforms").rename(columns={"platforms": "platform"})
    pairs = pairs[pairs["platform"].notna()].reset_index(drop=True)
    return pairs.rename(columns={"id": "action_id"})


def age_policies_frame(policies: list[schema.AgePolicy]) -> pd.DataFrame:
    rows = [
        {
            "id": policy.id,
            **_jurisdiction_columns(policy.jurisdiction),
            **_text_columns("name", policy.name),
            "min_age": policy.min_age,
            "kind": policy.kind,
            "parental_consent_below": policy.parental_consent_below,
            "absolute_ban_below": policy.absolute_ban_below,
            "status": policy.status,
            **_dates("announced", policy.announced),
            **_dates("passed", policy.passed),
            **_dates("effective", policy.effective),
            "platforms_covered": tuple(policy.platforms_covered),
            **_text_columns("enforcement", policy.enforcement),
            "max_penalty_value": policy.max_penalty.value if policy.max_penalty else None,
            "max_penalty_currency": policy.max_penalty.currency if policy.max_penalty else None,
            **_text_columns("title", policy.title),
            **_text_columns("summary", policy.summary),
            "verified": policy.verified,
            **_text_columns("notes", policy.notes),
            **_text_columns("dispute", policy.dispute),
            "source_url": policy.sources[0].url,
            "source_publisher": policy.sources[0].publisher,
            "source_count": len(policy.sources),
            **_tracked(policy),
        }
        for policy in policies
    ]
    frame = _frame(rows, POLICY_COLUMNS)
    for column in ("min_age", "parental_consent_below", "absolute_ban_below"):
        frame[column] = frame[column].astype("Int64")
    for column in ("announced", "passed", "effective"):
        frame[column] = pd.to_datetime(frame[column])
        _categorical(frame, f"{column}_precision", DATE_PRECISIONS)
    frame["max_penalty_value"] = frame["max_penalty_value"].astype("Float64")
    _categorical(frame, "status", schema.POLICY_STATUSES)
    _categorical(frame, "kind", schema.POLICY_KINDS)
    frame["verified"] = frame["verified"].astype(bool)
    _tracked_dates(frame)
    return frame


def policy_history_frame(policies: list[schema.AgePolicy]) -> pd.DataFrame:
    rows = [
        {
            "policy_id": policy.id,
            "jurisdiction": policy.jurisdiction,
            "step": index,
            **_dates("date", step.date),
            "status": step.status,
            "source": step.source,
        }
        for policy in policies
        for index, step in enumerate(policy.history)
    ]
    columns = ["policy_id", "jurisdiction", "step", "date", "date_precision", "status", "source"]
    frame = _frame(rows, columns)
    frame["date"] = pd.to_datetime(frame["date"])
    _categorical(frame, "date_precision", DATE_PRECISIONS)
    _categorical(frame, "status", schema.POLICY_STATUSES)
    return frame


def statistics_frame(statistics: list[schema.Statistic]) -> pd.DataFrame:
    rows = [
        {
            "id": statistic.id,
            **_text_columns("label", statistic.label),
            "value": statistic.value,
            "unit": statistic.unit,
            **_text_columns("display", statistic.display),
            "geography": statistic.geography,
            "geography_name": jurisdiction_name(statistic.geography),
            **_text_columns("population", statistic.population),
            **_text_columns("period", statistic.period),
            **_dates("published", statistic.published),
            "publisher": statistic.publisher,
            **_text_columns("methodology", statistic.methodology),
            "topic": statistic.topic,
            "sample_size": statistic.sample_size,
            "comparable_group": statistic.comparable_group,
            "next_expected": statistic.next_expected,
            **_text_columns("caveats", statistic.caveats),
            **_text_columns("dispute", statistic.dispute),
            "verified": statistic.verified,
            "source_url": statistic.sources[0].url,
            "source_publisher": statistic.sources[0].publisher,
            "source_count": len(statistic.sources),
            **_tracked(statistic),
        }
        for statistic in statistics
    ]
    frame = _frame(rows, STATISTIC_COLUMNS)
    frame["value"] = frame["value"].astype(float)
    frame["sample_size"] = frame["sample_size"].astype("Int64")
    frame["published"] = pd.to_datetime(frame["published"])
    _categorical(frame, "published_precision", DATE_PRECISIONS)
    _categorical(frame, "unit", schema.UNITS)
    _categorical(frame, "topic", schema.TOPICS)
    frame["verified"] = frame["verified"].astype(bool)
    _tracked_dates(frame)
    return frame


def platforms_frame(platforms: list[schema.Platform]) -> pd.DataFrame:
    columns = ["id", "name", "owner", "kind", "url"]
    frame = _frame([platform.model_dump(include=set(columns)) for platform in platforms], columns)
    _categorical(frame, "kind", schema.PLATFORM_KINDS)
    return frame


def corrections_frame(corrections: list[schema.Correction]) -> pd.DataFrame:
    rows = [
        {
            "id": correction.id,
            **_dates("date", correction.date),
            "dataset": correction.dataset,
            "record": correction.record,
            **_text_columns("what_changed", correction.what_changed),
            **_text_columns("reason", correction.reason),
        }
        for correction in corrections
    ]
    frame = _frame(rows, CORRECTION_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def sources_frame(records_by_file: dict[str, list[Any]]) -> pd.DataFrame:
    rows = [
        {
            "dataset": schema.dataset_name(file_name),
            "record_id": record.id,
            "position": position,
            "url": source.url,
            "publisher": source.publisher,
            **_dates("published", source.published),
            "kind": source.kind,
        }
        for file_name, records in records_by_file.items()
        for record in records
        for position, source in enumerate(getattr(record, "sources", ()))
    ]
    columns = ["dataset", "record_id", "position", "url", "publisher", "published"]
    frame = _frame(rows, [*columns, "published_precision", "kind"])
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


def build_frames(files: dict[str, Any]) -> Frames:
    """Frames from validated file models (file name -> model with `.dataset` and `.records`)."""
    records = {name: model.records for name, model in files.items()}
    actions = actions_frame(records[schema.ACTIONS_FILE])
    policies = records[schema.POLICIES_FILE]
    return Frames(
        actions=actions,
        action_platforms=action_platforms_frame(actions),
        age_policies=age_policies_frame(policies),
        policy_history=policy_history_frame(policies),
        statistics=statistics_frame(records[schema.STATISTICS_FILE]),
        platforms=platforms_frame(records[schema.PLATFORMS_FILE]),
        corrections=corrections_frame(records[schema.CORRECTIONS_FILE]),
        sources=sources_frame(records),
        datasets={name: model.dataset for name, model in files.items()},
    )
