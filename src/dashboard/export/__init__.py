"""Static export: every chart as a standalone offline page, images, CSV/JSON and a gallery.

`python -m dashboard export --out DIR` (`command`) writes into a temporary folder beside DIR and
moves it into place at the end (`folder`), so a failed export never leaves half a folder. Pages
(`pages`, with the figures made compact by `figure_json`) load one shared plotly.js or deck.gl
bundle from the folder itself: no CDN, and they work from file://. `images` draws PNG and SVG;
`data_package` writes each chart's data as CSV and JSON with a Frictionless datapackage.json.
"""
