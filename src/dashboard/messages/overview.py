"""Messages of the overview page and its charts."""

MESSAGES: dict[str, dict[str, str]] = {
    "overview.heading": {"en": "The story in numbers", "es": "La historia en cifras"},
    "overview.intro": {
        "en": "A survey figure that frames the problem, then what governments, regulators and "
        "courts have done, counted from the records in this tracker.",
        "es": "Un dato de encuesta que sitúa el problema y, después, lo que han hecho gobiernos, "
        "reguladores y tribunales, contado a partir de los registros de este observatorio.",
    },
    "overview.about_figures": {
        "en": "What these figures count, and their sources",
        "es": "Qué cuentan estas cifras y sus fuentes",
    },
    "overview.filters_note": {
        "en": "Counts of actions follow every filter; minimum ages follow the jurisdiction filter "
        "only; the survey figure does not change with the filters.",
        "es": "Los recuentos de actuaciones atienden a todos los filtros; las edades mínimas, solo "
        "al de jurisdicción; el dato de la encuesta no cambia con los filtros.",
    },
    # Headline cards.
    "overview.card.survey": {"en": "Survey finding", "es": "Dato de encuesta"},
    "overview.card.survey_caption": {
        "en": "{label}. Who was asked: {population}. Source: {link}",
        "es": "{label}. A quién se preguntó: {population}. Fuente: {link}",
    },
    "overview.card.survey_missing": {
        "en": "The survey figure is not in the data.",
        "es": "El dato de la encuesta no figura en los datos.",
    },
    "overview.card.recent": {
        "en": "Actions in the last 12 months",
        "es": "Actuaciones en los últimos 12 meses",
    },
    "overview.card.recent_caption": {
        "en": "From {start} to {end}, the day up to which events are recorded; {total} actions in "
        "view in all.",
        "es": "Del {start} al {end}, fecha hasta la que se registran los hechos; {total} "
        "actuaciones en la vista en total.",
    },
    "overview.card.bans": {
        "en": "Countries where a law bans accounts below a set age, in force",
        "es": "Países con una ley en vigor que prohíbe las cuentas por debajo de una edad",
    },
    "overview.card.bans_caption": {
        "en": "{names}. Sub-national bans in force: {sub}.",
        "es": "{names}. Prohibiciones subnacionales en vigor: {sub}.",
    },
    "overview.card.other_kinds": {
        "en": "Not counted as bans: parental-consent rules in force in {consent} countries "
        "({consent_names}) and {consent_sub} states or regions; limits on features in force in "
        "{features} countries and {features_sub} states or regions. Non-binding guidance is never "
        "counted as a law.",
        "es": "No se cuentan como prohibiciones: las normas de consentimiento parental en vigor en "
        "{consent} países ({consent_names}) y {consent_sub} estados o regiones; los límites a "
        "funciones en vigor en {features} países y {features_sub} estados o regiones. Las "
        "recomendaciones no vinculantes nunca se cuentan como leyes.",
    },
    "overview.card.probes": {
        "en": "Platforms under formal investigation",
        "es": "Plataformas bajo investigación formal",
    },
    "overview.card.probes_caption": {
        "en": "Named in ongoing investigations or formal proceedings: {names}.",
        "es": "Citadas en investigaciones o procedimientos formales en curso: {names}.",
    },
    "overview.card.none": {"en": "none", "es": "ninguna"},
    "overview.link.timeline": {
        "en": "Every action and its sources",
        "es": "Todas las actuaciones y sus fuentes",
    },
    "overview.link.compare": {
        "en": "Compare the rules and their sources",
        "es": "Comparar las normas y sus fuentes",
    },
    # Latest developments.
    "overview.latest.heading": {"en": "Latest developments", "es": "Últimas novedades"},
    "overview.latest.intro": {
        "en": "The {count} most recent actions in view, newest first.",
        "es": "Las {count} actuaciones más recientes de la vista, de la más nueva a la más antigua.",
    },
    "overview.latest.source": {"en": "source", "es": "fuente"},
    # The icon array.
    "overview.icons.title": {"en": "One in five", "es": "Uno de cada cinco"},
    "overview.icons.subtitle": {
        "en": "{display}: {label}. Who was asked: {population}. Period: {period}.",
        "es": "{display}: {label}. A quién se preguntó: {population}. Periodo: {period}.",
    },
    "overview.icons.alt": {
        "en": "Icon array of 100 people: {count} highlighted, {rest} in grey. {label}. "
        "Population: {population}. Period: {period}. Published by {publisher} on {published}.",
        "es": "Matriz de 100 personas: {count} destacadas y {rest} en gris. {label}. "
        "Población: {population}. Periodo: {period}. Publicado por {publisher} el {published}.",
    },
    "overview.icons.yes": {"en": "{count} in 100: yes", "es": "{count} de cada 100: sí"},
    "overview.icons.no": {"en": "{count} in 100: no", "es": "{count} de cada 100: no"},
    "overview.icons.hover_yes": {
        "en": "{count} of every 100 {population}",
        "es": "{count} de cada 100 ({population})",
    },
    "overview.icons.hover_no": {
        "en": "The other {count} of 100",
        "es": "Las otras {count} de cada 100",
    },
    "overview.icons.missing": {
        "en": "The survey figure this chart draws is not in the data.",
        "es": "El dato de encuesta que dibuja este gráfico no figura en los datos.",
    },
    # Actions by month.
    "overview.months.title": {"en": "Actions by month", "es": "Actuaciones por mes"},
    "overview.months.subtitle": {
        "en": "{month} was the busiest month, with {count} of the {total} actions of the last "
        "{months} months.",
        "es": "{month} fue el mes con más actuaciones: {count} de las {total} de los últimos "
        "{months} meses.",
    },
    "overview.months.alt": {
        "en": "Stacked column chart of actions per month from {start} to {end}: {total} in all. "
        "The busiest month was {month}, with {count}. By kind: {groups}. Months with none: {empty}.",
        "es": "Gráfico de columnas apiladas de actuaciones por mes de {start} a {end}: {total} en "
        "total. El mes con más fue {month}, con {count}. Por tipo: {groups}. Meses sin ninguna: "
        "{empty}.",
    },
    "overview.months.empty_alt": {
        "en": "Column chart with no actions in the last 24 months for these filters.",
        "es": "Gráfico de columnas sin actuaciones en los últimos 24 meses para estos filtros.",
    },
}
