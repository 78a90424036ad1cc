"""Valid synthetic data sets in the project's format, for benchmarks (never for publication)."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from dashboard import schema

ROOT = Path(__file__).parents[1]
JURISDICTIONS = ["ESP", "FRA", "IRL", "GBR", "USA", "AUS", "EU", "US-FL", "BRA", "KOR", "ITA"]
PLATFORMS = ["x", "grok", "meta", "tiktok"]


def _action(index: int, rng: random.Random) -> str:
    day = date(2023, 1, 1) + timedelta(days=rng.randrange(1000))
    platforms = ", ".join(rng.sample(PLATFORMS, rng.randrange(0, 3)))
    return f"""  - id: synthetic-action-{index}
    date: {day.isoformat()}
    jurisdiction: {rng.choice(JURISDICTIONS)}
    authority: Synthetic authority {index % 50}
    type: {rng.choice(schema.ACTION_TYPES)}
    platforms: [{platforms}]
    topics: [{rng.choice(schema.TOPICS)}]
    status: {rng.choice(schema.ACTION_STATUSES)}
    title: {{en: Synthetic action number {index}, es: Actuación sintética número {index}}}
    summary: {{en: A generated record used only to measure loading speed.}}
    sources:
      - {{url: "https://example.org/{index}", publisher: Example, published: {day.isoformat()}}}
    verified: true
"""


def write_dataset(folder: Path, actions: int, seed: int = 1) -> Path:
    """A data folder with `actions` synthetic actions and the real other files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in schema.DATASETS:
        if name != "actions.yaml":
            shutil.copy(ROOT / "tests" / "data" / "valid" / name, folder / name)
    # The fixture's correction points at a fixture action; synthetic actions have other ids.
    corrections = (folder / "corrections.yaml").read_text(encoding="utf-8")
    (folder / "corrections.yaml").write_text(corrections.split("records:")[0] + "records: []\n")
    rng = random.Random(seed)
    header = (ROOT / "tests" / "data" / "valid" / "actions.yaml").read_text().split("records:")[0]
    with (folder / "actions.yaml").open("w", encoding="utf-8") as handle:
        handle.write(header + "records:\n")
        for index in range(actions):
            handle.write(_action(index, rng))
    return folder
