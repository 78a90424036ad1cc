"""Two replicas behind HAProxy (`bash deploy/run-replicas.sh 2 PORT`) in headless Chromium.

A download is served from the memory of the process that holds the reader's session, so it only
arrives when the balancer sends the download request to that replica: HAProxy's SRV cookie.
Two readers (two browser contexts) land on the two replicas (round-robin), and each gets its
CSV whole from its own replica.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import data, datasets
from tests.browser.streamlit_server import replica_states, replicas_server
from tests.conftest import VALID_DATA

pytestmark = pytest.mark.browser

READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
DOWNLOAD = '[data-testid="stDownloadButton"] button'


@pytest.fixture(scope="module")
def balancer() -> Iterator[str]:
    with replicas_server(2, VALID_DATA) as process:
        yield process.url  # type: ignore[attr-defined]


def expected_csv(file_stem: str) -> bytes:
    """The whole dataset as the app encodes it for its download button."""
    result = data.load(VALID_DATA, use_snapshot=False)
    assert result.ok, result.problems
    return datasets.to_csv_bytes(datasets.dataset_frame(result.frames, f"{file_stem}.yaml"))


def download_first_csv(context, url: str, tmp_path: Path) -> tuple[str, bytes]:
    """Opens /data in `context`, clicks the first download button (a whole dataset as CSV),
    returns the suggested file name and the bytes that arrived."""
    page = context.new_page()
    page.goto(f"{url}/data", wait_until="domcontentloaded")
    page.wait_for_selector(READY, timeout=60000)
    button = page.locator(DOWNLOAD).first
    button.wait_for(timeout=30000)
    assert "CSV" in button.inner_text()
    with page.expect_download(timeout=30000) as info:
        button.click()
    download = info.value
    assert download.failure() is None
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return download.suggested_filename, target.read_bytes()


def test_both_replicas_are_up_behind_the_balancer(balancer):
    assert replica_states(balancer) == {"app1": "UP", "app2": "UP"}


def test_each_reader_sticks_to_one_replica_and_downloads_a_whole_csv(balancer, chromium, tmp_path):
    replicas = set()
    for reader in ("first", "second"):
        context = chromium.new_context(viewport={"width": 1200, "height": 900})
        try:
            name, body = download_first_csv(context, balancer, tmp_path / reader)
            cookies = {cookie["name"]: cookie["value"] for cookie in context.cookies()}
        finally:
            context.close()
        # The balancer's cookie, set on the first response, routed the websocket and download.
        assert cookies.get("SRV") in {"app1", "app2"}, cookies
        replicas.add(cookies["SRV"])
        assert name.endswith(".csv") and "-filtered" not in name
        expected = expected_csv(name.removesuffix(".csv"))
        assert len(body) == len(expected)
        assert body == expected
    # Round-robin: the second reader's first request went to the other replica.
    assert replicas == {"app1", "app2"}
    assert replica_states(balancer) == {"app1": "UP", "app2": "UP"}
