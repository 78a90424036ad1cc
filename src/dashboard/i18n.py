"""Reader-facing text and locale formatting (English and Spanish), through one catalogue and Babel."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from typing import Any, Literal

import pandas as pd
from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal, format_percent

from dashboard.messages import merged

Lang = Literal["en", "es"]
LANGUAGES: tuple[Lang, ...] = ("en", "es")
DEFAULT_LANG: Lang = "en"
_LOCALES = {"en": "en", "es": "es_ES"}


@cache
def catalogue() -> dict[str, dict[str, str]]:
    return merged()


# `[[count|one form|other form]]` in a message: the form that the number in `count` takes in the
# message's language, by the CLDR plural rules Babel carries ("1 record", "2 records").
_PLURAL = re.compile(r"\[\[(\w+)\|([^|\]]*)\|([^|\]]*)\]\]")


def _count(value: Any) -> int | None:
    """A count given as a number or as text a formatter wrote ("1", "1.234", "1,234")."""
    if isinstance(value, int | float | Decimal):
        return int(value)
    digits = re.sub(r"[^\d]", "", str(value))
    return int(digits) if digits else None


def _plurals(text: str, lang: str, params: dict[str, Any]) -> str:
    def pick(match: re.Match[str]) -> str:
        number = _count(params.get(match[1], ""))
        one = number is not None and Locale.parse(lang).plural_form(number) == "one"
        return match[2] if one else match[3]

    return _PLURAL.sub(pick, text)


def t(key: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """The message `key` in `lang` with `{placeholders}` and `[[count|one|other]]` filled in."""
    texts = catalogue()[key]
    text = texts.get(lang) or texts["en"]
    if "[[" in text:
        text = _plurals(text, lang, params)
    return text.format(**params) if params else text


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def label(kind: str, value: Any, lang: str = DEFAULT_LANG) -> str:
    """A reader-facing name for an enumeration value: label('type', 'fine', 'es') -> 'Multa'."""
    key = f"{kind}.{value}"
    return t(key, lang) if key in catalogue() else str(value)


def pick_lang(requested: str | None, browser_locale: str | None = None) -> Lang:
    """`?lang=` where valid, else the browser's language where supported, else English."""
    for candidate in (requested, browser_locale):
        if candidate:
            code = candidate.replace("_", "-").split("-")[0].lower()
            if code in LANGUAGES:
                return code  # type: ignore[return-value]
    return DEFAULT_LANG


def fmt_number(value: float | int | None, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    """1286 -> '1,286' (en) / '1.286' (es); fractions keep at most `digits` decimals."""
    if value is None or pd.isna(value):
        return "–"
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    # Babel's es locale drops the grouping of four-digit numbers; journalists write 1.286.
    return format_decimal(value, format=pattern, locale=_LOCALES[lang], group_separator=True)


def fmt_percent(value: float | None, lang: str = DEFAULT_LANG) -> str:
    """20 -> '20%' (en) / '20 %' (es). `value` is in percent points."""
    if value is None or pd.isna(value):
        return "–"
    # The locale's own pattern ("20 %" in Spanish, with a no-break space), keeping one decimal.
    share = Decimal(str(round(float(value), 1))) / 100  # Decimal: no binary noise like 0.333...96
    return format_percent(share, locale=_LOCALES[lang], decimal_quantization=False)


def fmt_date(value: Any, precision: str | None = "day", lang: str = DEFAULT_LANG) -> str:
    """A date as readers write it, keeping its precision: '17 Feb 2026' or 'Feb 2026'."""
    if value is None or pd.isna(value):
        return t("record.no_date", lang)
    day = pd.Timestamp(value).date()
    pattern = "MMM y" if precision == "month" else "d MMM y"
    return _babel_date(day, format=pattern, locale=_LOCALES[lang]).replace(".", "")


def fmt_value(value: float, unit: str, lang: str = DEFAULT_LANG) -> str:
    """A statistic's value by its unit."""
    if unit == "percent":
        return fmt_percent(value, lang)
    return fmt_number(value, lang)


def coverage_line(covered: Any, checked: Any, lang: str) -> str:
    """How current the data is: "Events recorded up to 3 Jul 2026 · checked 29 Nov 2026"."""
    return t(
        "app.coverage", lang, covered=fmt_date(covered, "day", lang),
        checked=fmt_date(checked, "day", lang),
    )  # fmt: skip


def source_line(publishers: Iterable[str], lang: str, shown: int = 3) -> str:
    """'Source: Ofcom, European Commission and 12 more' from the publishers behind a chart."""
    counts = pd.Series(list(publishers), dtype="object").value_counts()
    if counts.empty:
        return t("chart.source", lang, sources=t("value.none", lang))
    names = list(counts.index[:shown])
    rest = len(counts) - len(names)
    joined = ", ".join(names)
    if rest:
        joined += t("chart.and_more", lang, count=rest)
    return t("chart.source", lang, sources=joined)
