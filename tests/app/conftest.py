"""AppTest helpers: run the app's frame and one page against a chosen data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.chart_view import PANELS
from dashboard.charts.registry import all_charts
from tests.conftest import REAL_DATA, VALID_DATA

APP = Path(__file__).parents[2] / "app.py"

RunPage = Callable[..., AppTest]


@pytest.fixture
def run_page(monkeypatch) -> RunPage:
    """run_page("timeline", data=VALID_DATA, lang="es", j="ESP") -> the AppTest after its run."""

    def run(
        page: str, data: Path = REAL_DATA, *, open_panels: bool = False, **params: str
    ) -> AppTest:
        monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
        app = AppTest.from_file(str(APP), default_timeout=60)
        for name, value in params.items():
            app.query_params[name] = value
        if open_panels:  # as a reader who opened every chart's table and share panel
            for chart_id in all_charts():
                for panel in PANELS:
                    app.session_state[f"{panel}_{chart_id}"] = True
        # Straight to the page, as a deep link from an article opens it.
        app.switch_page(f"app_pages/{page}.py")
        app.run()
        assert not app.exception, app.exception
        return app

    return run


def card_html(app: AppTest) -> str:
    """The HTML of the page's record cards and lists (each card is one `st.html` block)."""
    return "\n".join(
        block.proto.body for block in app.html if not block.proto.body.startswith("<style>")
    )


def card_count(app: AppTest) -> int:
    return card_html(app).count('<div class="record-card"')


__all__ = ["REAL_DATA", "VALID_DATA", "card_count", "card_html", "run_page"]
