"""EDITING.md works as written: every shell command runs (or says why not), every example is valid.

Each command runs in its own fresh git repository holding a copy of the repo's data, as an editor's
checkout would: two commits (so `--since HEAD~1` exists) and one uncommitted edit.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dashboard import data, schema, yamlsource
from tests.conftest import REAL_DATA, VALID_DATA
from tests.unit.test_editing import dockerfile_instructions

ROOT = Path(__file__).resolve().parents[2]
EDITING = ROOT / "EDITING.md"
MARKER = re.compile(r"\s# not run by tests: (?P<why>\S.*)$")
FENCE = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def fenced_blocks(markdown: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced code block."""
    return [(match["lang"], match["body"]) for match in FENCE.finditer(markdown)]


def bash_commands(markdown: str) -> list[str]:
    """The commands of the ```bash blocks: one a line, continuation lines joined, comments skipped."""
    commands = []
    for lang, body in fenced_blocks(markdown):
        if lang != "bash":
            continue
        for line in re.sub(r"\\\n\s*", " ", body).splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                commands.append(line.strip())
    return commands


COMMANDS = bash_commands(EDITING.read_text(encoding="utf-8"))
RUN = [command for command in COMMANDS if not MARKER.search(command)]
NOT_RUN = [command for command in COMMANDS if MARKER.search(command)]


@functools.cache
def source_data() -> Path:
    """The repo's data; the fixture set while curators leave it invalid (other tests catch that)."""
    return REAL_DATA if data.load(REAL_DATA, use_snapshot=False).ok else VALID_DATA


def test_editing_md_shows_commands_only_in_bash_blocks():
    blocks = fenced_blocks(EDITING.read_text(encoding="utf-8"))
    assert {lang for lang, _ in blocks} <= {"bash", "yaml", ""}
    for lang, body in blocks:
        if lang == "":  # output shown to the editor, never a command to copy
            assert not re.search(
                r"^\s*(\$ |(\.venv/bin/)?python |git |(\.venv/bin/)?streamlit |docker )", body, re.M
            )
    wanted = (
        ".venv/bin/python -m dashboard validate",
        ".venv/bin/python -m dashboard changes",
        ".venv/bin/python -m dashboard review",
        ".venv/bin/streamlit run app.py",
        "bash scripts/run.sh",
    )
    assert all(any(command.startswith(w) for command in COMMANDS) for w in wanted)
    assert any("DASHBOARD_DATA_DIR=" in command for command in COMMANDS)
    assert any(command.startswith("docker build") for command in COMMANDS)
    assert any(command.startswith("git push") for command in COMMANDS)


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """An editor's checkout: data in git, two commits, one uncommitted edit."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "DASHBOARD_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    repo = tmp_path / "checkout"
    shutil.copytree(source_data(), repo / "data", ignore=shutil.ignore_patterns("geo"))
    _interpreter(repo / ".venv" / "bin" / "python")  # as `bash scripts/run.sh` would have made
    env = _env(tmp_path)
    commit = ["git", "commit", "--quiet", "-m"]
    for step in (["git", "init", "--quiet"], ["git", "add", "data"], [*commit, "data"]):
        subprocess.run(step, cwd=repo, env=env, check=True)
    _append(repo / "data" / "corrections.yaml", "# checked\n")
    subprocess.run([*commit, "checked", "--all"], cwd=repo, env=env, check=True)
    _append(repo / "data" / "platforms.yaml", "# an editor's edit\n")
    return repo, env


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def _interpreter(path: Path) -> None:
    """A `python` at `path` that runs this interpreter: a script, not a symlink, since a symlink to a
    venv's python outside its venv loses the venv's packages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} "$@"\n', encoding="utf-8")
    path.chmod(0o755)


def _env(tmp_path: Path) -> dict[str, str]:
    """`python` is this interpreter, `dashboard` is this checkout's, git has an identity."""
    bin_dir = tmp_path / "bin"
    _interpreter(bin_dir / "python")
    identity = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    return (
        os.environ
        | identity
        | {
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "PYTHONPATH": str(ROOT / "src"),
            "GIT_CEILING_DIRECTORIES": str(tmp_path),
            "DASHBOARD_CACHE_DIR": str(tmp_path / "cache"),
        }
    )


@pytest.mark.parametrize("command", RUN)
def test_command_runs_in_an_editors_checkout(command, checkout):
    repo, env = checkout
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", command],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert run.returncode == 0, f"{command!r} failed:\n{run.stdout}\n{run.stderr}"
    assert "Traceback" not in run.stderr


def _program(command: str) -> list[str]:
    """The argument list of a marked command, without the marker and leading VAR=value words."""
    words = shlex.split(MARKER.sub("", command))
    while words and re.match(r"^[A-Z_][A-Z0-9_]*=", words[0]):
        words.pop(0)
    return words


def _check_streamlit(words: list[str]) -> None:
    assert words[1:3] == ["run", "app.py"] and (ROOT / "app.py").is_file()


def _check_docker(words: list[str]) -> None:
    steps = dict(dockerfile_instructions(ROOT / "Dockerfile"))  # the Dockerfile test checks more
    if words[1] == "build":
        assert words[-1] == "." and "-t" in words
    else:
        assert words[1] == "run"
        published = words[words.index("-p") + 1]
        assert published.split(":")[-1] == steps["EXPOSE"]


def _check_git(words: list[str]) -> None:
    assert words[1] in ("pull", "push")


def _check_bash(words: list[str]) -> None:
    assert words[1] == "scripts/run.sh" and (ROOT / words[1]).is_file()


def _check_python(words: list[str]) -> None:
    assert words[1:4] == ["-m", "pip", "install"]
    if "-r" in words:
        assert (ROOT / words[words.index("-r") + 1]).is_file()


def _check_pre_commit(words: list[str]) -> None:
    assert words[1:] == ["install"] and (ROOT / ".pre-commit-config.yaml").is_file()


WELL_FORMED = {
    "bash": _check_bash,
    "streamlit": _check_streamlit,
    "docker": _check_docker,
    "git": _check_git,
    "python": _check_python,
    "pre-commit": _check_pre_commit,
}


@pytest.mark.parametrize("command", NOT_RUN)
def test_command_not_run_says_why_and_is_well_formed(command):
    assert len(MARKER.search(command)["why"]) > 10, "say why the tests cannot run it"
    syntax = subprocess.run(["bash", "-n", "-c", command], capture_output=True, check=False)
    assert syntax.returncode == 0, syntax.stderr
    words = _program(command)
    program = words[0].removeprefix(".venv/bin/")
    assert program in WELL_FORMED, f"no well-formedness check for {words[0]!r}; add one"
    WELL_FORMED[program](words)


def _record_examples() -> list[str]:
    blocks = fenced_blocks(EDITING.read_text(encoding="utf-8"))
    return [body for lang, body in blocks if lang == "yaml" and body.lstrip().startswith("- id:")]


def test_editing_md_has_a_worked_example_for_each_kind():
    ids = [yaml.safe_load(body)[0]["id"] for body in _record_examples()]
    files = [_file_holding(record_id) for record_id in ids]
    assert files == ["actions.yaml", "age_policies.yaml", "statistics.yaml"]


@pytest.mark.parametrize("body", _record_examples())
def test_worked_examples_are_valid_records_of_the_real_data(body):
    (record,) = yaml.safe_load(body)
    record_model = schema.DATASETS[_file_holding(record["id"])][1]
    record_model.model_validate(_as_read(body))


def _file_holding(record_id: str) -> str:
    """The data file (in the repo's data/) that holds a record with this id."""
    for name in ("actions.yaml", "age_policies.yaml", "statistics.yaml"):
        if re.search(
            rf"^\s*- id: {re.escape(record_id)}\s*$", (REAL_DATA / name).read_text(), re.M
        ):
            return name
    raise AssertionError(f"{record_id!r} is in no file of data/: copy a real record")


def _as_read(body: str) -> dict:
    """The record as the project's reader sees it (dates stay text)."""
    return yamlsource.parse(body).data[0]


def test_correction_example_validates_against_the_real_data(tmp_path):
    blocks = fenced_blocks(EDITING.read_text(encoding="utf-8"))
    (example,) = [body for lang, body in blocks if lang == "yaml" and body.startswith("records:")]
    folder = tmp_path / "data"
    shutil.copytree(REAL_DATA, folder, ignore=shutil.ignore_patterns("geo"))
    corrections = folder / "corrections.yaml"
    head = corrections.read_text(encoding="utf-8").split("\nrecords:")[0]
    corrections.write_text(head + "\n" + example, encoding="utf-8")
    result = data.load(folder, use_snapshot=False)
    assert [str(problem) for problem in result.problems] == []
    assert len(result.frames.corrections) == 1
