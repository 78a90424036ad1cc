"""Guards against hostile or careless data files: nesting, non-files, floods of problems, snapshots.

Each test is named after what it guards (issue 15); see the README's "What is guarded".
"""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import cli, data, yamlsource
from dashboard.yamlsource import YamlProblem, YamlProblems

DEEP_1K = "dataset: " + "[" * 1_000 + "]" * 1_000 + "\n"
DEEP_50K = "dataset: " + "[" * 50_000 + "]" * 50_000 + "\n"


def _problems(folder: Path) -> list[str]:
    return [problem.public() for problem in data.load(folder, use_snapshot=False).problems]


# Nesting.


@pytest.mark.parametrize("text", [DEEP_1K, DEEP_50K], ids=["1k-deep", "50k-deep"])
def test_nesting_limit_is_checked_before_composing(text):
    with pytest.raises(YamlProblems) as raised:
        yamlsource.parse(text)
    [problem] = raised.value.problems
    assert (problem.line, problem.column) == (1, 10 + yamlsource.MAX_DEPTH - 1)
    assert problem.message == "nesting deeper than 64 levels"


def test_nesting_up_to_the_limit_is_read():
    depth = yamlsource.MAX_DEPTH - 1  # the top-level mapping is the first level
    assert yamlsource.parse("a: " + "[" * depth + "]" * depth).data is not None


def test_nesting_limit_counts_block_collections_too():
    text = "".join("  " * level + f"k{level}:\n" for level in range(70)) + "  " * 70 + "end\n"
    with pytest.raises(YamlProblems) as raised:
        yamlsource.parse(text)
    assert raised.value.problems[0].message == "nesting deeper than 64 levels"


@pytest.mark.parametrize("text", [DEEP_1K, DEEP_50K], ids=["1k-deep", "50k-deep"])
def test_deep_nesting_in_a_data_file_is_a_located_problem(data_copy, text):
    (data_copy / "platforms.yaml").write_text(text)
    assert _problems(data_copy) == ["platforms.yaml:1:73: nesting deeper than 64 levels"]


def test_validate_on_50k_deep_nesting_exits_1_with_the_message_and_no_traceback(data_copy):
    (data_copy / "actions.yaml").write_text(DEEP_50K)
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", str(data_copy)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stdout.splitlines() == [
        f"{data_copy}/actions.yaml:1:73: nesting deeper than 64 levels",
        f"1 problem found in {data_copy}",
    ]


# Only regular files, size-limited while reading.


def test_a_named_pipe_as_data_file_is_a_located_error_not_a_hang(data_copy):
    (data_copy / "actions.yaml").unlink()
    os.mkfifo(data_copy / "actions.yaml")
    assert _problems(data_copy) == [
        "actions.yaml:1:1: is a named pipe, not a regular file; a data file must be a plain file"
    ]


def test_a_symlink_to_dev_zero_is_a_located_error_not_a_memory_flood(data_copy):
    (data_copy / "actions.yaml").unlink()
    (data_copy / "actions.yaml").symlink_to("/dev/zero")
    assert _problems(data_copy) == [
        "actions.yaml:1:1: is a device, not a regular file; a data file must be a plain file"
    ]


@pytest.mark.parametrize("as_link", [False, True], ids=["folder", "link-to-folder"])
def test_a_folder_as_data_file_is_a_located_error(data_copy, tmp_path, as_link):
    (data_copy / "actions.yaml").unlink()
    if as_link:
        (tmp_path / "elsewhere").mkdir()
        (data_copy / "actions.yaml").symlink_to(tmp_path / "elsewhere")
    else:
        (data_copy / "actions.yaml").mkdir()
    assert _problems(data_copy) == [
        "actions.yaml:1:1: is a folder, not a regular file; a data file must be a plain file"
    ]


def test_size_limit_is_enforced_while_reading(tmp_path, monkeypatch):
    path = tmp_path / "grows.yaml"
    path.write_bytes(b"a: 1\n" * 100)
    real_stat = os.stat

    def stale_stat(target, *args, **kwargs):  # a file that grows after it was looked at
        info = real_stat(target, *args, **kwargs)
        if Path(target) == path:
            return os.stat_result((info.st_mode, *[0] * 5, 10, *[0] * 3))
        return info

    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(yamlsource, "_READ_CHUNK", 64)
    monkeypatch.setattr(yamlsource.os, "stat", stale_stat)
    with pytest.raises(YamlProblem, match=r"file is too large \(128 bytes; the limit is 100\)"):
        yamlsource.read_file(path)


# Floods of problems.


def _flood(folder: Path, name: str, count: int) -> None:
    """A file with `count` duplicate keys: one problem each."""
    lines = "".join(f"  k{index % 2}: {index}\n" for index in range(count + 2))
    (folder / name).write_text("dataset:\n" + lines)


def test_problems_are_capped_per_file_and_in_all_with_counts(data_copy):
    for name in ("actions.yaml", "age_policies.yaml", "statistics.yaml", "platforms.yaml"):
        _flood(data_copy, name, 250)
    result = data.load(data_copy, use_snapshot=False)
    per_file = {}
    for problem in result.problems:
        per_file[Path(problem.file).name] = per_file.get(Path(problem.file).name, 0) + 1
    assert len(result.problems) == data.MAX_PROBLEMS == 300
    assert max(per_file.values()) == data.MAX_PROBLEMS_PER_FILE == 100
    assert result.total == 1000
    assert result.more_line(public=True) == (
        "… and 700 more (1,000 problems found: actions.yaml: 250, age_policies.yaml: 250, "
        "statistics.yaml: 250, platforms.yaml: 250)"
    )


def test_validate_prints_the_capped_list_then_and_n_more(data_copy, capsys):
    _flood(data_copy, "actions.yaml", 5_000)
    assert cli.main(["validate", str(data_copy)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == data.MAX_PROBLEMS_PER_FILE + 2
    assert lines[-2] == (
        f"… and 4,900 more (5,000 problems found: {data_copy}/actions.yaml: 5,000)"
    )
    assert lines[-1] == f"5,000 problems found in {data_copy}"


def test_schema_problems_are_capped_before_they_are_located(data_copy, monkeypatch):
    records = "".join(f"  - {{id: bad id {index}}}\n" for index in range(2_500))
    text = (data_copy / "platforms.yaml").read_text().split("records:")[0]
    (data_copy / "platforms.yaml").write_text(text + "records:\n" + records)
    sliced = data.load(data_copy, use_snapshot=False)
    assert len(sliced.problems) == data.MAX_PROBLEMS_PER_FILE
    assert sliced.total > 2_500
    # Validated a slice of records at a time (bounded memory): the same problems and counts as
    # the whole file at once.
    monkeypatch.setattr(data, "VALIDATION_CHUNK", 10_000)
    whole = data.load(data_copy, use_snapshot=False)
    assert (whole.problems, whole.counts) == (sliced.problems, sliced.counts)


def test_dataset_block_problems_are_reported_once_in_a_long_file(data_copy, monkeypatch):
    records = "".join(f"  - {{id: p{index}, name: P{index}}}\n" for index in range(2_500))
    (data_copy / "platforms.yaml").write_text("dataset: {}\nrecords:\n" + records)
    sliced = data.load(data_copy, use_snapshot=False)
    paths = [problem.path for problem in sliced.problems]
    assert len(paths) == len(set(paths)) and paths[0].startswith("dataset.")
    monkeypatch.setattr(data, "VALIDATION_CHUNK", 10_000)
    whole = data.load(data_copy, use_snapshot=False)
    assert (whole.problems, whole.total) == (sliced.problems, sliced.total)


def test_problems_shown_to_the_public_carry_no_server_path(data_copy):
    _flood(data_copy, "actions.yaml", 3)
    [first, *_] = data.load(data_copy, use_snapshot=False).problems
    assert str(first).startswith(str(data_copy))
    assert first.public().startswith("actions.yaml:")
    assert str(data_copy) not in first.public()


# Fingerprints of unreadable states.


def test_unreadable_file_states_have_distinct_fingerprints(data_copy, tmp_path):
    target = data_copy / "actions.yaml"
    states = {"file": data.fingerprint(data_copy)}
    target.chmod(0)
    states["no permission"] = data.fingerprint(data_copy)
    target.unlink()
    states["missing"] = data.fingerprint(data_copy)
    target.mkdir()
    states["folder"] = data.fingerprint(data_copy)
    target.rmdir()
    target.symlink_to(tmp_path / "nowhere")
    states["dangling link"] = data.fingerprint(data_copy)
    target.unlink()
    os.mkfifo(target)
    states["pipe"] = data.fingerprint(data_copy)
    assert len(set(states.values())) == len(states)


# Snapshots.


def test_snapshots_are_json_that_runs_no_code(data_copy):
    data.load(data_copy)
    [snapshot] = list(data.snapshot_dir().glob("frames-*"))
    assert snapshot.suffix == ".json"
    content = json.loads(snapshot.read_text(encoding="utf-8"))
    assert content["format"] == data.SNAPSHOT_FORMAT and set(content["files"]) == set(
        data.schema.DATASETS
    )
    assert stat.S_IMODE(snapshot.stat().st_mode) == 0o600


def test_a_snapshot_gives_the_same_frames_as_a_cold_load(data_copy):
    cold = data.load(data_copy)
    warm = data.load(data_copy)
    assert warm.from_snapshot and warm.frames.version == cold.frames.version
    for name in ("actions", "action_platforms", "age_policies", "policy_history", "statistics",
                 "platforms", "corrections", "sources"):  # fmt: skip
        data.frames_module.pd.testing.assert_frame_equal(
            getattr(cold.frames, name), getattr(warm.frames, name)
        )
    assert warm.frames.datasets == cold.frames.datasets


class _Planted:
    def __reduce__(self):
        return (os.system, ("touch /tmp/dashboard-planted-pickle-ran",))


def test_a_planted_pickle_is_never_loaded(data_copy):
    cold = data.load(data_copy)
    for snapshot in data.snapshot_dir().glob("frames-*"):
        snapshot.write_bytes(pickle.dumps(_Planted()))
    result = data.load(data_copy)
    assert result.ok and not result.from_snapshot
    assert not Path("/tmp/dashboard-planted-pickle-ran").exists()
    assert result.frames.version == cold.frames.version


def test_the_cache_folder_is_created_private(tmp_path, monkeypatch):
    monkeypatch.delenv(data.CACHE_DIR_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = data.snapshot_dir()
    assert folder == tmp_path / "xdg" / "ai-abuse-dashboard"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_cache_folder_open_to_others_is_not_used(data_copy, tmp_path, monkeypatch):
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv(data.CACHE_DIR_ENV, str(shared))
    assert data.snapshot_dir() is None
    assert data.load(data_copy).ok and data.load(data_copy).from_snapshot is False
    assert list(shared.iterdir()) == []


def test_a_link_in_place_of_the_cache_folder_is_not_used(tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(real)
    monkeypatch.setenv(data.CACHE_DIR_ENV, str(tmp_path / "link"))
    assert data.snapshot_dir() is None


def test_snapshots_are_keyed_by_the_libraries_versions(monkeypatch):
    before = data.content_version({"a.yaml": b"x"})
    real = data.metadata.version
    monkeypatch.setattr(
        data.metadata, "version", lambda name: "0.0" if name == "pandas" else real(name)
    )
    assert data.content_version({"a.yaml": b"x"}) != before
