"""Search speed: the FTS5 index of 10,000 synthetic actions (both languages), built once, queried.

Run: python bench/bench_search.py [--actions 10000] [--runs 50]
Goal: a query under 50 ms (each query's median and 90th percentile are printed; a shared
machine adds spikes, so the goal is read on the medians).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_dataset  # noqa: E402

from dashboard import data, readers  # noqa: E402
from dashboard.filters import Filters  # noqa: E402

QUERIES = [
    "synthetic", "número 4242", "action 9999", "espana", "Grok", "authority 7", "tik",
    "measure loading speed", "zzzz nothing", "francia",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actions", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_dataset(Path(tmp) / "synthetic", args.actions)
        frames = data.load(folder, use_snapshot=False).frames
    assert frames is not None
    start = time.perf_counter()
    index = readers.SearchIndex(frames)
    built = time.perf_counter() - start
    print(
        f"{len(frames.actions):,} actions: index built in {built * 1000:.0f} ms (once per data version)"
    )
    print(f"{'query':<24}{'hits':>6}{'median':>10}{'p90':>10}")
    medians = []
    for query in QUERIES:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            hits = index.search(query, "en")
            times.append(time.perf_counter() - start)
        medians.append(statistics.median(times))
        p90 = statistics.quantiles(times, n=10)[-1]
        print(f"{query:<24}{len(hits):>6}{medians[-1] * 1000:>8.1f} ms{p90 * 1000:>8.1f} ms")
    allowed = readers.allowed_ids(frames, Filters(jurisdictions=("ESP",)))
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        hits = index.search("synthetic", "en", allowed=allowed)
        times.append(time.perf_counter() - start)
    medians.append(statistics.median(times))
    print(f"{'synthetic, ESP filter':<24}{len(hits):>6}{medians[-1] * 1000:>8.1f} ms")
    print(f"slowest median: {max(medians) * 1000:.1f} ms (goal: under 50 ms)")


if __name__ == "__main__":
    main()
