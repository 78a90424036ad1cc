"""Values derived from one version of the data, computed once and shared by every reader.

Page summaries, tables and small charts are pure functions of the frames and a view (filters,
language): a reader's session need not redo what another session computed for the same data
and view. Profiling page views under load (bench/bench_concurrency.py with py-spy) found such
repeated work to be most of a page's own CPU.

Keyed by the frames' `version` (a digest of the files and the code), so new data is computed
afresh; frames without a version (built in a test, not loaded) are never cached. Shared values
must not be changed by their callers. Streamlit-free, so chart builders can use it too.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

# A view's values are small (a summary frame, a figure); 2,048 of them stay within tens of MB.
MAX_ENTRIES = 2048

P = ParamSpec("P")
R = TypeVar("R")


class Versioned(Protocol):
    version: str


_lock = threading.Lock()
_values: OrderedDict[tuple[str, str, str], Any] = OrderedDict()


def per_data_version(
    function: Callable[Concatenate[Any, P], R],
) -> Callable[Concatenate[Any, P], R]:
    """Cache `function(frames, *args)` per data version and the `repr` of the other arguments
    (filters are frozen dataclasses, so their repr names the view)."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def cached(frames: Versioned, *args: P.args, **kwargs: P.kwargs) -> R:
        if not frames.version:
            return function(frames, *args, **kwargs)
        key = (name, frames.version, repr((args, sorted(kwargs.items()))))
        with _lock:
            if key in _values:
                _values.move_to_end(key)
                return _values[key]
        value = function(frames, *args, **kwargs)  # outside the lock: readers don't queue
        with _lock:
            _values[key] = value
            while len(_values) > MAX_ENTRIES:
                _values.popitem(last=False)
        return value

    return cached


def clear() -> None:
    """Forget every cached value (tests; a server never needs it: versions change instead)."""
    with _lock:
        _values.clear()


def size() -> int:
    """How many values are cached."""
    with _lock:
        return len(_values)
