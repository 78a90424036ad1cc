"""The indexable part of the static export: a page per record and per place, a sitemap, a feed.

Writes `records/ID.html` (title, summary, sources, dates, canonical URL, Open Graph tags),
`country/CODE.html`, `sitemap.xml` and `feed.xml` (Atom, made with feedgen) beside the charts,
so search engines, link previews and feed readers see the content. Offline: no third-party
request; every text from the data is escaped (Jinja2 autoescape, and `cards` for the cards).
URLs are absolute where the export's public address (`--export-url`) is known, else relative.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

import jinja2
import pandas as pd
from feedgen.feed import FeedGenerator

from dashboard import cards, readers
from dashboard.frames import Frames
from dashboard.i18n import fmt_date, t
from dashboard.jurisdictions import jurisdiction_name

RECORDS, COUNTRIES = "records", "country"
FEED_ENTRIES = 50
OG_LOCALES = {"en": "en_GB", "es": "es_ES"}
TEXT_LIMIT = 300


class SiteInfo(Protocol):
    @property
    def lang(self) -> str: ...
    @property
    def updated(self) -> str: ...
    @property
    def export_url(self) -> str: ...
    @property
    def dashboard_url(self) -> str: ...


def _short(text: Any, limit: int = TEXT_LIMIT) -> str:
    value = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _absolute(site: SiteInfo, path: str) -> str:
    """The public URL of `path` inside the export, or "" when the export's address is unknown."""
    base = site.export_url.rstrip("/")
    return f"{base}/{path}" if base else ""


def _dashboard(site: SiteInfo, path: str, query: dict[str, str]) -> str:
    base = site.dashboard_url.rstrip("/")
    if not base.startswith(("http://", "https://")):
        return ""
    return f"{base}/{path}?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in query.items())


def _summary(dataset: str, row: pd.Series, lang: str) -> str:
    column = "methodology" if dataset == "statistics" else "summary"
    if dataset == "statistics":
        return f"{row[f'display_{lang}']}. {row[f'{column}_{lang}']}"
    return str(row[f"{column}_{lang}"])


def _all_records(frames: Frames) -> Iterator[tuple[str, pd.Series]]:
    for dataset in cards.DATASETS:
        for _, row in getattr(frames, dataset).iterrows():
            yield dataset, row


def _common(site: SiteInfo, title: str, description: str, path: str) -> dict[str, Any]:
    lang = site.lang
    return {
        "lang": lang,
        "title": title,
        "description": _short(description),
        "canonical": _absolute(site, path),
        "site_name": t("app.short_title", lang),
        "og_locale": OG_LOCALES.get(lang, "en_GB"),
        "feed_title": t("site.feed_title", lang),
        "dashboard_label": t("site.open_dashboard", lang),
    }


def record_page(
    env: jinja2.Environment, frames: Frames, dataset: str, row: pd.Series, site: SiteInfo
) -> str:
    """`records/ID.html`: one record's card, related records, corrections and a citation."""
    lang, record_id = site.lang, row["id"]
    title = cards.record_title(dataset, row, lang)
    place = row.get("jurisdiction", row.get("geography"))
    checked = readers.checked_text(row, lang)
    facts = readers.record_facts(dataset, row, lang)
    related = []
    for other in readers.related_ids(frames, record_id):
        found = cards.find_record(frames, other)
        if found:
            related.append(
                {
                    "href": f"{other}.html",
                    "text": cards.record_title(found[0], found[1], lang),
                    "kind": t(f"record.kind.{found[0]}", lang),
                }
            )
    corrections = readers.correction_lines(frames, record_id, lang)
    path = f"{RECORDS}/{record_id}.html"
    permalink = _absolute(site, path) or path
    nav = []
    if isinstance(place, str) and place != "WORLD":
        nav.append({"href": f"../{COUNTRIES}/{place}.html", "text": jurisdiction_name(place, lang)})
    context = _common(site, title, _summary(dataset, row, lang), path)
    context.update(
        og_type="article",
        nav=nav,
        facts=" · ".join(facts),
        # The card's HTML is escaped by dashboard.cards; related records link to sibling files.
        card=jinja2.filters.Markup(cards.CARDS[dataset](frames, row, lang, None, title=False)),
        related=related,
        related_label=t("record.related", lang),
        corrections=corrections,
        corrections_label=t("record.corrections", lang),
        corrections_none=t("record.corrections_none", lang),
        cite_label=t("record.cite.heading", lang),
        citation=readers.citation(title, record_id, permalink, checked, site.updated, lang),
        correction_url=readers.correction_url(record_id, lang),
        correction_label=t("record.correct.link", lang),
        correction_unconfigured=t("record.correct.unconfigured", lang, id=record_id),
        dashboard_link=_dashboard(site, "record", {"id": record_id, "lang": lang}),
    )
    return env.get_template("record.html").render(**context)


def _places(frames: Frames) -> list[str]:
    codes = (
        set(frames.actions["jurisdiction"]) | set(frames.age_policies["jurisdiction"])
        | set(frames.statistics["geography"])
    ) - {"WORLD"}  # fmt: skip
    return sorted(codes)


def country_page(env: jinja2.Environment, frames: Frames, code: str, site: SiteInfo) -> str:
    """`country/CODE.html`: every record of one place, linked to its page."""
    lang = site.lang
    name = jurisdiction_name(code, lang)
    policies = frames.age_policies[frames.age_policies["jurisdiction"] == code]
    actions = frames.actions[frames.actions["jurisdiction"] == code].sort_values(
        "date", ascending=False
    )
    statistics = frames.statistics[frames.statistics["geography"] == code].sort_values(
        "published", ascending=False
    )

    def items(dataset: str, frame: pd.DataFrame, meta: Any) -> list[dict[str, str]]:
        return [
            {
                "href": f"../{RECORDS}/{row['id']}.html",
                "text": cards.record_title(dataset, row, lang),
                "meta": meta(row),
            }
            for _, row in frame.iterrows()
        ]

    sections = [
        (t("country.policies", lang), items("age_policies", policies,
            lambda row: t(f"pstatus.{row['status']}", lang))),
        (t("country.actions", lang), items("actions", actions,
            lambda row: fmt_date(row["date"], row["date_precision"], lang))),
        (t("country.statistics", lang), items("statistics", statistics,
            lambda row: fmt_date(row["published"], row["published_precision"], lang))),
    ]  # fmt: skip
    intro = t(
        "site.country_intro", lang, actions=len(actions), policies=len(policies),
        statistics=len(statistics),
    )  # fmt: skip
    context = _common(
        site, t("site.country_title", lang, name=name), intro, f"{COUNTRIES}/{code}.html"
    )
    context.update(
        og_type="website",
        nav=[],
        intro=intro,
        sections=[{"heading": heading, "items": found} for heading, found in sections if found],
        dashboard_link=_dashboard(site, "country", {"c": code, "lang": lang}),
    )
    return env.get_template("country.html").render(**context)


def _last_modified(row: pd.Series, fallback: str) -> str:
    for name in ("last_checked", "added"):
        value = cards.optional_date(row, name)
        if value is not None:
            return value.date().isoformat()
    return fallback


def sitemap(frames: Frames, site: SiteInfo, extra: list[str]) -> str:
    """sitemap.xml: the gallery, the chart pages, every record and place page."""
    reviewed = frames.last_reviewed.date().isoformat()
    entries = [(path, reviewed) for path in ["index.html", *extra]]
    entries += [
        (f"{RECORDS}/{row['id']}.html", _last_modified(row, reviewed))
        for _, row in _all_records(frames)
    ]
    entries += [(f"{COUNTRIES}/{code}.html", reviewed) for code in _places(frames)]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']  # fmt: skip
    for path, modified in entries:
        location = _absolute(site, path) or path
        lines.append(f"<url><loc>{xml_escape(location)}</loc><lastmod>{modified}</lastmod></url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _utc(value: pd.Timestamp) -> datetime:
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def feed(frames: Frames, site: SiteInfo) -> bytes:
    """feed.xml: the newest additions, status changes and corrections, each linking to its page."""
    lang = site.lang
    end = frames.coverage_end
    since = (min(end, frames.last_reviewed) - pd.Timedelta(days=365)).date()
    changes = readers.changes_since(frames, since, lang)[:FEED_ENTRIES]
    generator = FeedGenerator()
    feed_url = _absolute(site, "feed.xml")
    generator.id(feed_url or f"urn:x-dashboard:{lang}:feed")
    generator.title(t("site.feed_title", lang))
    generator.subtitle(t("app.purpose", lang))
    generator.language(lang)
    generator.author({"name": t("app.short_title", lang)})
    if feed_url:
        generator.link(href=feed_url, rel="self")
    generator.link(href=_absolute(site, "index.html") or "index.html", rel="alternate")
    generator.updated(_utc(max(frames.last_reviewed, *(c.when for c in changes[:1]))))
    for change in reversed(changes):  # feedgen puts the last added first
        path = f"{RECORDS}/{change.record_id}.html"
        entry = generator.add_entry()
        day = change.when.date().isoformat()
        entry.id(
            f"{_absolute(site, path)}#{change.kind}-{day}"
            if site.export_url
            else f"urn:x-dashboard:{change.record_id}:{change.kind}:{day}"
        )
        kind = t(f"changes.kind.{change.kind}", lang)
        entry.title(f"{kind}: {change.title}")
        entry.link(href=_absolute(site, path) or path)
        entry.updated(_utc(change.when))
        entry.summary(change.detail or change.title)
    return generator.atom_str(pretty=True)


def write_site(
    root: Path, env: jinja2.Environment, frames: Frames, site: SiteInfo, chart_pages: list[str]
) -> list[str]:
    """Write the record and place pages, the sitemap and the feed under `root`; their names."""
    written = []
    for folder in (RECORDS, COUNTRIES):
        (root / folder).mkdir(exist_ok=True)
    for dataset, row in _all_records(frames):
        name = f"{RECORDS}/{row['id']}.html"  # ids are kebab-case by the schema: plain names
        (root / name).write_text(record_page(env, frames, dataset, row, site), encoding="utf-8")
        written.append(name)
    for code in _places(frames):
        name = f"{COUNTRIES}/{code}.html"  # codes match [A-Z]{2,3}(-[A-Z0-9]{1,3})?
        (root / name).write_text(country_page(env, frames, code, site), encoding="utf-8")
        written.append(name)
    (root / "sitemap.xml").write_text(sitemap(frames, site, chart_pages), encoding="utf-8")
    (root / "feed.xml").write_bytes(feed(frames, site))
    return [*written, "sitemap.xml", "feed.xml"]
