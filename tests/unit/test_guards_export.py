"""Guards of the static export and of downloads: what --force may replace, CSV formulas, the map.

Each test is named after what it guards (issue 15); see the README's "What is guarded".
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil

import pandas as pd
import pytest

from dashboard import cli, datasets
from dashboard.export.command import export
from dashboard.export.data_package import csv_text
from dashboard.export.figure_json import escape_properties
from dashboard.export.folder import MARKER
from tests.conftest import VALID_DATA

ARGS = ["--no-images", "--charts", "timeline-actions"]


def _run(out, *extra, data_dir=VALID_DATA):
    return cli.main(["export", "--out", str(out), "--data-dir", str(data_dir), *ARGS, *extra])


def test_export_force_refuses_the_data_folder(data_copy, monkeypatch, capsys):
    monkeypatch.chdir(data_copy.parent)
    before = sorted(path.name for path in data_copy.iterdir())
    assert cli.main(["export", "--out", "data", "--force", *ARGS]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{data_copy} is the data folder or holds it; choose another --out"
    )
    assert sorted(path.name for path in data_copy.iterdir()) == before


def test_export_force_refuses_a_folder_holding_the_data(data_copy, capsys):
    assert _run(data_copy.parent, "--force", data_dir=data_copy) == 1
    assert "is the data folder or holds it" in capsys.readouterr().err
    assert (data_copy / "actions.yaml").exists()


def test_export_force_refuses_the_project(tmp_path, monkeypatch, capsys):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[project]\n")
    monkeypatch.chdir(tmp_path)
    assert _run(project, "--force") == 1
    assert "looks like a project or home folder" in capsys.readouterr().err
    assert (project / "pyproject.toml").exists()


def test_export_force_refuses_a_folder_holding_anything_else(tmp_path, capsys):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert _run(out, "--force") == 1
    assert "holds files this export did not write" in capsys.readouterr().err
    assert (out / "notes.txt").read_text() == "mine"


def test_export_force_replaces_only_its_own_folder(tmp_path):
    out = tmp_path / "site"
    assert _run(out) == 0
    assert (out / MARKER).is_file()
    (out / "stray.txt").write_text("left by a previous export run")
    assert _run(out, "--force") == 0
    assert (out / MARKER).is_file() and not (out / "stray.txt").exists()


# CSV formulas.

HOSTILE_CELLS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "-5", "+3.5"]


def test_csv_cells_that_look_like_formulas_are_neutralised():
    assert [datasets.formula_safe_cell(v) for v in HOSTILE_CELLS] == [
        "'=HYPERLINK(\"http://x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tx", "-5", "+3.5",
    ]  # fmt: skip


def test_csv_downloads_keep_real_negative_numbers_numeric():
    frame = pd.DataFrame({"title": ["=1+1", "ok"], "value": [-5.0, 2.0], "count": [-3, 1]})
    rows = list(csv.reader(io.StringIO(datasets.to_csv_bytes(frame).decode("utf-8-sig"))))
    assert rows == [["title", "value", "count"], ["'=1+1", "-5.0", "-3"], ["ok", "2.0", "1"]]
    exported = list(csv.reader(io.StringIO(csv_text(frame))))
    assert exported[1] == ["'=1+1", "-5.0", "-3"]


def test_exported_csv_neutralises_formulas_from_the_data(data_copy, tmp_path):
    path = data_copy / "actions.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "en: Spain asks prosecutors to investigate X, Meta and TikTok", "en: '=cmd|calc'", 1
    )
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    export(out, data_dir=data_copy, images=False, progress=lambda line: None,
                  chart_ids=["timeline-actions"])  # fmt: skip
    csv_text = (out / "timeline-actions.csv").read_text(encoding="utf-8")
    assert "'=cmd|calc" in csv_text and ",=cmd" not in csv_text
    data = json.loads((out / "timeline-actions.json").read_text(encoding="utf-8"))
    assert "=cmd|calc" in {row["title"] for row in data["data"]}  # JSON keeps the text as is


# The exported map.


def _map_page(tmp_path):
    out = tmp_path / "out"
    export(out, data_dir=VALID_DATA, images=False, progress=lambda line: None,
                  chart_ids=["map-age-policies"], dashboard_url="")  # fmt: skip
    return (out / "map-age-policies.html").read_text(encoding="utf-8")


def test_exported_map_hover_shows_the_tooltip_not_a_raw_dump(tmp_path):
    page = _map_page(tmp_path)
    tooltip = re.search(r"tooltip: (.*?),\s*customLibraries", page, re.S).group(1)
    assert json.loads(tooltip.replace("\\u003c", "<").replace("\\u003e", ">"))["html"] == (
        "<b>{name}</b><br/>{info}"
    )


def test_exported_map_full_view_link_is_relative(tmp_path):
    page = _map_page(tmp_path)
    caption = page.split("<figcaption>")[1].split("</figcaption>")[0]
    [link] = re.findall(r'<a href="([^"]*)"', caption)
    assert link == "./map"


def test_exported_map_escapes_the_texts_its_tooltip_shows():
    # pydeck's static page puts properties into the tooltip template as HTML, unescaped.
    spec = {
        "layers": [
            {"id": "points", "data": [{"name": "<img src=x onerror=alert(1)>", "count": 2}]},
            {"id": "shapes", "data": {"features": [{"properties": {"name": "A & <b>B</b>"}}]}},
        ]
    }
    escaped = escape_properties(spec)
    assert escaped["layers"][0]["data"] == [
        {"name": "&lt;img src=x onerror=alert(1)&gt;", "count": 2}
    ]
    assert escaped["layers"][1]["data"]["features"][0]["properties"]["name"] == (
        "A &amp; &lt;b&gt;B&lt;/b&gt;"
    )


@pytest.fixture(autouse=True)
def _no_leftovers(tmp_path):
    yield
    shutil.rmtree(tmp_path, ignore_errors=True)
    assert os.path.exists(tmp_path.parent)
