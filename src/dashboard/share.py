"""Share links and embed code for one chart view: pure functions, used by the app and the export.

A view is a chart id plus the reader's filters; its share URL is the embed page with the same URL
parameters the dashboard uses, so a link opens exactly what the reader saw.
"""

from __future__ import annotations

import html
import json
import os
import re
from importlib import resources
from typing import Any
from urllib.parse import urlencode, urlsplit

from dashboard.filters import Filters, to_query

PUBLIC_URL_ENV = "DASHBOARD_PUBLIC_URL"
# Where the static export is published (for example GitHub Pages): the share panel then offers
# the static embed first. English at this address, Spanish under `es/` (see docs/deploy.md).
EXPORT_URL_ENV = "DASHBOARD_EXPORT_URL"
EMBED_PATH = "embed"
CHART_PARAM = "chart"
# `theme=light|dark|auto` on live embeds and exported pages; auto follows the reader's
# prefers-color-scheme. Streamlit reads its own theme from `embed_options` when the page loads.
THEME_PARAM = "theme"
THEMES = ("auto", "light", "dark")
STREAMLIT_THEME_OPTION = {"light": "light_theme", "dark": "dark_theme"}
HEIGHT_MESSAGE = "dashboard-embed-height"
CHART_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
DEFAULT_HEIGHT = 560
# The words, source line and link around the chart in the embed page.
FRAME_ALLOWANCE = 170
MIN_HEIGHT, MAX_HEIGHT = 200, 4000

HEIGHT_SCRIPT_FILE = resources.files("dashboard") / "static" / "embed-height.js"


def _height_script() -> str:
    """static/embed-height.js with this module's names filled in, compact: comments and
    indentation dropped (the file ends every statement with `;` or `}`), one line."""
    text = HEIGHT_SCRIPT_FILE.read_text(encoding="utf-8")
    text = re.sub(r"\A/\*.*?\*/\s*", "", text, flags=re.DOTALL)
    values = {"HEIGHT_MESSAGE": json.dumps(HEIGHT_MESSAGE), "MIN_HEIGHT": str(MIN_HEIGHT),
              "MAX_HEIGHT": str(MAX_HEIGHT)}  # fmt: skip
    for name, value in values.items():
        assert text.count(f"__{name}__") == 1, name
        text = text.replace(f"__{name}__", value)
    lines = (line.strip() for line in text.splitlines())
    return "".join(line for line in lines if line and not line.startswith("//"))


# How an embedded chart and the page around its iframe agree on the iframe's height: the
# snippet under the iframe code, the export's embed.js, and what the app's embed page and the
# exported chart pages run to report their height (dashboardEmbedHeight.report).
HEIGHT_SCRIPT = _height_script()
HEIGHT_SCRIPT_NAME = "embed.js"  # the export's copy, which articles load beside its iframes


def is_chart_id(chart_id: str) -> bool:
    """True for a well-formed chart id (kebab-case): safe in URLs and as a file name."""
    return bool(CHART_ID.fullmatch(chart_id))


def base_url(page_url: str | None, base_path: str = "") -> str:
    """The dashboard's root URL from the page URL the reader has open; else the env var; else ''.

    `base_path` is Streamlit's `server.baseUrlPath`, so a dashboard served under a prefix keeps it.
    """
    if page_url:
        parts = urlsplit(page_url)
        if parts.scheme in ("http", "https") and parts.netloc:
            prefix = "/" + base_path.strip("/") if base_path.strip("/") else ""
            return f"{parts.scheme}://{parts.netloc}{prefix}"
    return os.environ.get(PUBLIC_URL_ENV, "").rstrip("/")


def page_href(page: str, query: dict[str, str] | None = None) -> str:
    """A link from one dashboard page to another, relative so it stays under a base path
    (`--server.baseUrlPath`): "country?c=ESP&lang=es", or "./" for the overview."""
    encoded = urlencode(query or {}, safe=",")
    return (page or "./") + (f"?{encoded}" if encoded else "")


def profile_url(code: str, filters: Filters) -> str:
    """The country page's link for a jurisdiction, keeping the language (filters do not apply)."""
    query = {key: value for key, value in to_query(filters).items() if key == "lang"}
    return page_href("country", {"c": code, **query})


def _url(base: str, path: str, query: dict[str, str]) -> str:
    encoded = urlencode(query, safe=",")
    return f"{base.rstrip('/')}/{path}" + (f"?{encoded}" if encoded else "")


def theme_of(value: object) -> str:
    """A valid theme name from a URL value; anything else is `auto`."""
    return value if isinstance(value, str) and value in THEMES else "auto"


def _theme_query(theme: str) -> dict[str, str]:
    return {THEME_PARAM: theme} if theme_of(theme) != "auto" else {}


def share_url(base: str, chart_id: str, filters: Filters, theme: str = "auto") -> str:
    """The embed page of one chart with the view's filters, language and theme."""
    return _url(
        base, EMBED_PATH, {CHART_PARAM: chart_id, **to_query(filters), **_theme_query(theme)}
    )


def live_frame_url(url: str, theme: str = "auto") -> str:
    """The share URL for an iframe: Streamlit's `embed=true` drops its toolbar, and its
    `embed_options` sets its theme for light or dark (auto: the reader's system setting)."""
    extra = "embed=true"
    option = STREAMLIT_THEME_OPTION.get(theme_of(theme))
    if option:
        extra += f"&embed_options={option}"
    return url + ("&" if "?" in url else "?") + extra


def export_base_url() -> str:
    """The static export's public address from `DASHBOARD_EXPORT_URL`, or '' when not set."""
    value = os.environ.get(EXPORT_URL_ENV, "").strip().rstrip("/")
    return value if urlsplit(value).scheme in ("http", "https") else ""


def static_base(export_base: str, lang: str) -> str:
    """The folder of one language's export: English at the root, Spanish under `es/`."""
    return export_base.rstrip("/") + ("/es" if lang == "es" else "")


def static_page_url(base: str, chart_id: str, theme: str = "auto") -> str:
    """An exported chart page (relative when `base` is ''), with its theme when not auto."""
    query = urlencode(_theme_query(theme))
    page = f"{base.rstrip('/')}/{chart_id}.html" if base else f"{chart_id}.html"
    return page + (f"?{query}" if query else "")


def static_embed_code(
    base: str, chart_id: str, title: str, height: int = DEFAULT_HEIGHT, theme: str = "auto"
) -> str:
    """The exported page in an iframe and the export's embed.js (which sizes the frame)."""
    script_src = f"{base.rstrip('/')}/{HEIGHT_SCRIPT_NAME}" if base else HEIGHT_SCRIPT_NAME
    frame = iframe_code(static_page_url(base, chart_id, theme), title, height)
    return frame + "\n" + f'<script src="{html.escape(script_src, quote=True)}"></script>'


def dashboard_url(base: str, page: str, filters: Filters) -> str:
    """The full dashboard page that shows a chart, with the same filters."""
    return _url(base, page, to_query(filters))


def figure_height(figure: Any) -> int:
    """The frame height for a chart: its figure's own height plus room for the words around it."""
    layout = getattr(figure, "layout", None)
    height = getattr(layout, "height", None) if layout is not None else None
    if height is None and figure is not None and hasattr(figure, "to_json"):
        height = 500  # pydeck's default canvas height in Streamlit
    if not height:
        return DEFAULT_HEIGHT
    return int(min(max(height + FRAME_ALLOWANCE, MIN_HEIGHT), MAX_HEIGHT))


def iframe_code(url: str, title: str, height: int = DEFAULT_HEIGHT) -> str:
    """An iframe for an article: titled for screen readers, lazy, full width, no border."""
    attrs = {
        "src": url,
        "title": title,
        "aria-label": title,
        "loading": "lazy",
        "height": str(int(height)),
        "style": "width:100%;border:0",
    }
    shown = " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attrs.items())
    return f"<iframe {shown}></iframe>"


def resize_snippet() -> str:
    """The inline script that lets embedded charts set their frame's height."""
    return f"<script>{HEIGHT_SCRIPT}</script>"


def embed_code(url: str, title: str, height: int = DEFAULT_HEIGHT) -> str:
    """The iframe followed by the resize snippet: what a journalist pastes."""
    return iframe_code(url, title, height) + "\n" + resize_snippet()
