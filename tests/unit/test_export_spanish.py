"""`python -m dashboard export --lang es`: Spanish pages, a Spanish gallery, plotly in Spanish.

The export runs once, as a reader's newsroom would run it, on the real data and without images
(`--no-images`), which keeps it fast; the words and the pages are what is checked here.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import data
from dashboard.charts.registry import all_charts
from dashboard.filters import Filters
from dashboard.i18n import catalogue, coverage_line, t
from tests.conftest import REAL_DATA

CHART_IDS = list(all_charts())
# Catalogue messages a chart page or the gallery writes besides the charts' own words.
FRAME_KEYS = [
    "export.gallery_title", "export.gallery_intro", "export.embed_code", "export.files",
    "export.preview", "export.licence", "embed.full_view", "notice.empty", "app.title",
]  # fmt: skip


def _export(out: Path, lang: str, *charts: str) -> None:
    argv = [sys.executable, "-m", "dashboard", "export", "--out", str(out), "--lang", lang]
    argv += ["--data-dir", str(REAL_DATA), "--no-images"]
    if charts:
        argv += ["--charts", ",".join(charts)]
    env = {**os.environ, "DASHBOARD_PUBLIC_URL": "https://dashboard.example"}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout


@pytest.fixture(scope="module")
def spanish(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export-es") / "site"
    _export(out, "es")
    return out


@pytest.fixture(scope="module")
def frames():
    return data.load(REAL_DATA).frames


@pytest.fixture(scope="module")
def texts(frames):
    """Each chart's Spanish title, subtitle, alt text and source line."""
    return {
        chart_id: chart.build(frames, Filters(lang="es"))[2]
        for chart_id, chart in all_charts().items()
    }


def _visible(page: str) -> str:
    """The page's words: no scripts, styles or tags, entities decoded."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _config(page: str) -> dict:
    match = re.search(r"Plotly\.newPlot\(chart, \w+\.data, \w+\.layout, (\{.*?\})\)\.then", page)
    assert match, "the page passes a config to Plotly.newPlot"
    return json.loads(match.group(1))


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_every_chart_page_is_spanish(spanish, texts, frames, chart_id):
    page = (spanish / f"{chart_id}.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="es">')
    text = texts[chart_id]
    assert f"<title>{html.escape(text.title)}</title>" in page
    assert f"<h1>{html.escape(text.title)}</h1>" in page
    words = _visible(page)
    assert text.subtitle in words and text.source in words
    updated = coverage_line(frames.coverage_end, frames.last_reviewed, "es")
    assert updated in words
    assert t("embed.full_view", "es") in words
    # The link to the live dashboard keeps the language.
    page_path = all_charts()[chart_id].page
    assert f'href="https://dashboard.example/{page_path}?lang=es"' in page
    for key in FRAME_KEYS:
        assert catalogue()[key]["en"] not in words, key
    assert "Events recorded up to" not in words


@pytest.mark.parametrize(
    "chart_id", [chart_id for chart_id, chart in all_charts().items() if chart.kind == "plotly"]
)
def test_plotly_pages_register_the_spanish_locale(spanish, chart_id):
    """plotly.min.js holds English only: each page brings Spanish month names and modebar."""
    config = _config((spanish / f"{chart_id}.html").read_text(encoding="utf-8"))
    assert config["locale"] == "es"
    assert config["displaylogo"] is False and config["responsive"] is True
    spanish_format = config["locales"]["es"]["format"]
    assert spanish_format["shortMonths"][:2] == ["ene", "feb"]
    assert (spanish_format["decimal"], spanish_format["thousands"]) == (",", ".")
    assert config["locales"]["es"]["dictionary"]["Zoom in"] == "Ampliar"


def test_the_figure_speaks_spanish(spanish):
    page = (spanish / "timeline-actions.html").read_text(encoding="utf-8")
    figure = json.loads(re.search(r"var figure = (\{.*?\});\n", page, flags=re.S).group(1))
    names = {trace.get("name") for trace in figure["data"]}
    assert t("timeline.month_only", "es") in names
    assert t("timeline.month_only", "en") not in names
    buttons = figure["layout"]["xaxis"]["rangeselector"]["buttons"]
    assert buttons[-1]["label"] == t("timeline.range.all", "es")
    assert figure["layout"]["separators"] == ",."


def test_the_gallery_is_spanish(spanish, texts, frames):
    page = (spanish / "index.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="es">')
    words = _visible(page)
    for key in ("export.gallery_title", "export.gallery_intro", "export.embed_code"):
        assert t(key, "es") in words, key
        assert catalogue()[key]["en"] not in words, key
    assert t("export.files", "es") + ":" in words
    assert t("export.preview", "es") in words
    assert coverage_line(frames.coverage_end, frames.last_reviewed, "es") in words
    for chart_id, text in texts.items():
        assert f"<h2>{html.escape(text.title)}</h2>" in page
        # The embed code's iframe is titled in Spanish for screen readers.
        code = re.search(
            rf'<textarea id="code-{chart_id}" readonly[^>]*>(.*?)</textarea>', page, re.S
        )
        assert code and f'title="{html.escape(text.title)}"' in html.unescape(code.group(1))


def test_data_files_carry_the_spanish_words(spanish, texts):
    for chart_id, text in texts.items():
        body = json.loads((spanish / f"{chart_id}.json").read_text(encoding="utf-8"))
        assert (body["title"], body["subtitle"]) == (text.title, text.subtitle)
    package = json.loads((spanish / "datapackage.json").read_text(encoding="utf-8"))
    assert package["title"] == t("app.title", "es")
    assert {resource["title"] for resource in package["resources"]} == {
        text.title for text in texts.values()
    }


def test_english_export_stays_english(tmp_path):
    out = tmp_path / "site"
    _export(out, "en", "overview-actions-by-month")
    page = (out / "overview-actions-by-month.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert t("overview.months.title", "en") in _visible(page)
    assert _config(page) == {
        "responsive": True,
        "displaylogo": False,
        "modeBarButtonsToRemove": ["sendChartToCloud", "sendDataToCloud"],
        "locale": "en",
    }
    assert '<html lang="en">' in (out / "index.html").read_text(encoding="utf-8")


def test_still_images_have_spanish_months(tmp_path):
    """kaleido drops a figure's config: its plotly.js gets the Spanish locale as its default."""
    out = tmp_path / "site"
    argv = [sys.executable, "-m", "dashboard", "export", "--out", str(out), "--lang", "es"]
    argv += ["--data-dir", str(REAL_DATA), "--charts", "overview-actions-by-month"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    ticks = set(re.findall(r">(\w+ 20\d\d)<", (out / "overview-actions-by-month.svg").read_text()))
    assert ticks and ticks <= {
        f"{month} {year}" for month in ("ene", "jul") for year in range(2020, 2030)
    }
