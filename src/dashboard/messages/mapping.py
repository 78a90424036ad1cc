"""Messages of the map page, its chart and the country profile page."""

MESSAGES: dict[str, dict[str, str]] = {
    # Map page.
    "map.heading": {
        "en": "Minimum ages and actions around the world",
        "es": "Edades mínimas y actuaciones en el mundo",
    },
    "map.intro": {
        "en": "Countries are coloured by how far their social-media minimum age has got; where a "
        "country has several national rules, the furthest one counts. Rules that set no age, such "
        "as age-check duties, are listed in the details but do not colour the map. Circles grow "
        "with the number of actions recorded; small dots mark rules of states, regions and the "
        "EU. Choose a place on the map, or in the list, to read its records.",
        "es": "Cada país tiene el color de la fase en que está su edad mínima para redes "
        "sociales; si tiene varias normas nacionales, cuenta la más avanzada. Las normas que no "
        "fijan una edad, como la obligación de verificarla, aparecen en los detalles pero no "
        "colorean el mapa. Los círculos crecen con el número de actuaciones registradas; los "
        "puntos pequeños señalan normas de estados, regiones y la UE. Elija un lugar en el mapa "
        "o en la lista para leer sus registros.",
    },
    "map.title": {
        "en": "Social-media minimum ages and actions, by jurisdiction",
        "es": "Edades mínimas en redes sociales y actuaciones, por jurisdicción",
    },
    "map.subtitle": {
        "en": "{in_force} countries have a minimum age in force; {more} more have passed or are "
        "debating one. Circles: {actions} actions in {places} jurisdictions.",
        "es": "{in_force} países tienen una edad mínima en vigor; otros {more} la han aprobado o "
        "la debaten. Círculos: {actions} actuaciones en {places} jurisdicciones.",
    },
    "map.alt": {
        "en": "World map of social-media minimum ages by country. {groups}. Rules of states, "
        "regions and the EU: {others}. Circles sized by the number of actions: {actions} actions "
        "in {places} jurisdictions; most in {top}.",
        "es": "Mapa mundial de las edades mínimas en redes sociales por país. {groups}. Normas de "
        "estados, regiones y la UE: {others}. Círculos según el número de actuaciones: "
        "{actions} actuaciones en {places} jurisdicciones; más en {top}.",
    },
    "map.empty_alt": {
        "en": "World map with no rules or actions for these filters.",
        "es": "Mapa mundial sin normas ni actuaciones para estos filtros.",
    },
    "map.attribution": {
        "en": "Map: Natural Earth; places: GeoNames (CC BY 4.0)",
        "es": "Mapa: Natural Earth; lugares: GeoNames (CC BY 4.0)",
    },
    "map.status.none": {"en": "No minimum age recorded", "es": "Sin edad mínima registrada"},
    "map.legend.in_force": {"en": "In force", "es": "En vigor"},
    "map.legend.passed": {
        "en": "Passed, not yet in force",
        "es": "Aprobada, aún no en vigor",
    },
    "map.legend.in_parliament": {"en": "In parliament", "es": "En trámite parlamentario"},
    "map.legend.proposed": {"en": "Announced or proposed", "es": "Anunciada o propuesta"},
    "map.legend.blocked_by_court": {
        "en": "Blocked by a court",
        "es": "Bloqueada por un tribunal",
    },
    "map.legend.rejected": {"en": "Rejected or repealed", "es": "Rechazada o derogada"},
    "map.legend.none": {"en": "No minimum age recorded", "es": "Sin edad mínima registrada"},
    "map.legend.circles": {
        "en": "Circle size: number of actions",
        "es": "Tamaño del círculo: número de actuaciones",
    },
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
        "en": "Choose a country or a dot on the map, or a jurisdiction in the list above, to see "
        "its rules, latest actions and figures here.",
        "es": "Elija un país o un punto en el mapa, o una jurisdicción en la lista, para ver aquí "
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
