"""Guards on the pages: links with wide or one-sided dates, floods of bad values, broken data.

Each test is named after what it guards (issue 15); see the README's "What is guarded".
"""

from __future__ import annotations

from datetime import date

from tests.app.conftest import REAL_DATA, VALID_DATA


def _filters(app):
    return app.session_state["_dashboard_context"].filters


def test_a_link_wider_than_the_data_does_not_break_the_map(run_page):
    app = run_page("map", data=REAL_DATA, **{"from": "2024-01-01", "to": "2026-12-31"})
    assert any("lies outside the dates in the data" in w.value for w in app.warning)
    assert app.get("deck_gl_json_chart")
    start, end = app.sidebar.date_input[0].value
    assert start == date(2024, 1, 1) and end < date(2026, 12, 31)


def test_dates_far_outside_the_data_are_clamped_with_a_notice(run_page):
    app = run_page("timeline", data=VALID_DATA, **{"from": "1990-01-01", "to": "2099-01-01"})
    notices = [w.value for w in app.warning]
    assert len(notices) == 2 and all("outside the dates in the data" in n for n in notices)
    assert "`from`" in notices[0] and "1990-01-01" in notices[0]
    assert (_filters(app).start, _filters(app).end) == (None, None)  # the whole span


def test_from_alone_in_a_link_filters_and_stays_in_the_url(run_page):
    app = run_page("timeline", data=VALID_DATA, **{"from": "2026-01-01"})
    assert not app.warning
    assert (_filters(app).start, _filters(app).end) == (date(2026, 1, 1), None)
    assert app.query_params["from"] == "2026-01-01" and "to" not in app.query_params


def test_to_alone_in_a_link_filters_and_stays_in_the_url(run_page):
    app = run_page("timeline", data=VALID_DATA, to="2025-12-31")
    assert not app.warning
    assert (_filters(app).start, _filters(app).end) == (None, date(2025, 12, 31))
    assert app.query_params["to"] == "2025-12-31" and "from" not in app.query_params


def test_thousands_of_bad_ids_give_one_summarised_notice(run_page):
    ids = ",".join(f"BAD{index}" for index in range(3_000))
    app = run_page("overview", data=VALID_DATA, j=ids)
    notices = [w.value for w in app.warning]
    assert len(notices) == 4
    assert notices[-1] == "2997 more `j` values in the link are not valid and were ignored."


def test_invalid_data_shows_a_short_notice_and_no_server_paths(run_page, data_copy, caplog):
    run_page("overview", data=data_copy)  # the last valid data, kept by the server
    lines = "".join(f"  k{index % 2}: {index}\n" for index in range(2_002))
    (data_copy / "actions.yaml").write_text("dataset:\n" + lines)
    app = run_page("overview", data=data_copy)
    [info] = [item.value for item in app.info if "being updated" in item.value]
    assert info == "The data is being updated; showing the version of 20 Nov 2026."
    [code] = [block.value for block in app.code if "duplicate key" in block.value]
    assert code.splitlines()[0].startswith("actions.yaml:")
    assert len(code.splitlines()) == 6 and code.splitlines()[-1] == "… and 1,995 more"
    assert str(data_copy) not in code
    assert app.metric  # readers still see the page
    # The full (capped) list, with paths, goes to the server log for editors.
    [logged] = [r.getMessage() for r in caplog.records if r.name == "dashboard.served_data"]
    assert f"{data_copy}/actions.yaml:4:3: duplicate key" in logged
    assert logged.count("duplicate key") == 100 and "… and 1,900 more" in logged


def test_data_page_title_from_the_data_is_escaped(run_page, data_copy):
    path = data_copy / "actions.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "title: {en: Regulatory actions,", "title: {en: '![x](https://evil.example/p.png)',", 1
    )
    path.write_text(text, encoding="utf-8")
    app = run_page("data", data=data_copy)
    [heading] = [s.value for s in app.subheader if "evil" in s.value]
    assert heading.startswith("\\!\\[x\\]\\(https\u2060\\:")
