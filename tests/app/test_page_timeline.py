"""Timeline page: the chart, its lanes, filters from the URL, and the selected record."""

from __future__ import annotations

import json

from tests.app.conftest import VALID_DATA


def _figure(app) -> dict:
    charts = app.get("plotly_chart")
    assert charts, "no plotly chart on the page"
    return json.loads(charts[0].proto.spec)


def _points(figure: dict) -> int:
    return sum(len(trace.get("customdata") or []) for trace in figure["data"])


def test_renders_every_action_of_the_fixture(run_page):
    app = run_page("timeline", data=VALID_DATA)
    assert [s.value for s in app.subheader][0] == "Actions over time, by jurisdiction"
    assert _points(_figure(app)) == 3


def test_a_jurisdiction_filter_in_the_url_narrows_the_chart(run_page):
    app = run_page("timeline", data=VALID_DATA, j="ESP")
    assert _points(_figure(app)) == 1
    assert any("1 filter active" in c.value for c in app.caption)


def test_a_bad_url_value_gives_a_notice_not_an_exception(run_page):
    app = run_page("timeline", data=VALID_DATA, j="NOPE", **{"from": "yesterday"})
    warnings = [w.value for w in app.warning]
    assert any("“NOPE”" in w for w in warnings)
    assert any("“yesterday”" in w for w in warnings)
    assert _points(_figure(app)) == 3


def test_platform_lanes(run_page):
    app = run_page("timeline", data=VALID_DATA)
    app.segmented_control(key="timeline_lanes").set_value("timeline-platforms").run()
    assert not app.exception
    figure = _figure(app)
    lanes = {lane for trace in figure["data"] for lane in (trace.get("y") or []) if lane}
    assert lanes == {"X", "Meta", "TikTok", "Grok"}


def test_spanish(run_page):
    app = run_page("timeline", data=VALID_DATA, lang="es")
    assert app.header[0].value == "Cronología de actuaciones"
    assert app.subheader[0].value == "Actuaciones a lo largo del tiempo, por jurisdicción"


def test_a_filter_chosen_in_the_panel_goes_into_the_url(run_page):
    app = run_page("timeline", data=VALID_DATA)
    app.multiselect(key="f_jurisdictions").set_value(["ESP"]).run()
    assert _points(_figure(app)) == 1
    app.run()  # the URL written on the run after the change
    assert app.query_params["j"] == "ESP"


def test_invalid_url_values_are_dropped_from_the_url(run_page):
    app = run_page("timeline", data=VALID_DATA, j="NOPE,ESP")
    assert app.query_params["j"] == "ESP"


def test_a_view_is_built_once_per_data_version(run_page, data_copy, monkeypatch):
    from dashboard.charts import registry

    builds: list[str] = []
    original = registry.Chart.build

    def counting(self, frames, filters):
        builds.append(self.id)
        return original(self, frames, filters)

    monkeypatch.setattr(registry.Chart, "build", counting)
    path = data_copy / "actions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a version of its own\n")

    app = run_page("timeline", data=data_copy)
    app.run()
    assert builds.count("timeline-actions") == 1  # the second run reused the build

    path.write_text(path.read_text(encoding="utf-8").replace("Spain asks", "Spain has asked"))
    app.run()
    assert builds.count("timeline-actions") == 2  # edited data: a new version, a new build
    assert "Spain has asked" in json.dumps(_figure(app))
