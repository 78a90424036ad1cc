"""The data the app serves: loaded once per state of the files; the last valid frames keep
serving while the files have problems."""

from __future__ import annotations

import logging

import streamlit as st

from dashboard import data
from dashboard.frames import Frames

log = logging.getLogger(__name__)
# Problems a reader's page shows (the full list is in `validate` and the server log).
SHOWN_PROBLEMS = 5


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(folder: str, fingerprint: tuple) -> data.LoadResult:  # noqa: ARG001 - cache key
    result = data.load(folder)
    if result.problems:  # once per state of the files: the full (capped) list for editors
        lines = [str(problem) for problem in result.problems]
        more = result.more_line()
        log.warning(
            "data in %s has %d problem(s); serving the last valid data\n%s",
            folder, result.total, "\n".join([*lines, *([more] if more else [])]),
        )  # fmt: skip
    return result


@st.cache_resource(show_spinner=False)
def _last_valid() -> dict[str, Frames]:
    return {}


def load_frames() -> tuple[Frames | None, data.LoadResult]:
    """The current frames, or the last valid ones, with the load of the current files."""
    folder = data.default_data_dir()
    result = _load(str(folder), data.fingerprint(folder))
    holder = _last_valid()
    if result.ok and result.frames is not None:
        holder[str(folder)] = result.frames
        return result.frames, result
    return holder.get(str(folder)), result


def problem_lines(problems: list[data.Problem], total: int, count: int = SHOWN_PROBLEMS) -> str:
    """The first problems for a public page: paths relative to the data folder, then a summary."""
    lines = [problem.public() for problem in problems[:count]]
    left_out = total - len(lines)
    if left_out > 0:
        lines.append(f"… and {left_out:,} more")
    return "\n".join(lines)
