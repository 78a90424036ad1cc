"""Rules that span fields, records or files, checked after each file matched its model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from dashboard import bilingual, textchecks
from dashboard.schema import (
    ACTIONS_FILE,
    CORRECTIONS_FILE,
    PLATFORMS_FILE,
    POLICIES_FILE,
    STATISTICS_FILE,
    Action,
    AgePolicy,
    Correction,
    Statistic,
    chosen_moments,
    nearest,
)

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class RuleProblem:
    """A broken rule: the file, the path of the value inside it, and a message."""

    file: str
    path: Path
    message: str


def _month_floor(text: str) -> str:
    # A month-only date counts as its first day: the earliest it can be.
    return text if len(text) == 10 else f"{text}-01"


def check_files(files: dict[str, Any]) -> Iterator[RuleProblem]:
    """All rule problems of validated files (file name -> file model)."""
    for file_name, model in files.items():
        yield from _unique_ids(file_name, model.records)
        yield from _review_dates(file_name, model.dataset)
        yield from _dates_within_coverage(file_name, model)
        yield from _dated_sources(file_name, model.records)
        yield from (RuleProblem(file_name, *found) for found in textchecks.check_texts(model))
        yield from _verified_needs_primary(file_name, model.records)
        for path, message in bilingual.check_records(model.records):
            yield RuleProblem(file_name, path, message)
    if POLICIES_FILE in files:
        yield from _policy_dates(files[POLICIES_FILE].records)
        yield from _history_matches_status(files[POLICIES_FILE].records)
    if STATISTICS_FILE in files:
        yield from _statistic_values(files[STATISTICS_FILE].records)
    yield from _references(files)
    yield from _chosen_records(files)


def _unique_ids(file_name: str, records: list[Any]) -> Iterator[RuleProblem]:
    first_index: dict[str, int] = {}
    for index, record in enumerate(records):
        if record.id in first_index:
            yield RuleProblem(
                file_name,
                ("records", index, "id"),
                f"duplicate id {record.id!r} (already used by records[{first_index[record.id]}])",
            )
        else:
            first_index[record.id] = index


def _record_dates(record: Any) -> Iterator[tuple[Path, str]]:
    """Every date of a record with its path inside the record."""
    for field in ("date", "announced", "passed", "effective", "published"):
        value = getattr(record, field, None)
        if isinstance(value, str):
            yield (field,), value
    for index, step in enumerate(getattr(record, "history", ())):
        yield ("history", index, "date"), step.date
    for index, source in enumerate(getattr(record, "sources", ())):
        if source.published:
            yield ("sources", index, "published"), source.published


def _review_dates(file_name: str, meta: Any) -> Iterator[RuleProblem]:
    if meta.last_reviewed > date.today().isoformat():
        yield RuleProblem(
            file_name,
            ("dataset", "last_reviewed"),
            f"last_reviewed ({meta.last_reviewed}) is in the future",
        )
    if meta.coverage_end > meta.last_reviewed:
        yield RuleProblem(
            file_name,
            ("dataset", "coverage_end"),
            f"coverage_end ({meta.coverage_end}) is after last_reviewed ({meta.last_reviewed}); "
            "sources cannot have been searched after the review",
        )


def _dates_within_coverage(file_name: str, model: Any) -> Iterator[RuleProblem]:
    reviewed, covered = model.dataset.last_reviewed, model.dataset.coverage_end
    for index, record in enumerate(model.records):
        for path, value in _record_dates(record):
            if isinstance(record, Correction):
                # A correction is dated when it was made, which can be after the coverage date.
                if _month_floor(value) > reviewed:
                    yield RuleProblem(
                        file_name,
                        ("records", index, *path),
                        f"{value!r} is after the file's last_reviewed date ({reviewed})",
                    )
            elif _month_floor(value) > covered:
                yield RuleProblem(
                    file_name,
                    ("records", index, *path),
                    f"{value!r} is after the file's coverage_end ({covered}); "
                    "a record cannot describe events past what sources were searched for",
                )
        for field in ("added", "last_checked"):
            day = getattr(record, field, None)
            if day and day > reviewed:
                yield RuleProblem(
                    file_name,
                    ("records", index, field),
                    f"{field} ({day}) is after the file's last_reviewed date ({reviewed})",
                )


def _verified_needs_primary(file_name: str, records: list[Any]) -> Iterator[RuleProblem]:
    for index, record in enumerate(records):
        sources = getattr(record, "sources", None)
        if (
            getattr(record, "verified", False)
            and sources
            and all(source.kind == "secondary" for source in sources)
        ):
            yield RuleProblem(
                file_name,
                ("records", index, "verified"),
                "verified: true needs at least one source that is not secondary "
                "(an aggregator alone cannot verify a fact)",
            )


def _history_matches_status(policies: list[AgePolicy]) -> Iterator[RuleProblem]:
    for index, policy in enumerate(policies):
        if policy.history and str(policy.history[-1].status) != str(policy.status):
            last = len(policy.history) - 1
            yield RuleProblem(
                POLICIES_FILE,
                ("records", index, "status"),
                f"status is {policy.status!r} but the last history step "
                f"(history[{last}], {policy.history[-1].date}) says "
                f"{policy.history[-1].status!r}; add a history step or fix the status",
            )


def _dated_sources(file_name: str, records: list[Any]) -> Iterator[RuleProblem]:
    for index, record in enumerate(records):
        sources = getattr(record, "sources", None)
        if isinstance(record, Correction) and not sources:
            continue  # a correction's sources are optional
        if sources is not None and not any(source.published for source in sources):
            yield RuleProblem(
                file_name,
                ("records", index, "sources"),
                "at least one source needs its publication date (published)",
            )


def _policy_dates(policies: list[AgePolicy]) -> Iterator[RuleProblem]:
    order = ("announced", "passed", "effective")
    for index, policy in enumerate(policies):
        dated = [(name, getattr(policy, name)) for name in order if getattr(policy, name)]
        for (earlier, earlier_value), (later, later_value) in zip(dated, dated[1:], strict=False):
            if _month_floor(later_value) < _month_floor(earlier_value):
                yield RuleProblem(
                    POLICIES_FILE,
                    ("records", index, later),
                    f"{later} ({later_value}) is before {earlier} ({earlier_value}); "
                    "the order is announced, passed, effective",
                )
        steps = [_month_floor(step.date) for step in policy.history]
        for step_index in range(1, len(steps)):
            if steps[step_index] < steps[step_index - 1]:
                yield RuleProblem(
                    POLICIES_FILE,
                    ("records", index, "history", step_index, "date"),
                    "history steps must be listed oldest first",
                )


def _statistic_values(statistics: list[Statistic]) -> Iterator[RuleProblem]:
    group_unit: dict[str, tuple[str, str]] = {}
    for index, statistic in enumerate(statistics):
        where = ("records", index, "value")
        if statistic.unit == "percent" and not 0 <= statistic.value <= 100:
            yield RuleProblem(
                STATISTICS_FILE,
                where,
                f"a percent must lie between 0 and 100, not {statistic.value:g}",
            )
        if statistic.unit == "count" and (statistic.value < 0 or statistic.value % 1):
            yield RuleProblem(
                STATISTICS_FILE,
                where,
                f"a count must be a whole number of at least 0, not {statistic.value:g}",
            )
        group = statistic.comparable_group
        if group is None:
            continue
        if group not in group_unit:
            group_unit[group] = (statistic.unit, statistic.id)
        elif group_unit[group][0] != statistic.unit:
            unit, first_id = group_unit[group]
            yield RuleProblem(
                STATISTICS_FILE,
                ("records", index, "unit"),
                f"figures in comparable_group {group!r} must share one unit: "
                f"{statistic.unit!r} here, {unit!r} in {first_id!r}",
            )


def _references(files: dict[str, Any]) -> Iterator[RuleProblem]:
    ids = {name: {record.id for record in model.records} for name, model in files.items()}
    actions: list[Action] = files[ACTIONS_FILE].records if ACTIONS_FILE in files else []
    platform_ids = ids.get(PLATFORMS_FILE)
    for index, action in enumerate(actions):
        for position, platform in enumerate(action.platforms):
            if platform_ids is not None and platform not in platform_ids:
                yield RuleProblem(
                    ACTIONS_FILE,
                    ("records", index, "platforms", position),
                    f"unknown platform {platform!r}{nearest(platform, platform_ids)}; "
                    "platforms must be ids from platforms.yaml",
                )
        for position, related in enumerate(action.related):
            if related not in ids[ACTIONS_FILE]:
                yield RuleProblem(
                    ACTIONS_FILE,
                    ("records", index, "related", position),
                    f"unknown action {related!r}{nearest(related, ids['actions.yaml'])}",
                )
    corrections = files[CORRECTIONS_FILE].records if CORRECTIONS_FILE in files else []
    for index, correction in enumerate(corrections):
        target_ids = ids.get(correction.dataset)
        if target_ids is not None and correction.record not in target_ids:
            yield RuleProblem(
                CORRECTIONS_FILE,
                ("records", index, "record"),
                f"no record {correction.record!r} in {correction.dataset}"
                f"{nearest(correction.record, target_ids)}",
            )


def _chosen_records(files: dict[str, Any]) -> Iterator[RuleProblem]:
    """The records the `dataset:` blocks choose for the charts exist, and their labels agree.

    A renamed or removed record must stop the load, not silently drop a chart's annotation.
    """
    if ACTIONS_FILE in files:
        action_ids = {action.id for action in files[ACTIONS_FILE].records}
        for path, moment in chosen_moments(files[ACTIONS_FILE].dataset):
            if moment.id not in action_ids:
                yield RuleProblem(
                    ACTIONS_FILE,
                    (*path, "id"),
                    f"no action {moment.id!r} in actions.yaml{nearest(moment.id, action_ids)}",
                )
            problem = moment.label.es and bilingual.mismatch(moment.label.en, moment.label.es)
            if problem:
                yield RuleProblem(ACTIONS_FILE, (*path, "label", "es"), problem)
    if STATISTICS_FILE in files:
        headline = files[STATISTICS_FILE].dataset.headline_figure
        figures = {figure.id: figure for figure in files[STATISTICS_FILE].records}
        where = ("dataset", "headline_figure")
        if headline is not None and headline not in figures:
            yield RuleProblem(
                STATISTICS_FILE,
                where,
                f"no figure {headline!r} in statistics.yaml{nearest(headline, figures)}",
            )
        elif headline is not None and figures[headline].unit != "percent":
            yield RuleProblem(
                STATISTICS_FILE,
                where,
                f"{headline!r} is a {figures[headline].unit} figure; the overview draws the "
                "headline figure as 100 people, so it must be a percent",
            )
