"""Messages of the embed page, the share panel under every chart and the static export."""

MESSAGES: dict[str, dict[str, str]] = {
    # Embed page.
    "embed.unknown_chart": {
        "en": "No chart is called {chart}. Valid chart ids: {ids}.",
        "es": "No hay ningún gráfico llamado {chart}. Identificadores válidos: {ids}.",
    },
    "embed.missing_chart": {
        "en": "Name a chart with ?chart=ID. Valid chart ids: {ids}.",
        "es": "Indique un gráfico con ?chart=ID. Identificadores válidos: {ids}.",
    },
    "embed.new_tab": {"en": "(opens in a new tab)", "es": "(se abre en una pestaña nueva)"},
    "embed.full_view": {
        "en": "Open this chart in the full dashboard",
        "es": "Abrir este gráfico en el panel completo",
    },
    # Share panel.
    "share.heading": {"en": "Share & embed", "es": "Compartir e insertar"},
    "share.link": {"en": "Link to this view", "es": "Enlace a esta vista"},
    "share.iframe": {
        "en": "Embed code (paste it into your article's HTML)",
        "es": "Código para insertar (péguelo en el HTML de su artículo)",
    },
    "share.theme": {"en": "Theme of the embed", "es": "Tema del gráfico insertado"},
    "share.theme_auto": {
        "en": "Auto (follows the reader's setting)",
        "es": "Automático (sigue la preferencia del lector)",
    },
    "share.theme_light": {"en": "Light", "es": "Claro"},
    "share.theme_dark": {"en": "Dark", "es": "Oscuro"},
    "share.static": {
        "en": "Embed code, static (recommended for articles: plain files that any number of "
        "readers can load)",
        "es": "Código para insertar, estático (recomendado para artículos: archivos sencillos que "
        "puede cargar cualquier número de lectores)",
    },
    "share.static_default_view": {
        "en": "The static page shows every record, without this view's filters; the live embed "
        "below keeps them.",
        "es": "La página estática muestra todos los registros, sin los filtros de esta vista; el "
        "gráfico en directo de abajo los conserva.",
    },
    "share.live": {
        "en": "Embed code, live (for small audiences: every reader opens a session on the "
        "dashboard's server)",
        "es": "Código para insertar, en directo (para audiencias pequeñas: cada lector abre una "
        "sesión en el servidor del panel)",
    },
    "share.downloads": {"en": "Downloads", "es": "Descargas"},
    "share.png": {"en": "PNG image", "es": "Imagen PNG"},
    "share.svg": {"en": "SVG image", "es": "Imagen SVG"},
    "share.csv": {"en": "CSV data", "es": "Datos CSV"},
    "share.image_help": {
        "en": "The image is drawn when you click, which takes a few seconds.",
        "es": "La imagen se genera al hacer clic; tarda unos segundos.",
    },
    "share.no_map_image": {
        "en": "Maps have no image download here; the static export "
        "(python -m dashboard export) makes a PNG of every map.",
        "es": "Los mapas no tienen descarga de imagen aquí; la exportación estática "
        "(python -m dashboard export) genera un PNG de cada mapa.",
    },
    # Static export.
    "export.gallery_title": {
        "en": "Charts to embed",
        "es": "Gráficos para insertar",
    },
    "export.gallery_intro": {
        "en": "Every chart of the dashboard as a standalone page, image and data. Copy a chart's "
        "embed code into your article's HTML; the frame takes the chart's height by itself.",
        "es": "Cada gráfico del panel como página independiente, imagen y datos. Copie el código "
        "de un gráfico en el HTML de su artículo; el marco toma solo la altura del gráfico.",
    },
    "export.embed_code": {"en": "Embed code", "es": "Código para insertar"},
    "export.files": {"en": "Files", "es": "Archivos"},
    "export.preview": {"en": "Preview", "es": "Vista previa"},
    "export.theme": {"en": "Theme", "es": "Tema"},
    "export.licence": {
        "en": "Data: CC BY 4.0. Credit the dashboard and the sources named under each chart.",
        "es": "Datos: CC BY 4.0. Cite el panel y las fuentes indicadas bajo cada gráfico.",
    },
}
