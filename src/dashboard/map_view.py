"""Names the map chart (charts/mapping) shares with the pages that show it: its id and the two
views a reader switches between (rules alone, or rules with a circle of actions per place)."""

from __future__ import annotations

CHART_ID = "map-age-policies"
LAYER_RULES, LAYER_ACTIONS = "rules", "actions"
