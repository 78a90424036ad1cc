"""Readers' tools without streamlit: full-text search, what changed since a date, citation lines.

Search is SQLite FTS5 from the standard library (built once per data version by the caller): one
row per record and language, `remove_diacritics 2` so "espana" finds "España", ranked by bm25.
Matching words are marked with control characters, the text is escaped, and only then do the
marks become `<mark>`: data text can never become markup.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

import pandas as pd

from dashboard.cards import esc, optional_date, record_title
from dashboard.filters import Filters, filter_actions, filter_policies, filter_statistics
from dashboard.frames import Frames, precision_of
from dashboard.i18n import LANGUAGES, fmt_date, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.memo import per_data_version

REPO_URL_ENV = "DASHBOARD_REPO_URL"
EXPORT_URL_ENV = "DASHBOARD_EXPORT_URL"  # where the static export (and its feed.xml) is published
# Where "suggest a correction" opens the issue form (.github/ISSUE_TEMPLATE/correction.yml).
START, END = "\x02", "\x03"  # highlight marks: never in data text (removed before indexing)
_MARKS = re.compile("[\x00-\x08\x0b-\x1f]")
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 12
MAX_MATCHES = 5000  # ranked rows read per query (both languages)
SNIPPET_WORDS = 24
# Column weights for bm25: a word in the title counts most, then names, then the body.
WEIGHTS = (10.0, 1.0, 4.0)


def _clean(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return _MARKS.sub(" ", str(value))


def _join(*values: object) -> str:
    return " · ".join(text for text in (_clean(value) for value in values) if text)


@dataclass(frozen=True)
class Hit:
    """One search result: the record, where it lives, its rank and highlighted text (HTML)."""

    record_id: str
    dataset: str
    place: str
    score: float
    title_html: str
    snippet_html: str


Row = tuple[str, str, str, str, str, str, str]  # id, dataset, lang, place, title, body, people


def _rows(frames: Frames) -> list[Row]:
    names = frames.platform_names
    rows: list[Row] = []
    for lang in LANGUAGES:
        for row in frames.actions.itertuples(index=False):
            platforms = " ".join(names.get(pid, pid) for pid in row.platforms)
            place = jurisdiction_name(row.jurisdiction, lang)
            body = _join(
                getattr(row, f"summary_{lang}"), getattr(row, f"notes_{lang}"),
                getattr(row, f"dispute_{lang}"),
            )  # fmt: skip
            people = _join(getattr(row, f"authority_{lang}"), platforms, place, row.jurisdiction)
            title = _clean(getattr(row, f"title_{lang}"))
            rows.append((row.id, "actions", lang, row.jurisdiction, title, body, people))
        for row in frames.age_policies.itertuples(index=False):
            place = jurisdiction_name(row.jurisdiction, lang)
            platforms = " ".join(names.get(pid, pid) for pid in row.platforms_covered)
            body = _join(
                getattr(row, f"summary_{lang}"), getattr(row, f"notes_{lang}"),
                getattr(row, f"enforcement_{lang}"), getattr(row, f"dispute_{lang}"),
            )  # fmt: skip
            people = _join(getattr(row, f"name_{lang}"), platforms, place, row.jurisdiction)
            title = _clean(getattr(row, f"title_{lang}"))
            rows.append((row.id, "age_policies", lang, row.jurisdiction, title, body, people))
        for row in frames.statistics.itertuples(index=False):
            place = jurisdiction_name(row.geography, lang) if row.geography != "WORLD" else ""
            body = _join(
                getattr(row, f"display_{lang}"), getattr(row, f"population_{lang}"),
                getattr(row, f"methodology_{lang}"), getattr(row, f"caveats_{lang}"),
            )  # fmt: skip
            people = _join(row.publisher, place, row.geography)
            title = _clean(getattr(row, f"label_{lang}"))
            rows.append((row.id, "statistics", lang, row.geography, title, body, people))
    return rows


def fold(text: str) -> str:
    """Lower case without accents, one character for one (so positions map back to `text`)."""
    return "".join(unicodedata.normalize("NFD", char)[0].lower()[0] for char in text)


def mark_words(text: str, words: list[str]) -> str:
    """`text` as HTML with every word starting with one of `words` in <mark>.

    Accents and case are ignored as in the index. The marks go in as control characters, the
    text is escaped, and only then do the marks become tags.
    """
    folded = fold(text)
    spans = []
    for word in {fold(word) for word in words}:
        pattern = re.compile(rf"(?<!\w){re.escape(word)}\w*")
        spans += [match.span() for match in pattern.finditer(folded)]
    marked, last = [], 0
    for begin, finish in sorted(spans):
        if begin < last:
            continue
        marked += [text[last:begin], START, text[begin:finish], END]
        last = finish
    marked.append(text[last:])
    return marked_html("".join(marked))


def snippet(text: str, words: list[str], size: int = SNIPPET_WORDS) -> str:
    """About `size` words of `text` around the first word that matches, marked."""
    tokens = text.split()
    folded = [fold(token) for token in tokens]
    wanted = [fold(word) for word in words]
    first = next((i for i, token in enumerate(folded) if any(w in token for w in wanted)), None)
    if first is None:
        return ""
    begin = max(0, first - size // 3)
    part = " ".join(tokens[begin : begin + size])
    part = ("… " if begin else "") + part + (" …" if begin + size < len(tokens) else "")
    return mark_words(part, words)


class SearchIndex:
    """An in-memory FTS5 index of every record in both languages; safe to share between threads.

    FTS5 finds and ranks (bm25); the few results shown are marked in Python (`mark_words`):
    SQLite's highlight() on a ranked subset costs more than the ranking itself.
    """

    def __init__(self, frames: Frames) -> None:
        self._lock = threading.Lock()
        self._rows = _rows(frames)
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, body, names, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        self._db.executemany(
            "INSERT INTO docs (rowid, title, body, names) VALUES (?, ?, ?, ?)",
            [(number, *row[4:]) for number, row in enumerate(self._rows)],
        )
        weights = ", ".join(str(weight) for weight in WEIGHTS)
        # FTS5's own `rank` with these weights: ORDER BY rank LIMIT n is its fast path.
        self._db.execute("INSERT INTO docs(docs, rank) VALUES ('rank', ?)", (f"bm25({weights})",))
        self._db.commit()

    @staticmethod
    def words(text: str) -> list[str]:
        return _WORD.findall(text)[:MAX_QUERY_WORDS]

    @classmethod
    def fts_query(cls, text: str) -> str:
        """The reader's words as an FTS5 query: every word must match, as a prefix; no syntax."""
        return " ".join(f'"{word}"*' for word in cls.words(text))

    def search(
        self, text: str, lang: str, limit: int = 50, allowed: set[str] | None = None
    ) -> list[Hit]:
        """Records matching every word of `text` in either language, best first.

        `allowed` (the ids the reader's filters let through) is applied before the limit.
        """
        query = self.fts_query(text)
        if not query:
            return []
        # Each record has a row per language: read enough rows for `limit` records, more when
        # the filters will drop some.
        wanted = MAX_MATCHES if allowed is not None else limit * 3
        with self._lock:
            ranked = self._db.execute(
                "SELECT rowid, rank FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
                (query, wanted),
            ).fetchall()
        best: dict[str, tuple[float, int]] = {}  # record id -> (best score, row shown)
        for number, score in ranked:
            rid, row_lang = self._rows[number][0], self._rows[number][2]
            if allowed is not None and rid not in allowed:
                continue
            known = best.get(rid)
            if known is None:
                best[rid] = (score, number)
            elif row_lang == lang and self._rows[known[1]][2] != lang:
                # The reader's language wins for the text shown; the best score ranks the record.
                best[rid] = (min(score, known[0]), number)
        chosen = sorted(best.items(), key=lambda item: item[1][0])[:limit]
        words = self.words(text)
        hits = []
        for rid, (score, number) in chosen:
            _, dataset, _, place, title, body, _ = self._rows[number]
            hits.append(
                Hit(rid, dataset, place, score, mark_words(title, words), snippet(body, words))
            )
        return hits


def marked_html(text: str) -> str:
    """Escape first, then turn the highlight marks into <mark>."""
    return esc(text).replace(START, "<mark>").replace(END, "</mark>")


def allowed_ids(frames: Frames, filters: Filters) -> set[str]:
    """The ids of every record the reader's filters let through."""
    return (
        set(filter_actions(frames.actions, filters)["id"])
        | set(filter_policies(frames.age_policies, filters)["id"])
        | set(filter_statistics(frames.statistics, filters)["id"])
    )


# What's new.


@dataclass(frozen=True)
class Change:
    """A record added or changed on `when`; `kind` is added, status, corrected or dated."""

    when: pd.Timestamp
    kind: str
    dataset: str
    record_id: str
    title: str
    detail: str = ""
    precision: str = "day"  # "month" where only the month of `when` is known


def default_since(frames: Frames) -> date:
    return (frames.coverage_end - pd.Timedelta(days=30)).date()


def _own_date(dataset: str, row: pd.Series) -> tuple[pd.Timestamp | None, str]:
    """A record's own date (an action's, a figure's publication) and its precision."""
    column = {"actions": "date", "statistics": "published"}.get(dataset)
    value = row.get(column) if column else None
    if column is None or value is None or pd.isna(value):
        return None, "day"
    return pd.Timestamp(value), precision_of(row, column)


@per_data_version
def changes_since(frames: Frames, since: date, lang: str) -> list[Change]:
    """Records added, moved on (a new status step) or corrected since `since`, newest first.

    Where the data has no `added` date yet, a record's own date (an action's, a figure's
    publication) stands in for it.
    """
    start = pd.Timestamp(since)
    changes: list[Change] = []
    titles: dict[str, tuple[str, str]] = {}
    for dataset in ("actions", "age_policies", "statistics"):
        for _, row in getattr(frames, dataset).iterrows():
            titles[row["id"]] = (dataset, record_title(dataset, row, lang))
            added = optional_date(row, "added")
            kind = "added" if added is not None else "dated"
            when, precision = (added, "day") if added is not None else _own_date(dataset, row)
            if when is not None and when >= start:
                title = titles[row["id"]][1]
                changes.append(Change(when, kind, dataset, row["id"], title, precision=precision))
    history = frames.policy_history
    for step in history[history["date"] >= start].itertuples():
        if step.policy_id in titles and step.step > 0:
            dataset, title = titles[step.policy_id]
            status = t(f"pstatus.{step.status}", lang)
            precision = precision_of(step._asdict(), "date")
            changes.append(
                Change(step.date, "status", dataset, step.policy_id, title, status, precision)
            )
    corrections = frames.corrections
    for fix in corrections[corrections["date"] >= start].itertuples():
        if fix.record in titles:
            dataset, title = titles[fix.record]
            detail = _clean(getattr(fix, f"what_changed_{lang}"))
            changes.append(Change(fix.date, "corrected", dataset, fix.record, title, detail))
    return sorted(changes, key=lambda change: (change.when, change.record_id), reverse=True)


# Citing and correcting.


def record_corrections(frames: Frames, record_id: str) -> pd.DataFrame:
    corrections = frames.corrections
    return corrections[corrections["record"] == record_id].sort_values("date", ascending=False)


def correction_lines(frames: Frames, record_id: str, lang: str) -> list[str]:
    """The record's corrections as sentences (date, what changed, why), newest first."""
    return [
        t(
            "record.correction_line",
            lang,
            date=fmt_date(fix.date, "day", lang),
            what=getattr(fix, f"what_changed_{lang}"),
            why=getattr(fix, f"reason_{lang}"),
        )  # fmt: skip
        for fix in record_corrections(frames, record_id).itertuples()
    ]


def related_ids(frames: Frames, record_id: str) -> list[str]:
    """Records this one names as related, and records that name it (links both ways)."""
    actions = frames.actions
    known = set(actions["id"]) | set(frames.age_policies["id"]) | set(frames.statistics["id"])
    own = actions.loc[actions["id"] == record_id, "related"]
    named = list(own.iloc[0]) if not own.empty else []
    naming = actions.loc[actions["related"].map(lambda ids: record_id in ids), "id"].tolist()
    seen: list[str] = []
    for other in [*named, *naming]:
        if other != record_id and other in known and other not in seen:
            seen.append(other)
    return seen


def citation(
    title: str, record_id: str, permalink: str, checked: str, today: str, lang: str
) -> str:
    """'Title'. AI abuse & age limits tracker, record ID (checked DATE). URL (accessed DATE)."""
    return t(
        "record.cite.line", lang, title=title, site=t("app.short_title", lang), id=record_id,
        checked=checked, url=permalink, today=today,
    )  # fmt: skip


def correction_url(record_id: str, lang: str) -> str | None:
    """The GitHub issue form for corrections, prefilled with the record's id; None until the
    deployment names its repository (no address is guessed)."""
    base = os.environ.get(REPO_URL_ENV, "").strip().rstrip("/")
    if not base.startswith(("https://", "http://")):
        return None
    query = urlencode(
        {
            "template": "correction.yml",
            "title": t("record.correct.issue_title", lang, id=record_id)[:200],
            "record": record_id,
            "labels": "correction",
        }
    )
    return f"{base}/issues/new?{query}"


def checked_text(row: pd.Series, lang: str) -> str:
    checked = optional_date(row, "last_checked")
    return fmt_date(checked, "day", lang) if checked is not None else t("record.not_checked", lang)


def record_facts(dataset: str, row: pd.Series, lang: str, checked: bool = True) -> list[str]:
    """What a record page says above the card: unverified, kind, id, when added and, unless
    the card shows it (`checked` False), when it was last checked."""
    facts = [t(f"record.kind.{dataset}", lang), t("record.id", lang, id=row["id"])]
    if not row["verified"]:
        facts.insert(0, t("record.unverified", lang))
    added = optional_date(row, "added")
    if added is not None:
        facts.append(t("record.added", lang, date=fmt_date(added, "day", lang)))
    if checked:
        facts.append(t("record.last_checked", lang, date=checked_text(row, lang)))
    return facts


@per_data_version
def search_index(frames: Frames) -> SearchIndex:
    """One index per data version, shared by every reader."""
    return SearchIndex(frames)


def feed_url() -> str | None:
    """The static export's Atom feed, where the export's public address is configured."""
    base = os.environ.get(EXPORT_URL_ENV, "").strip().rstrip("/")
    return f"{base}/feed.xml" if base.startswith(("http://", "https://")) else None
