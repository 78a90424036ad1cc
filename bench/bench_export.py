"""Time the whole static export on the real data (data/): time per phase and file sizes.

Run: .venv/bin/python bench/bench_export.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from dashboard.charts.registry import all_charts
from dashboard.export.command import export
from dashboard.export.pages import DECK_BUNDLE, PLOTLY_BUNDLE

GOAL_SECONDS = 60
GOAL_PAGE_BYTES = 50_000
BUNDLES = {PLOTLY_BUNDLE, DECK_BUNDLE}


def _kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=Path("data"))
    parser.add_argument("--keep", type=Path, help="export here (must be empty) and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        out = args.keep or Path(scratch) / "site"
        started = time.perf_counter()
        report = export(out, data_dir=args.data_dir, force=False, progress=lambda line: None)
        total = time.perf_counter() - started
        print(f"charts: {len(all_charts())}  files: {len(report.files)}")
        for phase, seconds in report.phases.items():
            print(f"  {phase:<22} {seconds:6.2f} s")
        verdict = "ok" if total < GOAL_SECONDS else "OVER GOAL"
        print(f"total {total:.1f} s   (goal: all charts under {GOAL_SECONDS} s: {verdict})")
        print(f"\npage sizes (goal: each ID.html under {_kb(GOAL_PAGE_BYTES)} besides the bundle):")
        over = 0
        for chart_id in all_charts():
            size = (out / f"{chart_id}.html").stat().st_size
            flag = "ok" if size < GOAL_PAGE_BYTES else "OVER GOAL"
            over += size >= GOAL_PAGE_BYTES
            print(f"  {chart_id + '.html':<34} {_kb(size):>11}  {flag}")
        print("\nshared files:")
        for name in sorted(BUNDLES | {"embed.js", "index.html", "datapackage.json"}):
            if (out / name).exists():
                print(f"  {name:<34} {_kb((out / name).stat().st_size):>11}")
        images = sum((out / n).stat().st_size for n in report.files if n.endswith((".png", ".svg")))
        data_files = sum(
            (out / n).stat().st_size for n in report.files if n.endswith((".csv", ".json"))
        )
        print(
            f"  {'all images':<34} {_kb(images):>11}\n  {'all CSV/JSON':<34} {_kb(data_files):>11}"
        )
    return 0 if total < GOAL_SECONDS and not over else 1


if __name__ == "__main__":
    sys.exit(main())
