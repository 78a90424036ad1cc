"""The one loader: YAML files in a data folder -> validated records -> typed frames, or problems.

The app, the command line, the exporter and the tests all load data through `load`. A load either
returns complete frames or, when any file has a problem, no frames and the problems found, each
located as `FILE:LINE:COL: path: message` (at most MAX_PROBLEMS_PER_FILE per file and MAX_PROBLEMS
in all; the rest are counted). Clean loads are kept as JSON snapshots in a private per-user cache
folder, keyed by the files' contents and the code's and libraries' versions, so a restart with
unchanged files skips parsing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import platform
import stat
import types
import typing
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

import dashboard
from dashboard import frames as frames_module
from dashboard import rules, schema, yamlsource
from dashboard.frames import Frames

DATA_DIR_ENV = "DASHBOARD_DATA_DIR"
CACHE_DIR_ENV = "DASHBOARD_CACHE_DIR"
DEFAULT_DATA_DIR = Path("data")
MAX_PROBLEMS_PER_FILE = 100
MAX_PROBLEMS = 300
log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in the data, located for the editor."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        return self.shown(self.file)

    def shown(self, file: str) -> str:
        where = f"{file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def public(self) -> str:
        """The problem with its file named relative to the data folder (no server paths)."""
        return self.shown(Path(self.file).name)


@dataclass
class LoadResult:
    """Frames when the data is valid; otherwise None and the problems.

    `problems` holds at most MAX_PROBLEMS_PER_FILE per file and MAX_PROBLEMS in all;
    `counts` has every problem found, per file (as shown), kept or not.
    """

    frames: Frames | None
    problems: list[Problem] = field(default_factory=list)
    from_snapshot: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.frames is not None and not self.problems

    @property
    def total(self) -> int:
        """Every problem found, including those not kept."""
        return max(sum(self.counts.values()), len(self.problems))

    def more_line(self, public: bool = False) -> str | None:
        """`… and N more (FILE: count, ...)` when problems were left out, else None."""
        left_out = self.total - len(self.problems)
        if left_out <= 0:
            return None
        per_file = ", ".join(
            f"{Path(name).name if public else name}: {count:,}"
            for name, count in self.counts.items()
        )
        return f"… and {left_out:,} more ({self.total:,} problems found: {per_file})"


class _Collector:
    """Keeps the first problems of each file and of the load; counts every one."""

    def __init__(self) -> None:
        self.kept: list[Problem] = []
        self.counts: Counter[str] = Counter()

    def has_room(self, file: str) -> bool:
        return self.counts[file] < MAX_PROBLEMS_PER_FILE and len(self.kept) < MAX_PROBLEMS

    def add(self, problem: Problem) -> None:
        if self.has_room(problem.file):
            self.kept.append(problem)
        self.counts[problem.file] += 1

    def count(self, file: str, number: int) -> None:
        """Problems found but not kept (a reader that stopped collecting)."""
        self.counts[file] += number


def default_data_dir() -> Path:
    """`DASHBOARD_DATA_DIR` where set, else `data/`."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


def fingerprint(data_dir: Path | str | None = None) -> tuple[tuple[Any, ...], ...]:
    """A cheap key per data file that changes on every edit and every change of state.

    Modification time and size catch edits; the file's kind, permissions, inode and change time
    catch a file made unreadable, replaced by a folder or a pipe, or a link pointed elsewhere; a
    file that cannot be looked at is keyed by the reason (missing, permission denied, ...).
    """
    folder = Path(data_dir) if data_dir else default_data_dir()
    keys: list[tuple[Any, ...]] = []
    for name in schema.DATASETS:
        path = folder / name
        key: list[Any] = [name]
        for look in (os.lstat, os.stat):  # the link itself, then what it points at
            try:
                info = look(path)
                key += [info.st_mode, info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size]
            except OSError as error:
                key += ["error", error.errno]
        keys.append(tuple(key))
    return tuple(keys)


def load(data_dir: Path | str | None = None, use_snapshot: bool = True) -> LoadResult:
    """Load, validate and cross-check every file of a data folder."""
    folder = Path(data_dir) if data_dir else default_data_dir()
    found = _Collector()
    raw_files = _read_files(folder, found)
    version = content_version(raw_files)
    snapshot = None
    if use_snapshot and not found.counts:
        cache = snapshot_dir()
        snapshot = cache / f"frames-{version}.json" if cache is not None else None
    if snapshot is not None:
        cached = _read_snapshot(snapshot, version)
        if cached is not None:
            return LoadResult(cached, from_snapshot=True)
    models: dict[str, BaseModel] = {}
    parsed_files: dict[str, yamlsource.ParsedYaml] = {}
    for name, raw in raw_files.items():
        shown = _shown_path(folder, name)
        try:
            parsed = yamlsource.parse(yamlsource.decode(raw))
        except yamlsource.YamlProblem as problem:
            found.add(Problem(shown, problem.line, problem.column, "", problem.message))
            continue
        except yamlsource.YamlProblems as problems:
            for p in problems.problems:
                found.add(Problem(shown, p.line, p.column, "", p.message))
            found.count(shown, problems.more)
            continue
        parsed_files[name] = parsed
        model = _validate(name, shown, parsed, found)
        if model is not None:
            models[name] = model
    for broken in rules.check_files(models):
        shown = _shown_path(folder, broken.file)
        if not found.has_room(shown):
            found.count(shown, 1)
            continue
        line, column = parsed_files[broken.file].locate(broken.path)
        found.add(Problem(shown, line, column, _dotted(broken.path), broken.message))
    if found.counts:
        return LoadResult(None, sorted(found.kept, key=_problem_order), counts=dict(found.counts))
    frames = frames_module.build_frames(models)
    frames.version = version
    if snapshot is not None:
        _write_snapshot(snapshot, version, {name: p.data for name, p in parsed_files.items()})
    return LoadResult(frames)


def _problem_order(problem: Problem) -> tuple[int, int, int, str]:
    files = list(schema.DATASETS)
    name = Path(problem.file).name
    return (files.index(name) if name in files else 0, problem.line, problem.column, problem.path)


def _shown_path(folder: Path, name: str) -> str:
    return str(folder / name)


def _read_files(folder: Path, found: _Collector) -> dict[str, bytes]:
    raw_files: dict[str, bytes] = {}
    if not folder.is_dir():
        found.add(Problem(str(folder), 1, 1, "", "data folder not found"))
        return {}
    for name in schema.DATASETS:
        path = folder / name
        try:
            # Only a regular file, read up to the size limit: a pipe, a device or a huge file
            # must neither hang the server nor fill its memory.
            raw_files[name] = yamlsource.read_file(path)
        except FileNotFoundError:
            needed = ", ".join(schema.DATASETS)
            found.add(
                Problem(str(path), 1, 1, "", f"file is missing; a data folder needs {needed}")
            )
        except yamlsource.YamlProblem as problem:
            found.add(Problem(str(path), problem.line, problem.column, "", problem.message))
        except OSError as error:
            found.add(Problem(str(path), 1, 1, "", f"cannot be read: {error.strerror}"))
    return raw_files


# Records checked at a time in a long file: a huge broken file must not build millions of errors.
VALIDATION_CHUNK = 1000


def _validate(
    name: str, shown: str, parsed: yamlsource.ParsedYaml, found: _Collector
) -> BaseModel | None:
    if parsed.data is None:
        message = "the file is empty; it needs a 'dataset:' and a 'records:' part"
        found.add(Problem(shown, 1, 1, "", message))
        return None
    file_model = schema.DATASETS[name][0]
    content = parsed.data
    records = content.get("records") if isinstance(content, dict) else None
    if isinstance(records, list) and len(records) > VALIDATION_CHUNK:
        # A slice of records at a time, with the file's own dataset block, so that memory stays
        # bounded whatever the number of errors; the whole file is validated once they all pass.
        clean, outside_records = True, 0
        for first in range(0, len(records), VALIDATION_CHUNK):
            part = {**content, "records": records[first : first + VALIDATION_CHUNK]}
            try:
                file_model.model_validate(part)
            except ValidationError as error:
                clean = False
                if found.has_room(shown) or first == 0:
                    outside = _report(error, shown, parsed, file_model, found, first)
                    outside_records = outside if first == 0 else outside_records
                else:  # only counted: every slice repeats the dataset block's own errors
                    found.count(shown, error.error_count() - outside_records)
        if not clean:
            return None
    try:
        return file_model.model_validate(content)
    except ValidationError as error:
        _report(error, shown, parsed, file_model, found)
        return None


def _report(
    error: ValidationError, shown: str, parsed: yamlsource.ParsedYaml,
    file_model: type[BaseModel], found: _Collector, offset: int | None = None,
) -> int:  # fmt: skip
    """Located problems from pydantic's errors; `offset`: the errors are of a slice of records
    starting there (its errors outside `records` are left to the first slice). Returns the
    number of errors outside `records`."""
    if not found.has_room(shown) and offset is None:
        found.count(shown, error.error_count())  # located only while they can be shown
        return 0
    outside = 0
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        index = loc[1] if len(loc) >= 2 else None
        in_records = len(loc) >= 2 and loc[0] == "records" and isinstance(index, int)
        outside += not in_records
        if offset is not None:
            if not in_records and offset > 0:
                continue  # the dataset block's own problems, already reported once
            if isinstance(index, int) and in_records:
                loc = ("records", index + offset, *loc[2:])
        if not found.has_room(shown):
            found.count(shown, 1)
            continue
        at_key = item["type"] == "extra_forbidden"
        # A missing field has no position of its own: point at the mapping that lacks it.
        where = loc[:-1] if item["type"] == "missing" else loc
        line, column = parsed.locate(where, at_key=at_key)
        message = _message(dict(item), file_model)
        found.add(Problem(shown, line, column, _dotted(loc), message))
    return outside


def _dotted(loc: tuple[Any, ...]) -> str:
    """('records', 3, 'date') -> 'records[3].date'."""
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _shown_value(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    if isinstance(value, dict):
        text = "a mapping"
    elif isinstance(value, list):
        text = "a list"
    elif value is None:
        text = "nothing (null)"
    return text if len(text) <= 60 else text[:57] + "..."


def _message(item: dict[str, Any], file_model: type[BaseModel]) -> str:
    """A message for an editor from one pydantic error."""
    kind, value, context = item["type"], item.get("input"), item.get("ctx") or {}
    shown = _shown_value(value)
    if kind == "missing":
        return f"required field {item['loc'][-1]!r} is missing"
    if kind == "extra_forbidden":
        name = str(item["loc"][-1])
        known = _fields_at(file_model, tuple(item["loc"][:-1]))
        return f"unknown field {name!r}{schema.nearest(name, known)}"
    messages = {
        "int_type": f"must be a whole number, not {shown}",
        "int_from_float": f"must be a whole number, not {shown}",
        "int_parsing": f"must be a whole number, not {shown}",
        "float_type": f"must be a number, not {shown}",
        "float_parsing": f"must be a number, not {shown}",
        "bool_type": f"must be true or false, not {shown}",
        "bool_parsing": f"must be true or false, not {shown}",
        "string_type": f"must be text, not {shown}",
        "list_type": f"must be a list, not {shown}",
        "model_type": f"must be a mapping of fields, not {shown}",
        "model_attributes_type": f"must be a mapping of fields, not {shown}",
        "dict_type": f"must be a mapping of fields, not {shown}",
        "greater_than_equal": f"must be at least {context.get('ge')}, not {shown}",
        "less_than_equal": f"must be at most {context.get('le')}, not {shown}",
        "too_short": f"needs at least {context.get('min_length')} item(s)",
        "finite_number": f"must be a finite number, not {shown}",
    }
    if kind == "model_type" and not item["loc"]:
        return f"the file must be a mapping with 'dataset:' and 'records:', not {shown}"
    if kind == "too_short" and item["loc"][-1] == "sources":
        return "at least one source is required (url, publisher, published)"
    return messages.get(kind, item["msg"])


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found at `loc` inside `model` (for spelling suggestions)."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue  # list items share the list's model
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(step)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    """The pydantic model inside `list[X]`, `X | None`, `Annotated[X, ...]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for argument in typing.get_args(annotation):
            found = _inner_model(argument)
            if found is not None:
                return found
    return None


# Snapshots: a restart with unchanged files loads the frames without parsing YAML.
#
# A snapshot is JSON (it runs no code when read): the files' plain values, exactly what the YAML
# reader returned, re-validated into models and frames on load. It lives in a private per-user
# folder, and its name carries a digest of the files, the code and the libraries' versions.

SNAPSHOT_FORMAT = 1
_LIBRARIES = ("pandas", "numpy", "pydantic", "pydantic-core", "PyYAML", "pycountry", "babel")


def _code_version() -> str:
    """Changes whenever the code or a library that shapes the frames changes."""
    digest = hashlib.sha256()
    digest.update(f"{dashboard.__version__} {platform.python_version()}".encode())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library} {metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} -".encode())
    # Every module of the package: rules and text checks decide what a clean load is.
    for module_file in sorted(Path(dashboard.__file__ or "").parent.rglob("*.py")):
        digest.update(module_file.read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    """`DASHBOARD_CACHE_DIR`, else `$XDG_CACHE_HOME/ai-abuse-dashboard`, else `~/.cache/...`."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "ai-abuse-dashboard"


def snapshot_dir() -> Path | None:
    """The snapshot folder, created private (0700); None when it is not ours alone.

    A folder another user can write to (or a link planted in its place) could hand the server
    data that was never validated: snapshots are then skipped, with a warning in the log.
    """
    folder = default_cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError as error:
        log.warning("snapshots off: cannot create %s (%s)", folder, error.strerror)
        return None
    if not stat.S_ISDIR(info.st_mode):
        log.warning("snapshots off: %s is not a folder", folder)
        return None
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        log.warning("snapshots off: %s belongs to another user", folder)
        return None
    if info.st_mode & 0o077:
        log.warning("snapshots off: %s is open to other users (chmod 700 it)", folder)
        return None
    return folder


def content_version(raw_files: dict[str, bytes]) -> str:
    """A digest of the files' bytes and of the loader's code: it names snapshots and Frames."""
    digest = hashlib.sha256(_code_version().encode())
    for name, raw in raw_files.items():
        digest.update(name.encode() + b"\0" + hashlib.sha256(raw).digest())
    return digest.hexdigest()[:32]


def _read_snapshot(path: Path, version: str) -> Frames | None:
    try:
        raw = yamlsource.read_file(path)  # a regular file only, size-limited
        content = json.loads(raw)
        if content.get("format") != SNAPSHOT_FORMAT or content.get("version") != version:
            return None
        models = {
            name: schema.DATASETS[name][0].model_validate(values)
            for name, values in content["files"].items()
        }
        if set(models) != set(schema.DATASETS):
            return None
        frames = frames_module.build_frames(models)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, yamlsource.YamlProblem):
        return None  # ValueError includes JSON and pydantic errors: a snapshot is only a speed-up
    frames.version = version
    return frames


def _write_snapshot(path: Path, version: str, files: dict[str, Any]) -> None:
    content = {"format": SNAPSHOT_FORMAT, "version": version, "files": files}
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(content, handle, ensure_ascii=False, separators=(",", ":"))
        partial.replace(path)  # atomic: a reader never sees half a snapshot
    except (OSError, ValueError, TypeError):
        with contextlib.suppress(OSError):  # a snapshot is only a speed-up; never break loading
            partial.unlink(missing_ok=True)
