"""Jurisdiction codes (ISO 3166-1 alpha-3, ISO 3166-2, `EU`, `WORLD`) and their names, via pycountry."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

EU = "EU"
WORLD = "WORLD"
# Names for the two codes that are not ISO 3166 entries.
_SPECIAL_NAMES = {
    EU: {"en": "European Union", "es": "Unión Europea"},
    WORLD: {"en": "World", "es": "Mundo"},
}


@cache
def is_known_jurisdiction(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code, an ISO 3166-2 code or `EU`."""
    if code == EU:
        return True
    if "-" in code:
        return pycountry.subdivisions.get(code=code) is not None
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def country_of(code: str) -> str:
    """The alpha-3 code of the country a jurisdiction lies in (`US-FL` -> `USA`); `EU` stays `EU`."""
    if "-" not in code:
        return code
    country = pycountry.countries.get(alpha_2=code.split("-", 1)[0])
    return country.alpha_3 if country else code


@cache
def _translation(domain: str, lang: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


@cache
def jurisdiction_name(code: str, lang: str = "en") -> str:
    """A reader-facing name: `ESP` -> `Spain` / `España`, `US-FL` -> `Florida (United States)`."""
    if code in _SPECIAL_NAMES:
        return _SPECIAL_NAMES[code].get(lang, _SPECIAL_NAMES[code]["en"])
    if "-" in code:
        sub = pycountry.subdivisions.get(code=code)
        if sub is None:
            return code
        country = jurisdiction_name(country_of(code), lang)
        sub_name = _translation("iso3166-2", lang).gettext(sub.name)
        return f"{sub_name} ({country})"
    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return code
    # common_name ("Bolivia") reads better than the formal name where pycountry has one.
    name = getattr(found, "common_name", None) or found.name
    return _translation("iso3166-1", lang).gettext(name)
