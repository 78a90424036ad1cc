"""Editors' tools (`new`, `changes`) and the files that check and ship their edits."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from dashboard import cli, data, editing
from tests.conftest import VALID_DATA

ROOT = Path(__file__).resolve().parents[2]
# The fixture files were last reviewed on 2026-11-20: filled-in dates must not be later.
FILLED_DATE = "2026-02-17"
TEXT = '"Filled in for the test"'
COMMON = {
    "jurisdiction": "ESP",
    "en": TEXT,
    "es": TEXT,
    "url": "https://example.org/page",
    "publisher": "Example News",
    "kind": "press",
    "verified": "true",
}
FILLED = {
    "action": COMMON
    | {"id": "es-test-fine-2026-02-17", "authority": "AEPD", "type": "fine", "status": "ongoing"},
    "policy": COMMON
    | {
        "id": "esp-test-policy",
        "name": "A test rule",
        "min_age": "16",
        "status": "announced",
        "source": "https://example.org/rule",
    },
    "statistic": COMMON
    | {
        "id": "test-share-2025",
        "value": "12",
        "unit": "percent",
        "display": "12%",
        "geography": "ESP",
        "population": "adults",
        "period": '"2025"',  # as the template's comment says: quoted
        "methodology": "A survey.",
        "topic": "deepfakes",
    },
}


def fill(template: str, kind: str, today: date) -> str:
    """The template with every placeholder and today's date replaced by real values."""
    values = FILLED[kind]
    text = re.sub(r'(\w+): ""', lambda match: f"{match[1]}: {values[match[1]]}", template)
    # A policy's own kind sits at the record's level; the source's kind is nested deeper.
    text = re.sub(r"^(\s{2,4})kind: press", r"\1kind: ban", text, flags=re.M)
    text = text.replace('[""]', "[ai_csam]").replace(today.isoformat(), FILLED_DATE)
    assert '""' not in "".join(line.split("#")[0] for line in text.splitlines())
    return text


def placeholder_lines(text: str, first_line: int) -> set[int]:
    """Line numbers (from `first_line`) of the lines that hold a "" placeholder."""
    lines = enumerate(text.splitlines())
    return {first_line + n for n, line in lines if '""' in line.split("#")[0]}


def problem_lines(data_dir: Path, name: str) -> set[int]:
    result = data.load(data_dir, use_snapshot=False)
    assert result.problems, "a template must not validate before it is filled in"
    assert {Path(p.file).name for p in result.problems} == {name}
    return {problem.line for problem in result.problems}


# new


@pytest.mark.parametrize("kind", list(editing.KINDS))
def test_new_prints_a_template_that_validates_once_filled_in(kind, data_copy, capsys):
    assert cli.main(["new", kind]) == 0
    printed = capsys.readouterr().out
    path = data_copy / editing.KINDS[kind]
    old = path.read_text(encoding="utf-8")
    path.write_text(old + printed, encoding="utf-8")
    # Every placeholder is rejected, located on its own line.
    start = old.count("\n") + 1
    assert problem_lines(data_copy, path.name) == placeholder_lines(printed, start)
    path.write_text(old + fill(printed, kind, date.today()), encoding="utf-8")
    result = data.load(data_copy, use_snapshot=False)
    assert result.problems == []


@pytest.mark.parametrize("kind", list(editing.KINDS))
def test_template_has_every_required_field_and_today(kind):
    today = date(2026, 3, 4)
    parsed = yaml.safe_load(editing.template(kind, today, indent=0))[0]
    record_model = data.schema.DATASETS[editing.KINDS[kind]][1]
    required = {name for name, info in record_model.model_fields.items() if info.is_required()}
    assert required <= set(parsed)
    assert "2026-03-04" in editing.template(kind, today)


@pytest.mark.parametrize("kind", list(editing.KINDS))
def test_write_appends_and_keeps_every_existing_byte(kind, data_copy, capsys):
    path = data_copy / editing.KINDS[kind]
    old = path.read_bytes()
    assert cli.main(["new", kind, "--write", "--data-dir", str(data_copy)]) == 0
    new = path.read_bytes()
    assert new.startswith(old)
    appended = new[len(old) :].decode("utf-8")
    assert appended == editing.template(kind, date.today())
    line = old.count(b"\n") + 1
    assert capsys.readouterr().out == (
        f'added a new {kind} at the end of {path} (line {line}); replace every "" there, '
        "then run: .venv/bin/python -m dashboard validate\n"
    )
    assert problem_lines(data_copy, path.name) == placeholder_lines(appended, line)
    path.write_bytes(old + fill(appended, kind, date.today()).encode("utf-8"))
    assert data.load(data_copy, use_snapshot=False).problems == []


def test_write_adds_a_newline_to_a_file_that_lacks_one(data_copy):
    path = data_copy / "actions.yaml"
    old = path.read_bytes().rstrip(b"\n")
    path.write_bytes(old)
    assert cli.main(["new", "action", "--write", "--data-dir", str(data_copy)]) == 0
    assert path.read_bytes() == old + b"\n" + editing.template("action", date.today()).encode()


def test_write_follows_the_files_indentation(data_copy):
    path = data_copy / "statistics.yaml"
    flush = path.read_text().replace("\n  ", "\n")  # records at column 0: "- id:"
    path.write_text(flush)
    assert cli.main(["new", "statistic", "--write", "--data-dir", str(data_copy)]) == 0
    assert path.read_text() == flush + editing.template("statistic", date.today(), indent=0)


def test_write_refuses_an_empty_flow_list_and_changes_nothing(data_copy, capsys):
    path = data_copy / "statistics.yaml"
    head = path.read_text().split("records:")[0]
    path.write_text(head + "records: []\n")
    before = path.read_bytes()
    assert cli.main(["new", "statistic", "--write", "--data-dir", str(data_copy)]) == 1
    assert path.read_bytes() == before
    assert capsys.readouterr().err == (
        f"error: cannot append to {path}: its records: list must be the last part of the file, "
        "one '- id:' item per record; paste the template from `.venv/bin/python -m dashboard new "
        "statistic` by hand\n"
    )


def test_write_to_a_missing_folder_is_one_line(tmp_path, capsys):
    assert cli.main(["new", "action", "--write", "--data-dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"error: {tmp_path}/actions.yaml cannot be read (No such file or directory); "
        "check --data-dir\n"
    )


# changes


def git(repo: Path, *args: str) -> str:
    run = subprocess.run(
        ["git", "-c", "user.email=test@example.org", "-c", "user.name=Test", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository whose one commit holds a copy of the valid fixture data in data/."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):  # set inside git hooks
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    root = tmp_path / "repo"
    shutil.copytree(VALID_DATA, root / "data")
    git(tmp_path, "init", "--quiet", str(root))
    git(root, "add", "data")
    git(root, "commit", "--quiet", "-m", "data")
    return root


NEW_ACTION = """\
  - id: es-new-fine-2026-03-01
    date: 2026-03-01
    jurisdiction: ESP
    authority: AEPD
    type: fine
    platforms: []
    topics: [deepfakes]
    status: concluded
    title: {en: Spain fines a nudify app, es: España multa a una app}
    summary: {en: A fine., es: Una multa.}
    sources:
      - {url: "https://example.org/fine", publisher: AEPD, published: 2026-03-01}
    verified: true
"""


def edit(repo: Path) -> None:
    """Add an action, change a policy's status and history, remove a statistic."""
    actions = repo / "data" / "actions.yaml"
    actions.write_text(actions.read_text() + NEW_ACTION)
    policies = repo / "data" / "age_policies.yaml"
    text = policies.read_text().replace("status: in_force\n", "status: repealed\n", 1)
    step = '      - {date: 2025-12-10, status: in_force, source: "https://legislation.gov.au/example"}\n'
    repealed = step.replace("2025-12-10, status: in_force", "2026-01-05, status: repealed")
    policies.write_text(text.replace(step, step + repealed, 1))
    statistics = repo / "data" / "statistics.yaml"
    statistics.write_text(statistics.read_text().split("  - id: ncmec-gai-reports-2024")[0])


EXPECTED = [
    'actions.yaml: added es-new-fine-2026-03-01 ("Spain fines a nudify app")',
    "age_policies.yaml: changed aus-social-media-minimum-age-act-2024 (status, history)",
    "statistics.yaml: removed ncmec-gai-reports-2024",
]


def test_changes_lists_added_changed_and_removed_records(repo, capsys):
    edit(repo)
    assert data.load(repo / "data", use_snapshot=False).problems == []
    assert cli.main(["changes", "--data-dir", str(repo / "data")]) == 0
    assert capsys.readouterr().out.splitlines() == EXPECTED


def test_changes_since_an_older_revision_and_from_inside_the_repo(repo, monkeypatch, capsys):
    edit(repo)
    git(repo, "commit", "--quiet", "-am", "edits")
    monkeypatch.chdir(repo)
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    assert cli.main(["changes"]) == 0
    assert capsys.readouterr().out == "no record added, changed or removed since HEAD\n"
    assert cli.main(["changes", "--since", "HEAD~1"]) == 0
    assert capsys.readouterr().out.splitlines() == EXPECTED


def test_changes_ignores_formatting_only_edits(repo, capsys):
    path = repo / "data" / "actions.yaml"
    path.write_text(path.read_text().replace("date: 2026-02-17", "date: '2026-02-17'"))
    assert cli.main(["changes", "--data-dir", str(repo / "data")]) == 0
    assert capsys.readouterr().out == "no record added, changed or removed since HEAD\n"


def test_a_file_new_since_the_revision_is_all_added(repo, capsys):
    git(repo, "rm", "--quiet", "--cached", "data/statistics.yaml")
    git(repo, "commit", "--quiet", "-m", "untrack statistics")
    assert cli.main(["changes", "--data-dir", str(repo / "data")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        'statistics.yaml: added stc-es-ai-nudes-one-in-five-2025 ("Young people in Spain who say '
        'AI fake nudes of them were shared while they were minors")',
        'statistics.yaml: added ncmec-gai-reports-2024 ("Reports to NCMEC involving generative AI")',
    ]


def test_not_a_git_repository_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    shutil.copytree(VALID_DATA, tmp_path / "data")
    assert cli.main(["changes", "--data-dir", str(tmp_path / "data")]) == 1
    assert capsys.readouterr() == (
        "",
        f"error: {tmp_path}/data is not inside a git repository; "
        "run this in the project's git checkout\n",
    )


def test_unknown_revision_is_one_line_and_exit_1(repo, capsys):
    assert cli.main(["changes", "--since", "v9.9", "--data-dir", str(repo / "data")]) == 1
    assert capsys.readouterr() == (
        "",
        "error: unknown revision 'v9.9'; give a commit, branch or tag that exists "
        "(git log --oneline lists commits)\n",
    )


def test_unreadable_file_is_one_line_and_exit_1(repo, capsys):
    path = repo / "data" / "platforms.yaml"
    path.write_text(path.read_text() + "  - {broken\n")
    assert cli.main(["changes", "--data-dir", str(repo / "data")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"error: {path} cannot be read: line ")
    assert err.endswith(
        "; fix it (.venv/bin/python -m dashboard validate shows every problem) and run again\n"
    )
    assert err.count("\n") == 1


def test_missing_data_folder_is_one_line(tmp_path, capsys):
    assert cli.main(["changes", "--data-dir", str(tmp_path / "nope")]) == 1
    assert capsys.readouterr().err == (
        f"error: data folder {tmp_path}/nope not found; pass --data-dir with the data folder\n"
    )


def test_errors_never_show_a_traceback(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "changes", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "GIT_CEILING_DIRECTORIES": str(tmp_path.parent)},
        cwd=ROOT,
    )
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


# Dockerfile, pre-commit, CI


def dockerfile_instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continuation lines joined."""
    joined = re.sub(r"\\\n", " ", path.read_text())
    pairs = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, rest = line.partition(" ")
            pairs.append((name.upper(), rest.strip()))
    return pairs


def test_dockerfile_runs_streamlit_as_a_non_root_user_with_a_health_check():
    steps = dockerfile_instructions(ROOT / "Dockerfile")
    known = {"FROM", "RUN", "COPY", "WORKDIR", "ENV", "USER", "EXPOSE", "HEALTHCHECK", "CMD", "ARG"}
    assert {name for name, _ in steps} <= known
    assert steps[0] == ("FROM", "python:3.11-slim")
    args = {name: rest for name, rest in steps}  # the last of each instruction counts
    assert args["USER"] not in ("root", "0", "")
    assert args["EXPOSE"] == "8501"
    assert "http://127.0.0.1:8501/_stcore/health" in args["HEALTHCHECK"]
    assert any("pip install --no-cache-dir -r requirements.txt" in rest for _, rest in steps)
    assert yaml.safe_load(args["CMD"]) == [
        "streamlit",
        "run",
        "app.py",
        "--server.address=0.0.0.0",
        "--server.port=8501",
        "--server.headless=true",
    ]
    user_at = [name for name, _ in steps].index("USER")
    assert all(name != "RUN" for name, _ in steps[user_at:]), "install as root, then drop it"


def test_dockerfile_health_check_command_is_valid_python():
    check = dict(dockerfile_instructions(ROOT / "Dockerfile"))["HEALTHCHECK"]
    command = shlex.split(check.split(" CMD ", 1)[1])
    assert command[:2] == ["python", "-c"]
    compile(command[2], "HEALTHCHECK", "exec")


def test_dockerignore_keeps_the_image_small_and_secret_free():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", "node_modules", ".venv", "export/", "__pycache__"} <= ignored
    assert {".pytest_cache", ".hypothesis", "test-artifacts", ".streamlit/secrets.toml"} <= ignored


def test_pre_commit_validates_data_and_runs_ruff_without_downloads(data_copy):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (local,) = config["repos"]
    assert local["repo"] == "local"
    hooks = {hook["id"]: hook for hook in local["hooks"]}
    assert all(hook["language"] == "system" for hook in hooks.values())
    validate = hooks["validate-data"]
    assert validate["files"] == r"^data/.*\.yaml$" and validate["pass_filenames"] is False
    pattern = re.compile(validate["files"])
    assert pattern.search("data/actions.yaml") and not pattern.search("src/dashboard/data.py")
    entry = shlex.split(validate["entry"])
    assert entry[:4] == ["python", "-m", "dashboard", "validate"]
    run = subprocess.run(
        [sys.executable, *entry[1:]], cwd=data_copy.parent, capture_output=True, check=False
    )
    assert run.returncode == 0, run.stdout
    assert "ruff check" in hooks["ruff-check"]["entry"]
    assert "ruff format" in hooks["ruff-format"]["entry"]


def test_workflow_runs_the_test_script_on_python_3_11_to_3_13():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "tests.yml").read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request"} <= set(triggers)
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"
    steps = job["steps"]
    setup = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "${{ matrix.python-version }}"
    assert job["strategy"]["matrix"]["python-version"] == ["3.11", "3.12", "3.13"]
    assert any(step.get("uses", "").startswith("actions/checkout") for step in steps)
    assert steps[-1]["run"] == "bash scripts/test.sh"
