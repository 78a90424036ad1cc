"""Writes tests/data/hostile/: the valid fixture with hostile strings in every free-text field.

Run again after changing the valid fixture: python tests/data/make_hostile.py
"""

from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).parent
PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "[click me](javascript:window.__pwned=1)",
    "![pic](javascript:window.__pwned=1)",
    '<a href="javascript:window.__pwned=1">link</a>',
    "{name}<svg onload=window.__pwned=1>",
    "$\\href{javascript:window.__pwned=1}{x}$",
]
# What a source URL may still hold once the validator refuses whitespace, `"` and `<>`: a single
# quote, parentheses and brackets (they end a markdown link), `javascript:` and encoded markup.
URL_PAYLOAD = (
    "?q='onmouseover=window.__pwned=1&r=)](javascript:window.__pwned=1)&s=%22%3E%3Cscript%3E"
    "window.__pwned=1%3C/script%3E"
)
# Fields whose values are codes, ids, enumerations, dates or numbers: the validator would refuse
# hostile text there, so they keep their values.
STRUCTURAL = {
    "id", "date", "jurisdiction", "type", "platforms", "topics", "status", "verified", "related",
    "min_age", "parental_consent_below", "absolute_ban_below", "announced", "passed", "effective",
    "value", "unit", "geography", "published", "topic", "sample_size", "comparable_group",
    "kind", "dataset", "record", "currency", "last_reviewed", "license", "coverage_end", "added",
    "last_checked", "next_expected", "headline_figure",
}  # fmt: skip


def poison(value: object, key: str, counter: list[int]) -> object:
    if key in STRUCTURAL:
        return value
    if isinstance(value, dict):
        return {
            k: poison(v, k if k not in ("en", "es") else key, counter) for k, v in value.items()
        }
    if isinstance(value, list):
        return [poison(item, key, counter) for item in value]
    if isinstance(value, str):
        if key in ("url", "source"):
            return value + URL_PAYLOAD
        counter[0] += 1
        return f"{value} {PAYLOADS[counter[0] % len(PAYLOADS)]}"
    return value


def main() -> None:
    counter = [0]
    for source in sorted((HERE / "valid").glob("*.yaml")):
        content = yaml.safe_load(source.read_text(encoding="utf-8"))
        content["records"] = [
            {key: poison(value, key, counter) for key, value in record.items()}
            for record in content["records"]
        ]
        content["dataset"]["title"] = poison(content["dataset"]["title"], "title", counter)
        text = "# Test fixture: hostile strings in every text field (made by make_hostile.py).\n"
        text += yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100)
        (HERE / "hostile" / source.name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
