"""The reader's filters: one small value, read from and written to the URL, applied to frames."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from dashboard.frames import Frames
from dashboard.i18n import DEFAULT_LANG, LANGUAGES, Lang
from dashboard.memo import per_data_version
from dashboard.schema import TOPICS

# URL parameter names: short, stable, shared by the app, embeds and share links.
PARAM_FROM, PARAM_TO = "from", "to"
PARAM_JURISDICTIONS, PARAM_PLATFORMS, PARAM_TOPICS = "j", "p", "t"
PARAM_LANG = "lang"
# The map's region view (a view, not a filter: it narrows no data and counts in no total).
PARAM_REGION = "region"
REGIONS = ("world", "europe", "americas", "asia-pacific")
FILTER_PARAMS = (PARAM_FROM, PARAM_TO, PARAM_JURISDICTIONS, PARAM_PLATFORMS, PARAM_TOPICS)


@dataclass(frozen=True)
class Filters:
    """What the reader narrowed the data to. Empty tuples mean 'all'."""

    start: date | None = None
    end: date | None = None
    jurisdictions: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    lang: Lang = DEFAULT_LANG
    region: str = REGIONS[0]

    @property
    def active_count(self) -> int:
        return sum(
            bool(value)
            for value in (
                self.start or self.end,
                self.jurisdictions,
                self.platforms,
                self.topics,
            )
        )

    def with_lang(self, lang: Lang) -> Filters:
        return replace(self, lang=lang)


# At most this many ignored values of one parameter get their own notice; the rest one summary.
MAX_NOTICES_PER_PARAM = 3


@dataclass(frozen=True)
class Notice:
    """A URL value that was ignored or adjusted, for a short message.

    `more` > 0: a summary of that many further ignored values; `shown`: the value used instead.
    """

    param: str
    value: str
    more: int = 0
    shown: str = ""


@dataclass(frozen=True)
class Known:
    """The values a URL may name, taken from the data."""

    jurisdictions: frozenset[str] = frozenset()
    platforms: frozenset[str] = frozenset()
    topics: frozenset[str] = field(default_factory=lambda: frozenset(TOPICS))


def _values(params: Mapping[str, str | list[str]], name: str) -> list[str]:
    """A parameter's values; `?j=ESP,FRA` and `?j=ESP&j=FRA` both work."""
    raw = params.get(name)
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    return [part.strip() for item in items for part in item.split(",") if part.strip()]


def _choices(
    params: Mapping[str, str | list[str]], name: str, allowed: Iterable[str], notices: list[Notice]
) -> tuple[str, ...]:
    allowed = set(allowed)
    chosen: list[str] = []
    ignored = 0
    for value in _values(params, name):
        if value in allowed:
            if value not in chosen:
                chosen.append(value)
        else:
            ignored += 1
            if ignored <= MAX_NOTICES_PER_PARAM:
                notices.append(Notice(name, value[:40]))
    if ignored > MAX_NOTICES_PER_PARAM:  # 3,000 bad ids: three notices and one summary
        notices.append(Notice(name, "", more=ignored - MAX_NOTICES_PER_PARAM))
    return tuple(chosen)


def _date(params: Mapping[str, str | list[str]], name: str, notices: list[Notice]) -> date | None:
    values = _values(params, name)
    if not values:
        return None
    try:
        return date.fromisoformat(values[0])
    except ValueError:
        notices.append(Notice(name, values[0][:40]))
        return None


def parse_query(
    params: Mapping[str, str | list[str]], known: Known
) -> tuple[Filters, list[Notice]]:
    """Filters from URL parameters; every value that is not valid is dropped with a notice."""
    notices: list[Notice] = []
    start = _date(params, PARAM_FROM, notices)
    end = _date(params, PARAM_TO, notices)
    if start and end and start > end:
        notices.append(Notice(f"{PARAM_FROM}/{PARAM_TO}", f"{start}/{end}"))
        start = end = None
    lang_values = _values(params, PARAM_LANG)
    lang: Lang = DEFAULT_LANG
    if lang_values:
        if lang_values[0] in LANGUAGES:
            lang = lang_values[0]  # type: ignore[assignment]
        else:
            notices.append(Notice(PARAM_LANG, lang_values[0][:40]))
    region = REGIONS[0]
    region_values = _values(params, PARAM_REGION)
    if region_values:
        if region_values[0] in REGIONS:
            region = region_values[0]
        else:
            notices.append(Notice(PARAM_REGION, region_values[0][:40]))
    filters = Filters(
        start=start,
        end=end,
        jurisdictions=_choices(params, PARAM_JURISDICTIONS, known.jurisdictions, notices),
        platforms=_choices(params, PARAM_PLATFORMS, known.platforms, notices),
        topics=_choices(params, PARAM_TOPICS, known.topics, notices),
        lang=lang,
        region=region,
    )
    return filters, notices


def clamp_dates(filters: Filters, low: date, high: date) -> tuple[Filters, list[Notice]]:
    """The date range moved inside [low, high] (what the date control accepts), with notices.

    A bound at the data's edge means "no bound", so it is dropped: the view is the same.
    """
    notices: list[Notice] = []

    def clamp(value: date | None, param: str) -> date | None:
        if value is None:
            return None
        inside = min(max(value, low), high)
        if inside != value:
            notices.append(Notice(param, value.isoformat(), shown=inside.isoformat()))
        return inside

    start, end = clamp(filters.start, PARAM_FROM), clamp(filters.end, PARAM_TO)
    start = None if start == low else start
    end = None if end == high else end
    return replace(filters, start=start, end=end), notices


def to_query(filters: Filters) -> dict[str, str]:
    """URL parameters for filters; defaults are left out to keep links short."""
    query: dict[str, str] = {}
    if filters.start:
        query[PARAM_FROM] = filters.start.isoformat()
    if filters.end:
        query[PARAM_TO] = filters.end.isoformat()
    for name, values in (
        (PARAM_JURISDICTIONS, filters.jurisdictions),
        (PARAM_PLATFORMS, filters.platforms),
        (PARAM_TOPICS, filters.topics),
    ):
        if values:
            query[name] = ",".join(values)
    if filters.lang != DEFAULT_LANG:
        query[PARAM_LANG] = filters.lang
    if filters.region != REGIONS[0]:
        query[PARAM_REGION] = filters.region
    return query


def _overlaps(column: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    wanted_set = set(wanted)
    return column.map(lambda values: bool(wanted_set.intersection(values)))


def _in_jurisdictions(frame: pd.DataFrame, wanted: tuple[str, ...], column: str) -> pd.Series:
    # Choosing a country includes its states and provinces (USA includes US-FL).
    if "country" in frame and column == "jurisdiction":
        return frame[column].isin(wanted) | frame["country"].isin(wanted)
    return frame[column].isin(wanted)


def filter_actions(actions: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Actions within the date range, jurisdictions, platforms and topics chosen."""
    keep = pd.Series(True, index=actions.index)
    if filters.start:
        keep &= actions["date"] >= pd.Timestamp(filters.start)
    if filters.end:
        keep &= actions["date"] <= pd.Timestamp(filters.end)
    if filters.jurisdictions:
        keep &= _in_jurisdictions(actions, filters.jurisdictions, "jurisdiction")
    if filters.platforms:
        keep &= _overlaps(actions["platforms"], filters.platforms)
    if filters.topics:
        keep &= _overlaps(actions["topics"], filters.topics)
    return actions[keep]


def filter_policies(policies: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Age policies in the jurisdictions chosen (dates, platforms and topics do not apply)."""
    if not filters.jurisdictions:
        return policies
    return policies[_in_jurisdictions(policies, filters.jurisdictions, "jurisdiction")]


def filter_statistics(statistics: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Figures about the jurisdictions and topics chosen."""
    keep = pd.Series(True, index=statistics.index)
    if filters.jurisdictions:
        keep &= statistics["geography"].isin(filters.jurisdictions)
    if filters.topics:
        keep &= statistics["topic"].isin(filters.topics)
    return statistics[keep]


@per_data_version  # read on every page run
def known_values(frames: Frames) -> Known:
    """The jurisdictions and platforms a URL may name: those in the data."""
    actions, policies, statistics = frames.actions, frames.age_policies, frames.statistics
    jurisdictions = (
        set(actions["jurisdiction"]) | set(actions["country"]) | set(policies["jurisdiction"])
        | set(policies["country"]) | (set(statistics["geography"]) - {"WORLD"})
    )  # fmt: skip
    return Known(frozenset(jurisdictions), frozenset(frames.platforms["id"]))


def unfiltered_by_place(filters: Filters) -> Filters:
    """The reader's filters without jurisdictions, for the records of one chosen place."""
    return replace(filters, jurisdictions=())
