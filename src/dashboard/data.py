"""The one loader: YAML files in a data folder -> validated records -> typed frames, or problems.

The app, the command line, the exporter and the tests all load data through `load`. A load either
returns complete frames or, when any file has a problem, no frames and every problem found, each
located as `FILE:LINE:COL: path: message`. Clean loads are kept as snapshots keyed by the files'
contents, so a restart with unchanged files skips parsing.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from dashboard import frames as frames_module
from dashboard import rules, schema, yamlsource
from dashboard.frames import Frames

DATA_DIR_ENV = "DASHBOARD_DATA_DIR"
CACHE_DIR_ENV = "DASHBOARD_CACHE_DIR"
DEFAULT_DATA_DIR = Path("data")


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in the data, located for the editor."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


@dataclass
class LoadResult:
    """Frames when the data is valid; otherwise None and the problems."""

    frames: Frames | None
    problems: list[Problem] = field(default_factory=list)
    from_snapshot: bool = False

    @property
    def ok(self) -> bool:
        return self.frames is not None and not self.problems


def default_data_dir() -> Path:
    """`DASHBOARD_DATA_DIR` where set, else `data/`."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


def fingerprint(data_dir: Path | str | None = None) -> tuple[tuple[str, int, int], ...]:
    """(name, modification time, size) of each data file: a cheap key that changes on edit."""
    folder = Path(data_dir) if data_dir else default_data_dir()
    keys = []
    for name in schema.DATASETS:
        try:
            stat = (folder / name).stat()
            keys.append((name, stat.st_mtime_ns, stat.st_size))
        except OSError:
            keys.append((name, -1, -1))
    return tuple(keys)


def load(data_dir: Path | str | None = None, use_snapshot: bool = True) -> LoadResult:
    """Load, validate and cross-check every file of a data folder."""
    folder = Path(data_dir) if data_dir else default_data_dir()
    raw_files, problems = _read_files(folder)
    version = content_version(raw_files)
    snapshot = (
        _snapshot_dir() / f"frames-{version}.pickle" if use_snapshot and not problems else None
    )
    if snapshot is not None:
        cached = _read_snapshot(snapshot)
        if cached is not None:
            return LoadResult(cached, from_snapshot=True)
    models: dict[str, BaseModel] = {}
    parsed_files: dict[str, yamlsource.ParsedYaml] = {}
    for name, raw in raw_files.items():
        shown = _shown_path(folder, name)
        try:
            parsed = yamlsource.parse(yamlsource.decode(raw))
        except yamlsource.YamlProblem as problem:
            problems.append(Problem(shown, problem.line, problem.column, "", problem.message))
            continue
        except yamlsource.YamlProblems as found:
            problems.extend(Problem(shown, p.line, p.column, "", p.message) for p in found.problems)
            continue
        parsed_files[name] = parsed
        model, model_problems = _validate(name, shown, parsed)
        problems.extend(model_problems)
        if model is not None:
            models[name] = model
    for broken in rules.check_files(models):
        parsed = parsed_files[broken.file]
        line, column = parsed.locate(broken.path)
        problems.append(
            Problem(
                _shown_path(folder, broken.file), line, column, _dotted(broken.path), broken.message
            )
        )
    if problems:
        return LoadResult(None, sorted(problems, key=_problem_order))
    frames = frames_module.build_frames(models)
    frames.version = version
    if snapshot is not None:
        _write_snapshot(snapshot, frames)
    return LoadResult(frames)


def _problem_order(problem: Problem) -> tuple[int, int, int, str]:
    files = list(schema.DATASETS)
    name = Path(problem.file).name
    return (files.index(name) if name in files else 0, problem.line, problem.column, problem.path)


def _shown_path(folder: Path, name: str) -> str:
    return str(folder / name)


def _read_files(folder: Path) -> tuple[dict[str, bytes], list[Problem]]:
    raw_files: dict[str, bytes] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return {}, [Problem(str(folder), 1, 1, "", "data folder not found")]
    for name in schema.DATASETS:
        path = folder / name
        try:
            # Refuse before reading: a huge file must not fill the memory.
            yamlsource.check_size(path.stat().st_size)
            raw_files[name] = path.read_bytes()
        except FileNotFoundError:
            problems.append(
                Problem(
                    str(path),
                    1,
                    1,
                    "",
                    "file is missing; a data folder needs " + ", ".join(schema.DATASETS),
                )
            )
        except yamlsource.YamlProblem as problem:
            problems.append(Problem(str(path), problem.line, problem.column, "", problem.message))
        except OSError as error:
            problems.append(Problem(str(path), 1, 1, "", f"cannot be read: {error.strerror}"))
    return raw_files, problems


def _validate(
    name: str, shown: str, parsed: yamlsource.ParsedYaml
) -> tuple[BaseModel | None, list[Problem]]:
    if parsed.data is None:
        return None, [
            Problem(
                shown, 1, 1, "", "the file is empty; it needs a 'dataset:' and a 'records:' part"
            )
        ]
    file_model = schema.DATASETS[name][0]
    try:
        return file_model.model_validate(parsed.data), []
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            loc = tuple(item["loc"])
            at_key = item["type"] == "extra_forbidden"
            # A missing field has no position of its own: point at the mapping that lacks it.
            where = loc[:-1] if item["type"] == "missing" else loc
            line, column = parsed.locate(where, at_key=at_key)
            problems.append(Problem(shown, line, column, _dotted(loc), _message(item, file_model)))
        return None, problems


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


def _code_version() -> str:
    """Changes whenever the code that shapes the frames changes, so old snapshots are ignored."""
    digest = hashlib.sha256()
    for module in (schema, rules, frames_module, yamlsource):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


def _snapshot_dir() -> Path:
    return Path(os.environ.get(CACHE_DIR_ENV) or Path(tempfile.gettempdir()) / "dashboard-cache")


def content_version(raw_files: dict[str, bytes]) -> str:
    """A digest of the files' bytes and of the loader's code: it names snapshots and Frames."""
    digest = hashlib.sha256(_code_version().encode())
    for name, raw in raw_files.items():
        digest.update(name.encode() + b"\0" + hashlib.sha256(raw).digest())
    return digest.hexdigest()[:32]


def _read_snapshot(path: Path) -> Frames | None:
    try:
        with path.open("rb") as handle:
            frames = pickle.load(handle)  # noqa: S301 - our own file, named by a content hash
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return frames if isinstance(frames, Frames) else None


def _write_snapshot(path: Path, frames: Frames) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(frames, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)  # atomic: a reader never sees half a snapshot
    except OSError:
        pass  # a snapshot is only a speed-up; a read-only disk must not break loading
