"""Editors' helpers: `new` (a record template to fill in) and `changes` (records changed since git).

`new` starts an editor from the right shape: every required field, today's date, and `""` where a
value is needed. The validator rejects `""` in every one of those fields (an empty text, an unknown
code, not a number), so a template cannot be published half-filled. `--write` only appends text at
the end of the data file: the editor's own formatting and comments stay byte-for-byte.

`changes` compares the records of each data file in the working tree with a git revision, reading
both with the project's own YAML reader, and says in plain words what was added, changed, removed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from dashboard import data, schema, yamlsource

# `new` kinds -> the file their records live in.
KINDS = {
    "action": schema.ACTIONS_FILE,
    "policy": schema.POLICIES_FILE,
    "statistic": schema.STATISTICS_FILE,
}
COMMANDS = ("new", "changes")


class EditingError(Exception):
    """A problem the editor can fix; the message is one line: what is wrong and what to do."""


# Templates: a record at column 0 with "- " before its first key; `render` indents it to fit.
_HEADER = (
    '# New {kind} (started {today}): replace every "" and check every value;\n'
    "# `.venv/bin/python -m dashboard validate` lists what is left. Delete these two comment lines.\n"
)
_SOURCES = """\
  sources:
    - url: ""  # fill in: the page's address, https://...
      publisher: ""  # fill in: who published the page
      published: {today}  # the page's date (YYYY-MM-DD or YYYY-MM); null where the page has none
      kind: ""  # fill in: original (the regulator, court or report itself), press, or secondary (aggregators)
  verified: ""  # fill in: true only where a source that is not secondary states the key facts, else false
  added: {today}  # the day the record entered the data; never change it
  last_checked: {today}  # the day you confirmed the record against its sources
"""
_ID = '- id: ""  # fill in: lower-case words and hyphens, never changed later, e.g. {example}\n'


def _bilingual(key: str, what: str) -> str:
    return f'  {key}: {{en: "", es: ""}}  # fill in: {what} in English and Spanish\n'


_ACTION = (
    _ID.replace("{example}", "es-prosecutor-referral-2026-02-17")
    + """\
  date: {today}  # the day it happened (YYYY-MM-DD), or YYYY-MM when only the month is known
  jurisdiction: ""  # fill in: ESP, EU, US-FL ... (ISO 3166 code)
  authority: ""  # fill in: who acted, e.g. Data Protection Commission (Ireland)
  type: ""  # fill in: one of {action_types}
  platforms: []  # ids from platforms.yaml, e.g. [x, meta]; leave [] when none
  topics: [""]  # fill in: one or more of {topics}
  status: ""  # fill in: one of {action_statuses}
"""
    + _bilingual("title", "a one-line headline")
    + _bilingual("summary", "two or three plain sentences")
    + _SOURCES
    + "  # optional: amount: {value: 1000000, currency: EUR}, related: [other-action-id], notes\n"
)
_POLICY = (
    _ID.replace("{example}", "aus-social-media-minimum-age-act-2024")
    + """\
  jurisdiction: ""  # fill in: ESP, EU, US-FL ... (ISO 3166 code)
  name: ""  # fill in: the rule's name as the law or plan calls it
  min_age: ""  # fill in: a whole number from 10 to 21, or null when the rule is not an age threshold
  kind: ""  # fill in: one of {policy_kinds} (docs/data-format.md says which)
  status: ""  # fill in: one of {policy_statuses}
  announced: {today}  # optional dates: announced, passed, effective; delete what does not apply
"""
    + _bilingual("title", "a one-line headline")
    + _bilingual("summary", "two or three plain sentences")
    + _SOURCES
    + """\
  history:  # one step per status change, oldest first; the last step's status is `status` above
    - {date: {today}, status: "", source: ""}  # fill in: the status reached and the page's address
"""
)
_STATISTIC = (
    _ID.replace("{example}", "ncmec-gai-reports-2024")
    + _bilingual("label", "what the figure measures")
    + """\
  value: ""  # fill in: the number as published, without % or thousands separators
  unit: ""  # fill in: one of {units}
  display: ""  # fill in: how readers see it, e.g. 1 in 5 (20%)
  geography: ""  # fill in: ESP, EU, US-FL ... or WORLD
  population: ""  # fill in: who or what was counted
  period: ""  # fill in: what the figure covers, e.g. "2025" (a bare year needs the quotes)
  published: {today}  # the day the figure was first published
  publisher: ""  # fill in: who published the figure
  methodology: ""  # fill in: how it was measured, in one or two sentences
  topic: ""  # fill in: one of {topics}
"""
    + _SOURCES
)
_TEMPLATES = {"action": _ACTION, "policy": _POLICY, "statistic": _STATISTIC}


def template(kind: str, today: date, indent: int = 2) -> str:
    """The YAML template of one record of `kind`, its dash `indent` spaces in (as under records:)."""
    values = {
        "kind": kind,
        "today": today.isoformat(),
        "action_types": ", ".join(schema.ACTION_TYPES),
        "action_statuses": ", ".join(schema.ACTION_STATUSES),
        "policy_statuses": ", ".join(schema.POLICY_STATUSES),
        "policy_kinds": ", ".join(schema.POLICY_KINDS),
        "topics": ", ".join(schema.TOPICS),
        "units": ", ".join(schema.UNITS),
    }
    text = _HEADER + _TEMPLATES[kind]
    for name, value in values.items():  # not str.format: YAML flow mappings use braces
        text = text.replace("{" + name + "}", value)
    return "".join(" " * indent + line for line in text.splitlines(keepends=True))


def append_template(kind: str, data_dir: Path, today: date) -> tuple[Path, int]:
    """Append a template to the kind's data file; return the file and the template's first line."""
    path = data_dir / KINDS[kind]
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise EditingError(f"{path} cannot be read ({error.strerror}); check --data-dir") from None
    old = _parse(raw, str(path))
    text = raw.decode("utf-8-sig")
    glue = "" if not text or text.endswith("\n") else "\n"
    addition = glue + template(kind, today, _record_indent(old))
    if not _adds_one_record(text + addition, len(_records_of(old))):
        # e.g. `records: []`, or another block after records:
        raise EditingError(
            f"cannot append to {path}: its records: list must be the last part of the file, "
            "one '- id:' item per record; paste the template from `.venv/bin/python -m dashboard new "
            f"{kind}` by hand"
        )
    with path.open("ab") as handle:  # append only: existing bytes are never rewritten
        handle.write(addition.encode("utf-8"))
    return path, text.count("\n") + len(glue) + 1


def _adds_one_record(text: str, count: int) -> bool:
    """Whether `text` parses and holds one record more than `count`."""
    try:
        return len(_records_of(yamlsource.parse(text))) == count + 1
    except yamlsource.YamlProblems:
        return False


def _record_indent(parsed: yamlsource.ParsedYaml) -> int:
    """The column of the '-' of the file's existing records (2 where there is none)."""
    root = parsed.root
    if root is not None:
        for key, node in root.value if isinstance(root, yaml.MappingNode) else ():
            if key.value == "records" and isinstance(node, yaml.SequenceNode) and node.value:
                return node.start_mark.column
    return 2


def _parse(raw: bytes, shown: str) -> yamlsource.ParsedYaml:
    """Parse a data file's bytes, or raise a one-line EditingError naming the first problem."""
    try:
        return yamlsource.parse(yamlsource.decode(raw))
    except yamlsource.YamlProblem as problem:
        first, more = problem, 0
    except yamlsource.YamlProblems as found:
        first, more = found.problems[0], len(found.problems) - 1
    extra = f" (and {more} more)" if more else ""
    raise EditingError(
        f"{shown} cannot be read: line {first.line}, column {first.column}: {first.message}"
        f"{extra}; fix it (.venv/bin/python -m dashboard validate shows every problem) and run again"
    )


def _records_of(parsed: yamlsource.ParsedYaml) -> list[Any]:
    """The `records:` list of a parsed file, or [] where it has none."""
    records = parsed.data.get("records") if isinstance(parsed.data, dict) else None
    return records if isinstance(records, list) else []


# changes


def changes(data_dir: Path, since: str) -> list[str]:
    """One line per record added, changed or removed in `data_dir` since git revision `since`."""
    if not data_dir.is_dir():
        raise EditingError(
            f"data folder {data_dir} not found; pass --data-dir with the data folder"
        )
    if _git(data_dir, "rev-parse", "--is-inside-work-tree").returncode != 0:
        raise EditingError(
            f"{data_dir} is not inside a git repository; run this in the project's git checkout"
        )
    if _git(data_dir, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}").returncode:
        raise EditingError(
            f"unknown revision {since!r}; give a commit, branch or tag that exists "
            "(git log --oneline lists commits)"
        )
    lines = []
    for name in schema.DATASETS:
        old = _old_records(data_dir, since, name)
        new = _new_records(data_dir / name)
        lines.extend(_compare(name, old, new))
    return lines


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run git in `folder`, capturing its output."""
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise EditingError("git is not installed; install git and run again") from None


def _old_records(data_dir: Path, since: str, name: str) -> dict[str, dict]:
    """The records of a data file at revision `since` (none where the file did not exist)."""
    shown = _git(data_dir, "show", f"{since}:./{name}")
    if shown.returncode != 0:
        return {}  # the revision is known, so the file did not exist then: every record is new
    return _by_id(_parse(shown.stdout, f"{name} at {since}"))


def _new_records(path: Path) -> dict[str, dict]:
    """The records of a data file in the working tree (none where the file was deleted)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise EditingError(
            f"{path} cannot be read ({error.strerror}); check its permissions"
        ) from None
    return _by_id(_parse(raw, str(path)))


def _by_id(parsed: yamlsource.ParsedYaml) -> dict[str, dict]:
    """Records keyed by id, in file order (items without a text id cannot be compared)."""
    records = _records_of(parsed)
    return {r["id"]: r for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}


def _compare(name: str, old: dict[str, dict], new: dict[str, dict]) -> list[str]:
    """Plain-words lines for one file: added, then changed, then removed records."""
    added = [
        f"{name}: added {key or '(no id yet)'}{_title(new[key])}" for key in new if key not in old
    ]
    changed = [
        f"{name}: changed {key} ({', '.join(fields)})"
        for key in new
        if key in old and (fields := _changed_fields(old[key], new[key]))
    ]
    removed = [f"{name}: removed {key}" for key in old if key not in new]
    return added + changed + removed


_MISSING = object()


def _changed_fields(old: dict, new: dict) -> list[str]:
    """Names of the fields whose values differ, in the new record's order, then removed ones."""
    names = list(new) + [key for key in old if key not in new]
    return [str(key) for key in names if old.get(key, _MISSING) != new.get(key, _MISSING)]


def _title(record: dict) -> str:
    """' ("English title")' from title, label or name, or '' where the record has none."""
    for key in ("title", "label", "name"):
        value = record.get(key)
        text = value.get("en") if isinstance(value, dict) else value
        if isinstance(text, str) and text.strip():
            return f' ("{" ".join(text.split())}")'
    return ""


# Command line


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add `new` and `changes` to the `python -m dashboard` subcommands."""
    default_dir = f"${data.DATA_DIR_ENV} or data/"
    new = commands.add_parser("new", help="print (or --write) a record template to fill in")
    new.add_argument("kind", choices=list(KINDS), help="the kind of record")
    new.add_argument("--write", action="store_true", help="append it to the data file")
    new.add_argument("--data-dir", type=Path, help=f"data folder (default: {default_dir})")
    since = commands.add_parser("changes", help="list records changed since a git revision")
    since.add_argument("--since", default="HEAD", help="git revision (default: HEAD)")
    since.add_argument("--data-dir", type=Path, help=f"data folder (default: {default_dir})")


def run(args: argparse.Namespace, today: date | None = None) -> int:
    """Run `new` or `changes`; one-line errors go to stderr with exit status 1."""
    data_dir = args.data_dir or data.default_data_dir()
    try:
        if args.command == "new":
            return _run_new(args.kind, args.write, data_dir, today or date.today())
        return _run_changes(data_dir, args.since)
    except EditingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _run_new(kind: str, write: bool, data_dir: Path, today: date) -> int:
    if not write:
        print(template(kind, today), end="")
        return 0
    path, line = append_template(kind, data_dir, today)
    print(
        f'added a new {kind} at the end of {path} (line {line}); replace every "" there, '
        "then run: .venv/bin/python -m dashboard validate"
    )
    return 0


def _run_changes(data_dir: Path, since: str) -> int:
    lines = changes(data_dir, since)
    print("\n".join(lines) if lines else f"no record added, changed or removed since {since}")
    return 0
