"""The safe YAML reader: plain values, located problems, and no other exception for any text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import data, yamlsource
from dashboard.yamlsource import YamlProblem, YamlProblems


def problems_of(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(YamlProblems) as raised:
        yamlsource.parse(text)
    return [(p.line, p.column, p.message) for p in raised.value.problems]


def test_dates_stay_text_with_their_precision():
    parsed = yamlsource.parse("day: 2026-02-17\nmonth: 2026-02\nquoted: '2026-02-17'\n")
    assert parsed.data == {"day": "2026-02-17", "month": "2026-02", "quoted": "2026-02-17"}


def test_plain_scalars_keep_their_types():
    parsed = yamlsource.parse("a: 1\nb: 1.5\nc: true\nd: null\ne: text\n")
    assert parsed.data == {"a": 1, "b": 1.5, "c": True, "d": None, "e": "text"}


def test_every_duplicate_key_is_reported_not_only_the_first():
    assert problems_of("a: 1\na: 2\nb: 1\nb: 2\n") == [
        (2, 1, "duplicate key 'a' in this mapping; YAML would keep only the last one"),
        (4, 1, "duplicate key 'b' in this mapping; YAML would keep only the last one"),
    ]


def test_the_same_key_in_different_mappings_is_fine():
    assert yamlsource.parse("- {a: 1}\n- {a: 2}\n").data == [{"a": 1}, {"a": 2}]


def test_merge_keys_are_refused():
    assert problems_of("base: {a: 1}\nother:\n  <<: {a: 1}\n") == [
        (3, 3, "merge keys (<<) are not allowed; write the fields out")
    ]


def test_a_mapping_as_key_is_refused():
    assert problems_of("? {a: 1}\n: value\n") == [(1, 3, "a key must be plain text")]


def test_every_tab_line_is_reported():
    assert problems_of("a:\n\tb: 1\n\tc: 2\n") == [
        (2, 1, "tab character in the indentation; indent with spaces"),
        (3, 1, "tab character in the indentation; indent with spaces"),
    ]


def test_binary_and_custom_tags_are_refused():
    assert problems_of("a: !!binary aGk=\nb: !custom x\n") == [
        (1, 4, "YAML tag '!!binary' is not allowed; write plain values"),
        (2, 4, "YAML tag '!custom' is not allowed; write plain values"),
    ]


def test_locate_points_at_values_keys_and_parents():
    parsed = yamlsource.parse("records:\n  - id: a\n    date: x\n  - id: b\n    titel: y\n")
    assert parsed.locate(("records", 1, "titel"), at_key=True) == (5, 5)
    assert parsed.locate(("records", 0, "date")) == (3, 11)
    # A path that does not exist stops at its deepest existing part.
    assert parsed.locate(("records", 1, "missing")) == (4, 5)
    assert parsed.locate(("records", 9)) == (2, 3)


def test_decode_locates_the_first_byte_that_is_not_utf8():
    with pytest.raises(YamlProblem) as raised:
        yamlsource.decode(b"a: 1\nb: caf\xe9\n")
    assert (raised.value.line, raised.value.column) == (2, 7)
    assert raised.value.message == "byte 0xe9 is not UTF-8 text; save the file as UTF-8"


def test_decode_drops_a_byte_order_mark():
    assert yamlsource.decode("\ufeffa: 1".encode()) == "a: 1"


def test_size_limit(monkeypatch):
    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 10)
    with pytest.raises(YamlProblem, match=r"file is too large \(11 bytes; the limit is 10\)"):
        yamlsource.decode(b"a: 12345678")


def test_a_file_over_the_limit_is_refused_before_reading(data_copy, monkeypatch):
    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 100)
    result = data.load(data_copy, use_snapshot=False)
    messages = {str(problem).split(": ", 1)[1] for problem in result.problems}
    size = (data_copy / "actions.yaml").stat().st_size
    assert f"file is too large ({size:,} bytes; the limit is 100)" in messages


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_raises_only_the_readers_own_error(text):
    try:
        yamlsource.parse(text)
    except YamlProblems as problems:
        assert problems.problems
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in problems.problems)


yaml_like = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_as_a_data_file_give_problems_not_exceptions(raw):
    import shutil
    import tempfile
    from pathlib import Path

    from tests.conftest import VALID_DATA

    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(VALID_DATA, folder, dirs_exist_ok=True)
        Path(folder, "actions.yaml").write_bytes(raw)
        result = data.load(folder, use_snapshot=False)
    assert result.frames is None
    assert result.problems


@settings(max_examples=100, deadline=None)
@given(yaml_like)
def test_arbitrary_structures_give_problems_not_exceptions(value):
    import yaml

    found = data._Collector()
    model = data._validate(
        "actions.yaml", "actions.yaml", yamlsource.parse(yaml.safe_dump({"records": value})), found
    )
    assert model is None and found.kept
