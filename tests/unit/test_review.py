"""`python -m dashboard review`: the editors' queue of records to look at, most urgent first."""

from __future__ import annotations

import io
import shutil
from argparse import Namespace
from datetime import date
from pathlib import Path

import pytest

from dashboard import cli, review
from tests.conftest import VALID_DATA

AS_OF = "2026-11-29"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def queue_data(tmp_path) -> Path:
    """The valid fixture with one record due for each reason."""
    folder = tmp_path / "data"
    shutil.copytree(VALID_DATA, folder)
    # A plan whose start date passed while it is still only announced (and has not moved since).
    edit(folder / "age_policies.yaml", "    announced: 2026-02-03\n",
         "    announced: 2026-02-03\n    effective: 2026-06-01\n")  # fmt: skip
    # A series whose next edition was due in June.
    edit(folder / "statistics.yaml", "  - id: ncmec-gai-reports-2024\n",
         "  - id: ncmec-gai-reports-2024\n    next_expected: 2026-06\n")  # fmt: skip
    # An unverified record added in September; a record checked in January; one checked recently.
    edit(folder / "actions.yaml", "  - id: us-anderegg-ruling-2025-02\n",
         "  - id: us-anderegg-ruling-2025-02\n    added: 2026-09-01\n")  # fmt: skip
    edit(folder / "age_policies.yaml", "  - id: aus-social-media-minimum-age-act-2024\n",
         "  - id: aus-social-media-minimum-age-act-2024\n    last_checked: 2026-01-10\n")  # fmt: skip
    edit(folder / "actions.yaml", "  - id: ie-dpc-grok-inquiry-2026-02-17\n",
         "  - id: ie-dpc-grok-inquiry-2026-02-17\n    last_checked: 2026-11-01\n")  # fmt: skip
    return folder


def run(folder: Path, *extra: str) -> tuple[int, str]:
    args = cli.build_parser().parse_args(["review", str(folder), "--as-of", AS_OF, *extra])
    out = io.StringIO()
    return review.run(args, out), out.getvalue()


def test_most_urgent_first_with_file_line_id_why_and_what_to_check(queue_data):
    code, out = run(queue_data)
    assert code == 0
    lines = out.splitlines()
    where = str(queue_data)
    assert lines[:5] == [
        f"{where}/age_policies.yaml:29: esp-under-16-plan-2026: its start date (2026-06-01) has "
        "passed but its status is announced. Check whether it entered into force, was delayed or "
        "was blocked; add a history step.",
        f"{where}/statistics.yaml:28: ncmec-gai-reports-2024: the series' next edition was due "
        "2026-06. Check whether the publisher has released it; add the new figure as a record.",
        f"{where}/age_policies.yaml:29: esp-under-16-plan-2026: status announced unchanged since "
        "2026-02-03. Check whether the rule or action has moved on (a vote, a signature, a court, "
        "a withdrawal).",
        f"{where}/actions.yaml:46: us-anderegg-ruling-2025-02: unverified since 2026-09-01. Check a "
        "source that states the key facts, then set verified: true or drop the record.",
        f"{where}/age_policies.yaml:8: aus-social-media-minimum-age-act-2024: last checked "
        "2026-01-10. Check every source still says what the record says; then set last_checked.",
    ]
    never = [line for line in lines if "no last_checked date" in line]
    assert len(never) == 6  # every record but the two with a last_checked date
    assert not any("ie-dpc-grok-inquiry" in line and "last checked" in line for line in lines)
    assert lines[-1] == f"11 records to look at in {where}"


def test_days_sets_every_threshold(queue_data):
    _code, out = run(queue_data, "--days", "1")
    # Checked on 1 Nov: past a 1-day threshold, so now listed.
    assert "ie-dpc-grok-inquiry-2026-02-17: last checked 2026-11-01" in out
    _code, out = run(queue_data, "--days", "400")
    assert "status announced unchanged" not in out
    assert "unverified since" not in out


def test_csv_for_a_spreadsheet(queue_data):
    code, out = run(queue_data, "--format", "csv")
    assert code == 0
    rows = out.splitlines()
    assert rows[0] == "file,line,id,key,reason,since,check"
    assert rows[1].startswith(
        f"{queue_data}/age_policies.yaml,29,esp-under-16-plan-2026,effective_passed,"
    )
    assert len(rows) == 12


def test_invalid_data_exits_1_with_the_validators_messages(queue_data):
    edit(queue_data / "actions.yaml", "    date: 2026-02-17\n", "    date: 17/02/2026\n")
    code, out = run(queue_data)
    assert code == 1
    assert "records[0].date: '17/02/2026' is not a date (YYYY-MM-DD or YYYY-MM)" in out
    assert out.splitlines()[-1].endswith("fix them first")


def test_queue_counts_from_the_day_given(queue_data):
    from dashboard import data

    frames = data.load(queue_data, use_snapshot=False).frames
    early = review.queue(frames, queue_data, date(2026, 3, 1))
    assert not any(item.key == "stale_status" for item in early)


def test_review_is_a_cli_command():
    args = cli.build_parser().parse_args(["review"])
    assert isinstance(args, Namespace) and args.command == "review"
