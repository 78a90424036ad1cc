"""Messages of the compare page and its charts."""

MESSAGES: dict[str, dict[str, str]] = {
    "compare.heading": {"en": "Compare", "es": "Comparar"},
    "compare.intro": {
        "en": "Minimum ages for social media side by side, and which platforms the actions in the "
        "data name, where. Minimum ages follow the jurisdiction filter only; platform counts follow "
        "every filter.",
        "es": "Las edades mínimas para usar redes sociales, una junto a otra, y qué plataformas "
        "aparecen en las actuaciones de los datos, y dónde. Las edades mínimas solo atienden al "
        "filtro de jurisdicción; los recuentos por plataforma, a todos los filtros.",
    },
    # Minimum ages.
    "compare.ages.title": {
        "en": "Minimum age for social media, by jurisdiction",
        "es": "Edad mínima para usar redes sociales, por jurisdicción",
    },
    "compare.ages.subtitle": {
        "en": "{age} is the most common threshold ({count} of {total} jurisdictions). In force: a "
        "ban in {bans}, a parental-consent rule in {consent}, other limits or guidance in {other}.",
        "es": "{age} años es el umbral más común ({count} de {total} jurisdicciones). En vigor: una "
        "prohibición en {bans}, una norma de consentimiento parental en {consent}, otros límites o "
        "recomendaciones en {other}.",
    },
    "compare.ages.alt": {
        "en": "Horizontal bar chart of the minimum age for social media in {total} jurisdictions, "
        "from {low} to {high}. Jurisdictions by age: {by_age}. By status of the rule: {statuses}. "
        "Rules with an age for parental consent: {consent}; with an age below which no account is "
        "allowed at all: {ban}.",
        "es": "Gráfico de barras horizontales con la edad mínima para usar redes sociales en "
        "{total} jurisdicciones, de {low} a {high} años. Jurisdicciones por edad: {by_age}. Por "
        "estado de la norma: {statuses}. Normas con una edad de consentimiento parental: {consent}; "
        "con una edad por debajo de la cual no se permite ninguna cuenta: {ban}.",
    },
    "compare.ages.empty_alt": {
        "en": "Bar chart with no minimum-age rules for these filters.",
        "es": "Gráfico de barras sin normas de edad mínima para estos filtros.",
    },
    "compare.ages.ban_legend": {
        "en": "No account below this age, even with consent",
        "es": "Sin cuenta por debajo de esta edad, ni con consentimiento",
    },
    "compare.ages.consent_legend": {
        "en": "Parental consent needed below",
        "es": "Consentimiento parental necesario por debajo de",
    },
    "compare.ages.consent_hover": {
        "en": "{name}: parental consent needed below {age}",
        "es": "{name}: consentimiento parental necesario por debajo de {age} años",
    },
    "compare.ages.note": {
        "en": "Each jurisdiction is shown with its most advanced rule (in force, then passed, in "
        "parliament, proposed or announced, blocked by a court, repealed or rejected; the newest "
        "breaks a tie). Every rule is in the table below.",
        "es": "Cada jurisdicción aparece con su norma más avanzada (en vigor; después aprobada, en "
        "trámite parlamentario, propuesta o anunciada, bloqueada por un tribunal, derogada o rechazada; "
        "ante un empate, la más reciente). Todas las normas figuran en la tabla de abajo.",
    },
    # Actions by platform.
    "compare.platforms.title": {
        "en": "Actions naming each platform",
        "es": "Actuaciones que citan a cada plataforma",
    },
    "compare.platforms.subtitle": {
        "en": "{top} is named in the most actions ({top_count}); {platforms} platforms are named "
        "at least once.",
        "es": "{top} es la plataforma citada en más actuaciones ({top_count}); {platforms} "
        "plataformas aparecen al menos una vez.",
    },
    "compare.platforms.alt": {
        "en": "Stacked horizontal bar chart of actions per platform for {platforms} platforms. "
        "Most named: {top}. By kind of action: {groups}.",
        "es": "Gráfico de barras horizontales apiladas con las actuaciones por plataforma de "
        "{platforms} plataformas. Las más citadas: {top}. Por tipo de actuación: {groups}.",
    },
    "compare.platforms.empty_alt": {
        "en": "Bar chart with no actions naming a platform for these filters.",
        "es": "Gráfico de barras sin actuaciones que citen una plataforma para estos filtros.",
    },
    "compare.platforms.note": {
        "en": "An action naming several platforms counts once for each of them.",
        "es": "Una actuación que cita a varias plataformas cuenta una vez para cada una.",
    },
    # Platforms by jurisdiction.
    "compare.grid.title": {
        "en": "Where each platform faces action",
        "es": "Dónde se actúa contra cada plataforma",
    },
    "compare.grid.subtitle": {
        "en": "{top} faces action in the most jurisdictions ({places}).",
        "es": "{top} afronta actuaciones en más jurisdicciones ({places}).",
    },
    "compare.grid.cut": {
        "en": "Shown: the {platforms} platforms (of {all_platforms}) and {places} jurisdictions "
        "(of {all_places}) with the most actions; the table has every pair.",
        "es": "Se muestran las {platforms} plataformas (de {all_platforms}) y las {places} "
        "jurisdicciones (de {all_places}) con más actuaciones; la tabla recoge todos los pares.",
    },
    "compare.grid.alt": {
        "en": "Grid of {platforms} platforms by {places} jurisdictions; {cells} cells hold "
        "{pairs} action-platform pairs. The largest cell: {platform} in {place} ({count}).",
        "es": "Cuadrícula de {platforms} plataformas por {places} jurisdicciones; {cells} celdas "
        "suman {pairs} pares de actuación y plataforma. La celda mayor: {platform} en {place} "
        "({count}).",
    },
    "compare.grid.empty_alt": {
        "en": "Grid with no actions naming a platform for these filters.",
        "es": "Cuadrícula sin actuaciones que citen una plataforma para estos filtros.",
    },
    "compare.grid.hover": {
        "en": "{platform} · {place}: {count} [[count|action|actions]]",
        "es": "{platform} · {place}: {count} [[count|actuación|actuaciones]]",
    },
    # The table of rules.
    "compare.table.heading": {
        "en": "Every minimum-age rule",
        "es": "Todas las normas de edad mínima",
    },
    "compare.table.intro": {
        "en": "Sort by any column. Rules marked ⚠ are unverified. Dates keep their precision "
        "(a month alone where the day is not known).",
        "es": "Ordene por cualquier columna. Las normas marcadas con ⚠ no están verificadas. Las "
        "fechas mantienen su precisión (solo el mes cuando no se conoce el día).",
    },
    "compare.table.empty": {
        "en": "No minimum-age rules for these jurisdictions.",
        "es": "No hay normas de edad mínima para estas jurisdicciones.",
    },
}
