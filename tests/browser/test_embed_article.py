"""Live and static embeds inside an article page, as a newsroom pastes them: no app chrome in the
frame, no horizontal scroll, the frame as tall as its content, light and dark, no serious axe
violation. Screenshots of every case go to test-artifacts/ (look at them)."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import share
from dashboard.export.command import export
from dashboard.filters import Filters
from tests.browser.streamlit_server import streamlit_server
from tests.browser.test_app_browser import AXE, STREAMLIT_CAUSED
from tests.conftest import TESTS, VALID_DATA

pytestmark = pytest.mark.browser

ARTIFACTS = TESTS.parent / "test-artifacts"
CHART = "timeline-actions"
TITLE = {"en": "Actions over time", "es": "Actuaciones"}
# Anything of the app's chrome that must never show inside an article's frame.
CHROME = ", ".join(
    f'[data-testid="{test_id}"]'
    for test_id in (
        "stHeader", "stToolbar", "stSidebar", "stSidebarNav", "stSidebarCollapsedControl",
        "stExpandSidebarButton", "stTopNav", "stDecoration", "stStatusWidget",
    )
)  # fmt: skip
ARTICLE_COLOURS = {"light": ("#ffffff", "#111111"), "dark": ("#121212", "#eeeeee")}


@pytest.fixture(scope="module")
def live_url() -> Iterator[str]:
    with streamlit_server(VALID_DATA) as url:
        yield url


@pytest.fixture(scope="module")
def static_sites(tmp_path_factory) -> dict[str, Path]:
    """The fixture data exported in English (root) and Spanish (es/), as the Pages workflow does."""
    root = tmp_path_factory.mktemp("published") / "site"
    export(root, data_dir=VALID_DATA, images=False, progress=lambda _: None)
    export(root / "es", data_dir=VALID_DATA, images=False, lang="es", progress=lambda _: None)
    return {"en": root, "es": root / "es"}


def article(folder: Path, live_url: str, site: Path, theme: str, lang: str) -> Path:
    """An article page with the live embed code and the static one, as the share panel gives them."""
    filters = Filters(lang=lang)  # type: ignore[arg-type]
    live = share.embed_code(
        share.live_frame_url(share.share_url(live_url, CHART, filters, theme), theme),
        "Live chart", 560,
    )  # fmt: skip
    static = share.static_embed_code(site.resolve().as_uri(), CHART, "Static chart", 560, theme)
    page_theme = "dark" if theme == "dark" else "light"
    background, text = ARTICLE_COLOURS[page_theme]
    scheme = (
        f"@media (prefers-color-scheme: dark) {{ body {{ background: {ARTICLE_COLOURS['dark'][0]};"
        f" color: {ARTICLE_COLOURS['dark'][1]}; }} }}"
        if theme == "auto"
        else ""
    )
    body = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>An article</title>
<style>body {{ margin: 0; background: {background}; color: {text}; font-family: serif; }}
article {{ max-width: 1200px; margin: 0 auto; padding: 0 8px; }} {scheme}</style></head>
<body><main><article>
<h1>Article with embedded charts</h1>
<p>{html.escape("The story, before the live chart.")}</p>
<div id="live">{live}</div>
<p>Between the charts.</p>
<div id="static">{static}</div>
<p>The end of the story.</p>
</article></main></body></html>
"""
    path = folder / f"article-{theme}-{lang}.html"
    path.write_text(body, encoding="utf-8")
    return path


def _luminance(colour: str) -> float:
    channels = [float(part) for part in colour[colour.index("(") + 1 : -1].split(",")[:3]]
    return sum(
        weight * value / 255
        for weight, value in zip((0.2126, 0.7152, 0.0722), channels, strict=True)
    )


def _axe_serious(frame) -> list[dict]:
    frame.add_script_tag(path=str(AXE))
    violations = frame.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"""
    )
    return [v for v in violations if v["id"] not in STREAMLIT_CAUSED]


def _settled_height(page, selector: str) -> float:
    """The frame's height once the embedded page has posted its own and embed.js applied it."""
    page.wait_for_function(
        "sel => { const f = document.querySelector(sel); return f && f.style.height.endsWith('px'); }",
        arg=selector, timeout=45_000,
    )  # fmt: skip
    page.wait_for_timeout(1500)  # late reflows (fonts, plotly's legend) post again
    return page.locator(selector).evaluate("el => el.getBoundingClientRect().height")


CASES = [
    (360, "light", "en"), (360, "dark", "en"), (1000, "light", "en"), (1000, "dark", "en"),
    (360, "dark", "es"), (1000, "light", "es"), (1000, "auto", "en"),
]  # fmt: skip


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed (npm ci)")
@pytest.mark.parametrize(
    ("width", "theme", "lang"), CASES, ids=[f"{w}-{t}-{lang}" for w, t, lang in CASES]
)
def test_embeds_fit_an_article_column(
    chromium, live_url, static_sites, tmp_path, width, theme, lang
):
    path = article(tmp_path, live_url, static_sites[lang], theme, lang)
    # `auto` follows the reader's system setting: this reader has a dark one.
    scheme = "dark" if theme in ("dark", "auto") else "light"
    context = chromium.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(path.as_uri())
        live_frame = page.frame_locator("#live iframe")
        static_frame = page.frame_locator("#static iframe")
        live_frame.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=45_000)
        static_frame.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
        live_height = _settled_height(page, "#live iframe")
        static_height = _settled_height(page, "#static iframe")
        frames = {
            "live": (page.frame_locator("#live iframe"), live_height,
                     '[data-testid="stMainBlockContainer"]'),
            "static": (static_frame, static_height, "#chart-page"),
        }  # fmt: skip
        for name, (frame, height, content) in frames.items():
            box = frame.locator(content).first
            # No navigation, sidebar, toggle, header or toolbar: only the chart and its words.
            chrome = frame.locator(CHROME)
            assert [el for el in chrome.all() if el.is_visible()] == [], name
            assert frame.locator("nav, aside").count() == 0, name
            links = frame.locator("a[href]:visible")
            outward = [a.get_attribute("target") for a in links.all()
                       if not (a.get_attribute("href") or "").startswith("#")]  # fmt: skip
            assert outward == ["_blank"], (name, outward)
            # No horizontal scrolling inside the frame, at any column width.
            overflow = box.evaluate(
                "el => el.ownerDocument.documentElement.scrollWidth - el.ownerDocument.defaultView.innerWidth"
            )
            assert overflow <= 1, (name, overflow)
            # The frame is as tall as its content: no inner scrollbar, no empty band.
            content_height = box.evaluate("el => Math.ceil(el.getBoundingClientRect().height)")
            assert abs(height - content_height) <= 3, (name, height, content_height)
            inner = box.evaluate(
                "el => { const d = el.ownerDocument; const s = d.scrollingElement;"
                " const m = d.querySelector('[data-testid=stMain]');"
                " return Math.max(s.scrollHeight - s.clientHeight,"
                " m ? m.scrollHeight - m.clientHeight : 0); }"
            )
            assert inner <= 2, (name, "inner vertical scroll", inner)
            # Dark is dark, light is light.
            background = box.evaluate(
                "el => { let n = el; while (n) { const c = getComputedStyle(n).backgroundColor;"
                " if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; n = n.parentElement; }"
                " return getComputedStyle(el.ownerDocument.body).backgroundColor; }"
            )
            if scheme == "dark":
                assert _luminance(background) < 0.2, (name, background)
            else:
                assert _luminance(background) > 0.8, (name, background)
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 1
        for name in ("live", "static"):
            frame = page.frame(url=lambda url, n=name: (CHART in url) and
                               (url.startswith("file:") == (n == "static")))  # fmt: skip
            assert frame is not None, name
            assert _axe_serious(frame) == [], name
        assert errors == []
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"article-{width}-{theme}-{lang}.png"), full_page=True)
        context.close()
