"""Share links and embed code: filters survive, attributes are escaped."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard import share
from dashboard.filters import Filters

VIEW = Filters(
    start=date(2025, 1, 1), end=date(2026, 2, 1), jurisdictions=("ESP", "FRA"),
    platforms=("x",), topics=("ai_csam",), lang="es",
)  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _iframe(code: str) -> dict[str, str | None]:
    parser = _Tags()
    parser.feed(code)
    return next(attrs for tag, attrs in parser.tags if tag == "iframe")


def test_share_url_keeps_every_filter_and_the_chart():
    url = share.share_url("https://dash.example.org", "timeline-actions", VIEW)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "dash.example.org", "/embed")
    query = parse_qs(parts.query)
    assert query == {
        "chart": ["timeline-actions"], "from": ["2025-01-01"], "to": ["2026-02-01"],
        "j": ["ESP,FRA"], "p": ["x"], "t": ["ai_csam"], "lang": ["es"],
    }  # fmt: skip


def test_default_view_has_only_the_chart():
    assert share.share_url("", "timeline-actions", Filters()) == "/embed?chart=timeline-actions"


def test_dashboard_url_points_at_the_chart_page_with_filters():
    url = share.dashboard_url(
        "https://dash.example.org/", "timeline", Filters(jurisdictions=("ESP",))
    )
    assert url == "https://dash.example.org/timeline?j=ESP"


def test_base_url_from_the_page_url_keeps_the_prefix():
    assert share.base_url("http://localhost:8501/timeline?j=ESP") == "http://localhost:8501"
    assert share.base_url("https://x.org/news/dash/map", "news/dash") == "https://x.org/news/dash"


def test_base_url_falls_back_to_env_then_relative(monkeypatch):
    monkeypatch.setenv(share.PUBLIC_URL_ENV, "https://public.example.org/")
    assert share.base_url(None) == "https://public.example.org"
    monkeypatch.delenv(share.PUBLIC_URL_ENV)
    assert share.base_url("javascript:alert(1)") == ""


def test_iframe_code_is_escaped_and_accessible():
    hostile = 'Fines "big" <script>alert(1)</script> & more'
    code = share.iframe_code('https://d.org/embed?chart=a&lang=es"><script>', hostile, 640)
    assert "<script>" not in code
    attrs = _iframe(code)
    assert attrs["title"] == hostile
    assert attrs["aria-label"] == hostile
    assert attrs["loading"] == "lazy"
    assert attrs["height"] == "640"
    assert attrs["style"] == "width:100%;border:0"
    assert attrs["src"] == 'https://d.org/embed?chart=a&lang=es"><script>'


def test_embed_code_carries_the_resize_snippet():
    code = share.embed_code("/embed?chart=a", "A chart")
    assert code.count("<iframe") == 1
    assert share.HEIGHT_MESSAGE in code and code.rstrip().endswith("</script>")


def test_chart_ids_are_checked():
    assert share.is_chart_id("timeline-actions")
    for bad in ("../x", "a/b", "A", "", "a--b", "-a", "a.html"):
        assert not share.is_chart_id(bad)


def test_figure_height_adds_room_for_the_words():
    class Layout:
        height = 400

    class Figure:
        layout = Layout()

    assert share.figure_height(Figure()) == 400 + share.FRAME_ALLOWANCE
    assert share.figure_height(None) == share.DEFAULT_HEIGHT


def test_live_frames_ask_streamlit_for_its_embed_mode():
    from dashboard import share

    url = share.share_url("https://example.org", "timeline-actions", Filters(lang="es"))
    assert share.live_frame_url(url) == (
        "https://example.org/embed?chart=timeline-actions&lang=es&embed=true"
    )
    assert share.live_frame_url("/embed") == "/embed?embed=true"


def test_theme_goes_into_the_link_and_streamlit_embed_options():
    url = share.share_url("https://example.org", "timeline-actions", Filters(), "dark")
    assert url == "https://example.org/embed?chart=timeline-actions&theme=dark"
    assert share.live_frame_url(url, "dark").endswith("&embed=true&embed_options=dark_theme")
    assert share.live_frame_url(url, "light").endswith("&embed=true&embed_options=light_theme")
    # auto leaves the theme to the reader's system setting: nothing in the URL.
    auto = share.share_url("https://example.org", "timeline-actions", Filters(), "auto")
    assert "theme" not in auto and share.live_frame_url(auto, "auto").endswith("&embed=true")
    assert share.theme_of("purple") == "auto" and share.theme_of(None) == "auto"


def test_static_embed_code_is_the_exported_page_and_embed_js():
    code = share.static_embed_code(
        "https://static.example.org/charts", "timeline-actions", 'A "title"', 500, "dark"
    )
    frame = _iframe(code)
    assert frame["src"] == "https://static.example.org/charts/timeline-actions.html?theme=dark"
    assert frame["title"] == 'A "title"' and frame["height"] == "500"
    assert code.endswith('<script src="https://static.example.org/charts/embed.js"></script>')
    relative = share.static_embed_code("", "timeline-actions", "T", 500)
    assert _iframe(relative)["src"] == "timeline-actions.html"
    assert relative.endswith('<script src="embed.js"></script>')


def test_export_url_from_the_environment(monkeypatch):
    monkeypatch.delenv(share.EXPORT_URL_ENV, raising=False)
    assert share.export_base_url() == ""
    monkeypatch.setenv(share.EXPORT_URL_ENV, "javascript:alert(1)")
    assert share.export_base_url() == ""
    monkeypatch.setenv(share.EXPORT_URL_ENV, "https://org.github.io/tracker/")
    assert share.export_base_url() == "https://org.github.io/tracker"
    assert share.static_base(share.export_base_url(), "es") == "https://org.github.io/tracker/es"
    assert share.static_base(share.export_base_url(), "en") == "https://org.github.io/tracker"


def test_profile_url_keeps_the_language_only():
    url = share.profile_url("US-FL", Filters(lang="es", jurisdictions=("ESP",)))
    assert url == "country?c=US-FL&lang=es"  # relative: survives a base path


def test_the_height_script_is_the_static_file_filled_in_and_compact():
    script = share.HEIGHT_SCRIPT
    assert "__" not in script and "/*" not in script and "//" not in script.replace('"*"', "")
    assert f'var type = "{share.HEIGHT_MESSAGE}", lowest = {share.MIN_HEIGHT}' in script
    assert f"highest = {share.MAX_HEIGHT};" in script
    assert "\n" not in script
    assert share.resize_snippet() == f"<script>{script}</script>"


@pytest.mark.skipif(not shutil.which("node"), reason="needs node (scripts/test.sh installs it)")
def test_the_height_script_is_valid_javascript(tmp_path):
    path = tmp_path / "embed.js"
    path.write_text(share.HEIGHT_SCRIPT, encoding="utf-8")
    checked = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
