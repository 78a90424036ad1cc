"""What the dashboard's frame alone costs, beside the floor app (bench_concurrency's goals).

Every dashboard page sits in a frame: the navigation, the language switch, the sidebar's
filters, the header with the coverage line and the footer. bench/frame_app.py is app.py with
one more page that draws nothing, so its page costs the frame alone. This measures it against
the floor (bench/minimal_app.py, one small Plotly chart), both with the project's server
settings, in bench_concurrency's protocol client:

1. a lone session for `--seconds`, alternating frame and floor with a reader's pause before
   each page; the p50 of the whole page (to `script_finished`);
2. `--sessions` back-to-back sessions on each, in `--slices` alternating turns; pages/s.

If the frame alone misses bench_concurrency's goals (a lone page within 1.3x the floor's, and
at least 0.7x its pages/s under 25 sessions), no page with content can meet them.

Run: .venv/bin/python bench/bench_frame.py [--sessions 25] [--seconds 30] [--slices 3]
The script prints the figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import platform
import sys
import time
from pathlib import Path

import streamlit

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))
from bench.bench_concurrency import (  # noqa: E402
    GOAL_CROWD_VS_FLOOR,
    GOAL_LONE_VS_FLOOR,
    LONE_PAUSE,
    MINIMAL_APP,
    percentile,
    phase,
    ratio,
    run_sessions,
    stream_url,
    times,
)
from tests.browser.streamlit_server import serve_script  # noqa: E402

FRAME_APP = Path(__file__).parent / "frame_app.py"


def lone(frame: str, floor: str, seconds: float, timeout: float) -> tuple[list, list]:
    """Whole-page times (s) of a lone session alternating the frame's empty page and the floor,
    with a reader's pause between pages (as bench_concurrency's lone phase)."""
    targets = [("empty", "empty", stream_url(frame)), ("floor", "", stream_url(floor))]
    visits = asyncio.run(run_sessions(targets, 1, seconds, timeout, False, think=LONE_PAUSE))
    failed = [error for visit in visits for error in visit.errors]
    if failed:
        raise RuntimeError(f"{len(failed)} errors: {failed[:3]}")  # the figures would mean nothing
    return (
        [visit.end for visit in visits if visit.page == "empty"],
        [visit.end for visit in visits if visit.page == "floor"],
    )


def crowd(url: str, path: str, sessions: int, seconds: float, timeout: float) -> tuple[int, float]:
    """(pages served without error, wall seconds) for `sessions` sessions on one page."""
    started = time.perf_counter()
    visits = asyncio.run(
        run_sessions([(path or "floor", path, stream_url(url))], sessions, seconds, timeout, False)
    )
    failed = [error for visit in visits for error in visit.errors]
    if failed:
        raise RuntimeError(f"{len(failed)} errors on {path or 'the floor'}: {failed[:3]}")
    return len(visits), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=25, help="concurrent sessions (25)")
    parser.add_argument("--seconds", type=float, default=30, help="seconds per phase (30)")
    parser.add_argument("--slices", type=int, default=3, help="turns of the concurrent phase (3)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds per page (30)")
    args = parser.parse_args()
    print(
        f"bench_frame {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}: "
        f"streamlit {streamlit.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {args.sessions} sessions, {args.seconds:g} s per phase"
    )
    phase("starting bench/frame_app.py (the frame, an empty page) and the floor")
    with (
        serve_script(FRAME_APP, {}, own_session=True) as frame,
        serve_script(MINIMAL_APP, {}, own_session=True) as floor,
    ):
        phase("one cold visit of each (not counted)")
        lone(frame.url, floor.url, 0.1, args.timeout * 2)
        phase(f"a lone session for {args.seconds:g} s")
        frame_lone, floor_lone = lone(frame.url, floor.url, args.seconds, args.timeout)
        served = {"frame": [0, 0.0], "floor": [0, 0.0]}
        turn = args.seconds / args.slices
        for index in range(args.slices):
            for name, url, path in (("frame", frame.url, "empty"), ("floor", floor.url, "")):
                phase(f"slice {index + 1}/{args.slices}: {args.sessions} sessions on the {name}")
                pages, wall = crowd(url, path, args.sessions, turn, args.timeout)
                served[name][0] += pages
                served[name][1] += wall
    phase("done")
    frame_p50, floor_p50 = percentile(frame_lone, 50), percentile(floor_lone, 50)
    frame_rate = served["frame"][0] / served["frame"][1]
    floor_rate = served["floor"][0] / served["floor"][1]
    lone_ratio = ratio(frame_p50, floor_p50)
    crowd_ratio = ratio(frame_rate, floor_rate)
    print(f"\n{'':<26} {'lone p50':>9} {'pages/s under ' + str(args.sessions):>20}")
    print(f"{'frame alone (empty page)':<26} {frame_p50 * 1000:>6.1f} ms {frame_rate:>20.1f}")
    print(f"{'floor app':<26} {floor_p50 * 1000:>6.1f} ms {floor_rate:>20.1f}")
    print(f"{'frame / floor':<26} {times(lone_ratio):>9} {times(crowd_ratio):>20}")
    print("\nbench_concurrency's goals, for the frame alone")
    lone_ok = lone_ratio is not None and lone_ratio <= GOAL_LONE_VS_FLOOR
    crowd_ok = crowd_ratio is not None and crowd_ratio >= GOAL_CROWD_VS_FLOOR
    print(f"  lone page within {GOAL_LONE_VS_FLOOR}x the floor: {'PASS' if lone_ok else 'FAIL'}")
    print(f"  at least {GOAL_CROWD_VS_FLOOR}x its pages/s: {'PASS' if crowd_ok else 'FAIL'}")


if __name__ == "__main__":
    main()
