"""Headline counts of age rules, defined once.

A reporter quotes these numbers, so each counts one kind of rule at one status and says so: a
non-binding guideline is never a law, a parental-consent rule is never a ban. The overview, the map,
the compare chart, country pages, embeds, exports and the data downloads all count through here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.schema import POLICY_KINDS

# Kinds that bind someone (a platform, a parent): everything but guidance.
BINDING_KINDS = tuple(kind for kind in POLICY_KINDS if kind != "guidance")
# How far a rule has got, furthest first; statuses in one group are level. A jurisdiction with
# several rules is shown with its furthest one (the map, the compare chart).
STATUS_PROGRESS: tuple[tuple[str, ...], ...] = (
    ("in_force",),
    ("passed",),
    ("in_parliament",),
    ("proposed", "announced"),
    ("blocked_by_court",),
    ("repealed", "rejected"),
)
# Status -> its step in STATUS_PROGRESS (0: in force): sort ascending for the furthest first.
PROGRESS_RANK = {status: step for step, group in enumerate(STATUS_PROGRESS) for status in group}
# Jurisdiction codes that are not one country (the EU's institutions, the world).
NOT_A_COUNTRY = ("EU", "WORLD")


@dataclass(frozen=True)
class KindCount:
    """Where rules of one kind are in force: national codes, then sub-national ones (US-FL...)."""

    kind: str
    countries: tuple[str, ...]
    sub_national: tuple[str, ...]

    @property
    def count(self) -> int:
        """The number quoted: countries only, since a state is not a country."""
        return len(self.countries)


def in_force(policies: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The rules of one kind whose status is `in_force`."""
    return policies[(policies["status"].astype(str) == "in_force") & (policies["kind"] == kind)]


def count_kind(policies: pd.DataFrame, kind: str) -> KindCount:
    """Where rules of `kind` are in force, split into countries and sub-national units."""
    codes = sorted(set(in_force(policies, kind)["jurisdiction"]))
    return KindCount(
        kind,
        tuple(code for code in codes if "-" not in code and code not in NOT_A_COUNTRY),
        tuple(code for code in codes if "-" in code),
    )


def headline_counts(policies: pd.DataFrame) -> dict[str, KindCount]:
    """Every kind's count, in the format's order of kinds."""
    return {kind: count_kind(policies, kind) for kind in POLICY_KINDS}


def kinds_in_force(rules: pd.DataFrame) -> dict[str, int]:
    """How many of `rules` (one a row) are in force, by kind: for charts that show one rule a row."""
    live = rules[rules["status"].astype(str) == "in_force"]["kind"].astype(str)
    return {kind: int((live == kind).sum()) for kind in POLICY_KINDS}
