"""The server settings every deployment reads (.streamlit/config.toml, from the project root)."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).parents[2] / ".streamlit" / "config.toml"


def settings() -> dict:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))


def test_no_full_garbage_collection_after_every_run():
    # Streamlit's default gc.collect(2) after each run was 41 % of a page's CPU under load.
    assert settings()["runner"]["postScriptGC"] is False


def test_no_code_watcher_and_no_rerun_on_save():
    server = settings()["server"]
    assert server["fileWatcherType"] == "none" and server["runOnSave"] is False


def test_readers_see_no_error_details_or_developer_menu():
    client = settings()["client"]
    assert client["showErrorDetails"] == "none" and client["toolbarMode"] == "viewer"
