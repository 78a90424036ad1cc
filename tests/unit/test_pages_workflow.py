"""The GitHub Pages workflow: when it runs, and that its export commands work as written."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import VALID_DATA

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_runs_on_pushes_to_main_that_change_data_or_code():
    workflow = _workflow()
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    push = triggers["push"]
    assert push["branches"] == ["main"]
    assert {"data/**", "src/**", "app.py", "app_pages/**", "requirements.txt"} <= set(push["paths"])
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"


def test_exports_with_the_pages_address_and_publishes_the_folder():
    jobs = _workflow()["jobs"]
    steps = jobs["export"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert any(name.startswith("actions/configure-pages@") for name in uses)
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "_site"
    export = next(step for step in steps if "dashboard export" in step.get("run", ""))
    assert export["env"]["EXPORT_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "--export-url" in export["run"]
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_export_commands_build_english_at_the_root_and_spanish_under_es(tmp_path):
    export = next(
        s for s in _workflow()["jobs"]["export"]["steps"] if "dashboard export" in s.get("run", "")
    )
    for line in export["run"].strip().splitlines():
        words = shlex.split(line.replace("$EXPORT_URL", "https://org.github.io/tracker"))
        if words[:3] == ["python", "-m", "dashboard"]:
            words = [sys.executable, *words[1:], "--data-dir", str(VALID_DATA), "--no-images"]
        done = subprocess.run(words, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert done.returncode == 0, (line, done.stderr)
    site = tmp_path / "_site"
    assert (site / "index.html").exists() and (site / "es" / "index.html").exists()
    spanish = (site / "es" / "timeline-actions.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in spanish
    assert "https://org.github.io/tracker/es/timeline-actions.png" in spanish
    gallery = (site / "index.html").read_text(encoding="utf-8")
    assert "https://org.github.io/tracker/embed.js" in gallery
