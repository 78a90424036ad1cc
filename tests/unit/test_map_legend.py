"""The map's colour key as HTML: labels in both languages, escaped, only the colours shown."""

from __future__ import annotations

from dashboard.charts.mapping import KEY_COLOURS
from dashboard.map_legend import legend, legend_html, shown_legend_html


def test_legend_html_escapes_every_label():
    html_text = legend_html([("<script>x</script>", "#000000")], "a & <b>")
    assert "<script>" not in html_text and "&lt;script&gt;" in html_text
    assert "a &amp; &lt;b&gt;" in html_text


def test_legend_in_both_languages():
    english = legend("en")
    spanish = legend("es")
    assert english[0] == ("Account ban in force", KEY_COLOURS["ban_in_force"])
    assert spanish[0][0] == "Prohibición en vigor"
    assert [c for _, c in english] == [c for _, c in spanish]
    assert len(english) == len(KEY_COLOURS)
    assert [c for _, c in legend("en", {"none", "guidance"})] == [
        KEY_COLOURS["guidance"],
        KEY_COLOURS["none"],
    ]


def test_shown_legend_lists_the_frames_keys_and_no_rule():
    html_text = shown_legend_html(["ban_in_force", "ban_in_force"], "en", "Circle size")
    assert html_text.count('role="listitem"') == 3  # ban in force, no rule recorded, circles
    assert "Account ban in force" in html_text and "Circle size" in html_text
    assert "Guidance only" not in html_text
