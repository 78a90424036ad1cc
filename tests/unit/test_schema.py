"""The schema is the single source: JSON Schemas and docs follow it, data files point at it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dashboard import cli, schema
from tests.conftest import REAL_DATA

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize("name", sorted(schema.json_schemas()))
def test_checked_in_json_schemas_are_fresh(name):
    on_disk = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert on_disk == cli.render_schema(schema.json_schemas()[name]), (
        "schemas/ is stale: run `python -m dashboard schema`"
    )


def _all_fields(model, seen=None) -> set[str]:
    from dashboard.data import _inner_model

    seen = seen if seen is not None else set()
    names = set()
    for name, info in model.model_fields.items():
        names.add(name)
        inner = _inner_model(info.annotation)
        if inner is not None and inner not in seen:
            seen.add(inner)
            names |= _all_fields(inner, seen)
    return names


def test_every_schema_field_is_documented():
    doc = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)", doc)) | set(re.findall(r"\b([a-z_]+)\b", doc))
    for file_model, _record in schema.DATASETS.values():
        missing = _all_fields(file_model) - documented
        assert not missing, f"fields missing from docs/data-format.md: {sorted(missing)}"


def test_every_enumeration_value_is_documented():
    doc = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    for values in (
        schema.ACTION_TYPES,
        schema.TOPICS,
        schema.ACTION_STATUSES,
        schema.POLICY_STATUSES,
        schema.UNITS,
        schema.PLATFORM_KINDS,
    ):
        for value in values:
            assert value in doc


@pytest.mark.parametrize("file_name", list(schema.DATASETS))
def test_each_data_file_points_at_its_json_schema(file_name):
    first_line = (REAL_DATA / file_name).read_text(encoding="utf-8").splitlines()[0]
    stem = schema.dataset_name(file_name)
    assert first_line == f"# yaml-language-server: $schema=../schemas/{stem}.schema.json"


def test_schema_command_writes_loadable_json(tmp_path):
    assert cli.main(["schema", "--out", str(tmp_path)]) == 0
    actions = json.loads((tmp_path / "actions.schema.json").read_text())
    assert actions["title"] == "data/actions.yaml"
    assert "investigation" in json.dumps(actions)


def test_one_list_of_data_files():
    """DATASET_FILES is the list; the models, the story files, `new`'s kinds, the record pages'
    datasets and the frames all follow it."""
    from dashboard import cards, editing
    from dashboard.frames import Frames

    assert tuple(schema.DATASETS) == schema.DATASET_FILES
    assert set(schema.STORY_FILES) <= set(schema.DATASET_FILES)
    assert sorted(editing.KINDS.values()) == sorted(schema.STORY_FILES)
    assert tuple(schema.dataset_name(name) for name in schema.STORY_FILES) == cards.DATASETS
    frame_fields = set(Frames.__dataclass_fields__)
    assert {schema.dataset_name(name) for name in schema.DATASET_FILES} <= frame_fields
    assert sorted(path.name for path in REAL_DATA.glob("*.yaml")) == sorted(schema.DATASET_FILES)
