"""Data & methods page: datasets, downloads, dictionary, sources, corrections anchor, Spanish."""

from __future__ import annotations

import shutil

from dashboard import schema
from tests.app.conftest import VALID_DATA


def test_renders_every_dataset_with_its_title(run_page):
    app = run_page("data", data=VALID_DATA)
    assert app.header[0].value == "Data & methods"
    titles = [subheader.value for subheader in app.subheader]
    for title in ("Regulatory actions", "Statistics", "Corrections"):
        assert title in titles
    assert any("3 records" in caption.value for caption in app.caption)


def test_download_buttons_exist_for_every_dataset(run_page):
    app = run_page("data", data=VALID_DATA)
    keys = {button.key for button in app.get("download_button")}
    for file_name in schema.DATASETS:
        for scope in ("all", "filtered"):
            for kind in ("csv", "json"):
                assert f"download-{file_name}-{scope}-{kind}" in keys


def test_filtered_downloads_count_the_filtered_records(run_page):
    app = run_page("data", data=VALID_DATA, j="ESP")
    labels = [button.proto.label for button in app.get("download_button")]
    assert "Your filtered view: 1 record (CSV)" in labels


def test_the_corrections_anchor_exists_and_shows_the_log(run_page):
    app = run_page("data", data=VALID_DATA)
    headings = [*app.header, *app.subheader]
    corrections = [heading for heading in headings if heading.proto.anchor == "corrections"]
    assert [heading.value for heading in corrections] == ["Corrections log"]  # one target only
    log = next(frame.value for frame in app.dataframe if "What changed" in frame.value.columns)
    assert log["Record"].tolist() == ["us-anderegg-ruling-2025-02"]
    assert log["Date"].tolist() == ["1 Nov 2026"]


def test_an_empty_corrections_log_says_so(run_page, tmp_path):
    shutil.copytree(VALID_DATA, tmp_path, dirs_exist_ok=True)
    log = tmp_path / "corrections.yaml"
    log.write_text(log.read_text(encoding="utf-8").split("records:")[0] + "records: []\n")
    app = run_page("data", data=tmp_path)
    assert any(info.value == "No correction has been published yet." for info in app.info)


def test_the_real_log_lists_its_corrections(run_page):
    app = run_page("data")
    assert not any(info.value == "No correction has been published yet." for info in app.info)


def test_spanish_headings(run_page):
    app = run_page("data", data=VALID_DATA, lang="es")
    headings = [header.value for header in app.header]
    assert headings[:2] == ["Datos y método", "Conjuntos de datos"]
    assert "Registro de correcciones" in headings
    assert "Estadísticas" in [subheader.value for subheader in app.subheader]
