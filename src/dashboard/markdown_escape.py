"""Data text made literal for Streamlit's markdown: the one escaping path for every data text.

Pure (no streamlit import), so tests and any page can use it.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import pandas as pd

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&@])")
# Streamlit's markdown (remark-gfm) finds bare URLs, www. names and e-mail addresses in the text
# after escapes are resolved, so escaping cannot stop them: an invisible word joiner (U+2060)
# splits each pattern, and the reader sees the same characters, not a link.
# The same joiner after a colon stops Streamlit's `:emoji:`, `:material/icon:` and `:red[...]`.
_AUTOLINK = re.compile(
    r"(?i)(?<=https)(?=:)|(?<=http)(?=:)|(?<=www)(?=\.)|(?<=@)(?=\w)|(?<=:)(?=[\w+\-/])"
)
_JOINER = "\u2060"


def md(text: Any) -> str:
    """Data text made literal for st.markdown: the one escaping path for every data text.

    No links (bare URLs and addresses included), emphasis, headings (setext `===`/`---` too),
    HTML, entities or LaTeX. Lines are joined (paragraphs kept), so no line can start a block
    such as an indented code block.
    """
    if isinstance(text, str):
        return _escaped(text)
    if text is None or pd.isna(text):
        return ""
    return _escaped(str(text))


@functools.lru_cache(maxsize=8192)  # the same labels and titles come back on every page run
def _escaped(text: str) -> str:
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", text))
    flat = "\n\n".join(part for part in paragraphs if part)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _AUTOLINK.sub(_JOINER, flat))


def md_link(text: Any, url: str) -> str:
    """A markdown link to a validated http(s) source URL; the URL is percent-escaped."""
    safe_url = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    if not safe_url.startswith(("http://", "https://")):
        return md(text)
    return f"[{md(text)}]({safe_url})"
