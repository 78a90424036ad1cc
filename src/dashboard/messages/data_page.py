"""Messages of the Data & methods page: datasets, data dictionary, downloads, citation, methods."""

MESSAGES: dict[str, dict[str, str]] = {
    "data.heading": {"en": "Data & methods", "es": "Datos y método"},
    "data.intro": {
        "en": "Everything this dashboard shows comes from five data files. Here you can read what "
        "each field means, download the data (all of it, or only what your filters keep), see "
        "every source and every correction, and learn how records are checked.",
        "es": "Todo lo que muestra este panel procede de cinco archivos de datos. Aquí puede consultar "
        "qué significa cada campo, descargar los datos (completos o solo lo que dejan sus filtros), "
        "ver todas las fuentes y correcciones, y saber cómo se comprueban los registros.",
    },
    "data.datasets_heading": {"en": "Datasets", "es": "Conjuntos de datos"},
    "data.meta": {
        "en": "File `{file}` · {count} [[count|record|records]] · licence {licence} · events recorded up to {covered} "
        "· last reviewed {date}",
        "es": "Archivo `{file}` · {count} [[count|registro|registros]] · licencia {licence} · hechos registrados hasta "
        "el {covered} · revisado por última vez el {date}",
    },
    "data.dictionary": {"en": "Data dictionary", "es": "Diccionario de datos"},
    "data.downloads": {"en": "Download", "es": "Descargar"},
    "data.download.all_csv": {
        "en": "[[count|The only record|All {count} records]] (CSV)",
        "es": "[[count|El único registro|Los {count} registros]] (CSV)",
    },
    "data.download.all_json": {
        "en": "[[count|The only record|All {count} records]] (JSON)",
        "es": "[[count|El único registro|Los {count} registros]] (JSON)",
    },
    "data.download.filtered_csv": {
        "en": "Your filtered view: {count} [[count|record|records]] (CSV)",
        "es": "Su vista filtrada: {count} [[count|registro|registros]] (CSV)",
    },
    "data.download.filtered_json": {
        "en": "Your filtered view: {count} [[count|record|records]] (JSON)",
        "es": "Su vista filtrada: {count} [[count|registro|registros]] (JSON)",
    },
    "data.download.note": {
        "en": "Exports use the dashboard's column names; text columns end in `_en` or `_es`. "
        "Dates known only to the month are written `YYYY-MM`; lists are separated by `; ` in CSV.",
        "es": "Las exportaciones usan los nombres de columna del panel; las columnas de texto terminan "
        "en `_en` o `_es`. Las fechas de las que solo se conoce el mes se escriben `AAAA-MM`; en CSV, "
        "los elementos de una lista se separan con `; `.",
    },
    "data.dict.field": {"en": "Field", "es": "Campo"},
    "data.dict.required": {"en": "Required", "es": "Obligatorio"},
    "data.dict.type": {"en": "Type or allowed values", "es": "Tipo o valores admitidos"},
    "data.dict.description": {"en": "Meaning", "es": "Significado"},
    "data.dict.yes": {"en": "required", "es": "obligatorio"},
    "data.dict.no": {"en": "optional", "es": "opcional"},
    # Types in the data dictionary.
    "data.type.text": {"en": "text", "es": "texto"},
    "data.type.text.list": {"en": "list of texts", "es": "lista de textos"},
    "data.type.prose": {
        "en": "text, or {en: …, es: …} for both languages",
        "es": "texto, o {en: …, es: …} en los dos idiomas",
    },
    "data.type.localizedtext": {
        "en": "text in English and Spanish: {en: …, es: …}",
        "es": "texto en inglés y español: {en: …, es: …}",
    },
    "data.type.id": {
        "en": "id: lower-case words joined by hyphens",
        "es": "identificador: palabras en minúscula unidas por guiones",
    },
    "data.type.id.list": {
        "en": "list of ids (lower-case words joined by hyphens)",
        "es": "lista de identificadores (palabras en minúscula unidas por guiones)",
    },
    "data.type.one_of": {"en": "one of: {values}", "es": "uno de: {values}"},
    "data.type.one_of.list": {
        "en": "list of one or more of: {values}",
        "es": "lista de uno o varios de: {values}",
    },
    "data.type.partial_date": {
        "en": "date: YYYY-MM-DD, or YYYY-MM where only the month is known",
        "es": "fecha: AAAA-MM-DD, o AAAA-MM si solo se conoce el mes",
    },
    "data.type.date": {"en": "date: YYYY-MM-DD", "es": "fecha: AAAA-MM-DD"},
    "data.type.url": {
        "en": "web address (http:// or https://)",
        "es": "dirección web (http:// o https://)",
    },
    "data.type.currency": {
        "en": "ISO 4217 currency code (EUR, GBP, AUD…)",
        "es": "código de moneda ISO 4217 (EUR, GBP, AUD…)",
    },
    "data.type.jurisdiction": {
        "en": "jurisdiction: ISO 3166-1 alpha-3 (ESP), EU, or ISO 3166-2 (US-FL)",
        "es": "jurisdicción: ISO 3166-1 alfa-3 (ESP), EU o ISO 3166-2 (US-FL)",
    },
    "data.type.geography": {
        "en": "a jurisdiction code (ESP, EU, US-FL) or WORLD",
        "es": "un código de jurisdicción (ESP, EU, US-FL) o WORLD",
    },
    "data.type.whole": {"en": "whole number", "es": "número entero"},
    "data.type.whole_range": {
        "en": "whole number from {low} to {high}",
        "es": "número entero de {low} a {high}",
    },
    "data.type.number": {"en": "number", "es": "número"},
    "data.type.boolean": {"en": "true or false", "es": "true o false (sí o no)"},
    "data.type.money": {
        "en": "amount: value, currency, note",
        "es": "importe: value, currency, note",
    },
    "data.type.source.list": {
        "en": "list of sources: url, publisher, published, kind",
        "es": "lista de fuentes: url, publisher, published, kind",
    },
    "data.type.historystep.list": {
        "en": "list of steps, oldest first: date, status, source",
        "es": "lista de pasos, del más antiguo al más reciente: date, status, source",
    },
    "data.type.or_null": {"en": "{type}; or null", "es": "{type}; o null"},
    # Sources and corrections.
    "data.sources_heading": {"en": "All sources", "es": "Todas las fuentes"},
    "data.sources_intro": {
        "en": "{count} [[count|source|sources]] behind the records, one row per source of each record.",
        "es": "{count} [[count|fuente|fuentes]] detrás de los registros, una fila por cada fuente de cada registro.",
    },
    "data.col.dataset": {"en": "Dataset", "es": "Conjunto de datos"},
    "data.col.record": {"en": "Record", "es": "Registro"},
    "data.col.url": {"en": "Link", "es": "Enlace"},
    "data.col.published": {"en": "Published", "es": "Publicada"},
    "data.col.kind": {"en": "Kind", "es": "Tipo"},
    "data.col.what_changed": {"en": "What changed", "es": "Qué cambió"},
    "data.col.reason": {"en": "Reason", "es": "Motivo"},
    "data.skind.original": {"en": "original", "es": "original"},
    "data.skind.press": {"en": "press", "es": "prensa"},
    "data.corrections_heading": {"en": "Corrections log", "es": "Registro de correcciones"},
    "data.corrections_intro": {
        "en": "Every change of fact to a published record is logged here with its date and reason.",
        "es": "Cada cambio de un dato en un registro publicado se anota aquí con su fecha y su motivo.",
    },
    "data.corrections_empty": {
        "en": "No correction has been published yet.",
        "es": "Todavía no se ha publicado ninguna corrección.",
    },
    # Licence and citation.
    "data.licence_heading": {"en": "Licence and how to cite", "es": "Licencia y cómo citar"},
    "data.licence": {
        "en": "The data is published under the Creative Commons Attribution 4.0 licence (CC BY 4.0): "
        "you may reuse it, also commercially, if you credit the source. The code is under the MIT "
        "licence.",
        "es": "Los datos se publican con la licencia Creative Commons Reconocimiento 4.0 (CC BY 4.0): "
        "puede reutilizarlos, también con fines comerciales, citando la fuente. El código tiene "
        "licencia MIT.",
    },
    "data.cite.label": {"en": "Suggested citation", "es": "Cita sugerida"},
    "data.cite.text": {
        "en": "{name}. Data last reviewed on {date}. Licence CC BY 4.0. {url}",
        "es": "{name}. Datos revisados por última vez el {date}. Licencia CC BY 4.0. {url}",
    },
    # Methods.
    "data.methods_heading": {
        "en": "How records are checked",
        "es": "Cómo se comprueban los registros",
    },
    "data.methods": {
        "en": "- **Sources.** Every record cites at least one source, and at least one of them is "
        "dated. A source is *original* when it is the regulator, court, parliament or report itself, "
        "and *press* when it is news coverage or another copy.\n"
        "- **Verified.** A record is marked verified only where a source states its key facts. "
        "Unverified records are still shown, marked ⚠.\n"
        "- **Disputed.** Where sources disagree on a fact, the record says what they disagree on, "
        "and readers see it beside the record.\n"
        "- **Dates.** Where only the month is known, only the month is shown (for example "
        "'Feb 2026'); no day is invented. A source whose page carries no date is listed as undated.\n"
        "- **How events are found.** Editors search official sources (regulators, courts, "
        "parliaments, governments, the publishers of each statistic) and news archives for new "
        "actions, changes in the status of each rule and new editions of each series, then confirm "
        "every fact from a page they read themselves. A fact known only from an aggregator is "
        "shown as unverified.\n"
        '- **Coverage date.** "Events recorded up to" is the day up to which sources were '
        "searched; nothing after it is recorded, even if it happened (a vote, a ruling, a new "
        'report). Counts "in the last 12 months" end on that day. Read every status as true on '
        "that day, not today.\n"
        '- **Reviews.** "Checked" is the day an editor last reviewed the files as a whole; each '
        "record also shows the day it was last checked against its sources.\n"
        "- **Kinds of rule.** Minimum-age rules are counted by kind: bans (no account below the "
        "age, even with a parent's consent), parental-consent rules, limits on features, age-check "
        "duties and non-binding guidance. A count names its kind; guidance is never counted as a "
        "law.\n"
        "- **Corrections.** Records are never deleted or renamed silently; changes of fact are "
        "logged in the corrections log above.",
        "es": "- **Fuentes.** Cada registro cita al menos una fuente, y al menos una de ellas tiene "
        "fecha. Una fuente es *original* cuando es el propio regulador, tribunal, parlamento o "
        "informe, y de *prensa* cuando es una noticia u otra copia.\n"
        "- **Verificado.** Un registro solo se marca como verificado si una fuente confirma sus "
        "datos clave. Los registros sin verificar se muestran igualmente, marcados con ⚠.\n"
        "- **En discusión.** Cuando las fuentes discrepan sobre un dato, el registro explica en qué, "
        "y el lector lo ve junto al registro.\n"
        "- **Fechas.** Si solo se conoce el mes, solo se muestra el mes (por ejemplo, «feb 2026»); "
        "no se inventa el día. Una fuente cuya página no lleva fecha figura como sin fecha.\n"
        "- **Cómo se buscan los hechos.** Los editores consultan fuentes oficiales (reguladores, "
        "tribunales, parlamentos, gobiernos, los editores de cada estadística) y hemerotecas en "
        "busca de nuevas actuaciones, cambios de situación de cada norma y nuevas ediciones de cada "
        "serie, y confirman cada dato en una página que han leído ellos mismos. Un dato que solo "
        "recoge un agregador se muestra como no verificado.\n"
        "- **Fecha de cobertura.** «Hechos registrados hasta» es el día hasta el que se buscaron "
        "fuentes; nada posterior está registrado, aunque haya ocurrido (una votación, una "
        "sentencia, un informe nuevo). Los recuentos «en los últimos 12 meses» terminan ese día. "
        "Cada situación debe leerse como cierta en esa fecha, no hoy.\n"
        "- **Revisiones.** «Revisado» es el día en que un editor revisó por última vez los "
        "archivos completos; cada registro muestra además el día en que se contrastó por última "
        "vez con sus fuentes.\n"
        "- **Tipos de norma.** Las normas de edad mínima se cuentan por tipo: prohibiciones "
        "(ninguna cuenta por debajo de la edad, ni con consentimiento parental), normas de "
        "consentimiento parental, límites a funciones, obligaciones de verificación de edad y "
        "recomendaciones no vinculantes. Cada recuento dice qué tipo cuenta; una recomendación "
        "nunca se cuenta como ley.\n"
        "- **Correcciones.** Los registros nunca se borran ni se renombran sin dejar constancia; los "
        "cambios de datos se anotan en el registro de correcciones de arriba.",
    },
    "data.stats_caveats_heading": {
        "en": "Caveats for statistics",
        "es": "Advertencias sobre las estadísticas",
    },
    "data.stats_caveats": {
        "en": "- Each figure answers its own question, for its own population, period and method; "
        "read its caveats before quoting it.\n"
        "- Only figures that share a comparable group (the same publisher's series, counted the "
        "same way, in the same unit) are drawn together. Never compare figures across comparable "
        "groups, even when the topic looks the same.\n"
        "- `published` is the date the figure was first published. Where the original release "
        "could not be found, it is the date of the earliest dated source, and the caveats say so.\n"
        "- `display` is how the publisher wrote the figure; `value` is the number behind it, which "
        "for wording such as 'about half' is a rounded stand-in.",
        "es": "- Cada cifra responde a su propia pregunta, con su población, su periodo y su método; "
        "lea sus advertencias antes de citarla.\n"
        "- Solo se representan juntas las cifras de un mismo grupo comparable (la misma serie de un "
        "mismo editor, contada de la misma forma y en la misma unidad). No compare nunca cifras de "
        "grupos comparables distintos, aunque el tema parezca el mismo.\n"
        "- `published` es la fecha en que se publicó la cifra por primera vez. Si no se encontró "
        "la publicación original, es la fecha de la fuente fechada más antigua, y las advertencias "
        "lo indican.\n"
        "- `display` es cómo escribió la cifra quien la publicó; `value` es el número que hay detrás, "
        "que en expresiones como «alrededor de la mitad» es un valor redondeado.",
    },
    # One line per field of the data format (keyed by field name; model-specific where names clash).
    "field.id": {
        "en": "Stable identifier, unique in its file; never reused or renamed.",
        "es": "Identificador estable, único en su archivo; nunca se reutiliza ni se cambia.",
    },
    "field.action.date": {
        "en": "When the action happened (announced, filed, ruled or published).",
        "es": "Cuándo tuvo lugar la actuación (anuncio, presentación, resolución o publicación).",
    },
    "field.historystep.date": {
        "en": "When the rule reached this step.",
        "es": "Cuándo alcanzó la norma este paso.",
    },
    "field.correction.date": {
        "en": "When the correction was published.",
        "es": "Cuándo se publicó la corrección.",
    },
    "field.jurisdiction": {
        "en": "The country, EU or sub-national body acting or legislating.",
        "es": "El país, la UE o el territorio subnacional que actúa o legisla.",
    },
    "field.authority": {
        "en": "The body that acted (regulator, ministry, prosecutor, court, parliament).",
        "es": "El organismo que actuó (regulador, ministerio, fiscalía, tribunal, parlamento).",
    },
    "field.type": {"en": "What kind of action it is.", "es": "Qué tipo de actuación es."},
    "field.platforms": {
        "en": "Platforms or companies the action names (ids from platforms.yaml).",
        "es": "Plataformas o empresas que cita la actuación (identificadores de platforms.yaml).",
    },
    "field.topics": {
        "en": "What the action is about (one or more topics).",
        "es": "De qué trata la actuación (uno o varios temas).",
    },
    "field.action.status": {
        "en": "Where the action stands now.",
        "es": "En qué punto está la actuación.",
    },
    "field.agepolicy.status": {
        "en": "Where the rule stands now, from announced to in force.",
        "es": "En qué punto está la norma, desde anunciada hasta en vigor.",
    },
    "field.historystep.status": {
        "en": "The status the rule reached at this step.",
        "es": "El estado que alcanzó la norma en este paso.",
    },
    "field.title": {"en": "A one-line headline.", "es": "Un titular de una línea."},
    "field.summary": {
        "en": "A short, neutral account of the record.",
        "es": "Un resumen breve y neutral del registro.",
    },
    "field.sources": {
        "en": "Where the facts were published (at least one dated source for records).",
        "es": "Dónde se publicaron los datos (en los registros, al menos una fuente con fecha).",
    },
    "field.source.url": {"en": "Address of the source.", "es": "Dirección de la fuente."},
    "field.source.publisher": {
        "en": "Who published the source.",
        "es": "Quién publicó la fuente.",
    },
    "field.source.published": {
        "en": "The source's publication date; null where the page carries none.",
        "es": "Fecha de publicación de la fuente; null si la página no la indica.",
    },
    "field.source.kind": {
        "en": "original (the body or report itself), press (news and other copies) or secondary "
        "(aggregators and sites that summarise others).",
        "es": "original (el propio organismo o informe), press (prensa y otras copias) o secondary "
        "(agregadores y webs que resumen a otros).",
    },
    "field.verified": {
        "en": "true only where a source that is not secondary states the key facts.",
        "es": "true solo si una fuente que no es secundaria confirma los datos clave.",
    },
    "field.added": {
        "en": "The day the record entered the data.",
        "es": "Día en que el registro entró en los datos.",
    },
    "field.last_checked": {
        "en": "The day an editor last confirmed the record against its sources.",
        "es": "Último día en que un editor contrastó el registro con sus fuentes.",
    },
    "field.coverage_end": {
        "en": "The date up to which sources were searched for events; no record is dated after it.",
        "es": "Fecha hasta la que se buscaron hechos en las fuentes; ningún registro es posterior.",
    },
    "field.agepolicy.kind": {
        "en": "What the rule does: ban (no account below the age, even with consent), consent "
        "(below the age only with a parent's consent), feature_limits (limits on features, no "
        "ban), age_checks (age-assurance duties without a set age) or guidance (non-binding).",
        "es": "Qué hace la norma: ban (ninguna cuenta por debajo de la edad, ni con "
        "consentimiento), consent (por debajo de la edad, solo con consentimiento parental), "
        "feature_limits (límites a funciones, sin prohibición), age_checks (obligaciones de "
        "verificación de edad sin una edad fijada) o guidance (recomendación no vinculante).",
    },
    "field.next_expected": {
        "en": "When the series' next edition is due (on its newest figure).",
        "es": "Cuándo se espera la próxima edición de la serie (en su cifra más reciente).",
    },
    "field.amount": {
        "en": "A sum involved, such as a fine.",
        "es": "Una cantidad en juego, como una multa.",
    },
    "field.money.value": {"en": "The amount.", "es": "La cantidad."},
    "field.currency": {"en": "The currency of the amount.", "es": "La moneda de la cantidad."},
    "field.note": {
        "en": "A note on the amount (what it covers, whether it is a maximum).",
        "es": "Una nota sobre la cantidad (qué cubre, si es un máximo).",
    },
    "field.related": {
        "en": "Other actions in the same story (a follow-up, an appeal).",
        "es": "Otras actuaciones de la misma historia (una continuación, un recurso).",
    },
    "field.notes": {
        "en": "Context that does not fit elsewhere.",
        "es": "Contexto que no encaja en otro campo.",
    },
    "field.dispute": {
        "en": "Where sources disagree, what they disagree on.",
        "es": "Si las fuentes discrepan, en qué discrepan.",
    },
    "field.agepolicy.name": {
        "en": "The rule's official or usual name.",
        "es": "Nombre oficial o habitual de la norma.",
    },
    "field.platform.name": {"en": "The platform's name.", "es": "Nombre de la plataforma."},
    "field.min_age": {
        "en": "Minimum age to hold a social-media account; null where the rule is not an age threshold.",
        "es": "Edad mínima para tener una cuenta en redes sociales; null si la norma no fija un umbral de edad.",
    },
    "field.parental_consent_below": {
        "en": "Below this age an account needs a parent's consent.",
        "es": "Por debajo de esta edad, una cuenta necesita el consentimiento de los padres.",
    },
    "field.absolute_ban_below": {
        "en": "Below this age no account is allowed, even with consent.",
        "es": "Por debajo de esta edad no se permite ninguna cuenta, ni siquiera con consentimiento.",
    },
    "field.announced": {"en": "When the rule was announced.", "es": "Cuándo se anunció la norma."},
    "field.passed": {"en": "When the rule was passed.", "es": "Cuándo se aprobó la norma."},
    "field.effective": {
        "en": "When the rule takes or took effect.",
        "es": "Cuándo entra o entró en vigor la norma.",
    },
    "field.platforms_covered": {
        "en": "The platforms the rule names, as it names them.",
        "es": "Las plataformas que cita la norma, tal como las cita.",
    },
    "field.enforcement": {
        "en": "How the rule is enforced and by whom.",
        "es": "Cómo se hace cumplir la norma y quién lo hace.",
    },
    "field.max_penalty": {
        "en": "The highest penalty the rule sets.",
        "es": "La sanción máxima que fija la norma.",
    },
    "field.history": {
        "en": "The steps of the rule, oldest first.",
        "es": "Los pasos de la norma, del más antiguo al más reciente.",
    },
    "field.source": {
        "en": "Address of the source for this step.",
        "es": "Dirección de la fuente de este paso.",
    },
    "field.label": {
        "en": "What the figure measures, in one line.",
        "es": "Qué mide la cifra, en una línea.",
    },
    "field.statistic.value": {
        "en": "The number behind the figure, in its unit.",
        "es": "El número que hay detrás de la cifra, en su unidad.",
    },
    "field.unit": {"en": "The unit of the value.", "es": "La unidad del valor."},
    "field.display": {
        "en": "How the figure is written for readers.",
        "es": "Cómo se escribe la cifra para los lectores.",
    },
    "field.geography": {
        "en": "Where the figure applies, or WORLD.",
        "es": "A qué territorio se refiere la cifra, o WORLD.",
    },
    "field.population": {
        "en": "Who or what was counted or asked.",
        "es": "A quién o qué se contó o se preguntó.",
    },
    "field.period": {
        "en": "What time the figure covers, in words.",
        "es": "Qué periodo abarca la cifra, en palabras.",
    },
    "field.statistic.published": {
        "en": "When the figure was first published (or the earliest dated source, as its caveats say).",
        "es": "Cuándo se publicó la cifra por primera vez (o la fuente fechada más antigua, como indiquen sus advertencias).",
    },
    "field.statistic.publisher": {
        "en": "Who produced the figure.",
        "es": "Quién elaboró la cifra.",
    },
    "field.methodology": {
        "en": "How the figure was produced.",
        "es": "Cómo se obtuvo la cifra.",
    },
    "field.topic": {"en": "What the figure is about.", "es": "De qué trata la cifra."},
    "field.sample_size": {
        "en": "How many people or items the figure is based on.",
        "es": "En cuántas personas o elementos se basa la cifra.",
    },
    "field.comparable_group": {
        "en": "Figures sharing this id may be drawn on one axis (same unit).",
        "es": "Las cifras con este identificador pueden representarse en un mismo eje (misma unidad).",
    },
    "field.caveats": {
        "en": "What to keep in mind before quoting the figure.",
        "es": "Lo que hay que tener en cuenta antes de citar la cifra.",
    },
    "field.owner": {
        "en": "The company that owns the platform.",
        "es": "La empresa propietaria de la plataforma.",
    },
    "field.platform.kind": {"en": "What kind of service it is.", "es": "Qué tipo de servicio es."},
    "field.platform.url": {"en": "The platform's website.", "es": "Sitio web de la plataforma."},
    "field.dataset": {
        "en": "The file of the corrected record.",
        "es": "El archivo del registro corregido.",
    },
    "field.record": {
        "en": "The id of the corrected record.",
        "es": "El identificador del registro corregido.",
    },
    "field.what_changed": {"en": "What was changed.", "es": "Qué se cambió."},
    "field.reason": {"en": "Why it was changed.", "es": "Por qué se cambió."},
}
