"""The corpus of broken files: each one fails validation with exactly these located messages."""

from __future__ import annotations

import shutil

import pytest

from dashboard import data
from tests.conftest import BROKEN_DATA, VALID_DATA

# Case file -> the lines the validator prints for it (the data folder's path left out).
EXPECTED = {
    "alias-bomb.actions.yaml": [
        "actions.yaml:1:4: anchors and aliases (&name, *name) are not allowed; write the value out",
    ],
    "bad-date.actions.yaml": [
        "actions.yaml:10:11: records[0].date: '17/02/2026' is not a date (YYYY-MM-DD or YYYY-MM)",
    ],
    "bad-id.actions.yaml": [
        "actions.yaml:29:9: records[1].id: 'IE_DPC Grok' is not a valid id (lower-case words joined by hyphens, like 'es-referral-2026-02-17')",
    ],
    "date-after-review.actions.yaml": [
        "actions.yaml:10:11: records[0].date: '2026-12-01' is after the file's coverage_end (2026-11-20); a record cannot describe events past what sources were searched for",
    ],
    "date-after-coverage-end.actions.yaml": [
        "actions.yaml:10:11: records[0].date: '2026-02-17' is after the file's coverage_end (2026-02-10); a record cannot describe events past what sources were searched for",
        "actions.yaml:26:20: records[0].sources[0].published: '2026-02-17' is after the file's coverage_end (2026-02-10); a record cannot describe events past what sources were searched for",
        "actions.yaml:30:11: records[1].date: '2026-02-17' is after the file's coverage_end (2026-02-10); a record cannot describe events past what sources were searched for",
        "actions.yaml:42:20: records[1].sources[0].published: '2026-02-17' is after the file's coverage_end (2026-02-10); a record cannot describe events past what sources were searched for",
    ],
    # Dated 25 Nov, after the coverage date (allowed: made later) and after the review (refused).
    "correction-after-review.corrections.yaml": [
        "corrections.yaml:9:11: records[0].date: '2026-11-25' is after the file's last_reviewed date (2026-11-20)",
    ],
    "coverage-after-review.actions.yaml": [
        "actions.yaml:7:17: dataset.coverage_end: coverage_end (2026-11-25) is after last_reviewed (2026-11-20); sources cannot have been searched after the review",
    ],
    "review-in-future.actions.yaml": [
        "actions.yaml:6:18: dataset.last_reviewed: last_reviewed (2999-01-01) is in the future",
    ],
    "verified-secondary-only.actions.yaml": [
        "actions.yaml:28:15: records[0].verified: verified: true needs at least one source that is not secondary (an aggregator alone cannot verify a fact)",
    ],
    "history-status-mismatch.age_policies.yaml": [
        "age_policies.yaml:14:13: records[0].status: status is 'in_force' but the last history step (history[0], 2024-11-29) says 'passed'; add a history step or fix the status",
    ],
    "unknown-policy-kind.age_policies.yaml": [
        "age_policies.yaml:32:11: records[1].kind: 'prohibition' is not a known policy kind; allowed: ban, consent, feature_limits, age_checks, guidance",
    ],
    "numbers-differ.actions.yaml": [
        "actions.yaml:19:11: records[0].title.es: English and Spanish mention different numbers: only the Spanish says 2025",
    ],
    "date-order-broken.age_policies.yaml": [
        "age_policies.yaml:35:16: records[1].effective: effective (2026-01) is before announced (2026-02-03); the order is announced, passed, effective",
    ],
    "deep-nesting.actions.yaml": [
        "actions.yaml:3:68: nesting deeper than 64 levels",
    ],
    "duplicate-id.actions.yaml": [
        "actions.yaml:29:9: records[1].id: duplicate id 'es-prosecutor-referral-2026-02-17' (already used by records[0])",
    ],
    "duplicate-key.actions.yaml": [
        "actions.yaml:17:5: duplicate key 'status' in this mapping; YAML would keep only the last one",
    ],
    "empty.actions.yaml": [
        "actions.yaml:1:1: the file is empty; it needs a 'dataset:' and a 'records:' part",
    ],
    "history-out-of-order.age_policies.yaml": [
        "age_policies.yaml:26:16: records[0].history[0].date: '2026-11-29' is after the file's coverage_end (2026-11-20); a record cannot describe events past what sources were searched for",
        "age_policies.yaml:27:16: records[0].history[1].date: history steps must be listed oldest first",
    ],
    "impossible-date.actions.yaml": [
        "actions.yaml:10:11: records[0].date: '2026-02-30' is not a real calendar date",
    ],
    "javascript-url.actions.yaml": [
        "actions.yaml:24:14: records[0].sources[0].url: 'javascript:alert(document.cookie)' is not a web address (it must start with http:// or https://)",
    ],
    "min-age-out-of-range.age_policies.yaml": [
        "age_policies.yaml:43:14: records[2].min_age: must be at least 10, not 9",
    ],
    "missing-dataset-block.platforms.yaml": [
        "platforms.yaml:1:1: dataset: required field 'dataset' is missing",
    ],
    "missing-required-field.actions.yaml": [
        "actions.yaml:9:5: records[0].status: required field 'status' is missing",
    ],
    "missing-sources.actions.yaml": [
        "actions.yaml:23:14: records[0].sources: at least one source is required (url, publisher, published)",
    ],
    "no-dated-source.actions.yaml": [
        "actions.yaml:56:7: records[2].sources: at least one source needs its publication date (published)",
    ],
    "non-utf8.actions.yaml": [
        "actions.yaml:18:15: byte 0xf1 is not UTF-8 text; save the file as UTF-8",
    ],
    "only-comments.actions.yaml": [
        "actions.yaml:1:1: the file is empty; it needs a 'dataset:' and a 'records:' part",
    ],
    "percent-above-100.statistics.yaml": [
        "statistics.yaml:12:12: records[0].value: a percent must lie between 0 and 100, not 120",
    ],
    "python-object-tag.actions.yaml": [
        "actions.yaml:12:16: YAML tag '!!python/object/apply:os.system' is not allowed; write plain values",
    ],
    "records-not-a-list.platforms.yaml": [
        "platforms.yaml:8:3: records: must be a list, not a mapping",
    ],
    "spanish-style.actions.yaml": [
        "actions.yaml:22:11: records[0].summary.es: straight quotes 'deepfakes' in Spanish text; write «deepfakes» (inner quotes “…”; docs/spanish-style.md)",
        "actions.yaml:22:11: records[0].summary.es: «bajo la DSA» is not used in the Spanish edition; write «en virtud de» or «con arreglo a» (e.g. «en virtud de la DSA») (docs/spanish-style.md)",
        "actions.yaml:22:11: records[0].summary.es: «deepfakes» in Spanish text; write «ultrafalso» (first mention may be «ultrafalso (deepfake)») (docs/spanish-style.md)",
        "actions.yaml:22:11: records[0].summary.es: first mention of the DSA in this record: write «Ley de Servicios Digitales (DSA)», then «la DSA» (docs/spanish-style.md)",
        "actions.yaml:63:12: records[2].notes.en: internal jargon \"The pack's\" in public text; say what readers need (e.g. 'two independent reports confirm …') (docs/spanish-style.md)",
    ],
    "status-word-contradicts-status.age_policies.yaml": [
        "age_policies.yaml:36:17: records[1].title.en: 'enacts' says the law exists or applies, but the policy's status is announced; describe the step it has reached (docs/spanish-style.md)",
        "age_policies.yaml:36:51: records[1].title.es: 'promulga' says the law exists or applies, but the policy's status is announced; describe the step it has reached (docs/spanish-style.md)",
    ],
    "string-for-number.statistics.yaml": [
        "statistics.yaml:29:12: records[1].value: must be a number, not 'lots'",
    ],
    "syntax-error.actions.yaml": [
        "actions.yaml:15:11: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
    ],
    "tab-indentation.actions.yaml": [
        "actions.yaml:10:1: tab character in the indentation; indent with spaces",
    ],
    "top-level-list.platforms.yaml": [
        "platforms.yaml:1:1: the file must be a mapping with 'dataset:' and 'records:', not a list",
    ],
    "unit-mismatch-in-group.statistics.yaml": [
        "statistics.yaml:30:11: records[1].unit: figures in comparable_group 'youth-deepfake-surveys' must share one unit: 'count' here, 'percent' in 'stc-es-ai-nudes-one-in-five-2025'",
    ],
    "unquoted-year.statistics.yaml": [
        "statistics.yaml:34:13: records[1].period: must be text, not 2024 (put it in quotes: '2024')",
    ],
    "unknown-correction-target.corrections.yaml": [
        "corrections.yaml:11:13: records[0].record: no record 'us-anderegg-ruling-2025' in actions.yaml (did you mean 'us-anderegg-ruling-2025-02'?)",
    ],
    # A renamed record: the timeline's moment would vanish silently; the load stops instead.
    "unknown-key-moment.actions.yaml": [
        "actions.yaml:10:11: dataset.key_moments[0].id: no action 'es-prosecutor-referral-2026-02' in actions.yaml (did you mean 'es-prosecutor-referral-2026-02-17'?)",
        "actions.yaml:17:13: dataset.key_moments[1].label.es: straight quotes 'para desnudar' in Spanish text; write «para desnudar» (inner quotes “…”; docs/spanish-style.md)",
        "actions.yaml:20:65: dataset.overview_moment.label.es: English and Spanish mention different numbers: only the English says 17",
    ],
    "unknown-headline-figure.statistics.yaml": [
        "statistics.yaml:8:20: dataset.headline_figure: no figure 'stc-es-ai-nudes-one-in-five' in statistics.yaml (did you mean 'stc-es-ai-nudes-one-in-five-2025'?)",
    ],
    "headline-figure-not-percent.statistics.yaml": [
        "statistics.yaml:8:20: dataset.headline_figure: 'ncmec-gai-reports-2024' is a count figure; the overview draws the headline figure as 100 people, so it must be a percent",
    ],
    "unknown-currency.age_policies.yaml": [
        "age_policies.yaml:19:46: records[0].max_penalty.currency: 'AUS' is not an ISO 4217 currency code (like 'EUR')",
    ],
    "unknown-field.actions.yaml": [
        "actions.yaml:9:5: records[0].title: required field 'title' is missing",
        "actions.yaml:17:5: records[0].titel: unknown field 'titel' (did you mean 'title'?)",
    ],
    "unknown-jurisdiction.actions.yaml": [
        "actions.yaml:11:19: records[0].jurisdiction: 'SPN' is not a known jurisdiction (ISO 3166-1 alpha-3 like 'ESP', 'EU', or ISO 3166-2 like 'US-FL')",
    ],
    "unknown-platform.actions.yaml": [
        "actions.yaml:14:26: records[0].platforms[2]: unknown platform 'tiktoc' (did you mean 'tiktok'?); platforms must be ids from platforms.yaml",
    ],
    "unknown-related-action.actions.yaml": [
        "actions.yaml:44:15: records[1].related[0]: unknown action 'es-prosecutor-referal-2026-02-17' (did you mean 'es-prosecutor-referral-2026-02-17'?)",
    ],
    "unknown-type.actions.yaml": [
        "actions.yaml:13:11: records[0].type: 'referal' is not a known action type; allowed: investigation, formal_proceedings, prosecution_referral, criminal_case, raid, fine, court_ruling, block_or_ban, law_enacted, law_proposed, regulation_guidance, request_for_information, order, settlement, other",
    ],
    "url-with-quotes.actions.yaml": [
        "actions.yaml:24:14: records[0].sources[0].url: 'https://example.org/a\\n\"><img src=x>' "
        "contains a space, line break, quote or angle bracket; a web address cannot "
        "(write them as %20, %22, %3C, %3E)",
    ],
    "verified-not-boolean.actions.yaml": [
        "actions.yaml:28:15: records[0].verified: must be true or false, not 'yes'",
    ],
}


def test_the_corpus_covers_every_case_on_disk():
    assert sorted(EXPECTED) == sorted(path.name for path in BROKEN_DATA.glob("*.yaml"))
    assert len(EXPECTED) >= 20


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_file_gives_located_messages(case, tmp_path):
    target = case.split(".", 1)[1]
    shutil.copytree(VALID_DATA, tmp_path, dirs_exist_ok=True)
    shutil.copy(BROKEN_DATA / case, tmp_path / target)
    before = (tmp_path / target).read_bytes()

    result = data.load(tmp_path, use_snapshot=False)

    assert result.frames is None
    assert [str(problem).replace(f"{tmp_path}/", "") for problem in result.problems] == EXPECTED[
        case
    ]
    assert (tmp_path / target).read_bytes() == before  # the validator never writes
