"""One chart built for the export: what pages, images and data files are made from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.charts.types import Chart, ChartText


@dataclass
class BuiltChart:
    """One chart built for the export."""

    chart: Chart
    frame: pd.DataFrame
    figure: Any
    text: ChartText
