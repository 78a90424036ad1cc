"""Safe YAML reading that remembers where every value stands, for located error messages.

PyYAML composes the node tree (in C where libyaml is installed); this module turns nodes into plain
values itself, so that it can refuse what would lose data or run code (duplicate keys, object tags,
aliases) and find the line and column of any value later, only when a message needs one.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's C parser is about four times faster; fall back to pure Python where absent.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 64 * 1024 * 1024
# Deeper nesting than any data file needs; libyaml's composer recurses once per level in C
# (50,000 levels crash the process) and the builder once per level in Python.
MAX_DEPTH = 64
# Problems kept per file; the rest are only counted (a huge broken file must not fill the memory).
MAX_KEPT = 100
_READ_CHUNK = 1024 * 1024

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP = (
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_MAP, _SEQ = _TAG + "map", _TAG + "seq"
_constructor = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A problem found while reading a file, at a 1-based line and column."""

    line: int
    column: int
    message: str


class YamlProblems(Exception):
    """The problems found in one file before its values could be checked (the first MAX_KEPT).

    `more` counts those found beyond them.
    """

    def __init__(self, problems: list[YamlProblem], more: int = 0) -> None:
        super().__init__(problems)
        self.problems = problems
        self.more = more


@dataclass
class ParsedYaml:
    """A file's plain values and the node tree to locate them."""

    data: Any
    root: yaml.Node | None

    def locate(self, path: tuple[str | int, ...], at_key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `path`, or of the deepest part that exists.

        With `at_key`, the last step of the path points at a mapping key (an unknown field).
        """
        node = self.root
        if node is None:
            return 1, 1
        mark = node.start_mark
        for step in path:
            child, key_node = _child(node, step)
            if child is None:
                break
            node = child
            mark = key_node.start_mark if (at_key and key_node is not None) else node.start_mark
        return mark.line + 1, mark.column + 1


def _child(node: yaml.Node, step: str | int) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == step:
                return value_node, key_node
    elif (
        isinstance(node, yaml.SequenceNode)
        and isinstance(step, int)
        and 0 <= step < len(node.value)
    ):
        return node.value[step], None
    return None, None


def read_file(path: Path) -> bytes:
    """The bytes of a regular file, refusing anything else and stopping at the size limit.

    A named pipe would block forever, a device such as /dev/zero never ends, and a symlink may
    point at either: only a regular file (after following links) is opened, without blocking,
    and reading stops as soon as the limit is passed, whatever `stat` said before.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    kind = _kind(os.stat(path).st_mode)
    if kind != "file":
        raise YamlProblem(1, 1, f"is {kind}, not a regular file; a data file must be a plain file")
    check_size(os.stat(path).st_size)
    descriptor = os.open(path, flags)
    try:
        # Checked again on the open file: the path may have been swapped since.
        kind = _kind(os.fstat(descriptor).st_mode)
        if kind != "file":
            raise YamlProblem(
                1, 1, f"is {kind}, not a regular file; a data file must be a plain file"
            )
        chunks, total = [], 0
        while chunk := os.read(descriptor, _READ_CHUNK):
            total += len(chunk)
            check_size(total)
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def check_size(size: int) -> None:
    """Refuse a file over the size limit (before reading it, where the caller can)."""
    if size > MAX_FILE_BYTES:
        raise YamlProblem(
            1, 1, f"file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})"
        )


def decode(raw: bytes) -> str:
    """UTF-8 text of a file, or a YamlProblem at the first byte that is not UTF-8."""
    check_size(len(raw))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(
            line,
            column,
            f"byte 0x{raw[error.start]:02x} is not UTF-8 text; save the file as UTF-8",
        ) from None


def tab_problems(text: str) -> list[YamlProblem]:
    """Tabs in indentation: YAML forbids them, and PyYAML's own message does not say so."""
    problems: list[YamlProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            if len(problems) > MAX_KEPT:
                break  # enough to show; parse() counts the rest
            problems.append(
                YamlProblem(
                    number,
                    indent.index("\t") + 1,
                    "tab character in the indentation; indent with spaces",
                )
            )
    return problems


def parse(text: str) -> ParsedYaml:
    """Parse YAML text into plain values (dicts, lists, str, int, float, bool, None).

    Dates stay strings as written, so that `2026-02` keeps its precision. Raises YamlProblems.
    """
    tabs = tab_problems(text)
    if tabs:
        more = 0
        if len(tabs) > MAX_KEPT:
            tabs = tabs[:MAX_KEPT]
            more = (
                sum(
                    "\t" in line[: len(line) - len(line.lstrip(" \t"))]
                    for line in text.splitlines()
                )
                - MAX_KEPT
            )
        raise YamlProblems(tabs, more)
    try:
        check_depth(text)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or "could not be read"
        context = f" ({error.context})" if error.context else ""
        raise YamlProblems(
            [YamlProblem(*where, f"YAML syntax error: {problem}{context}")]
        ) from None
    except yaml.YAMLError as error:  # e.g. a stream error without a mark
        raise YamlProblems([YamlProblem(1, 1, f"YAML syntax error: {error}")]) from None
    except RecursionError:  # pragma: no cover - check_depth stops nesting long before this
        raise YamlProblems([YamlProblem(1, 1, "nesting too deep to read")]) from None
    if root is None:
        return ParsedYaml(None, None)
    builder = _Builder()
    try:
        data = builder.build(root)
    except YamlProblem as fatal:  # an alias or merge key: the walk cannot go on
        builder.report(fatal)
    except RecursionError:  # pragma: no cover - as above
        builder.report(YamlProblem(1, 1, "nesting too deep to read"))
    if builder.problems:
        raise YamlProblems(builder.problems, builder.more)
    return ParsedYaml(data, root)


def check_depth(text: str, limit: int | None = None) -> None:
    """Refuse nesting deeper than `limit`, counted on the parser's events before any node is built.

    The event stream is flat (libyaml's parser keeps its own stack on the heap), so a file nested
    50,000 levels deep is read through here without recursion; only composing it would crash.
    """
    limit = MAX_DEPTH if limit is None else limit
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limit:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                raise YamlProblems(
                    [YamlProblem(line, column, f"nesting deeper than {limit} levels")]
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Builder:
    """Turns a node tree into plain values, refusing aliases, object tags and duplicate keys."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        # Tags and duplicate keys are collected so that one run reports them all (the first
        # MAX_KEPT; the rest are counted).
        self.problems: list[YamlProblem] = []
        self.more = 0

    def report(self, problem: YamlProblem) -> None:
        if len(self.problems) < MAX_KEPT:
            self.problems.append(problem)
        else:
            self.more += 1

    def build(self, node: yaml.Node) -> Any:
        if id(node) in self.seen:
            # The composer hands back the same node for every *alias: refusing them also
            # stops "billion laughs" alias bombs before they expand.
            raise _problem(
                node, "anchors and aliases (&name, *name) are not allowed; write the value out"
            )
        self.seen.add(id(node))
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, tag)
        if isinstance(node, yaml.SequenceNode) and tag == _SEQ:
            return [self.build(item) for item in node.value]
        if isinstance(node, yaml.MappingNode) and tag == _MAP:
            return self.mapping(node)
        self.report(_bad_tag(node))
        return None

    def scalar(self, node: yaml.ScalarNode, tag: str) -> Any:
        if tag in (_STR, _TIMESTAMP):
            return node.value
        if tag == _INT:
            return _constructor.construct_yaml_int(node)
        if tag == _FLOAT:
            return _constructor.construct_yaml_float(node)
        if tag == _BOOL:
            return _constructor.construct_yaml_bool(node)
        if tag == _NULL:
            return None
        self.report(_bad_tag(node))
        return None

    def mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise _problem(key_node, "merge keys (<<) are not allowed; write the fields out")
            if not isinstance(key_node, yaml.ScalarNode):
                self.report(_problem(key_node, "a key must be plain text"))
                continue
            key = self.build(key_node)
            if key in result:
                self.report(
                    _problem(
                        key_node,
                        f"duplicate key {key!r} in this mapping; YAML would keep only the last one",
                    )
                )
                continue
            result[key] = self.build(value_node)
        return result


def _problem(node: yaml.Node, message: str) -> YamlProblem:
    return YamlProblem(node.start_mark.line + 1, node.start_mark.column + 1, message)


def _bad_tag(node: yaml.Node) -> YamlProblem:
    tag = node.tag.replace(_TAG, "!!")
    return _problem(node, f"YAML tag {tag!r} is not allowed; write plain values")
