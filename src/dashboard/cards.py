"""Record cards as small HTML blocks: one action, policy or statistic with its facts and sources.

One escaped block per card keeps a page of 25 cards at 25 Streamlit elements (it was hundreds),
and the same HTML serves the app (`records.py`), the record page and the static site (`site.py`).
No streamlit import here. Every text from the data goes through `esc` (the charts' `escape`, with
quotes escaped too, so it is safe in attributes); URLs go through `href`, which allows only http(s).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pandas as pd

from dashboard import schema
from dashboard.charts.common import esc, threshold_facts
from dashboard.frames import Frames
from dashboard.i18n import fmt_date, fmt_number, label, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.memo import per_data_version
from dashboard.share import page_href

# Record id -> the address of its page (relative: the app may run under a base path).
RecordHref = Callable[[str], str]
DATASETS = tuple(schema.dataset_name(name) for name in schema.STORY_FILES)  # record pages
_UNSAFE_URL = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


def href(url: Any) -> str | None:
    """An http(s) URL for an href attribute, escaped; None for anything else."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return None
    return esc(_UNSAFE_URL.sub(lambda match: quote(match.group(0)), url))


def link(text: Any, url: Any, external: bool = True) -> str:
    """An escaped link, or the escaped text alone where the URL is not http(s)."""
    target = href(url)
    if target is None:
        return esc(text)
    extra = ' rel="noopener noreferrer" target="_blank"' if external else ""
    return f'<a href="{target}"{extra}>{esc(text)}</a>'


def app_record_href(lang: str) -> RecordHref:
    """Links to `/record` relative to the current page, keeping the reader's language."""
    return lambda record_id: page_href("record", {"id": record_id, "lang": lang})


@dataclass
class _Lookup:
    """Where each record, source list and history is, found once per frames object."""

    frames: Frames
    rows: dict[str, tuple[str, int]]  # id -> (dataset, position in its frame)
    sources: dict[tuple[str, str], list[tuple]]  # (dataset, id) -> sources in order
    history: dict[str, list[tuple]]  # policy id -> its steps in order


_LOOKUPS: dict[int, _Lookup] = {}


def _lookup(frames: Frames) -> _Lookup:
    # A card looks up one record among thousands: masks over whole frames per card add up.
    found = _LOOKUPS.get(id(frames))
    if found is not None and found.frames is frames:
        return found
    rows = {
        record_id: (dataset, position)
        for dataset in reversed(DATASETS)
        for position, record_id in enumerate(getattr(frames, dataset)["id"])
    }
    sources: dict[tuple[str, str], list[tuple]] = {}
    for row in frames.sources.itertuples(index=False):
        sources.setdefault((row.dataset, row.record_id), []).append(
            (row.publisher, row.url, row.published, row.published_precision)
        )
    history: dict[str, list[tuple]] = {}
    for step in frames.policy_history.itertuples(index=False):
        history.setdefault(step.policy_id, []).append(
            (step.date, step.date_precision, step.status, step.source)
        )
    if len(_LOOKUPS) >= 8:  # a few data versions at once at most; the oldest goes
        _LOOKUPS.pop(next(iter(_LOOKUPS)))
    _LOOKUPS[id(frames)] = found = _Lookup(frames, rows, sources, history)
    return found


def find_record(frames: Frames, record_id: str) -> tuple[str, pd.Series] | None:
    """The dataset and row of any record by id, or None."""
    where = _lookup(frames).rows.get(record_id)
    if where is None:
        return None
    dataset, position = where
    return dataset, getattr(frames, dataset).iloc[position]


def record_title(dataset: str, row: pd.Series, lang: str) -> str:
    """The record's one-line title (a statistic's label), as plain text."""
    return str(row[f"label_{lang}" if dataset == "statistics" else f"title_{lang}"])


def optional_date(row: pd.Series, name: str) -> pd.Timestamp | None:
    """A date column the data may not have yet (`added`, `last_checked`)."""
    value = row.get(name)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    try:
        return pd.Timestamp(value)
    except (TypeError, ValueError):
        return None


# Pieces.


def _p(inner: str, css: str = "") -> str:
    return f'<p class="{css}">{inner}</p>' if css else f"<p>{inner}</p>"


def _meta(parts: list[Any]) -> str:
    return _p(" · ".join(esc(part) for part in parts if part is not None and part != ""), "rc-meta")


def _title(text: str, record_id: str, verified: bool, lang: str, record: RecordHref | None) -> str:
    title = esc(text)
    if record is not None:
        title = f'<a href="{esc(record(record_id))}">{title}</a>'
    mark = "" if verified else f' <span class="rc-mark">{esc(t("record.unverified", lang))}</span>'
    return f'<p class="rc-title"><strong>{title}</strong>{mark}</p>'


def _flags(row: pd.Series, lang: str) -> str:
    parts = []
    if not bool(row["verified"]):
        note = t("record.unverified", lang) + " — " + t("chart.unverified_note", lang)
        parts.append(_p(esc(note), "rc-flag rc-warn"))
    dispute = row.get(f"dispute_{lang}")
    if isinstance(dispute, str) and dispute:
        heading = esc(t("record.disputed", lang))
        parts.append(_p(f"<strong>{heading}:</strong> {esc(dispute)}", "rc-flag rc-info"))
    return "".join(parts)


def _note(row: pd.Series, field: str, heading: str) -> str:
    text = row.get(field)
    if isinstance(text, str) and text:
        return _p(f"{esc(heading)}: {esc(text)}", "rc-meta")
    return ""


def sources_html(frames: Frames, dataset: str, record_id: str, lang: str) -> str:
    """The record's sources as links with publisher and date."""
    items = "".join(
        f"<li>{link(publisher, url)} ({esc(fmt_date(published, precision, lang))})</li>"
        for publisher, url, published, precision in _lookup(frames).sources.get(
            (dataset, record_id), []
        )
    )
    return (
        f'<p class="rc-label"><strong>{esc(t("record.sources", lang))}</strong></p><ul>{items}</ul>'
    )


def _checked(row: pd.Series, lang: str) -> str:
    checked = optional_date(row, "last_checked")
    if checked is None:
        return ""
    return _p(esc(t("record.last_checked", lang, date=fmt_date(checked, "day", lang))), "rc-meta")


def history_html(frames: Frames, record_id: str, lang: str) -> str:
    """An age rule's status steps, each linked to its source."""
    steps = _lookup(frames).history.get(record_id, [])
    if not steps:
        return ""
    items = "".join(
        f"<li>{esc(fmt_date(day, precision, lang))}: "
        f"{link(label('pstatus', status, lang), source)}</li>"
        for day, precision, status, source in steps
    )
    return f'<ul class="rc-history">{items}</ul>'


def _card(body: str, lang: str) -> str:
    return f'<div class="record-card" lang="{esc(lang)}">{body}</div>'


# Cards.


def action_card(
    frames: Frames, row: pd.Series, lang: str, record: RecordHref | None, title: bool = True
) -> str:
    """One action: title, date, place, authority, kind, status, summary, flags and sources."""
    names = frames.platform_names
    platforms = ", ".join(names.get(pid, pid) for pid in row["platforms"]) or t("value.none", lang)
    parts = [
        _title(row[f"title_{lang}"], row["id"], row["verified"], lang, record) if title else "",
        _meta(
            [
                fmt_date(row["date"], row["date_precision"], lang),
                jurisdiction_name(row["jurisdiction"], lang),
                row[f"authority_{lang}"],
                label("type", row["type"], lang),
                label("astatus", row["status"], lang),
                f"{t('col.platforms', lang)}: {platforms}",
            ]
        ),
        _p(esc(row[f"summary_{lang}"])),
    ]
    if pd.notna(row["amount_value"]):
        amount = f"{fmt_number(row['amount_value'], lang, 0)} {row['amount_currency']}"
        parts.append(_p(f"<strong>{esc(amount)}</strong>"))
    parts += [
        _flags(row, lang),
        _note(row, f"notes_{lang}", t("record.notes", lang)),
        _checked(row, lang),
        sources_html(frames, "actions", row["id"], lang),
    ]
    return _card("".join(parts), lang)


def policy_card(
    frames: Frames, row: pd.Series, lang: str, record: RecordHref | None, title: bool = True
) -> str:
    """One minimum-age rule, with its history."""
    min_age = row["min_age"] if pd.notna(row["min_age"]) else t("value.none", lang)
    facts = [
        row[f"name_{lang}"],
        f"{t('col.kind', lang)}: {label('pkind', row['kind'], lang)}",
        label("pstatus", row["status"], lang),
        f"{t('col.min_age', lang)}: {min_age}",
        *threshold_facts(row, lang),
    ]
    parts = [
        _title(row[f"title_{lang}"], row["id"], row["verified"], lang, record) if title else "",
        _meta(facts),
        _p(esc(row[f"summary_{lang}"])),
        history_html(frames, row["id"], lang),
        _flags(row, lang),
        _note(row, f"enforcement_{lang}", t("record.enforcement", lang)),
        _note(row, f"notes_{lang}", t("record.notes", lang)),
        _checked(row, lang),
        sources_html(frames, "age_policies", row["id"], lang),
    ]
    return _card("".join(parts), lang)


def statistic_card(
    frames: Frames, row: pd.Series, lang: str, record: RecordHref | None, title: bool = True
) -> str:
    """One published figure: value, what it measures, method, caveats and sources."""
    details = [
        row[f"population_{lang}"],
        row[f"period_{lang}"],
        f"{t('col.publisher', lang)}: {row['publisher']}",
        t(
            "stats.published",
            lang,
            date=fmt_date(row["published"], row["published_precision"], lang),
        ),
    ]
    if pd.notna(row["sample_size"]):
        details.append(t("stats.sample", lang, n=fmt_number(row["sample_size"], lang, 0)))
    parts = [
        _title(row[f"label_{lang}"], row["id"], row["verified"], lang, record) if title else "",
        f'<p class="rc-figure">{esc(row[f"display_{lang}"])}</p>',
        _meta(details),
        _p(esc(row[f"methodology_{lang}"])),
        _flags(row, lang),
        _note(row, f"caveats_{lang}", t("stats.caveats", lang)),
        _checked(row, lang),
        sources_html(frames, "statistics", row["id"], lang),
    ]
    return _card("".join(parts), lang)


CARDS = {"actions": action_card, "age_policies": policy_card, "statistics": statistic_card}


def card_html(
    frames: Frames, dataset: str, record_id: str, lang: str, record: RecordHref | None = None
) -> str:
    """The card of `record_id` in `dataset` ("" where it is not in the data)."""
    found = find_record(frames, record_id)
    if found is None or found[0] != dataset:
        return ""
    return CARDS[dataset](frames, found[1], lang, record)


@per_data_version
def cards_html(
    frames: Frames, dataset: str, record_ids: tuple[str, ...], lang: str, columns: int = 1
) -> str:
    """The cards of many records as one HTML block (one Streamlit element for a whole list,
    built once per data version), linked to their record pages; "" where none is in the data.
    `columns` 2 sets them two abreast on a wide screen, one under another on a phone."""
    record = app_record_href(lang)
    body = "".join(card_html(frames, dataset, record_id, lang, record) for record_id in record_ids)
    return f'<div class="card-list card-cols-{columns}">{body}</div>' if body else ""
