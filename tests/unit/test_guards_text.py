"""Guards on text from data and links: the one escaping path, URL notices, dates for the control.

Each test is named after what it guards (issue 15); see the README's "What is guarded".
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from dashboard import filters, schema
from dashboard.filters import Filters, Known, Notice
from dashboard.markdown_escape import md

JOINER = "\u2060"


@pytest.mark.parametrize(
    "text",
    ["Title\n===", "Title\n---", "a\n\n    indented code", "# heading", "> quote", "1. list"],
)
def test_escaping_neutralises_headings_and_blocks(text):
    escaped = md(text)
    for line in escaped.splitlines():
        assert not line.startswith(("=", "-", "#", ">", " ", "1."))
    assert "\\=\\=\\=" in md("Title\n===") and "\n" not in md("Title\n===")


@pytest.mark.parametrize(
    "text,pattern",
    [
        ("see https://evil.example/x", "https://"),
        ("see http://evil.example/x", "http://"),
        ("visit www.evil.example now", "www."),
        ("write to someone@evil.example", "@evil"),
        ("<https://evil.example>", "https://"),
    ],
)
def test_escaping_neutralises_bare_urls_and_autolinks(text, pattern):
    escaped = md(text)
    assert pattern not in escaped.replace("\\", "")  # even once markdown drops its escapes
    assert escaped.replace("\\", "").replace(JOINER, "") == text  # the reader sees the same text


def test_escaping_neutralises_images_links_html_and_entities():
    escaped = md("![x](https://evil.example/p.png) [a](b) <img src=x> &amp; $x$")
    for raw in ("![", "](", " <img"):
        assert raw not in escaped
    assert "\\&amp;" in escaped and "\\$x\\$" in escaped


def test_source_urls_refuse_whitespace_quotes_and_angle_brackets():
    for bad in ("https://a.example/x y", "https://a.example/\n", 'https://a.example/"x',
                "https://a.example/<x>", "https://a.example/\tx"):  # fmt: skip
        with pytest.raises(ValueError, match="a web address cannot"):
            schema._web_url(bad.replace("\n", "\nx"))
    assert schema._web_url("https://a.example/p?q=1&r=%20") == "https://a.example/p?q=1&r=%20"


def test_url_notices_are_capped_and_summarised():
    started = time.perf_counter()
    ids = ",".join(f"BAD{index}" for index in range(3_000))
    parsed, notices = filters.parse_query({"j": ids, "p": "nope"}, Known(frozenset({"ESP"})))
    assert notices == [
        Notice("j", "BAD0"), Notice("j", "BAD1"), Notice("j", "BAD2"),
        Notice("j", "", more=2_997), Notice("p", "nope"),
    ]  # fmt: skip
    assert parsed.jurisdictions == ()
    assert time.perf_counter() - started < 1


def test_link_dates_are_clamped_to_what_the_date_control_accepts():
    low, high = date(2023, 9, 15), date(2026, 7, 1)
    wide = Filters(start=date(2024, 1, 1), end=date(2026, 12, 31))
    clamped, notices = filters.clamp_dates(wide, low, high)
    assert (clamped.start, clamped.end) == (date(2024, 1, 1), None)  # up to the data's end
    assert notices == [Notice("to", "2026-12-31", shown="2026-07-01")]
    early, notices = filters.clamp_dates(Filters(end=date(2000, 1, 1)), low, high)
    assert early.end == low and notices == [Notice("to", "2000-01-01", shown="2023-09-15")]


def test_one_sided_ranges_are_read_from_links():
    known = Known()
    assert filters.parse_query({"from": "2025-01-01"}, known)[0].start == date(2025, 1, 1)
    only_to = filters.parse_query({"to": "2025-06-30"}, known)[0]
    assert (only_to.start, only_to.end) == (None, date(2025, 6, 30))
    assert filters.to_query(only_to) == {"to": "2025-06-30"}
