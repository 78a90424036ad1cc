"""Messages of the timeline page and its charts."""

MESSAGES: dict[str, dict[str, str]] = {
    "timeline.heading": {"en": "Timeline of actions", "es": "Cronología de actuaciones"},
    "timeline.intro": {
        "en": "Every investigation, referral, ruling, fine and law in the data, by date. "
        "Hollow markers: only the month is known. Choose a point to read the record and its sources.",
        "es": "Cada investigación, remisión, resolución, multa y ley de los datos, por fecha. "
        "Marcadores huecos: solo se conoce el mes. Elija un punto para leer el registro y sus fuentes.",
    },
    "timeline.lanes": {"en": "Rows", "es": "Filas"},
    "timeline.by_jurisdiction": {"en": "By jurisdiction", "es": "Por jurisdicción"},
    "timeline.by_platform": {"en": "By platform", "es": "Por plataforma"},
    "timeline.title": {
        "en": "Actions over time, by jurisdiction",
        "es": "Actuaciones a lo largo del tiempo, por jurisdicción",
    },
    "timeline.title_platforms": {
        "en": "Actions over time, by platform",
        "es": "Actuaciones a lo largo del tiempo, por plataforma",
    },
    "timeline.subtitle": {
        "en": "{count} actions in {places} jurisdictions; the busiest month was {month}, with {month_count}.",
        "es": "{count} actuaciones en {places} jurisdicciones; el mes con más fue {month}, con {month_count}.",
    },
    "timeline.subtitle_platforms": {
        "en": "{count} actions naming a platform; {top} was named most often ({top_count}).",
        "es": "{count} actuaciones que citan una plataforma; {top} es la más citada ({top_count}).",
    },
    "timeline.alt": {
        "en": "Timeline chart of {count} actions dated from {start} to {end}, one row per {lane}. "
        "Most actions: {top}. By kind: {groups}.",
        "es": "Gráfico cronológico de {count} actuaciones fechadas entre {start} y {end}, una fila por {lane}. "
        "Con más actuaciones: {top}. Por tipo: {groups}.",
    },
    "timeline.lane_jurisdiction": {"en": "jurisdiction", "es": "jurisdicción"},
    "timeline.lane_platform": {"en": "platform", "es": "plataforma"},
    "timeline.empty_alt": {
        "en": "Timeline chart with no actions for these filters.",
        "es": "Gráfico cronológico sin actuaciones para estos filtros.",
    },
    "timeline.month_only": {"en": "Only the month is known", "es": "Solo se conoce el mes"},
    "timeline.unverified": {"en": "Unverified", "es": "Sin verificar"},
    "timeline.hover.platforms": {"en": "Platforms", "es": "Plataformas"},
    "timeline.hover.source": {"en": "Source", "es": "Fuente"},
    "timeline.selected": {"en": "Selected record", "es": "Registro seleccionado"},
    "timeline.range.6m": {"en": "6 months", "es": "6 meses"},
    "timeline.range.1y": {"en": "1 year", "es": "1 año"},
    "timeline.range.all": {"en": "All", "es": "Todo"},
}
