"""Load + validate time against a bare parse with PyYAML's C loader, at 1k, 10k and 100k actions.

Run: .venv/bin/python bench/bench_load.py [--sizes 1000,10000,100000]
Goals: load + validate at most 2x the bare C parse, growing linearly; a restart with unchanged
files (the snapshot) under a tenth of the cold time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_dataset  # noqa: E402

from dashboard import data  # noqa: E402


def timed(function, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    print(f"{'actions':>8} {'bare C parse':>13} {'load+validate':>14} {'ratio':>6} "
          f"{'records/s':>10} {'snapshot':>9} {'snap/cold':>9}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        os.environ[data.CACHE_DIR_ENV] = str(Path(tmp) / "snapshots")
        for size in (int(part) for part in args.sizes.split(",")):
            folder = write_dataset(Path(tmp) / f"d{size}", size)
            text = (folder / "actions.yaml").read_text(encoding="utf-8")
            repeat = 3 if size <= 10000 else 1
            bare = timed(lambda text=text: yaml.load(text, Loader=yaml.CSafeLoader), repeat)
            result = None

            def cold(folder=folder):
                nonlocal result
                result = data.load(folder, use_snapshot=False)

            full = timed(cold, repeat)
            assert result is not None and result.ok, result.problems[:3]
            data.load(folder)  # writes the snapshot
            snap = timed(lambda folder=folder: data.load(folder), repeat)
            print(f"{size:>8} {bare:>12.2f}s {full:>13.2f}s {full / bare:>6.2f} "
                  f"{size / full:>10,.0f} {snap:>8.3f}s {snap / full:>9.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
