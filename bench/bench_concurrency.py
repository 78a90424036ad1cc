"""Page times and server memory with N concurrent sessions, spoken in Streamlit's own protocol.

Each session is a websocket client of the real server (`streamlit run app.py` on a free loopback
port, through tests/browser/streamlit_server.py) that speaks what the browser speaks: it connects
to `/_stcore/stream` with the "streamlit" subprotocol, sends a `BackMsg.rerun_script` whose
`ClientState.page_name` is the page's url_path (st.navigation resolves the page from it, the
default page from ""), and reads `ForwardMsg`s until `script_finished`. No browser renders
anything, so the machine's cores go to the server. A page has two times from the request: to the
first delta that carries a chart (`plotly_chart` or `deck_gl_json_chart`; to the end of the run
on a page without a chart), and to the end of the run (`script_finished`), the whole page a
reader waits for. An error is an `exception` element (not a warning), a compile
error, a wrong or missing page, or a websocket failure or timeout.

Each session cycles through the seven pages, one rerun per page on its own connection (as the
browser does when navigating; `--reconnect` opens a new session per page instead), until
`--seconds` have passed; session i starts at page i mod 7 so every page is loaded at once. Two
servers run side by side: the dashboard (app.py on `--data-dir`) and the floor,
bench/minimal_app.py (one small Plotly chart), the framework's own cost of a page. The run:

1. one cold visit of the floor and of each page (imports, data loading; shown, not judged);
2. (a) one lone session for `--seconds` with a reader's short pause before each page (see
   LONE_PAUSE), visiting the floor between every two pages, so the
   floor and the pages share the machine's load at the time (other work on the machine skews
   both alike; the progress lines show the load average);
3. (b) `--sessions` concurrent sessions on the dashboard for `--seconds`, and the same on the
   floor app (its pages/s under that load is the framework's ceiling per process);
4. (c) with `--replicas N`: the same sessions through `bash deploy/run-replicas.sh N PORT`, N app
   processes behind HAProxy (round-robin: this client sends no affinity cookie, and each
   websocket stays on the replica that accepted it), after one cold visit per replica.
(b) and (c) run in `--slices` turns (dashboard, floor, replicas, dashboard, ...), so that other
work on the machine weighs on each alike; a phase's pages/s is its page loads over its wall time
to the end of its last load.

Every server runs in a session of its own, as deploy/run-replicas.sh starts each replica: where the
kernel shares the CPU between sessions rather than processes (autogroup scheduling, the default
on many distributions), a server then gets a session's share of a busy machine, and N replicas N
shares, as on N cores of their own; in one session they would all split one share.

A server's memory is the summed VmRSS of its process and its children, read from /proc every
0.2 s (the dashboard's server is this script's child that is not the floor's; the replicas and HAProxy
are counted apart).

Both servers read the project's .streamlit/config.toml (no post-run full garbage collection, no
code watcher); `--floor-defaults` runs the floor with Streamlit's defaults instead, as the first
measurements of this app did, for a figure comparable with those.

Run: .venv/bin/python bench/bench_concurrency.py [--sessions 25] [--seconds 60] [--data-dir data]
     [--timeout 30] [--reconnect] [--think 0] [--slices 3] [--replicas 2]
Goals: 0 errors; a lone session's whole page within 1.3x the floor's (p50); under 25 sessions one
process serves at least 0.7x the floor app's pages/s; the
server's peak memory under 1 GB; N replicas serve at least 0.85 N times one process's pages/s
(1.7x for 2). The script prints the figures and PASS/FAIL beside each goal; it asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import platform
import random
import resource
import sys
import threading
import time
from collections.abc import Awaitable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import streamlit
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))
from tests.browser.streamlit_server import (  # noqa: E402
    replica_stats,
    replicas_server,
    serve_script,
    streamlit_server,
)
from tests.procfs import cpu_seconds, process_children, process_tree, rss_bytes  # noqa: E402

MINIMAL_APP = Path(__file__).parent / "minimal_app.py"
# (name, url_path): the pages of app.py's st.navigation, in menu order (embed is hidden).
PAGES: list[tuple[str, str]] = [
    ("overview", ""),
    ("map", "map"),
    ("timeline", "timeline"),
    ("compare", "compare"),
    ("statistics", "statistics"),
    ("country", "country"),
    ("data", "data"),
]
CHART_ELEMENTS = {"plotly_chart", "deck_gl_json_chart"}
GOAL_LONE_VS_FLOOR = 1.3
GOAL_MEMORY_BYTES = 1024**3
GOAL_CROWD_VS_FLOOR = 0.7  # pages/s of one process under --sessions, against the floor app's
GOAL_REPLICA_EFFICIENCY = 0.85  # N replicas serve at least 0.85 * N times one process's pages/s
SAMPLE_SECONDS = 0.2
# The lone session pauses 0.05-0.15 s before each page, as a reader does. Back to back, a server's
# next run waited about 40 ms for the end of its previous one (a run sent within ~40 ms of the
# last); with the floor visited between every two pages, that skewed the floor's own time by the
# length of the page before it (5 ms floor pages measured at 45 ms).
LONE_PAUSE = 0.1


@dataclass
class Visit:
    """One page load: its time in seconds (None when it failed), and what went wrong."""

    page: str
    seconds: float | None = None  # to the first chart, or to the end on a page without one
    end: float | None = None  # to the end of the run (script_finished): the whole page
    chart: bool = False
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- the servers' memory ----------------------------------------------------------------


class MemorySampler:
    """Every 0.2 s, the summed RSS of the floor server's process tree and of the dashboard's.

    The dashboard's server is this script's other child (started by streamlit_server, which
    does not hand out its pid): all of this process's descendants less the floor's tree and,
    once `replicas_pid` is set, less the tree of deploy/run-replicas.sh (its replicas and
    HAProxy), whose summed peak is `replicas_peak`.
    """

    def __init__(self, floor_pid: int, interval: float = SAMPLE_SECONDS) -> None:
        self.floor_pid = floor_pid
        self.interval = interval
        self.floor_peak = 0
        self.dashboard_peak = 0
        self.phase_peak = 0  # the dashboard's, since new_phase()
        self.replicas_pid: int | None = None
        self.replicas_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            children = process_children()
            floor = process_tree(children, self.floor_pid)
            replicas = process_tree(children, self.replicas_pid) if self.replicas_pid else set()
            dashboard = process_tree(children, me) - floor - replicas - {me}
            self.replicas_peak = max(self.replicas_peak, sum(map(rss_bytes, replicas)))
            self.floor_peak = max(self.floor_peak, sum(map(rss_bytes, floor)))
            dashboard_rss = sum(map(rss_bytes, dashboard))
            self.dashboard_peak = max(self.dashboard_peak, dashboard_rss)
            self.phase_peak = max(self.phase_peak, dashboard_rss)
            self._stop.wait(self.interval)

    def cpu(self) -> dict[str, float]:
        """CPU seconds so far of the floor's server, the dashboard's and the replica set's."""
        children = process_children()
        floor = process_tree(children, self.floor_pid)
        replicas = process_tree(children, self.replicas_pid) if self.replicas_pid else set()
        dashboard = process_tree(children, os.getpid()) - floor - replicas - {os.getpid()}
        return {
            "floor": sum(map(cpu_seconds, floor)),
            "dashboard": sum(map(cpu_seconds, dashboard)),
            "replicas": sum(map(cpu_seconds, replicas)),
        }

    def new_phase(self) -> None:
        self.phase_peak = 0

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


# --- the protocol ------------------------------------------------------------------------


async def open_session(ws_url: str, timeout: float) -> ClientConnection:
    """A websocket like the browser's: "streamlit" subprotocol, no ping (a browser sends none)."""
    return await connect(
        ws_url,
        subprotocols=["streamlit"],  # type: ignore[list-item]
        max_size=None,
        open_timeout=timeout,
        ping_interval=None,
        close_timeout=2,
    )


def rerun_request(url_path: str, query: str = "") -> bytes:
    """The BackMsg the browser sends to open a page (url_path "" is the default page)."""
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_name = url_path
    return message.SerializeToString()


def page_of(navigation: ForwardMsg) -> str | None:
    """The url_path of the page the navigation message says is running."""
    wanted = navigation.navigation.page_script_hash
    for page in navigation.navigation.app_pages:
        if page.page_script_hash == wanted:
            return page.url_pathname
    return None


async def visit_page(
    ws: ClientConnection, name: str, url_path: str, start: float, deadline: float, query: str = ""
) -> Visit:
    """Asks for one page (with a URL query) and reads its run to `script_finished`; `start` is
    the request time."""
    visit = Visit(name)
    await ws.send(rerun_request(url_path, query))
    started = False  # messages before this run's new_session belong to an earlier run
    first_chart: float | None = None
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise TimeoutError("no script_finished before the timeout")
        message = ForwardMsg()
        message.ParseFromString(await asyncio.wait_for(ws.recv(), remaining))
        kind = message.WhichOneof("type")
        if kind == "new_session":
            started = True
        elif not started:
            continue
        elif kind == "navigation":
            running = page_of(message)
            if running != url_path:
                visit.errors.append(f"wrong page: asked {url_path!r}, got {running!r}")
        elif kind == "page_not_found":
            visit.errors.append(f"page not found: {url_path!r}")
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            element_type = element.WhichOneof("type")
            if element_type in CHART_ELEMENTS and first_chart is None:
                first_chart = time.perf_counter()
            elif element_type == "exception":
                exception = element.exception
                where = (
                    f" (at {exception.stack_trace[-1].strip().splitlines()[0]})"
                    if exception.stack_trace
                    else ""
                )
                text = f"{exception.type}: {exception.message}{where}"[:400]
                (visit.warnings if element.exception.is_warning else visit.errors).append(text)
        elif kind == "session_event" and message.session_event.HasField(
            "script_compilation_exception"
        ):
            exception = message.session_event.script_compilation_exception
            visit.errors.append(f"compile error {exception.type}: {exception.message}"[:300])
        elif kind == "script_finished":
            if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue  # st.rerun(): the page's next run follows on the same stream
            if message.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                visit.errors.append("script finished with a compile error")
            end = time.perf_counter()
            visit.chart = first_chart is not None
            visit.seconds = (first_chart or end) - start
            visit.end = end - start
            return visit


Target = tuple[str, str, str]  # (page name, url_path, websocket URL of its server)


async def run_session(
    targets: list[Target],
    first: int,
    stop_at: float,
    timeout: float,
    reconnect: bool,
    max_visits: int | None = None,
    think: float = 0.0,
) -> list[Visit]:
    """One session cycling through `targets` from `first` until `stop_at` (or `max_visits`).

    `think` is a reader's pause between two pages, in seconds (0.5x to 1.5x of it at random,
    seeded per session so runs repeat); 0 loads pages back to back.

    One connection per server, reused from page to page unless `reconnect`; a failed one is
    closed and reopened for the next page. A page's time includes opening its connection.
    """
    visits: list[Visit] = []
    connections: dict[str, ClientConnection] = {}
    index = first
    pauses = random.Random(first)
    try:
        while time.perf_counter() < stop_at and (max_visits is None or len(visits) < max_visits):
            name, url_path, ws_url = targets[index % len(targets)]
            index += 1
            start = time.perf_counter()
            try:
                if ws_url not in connections:
                    connections[ws_url] = await open_session(ws_url, timeout)
                ws = connections[ws_url]
                visits.append(await visit_page(ws, name, url_path, start, start + timeout))
            except (OSError, TimeoutError, websockets.exceptions.WebSocketException) as exc:
                visits.append(Visit(name, errors=[f"{type(exc).__name__}: {exc}"[:300]]))
                await close_quietly(connections.pop(ws_url, None))
                continue
            if reconnect:
                await close_quietly(connections.pop(ws_url))
            if think:
                await asyncio.sleep(
                    min(think * pauses.uniform(0.5, 1.5), stop_at - time.perf_counter())
                )
    finally:
        for ws in connections.values():
            await close_quietly(ws)
    return visits


async def close_quietly(ws: ClientConnection | None) -> None:
    if ws is not None:
        with suppress(OSError, websockets.exceptions.WebSocketException):
            await ws.close()


async def run_sessions(
    targets: list[Target], sessions: int, seconds: float, timeout: float, reconnect: bool,
    think: float = 0.0,
) -> list[Visit]:  # fmt: skip
    """`sessions` concurrent sessions for `seconds`, session i starting at target i."""
    stop_at = time.perf_counter() + seconds
    results = await asyncio.gather(
        *(
            run_session(targets, i, stop_at, timeout, reconnect, think=think)
            for i in range(sessions)
        )
    )
    return [visit for visits in results for visit in visits]


# --- the servers -------------------------------------------------------------------------


@contextmanager
def minimal_server(script: Path, streamlit_defaults: bool) -> Iterator[tuple[str, int]]:
    """`streamlit run` of one script, as the app's server is run (the project's
    .streamlit/config.toml), or with Streamlit's default of a full garbage collection after
    every run (`streamlit_defaults`); yields its URL and pid."""
    env = {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "true"} if streamlit_defaults else {}
    with serve_script(script, env, own_session=True) as process:
        yield process.url, process.pid


def stream_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://", 1) + "/_stcore/stream"


# --- the report --------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile, None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


@dataclass
class PageFigures:
    runs: int
    p50_ms: float | None
    p95_ms: float | None
    errors: int
    charts: int


def figures(visits: list[Visit], page: str, to: str = "seconds") -> PageFigures:
    """A page's figures; `to` is "seconds" (to the first chart) or "end" (the whole run)."""
    mine = [visit for visit in visits if visit.page == page]
    times = [getattr(visit, to) * 1000 for visit in mine if getattr(visit, to) is not None]
    return PageFigures(
        runs=len(mine),
        p50_ms=percentile(times, 50),
        p95_ms=percentile(times, 95),
        errors=sum(len(visit.errors) for visit in mine),
        charts=sum(visit.chart for visit in mine),
    )


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def ratio(top: float | None, bottom: float | None) -> float | None:
    return None if top is None or not bottom else top / bottom


def goal(label: str, measured: str, ok: bool) -> None:
    print(f"  {label:<46} {measured:>26}  {'PASS' if ok else 'FAIL'}")


def times(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


@dataclass
class Phases:
    """The visits of every phase of a run."""

    cold: list[Visit]
    floor: list[Visit]  # the floor's visits in the lone session
    lone: list[Visit]
    crowd: list[Visit]  # --sessions on the dashboard, one process
    floor_crowd: list[Visit]  # --sessions on the floor app
    replicas: list[Visit] | None = None  # --sessions through HAProxy and --replicas processes
    # Wall time of the concurrent phases, to the end of their last visit (for pages/s).
    crowd_seconds: float = 0.0
    floor_crowd_seconds: float = 0.0
    replicas_seconds: float = 0.0
    generator_cpu: float = 0.0  # cores this process (the clients) used in the concurrent phases
    per_replica: dict[str, int] = field(default_factory=dict)  # connections HAProxy sent to each
    cpu: dict[str, float] = field(default_factory=dict)  # server CPU seconds, concurrent phases

    def all(self) -> list[Visit]:
        return (
            self.cold
            + self.floor
            + self.lone
            + self.crowd
            + self.floor_crowd
            + (self.replicas or [])
        )


def print_report(
    args: argparse.Namespace, runs: Phases, memory: MemorySampler, crowd_memory: int
) -> None:
    """The tables of pages, the throughput, the memory, the goals, then errors and warnings."""
    n = args.sessions
    floor_figures = figures(runs.floor, "floor")
    print("\nTime to first chart, or to the end of the run on a page without one (ms)")
    print(
        f"{'page':<11} {'cold':>6} | {'lone: runs':>10} {'p50':>6} {'p95':>6} {'err':>4} | "
        f"{f'{n} sessions: runs':>18} {'p50':>6} {'p95':>6} {'err':>4} | "
        f"{'chart':>5} | {'lone/floor':>10} {f'p95 {n}/lone':>11}"
    )
    vs_floor: dict[str, float | None] = {}
    vs_lone: dict[str, float | None] = {}
    for page, _ in PAGES:
        first = figures(runs.cold, page)
        one = figures(runs.lone, page)
        many = figures(runs.crowd, page)
        vs_floor[page] = ratio(one.p50_ms, floor_figures.p50_ms)
        vs_lone[page] = ratio(many.p95_ms, one.p95_ms)
        chart = "yes" if one.charts and one.charts == one.runs else ("some" if one.charts else "no")
        print(
            f"{page:<11} {ms(first.p50_ms):>6} | {one.runs:>10} {ms(one.p50_ms):>6} "
            f"{ms(one.p95_ms):>6} {one.errors:>4} | {many.runs:>18} {ms(many.p50_ms):>6} "
            f"{ms(many.p95_ms):>6} {many.errors:>4} | {chart:>5} | "
            f"{times(vs_floor[page]):>10} {times(vs_lone[page]):>11}"
        )
    floor_crowd = figures(runs.floor_crowd, "floor")
    print(
        f"{'floor':<11} {ms(figures(runs.cold, 'floor').p50_ms):>6} | {floor_figures.runs:>10} "
        f"{ms(floor_figures.p50_ms):>6} {ms(floor_figures.p95_ms):>6} {floor_figures.errors:>4} | "
        f"{floor_crowd.runs:>18} {ms(floor_crowd.p50_ms):>6} {ms(floor_crowd.p95_ms):>6} "
        f"{floor_crowd.errors:>4} |  bench/minimal_app.py, one Plotly chart"
    )

    # A reader waits for the whole page: the same runs, to script_finished.
    print("\nTime to the end of the run, the whole page (ms)")
    header = (
        f"{'page':<11} | {'lone p50':>8} {'p95':>6} | {f'{n} sessions p50':>15} {'p95':>6} | "
        f"{'lone/floor':>10}"
    )
    if runs.replicas is not None:
        header += f" | {f'{args.replicas} replicas p50':>15} {'p95':>6} {'err':>4}"
    print(header)
    floor_end = figures(runs.floor, "floor", "end")
    for page in [name for name, _ in PAGES] + ["floor"]:
        one = figures(runs.floor if page == "floor" else runs.lone, page, "end")
        many = figures(runs.floor_crowd if page == "floor" else runs.crowd, page, "end")
        line = (
            f"{page:<11} | {ms(one.p50_ms):>8} {ms(one.p95_ms):>6} | {ms(many.p50_ms):>15} "
            f"{ms(many.p95_ms):>6} | {times(ratio(one.p50_ms, floor_end.p50_ms)):>10}"
        )
        if runs.replicas is not None and page != "floor":
            spread = figures(runs.replicas, page, "end")
            line += f" | {ms(spread.p50_ms):>15} {ms(spread.p95_ms):>6} {spread.errors:>4}"
        print(line)

    floor_rate = len(runs.floor_crowd) / max(runs.floor_crowd_seconds, 1e-9)
    one_rate = len(runs.crowd) / max(runs.crowd_seconds, 1e-9)
    print(
        f"\nPage loads, lone session: {len(runs.lone) / args.seconds:.1f}/s (with the floor and a pause between)"
        f"\nPage loads under {n} sessions: floor app {floor_rate:.1f}/s; dashboard, one process "
        f"{one_rate:.1f}/s ({times(ratio(one_rate, floor_rate))} the floor)"
    )
    replica_rate = None
    if runs.replicas is not None:
        replica_rate = len(runs.replicas) / max(runs.replicas_seconds, 1e-9)
        every = [visit.end * 1000 for visit in runs.replicas if visit.end is not None]
        alone = [visit.end * 1000 for visit in runs.crowd if visit.end is not None]
        print(
            f"  through HAProxy, {args.replicas} replicas: {replica_rate:.1f}/s "
            f"({times(ratio(replica_rate, one_rate))} one process); p95 to the end of a page, "
            f"all pages: one process {ms(percentile(alone, 95))} ms, {args.replicas} replicas "
            f"{ms(percentile(every, 95))} ms; connections per replica (HAProxy's count): "
            + ", ".join(f"{name} {count}" for name, count in runs.per_replica.items())
        )
    print("CPU the servers got in the concurrent phases (cores = CPU seconds / wall seconds):")
    for label, key, visits, wall in [
        ("floor app", "floor", runs.floor_crowd, runs.floor_crowd_seconds),
        ("dashboard, one process", "dashboard", runs.crowd, runs.crowd_seconds),
        (f"{args.replicas} replicas and HAProxy", "replicas", runs.replicas, runs.replicas_seconds),
    ]:
        if visits is None or not wall:
            continue
        used = runs.cpu.get(key, 0.0)
        print(
            f"  {label:<24} {used / wall:.2f} cores, {used / max(len(visits), 1) * 1000:,.0f} ms "
            "of CPU per page"
        )
    print(
        f"The clients (this process) used {runs.generator_cpu:.2f} of a core in the concurrent "
        f"phases; load average at the end {', '.join(f'{v:.1f}' for v in os.getloadavg())}"
    )
    print(
        f"Server peak memory (VmRSS of the server and its children): {memory.dashboard_peak / 2**20:,.0f}"
        f" MiB ({crowd_memory / 2**20:,.0f} MiB during the {n} sessions); "
        f"the floor app's server: {memory.floor_peak / 2**20:,.0f} MiB"
        + (
            f"; {args.replicas} replicas and HAProxy: {memory.replicas_peak / 2**20:,.0f} MiB"
            if runs.replicas is not None
            else ""
        )
    )

    errors = sum(len(visit.errors) for visit in runs.all())
    # A reader waits for the whole page: the lone goal is judged on the end of the run.
    whole_vs_floor = {
        page: ratio(figures(runs.lone, page, "end").p50_ms, floor_end.p50_ms) for page, _ in PAGES
    }
    worst_floor = max(whole_vs_floor, key=lambda page: whole_vs_floor[page] or 0)
    print("\nGoals")
    goal("0 errors", str(errors), errors == 0)
    goal(
        f"lone session within {GOAL_LONE_VS_FLOOR}x the floor (p50, whole page)",
        f"worst {times(whole_vs_floor[worst_floor])} ({worst_floor})",
        all(v is not None and v <= GOAL_LONE_VS_FLOOR for v in whole_vs_floor.values()),
    )
    crowd_vs_floor = ratio(one_rate, floor_rate)
    goal(
        f"{n} sessions: >= {GOAL_CROWD_VS_FLOOR}x the floor's pages/s",
        times(crowd_vs_floor),
        crowd_vs_floor is not None and crowd_vs_floor >= GOAL_CROWD_VS_FLOOR,
    )
    goal(
        "server memory under 1 GB",
        f"{memory.dashboard_peak / 2**20:,.0f} MiB",
        memory.dashboard_peak < GOAL_MEMORY_BYTES,
    )
    if runs.replicas is not None:
        wanted = GOAL_REPLICA_EFFICIENCY * args.replicas
        scaling = ratio(replica_rate, one_rate)
        goal(
            f"{args.replicas} replicas: >= {wanted:.2g}x one process's pages/s",
            times(scaling),
            scaling is not None and scaling >= wanted,
        )
    report_messages("Errors", runs.all(), "errors")
    report_messages(
        "Warnings (exception elements marked as warnings)",
        runs.lone + runs.crowd + (runs.replicas or []),
        "warnings",
    )


def report_messages(title: str, visits: list[Visit], attribute: str) -> None:
    """The distinct messages with how often and on which pages they came."""
    seen: dict[str, tuple[int, set[str]]] = {}
    for visit in visits:
        for text in getattr(visit, attribute):
            count, pages = seen.get(text, (0, set()))
            seen[text] = (count + 1, pages | {visit.page})
    if not seen:
        return
    print(f"\n{title} (distinct, most frequent first):")
    for text, (count, pages) in sorted(seen.items(), key=lambda item: -item[1][0])[:10]:
        print(f"  {count:>5}x [{', '.join(sorted(pages))}] {text}")


# --- main --------------------------------------------------------------------------------


def phase(title: str) -> None:
    """A progress line with the machine's load (other work on it skews the figures)."""
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"[{datetime.datetime.now():%H:%M:%S}] load {load}: {title}", flush=True)


async def timed(
    crowd: Awaitable[list[Visit]], sampler: MemorySampler, server: str
) -> tuple[list[Visit], float, float]:
    """The visits of a concurrent phase, its wall time to the end of its last visit (a visit
    under way at the phase's end is finished and counted), and the CPU seconds its server
    (`floor`, `dashboard` or `replicas`) used meanwhile."""
    cpu = sampler.cpu()[server]
    start = time.perf_counter()
    visits = await crowd
    return visits, time.perf_counter() - start, sampler.cpu()[server] - cpu


async def measure(args: argparse.Namespace) -> None:
    print(
        f"bench_concurrency {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}: "
        f"streamlit {streamlit.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, data {args.data_dir}, {args.sessions} sessions, "
        f"{args.seconds:g} s per phase, {'a new session' if args.reconnect else 'a rerun'} per page, "
        f"{'pages back to back' if not args.think else f'about {args.think:g} s between pages'}"
        + (f", {args.replicas} replicas behind HAProxy" if args.replicas else "")
        + (
            "; the floor with Streamlit's defaults (full GC after every run)"
            if args.floor_defaults
            else "; the floor and the app with the project's server settings"
        )
    )
    # The app's config hides exception details; the servers started here show them in full,
    # so that the report can say which error came (streamlit_server passes os.environ on).
    os.environ["STREAMLIT_CLIENT_SHOW_ERROR_DETAILS"] = "full"
    phase("starting bench/minimal_app.py (the floor) and app.py")
    with ExitStack() as servers:
        floor_url, floor_pid = servers.enter_context(
            minimal_server(MINIMAL_APP, args.floor_defaults)
        )
        url = servers.enter_context(streamlit_server(args.data_dir, own_session=True))
        sampler = servers.enter_context(MemorySampler(floor_pid))
        floor_target: Target = ("floor", "", stream_url(floor_url))
        pages: list[Target] = [(name, path, stream_url(url)) for name, path in PAGES]
        spread: list[Target] = []
        if args.replicas:
            phase(
                f"starting deploy/run-replicas.sh {args.replicas} (HAProxy, {args.replicas} apps)"
            )
            balancer = servers.enter_context(replicas_server(args.replicas, args.data_dir))
            sampler.replicas_pid = balancer.pid
            spread = [(name, path, stream_url(balancer.url)) for name, path in PAGES]
        phase("one cold visit of the floor and of each page")
        cold = await run_session(
            [floor_target, *pages], 0, float("inf"), max(args.timeout, 120), False, len(pages) + 1
        )
        if spread:
            # HAProxy sends these sessions round-robin: one to each replica (not counted).
            phase("one cold visit of each page on each replica (not counted)")
            await asyncio.gather(
                *(
                    run_session(spread, 0, float("inf"), max(args.timeout, 120), False, len(pages))
                    for _ in range(args.replicas)
                )
            )
        phase(f"a lone session for {args.seconds:g} s, the floor between every two pages")
        interleaved = [target for page in pages for target in (floor_target, page)]
        lone_and_floor = await run_sessions(
            interleaved, 1, args.seconds, args.timeout, args.reconnect, think=LONE_PAUSE
        )
        # The concurrent phases in slices, taking turns, so that other work on the machine
        # weighs on each alike.
        n, slice_seconds = args.sessions, args.seconds / args.slices
        runs = Phases(
            cold=cold,
            floor=[visit for visit in lone_and_floor if visit.page == "floor"],
            lone=[visit for visit in lone_and_floor if visit.page != "floor"],
            crowd=[],
            floor_crowd=[],
            replicas=[] if spread else None,
        )
        crowd_memory = 0
        cpu_before = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        wall_before = time.perf_counter()
        for turn in range(1, args.slices + 1):
            phase(
                f"slice {turn}/{args.slices}: {n} sessions on the dashboard for {slice_seconds:g} s"
            )
            sampler.new_phase()
            visits, wall, cpu = await timed(
                run_sessions(pages, n, slice_seconds, args.timeout, args.reconnect, args.think),
                sampler, "dashboard",
            )  # fmt: skip
            runs.crowd += visits
            runs.crowd_seconds += wall
            runs.cpu["dashboard"] = runs.cpu.get("dashboard", 0) + cpu
            crowd_memory = max(crowd_memory, sampler.phase_peak)
            phase(f"slice {turn}/{args.slices}: {n} sessions on the floor app")
            visits, wall, cpu = await timed(
                run_sessions(
                    [floor_target], n, slice_seconds, args.timeout, args.reconnect, args.think
                ),
                sampler, "floor",
            )  # fmt: skip
            runs.floor_crowd += visits
            runs.floor_crowd_seconds += wall
            runs.cpu["floor"] = runs.cpu.get("floor", 0) + cpu
            if runs.replicas is not None:
                phase(f"slice {turn}/{args.slices}: {n} sessions through HAProxy")
                visits, wall, cpu = await timed(
                    run_sessions(spread, n, slice_seconds, args.timeout, args.reconnect, args.think),
                    sampler, "replicas",
                )  # fmt: skip
                runs.replicas += visits
                runs.replicas_seconds += wall
                runs.cpu["replicas"] = runs.cpu.get("replicas", 0) + cpu
        if spread:
            runs.per_replica = {
                name: int(row.get("stot") or 0) for name, row in replica_stats(balancer.url).items()
            }
        runs.generator_cpu = (sum(resource.getrusage(resource.RUSAGE_SELF)[:2]) - cpu_before) / (
            time.perf_counter() - wall_before
        )
        phase("done")
    print_report(args, runs, sampler, crowd_memory)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=25, help="concurrent sessions (25)")
    parser.add_argument("--seconds", type=float, default=60, help="length of each phase (60)")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "data", help="data folder")
    parser.add_argument("--timeout", type=float, default=30, help="seconds per page load (30)")
    parser.add_argument(
        "--reconnect", action="store_true", help="a new websocket session for every page"
    )
    parser.add_argument(
        "--think", type=float, default=0.0,
        help="a reader's pause between pages in the concurrent phase, seconds (0: back to back)",
    )  # fmt: skip
    parser.add_argument(
        "--slices", type=int, default=3,
        help="the concurrent phases in this many slices, taking turns (3)",
    )  # fmt: skip
    parser.add_argument(
        "--replicas", type=int, default=0,
        help="then the same sessions through deploy/run-replicas.sh with N replicas (0: not)",
    )  # fmt: skip
    parser.add_argument(
        "--floor-defaults", action="store_true",
        help="run the floor app with Streamlit's defaults (a full garbage collection after every "
        "run, as the first measurements did) rather than the project's server settings",
    )  # fmt: skip
    args = parser.parse_args()
    args.data_dir = args.data_dir.resolve()
    if not 1 <= args.sessions <= 500 or not 0 < args.seconds <= 3600:
        parser.error("--sessions must be 1..500 and --seconds 0..3600")
    if not 0 <= args.replicas <= 32 or not 1 <= args.slices <= 60:
        parser.error("--replicas must be 0..32 and --slices 1..60")
    asyncio.run(measure(args))


if __name__ == "__main__":
    main()
