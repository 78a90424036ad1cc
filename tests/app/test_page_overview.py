"""Overview page: headline numbers match the YAML, filters in the URL move them, Spanish works."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import yaml
from dateutil.relativedelta import relativedelta

from tests.app.conftest import REAL_DATA, VALID_DATA

SURVEY, BANS, RECENT, PROBES = range(4)


def _records(folder: Path, name: str) -> list[dict]:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))["records"]


def _coverage_end(folder: Path) -> date:
    days = []
    for name in ("actions.yaml", "age_policies.yaml", "statistics.yaml", "platforms.yaml"):
        meta = yaml.safe_load((folder / name).read_text(encoding="utf-8"))["dataset"]
        days.append(date.fromisoformat(str(meta["coverage_end"])))
    return min(days)


def _day(text: object) -> date:
    text = str(text)
    return date.fromisoformat(text if len(text) == 10 else f"{text}-01")


def _expected(folder: Path, country: str | None = None) -> dict[int, str]:
    """The headline numbers, counted straight from the YAML files."""
    end = _coverage_end(folder)
    start = end - relativedelta(months=12)
    actions = [
        a for a in _records(folder, "actions.yaml")
        if country is None or a["jurisdiction"].startswith(country[:2])
        or a["jurisdiction"] == country
    ]  # fmt: skip
    recent = [a for a in actions if start < _day(a["date"]) <= end]
    bans = [
        p for p in _records(folder, "age_policies.yaml")
        if p["status"] == "in_force" and p["kind"] == "ban"
        and "-" not in p["jurisdiction"] and p["jurisdiction"] != "EU"
    ]  # fmt: skip
    probes = {
        pid for a in actions
        if a["type"] in ("investigation", "formal_proceedings") and a["status"] == "ongoing"
        for pid in a["platforms"]
    }  # fmt: skip
    return {
        RECENT: str(len(recent)),
        BANS: str(len({p["jurisdiction"] for p in bans})),
        PROBES: str(len(probes)),
    }


def _metrics(app) -> list[str]:
    """Metric values as the reader sees them (data text reaches markdown escaped)."""
    return [metric.value.replace("\\", "") for metric in app.metric]


def test_headline_numbers_match_the_fixture(run_page):
    app = run_page("overview", data=VALID_DATA)
    values = _metrics(app)
    assert values[SURVEY] == "1 in 5 (20%)"
    for index, value in _expected(VALID_DATA).items():
        assert values[index] == value
    assert values[RECENT] == "2" and values[BANS] == "1" and values[PROBES] == "2"


def test_headline_numbers_match_the_real_data(run_page):
    app = run_page("overview", data=REAL_DATA)
    values = _metrics(app)
    for index, value in _expected(REAL_DATA).items():
        assert values[index] == value
    captions = " ".join(c.value for c in app.caption)
    assert "Save the Children" in captions and "savethechildren.es" in captions


def test_cards_name_what_they_count(run_page):
    app = run_page("overview", data=VALID_DATA)
    # Data text reaches markdown escaped (`National\: ...`); read it as the reader does.
    captions = " ".join(c.value for c in app.caption).replace("\\", "")
    assert app.metric[BANS].label == "Countries where a law bans accounts below a set age, in force"
    assert "Australia. Sub-national bans in force: none." in captions
    assert "Not counted as bans: parental-consent rules in force in 0 countries" in captions
    assert "Non-binding guidance is never counted as a law." in captions
    assert "Events recorded up to 20 Nov 2026 · checked 20 Nov 2026" in captions
    assert "Grok, X" in captions  # platforms under formal investigation, by name


def test_charts_and_latest_developments(run_page):
    app = run_page("overview", data=VALID_DATA)
    charts = app.get("plotly_chart")
    assert len(charts) == 2
    # The actions chart sits beside the figures; the one-in-five icons come after.
    icons = json.loads(charts[1].proto.spec)
    people = [t for t in icons["data"] if t.get("meta") == "person"]
    assert sum(len(t["x"]) for t in people) == 100
    assert [s.value for s in app.subheader] == [
        "Actions by month",
        "One in five",
        "Latest developments",
    ]
    latest = [m.value for m in app.markdown if m.value.startswith("- **")]
    assert latest and latest[0].count("\n- ") == 2  # the fixture's three actions


def test_a_jurisdiction_filter_changes_the_counts(run_page):
    app = run_page("overview", data=REAL_DATA, j="ESP")
    values = _metrics(app)
    expected = _expected(REAL_DATA, "ESP")
    assert values[RECENT] == expected[RECENT]
    assert values[RECENT] != _expected(REAL_DATA)[RECENT]
    assert any("1 filter active" in c.value for c in app.caption)


def test_a_platform_filter_changes_the_probes(run_page):
    app = run_page("overview", data=VALID_DATA, p="x")
    assert _metrics(app)[PROBES] == "1"
    assert _metrics(app)[RECENT] == "2"  # both recent fixture actions name X


def test_a_bad_param_gives_a_notice(run_page):
    app = run_page("overview", data=VALID_DATA, j="NOPE")
    assert any("“NOPE”" in w.value for w in app.warning)
    assert _metrics(app)[RECENT] == "2"


def test_spanish(run_page):
    app = run_page("overview", data=VALID_DATA, lang="es")
    assert app.header[0].value == "La historia en cifras"
    assert _metrics(app)[SURVEY] == "1 de cada 5 (20 %)"
    assert app.metric[RECENT].label == "Actuaciones en los últimos 12 meses"


def test_without_a_headline_figure(run_page, data_copy):
    path = data_copy / "statistics.yaml"
    text = path.read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    del document["dataset"]["headline_figure"]
    document["records"] = [r for r in document["records"] if not r["id"].startswith("stc-")]
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    app = run_page("overview", data=data_copy)
    assert any("not in the data" in i.value for i in app.info)
    assert len(app.get("plotly_chart")) == 1
