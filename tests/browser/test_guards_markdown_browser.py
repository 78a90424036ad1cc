"""Guard, tried in the browser: data text through `markdown_escape.md` renders as the same text in Streamlit's
own markdown, with no link, image, heading or code block (setext headings, bare URLs, `www.`
names and e-mail addresses included). Named after what it guards (issue 15)."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest

from tests.browser.streamlit_server import serve_script

HOSTILE = [
    "see https://evil.example/x and http://evil.example/y",
    "visit www.evil.example now",
    "write to someone@evil.example",
    "<https://evil.example/auto>",
    "![img](https://evil.example/p.png) [link](https://evil.example)",
    "Title\n===",
    "Title\n---",
    "para\n\n    indented code",
    "&lt;b&gt; &#x3C;i&#x3E; $x^2$ :material/home: :smile: :+1:",
    ":red[red text] and :blue-background[blue] ~~struck~~ **bold** _em_",
]


@pytest.fixture(scope="module")
def markdown_app(tmp_path_factory):
    script = tmp_path_factory.mktemp("md") / "md_app.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import streamlit as st
            from dashboard.markdown_escape import md
            for text in {json.dumps(HOSTILE)}:
                with st.container(key=f"case-{{abs(hash(text))}}"):
                    st.markdown(md(text))
            st.markdown("done")
            """
        )
    )
    src = str(__import__("pathlib").Path(__file__).parents[2] / "src")
    with serve_script(script, {"PYTHONPATH": src + ":" + ":".join(sys.path)}) as server:
        yield server.url  # type: ignore[attr-defined]


def test_data_text_renders_literally_with_no_link_heading_or_code(page, markdown_app):
    page.goto(markdown_app, wait_until="domcontentloaded")
    page.get_by_text("done", exact=True).wait_for(timeout=30_000)
    blocks = page.locator('[data-testid="stMarkdownContainer"]')
    assert blocks.count() == len(HOSTILE) + 1
    for index, text in enumerate(HOSTILE):
        block = blocks.nth(index)
        tags = ("a", "img", "h1", "h2", "pre", "code", "b", "i", "strong", "em", "del", ".katex",
                "span[role=img]", "span[style]")  # fmt: skip
        for tag in tags:
            assert block.locator(tag).count() == 0, (tag, text)
        shown = block.inner_text().replace("\u2060", "")
        assert " ".join(shown.split()) == " ".join(text.split()), text
