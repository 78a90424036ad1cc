"""A wheel from PyPI pinned by its sha256, as the source of a build script's files (the map
geometry scripts take Natural Earth and Census Bureau shapes from wheels that ship them)."""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PinnedWheel:
    requirement: str  # e.g. "geopandas==0.14.4"
    file_name: str  # the wheel's file name on PyPI
    sha256: str  # of that file, so every rebuild starts from the same bytes

    def fetch(self, dest: Path) -> Path:
        """Download the wheel (no dependencies) with pip into dest."""
        command = [sys.executable, "-m", "pip", "download", "--no-deps", self.requirement]
        subprocess.run([*command, "-d", str(dest)], check=True)
        return dest / self.file_name

    def check(self, path: Path) -> None:
        """Stop if the wheel is not the pinned one (the outputs would silently change)."""
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != self.sha256:
            raise SystemExit(f"{path}: sha256 {digest} != pinned {self.sha256}")

    def run(self, build: Callable[[Path], None], description: str | None) -> None:
        """The script's command line: `--wheel FILE` builds from a local copy, else from pip."""
        parser = argparse.ArgumentParser(description=description)
        parser.add_argument("--wheel", type=Path, help=f"use this {self.file_name} instead of pip")
        args = parser.parse_args()
        if args.wheel:
            build(args.wheel)
            return
        with tempfile.TemporaryDirectory() as tmp:
            build(self.fetch(Path(tmp)))
