"""plotly.js locale dictionaries, so charts speak the reader's language in the app and the export.

The plotly.js bundled with Streamlit, plotly.py (the export's `plotly.min.js`) and kaleido holds
only the `en` and `en-US` locales: `config={"locale": "es"}` alone changes nothing. plotly's config
also takes `locales`, a {name: {dictionary, format}} map registered for that one plot, so the
Spanish locale travels with the chart:

- `format` (month and day names, decimal and thousands separators, date pattern) is generated from
  Babel's CLDR data, the same data `i18n.fmt_date` uses, so axes read "feb 2026" as the text does;
- `dictionary` (modebar tooltips and the few other strings plotly.js draws) is plotly.js's own
  `lib/locales/es.js` (MIT licence), where the translators of plotly.js keep them.

Pure: no Streamlit, no I/O.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from babel.dates import get_day_names, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

# The Babel locale of each language plotly needs a dictionary for (English is built in).
BABEL_LOCALES = {"es": "es_ES"}
# plotly.js's day lists start on Sunday; Babel numbers days from Monday (0) to Sunday (6).
_SUNDAY_FIRST = (6, 0, 1, 2, 3, 4, 5)
# plotly's `date` is a d3 time format for whole dates; this is the one of plotly.js's `es.js`.
_DATE_FORMATS = {"es": "%d/%m/%Y"}

# From plotly.js lib/locales/es.js (MIT): the strings plotly.js itself draws (modebar tooltips,
# hints, the labels of box and OHLC hovers).
_DICTIONARIES: dict[str, dict[str, str]] = {
    "es": {
        "Autoscale": "Autoescalar",
        "Box Select": "Seleccionar Caja",
        "Click to enter Colorscale title": "Introducir el título de la Escala de Color",
        "Click to enter Component A title": "Introducir el título del Componente A",
        "Click to enter Component B title": "Introducir el título del Componente B",
        "Click to enter Component C title": "Introducir el título del Componente C",
        "Click to enter Plot title": "Introducir el título de la Gráfica",
        "Click to enter X axis title": "Introducir el título del eje X",
        "Click to enter Y axis title": "Introducir el título del eje Y",
        "Click to enter radial axis title": "Introducir el título del eje radial",
        "Compare data on hover": "Comparar datos al pasar por encima",
        "Double-click on legend to isolate one trace": (
            "Haga doble-clic en la leyenda para aislar una traza"
        ),
        "Double-click to zoom back out": "Haga doble-clic para restaurar la escala",
        "Download plot as a png": "Descargar gráfica como png",
        "Download plot": "Descargar gráfica",
        "Edit in Chart Studio": "Editar en Chart Studio",
        "IE only supports svg.  Changing format to svg.": (
            "IE solo soporta svg. Cambiando formato a svg."
        ),
        "Lasso Select": "Seleccionar con lazo",
        "Orbital rotation": "Rotación esférica",
        "Pan": "Modo Panorámica",
        "Produced with Plotly.js": "Hecho con Plotly.js",
        "Reset": "Reiniciar",
        "Reset axes": "Reiniciar ejes",
        "Reset camera to default": "Restaurar cámara predeterminada",
        "Reset camera to last save": "Restaurar anterior cámara",
        "Reset view": "Restaurar vista",
        "Reset views": "Restaurar vistas",
        "Show closest data on hover": "Mostrar el dato más cercano al pasar por encima",
        "Snapshot succeeded": "La captura de la instantánea finalizó correctamente",
        "Sorry, there was a problem downloading your snapshot!": (
            "¡La descarga de la instantánea falló!"
        ),
        "Taking snapshot - this may take a few seconds": (
            "Capturando una instantánea - podría tardar unos segundos"
        ),
        "Toggle Spike Lines": "Mostrar/Ocultar Guías",
        "Toggle show closest data on hover": (
            "Activar/Desactivar mostrar el dato más cercano al pasar por encima"
        ),
        "Turntable rotation": "Rotación plana",
        "Zoom": "Modo Ampliar/Reducir",
        "Zoom in": "Ampliar",
        "Zoom out": "Reducir",
        "close:": "cierre:",
        "high:": "alza:",
        "incoming flow count:": "flujo de entrada:",
        "kde:": "edp:",
        "low:": "baja:",
        "lower fence:": "límite inferior:",
        "max:": "máx:",
        "mean ± σ:": "media ± σ:",
        "mean:": "media:",
        "median:": "mediana:",
        "min:": "mín:",
        "new text": "nuevo texto",
        "open:": "apertura:",
        "outgoing flow count:": "flujo de salida:",
        "source:": "fuente:",
        "target:": "destino:",
        "trace": "traza",
        "upper fence:": "límite superior:",
    }
}
# Strings plotly.js 3 (the one Streamlit bundles) added or renamed since plotly.js's es.js was
# written; translated here, in the words of the entries above.
_DICTIONARIES_V3: dict[str, dict[str, str]] = {
    "es": {
        "Download plot as a PNG": "Descargar gráfica como PNG",
        "Download plot as JSON": "Descargar gráfica como JSON",
        "Preparing image - this may take a few seconds": (
            "Preparando la imagen - podría tardar unos segundos"
        ),
        "Image download succeeded": "La descarga de la imagen finalizó correctamente",
        "Sorry, there was a problem downloading your image!": "¡La descarga de la imagen falló!",
        "Click to enter Plot subtitle": "Introducir el subtítulo de la Gráfica",
        "Share chart...": "Compartir gráfica...",
    }
}


def locale_format(lang: str) -> dict[str, Any]:
    """plotly.js's `format` of a locale, from Babel: names of months and days, separators."""
    locale = BABEL_LOCALES[lang]
    months = get_month_names("wide", locale=locale)
    short_months = get_month_names("abbreviated", locale=locale)
    days = get_day_names("wide", locale=locale)
    short_days = get_day_names("abbreviated", locale=locale)
    return {
        "days": [days[day] for day in _SUNDAY_FIRST],
        "shortDays": [short_days[day] for day in _SUNDAY_FIRST],
        "months": [months[month] for month in range(1, 13)],
        # Babel's abbreviations as i18n.fmt_date writes them ("sept", never "sept.").
        "shortMonths": [short_months[month].replace(".", "") for month in range(1, 13)],
        "date": _DATE_FORMATS[lang],
        "decimal": get_decimal_symbol(locale),
        "thousands": get_group_symbol(locale),
    }


@cache
def _locale(lang: str) -> dict[str, Any]:
    dictionary = {**_DICTIONARIES[lang], **_DICTIONARIES_V3.get(lang, {})}
    return {"dictionary": dictionary, "format": locale_format(lang)}


def plotly_locale(lang: str) -> dict[str, Any] | None:
    """The locale plotly.js needs registered for `lang`; None for English (built in)."""
    if lang not in BABEL_LOCALES:
        return None
    locale = _locale(lang)
    return {"dictionary": dict(locale["dictionary"]), "format": dict(locale["format"])}


NO_UPLOAD_BUTTONS = ("sendChartToCloud", "sendDataToCloud")


def plotly_config(lang: str, **config: Any) -> dict[str, Any]:
    """plotly's `config` for a chart in `lang`: `locale`, plus `locales` where plotly lacks it.

    plotly_config("es", displaylogo=False) -> {"displaylogo": False, "modeBarButtonsToRemove":
    [...], "locale": "es", "locales": {"es": {"dictionary": {...}, "format": {...}}}}
    """
    # plotly.js 3 offers to upload the chart to a server ("Share chart..."): never from here.
    removed = [*NO_UPLOAD_BUTTONS, *config.pop("modeBarButtonsToRemove", [])]
    result = {**config, "modeBarButtonsToRemove": removed, "locale": lang}
    locale = plotly_locale(lang)
    if locale is not None:
        result["locales"] = {lang: locale}
    return result


def locale_script(lang: str) -> str:
    """JavaScript that registers `lang` with plotly.js and makes it the default, for renderers
    that take no per-plot config (kaleido drops `config`); '' for English.
    """
    locale = plotly_locale(lang)
    if locale is None:
        return ""
    module = json.dumps({"moduleType": "locale", "name": lang, **locale}, ensure_ascii=False)
    return f"Plotly.register({module});\nPlotly.setPlotConfig({{locale: {json.dumps(lang)}}});\n"
