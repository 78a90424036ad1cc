"""The static pages: one page per chart and the gallery (index.html), from the package's templates."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from dashboard import share, themes
from dashboard.export.built_chart import BuiltChart
from dashboard.export.figure_json import (
    GEOMETRY_SCRIPT,
    SHARED_FIELDS,
    SHARED_KEY,
    deck_json,
    deck_tooltip,
    pio_json,
    plotly_json,
    script_json,
)
from dashboard.export.folder import ExportFolder
from dashboard.filters import Filters
from dashboard.i18n import t
from dashboard.plotly_locale import plotly_config

PLOTLY_BUNDLE = "plotly.min.js"
DECK_BUNDLE = "deckgl.min.js"
DECK_HEIGHT = 500


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
    env: jinja2.Environment, built: BuiltChart, site: Site, filters: Filters,
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
        "embed_script": share.HEIGHT_SCRIPT_NAME,
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


def gallery_page(env: jinja2.Environment, built: list[BuiltChart], site: Site) -> str:
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
        embed_script=share.HEIGHT_SCRIPT_NAME,
        themes=[(theme, t(f"share.theme_{theme}", lang)) for theme in share.THEMES],
        items=items,
    )


def write_bundles(folder: ExportFolder, plotly: bool, deck: bool) -> None:
    """The one shared copy of each script the pages load: the chart libraries, and the
    embed-height script (also what an article loads beside an exported chart's iframe)."""
    folder.write(share.HEIGHT_SCRIPT_NAME, share.HEIGHT_SCRIPT + "\n")
    if plotly:
        from plotly.offline import get_plotlyjs

        folder.write(PLOTLY_BUNDLE, get_plotlyjs())
    if deck:
        import pydeck

        folder.copy(DECK_BUNDLE, Path(pydeck.__file__).parent / "nbextension/static/index.js")
