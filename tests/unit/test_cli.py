"""`python -m dashboard validate`: the editor's check, with exact output and exit codes."""

from __future__ import annotations

import subprocess
import sys

from dashboard import cli
from tests.conftest import VALID_DATA


def test_clean_data_exits_0_with_a_summary(capsys):
    assert cli.main(["validate", str(VALID_DATA)]) == 0
    assert capsys.readouterr().out == (
        f"{VALID_DATA}: all files valid (3 actions, 3 age policies, 2 statistics, "
        "4 platforms, 1 corrections)\n"
    )


def test_problems_are_listed_then_counted_with_exit_1(data_copy, capsys):
    path = data_copy / "actions.yaml"
    text = path.read_text().replace("date: 2026-02-17", "date: 17/02/2026", 1)
    path.write_text(text.replace("type: prosecution_referral", "type: prosecution"))
    assert cli.main(["validate", str(data_copy)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{data_copy}/actions.yaml:10:11: records[0].date: '17/02/2026' is not a date "
        "(YYYY-MM-DD or YYYY-MM)",
        f"{data_copy}/actions.yaml:13:11: records[0].type: 'prosecution' is not a known action "
        "type (did you mean 'prosecution_referral'?); allowed: investigation, formal_proceedings, "
        "prosecution_referral, criminal_case, raid, fine, court_ruling, block_or_ban, "
        "law_enacted, law_proposed, regulation_guidance, request_for_information, order, "
        "settlement, other",
        f"2 problems found in {data_copy}",
    ]


def test_default_folder_from_environment(monkeypatch, capsys):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(VALID_DATA))
    assert cli.main(["validate"]) == 0
    assert "all files valid" in capsys.readouterr().out


def test_bad_data_never_gives_a_traceback(tmp_path):
    (tmp_path / "actions.yaml").write_bytes(b"\xff\xfe garbage: [")
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert (
        run.stdout.splitlines()[-1] == f"5 problems found in {tmp_path}"
    )  # this file, four missing
