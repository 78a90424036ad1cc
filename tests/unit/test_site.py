"""The static export's indexable site: record and place pages, the sitemap and the Atom feed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dashboard import data, readers
from dashboard.export.command import export
from tests.conftest import TESTS, VALID_DATA

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
URL = "https://example.org/tracker"


REPO = "https://github.com/example/tracker"  # a deployment's repository, as configured


def _export(
    tmp_path_factory, data_dir: Path, lang: str = "en", url: str = URL, repo: str = REPO
) -> Path:
    out = tmp_path_factory.mktemp(f"site-{lang}") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(readers.REPO_URL_ENV, repo)
        export(
            out, data_dir=data_dir, images=False, lang=lang, export_url=url,
            dashboard_url="https://dash.example.org", progress=lambda line: None,
        )  # fmt: skip
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _export(tmp_path_factory, VALID_DATA)


@pytest.fixture(scope="module")
def frames():
    return data.load(VALID_DATA).frames


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _meta(tags: _Tags, key: str) -> str | None:
    for tag, attrs in tags.tags:
        if tag == "meta" and key in (attrs.get("property"), attrs.get("name")):
            return attrs.get("content")
    return None


def test_every_record_has_a_page_with_title_summary_sources_and_canonical(site, frames):
    records = [*frames.actions["id"], *frames.age_policies["id"], *frames.statistics["id"]]
    assert sorted(p.stem for p in (site / "records").glob("*.html")) == sorted(records)
    action = frames.actions.set_index("id").loc["es-prosecutor-referral-2026-02-17"]
    page = _parse(site / "records" / "es-prosecutor-referral-2026-02-17.html")
    text = "".join(page.text)
    assert action["title_en"] in text and action["summary_en"] in text
    canonical = f"{URL}/records/es-prosecutor-referral-2026-02-17.html"
    assert ("link", {"rel": "canonical", "href": canonical}) in page.tags
    assert _meta(page, "og:url") == canonical
    assert _meta(page, "og:title") == action["title_en"]
    assert _meta(page, "og:description") == action["summary_en"]
    hrefs = [attrs.get("href") for tag, attrs in page.tags if tag == "a"]
    sources = frames.sources[frames.sources["record_id"] == "es-prosecutor-referral-2026-02-17"]
    assert set(sources["url"]) <= set(hrefs)
    assert "17 Feb 2026" in text
    # Related records link both ways, as sibling files; the place page and the dashboard too.
    assert "ie-dpc-grok-inquiry-2026-02-17.html" in hrefs
    assert "../country/ESP.html" in hrefs
    assert any(
        h and h.startswith("https://dash.example.org/record?id=es-prosecutor") for h in hrefs
    )
    assert any(h and "correction.yml" in h and "record=es-prosecutor" in h for h in hrefs)
    back = _parse(site / "records" / "ie-dpc-grok-inquiry-2026-02-17.html")
    assert "es-prosecutor-referral-2026-02-17.html" in [
        a.get("href") for t, a in back.tags if t == "a"
    ]


def test_pages_make_no_third_party_request(site):
    for page in [*(site / "records").glob("*.html"), *(site / "country").glob("*.html")]:
        tags = _parse(page).tags
        assert not [t for t, a in tags if t in ("script", "img", "iframe")], page.name
        assert not [a for t, a in tags if t == "link" and a.get("rel") == "stylesheet"], page.name


def test_country_pages_link_every_record_of_the_place(site, frames):
    assert (site / "country" / "ESP.html").exists() and (site / "country" / "US-FL.html").exists()
    page = _parse(site / "country" / "ESP.html")
    hrefs = {a.get("href") for t, a in page.tags if t == "a"}
    spanish = frames.actions.loc[frames.actions["jurisdiction"] == "ESP", "id"]
    assert {f"../records/{rid}.html" for rid in spanish} <= hrefs
    assert "Spain: every record" in "".join(page.text)


def test_sitemap_lists_every_page_with_absolute_urls(site, frames):
    root = ET.parse(site / "sitemap.xml").getroot()
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]
    assert all(loc.startswith(URL + "/") for loc in locations)
    assert f"{URL}/records/us-fl-hb3.html" in locations
    assert f"{URL}/country/ESP.html" in locations
    assert f"{URL}/timeline-actions.html" in locations
    for loc in locations:
        assert (site / loc.removeprefix(URL + "/")).exists(), loc
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", u.findtext(f"{SITEMAP}lastmod")) for u in root)


def test_feed_is_valid_atom_linking_to_record_pages(site):
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == f"{URL}/feed.xml"
    assert root.findtext(f"{ATOM}title")
    entries = root.findall(f"{ATOM}entry")
    assert entries
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True)  # newest first
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(f"{URL}/records/")
        assert (site / link.removeprefix(URL + "/")).exists()
    # The fixture's one correction is in the feed, marked.
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert any(title.startswith("Corrected: ") for title in titles)


def test_spanish_site(tmp_path_factory):
    site = _export(tmp_path_factory, VALID_DATA, lang="es")
    page = _parse(site / "records" / "es-prosecutor-referral-2026-02-17.html")
    assert ("html", {"lang": "es"}) in page.tags
    assert _meta(page, "og:locale") == "es_ES"
    assert "España pide a la Fiscalía" in "".join(page.text)
    assert "Cite este registro" in "".join(page.text)
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"


def test_without_an_export_url_links_stay_relative(tmp_path_factory):
    site = _export(tmp_path_factory, VALID_DATA, url="")
    page = _parse(site / "records" / "us-fl-hb3.html")
    assert not [a for t, a in page.tags if t == "link" and a.get("rel") == "canonical"]
    locations = [url.findtext(f"{SITEMAP}loc") for url in ET.parse(site / "sitemap.xml").getroot()]
    assert "records/us-fl-hb3.html" in locations
    ET.parse(site / "feed.xml")  # still well-formed


def test_hostile_data_stays_text(tmp_path_factory):
    site = _export(tmp_path_factory, TESTS / "data" / "hostile")
    for page in [*(site / "records").glob("*.html"), *(site / "country").glob("*.html")]:
        tags = _parse(page).tags
        assert not [t for t, a in tags if t in ("script", "img", "svg", "iframe")], page.name
        for _tag, attrs in tags:
            assert not any(name.startswith("on") for name in attrs), (page.name, attrs)
            assert not (attrs.get("href") or "").lower().startswith("javascript"), page.name
    ET.parse(site / "feed.xml")
    ET.parse(site / "sitemap.xml")


def test_without_a_repository_the_record_page_says_how_to_suggest_a_correction(tmp_path_factory):
    site = _export(tmp_path_factory, VALID_DATA, repo="")
    page = (site / "records" / "us-fl-hb3.html").read_text(encoding="utf-8")
    assert "correction.yml" not in page
    assert "Correction form in this dashboard&#39;s repository" in page and "us-fl-hb3" in page
