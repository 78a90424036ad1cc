"""English and Spanish must state the same facts: the numbers, years and months in a title or summary.

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
    # Spanish may group thousands with a (narrow) non-breaking space: "10 000".
    spaced = rf"(?:[{_SPACE}]\d{{3}}(?!\d))*" if lang == "es" else ""
    scales = "|".join(scale for scale, _ in _SCALES[lang])
    return re.compile(
        rf"(?<![\w.,])(\d+(?:[.,]\d+)*{spaced})(?:[{_SPACE}]?(?P<scale>{scales}))?",
        re.IGNORECASE,
    )


_PATTERNS = {lang: _pattern(lang) for lang in _SEP}


def _value(number: str, lang: str) -> float:
    """A number written in `lang`'s style as a float ("4,7" in Spanish is 4.7)."""
    whole = re.sub(rf"[{re.escape(_SEP[lang])}{_SPACE}]", "", number)
    return float(whole.replace(_DEC[lang], "."))


def numbers(text: str, lang: str) -> set[str]:
    """The numbers a text mentions, each as its digits ("4,7 millones" -> "4700000").

    Unscaled numbers keep only their digits, so a law number written "15.211", a version "2.0",
    or "4.7" against "4,7" read the same whatever the language's separators.
    """
    found = set()
    for match in _PATTERNS[lang].finditer(text):
        scale = match["scale"]
        if not scale:
            found.add(re.sub(r"\D", "", match[1]))
            continue
        value = _value(match[1], lang)
        for pattern, factor in _SCALES[lang]:
            if re.fullmatch(pattern, scale, re.IGNORECASE):
                value *= factor
                break
        found.add(f"{value:.0f}" if value == int(value) else f"{value:g}")
    return found


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}
# A month name counts only beside a day or a year ("17 May", "May 2026", "17 de mayo de 2026"), so
# the verb "may" and other words are never read as months. English month names are capitalised.
_MONTH_PATTERNS = {
    "en": re.compile(
        rf"(?:\b\d{{1,2}}\s+({'|'.join(_MONTHS['en'].split())})\b)"
        rf"|(?:\b({'|'.join(_MONTHS['en'].split())})\s+(?:\d{{1,2}},?\s+)?\d{{4}}\b)"
    ),
    "es": re.compile(
        rf"(?:\b\d{{1,2}}\s+de\s+({'|'.join(_MONTHS['es'].split())})\b)"
        rf"|(?:\b({'|'.join(_MONTHS['es'].split())})\s+de\s+\d{{4}}\b)",
        re.IGNORECASE,
    ),
}


def months(text: str, lang: str) -> set[int]:
    """The months (1-12) a text names beside a day or a year."""
    names = _MONTHS[lang].split()
    found = set()
    for match in _MONTH_PATTERNS[lang].finditer(text):
        name = (match[1] or match[2]).lower()
        found.add([n.lower() for n in names].index(name) + 1)
    return found


def _month_names(values: set[int]) -> str:
    return ", ".join(_MONTHS["en"].split()[value - 1] for value in sorted(values))


def _shown(values: set[str]) -> str:
    return ", ".join(sorted(values, key=lambda value: (len(value), value)))


def mismatch(english: str, spanish: str) -> str | None:
    """What the two texts disagree on, or None where they mention the same numbers and months."""
    en, es = numbers(english, "en"), numbers(spanish, "es")
    if en != es:
        parts = []
        if en - es:
            parts.append(f"only the English says {_shown(en - es)}")
        if es - en:
            parts.append(f"only the Spanish says {_shown(es - en)}")
        return "English and Spanish mention different numbers: " + "; ".join(parts)
    en_months, es_months = months(english, "en"), months(spanish, "es")
    if en_months != es_months:
        return (
            "English and Spanish name different months: "
            f"{_month_names(en_months) or 'none'} in English, "
            f"{_month_names(es_months) or 'none'} in Spanish"
        )
    return None


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
