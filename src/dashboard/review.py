"""`python -m dashboard review`: the records that need an editor's look, most urgent first.

Each item names the file and line, the record, why it is listed and what to check. The queue reads
valid data only; on invalid data the command prints the validator's messages and exits 1.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard import data, schema, yamlsource

COMMAND = "review"
# Days before a record is listed, per reason; `--days N` sets them all to N.
THRESHOLDS = {"stale_status": 90, "not_checked": 180, "unverified": 30}
PENDING_POLICY = ("announced", "proposed", "in_parliament")
# Statuses that already explain why a rule whose start date passed is not in force.
STOPPED = ("blocked_by_court", "repealed", "rejected", "in_force")
# Most urgent first: a status that is wrong today, a new edition out, a status that may have moved.
URGENCY = (
    "effective_passed", "series_due", "stale_status", "unverified", "not_checked", "never_checked",
)  # fmt: skip
CSV_COLUMNS = ["file", "line", "id", "key", "reason", "since", "check"]

_WHY = {
    "effective_passed": (
        "its start date ({since}) has passed but its status is {status}",
        "whether it entered into force, was delayed or was blocked; add a history step",
    ),
    "series_due": (
        "the series' next edition was due {since}",
        "whether the publisher has released it; add the new figure as a record",
    ),
    "stale_status": (
        "status {status} unchanged since {since}",
        "whether the rule or action has moved on (a vote, a signature, a court, a withdrawal)",
    ),
    "unverified": (
        "unverified since {since}",
        "a source that states the key facts, then set verified: true or drop the record",
    ),
    "not_checked": (
        "last checked {since}",
        "every source still says what the record says; then set last_checked",
    ),
    "never_checked": (
        "no last_checked date",
        "every source still says what the record says; then set last_checked",
    ),
}


@dataclass(frozen=True)
class Item:
    """One record to look at."""

    file: str
    line: int
    id: str
    key: str  # one of URGENCY
    reason: str
    since: str
    check: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.id}: {self.reason}. Check {self.check}."


def _day(value: Any) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _candidates(frames: Any, today: date, limits: dict[str, int]) -> list[tuple[str, str, Any]]:
    """(file, reason, row) for every record due a look, with `since` and `status` on the row."""
    found: list[tuple[str, str, Any]] = []

    def older(day: date | None, reason: str) -> bool:
        return day is not None and day < today - timedelta(days=limits[reason])

    history = frames.policy_history.sort_values(["policy_id", "step"])
    last_step = history.groupby("policy_id")["date"].last()
    for row in frames.age_policies.to_dict("records"):
        status = str(row["status"])
        effective = _day(row["effective"])
        if effective and effective < today and status not in STOPPED:
            found.append((schema.POLICIES_FILE, "effective_passed", row | {"since": effective}))
        moved = _day(last_step.get(row["id"])) or _day(row["announced"])
        if status in PENDING_POLICY and older(moved, "stale_status"):
            found.append((schema.POLICIES_FILE, "stale_status", row | {"since": moved}))
    for row in frames.actions.to_dict("records"):
        if str(row["status"]) == "announced" and older(_day(row["date"]), "stale_status"):
            found.append((schema.ACTIONS_FILE, "stale_status", row | {"since": _day(row["date"])}))
    for row in frames.statistics.to_dict("records"):
        due = row.get("next_expected")
        due_day = _day(due) if due else None
        if due_day is not None and due_day <= today:
            found.append((schema.STATISTICS_FILE, "series_due", row | {"since": due}))
    for file_name, frame in (
        (schema.ACTIONS_FILE, frames.actions),
        (schema.POLICIES_FILE, frames.age_policies),
        (schema.STATISTICS_FILE, frames.statistics),
    ):
        for row in frame.to_dict("records"):
            added = _day(row.get("added"))
            if not row["verified"] and older(added, "unverified"):
                found.append((file_name, "unverified", row | {"since": added}))
            checked = _day(row.get("last_checked"))
            if checked is None:
                found.append((file_name, "never_checked", row | {"since": ""}))
            elif older(checked, "not_checked"):
                found.append((file_name, "not_checked", row | {"since": checked}))
    return found


def _record_lines(folder: Path, file_name: str) -> dict[str, int]:
    """Record id -> the line of its `id:` in the file."""
    parsed = yamlsource.parse(yamlsource.decode((folder / file_name).read_bytes()))
    records = parsed.data.get("records") or []
    return {
        record["id"]: parsed.locate(("records", index, "id"))[0]
        for index, record in enumerate(records)
        if isinstance(record, dict) and "id" in record
    }


def queue(
    frames: Any, folder: Path, today: date, limits: dict[str, int] | None = None
) -> list[Item]:
    """Every record due a look, most urgent reason first, then the oldest first."""
    limits = limits or THRESHOLDS
    lines = {name: _record_lines(folder, name) for name in schema.STORY_FILES}
    items = []
    for file_name, key, row in _candidates(frames, today, limits):
        text, check = _WHY[key]
        since = str(row["since"])
        items.append(
            Item(
                str(folder / file_name),
                lines[file_name].get(row["id"], 1),
                row["id"],
                key,
                text.format(since=since, status=row.get("status")),
                since,
                check,
            )
        )
    return sorted(items, key=lambda item: (URGENCY.index(item.key), item.since, item.id))


def to_csv(items: list[Item]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        writer.writerow([getattr(item, column) for column in CSV_COLUMNS])
    return out.getvalue()


def add_command(commands: Any) -> None:
    parser = commands.add_parser(
        COMMAND, help="list the records that need a look, most urgent first"
    )
    parser.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        help=f"data folder (default: ${data.DATA_DIR_ENV} or data/)",
    )
    parser.add_argument("--format", choices=("text", "csv"), default="text")
    parser.add_argument(
        "--days",
        type=int,
        metavar="N",
        help="list records after N days for every reason (default: 90 for a status that has not "
        "moved, 180 since last checked, 30 for an unverified record)",
    )
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="count ages from this day instead of today",
    )


def run(args: argparse.Namespace, out: Any = None) -> int:
    out = out or sys.stdout
    folder = args.data_dir or data.default_data_dir()
    result = data.load(folder, use_snapshot=False)
    if result.problems or result.frames is None:
        for problem in result.problems:
            print(problem, file=out)
        print(f"{result.total} problem(s) found in {folder}; fix them first", file=out)
        return 1
    if args.days is not None and args.days < 0:
        print("--days takes a number of days of 0 or more", file=out)
        return 2
    limits = dict.fromkeys(THRESHOLDS, args.days) if args.days is not None else THRESHOLDS
    items = queue(result.frames, Path(folder), args.as_of or date.today(), limits)
    if args.format == "csv":
        out.write(to_csv(items))
        return 0
    for item in items:
        print(item, file=out)
    noun = "record" if len(items) == 1 else "records"
    print(f"{len(items)} {noun} to look at in {folder}", file=out)
    return 0
