"""Compare page: three charts and the table of rules, filters from the URL, Spanish."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import yaml

from tests.app.conftest import REAL_DATA, VALID_DATA

TITLES = [
    "Minimum age for social media, by jurisdiction",
    "Every minimum-age rule",
    "Actions naming each platform",
    "Where each platform faces action",
]


def _values(value) -> list:
    """A figure array as a list: plotly sends numeric arrays as base64 typed arrays."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = value.get("shape")
        if shape:
            dims = [int(n) for n in str(shape).split(",")] if isinstance(shape, str) else shape
            array = array.reshape(dims)
        return array.tolist()
    return list(value or [])


def _figures(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def _bars(figure: dict) -> dict[str, float]:
    """Bar label -> length over the status traces (those carrying record ids)."""
    return {
        y: x
        for trace in figure["data"]
        if trace["type"] == "bar" and trace.get("customdata")
        for x, y in zip(_values(trace["x"]), trace["y"], strict=True)
    }


def _policies(folder: Path) -> list[dict]:
    return yaml.safe_load((folder / "age_policies.yaml").read_text(encoding="utf-8"))["records"]


def _pairs(folder: Path) -> list[tuple[str, str]]:
    actions = yaml.safe_load((folder / "actions.yaml").read_text(encoding="utf-8"))["records"]
    return [(a["jurisdiction"], pid) for a in actions for pid in a["platforms"]]


def test_renders_the_three_charts_and_the_table(run_page):
    app = run_page("compare", data=VALID_DATA)
    assert [s.value for s in app.subheader] == TITLES
    ages, platforms, grid = _figures(app)
    assert _bars(ages) == {"Florida (United States)": 14, "Australia": 16, "Spain": 16}
    totals: dict[str, float] = {}
    for trace in platforms["data"]:
        for x, y in zip(_values(trace["x"]), trace["y"], strict=True):
            totals[y] = totals.get(y, 0) + x
    assert totals == {"X": 2, "Grok": 1, "Meta": 1, "TikTok": 1}
    cells = np.array(_values(grid["data"][0]["z"]), dtype=float)
    assert np.nansum(cells) == len(_pairs(VALID_DATA))
    assert len(_rules_table(app)) == len(_policies(VALID_DATA))


def _rules_table(app):
    tables = [df.value for df in app.dataframe if "consent_below" in df.value.columns]
    assert len(tables) == 1
    return tables[0]


def test_the_table_lists_every_rule(run_page):
    app = run_page("compare", data=REAL_DATA)
    table = _rules_table(app)
    policies = _policies(REAL_DATA)
    assert len(table) == len(policies)
    assert set(table["source"]) == {p["sources"][0]["url"] for p in policies}
    australia = table[table["jurisdiction"] == "Australia"]
    assert 16 in set(australia["min_age"])
    assert "In force" in set(australia["status"])


def test_real_ages_chart_counts_jurisdictions(run_page):
    app = run_page("compare", data=REAL_DATA)
    ages = _figures(app)[0]
    with_age = {p["jurisdiction"] for p in _policies(REAL_DATA) if p.get("min_age") is not None}
    assert len(_bars(ages)) == len(with_age)
    assert _bars(ages)["Australia"] == 16


def test_a_jurisdiction_filter_narrows_every_part(run_page):
    app = run_page("compare", data=VALID_DATA, j="ESP")
    ages, platforms, grid = _figures(app)
    assert _bars(ages) == {"Spain": 16}
    names = {y for trace in platforms["data"] for y in trace["y"]}
    assert names == {"X", "Meta", "TikTok"}
    assert grid["data"][0]["x"] == ["Spain"]
    assert list(_rules_table(app)["jurisdiction"]) == ["Spain"]


def test_a_platform_filter_keeps_that_platform(run_page):
    app = run_page("compare", data=REAL_DATA, p="x")
    platforms = _figures(app)[1]
    assert {y for trace in platforms["data"] for y in trace["y"]} == {"X"}
    total = sum(x for trace in platforms["data"] for x in _values(trace["x"]))
    assert total == sum(1 for _, pid in _pairs(REAL_DATA) if pid == "x")


def test_no_platform_actions_gives_a_notice(run_page):
    app = run_page("compare", data=VALID_DATA, j="AUS")
    assert len(_figures(app)) == 1  # only the minimum ages
    assert sum("Nothing matches" in i.value for i in app.info) == 2


def test_a_bad_param_gives_a_notice(run_page):
    app = run_page("compare", data=VALID_DATA, p="myspace")
    assert any("“myspace”" in w.value for w in app.warning)
    assert len(_figures(app)) == 3


def test_spanish(run_page):
    app = run_page("compare", data=VALID_DATA, lang="es")
    assert app.header[0].value == "Comparar"
    assert app.subheader[0].value == "Edad mínima para usar redes sociales, por jurisdicción"
    ages = _figures(app)[0]
    assert "España" in _bars(ages)
    assert "En vigor" in {trace.get("name") for trace in ages["data"]}
    assert "Anunciada" in set(_rules_table(app)["status"])
