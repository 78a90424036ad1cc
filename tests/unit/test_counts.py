"""Headline counts: one kind of rule at one status each; guidance is never a law."""

from __future__ import annotations

import pandas as pd

from dashboard import counts
from dashboard.schema import POLICY_KINDS, POLICY_STATUSES


def policies() -> pd.DataFrame:
    """One rule of each kind in force in its own country, one of each kind at every other status,
    plus a state ban and an EU-level rule in force."""
    rows = []
    for number, kind in enumerate(POLICY_KINDS):
        for status in POLICY_STATUSES:
            code = f"C{number}{'F' if status == 'in_force' else status[:2].upper()}"
            rows.append({"jurisdiction": code, "kind": kind, "status": status})
    rows.append({"jurisdiction": "US-FL", "kind": "ban", "status": "in_force"})
    rows.append({"jurisdiction": "EU", "kind": "ban", "status": "in_force"})
    frame = pd.DataFrame(rows)
    frame["status"] = pd.Categorical(frame["status"], categories=POLICY_STATUSES)
    return frame


def test_each_kind_counts_only_its_rules_in_force():
    found = counts.headline_counts(policies())
    assert list(found) == list(POLICY_KINDS)
    for number, kind in enumerate(POLICY_KINDS):
        assert found[kind].countries == (f"C{number}F",)
        assert found[kind].count == 1


def test_states_and_the_eu_are_not_countries():
    bans = counts.count_kind(policies(), "ban")
    assert bans.sub_national == ("US-FL",)
    assert "EU" not in bans.countries
    assert bans.count == 1


def test_guidance_is_not_a_binding_kind():
    assert "guidance" not in counts.BINDING_KINDS
    assert set(counts.BINDING_KINDS) == set(POLICY_KINDS) - {"guidance"}


def test_kinds_in_force_counts_rows_by_kind():
    tally = counts.kinds_in_force(policies())
    assert tally == {"ban": 3, "consent": 1, "feature_limits": 1, "age_checks": 1, "guidance": 1}


def test_every_policy_status_has_one_step_of_progress():
    steps = [status for group in counts.STATUS_PROGRESS for status in group]
    assert sorted(steps) == sorted(POLICY_STATUSES)  # each once, none unknown
    rank = counts.PROGRESS_RANK
    assert rank["in_force"] < rank["passed"] < rank["in_parliament"] < rank["proposed"]
    assert rank["proposed"] == rank["announced"] < rank["blocked_by_court"] < rank["repealed"]
    assert rank["repealed"] == rank["rejected"]
