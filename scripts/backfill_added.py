"""One-off: give every record of the story files an `added` date (and a `last_checked` date).

`added` is the date of the first commit whose version of the file holds the record's id, read from
the repository's history. Records without `last_checked` get `--checked` (the day they were last
curated against their sources). The dates go in as one line after each record's `id:` line, so the
editors' formatting and comments stay as they are. Records that already carry a field keep it.

Run: .venv/bin/python scripts/backfill_added.py --checked 2026-11-25
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src")]

from dashboard.schema import STORY_FILES  # noqa: E402

ID_LINE = re.compile(r"^(?P<indent>\s*)- id: (?P<id>[a-z0-9-]+)\s*$")


def first_seen(file_name: str) -> dict[str, str]:
    """Record id -> the date of the first commit holding it."""
    log = subprocess.run(
        ["git", "log", "--reverse", "--format=%H %ad", "--date=short", "--", f"data/{file_name}"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split("\n")  # fmt: skip
    seen: dict[str, str] = {}
    for line in filter(None, log):
        commit, day = line.split()
        text = subprocess.run(
            ["git", "show", f"{commit}:data/{file_name}"],
            cwd=ROOT, capture_output=True, text=True, check=False,
        ).stdout  # fmt: skip
        try:
            records = (yaml.safe_load(text) or {}).get("records") or []
        except yaml.YAMLError:
            continue
        for record in records:
            if isinstance(record, dict) and "id" in record:
                seen.setdefault(str(record["id"]), day)
    return seen


def backfill(file_name: str, checked: str, today: str) -> int:
    path = ROOT / "data" / file_name
    records = {r["id"]: r for r in yaml.safe_load(path.read_text(encoding="utf-8"))["records"]}
    seen = first_seen(file_name)
    out, changed = [], 0
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        out.append(line)
        match = ID_LINE.match(line)
        if not match:
            continue
        record = records[match["id"]]
        pad = match["indent"] + "  "
        if "added" not in record:
            out.append(f"{pad}added: '{seen.get(match['id'], today)}'\n")
            changed += 1
        if "last_checked" not in record:
            out.append(f"{pad}last_checked: '{checked}'\n")
    path.write_text("".join(out), encoding="utf-8")
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checked", required=True, help="last_checked for records without one")
    parser.add_argument("--today", default=None, help="added for ids not yet committed")
    args = parser.parse_args()
    today = args.today or date.today().isoformat()
    for name in STORY_FILES:
        print(f"{name}: {backfill(name, args.checked, today)} records given an added date")


if __name__ == "__main__":
    main()
