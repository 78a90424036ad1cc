"""English and Spanish texts must mention the same numbers, each written in its own style."""

from __future__ import annotations

import pytest

from dashboard import bilingual


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("1,000 reports in 2025", "1000 denuncias en 2025"),
        ("10,000 reports", "10.000 denuncias"),
        ("4.7 million accounts", "4,7 millones de cuentas"),
        ("US$3.7 bn in abatement", "3700 millones de dólares"),
        ("a fine of 2.5%", "una multa del 2,5 %"),
        ("Law 15.211 of 2025", "Ley 15.211 de 2025"),
        ("on 17 February 2026", "el 17 de febrero de 2026"),
        ("one in five young people", "uno de cada cinco jóvenes"),
        ("A$49.5 m", "49,5 millones de dólares australianos"),
    ],
)
def test_same_numbers_in_each_languages_style_agree(english, spanish):
    assert bilingual.mismatch(english, spanish) is None


def test_a_missing_number_is_named_on_each_side():
    assert bilingual.mismatch(
        "At least 20 girls in 2023", "Más de una veintena de chicas en 2023"
    ) == ("English and Spanish mention different numbers: only the English says 20")
    assert bilingual.mismatch("signed in 2025", "firmada en 2026") == (
        "English and Spanish mention different numbers: only the English says 2025; "
        "only the Spanish says 2026"
    )


def test_spanish_thousands_with_a_space_read_as_one_number():
    assert bilingual.numbers("10\u00a0000 cuentas", "es") == {"10000"}


def test_version_numbers_read_alike():
    assert bilingual.mismatch("COPPA 2.0 and 10,000 fines", "COPPA 2.0 y 10.000 multas") is None


def test_months_must_agree():
    assert bilingual.mismatch("signed on 19 May 2025", "firmada el 19 de mayo de 2025") is None
    assert bilingual.mismatch("signed on 19 May 2025", "firmada el 19 de marzo de 2025") == (
        "English and Spanish name different months: May in English, March in Spanish"
    )
    # The verb "may" and a month without a day or year are not read as dates.
    assert bilingual.months("platforms may face fines from May", "en") == set()
    assert bilingual.months("in June 2026 and on 3 July", "en") == {6, 7}
