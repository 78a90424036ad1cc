"""English and Spanish must state the same facts: the numbers and years in a title or summary.

Each language writes numbers its own way ("1,000" and "4.7 million" in English, "1000", "10.000" and
"4,7 millones" in Spanish), so each text is read into values with the scale words applied, and the
two sets of values are compared. Words for numbers ("one in five") are not read: only digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# Fields whose two languages must agree on every number they mention.
CHECKED_FIELDS = ("title", "summary", "label")

_SEP = {"en": ",", "es": "."}  # thousands separator
_DEC = {"en": ".", "es": ","}  # decimal mark
_SPACE = " \u00a0\u202f"
_SCALES = {
    "en": [
        (r"(?:bn|billion)\b", 1e9),
        (r"(?:m|mn|million)\b", 1e6),
        (r"(?:k|thousand)\b", 1e3),
    ],
    "es": [
        (r"mil\s+millones\b", 1e9),
        (r"(?:millón|millones|M)\b", 1e6),
        (r"mil\b", 1e3),
    ],
}


def _pattern(lang: str) -> re.Pattern[str]:
    sep, dec = re.escape(_SEP[lang]), re.escape(_DEC[lang])
    spaced = f"[{_SPACE}]" if lang == "es" else "(?!)"
    scales = "|".join(scale for scale, _ in _SCALES[lang])
    return re.compile(
        rf"(?<![\w.,])(\d{{1,3}}(?:(?:{sep}|{spaced})\d{{3}})+|\d+)(?:{dec}(\d+))?"
        rf"(?:[{_SPACE}]?(?P<scale>{scales}))?",
        re.IGNORECASE,
    )


_PATTERNS = {lang: _pattern(lang) for lang in _SEP}


def numbers(text: str, lang: str) -> set[str]:
    """The numbers a text mentions, each as its digits ("4,7 millones" -> "4700000").

    Unscaled numbers keep only their digits, so a law number written "15.211" in both languages, or
    "4.7" against "4,7", reads the same whatever the language's separators.
    """
    found = set()
    for match in _PATTERNS[lang].finditer(text):
        scale = match["scale"]
        if not scale:
            found.add(re.sub(r"\D", "", match[0]))
            continue
        whole = re.sub(rf"[{re.escape(_SEP[lang])}{_SPACE}]", "", match[1])
        value = float(f"{whole}.{match[2]}" if match[2] else whole)
        for pattern, factor in _SCALES[lang]:
            if re.fullmatch(pattern, scale, re.IGNORECASE):
                value *= factor
                break
        found.add(f"{value:.0f}" if value == int(value) else f"{value:g}")
    return found


def _shown(values: set[str]) -> str:
    return ", ".join(sorted(values, key=lambda value: (len(value), value)))


def mismatch(english: str, spanish: str) -> str | None:
    """What the two texts disagree on, or None where they mention the same numbers."""
    en, es = numbers(english, "en"), numbers(spanish, "es")
    if en == es:
        return None
    parts = []
    if en - es:
        parts.append(f"only the English says {_shown(en - es)}")
    if es - en:
        parts.append(f"only the Spanish says {_shown(es - en)}")
    return "English and Spanish mention different numbers: " + "; ".join(parts)


def check_records(records: list[Any]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, message) for every checked field whose two languages mention different numbers."""
    for index, record in enumerate(records):
        for field in CHECKED_FIELDS:
            text = getattr(record, field, None)
            if text is None or not hasattr(text, "es") or not text.es:
                continue
            problem = mismatch(text.en, text.es)
            if problem:
                yield ("records", index, field, "es"), problem
