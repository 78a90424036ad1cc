"""Colour-blind-safe colours (Okabe & Ito) and the colour keys of the data's categories."""

from __future__ import annotations

# Okabe & Ito, "Color Universal Design" (2008): distinguishable with every common colour deficiency.
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#8C8C8C"
LIGHT_GREY = "#D9D9D9"
INK = "#1F2430"

# Fifteen action types are too many colours to tell apart; readers see five families.
TYPE_GROUPS: dict[str, tuple[str, ...]] = {
    "inquiry": ("investigation", "formal_proceedings", "request_for_information", "raid"),
    "enforcement": ("fine", "order", "block_or_ban", "settlement"),
    "justice": ("prosecution_referral", "criminal_case", "court_ruling"),
    "lawmaking": ("law_enacted", "law_proposed", "regulation_guidance"),
    "other": ("other",),
}
TYPE_GROUP_OF = {kind: group for group, kinds in TYPE_GROUPS.items() for kind in kinds}
TYPE_GROUP_COLOURS = {
    "inquiry": BLUE,
    "enforcement": VERMILLION,
    "justice": PURPLE,
    "lawmaking": GREEN,
    "other": GREY,
}

# Minimum-age status on the map and in comparisons, from most to least settled.
POLICY_STATUS_COLOURS = {
    "in_force": BLUE,
    "passed": SKY_BLUE,
    "in_parliament": GREEN,
    "proposed": ORANGE,
    "announced": ORANGE,
    "blocked_by_court": PURPLE,
    "repealed": GREY,
    "rejected": GREY,
    "none": LIGHT_GREY,
}


def rgb(hex_colour: str, alpha: int | None = None) -> list[int]:
    """'#0072B2' -> [0, 114, 178] (+ alpha), as deck.gl wants colours."""
    value = hex_colour.lstrip("#")
    channels = [int(value[index : index + 2], 16) for index in (0, 2, 4)]
    return [*channels, alpha] if alpha is not None else channels
