"""Static export: every chart as a standalone offline page, images, CSV/JSON and a gallery.

`python -m dashboard export --out DIR` writes into a temporary folder beside DIR and moves it into
place at the end, so a failed export never leaves half a folder. Pages load one shared plotly.js or
deck.gl bundle from the folder itself: no CDN, and they work from file://.
"""

from __future__ import annotations

import copy
import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import jinja2
import pandas as pd

from dashboard import data, datasets, share, themes
from dashboard import site as static_site
from dashboard.charts.registry import Chart, ChartText, all_charts
from dashboard.filters import Filters
from dashboard.frames import Frames
from dashboard.i18n import DEFAULT_LANG, coverage_line, t
from dashboard.plotly_locale import locale_script, plotly_config

PLOTLY_BUNDLE = "plotly.min.js"
DECK_BUNDLE = "deckgl.min.js"
IMAGE_WIDTH, IMAGE_HEIGHT = 1200, 675
DECK_HEIGHT = 500
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
COLUMN_DESCRIPTIONS = {
    "id": "Stable id of the record in the dashboard's data files",
    "date": "Date of the action (first of the month where only the month is known)",
    "date_precision": "How precise the date is: day or month",
    "lane": "Row of the chart the record is drawn in",
    "jurisdiction": "Jurisdiction code (ISO 3166-1 alpha-3, ISO 3166-2 or EU)",
    "jurisdiction_name": "Name of the jurisdiction",
    "country": "ISO 3166-1 alpha-3 code of the country",
    "type": "Kind of action",
    "type_group": "Group of kinds of action used for colour",
    "status": "Status of the record",
    "title": "What happened, in one line",
    "authority": "The authority that acted",
    "platforms": "Platforms the record names, separated by semicolons",
    "platform": "Platform id",
    "verified": "True where a source states the key facts",
    "source_publisher": "Publisher of the record's first source",
    "source_url": "URL of the record's first source",
    "value": "The figure's value",
    "unit": "Unit of the value",
    "min_age": "Minimum age for a social-media account",
    "count": "Number of records",
}


class ExportError(Exception):
    """An export that cannot go ahead; `lines` are shown to the user as they are."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass
class ExportReport:
    """What an export wrote and how long each phase took."""

    out: Path
    files: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)


@dataclass
class _Built:
    """One chart built for the export."""

    chart: Chart
    frame: pd.DataFrame
    figure: Any
    text: ChartText


# Data files.


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(item) for item in value)
    return value


def _is_date_only(column: pd.Series) -> bool:
    values = column.dropna()
    return bool((values == values.dt.normalize()).all())


def tidy_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A chart's frame with plain cells: lists joined by '; ', dates as ISO text, categories as text."""
    tidy = frame.copy()
    for name in tidy.columns:
        column = tidy[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            pattern = "%Y-%m-%d" if _is_date_only(column) else "%Y-%m-%dT%H:%M:%S"
            tidy[name] = column.dt.strftime(pattern).astype(object).where(column.notna(), None)
        elif isinstance(column.dtype, pd.CategoricalDtype):
            tidy[name] = column.astype(object).where(column.notna(), None)
        elif column.dtype == object:
            tidy[name] = column.map(_cell)
    return tidy


def csv_text(frame: pd.DataFrame) -> str:
    """A chart's frame as CSV, text that looks like a spreadsheet formula neutralised."""
    return datasets.formula_safe(tidy_frame(frame)).to_csv(index=False)


def field_type(column: pd.Series) -> str:
    """The Frictionless table-schema type of a frame column."""
    if pd.api.types.is_bool_dtype(column):
        return "boolean"
    if pd.api.types.is_integer_dtype(column):
        return "integer"
    if pd.api.types.is_float_dtype(column):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(column):
        return "date" if _is_date_only(column) else "datetime"
    return "string"


def _field(name: str, column: pd.Series, title: str) -> dict[str, str]:
    described = COLUMN_DESCRIPTIONS.get(
        str(name), f"{str(name).replace('_', ' ')} (chart: {title})"
    )
    return {"name": str(name), "type": field_type(column), "description": described}


def _sources(frame: pd.DataFrame, limit: int = 100) -> list[dict[str, str]]:
    if not {"source_publisher", "source_url"} <= set(frame.columns):
        return []
    pairs = frame[["source_publisher", "source_url"]].dropna().drop_duplicates().head(limit)
    return [{"title": str(p), "path": str(u)} for p, u in pairs.itertuples(index=False)]


def data_resource(built: _Built) -> dict[str, Any]:
    """The datapackage.json entry of one chart's CSV."""
    frame, text = built.frame, built.text
    return {
        "name": built.chart.id,
        "path": f"{built.chart.id}.csv",
        "title": text.title,
        "description": text.subtitle,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "licenses": [LICENCE],
        "sources": _sources(frame),
        "schema": {"fields": [_field(name, frame[name], text.title) for name in frame.columns]},
    }


def datapackage(resources: list[dict[str, Any]], lang: str, updated: str) -> dict[str, Any]:
    """The Frictionless data package describing every exported CSV."""
    return {
        "name": "dashboard-charts",
        "title": t("app.title", lang),
        "description": t("app.purpose", lang),
        "version": updated,
        "licenses": [LICENCE],
        "sources": [{"title": t("app.short_title", lang)}],
        "resources": resources,
    }


def chart_json(built: _Built, updated: str) -> str:
    """The chart's data as JSON records, with the words that frame it."""
    records = json.loads(tidy_frame(built.frame).to_json(orient="records", force_ascii=False))
    text = built.text
    body = {
        "chart": built.chart.id,
        "title": text.title,
        "subtitle": text.subtitle,
        "source": text.source,
        "last_updated": updated,
        "licence": LICENCE["name"],
        "data": records,
    }
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


# Figures.


def image_figure(figure: Any, text: ChartText) -> Any:
    """A copy of a plotly figure for a still image: titled, on white, at the image size."""
    fig = copy.deepcopy(figure)
    title = f"<b>{html.escape(text.title)}</b><br><sup>{html.escape(text.subtitle)}</sup>"
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left", "y": 0.97, "yanchor": "top"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"t": 110, "l": 16, "r": 16, "b": 56},
        height=None,
        width=None,
    )
    fig.update_xaxes(rangeselector={"visible": False})
    fig.add_annotation(
        text=html.escape(text.source), xref="paper", yref="paper", x=0, y=0, xanchor="left",
        yanchor="top", yshift=-30, showarrow=False, font={"size": 11, "color": "#555"},
    )  # fmt: skip
    return fig


def script_json(value: str) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' that could end or open a tag."""
    return value.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


SHARED_KEY = "sharedText"  # the page's table of hover lines and ids
SHARED_FIELDS = "sharedFields"  # per trace: which of its arrays point into that table
BREAK = "<br>"
_MIDNIGHT = re.compile(r'"(\d{4}-\d\d-\d\d)T00:00:00"')


def share_hover_text(figure_dict: dict[str, Any]) -> dict[str, Any]:
    """Hover texts, row names and dates as indexes into one table of strings, each stored once.

    A record drawn in several rows (one per platform) repeats its whole hover text, every hover
    repeats lines such as its source, and every point repeats its row's name; the page joins
    them back (chart.html). Record ids (`customdata`, which only the app's click selection reads)
    are left out unless a hover template shows them.
    """
    table: list[str] = []
    index: dict[str, int] = {}

    def ref(line: str) -> int:
        if line not in index:
            index[line] = len(table)
            table.append(line)
        return index[line]

    for trace in figure_dict.get("data", []):
        if "customdata" not in str(trace.get("hovertemplate", "")):
            values = trace.get("customdata")
            if isinstance(values, list) and all(isinstance(value, str) for value in values):
                trace.pop("customdata")
        fields: dict[str, str | None] = {}
        for name in ("hovertext", "x", "y", "text"):
            values = trace.get(name)
            if not isinstance(values, list) or len(values) < 2:
                continue
            if not all(isinstance(value, str) for value in values):
                continue
            if name == "hovertext":
                trace[name] = [[ref(line) for line in value.split(BREAK)] for value in values]
                fields[name] = BREAK
            else:
                trace[name] = [ref(value) for value in values]
                fields[name] = None
        if fields:
            trace[SHARED_FIELDS] = fields
    figure_dict[SHARED_KEY] = table
    return figure_dict


def pio_json(figure: Any) -> str:
    import plotly.io as pio

    return pio.to_json(figure, validate=False, pretty=False)


# Parts of plotly's default template that only other kinds of chart read (3D, polar, maps).
_UNUSED_TEMPLATE_LAYOUT = ("polar", "ternary", "scene", "geo", "mapbox", "map", "smith")
_COLOUR_SCALED = {"heatmap", "contour", "histogram2d", "histogram2dcontour", "choropleth"}


def slim_template(figure_dict: dict[str, Any]) -> dict[str, Any]:
    """The figure's template without the defaults of trace types and subplots it does not use
    (about 6 KB of every page): the page draws the same."""
    template = figure_dict.get("layout", {}).get("template")
    if not isinstance(template, dict):
        return figure_dict
    used = {trace.get("type", "scatter") for trace in figure_dict.get("data", [])}
    if isinstance(template.get("data"), dict):
        template["data"] = {kind: value for kind, value in template["data"].items() if kind in used}
    layout = template.get("layout")
    if isinstance(layout, dict):
        for name in _UNUSED_TEMPLATE_LAYOUT:
            layout.pop(name, None)
        if not used & _COLOUR_SCALED:
            layout.pop("colorscale", None)
    return figure_dict


def plotly_json(figure: Any) -> str:
    """The figure for a page: compact, hover text shared, midnight dropped from dates."""
    as_dict = json.loads(pio_json(figure))
    as_dict = themes.fixed_date_range(themes.without_range_buttons(as_dict))
    as_dict = share_hover_text(slim_template(as_dict))
    text = json.dumps(as_dict, ensure_ascii=False, separators=(",", ":"))
    return script_json(_MIDNIGHT.sub(r'"\1"', text))


GEOMETRY_SCRIPT = "map-geometry.js"
GEOMETRY_REF = "geometryRef"


def deck_spec(deck: Any) -> dict[str, Any]:
    """The deck as a dict without its base map style: a tile style would be fetched from the web."""
    spec = json.loads(deck.to_json())
    for key in ("mapStyle", "mapProvider", "googleMapsKey"):
        spec.pop(key, None)
    return spec


def hoist_geometry(spec: dict[str, Any], shared: dict[str, Any]) -> dict[str, Any]:
    """Moves GeoJSON geometries into `shared` (written once as map-geometry.js), by a stable key.

    Country outlines are most of a map page's weight and the same on every map page; each page
    keeps only its features' properties (colours, names, counts) and a reference to the shape.
    """
    for layer in spec.get("layers", []):
        features = (
            layer.get("data", {}).get("features") if isinstance(layer.get("data"), dict) else None
        )
        for index, feature in enumerate(features or []):
            properties = feature.get("properties") or {}
            key = str(
                properties.get("code") or properties.get("iso3") or f"{layer.get('id')}-{index}"
            )
            shared[key] = feature.pop("geometry", None)
            feature[GEOMETRY_REF] = key
    return spec


def geometry_script(shared: dict[str, Any]) -> str:
    """The shared shapes as a script (a file:// page cannot fetch JSON, but it can load a script)."""
    return "window.DASHBOARD_GEOMETRY = " + json.dumps(shared, separators=(",", ":")) + ";\n"


def deck_json(deck: Any, shared: dict[str, Any] | None = None) -> str:
    spec = escape_properties(deck_spec(deck))
    if shared is not None:
        spec = hoist_geometry(spec, shared)
    return script_json(json.dumps(spec, separators=(",", ":")))


def deck_tooltip(deck: Any) -> str:
    """The deck's own tooltip template; never `true` (deck.gl then dumps every property)."""
    tooltip = getattr(deck, "_tooltip", None)
    if not isinstance(tooltip, dict):
        tooltip = False
    return script_json(json.dumps(tooltip))


def escape_properties(spec: dict[str, Any]) -> dict[str, Any]:
    """HTML-escape the text of every feature and point: pydeck's page puts it into the tooltip
    template as HTML (Streamlit escapes it for the app; a static page must do it itself)."""

    def escaped(value: Any) -> Any:
        if isinstance(value, str):
            return html.escape(value)
        if isinstance(value, dict):
            return {key: escaped(item) for key, item in value.items()}
        if isinstance(value, list):
            return [escaped(item) for item in value]
        return value

    for layer in spec.get("layers", []):
        if "data" in layer:
            layer["data"] = escaped(layer["data"])
    return spec


# Pages.


def environment() -> jinja2.Environment:
    """Templates from the package; autoescape on, so text from data or catalogue stays text."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("dashboard", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class Site:
    """Where things live: the export's own URL (for cards) and the dashboard's."""

    lang: str
    updated: str
    export_url: str = ""
    dashboard_url: str = ""

    def asset(self, name: str) -> str:
        return f"{self.export_url.rstrip('/')}/{name}" if self.export_url else name


def region_views() -> dict[str, dict[str, float]]:
    """The map's region views (desktop zoom), for `?region=` on an exported map page."""
    from dashboard.charts.mapping import REGION_VIEWS, region_view

    return {region: region_view(region) for region in REGION_VIEWS}


def chart_page(
    env: jinja2.Environment, built: _Built, site: Site, filters: Filters,
    geometry: dict[str, Any] | None = None,
) -> str:  # fmt: skip
    """One chart's standalone page; map shapes go into `geometry` when given (a shared file)."""
    chart, figure = built.chart, built.figure
    context = {
        "lang": site.lang,
        "chart_id": chart.id,
        "kind": chart.kind,
        "text": built.text,
        "updated": site.updated,
        # Relative without a known dashboard URL: a root-relative link would point at the root
        # of whatever host serves the export.
        "dashboard_link": share.dashboard_url(site.dashboard_url or ".", chart.page, filters),
        "full_view": t("embed.full_view", site.lang),
        "new_tab": t("embed.new_tab", site.lang),
        "colours": themes.PAGE,
        "image": site.asset(f"{chart.id}.png"),
        "page_url": site.asset(f"{chart.id}.html"),
        "empty": built.frame.empty,
        "empty_text": t("notice.empty", site.lang),
        "height_message": share.HEIGHT_MESSAGE,
        "bundle": PLOTLY_BUNDLE if chart.kind == "plotly" else DECK_BUNDLE,
        "deck_height": int(getattr(figure, "height", None) or DECK_HEIGHT),
    }
    if chart.kind == "plotly":
        context["figure_json"] = jinja2.filters.Markup(plotly_json(figure))
        patch = themes.dark_patch(json.loads(pio_json(figure)))
        context["dark_patch"] = jinja2.filters.Markup(script_json(json.dumps(patch)))
        context["shared_key"], context["shared_fields"] = SHARED_KEY, SHARED_FIELDS
        # plotly.min.js holds only English: the page registers the reader's locale itself.
        config = plotly_config(site.lang, responsive=True, displaylogo=False)
        context["plotly_config"] = jinja2.filters.Markup(script_json(json.dumps(config)))
    else:
        context["deck_json"] = jinja2.filters.Markup(deck_json(figure, geometry))
        context["geometry_script"] = GEOMETRY_SCRIPT if geometry is not None else None
        context["deck_tooltip"] = jinja2.filters.Markup(deck_tooltip(figure))
        context["region_views"] = jinja2.filters.Markup(script_json(json.dumps(region_views())))
    return env.get_template("chart.html").render(**context)


def gallery_page(env: jinja2.Environment, built: list[_Built], site: Site) -> str:
    """index.html: every chart with a preview and its embed code ready to copy."""
    items = []
    for item in built:
        chart_id = item.chart.id
        height = share.figure_height(item.figure)
        codes = {
            theme: share.static_embed_code(
                site.export_url, chart_id, item.text.title, height, theme
            )
            for theme in share.THEMES
        }
        items.append(
            {
                "id": chart_id,
                "kind": item.chart.kind,
                "text": item.text,
                "height": height,
                "embed_code": codes["auto"],
                "codes": codes,
            }
        )
    lang = site.lang
    return env.get_template("index.html").render(
        lang=lang,
        title=t("export.gallery_title", lang),
        dashboard=t("app.title", lang),
        intro=t("export.gallery_intro", lang),
        updated=site.updated,
        licence=t("export.licence", lang),
        embed_label=t("export.embed_code", lang),
        files_label=t("export.files", lang),
        preview_label=t("export.preview", lang),
        theme_label=t("export.theme", lang),
        themes=[(theme, t(f"share.theme_{theme}", lang)) for theme in share.THEMES],
        items=items,
    )


# Writing.


class _Folder:
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


def _swap_into_place(staging: Path, out: Path) -> None:
    """Put the finished export at `out`; the old contents go only once the new one is complete."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.old-"))
        os.rename(out, old / "previous")
    os.rename(staging, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


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


# The export.


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
        folder = _Folder(staging)
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
        _swap_into_place(staging, out)
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
    folder: _Folder, frames: Frames, chosen: list[Chart], site: Site, report: ExportReport,
    progress: Progress, images: bool,
) -> None:  # fmt: skip
    plotly_charts = [chart for chart in chosen if chart.kind == "plotly"]
    deck_charts = [chart for chart in chosen if chart.kind != "plotly"]
    steps = _Steps((2 if images else 1) * len(chosen) + 1, progress)
    filters = Filters(lang=site.lang)  # type: ignore[arg-type]
    env = environment()
    clock = time.perf_counter()
    _write_bundles(folder, bool(plotly_charts), bool(deck_charts))
    clock = _timed(report, "bundles", clock)
    built: list[_Built] = []
    geometry: dict[str, Any] = {}
    for chart in chosen:
        frame, figure, text = chart.build(frames, filters)
        item = _Built(chart, frame, figure, text)
        built.append(item)
        folder.write(f"{chart.id}.html", chart_page(env, item, site, filters, geometry))
        folder.write(f"{chart.id}.csv", csv_text(frame))
        folder.write(f"{chart.id}.json", chart_json(item, site.updated))
        steps.step(f"{chart.id} (page, data)")
    if geometry:
        folder.write(GEOMETRY_SCRIPT, geometry_script(geometry))
    clock = _timed(report, "pages and data", clock)
    if images:
        plotly_images(folder, [b for b in built if b.chart.kind == "plotly"], steps, site.lang)
        clock = _timed(report, "plotly images", clock)
        deck_images(folder, [b.chart.id for b in built if b.chart.kind != "plotly"], steps)
        clock = _timed(report, "map screenshots", clock)
    resources = [data_resource(item) for item in built]
    package = datapackage(resources, site.lang, frames.last_reviewed.date().isoformat())
    folder.write("datapackage.json", json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    folder.write("embed.js", share.RESIZE_SCRIPT + "\n")
    folder.write("index.html", gallery_page(env, built, site))
    pages = [f"{item.chart.id}.html" for item in built]
    folder.written += static_site.write_site(folder.root, env, frames, site, pages)
    steps.step("index.html, datapackage.json, embed.js")
    _timed(report, "gallery and package", clock)


def _write_bundles(folder: _Folder, plotly: bool, deck: bool) -> None:
    """The one shared copy of each JavaScript library the pages load."""
    if plotly:
        from plotly.offline import get_plotlyjs

        folder.write(PLOTLY_BUNDLE, get_plotlyjs())
    if deck:
        import pydeck

        folder.copy(DECK_BUNDLE, Path(pydeck.__file__).parent / "nbextension/static/index.js")


# Images.

CHROMIUM = "/usr/bin/chromium"
# Root in a container, no network: these keep Chromium from phoning home or needing a sandbox.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
DECK_SETTLE_MS = 1500  # deck.gl draws a frame or two after its canvas appears


def chromium_path() -> str:
    """The browser to drive: BROWSER_PATH where set (kaleido reads it too), else Debian's."""
    return os.environ.get("BROWSER_PATH") or CHROMIUM


def plotly_images(
    folder: _Folder, built: list[_Built], steps: _Steps, lang: str = DEFAULT_LANG
) -> None:
    """PNG at 1200x675 and 2x, and SVG, of every plotly chart, through one kaleido browser."""
    if not built:
        return
    import kaleido
    import plotly.io as pio

    pio.defaults.mathjax = False  # MathJax would be fetched from a CDN
    with tempfile.TemporaryDirectory() as scratch:
        options = {}
        script = locale_script(lang)
        if script:
            # kaleido drops a figure's config: its plotly.js gets the locale as its default.
            from plotly.offline import get_plotlyjs

            bundle = Path(scratch) / "plotly-locale.js"
            bundle.write_text(get_plotlyjs() + "\n" + script, encoding="utf-8")
            options["plotlyjs"] = str(bundle)
        kaleido.start_sync_server(silence_warnings=True, **options)
        try:
            _draw_plotly(folder, built, steps)
        finally:
            kaleido.stop_sync_server(silence_warnings=True)


def _draw_plotly(folder: _Folder, built: list[_Built], steps: _Steps) -> None:
    with warnings.catch_warnings():
        # plotly warns that its kaleido options are ignored by the shared server: expected.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        for item in built:
            figure = image_figure(item.figure, item.text)
            size = {"width": IMAGE_WIDTH, "height": IMAGE_HEIGHT}
            for name, image_format, scale in _image_files(item.chart.id):
                folder.write(name, figure.to_image(format=image_format, scale=scale, **size))
            steps.step(f"{item.chart.id} (images)")


def _image_files(chart_id: str) -> list[tuple[str, str, int]]:
    return [
        (f"{chart_id}.png", "png", 1),
        (f"{chart_id}@2x.png", "png", 2),
        (f"{chart_id}.svg", "svg", 1),
    ]


def deck_images(folder: _Folder, chart_ids: list[str], steps: _Steps) -> None:
    """PNGs of the map pages, screenshotted in headless Chromium (deck.gl needs a real browser)."""
    if not chart_ids:
        return
    from concurrent.futures import ThreadPoolExecutor

    # Own thread: playwright's sync API refuses a thread that already runs an event loop
    # (a notebook, or a test session that holds a browser of its own).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_deck_screenshots, folder, chart_ids, steps).result()


def _deck_screenshots(folder: _Folder, chart_ids: list[str], steps: _Steps) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            for chart_id in chart_ids:
                for scale, name in ((1, f"{chart_id}.png"), (2, f"{chart_id}@2x.png")):
                    folder.write(name, _screenshot(browser, folder.path(f"{chart_id}.html"), scale))
                steps.step(f"{chart_id} (screenshot)")
        finally:
            browser.close()


def _screenshot(browser: Any, page_path: Path, scale: int) -> bytes:
    viewport = {"width": IMAGE_WIDTH, "height": IMAGE_HEIGHT}
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    try:
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_selector("canvas", timeout=30_000)
        page.wait_for_timeout(DECK_SETTLE_MS)
        return page.screenshot(full_page=False)
    finally:
        context.close()


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
