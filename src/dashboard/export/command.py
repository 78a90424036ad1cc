"""`python -m dashboard export` (cli.py hands over here): choose the charts, load the data,
write every file into a staging folder and swap it into place."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from dashboard import data, share
from dashboard import site as static_site
from dashboard.charts.registry import all_charts
from dashboard.charts.types import Chart
from dashboard.export.built_chart import BuiltChart
from dashboard.export.data_package import chart_json, csv_text, data_resource, datapackage
from dashboard.export.figure_json import GEOMETRY_SCRIPT, geometry_script
from dashboard.export.folder import (
    MARKER,
    MARKER_TEXT,
    ExportError,
    ExportFolder,
    check_target,
    swap_into_place,
)
from dashboard.export.images import deck_images, plotly_images
from dashboard.export.pages import Site, chart_page, environment, gallery_page, write_bundles
from dashboard.filters import Filters
from dashboard.frames import Frames
from dashboard.i18n import DEFAULT_LANG, coverage_line


@dataclass
class ExportReport:
    """What an export wrote and how long each phase took."""

    out: Path
    files: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)


def choose_charts(wanted: Iterable[str] | None, registry: dict[str, Chart]) -> list[Chart]:
    """The charts to export, in registry order; unknown or malformed ids are an error."""
    for chart_id in registry:
        if not share.is_chart_id(chart_id):
            raise ExportError(
                [f"chart id {chart_id!r} is not kebab-case; cannot use it as a file name"]
            )
    if not wanted:
        return list(registry.values())
    wanted = [chart_id.strip() for chart_id in wanted if chart_id.strip()]
    unknown = [chart_id for chart_id in wanted if chart_id not in registry]
    if unknown:
        raise ExportError(
            [f"unknown chart id(s): {', '.join(unknown)}; valid ids: {', '.join(registry)}"]
        )
    return [chart for chart_id, chart in registry.items() if chart_id in wanted]


def load_frames(data_dir: Path | None) -> Frames:
    """Validated frames, or every problem of the data as an ExportError."""
    result = data.load(data_dir)
    if not result.ok or result.frames is None:
        count = result.total
        shown = data_dir or data.default_data_dir()
        lines = [str(problem) for problem in result.problems]
        more = result.more_line()
        if more:
            lines.append(more)
        raise ExportError([*lines, f"{count} problem(s) found in {shown}; nothing exported"])
    return result.frames


Progress = Callable[[str], None]


def stderr_progress(stream: TextIO | None = None) -> Progress:
    """Plain progress lines on stderr, such as `[3/9] timeline-actions`."""

    def report(line: str) -> None:
        print(line, file=stream or sys.stderr, flush=True)

    return report


class _Steps:
    def __init__(self, total: int, progress: Progress) -> None:
        self.total, self.done, self.progress = total, 0, progress

    def step(self, label: str) -> None:
        self.done += 1
        self.progress(f"[{self.done}/{self.total}] {label}")


def export(
    out: Path,
    *,
    chart_ids: Iterable[str] | None = None,
    lang: str = DEFAULT_LANG,
    force: bool = False,
    data_dir: Path | None = None,
    export_url: str = "",
    dashboard_url: str | None = None,
    charts: dict[str, Chart] | None = None,
    images: bool = True,
    progress: Progress | None = None,
) -> ExportReport:
    """Write the whole export into `out`; raises ExportError with lines to show on failure."""
    out = Path(out).absolute()
    check_target(out, force, data_dir)
    chosen = choose_charts(chart_ids, charts if charts is not None else all_charts())
    started = time.perf_counter()
    frames = load_frames(data_dir)
    report = ExportReport(out, phases={"load": time.perf_counter() - started})
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.partial-"))
    try:
        folder = ExportFolder(staging)
        site = Site(
            lang=lang,
            updated=coverage_line(frames.coverage_end, frames.last_reviewed, lang),
            export_url=export_url,
            dashboard_url=os.environ.get(share.PUBLIC_URL_ENV, "")
            if dashboard_url is None
            else dashboard_url,
        )
        _write_all(folder, frames, chosen, site, report, progress or stderr_progress(), images)
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a web server must read it
        swap_into_place(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    report.files = sorted(folder.written)
    return report


def _timed(report: ExportReport, phase: str, started: float) -> float:
    now = time.perf_counter()
    report.phases[phase] = report.phases.get(phase, 0.0) + now - started
    return now


def _write_all(
    folder: ExportFolder, frames: Frames, chosen: list[Chart], site: Site, report: ExportReport,
    progress: Progress, images: bool,
) -> None:  # fmt: skip
    plotly_charts = [chart for chart in chosen if chart.kind == "plotly"]
    deck_charts = [chart for chart in chosen if chart.kind != "plotly"]
    steps = _Steps((2 if images else 1) * len(chosen) + 1, progress)
    filters = Filters(lang=site.lang)  # type: ignore[arg-type]
    env = environment()
    clock = time.perf_counter()
    write_bundles(folder, bool(plotly_charts), bool(deck_charts))
    clock = _timed(report, "bundles", clock)
    built: list[BuiltChart] = []
    geometry: dict[str, Any] = {}
    for chart in chosen:
        frame, figure, text = chart.build(frames, filters)
        item = BuiltChart(chart, frame, figure, text)
        built.append(item)
        folder.write(f"{chart.id}.html", chart_page(env, item, site, filters, geometry))
        folder.write(f"{chart.id}.csv", csv_text(frame))
        folder.write(f"{chart.id}.json", chart_json(item, site.updated))
        steps.step(f"{chart.id} (page, data)")
    if geometry:
        folder.write(GEOMETRY_SCRIPT, geometry_script(geometry))
    clock = _timed(report, "pages and data", clock)
    if images:
        plotly_images(folder, [b for b in built if b.chart.kind == "plotly"], steps.step, site.lang)
        clock = _timed(report, "plotly images", clock)
        deck_images(folder, [b.chart.id for b in built if b.chart.kind != "plotly"], steps.step)
        clock = _timed(report, "map screenshots", clock)
    resources = [data_resource(item) for item in built]
    package = datapackage(resources, site.lang, frames.last_reviewed.date().isoformat())
    folder.write("datapackage.json", json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    folder.write("index.html", gallery_page(env, built, site))
    pages = [f"{item.chart.id}.html" for item in built]
    folder.written += static_site.write_site(folder.root, env, frames, site, pages)
    steps.step("index.html, datapackage.json")
    _timed(report, "gallery and package", clock)


# Command line: `python -m dashboard export` (cli.py hands over here).

COMMAND = "export"


def add_command(commands: Any) -> None:
    """Register the `export` subcommand on cli.py's subparsers."""
    parser = commands.add_parser(
        COMMAND, help="write every chart as offline HTML, PNG/SVG, CSV/JSON and a gallery"
    )
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--charts", help="comma-separated chart ids (default: all)")
    parser.add_argument("--lang", choices=["en", "es"], default=DEFAULT_LANG, help="language")
    parser.add_argument("--force", action="store_true", help="replace a folder that holds files")
    parser.add_argument(
        "--data-dir", type=Path, help=f"data folder (default: ${data.DATA_DIR_ENV} or data/)"
    )
    parser.add_argument("--no-images", action="store_true", help="skip PNG/SVG (faster)")
    parser.add_argument(
        "--export-url", default="", help="public URL the folder will be served from"
    )
    parser.add_argument(
        "--dashboard-url", help=f"the live dashboard's URL (default: ${share.PUBLIC_URL_ENV})"
    )


def run(args: Any) -> int:
    """Run an export from parsed arguments; problems are printed, exit status 1."""
    try:
        report = export(
            args.out, chart_ids=args.charts.split(",") if args.charts else None, lang=args.lang,
            force=args.force, data_dir=args.data_dir, export_url=args.export_url,
            dashboard_url=args.dashboard_url, images=not args.no_images,
        )  # fmt: skip
    except ExportError as error:
        for line in error.lines:
            print(line, file=sys.stderr)
        return 1
    seconds = sum(report.phases.values())
    print(f"wrote {len(report.files)} files to {report.out} in {seconds:.1f} s")
    return 0
