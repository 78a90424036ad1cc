"""The export's folder: plain file names only, a marker, and refusing to replace anyone's work."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from dashboard import data


class ExportError(Exception):
    """An export that cannot go ahead; `lines` are shown to the user as they are."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class ExportFolder:
    """A folder files are written into by plain names only: nothing can land outside it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.written: list[str] = []

    def path(self, name: str) -> Path:
        target = (self.root / name).resolve()
        if "/" in name or "\\" in name or name.startswith(".") or target.parent != self.root:
            raise ExportError([f"refusing to write {name!r}: not a plain file name"])
        return target

    def write(self, name: str, content: str | bytes) -> Path:
        target = self.path(name)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
        self.written.append(name)
        return target

    def copy(self, name: str, source: Path) -> None:
        shutil.copyfile(source, self.path(name))
        self.written.append(name)


# Written into every export: only a folder holding it may be replaced by the next export.
MARKER = ".dashboard-export"
MARKER_TEXT = "Written by `python -m dashboard export`; the next export with --force replaces it.\n"


def _holds(folder: Path, other: Path) -> bool:
    """True when `other` is `folder` or lies inside it."""
    return other == folder or folder in other.parents


def _protected(out: Path, data_dir: Path | None) -> str | None:
    """Why `out` must never be replaced (it is or holds the data, a project, home), else None."""
    resolved = out.resolve()
    data_folder = Path(data_dir or data.default_data_dir()).resolve()
    if _holds(resolved, data_folder) or _holds(data_folder, resolved):
        return f"{out} is the data folder or holds it; choose another --out"
    cwd = Path.cwd().resolve()
    project_files = (".git", "pyproject.toml", "app.py", "requirements.txt")
    if (
        resolved in {Path("/").resolve(), Path.home().resolve()}
        or _holds(resolved, cwd)
        or any((out / name).exists() for name in project_files)
    ):
        return f"{out} looks like a project or home folder; choose another --out"
    return None


def check_target(out: Path, force: bool, data_dir: Path | None = None) -> None:
    """Refuse a file, a protected folder, or a folder with files the export did not write.

    A folder a previous export made (it holds MARKER) is replaced with --force; any other folder
    that holds files is never replaced: --force cannot delete someone's work.
    """
    if out.exists() and not out.is_dir():
        raise ExportError([f"{out} exists and is not a folder"])
    reason = _protected(out, data_dir) if out.exists() or out.is_symlink() else None
    if reason:
        raise ExportError([reason])
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise ExportError(
                [f"{out} holds files this export did not write; choose a new or empty folder"]
            )
        if not force:
            raise ExportError([f"{out} is not empty; use --force to replace its contents"])


def swap_into_place(staging: Path, out: Path) -> None:
    """Put the finished export at `out`; the old contents go only once the new one is complete."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.old-"))
        os.rename(out, old / "previous")
    os.rename(staging, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
