"""Messages of the readers' tools: record pages, search, what's new, the feed and the static site."""

MESSAGES: dict[str, dict[str, str]] = {
    "page.record": {"en": "Record", "es": "Registro"},
    "page.search": {"en": "Search", "es": "Buscar"},
    "page.changes": {"en": "What's new", "es": "Novedades"},
    # The record page.
    "record.kind.actions": {"en": "Action", "es": "Actuación"},
    "record.kind.age_policies": {"en": "Minimum-age rule", "es": "Norma de edad mínima"},
    "record.kind.statistics": {"en": "Published figure", "es": "Cifra publicada"},
    "record.last_checked": {
        "en": "Last checked against its sources: {date}",
        "es": "Última comprobación con sus fuentes: {date}",
    },
    "record.not_checked": {"en": "not recorded", "es": "sin registrar"},
    "record.added": {"en": "In the data since {date}", "es": "En los datos desde el {date}"},
    "record.id": {"en": "Record id: {id}", "es": "Identificador del registro: {id}"},
    "record.related": {"en": "Related records", "es": "Registros relacionados"},
    "record.corrections": {
        "en": "Corrections to this record",
        "es": "Correcciones de este registro",
    },
    "record.corrections_none": {
        "en": "No corrections to this record.",
        "es": "Este registro no tiene correcciones.",
    },
    "record.correction_line": {
        "en": "{date}: {what} Reason: {why}",
        "es": "{date}: {what} Motivo: {why}",
    },
    "record.cite.heading": {"en": "Cite this record", "es": "Cite este registro"},
    "record.cite.line": {
        "en": "“{title}”. {site}, record {id} (last checked {checked}). {url} (accessed {today}).",
        "es": "«{title}». {site}, registro {id} (última comprobación: {checked}). {url} "
        "(consulta: {today}).",
    },
    "record.correct.link": {"en": "Suggest a correction", "es": "Proponer una corrección"},
    "record.correct.unconfigured": {
        "en": "Found a mistake or a newer source? Open an issue with the Correction form in this "
        "dashboard's repository and give this record's id: {id}.",
        "es": "¿Ha encontrado un error o una fuente más reciente? Abra una incidencia con el "
        "formulario de corrección en el repositorio de este panel e indique el identificador de "
        "este registro: {id}.",
    },
    "record.correct.intro": {
        "en": "Found a mistake or a newer source? The form opens on GitHub with this record's id "
        "filled in.",
        "es": "¿Ha encontrado un error o una fuente más reciente? El formulario se abre en GitHub "
        "con el identificador de este registro ya escrito.",
    },
    "record.correct.issue_title": {
        "en": "Correction: {id}",
        "es": "Corrección: {id}",
    },
    "record.missing_id": {
        "en": "Choose a record from any page, or search for one.",
        "es": "Elija un registro en cualquier página o búsquelo.",
    },
    "record.unknown": {
        "en": "No record has the id {id}. It may have been renamed; search for it instead.",
        "es": "Ningún registro tiene el identificador {id}. Puede que haya cambiado de nombre; "
        "búsquelo.",
    },
    # Search.
    "search.heading": {"en": "Search the records", "es": "Buscar en los registros"},
    "search.label": {"en": "Words to search for", "es": "Palabras que buscar"},
    "search.placeholder": {
        "en": "e.g. Telegram, Grok, España",
        "es": "p. ej., Telegram, Grok, España",
    },
    "search.intro": {
        "en": "Titles, summaries, notes, authorities, platforms and places, in English and Spanish; "
        "accents and capitals do not matter. The filters apply.",
        "es": "Títulos, resúmenes, notas, autoridades, plataformas y lugares, en inglés y en "
        "español; no importan las tildes ni las mayúsculas. Se aplican los filtros.",
    },
    "search.count": {
        "en": "{count} [[count|record matches|records match]] “{query}”.",
        "es": "{count} [[count|registro coincide|registros coinciden]] con «{query}».",
    },
    "search.none": {
        "en": "No record matches “{query}”. Try fewer or shorter words, or clear the filters.",
        "es": "Ningún registro coincide con «{query}». Pruebe con menos palabras o más cortas, o "
        "quite los filtros.",
    },
    "search.hidden": {
        "en": "{count} more match but are hidden by the filters.",
        "es": "Otros {count} coinciden, pero los ocultan los filtros.",
    },
    # What's new.
    "changes.heading": {"en": "What's new", "es": "Novedades"},
    "changes.intro": {
        "en": "Records added, moved on or corrected since the date below, newest first. Events "
        "are recorded up to {end}.",
        "es": "Registros añadidos, actualizados o corregidos desde la fecha indicada, del más "
        "reciente al más antiguo. Los hechos se recogen hasta el {end}.",
    },
    "changes.since": {"en": "Since", "es": "Desde"},
    "changes.count": {
        "en": "{count} [[count|change|changes]] since {date}.",
        "es": "{count} [[count|cambio|cambios]] desde el {date}.",
    },
    "changes.none": {
        "en": "Nothing added or changed since {date}.",
        "es": "No se ha añadido ni cambiado nada desde el {date}.",
    },
    "changes.bad_since": {
        "en": "The link's date {value} is not a date (YYYY-MM-DD); showing the last 30 days of "
        "the data.",
        "es": "La fecha {value} del enlace no es válida (AAAA-MM-DD); se muestran los últimos 30 "
        "días de los datos.",
    },
    "changes.kind.added": {"en": "Added", "es": "Añadido"},
    "changes.kind.dated": {"en": "New event", "es": "Hecho nuevo"},
    "changes.kind.status": {"en": "Status changed", "es": "Cambio de situación"},
    "changes.kind.corrected": {"en": "Corrected", "es": "Corregido"},
    "changes.feed": {
        "en": "Follow changes in a feed reader: the Atom feed (feed.xml) is published with the "
        "static export.",
        "es": "Siga los cambios en un lector de fuentes: el canal Atom (feed.xml) se publica con "
        "la exportación estática.",
    },
    "changes.feed_link": {"en": "Atom feed of changes", "es": "Canal Atom de cambios"},
    # The static site.
    "site.open_dashboard": {"en": "Open in the dashboard", "es": "Abrir en el panel"},
    "site.country_title": {"en": "{name}: every record", "es": "{name}: todos los registros"},
    "site.country_intro": {
        "en": "{actions} [[actions|action|actions]], {policies} minimum-age [[policies|rule|rules]] and {statistics} [[statistics|figure|figures]].",
        "es": "{actions} [[actions|actuación|actuaciones]], {policies} [[policies|norma|normas]] de "
        "edad mínima y {statistics} [[statistics|cifra|cifras]].",
    },
    "site.feed_title": {
        "en": "AI abuse imagery & age limits tracker: changes",
        "es": "Observatorio de imágenes de abuso con IA y límites de edad: cambios",
    },
}
