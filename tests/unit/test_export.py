"""Static export on the fixture data: every file, data equal to the builders', safe HTML and paths."""

from __future__ import annotations

import io
import json
import re
import struct
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from dashboard import cli, data, datasets, share
from dashboard.charts.registry import all_charts
from dashboard.charts.types import ChartText
from dashboard.export.command import export
from dashboard.export.data_package import field_type, tidy_frame
from dashboard.export.folder import ExportError, ExportFolder
from dashboard.filters import Filters
from tests.conftest import VALID_DATA

HOSTILE = "<script>window.__pwned=1</script>"
_CACHE: dict[str, Path] = {}


def export_once(tmp_path_factory) -> Path:
    """The fixture data exported once per test session (images included), shared by tests."""
    if "out" not in _CACHE:
        out = tmp_path_factory.mktemp("export") / "site"
        export(out, data_dir=VALID_DATA, progress=lambda line: None)
        _CACHE["out"] = out
    return _CACHE["out"]


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> Path:
    return export_once(tmp_path_factory)


@pytest.fixture(scope="session")
def frames():
    return data.load(VALID_DATA).frames


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", path.name
    return struct.unpack(">II", head[16:24])


def test_every_file_is_written(exported):
    names = {path.name for path in exported.iterdir()}
    assert {"index.html", "embed.js", "datapackage.json"} <= names
    for chart_id, chart in all_charts().items():
        for suffix in (".html", ".csv", ".json", ".png", "@2x.png"):
            assert f"{chart_id}{suffix}" in names
        assert (f"{chart_id}.svg" in names) == (chart.kind == "plotly")
    kinds = {chart.kind for chart in all_charts().values()}
    assert ("plotly.min.js" in names) == ("plotly" in kinds)
    assert ("deckgl.min.js" in names) == ("pydeck" in kinds)
    assert ("map-geometry.js" in names) == ("pydeck" in kinds)
    assert not [name for name in names if name.endswith(".js") and name not in
                {"plotly.min.js", "deckgl.min.js", "map-geometry.js", "embed.js"}]  # fmt: skip


def test_map_pages_share_their_shapes(exported):
    """Country outlines live once in map-geometry.js, not in each map page."""
    shapes = (exported / "map-geometry.js").read_text(encoding="utf-8")
    assert shapes.startswith("window.DASHBOARD_GEOMETRY = {")
    for chart_id, chart in all_charts().items():
        if chart.kind == "pydeck":
            page = (exported / f"{chart_id}.html").read_text(encoding="utf-8")
            assert '"geometryRef"' in page and '"coordinates"' not in page
            assert '<script src="map-geometry.js"></script>' in page


def test_the_exported_map_opens_on_the_region_in_its_url(exported):
    page = (exported / "map-age-policies.html").read_text(encoding="utf-8")
    assert 'new URLSearchParams(window.location.search).get("region")' in page
    assert '"europe": {"longitude": 12.0, "latitude": 53.0' in page


def test_no_partial_folders_are_left_beside_the_export(exported):
    assert [path.name for path in exported.parent.iterdir()] == [exported.name]


def test_csv_equals_the_builders_frame(exported, frames):
    for chart_id, chart in all_charts().items():
        frame = chart.data(frames, Filters())
        text = (exported / f"{chart_id}.csv").read_text(encoding="utf-8")
        assert text == tidy_frame(frame).to_csv(index=False), chart_id
        back = pd.read_csv(exported / f"{chart_id}.csv")
        assert list(back.columns) == [str(name) for name in frame.columns]
        assert len(back) == len(frame)
        if "id" in frame:
            assert back["id"].tolist() == frame["id"].tolist()


def test_a_month_only_date_is_yyyy_mm_in_chart_files_as_in_the_downloads(exported, frames):
    record = "us-anderegg-ruling-2025-02"  # dated to the month in the fixture data
    assert frames.actions.set_index("id").loc[record, "date_precision"] == "month"
    chart_csv = pd.read_csv(exported / "timeline-actions.csv", dtype=str).set_index("id")
    download = pd.read_csv(io.BytesIO(datasets.to_csv_bytes(frames.actions)), dtype=str)
    assert chart_csv.loc[record, "date"] == "2025-02"  # was 2025-02-01: no day is invented
    assert download.set_index("id").loc[record, "date"] == "2025-02"
    body = json.loads((exported / "timeline-actions.json").read_text(encoding="utf-8"))
    assert {row["date"] for row in body["data"] if row["id"] == record} == {"2025-02"}
    # Frictionless types follow the text: days and months mixed is a string, months alone a yearmonth.
    frame = all_charts()["timeline-actions"].data(frames, Filters())
    assert field_type(frame, "date") == "string"
    months = frame[frame["date_precision"] == "month"]
    assert field_type(months, "date") == "yearmonth"
    assert field_type(frame[frame["date_precision"] == "day"], "date") == "date"


def test_json_holds_the_same_rows_and_the_words(exported, frames):
    for chart_id, chart in all_charts().items():
        body = json.loads((exported / f"{chart_id}.json").read_text(encoding="utf-8"))
        frame = chart.data(frames, Filters())
        assert body["chart"] == chart_id
        assert body["title"] == chart.text(frame, Filters()).title
        assert len(body["data"]) == len(frame)


def test_datapackage_validates_with_frictionless(exported):
    from frictionless import validate

    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == {f"{c}.csv" for c in all_charts()}
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in package["resources"]:
        assert all(field["description"] and field["type"] for field in resource["schema"]["fields"])
    report = validate(exported / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_pngs_decode_at_the_promised_sizes(exported):
    for chart_id in all_charts():
        assert _png_size(exported / f"{chart_id}.png") == (1200, 675)
        assert _png_size(exported / f"{chart_id}@2x.png") == (2400, 1350)


def test_svgs_are_svg(exported):
    for chart_id, chart in all_charts().items():
        if chart.kind == "plotly":
            assert b"<svg" in (exported / f"{chart_id}.svg").read_bytes()[:500]


def test_pages_use_the_shared_bundle_and_no_cdn(exported):
    for chart_id, chart in all_charts().items():
        page = (exported / f"{chart_id}.html").read_text(encoding="utf-8")
        bundle = "plotly.min.js" if chart.kind == "plotly" else "deckgl.min.js"
        assert f'<script src="{bundle}"></script>' in page
        assert not re.search(r"""(src|href)=["']https?://""", page.replace(
            '<a href="', ""))  # only the dashboard link may be absolute  # fmt: skip
        assert "cdn" not in page.lower()
        assert '<html lang="en">' in page
        assert f"{chart_id}.png" in page and 'name="twitter:card"' in page
        assert share_height_call(chart_id) in page
        assert '<script src="embed.js"></script>' in page  # the one embed-height script
        assert "embedHeight.report(chartId," in page
    assert (exported / "embed.js").read_text(encoding="utf-8") == share.HEIGHT_SCRIPT + "\n"


def share_height_call(chart_id: str) -> str:
    return f'var chartId = "{chart_id}";'


def test_plotly_pages_stay_small(exported):
    for chart_id, chart in all_charts().items():
        if chart.kind == "plotly":
            assert (exported / f"{chart_id}.html").stat().st_size < 50_000, chart_id


def test_gallery_lists_every_chart_with_escaped_embed_code(exported):
    index = (exported / "index.html").read_text(encoding="utf-8")
    assert '<script src="embed.js"></script>' in index
    for chart_id in all_charts():
        assert f'id="code-{chart_id}"' in index
        assert f"&lt;iframe src=&#34;{chart_id}.html&#34;" in index


def test_refuses_a_folder_that_holds_files(tmp_path, capsys):
    out = tmp_path / "busy"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    code = cli.main(["export", "--out", str(out), "--data-dir", str(VALID_DATA), "--no-images"])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"{out} holds files this export did not write; choose a new or empty folder"]
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_force_replaces_and_spanish(tmp_path, capsys):
    out = tmp_path / "site"
    argv = ["export", "--out", str(out), "--data-dir", str(VALID_DATA), "--no-images"]
    assert cli.main([*argv, "--charts", "timeline-platforms"]) == 0
    assert cli.main([*argv, "--charts", "timeline-platforms"]) == 1  # not without --force
    capsys.readouterr()
    assert cli.main([*argv, "--force", "--lang", "es", "--charts", "timeline-actions"]) == 0
    assert not (out / "timeline-platforms.html").exists()
    page = (out / "timeline-actions.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in page and "Hechos registrados hasta el" in page
    assert "[1/2] timeline-actions" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_unknown_chart_ids_are_refused(tmp_path, capsys):
    argv = ["export", "--out", str(tmp_path / "x"), "--charts", "../../etc", "--no-images"]
    assert cli.main(argv) == 1
    assert "valid ids: " in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_a_chart_id_cannot_escape_the_folder(tmp_path):
    chart = all_charts()["timeline-actions"]
    charts = {"../escape": replace(chart, id="../escape")}
    with pytest.raises(ExportError, match="kebab-case"):
        export(tmp_path / "out", data_dir=VALID_DATA, charts=charts, images=False)
    folder = ExportFolder(tmp_path)
    for name in ("../x.html", "a/b.html", ".hidden", "/etc/passwd"):
        with pytest.raises(ExportError):
            folder.write(name, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_failing_chart_leaves_no_half_export(tmp_path):
    chart = all_charts()["timeline-actions"]

    def broken(frame, filters):
        raise RuntimeError("boom")

    charts = {"timeline-actions": replace(chart, figure=broken)}
    with pytest.raises(RuntimeError):
        export(tmp_path / "out", data_dir=VALID_DATA, charts=charts, images=False,
               progress=lambda line: None)  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_data_problems_are_printed_and_exit_1(data_copy, tmp_path, capsys):
    path = data_copy / "actions.yaml"
    path.write_text(path.read_text().replace("date: 2026-02-17", "date: 17/02/2026", 1))
    argv = ["export", "--out", str(tmp_path / "o"), "--data-dir", str(data_copy), "--no-images"]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert "actions.yaml:" in err and "is not a date" in err
    assert not (tmp_path / "o").exists()


def _hostile_data(data_copy: Path) -> Path:
    path = data_copy / "actions.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "en: Spain asks prosecutors to investigate X, Meta and TikTok", f"en: '{HOSTILE}'", 1
    )
    # Both languages, so they still mention the same numbers (the validator checks that).
    text = text.replace(
        "es: España pide a la Fiscalía que investigue a X, Meta y TikTok", f"es: '{HOSTILE}'", 1
    )
    assert text.count(HOSTILE) == 2
    path.write_text(text, encoding="utf-8")
    return data_copy


def test_html_escapes_a_hostile_title_from_the_data(data_copy, tmp_path):
    out = tmp_path / "out"
    export(out, data_dir=_hostile_data(data_copy), images=False, progress=lambda line: None)
    assert HOSTILE in (out / "timeline-actions.csv").read_text(encoding="utf-8")
    for page in out.glob("*.html"):
        assert "<script>window.__pwned" not in page.read_text(encoding="utf-8"), page.name


def test_html_escapes_hostile_chart_words(tmp_path):
    chart = all_charts()["timeline-actions"]
    words = ChartText(HOSTILE, HOSTILE, f'"{HOSTILE}', HOSTILE)
    charts = {chart.id: replace(chart, text=lambda frame, filters: words)}
    out = tmp_path / "out"
    export(out, data_dir=VALID_DATA, charts=charts, images=False, progress=lambda line: None)
    for name in ("timeline-actions.html", "index.html"):
        page = (out / name).read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in page, name
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page


def test_plotly_pages_of_the_real_data_stay_under_50_kb(tmp_path):
    """timeline-platforms included: one hover text per action-platform pair made it 68 KB before
    hover lines were shared. (Map pages: bench/bench_export.py checks them.)"""
    from tests.conftest import REAL_DATA

    plotly_ids = [chart_id for chart_id, chart in all_charts().items() if chart.kind == "plotly"]
    out = tmp_path / "site"
    export(out, chart_ids=plotly_ids, data_dir=REAL_DATA, images=False, progress=lambda line: None)
    sizes = {page.name: page.stat().st_size for page in out.glob("*.html")}
    assert "timeline-platforms.html" in sizes
    assert {name: size for name, size in sizes.items() if size >= 50_000} == {}
