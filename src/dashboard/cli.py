"""Command line: `python -m dashboard validate|schema` (more commands join as they are built)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dashboard import data, editing, review, schema
from dashboard.export import command as export_command

SCHEMA_DIR = Path("schemas")


def validate(data_dir: Path | None) -> int:
    """Print every problem of a data folder, then a count; 1 when there is any."""
    result = data.load(data_dir, use_snapshot=False)
    for problem in result.problems:
        print(problem)
    shown = data_dir or data.default_data_dir()
    if result.problems:
        more = result.more_line()
        if more:
            print(more)
        count = result.total
        print(f"{count:,} problem{'s' if count != 1 else ''} found in {shown}")
        return 1
    frames = result.frames
    assert frames is not None
    print(
        f"{shown}: all files valid ({len(frames.actions)} actions, "
        f"{len(frames.age_policies)} age policies, {len(frames.statistics)} statistics, "
        f"{len(frames.platforms)} platforms, {len(frames.corrections)} corrections)"
    )
    return 0


def write_schemas(out_dir: Path = SCHEMA_DIR) -> int:
    """Write one JSON Schema per data file into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, content in schema.json_schemas().items():
        (out_dir / name).write_text(render_schema(content), encoding="utf-8")
        print(f"wrote {out_dir / name}")
    return 0


def render_schema(content: dict) -> str:
    return json.dumps(content, indent=2, ensure_ascii=False) + "\n"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check every data file; exit 1 on any problem")
    check.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        help=f"data folder (default: ${data.DATA_DIR_ENV} or data/)",
    )
    schemas = commands.add_parser("schema", help="regenerate the JSON Schemas in schemas/")
    schemas.add_argument("--out", type=Path, default=SCHEMA_DIR, help="output folder")
    editing.add_commands(commands)  # new, changes
    export_command.add_command(commands)
    review.add_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "validate":
        return validate(args.data_dir)
    if args.command == "schema":
        return write_schemas(args.out)
    if args.command in editing.COMMANDS:
        return editing.run(args)
    if args.command == export_command.COMMAND:
        return export_command.run(args)
    if args.command == review.COMMAND:
        return review.run(args)
    return 2  # pragma: no cover - argparse refuses unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
