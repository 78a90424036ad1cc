"""Messages of the statistics page and its chart."""

MESSAGES: dict[str, dict[str, str]] = {
    "stats.heading": {"en": "Published figures", "es": "Cifras publicadas"},
    "stats.intro": {
        "en": "Every figure in the data, newest first, with what it measures, who published it, "
        "how it was produced and its caveats. Figures answer different questions: only those in "
        "the same series can be compared with one another.",
        "es": "Todas las cifras de los datos, de la más reciente a la más antigua, con lo que miden, "
        "quién las publicó, cómo se obtuvieron y sus advertencias. Cada cifra responde a una "
        "pregunta distinta: solo las de una misma serie pueden compararse entre sí.",
    },
    "stats.filter.topic": {"en": "Topic", "es": "Tema"},
    "stats.filter.geo": {"en": "Geography", "es": "Ámbito geográfico"},
    "stats.filter.all_topics": {"en": "All topics", "es": "Todos los temas"},
    "stats.filter.all_geos": {"en": "Everywhere", "es": "Todos los ámbitos"},
    "stats.count": {
        "en": "{shown} of {total} figures shown.",
        "es": "Se muestran {shown} de {total} cifras.",
    },
    "stats.count_matching": {
        "en": "{count} match the choices; show all to see the rest.",
        "es": "{count} coinciden con la selección; muestre todas para ver el resto.",
    },
    "stats.cards_heading": {
        "en": "Every figure, with its method",
        "es": "Todas las cifras, con su método",
    },
    "stats.series_all": {
        "en": "All series in one chart (to embed or download)",
        "es": "Todas las series en un gráfico (para insertar o descargar)",
    },
    "stats.published": {"en": "Published {date}", "es": "Publicación: {date}"},
    # The unit after a percentage on an axis tick: Spanish spaces it (20 %), as fmt_percent does.
    "stats.chart.percent_suffix": {"en": "%", "es": "\u00a0%"},
    "stats.survey.title": {
        "en": "What surveys found: shares of the people asked",
        "es": "Lo que hallaron las encuestas: porcentaje de las personas consultadas",
    },
    "stats.survey.subtitle": {
        "en": "{count} survey figures from {publishers} publishers in {places} places; each bar "
        "says who was asked. Different surveys asked different people: compare with care.",
        "es": "{count} cifras de encuestas de {publishers} editores en {places} lugares; cada "
        "barra dice a quién se preguntó. Cada encuesta consultó a personas distintas: compare "
        "con cuidado.",
    },
    "stats.survey.alt": {
        "en": "Bar chart of {count} survey shares, largest first ({top}). {parts}.",
        "es": "Gráfico de barras de {count} porcentajes de encuestas, de mayor a menor ({top}). "
        "{parts}.",
    },
    "stats.survey.empty_alt": {
        "en": "No survey figures match the current filters.",
        "es": "Ninguna cifra de encuesta coincide con los filtros actuales.",
    },
    "stats.series_heading": {"en": "Series that can be compared", "es": "Series comparables"},
    "stats.chart.title": {
        "en": "Comparable figures, one panel per series",
        "es": "Cifras comparables, un panel por serie",
    },
    "stats.chart.subtitle": {
        "en": "{count} series, each on its own scale; the steepest rise within a series: "
        "{label}, from {first} to {last}.",
        "es": "{count} series, cada una en su propia escala; la mayor subida dentro de una serie: "
        "{label}, de {first} a {last}.",
    },
    "stats.chart.subtitle_no_rise": {
        "en": "{count} series, each on its own scale; none rises from its first figure to its last.",
        "es": "{count} series, cada una en su propia escala; ninguna sube de su primera cifra a la última.",
    },
    "stats.chart.alt": {
        "en": "Bar charts of {count} series of comparable figures, one panel each, in order of "
        "publication. {panels}.",
        "es": "Gráficos de barras de {count} series de cifras comparables, un panel por serie, por "
        "orden de publicación. {panels}.",
    },
    "stats.chart.empty_alt": {
        "en": "Bar charts of comparable figures, with none for these filters.",
        "es": "Gráficos de barras de cifras comparables, sin ninguna para estos filtros.",
    },
    "stats.chart.published": {"en": "Published", "es": "Publicada"},
    "stats.chart.unverified_key": {
        "en": "⚠ Unverified (lighter bar)",
        "es": "⚠ Sin verificar (barra más clara)",
    },
    "stats.chart.note": {
        "en": "Each panel has its own scale. Never compare bars across panels: the series count "
        "different things in different ways.",
        "es": "Cada panel tiene su propia escala. No compare barras de paneles distintos: las series "
        "miden cosas diferentes de formas diferentes.",
    },
}
