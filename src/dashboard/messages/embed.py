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
    "export.licence": {
        "en": "Data: CC BY 4.0. Credit the dashboard and the sources named under each chart.",
        "es": "Datos: CC BY 4.0. Cite el panel y las fuentes indicadas bajo cada gráfico.",
    },
}
