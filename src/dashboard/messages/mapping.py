"""Messages of the map page, its chart and the country profile page."""

MESSAGES: dict[str, dict[str, str]] = {
    # Map page.
    "map.heading": {
        "en": "Minimum ages and actions around the world",
        "es": "Edades mínimas y actuaciones en el mundo",
    },
    "map.intro": {
        "en": "Countries and US states are coloured by the kind of age rule they have and how far "
        "it has got: a ban on accounts below an age, a parental-consent rule, limits on features "
        "or age checks, or guidance. A place with several rules shows the furthest one. Switch to "
        "the actions layer to see how many actions each place has taken. Choose a place on the "
        "map, or in the list below it, to read its records.",
        "es": "Los países y los estados de EE. UU. tienen el color del tipo de norma de edad que "
        "tienen y de la fase en que está: prohibición de cuentas por debajo de una edad, "
        "consentimiento parental, límites a funciones o verificación de edad, o recomendaciones. "
        "Si un lugar tiene varias normas, cuenta la más avanzada. Cambie a la capa de actuaciones "
        "para ver cuántas ha emprendido cada lugar. Elija un lugar en el mapa o en la lista de "
        "debajo para leer sus registros.",
    },
    "map.how_to_read": {"en": "How to read this map", "es": "Cómo leer este mapa"},
    "map.region": {"en": "Region", "es": "Región"},
    "map.region.world": {"en": "World", "es": "Mundo"},
    "map.region.europe": {"en": "Europe", "es": "Europa"},
    "map.region.americas": {"en": "Americas", "es": "América"},
    "map.region.asia-pacific": {"en": "Asia–Pacific", "es": "Asia-Pacífico"},
    "map.layer": {"en": "Show", "es": "Mostrar"},
    "map.layer.rules": {"en": "Age rules", "es": "Normas de edad"},
    "map.layer.actions": {"en": "Actions (count)", "es": "Actuaciones (número)"},
    "map.title": {
        "en": "Social-media minimum ages and actions, by jurisdiction",
        "es": "Edades mínimas en redes sociales y actuaciones, por jurisdicción",
    },
    "map.subtitle": {
        "en": "Countries with an account ban in force: {bans}; with a parental-consent rule in "
        "force: {consent}; with a rule passed or on the way: {more}. States and regions with "
        "their own rule in force: {states}. Actions: {actions} in {places} jurisdictions.",
        "es": "Países con una prohibición de cuentas en vigor: {bans}; con consentimiento "
        "parental en vigor: {consent}; con una norma aprobada o en camino: {more}. Estados y "
        "regiones con norma propia en vigor: {states}. Actuaciones: {actions} en {places} "
        "jurisdicciones.",
    },
    "map.alt": {
        "en": "Map of social-media age rules by country, coloured by kind and status. {groups}. "
        "States, regions and the EU: {others}. Actions: {actions} in {places} jurisdictions; "
        "most in {top}.",
        "es": "Mapa de las normas de edad en redes sociales por país, por tipo y fase. {groups}. "
        "Estados, regiones y la UE: {others}. Actuaciones: {actions} en {places} jurisdicciones; "
        "más en {top}.",
    },
    "map.empty_alt": {
        "en": "World map with no rules or actions for these filters.",
        "es": "Mapa mundial sin normas ni actuaciones para estos filtros.",
    },
    "map.attribution": {
        "en": "Map: Natural Earth, US Census Bureau; places: GeoNames (CC BY 4.0)",
        "es": "Mapa: Natural Earth, Oficina del Censo de EE. UU.; lugares: GeoNames (CC BY 4.0)",
    },
    "map.status.none": {"en": "No rule recorded", "es": "Sin norma registrada"},
    "map.key.ban_in_force": {"en": "Account ban in force", "es": "Prohibición en vigor"},
    "map.key.ban_planned": {
        "en": "Account ban passed or on the way",
        "es": "Prohibición aprobada o en camino",
    },
    "map.key.consent_in_force": {
        "en": "Parental consent rule in force",
        "es": "Consentimiento parental en vigor",
    },
    "map.key.consent_planned": {
        "en": "Parental consent rule passed or on the way",
        "es": "Consentimiento parental aprobado o en camino",
    },
    "map.key.limits_in_force": {
        "en": "Feature limits or age checks in force",
        "es": "Límites a funciones o verificación de edad en vigor",
    },
    "map.key.limits_planned": {
        "en": "Feature limits or age checks on the way",
        "es": "Límites a funciones o verificación de edad en camino",
    },
    "map.key.guidance": {
        "en": "Guidance only (not binding)",
        "es": "Solo recomendaciones (no vinculantes)",
    },
    "map.key.blocked_by_court": {"en": "Blocked by a court", "es": "Bloqueada por un tribunal"},
    "map.key.ended": {"en": "Rejected or repealed", "es": "Rechazada o derogada"},
    "map.key.none": {"en": "No rule recorded", "es": "Sin norma registrada"},
    "map.legend.circles": {
        "en": "Circle size: number of actions",
        "es": "Tamaño del círculo: número de actuaciones",
    },
    "map.tip.national": {
        "en": "Whole country ({name}): {rule}",
        "es": "Todo el país ({name}): {rule}",
    },
    "map.tip.status": {"en": "Status", "es": "Fase"},
    "map.tip.announced": {"en": "announced {date}", "es": "anunciada el {date}"},
    "map.tip.passed": {"en": "passed {date}", "es": "aprobada el {date}"},
    "map.tip.effective": {"en": "in force from {date}", "es": "en vigor desde el {date}"},
    "map.tip.min_age": {"en": "Minimum age: {age}", "es": "Edad mínima: {age}"},
    "map.tip.consent": {
        "en": "parental consent below {age}",
        "es": "consentimiento parental por debajo de {age}",
    },
    "map.tip.ban": {"en": "no account below {age}", "es": "sin cuenta por debajo de {age}"},
    "map.tip.policies": {"en": "Rules recorded: {count}", "es": "Normas registradas: {count}"},
    "map.tip.actions": {
        "en": "Actions recorded: {count}",
        "es": "Actuaciones registradas: {count}",
    },
    "map.details_for": {"en": "Show details for", "es": "Ver detalles de"},
    "map.choose": {"en": "Choose a jurisdiction", "es": "Elija una jurisdicción"},
    "map.details_hint": {
        "en": "Choose a country, state or dot on the map, or a jurisdiction in this list, to see "
        "its rules, latest actions and figures here.",
        "es": "Elija un país, un estado o un punto en el mapa, o una jurisdicción en esta lista, para ver aquí "
        "sus normas, sus últimas actuaciones y sus cifras.",
    },
    "map.latest_actions": {"en": "Latest actions", "es": "Últimas actuaciones"},
    "map.profile_link": {
        "en": "Everything on {name} in its profile",
        "es": "Todo sobre {name} en su perfil",
    },
    "map.no_records": {
        "en": "No rules, actions or figures are recorded for {name}.",
        "es": "No hay normas, actuaciones ni cifras registradas de {name}.",
    },
    # Sections shared by the map details and the country page.
    "country.policies": {"en": "Minimum-age rules", "es": "Normas de edad mínima"},
    "country.actions": {"en": "Actions", "es": "Actuaciones"},
    "country.statistics": {"en": "Figures", "es": "Cifras"},
    # Country page.
    "country.choose": {"en": "Jurisdiction", "es": "Jurisdicción"},
    "country.intro": {
        "en": "Every rule, action and published figure recorded for one jurisdiction, newest "
        "actions first, each with its sources.",
        "es": "Todas las normas, actuaciones y cifras publicadas que constan de una jurisdicción, "
        "con las actuaciones más recientes primero y las fuentes de cada registro.",
    },
    "country.bad_code": {
        "en": "The link's jurisdiction {code} is not in the data; showing {name} instead.",
        "es": "La jurisdicción {code} del enlace no figura en los datos; se muestra {name}.",
    },
    "country.metric.actions": {"en": "Actions", "es": "Actuaciones"},
    "country.metric.policies": {"en": "Minimum-age rules", "es": "Normas de edad mínima"},
    "country.metric.statistics": {"en": "Figures", "es": "Cifras"},
    "country.none.policies": {
        "en": "No minimum-age rule is recorded for this jurisdiction.",
        "es": "No consta ninguna norma de edad mínima de esta jurisdicción.",
    },
    "country.none.actions": {
        "en": "No action is recorded for this jurisdiction.",
        "es": "No consta ninguna actuación de esta jurisdicción.",
    },
    "country.none.statistics": {
        "en": "No figure is recorded for this jurisdiction.",
        "es": "No consta ninguna cifra de esta jurisdicción.",
    },
    "country.subnational": {
        "en": "States, provinces and regions",
        "es": "Estados, provincias y regiones",
    },
    "country.subnational_intro": {
        "en": "Rules and actions of places within {name}; open one for its full profile.",
        "es": "Normas y actuaciones de territorios de {name}; abra uno para ver su perfil completo.",
    },
    "country.subnational_line": {
        "en": "{rules} [[rules|rule|rules]], {actions} [[actions|action|actions]]",
        "es": "{rules} [[rules|norma|normas]], {actions} [[actions|actuación|actuaciones]]",
    },
    "country.part_of": {"en": "Part of {name}", "es": "Forma parte de {name}"},
}
