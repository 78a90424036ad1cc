"""The message catalogue is complete in both languages, and locale formatting reads as readers write."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import messages
from dashboard.i18n import (
    LANGUAGES,
    catalogue,
    fmt_date,
    fmt_number,
    fmt_percent,
    fmt_value,
    label,
    pick_lang,
    placeholders,
    t,
)
from dashboard.jurisdictions import jurisdiction_name
from dashboard.plotly_locale import locale_script, plotly_config, plotly_locale

# Messages whose Spanish is, rightly, the same as the English. Keep this list short: every other
# key must read differently in Spanish, so a copied-over English string fails the test.
SAME_IN_BOTH = {
    "no": "'no' is the same word in both languages",
    "pkind.chatbot": "'Chatbot' is the word Spanish newsrooms use (Fundéu accepts it)",
    "data.skind.original": "'original' is the same word in both languages",
    "value.none": "a dash for a missing value: a symbol, not a word",
    "chart.unverified_mark": "the warning sign before an unverified figure: a symbol, not a word",
}

CATALOGUE = catalogue()
KEYS = sorted(CATALOGUE)


@pytest.mark.parametrize("key", KEYS)
def test_every_key_has_english_and_spanish(key):
    texts = CATALOGUE[key]
    assert set(texts) == set(LANGUAGES), f"{key}: languages {sorted(texts)}"
    for lang in LANGUAGES:
        assert isinstance(texts[lang], str) and texts[lang].strip(), f"{key}: empty {lang}"


@pytest.mark.parametrize("key", KEYS)
def test_placeholders_match(key):
    texts = CATALOGUE[key]
    assert placeholders(texts["en"]) == placeholders(texts["es"]), key


@pytest.mark.parametrize("key", KEYS)
def test_spanish_is_translated(key):
    texts = CATALOGUE[key]
    if key in SAME_IN_BOTH:
        assert texts["es"] == texts["en"], f"{key} is allow-listed but now differs: drop it"
    else:
        assert texts["es"] != texts["en"], f"{key}: Spanish is the English text {texts['en']!r}"


def test_allow_list_is_short_and_real():
    assert len(SAME_IN_BOTH) <= 6
    assert set(SAME_IN_BOTH) <= set(CATALOGUE)


def test_no_key_is_defined_in_two_modules():
    owners: dict[str, list[str]] = {}
    for module in messages.MODULES:
        for key in module.MESSAGES:
            owners.setdefault(key, []).append(module.__name__)
    twice = {key: names for key, names in owners.items() if len(names) > 1}
    assert not twice
    assert len(owners) == len(CATALOGUE)


def test_merge_refuses_a_duplicate(monkeypatch):
    first = messages.MODULES[0]
    key = next(iter(first.MESSAGES))
    copy = type("Dup", (), {"__name__": "dup", "MESSAGES": {key: {"en": "x", "es": "y"}}})
    monkeypatch.setattr(messages, "MODULES", (*messages.MODULES, copy))
    with pytest.raises(ValueError, match="defined twice"):
        messages.merged()


def test_t_fills_placeholders_and_falls_back_to_english():
    assert t("chart.source", "es", sources="Ofcom") == "Fuente: Ofcom"
    assert t("chart.source", "en", sources="Ofcom") == "Source: Ofcom"
    assert t("chart.source", "fr", sources="Ofcom") == "Source: Ofcom"  # unknown language


# Formatting.


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "1,286"), ("es", "1.286")]
)  # fmt: skip
def test_fmt_number_groups_thousands(lang, expected):
    assert fmt_number(1286, lang) == expected


def test_fmt_number_decimals_and_missing():
    assert fmt_number(1286.55, "en") == "1,286.6"
    assert fmt_number(1286.55, "es") == "1.286,6"
    assert fmt_number(12, "es", 0) == "12"
    assert fmt_number(None, "es") == fmt_number(float("nan"), "en") == "–"


@pytest.mark.parametrize(("lang", "expected"), [("en", "20%"), ("es", "20\xa0%")])
def test_fmt_percent(lang, expected):
    assert fmt_percent(20, lang) == expected


def test_fmt_percent_keeps_one_decimal():
    assert fmt_percent(12.34, "en") == "12.3%"
    assert fmt_percent(12.34, "es") == "12,3\xa0%"
    assert fmt_value(20, "percent", "es") == "20\xa0%"
    assert fmt_value(1286, "count", "es") == "1.286"


@pytest.mark.parametrize(
    ("lang", "precision", "expected"),
    [
        ("en", "day", "17 Feb 2026"),
        ("es", "day", "17 feb 2026"),
        ("en", "month", "Feb 2026"),
        ("es", "month", "feb 2026"),
    ],
)
def test_fmt_date_keeps_its_precision(lang, precision, expected):
    assert fmt_date(pd.Timestamp("2026-02-17"), precision, lang) == expected


def test_fmt_date_september_and_missing():
    assert fmt_date("2025-09-03", "day", "es") == "3 sept 2025"  # no abbreviation dot
    assert fmt_date(None, "day", "es") == t("record.no_date", "es")
    assert fmt_date(pd.NaT, "day", "en") == t("record.no_date", "en")


@pytest.mark.parametrize(
    ("requested", "browser", "expected"),
    [
        ("en", "es-ES", "en"),  # the URL beats the browser
        ("es", "en-GB", "es"),
        (None, "es-ES", "es"),
        (None, "es_MX", "es"),
        (None, "ES", "es"),
        (None, "fr-FR", "en"),  # unsupported: English
        ("xx", None, "en"),
        ("xx", "es-AR", "es"),  # an invalid parameter falls through to the browser
        (None, None, "en"),
        ("", "", "en"),
    ],
)
def test_pick_lang(requested, browser, expected):
    assert pick_lang(requested, browser) == expected


def test_label():
    assert label("type", "fine", "es") == "Multa"
    assert label("type", "fine", "en") == "Fine"
    assert label("typegroup", "inquiry", "es") == t("typegroup.inquiry", "es")
    assert label("type", "no_such_type", "es") == "no_such_type"  # unknown values show as they are


@pytest.mark.parametrize(
    ("code", "en", "es"),
    [
        ("ESP", "Spain", "España"),
        ("GBR", "United Kingdom", "Reino Unido"),
        ("US-FL", "Florida (United States)", "Florida (Estados Unidos)"),
        ("EU", "European Union", "Unión Europea"),
    ],
)
def test_jurisdiction_names_in_both_languages(code, en, es):
    assert jurisdiction_name(code, "en") == en
    assert jurisdiction_name(code, "es") == es


# plotly's locale.


def test_plotly_locale_spanish_from_babel():
    locale = plotly_locale("es")
    assert locale is not None
    fmt = locale["format"]
    assert fmt["shortMonths"][:3] == ["ene", "feb", "mar"]
    assert fmt["shortMonths"][8] == "sept"
    assert fmt["months"][0] == "enero" and fmt["months"][11] == "diciembre"
    assert fmt["days"][0] == "domingo" and fmt["shortDays"][1] == "lun"
    assert (fmt["decimal"], fmt["thousands"]) == (",", ".")
    assert len(fmt["months"]) == len(fmt["shortMonths"]) == 12
    assert len(fmt["days"]) == len(fmt["shortDays"]) == 7
    assert locale["dictionary"]["Zoom in"] == "Ampliar"
    assert locale["dictionary"]["Download plot as a PNG"] == "Descargar gráfica como PNG"


def test_plotly_config():
    config = plotly_config("es", displaylogo=False)
    assert config["locale"] == "es" and config["displaylogo"] is False
    assert set(config["locales"]) == {"es"}
    assert plotly_config("en", displaylogo=False) == {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["sendChartToCloud", "sendDataToCloud"],
        "locale": "en",
    }
    # The cached locale is not shared: changing one config leaves the next one intact.
    config["locales"]["es"]["format"]["months"] = []
    assert plotly_config("es")["locales"]["es"]["format"]["months"][0] == "enero"


def test_locale_script_registers_and_defaults():
    script = locale_script("es")
    assert script.startswith("Plotly.register({") and '"moduleType": "locale"' in script
    assert 'Plotly.setPlotConfig({locale: "es"})' in script
    assert '"ene"' in script
    assert locale_script("en") == ""


def test_plotly_config_never_offers_to_upload_a_chart():
    from dashboard.plotly_locale import plotly_config

    for lang in ("en", "es"):
        config = plotly_config(lang, modeBarButtonsToRemove=["lasso2d"])
        assert {"sendChartToCloud", "sendDataToCloud", "lasso2d"} <= set(
            config["modeBarButtonsToRemove"]
        )


def test_plural_forms_follow_the_languages_rules():
    assert t("filters.active", "en", count=1) == "Filtered view: 1 filter active."
    assert t("filters.active", "en", count=2) == "Filtered view: 2 filters active."
    assert t("filters.active", "es", count=1) == "Vista filtrada: 1 filtro activo."
    assert t("filters.active", "es", count="1.234") == "Vista filtrada: 1.234 filtros activos."
    assert t("data.download.all_csv", "en", count="1") == "The only record (CSV)"
    assert t("data.download.all_csv", "es", count="96") == "Los 96 registros (CSV)"
    assert t("country.subnational_line", "es", rules=1, actions=0) == "1 norma, 0 actuaciones"


def test_no_message_writes_a_plural_with_brackets():
    for key, texts in catalogue().items():
        for lang, text in texts.items():
            assert "(s)" not in text and "(es)" not in text, (key, lang)
