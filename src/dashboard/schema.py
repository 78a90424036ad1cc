"""Pydantic models of the data format (docs/data-format.md): the single source of truth.

The loader validates every file against these models and `python -m dashboard schema` writes the
JSON Schemas in `schemas/` from them. Field validators raise messages written for editors; rules that
span fields or files live in `dashboard.rules`.
"""

from __future__ import annotations

import calendar
import difflib
import re
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias
from urllib.parse import urlsplit

import pycountry
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from dashboard.jurisdictions import WORLD, is_known_jurisdiction

# Closed enumerations of the format. Their order is the order readers see (legends, filters).
ACTION_TYPES = (
    "investigation",
    "formal_proceedings",
    "prosecution_referral",
    "criminal_case",
    "raid",
    "fine",
    "court_ruling",
    "block_or_ban",
    "law_enacted",
    "law_proposed",
    "regulation_guidance",
    "request_for_information",
    "order",
    "settlement",
    "other",
)
TOPICS = (
    "ai_csam",
    "deepfakes",
    "nudify_apps",
    "child_safety",
    "age_verification",
    "age_ban",
    "data_protection",
    "platform_liability",
)
ACTION_STATUSES = ("announced", "ongoing", "concluded", "in_force", "unknown")
POLICY_STATUSES = (
    "announced",
    "proposed",
    "in_parliament",
    "passed",
    "in_force",
    "blocked_by_court",
    "repealed",
    "rejected",
)
UNITS = ("percent", "count", "ratio", "per_100k", "currency")
PLATFORM_KINDS = (
    "social_network",
    "video",
    "messaging",
    "chatbot",
    "app_store",
    "search",
    "gaming",
    "other",
)
SOURCE_KINDS = ("original", "press", "secondary")
# What an age rule does; headline counts never mix kinds (dashboard.counts).
POLICY_KINDS = ("ban", "consent", "feature_limits", "age_checks", "guidance")
# The data files, named once: every module refers to a file by these names.
ACTIONS_FILE, POLICIES_FILE, STATISTICS_FILE = (
    "actions.yaml",
    "age_policies.yaml",
    "statistics.yaml",
)
PLATFORMS_FILE, CORRECTIONS_FILE = "platforms.yaml", "corrections.yaml"
# The files whose records tell the story (and carry added / last_checked).
STORY_FILES = (ACTIONS_FILE, POLICIES_FILE, STATISTICS_FILE)
# Every data file, in the order the loader reads and pages list them.
DATASET_FILES = (*STORY_FILES, PLATFORMS_FILE, CORRECTIONS_FILE)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
DATE_PATTERN = r"^\d{4}-\d{2}(-\d{2})?$"
MIN_AGE, MAX_AGE = 10, 21
LANGUAGES_OF_TEXT = ("en", "es")


def nearest(name: str, known: Any) -> str:
    """' (did you mean 'x'?)' for the closest known name, or ''."""
    match = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


def _shown(value: Any) -> str:
    """A value as an editor wrote it, for messages."""
    return repr(value) if isinstance(value, str) else str(value)


def _closed_set(kind: str, allowed: tuple[str, ...]) -> Any:
    """A string type limited to `allowed`, whose error lists the allowed values."""

    def check(value: Any) -> str:
        if isinstance(value, str) and value in allowed:
            return value
        raise PydanticCustomError(
            "not_allowed",
            "{value} is not a known {kind}{hint}; allowed: {allowed}",
            {
                "value": _shown(value),
                "kind": kind,
                "hint": nearest(value, allowed),
                "allowed": ", ".join(allowed),
            },
        )

    return Annotated[
        str,
        BeforeValidator(check),
        WithJsonSchema({"type": "string", "enum": list(allowed)}),
    ]


if TYPE_CHECKING:  # to a type checker each closed set is text; pydantic sees the checks
    ActionType: TypeAlias = str
    Topic: TypeAlias = str
    ActionStatus: TypeAlias = str
    PolicyStatus: TypeAlias = str
    Unit: TypeAlias = str
    PlatformKind: TypeAlias = str
    SourceKind: TypeAlias = str
    PolicyKind: TypeAlias = str
    DatasetFile: TypeAlias = str
else:
    ActionType = _closed_set("action type", ACTION_TYPES)
    Topic = _closed_set("topic", TOPICS)
    ActionStatus = _closed_set("action status", ACTION_STATUSES)
    PolicyStatus = _closed_set("policy status", POLICY_STATUSES)
    Unit = _closed_set("unit", UNITS)
    PlatformKind = _closed_set("platform kind", PLATFORM_KINDS)
    SourceKind = _closed_set("source kind", SOURCE_KINDS)
    PolicyKind = _closed_set("policy kind", POLICY_KINDS)
    DatasetFile = _closed_set("dataset file", DATASET_FILES)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("not_text", "must be text, not {value}", {"value": _shown(value)})
    value = value.strip()
    if not value:
        raise PydanticCustomError("empty_text", "must not be empty", {})
    return value


Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]


def _record_id(value: Any) -> str:
    if isinstance(value, str) and _ID_RE.match(value):
        return value
    raise PydanticCustomError(
        "bad_id",
        "{value} is not a valid id (lower-case words joined by hyphens, like 'es-referral-2026-02-17')",
        {"value": _shown(value)},
    )


RecordId = Annotated[
    str, BeforeValidator(_record_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})
]


def parse_partial_date(value: Any) -> str:
    """Check an ISO date `YYYY-MM-DD` or month `YYYY-MM`; keeps the text so precision is kept."""
    if isinstance(value, date):
        return value.isoformat()
    text = value if isinstance(value, str) else ""
    match = _DATE_RE.match(text.strip()) if text else None
    if not match:
        raise PydanticCustomError(
            "bad_date", "{value} is not a date (YYYY-MM-DD or YYYY-MM)", {"value": _shown(value)}
        )
    year, month = int(match[1]), int(match[2])
    day = int(match[3]) if match[3] else 1
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise PydanticCustomError(
            "impossible_date", "{value} is not a real calendar date", {"value": _shown(value)}
        )
    return text.strip()


PartialDate = Annotated[
    str,
    BeforeValidator(parse_partial_date),
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN}),
]


def _full_date(value: Any) -> str:
    text = parse_partial_date(value)
    if len(text) != 10:
        raise PydanticCustomError(
            "not_full_date", "{value} needs a day (YYYY-MM-DD)", {"value": _shown(value)}
        )
    return text


FullDate = Annotated[
    str,
    BeforeValidator(_full_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]


def _jurisdiction(value: Any) -> str:
    if isinstance(value, str) and is_known_jurisdiction(value):
        return value
    raise PydanticCustomError(
        "unknown_jurisdiction",
        "{value} is not a known jurisdiction (ISO 3166-1 alpha-3 like 'ESP', 'EU', "
        "or ISO 3166-2 like 'US-FL')",
        {"value": _shown(value)},
    )


Jurisdiction = Annotated[
    str,
    BeforeValidator(_jurisdiction),
    WithJsonSchema({"type": "string", "pattern": r"^(EU|[A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,3})$"}),
]


def _geography(value: Any) -> str:
    return WORLD if value == WORLD else _jurisdiction(value)


Geography = Annotated[
    str,
    BeforeValidator(_geography),
    WithJsonSchema({"type": "string", "pattern": r"^(WORLD|EU|[A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,3})$"}),
]


def _currency(value: Any) -> str:
    if isinstance(value, str) and len(value) == 3 and pycountry.currencies.get(alpha_3=value):
        return value
    raise PydanticCustomError(
        "unknown_currency",
        "{value} is not an ISO 4217 currency code (like 'EUR')",
        {"value": _shown(value)},
    )


Currency = Annotated[
    str, BeforeValidator(_currency), WithJsonSchema({"type": "string", "pattern": "^[A-Z]{3}$"})
]


# Whitespace, quotes and angle brackets end a URL in markdown, HTML and CSV: never in a source URL.
_URL_FORBIDDEN = re.compile(r'[\s<>"]')


def _web_url(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if _URL_FORBIDDEN.search(text):
        raise PydanticCustomError(
            "url_characters",
            "{value} contains a space, line break, quote or angle bracket; a web address cannot "
            "(write them as %20, %22, %3C, %3E)",
            {"value": _shown(value)},
        )
    parts = urlsplit(text) if text else None
    if parts and parts.scheme in ("http", "https") and parts.netloc and " " not in text:
        return text
    raise PydanticCustomError(
        "bad_url",
        "{value} is not a web address (it must start with http:// or https://)",
        {"value": _shown(value)},
    )


WebUrl = Annotated[
    str,
    BeforeValidator(_web_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": '^https?://[^\\s<>"]+$'}),
]


class _Strict(BaseModel):
    """Every model refuses unknown fields: a typo must not drop data silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(_Strict):
    """Reader-facing text in English (required) and Spanish (falls back to English)."""

    en: Text
    es: Text | None = None

    def get(self, lang: str) -> str:
        return (self.es if lang == "es" else None) or self.en


def _prose(value: Any) -> Any:
    # Plain strings are English text.
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, int | float | date) and not isinstance(value, bool):
        # YAML reads `period: 2025` as a number: say how to make it text.
        raise PydanticCustomError(
            "not_text", "must be text, not {value} (put it in quotes: '{value}')", {"value": value}
        )
    return value


Bilingual = LocalizedText
Prose = Annotated[
    LocalizedText, BeforeValidator(_prose, json_schema_input_type=str | LocalizedText)
]

Age = Annotated[StrictInt, Field(ge=MIN_AGE, le=MAX_AGE)]


class Source(_Strict):
    """Where a fact was published."""

    url: WebUrl
    publisher: Text
    published: PartialDate | None = Field(
        description="the source's publication date; null where the page carries none"
    )
    kind: SourceKind | None = None


Sources = Annotated[list[Source], Field(min_length=1)]


class Money(_Strict):
    value: Annotated[float, Field(ge=0)]
    currency: Currency
    note: Prose | None = None


class DatasetMeta(_Strict):
    """The `dataset:` block at the top of every file."""

    title: Bilingual
    description: Bilingual
    license: Text
    last_reviewed: FullDate
    coverage_end: FullDate = Field(
        description="the date up to which sources were searched for events; no record is dated after it"
    )


class Moment(_Strict):
    """A record a chart points at, with the short label written beside it."""

    id: RecordId
    label: Bilingual


class ActionsMeta(DatasetMeta):
    """actions.yaml's `dataset:` block: the editors' choice of moments the charts point at."""

    key_moments: list[Moment] = Field(
        default=[], description="actions the timeline labels, where they are in view"
    )
    overview_moment: Moment | None = Field(
        default=None,
        description="the action whose month the overview's actions-by-month chart points at",
    )


class StatisticsMeta(DatasetMeta):
    """statistics.yaml's `dataset:` block: the figure the overview opens with."""

    headline_figure: RecordId | None = Field(
        default=None, description="the figure the overview draws as 100 people (a percent)"
    )


def chosen_moments(meta: DatasetMeta) -> list[tuple[tuple[str | int, ...], Moment]]:
    """The moments a `dataset:` block names, each with its path in the file."""
    if not isinstance(meta, ActionsMeta):
        return []
    found: list[tuple[tuple[str | int, ...], Moment]] = [
        (("dataset", "key_moments", index), moment) for index, moment in enumerate(meta.key_moments)
    ]
    if meta.overview_moment is not None:
        found.append((("dataset", "overview_moment"), meta.overview_moment))
    return found


class _Record(_Strict):
    id: RecordId


class _Tracked(_Record):
    """A record of the three story files: when it entered the data and when it was last checked."""

    added: FullDate | None = Field(
        default=None, description="the day the record entered the data (never changes)"
    )
    last_checked: FullDate | None = Field(
        default=None, description="the day an editor last confirmed the record against its sources"
    )


class Action(_Tracked):
    """One regulatory, enforcement or legal action."""

    date: PartialDate
    jurisdiction: Jurisdiction
    authority: Prose
    type: ActionType
    platforms: list[RecordId]
    topics: Annotated[list[Topic], Field(min_length=1)]
    status: ActionStatus
    title: Bilingual
    summary: Bilingual
    sources: Sources
    verified: StrictBool
    amount: Money | None = None
    related: list[RecordId] = []
    notes: Prose | None = None
    dispute: Prose | None = None


class HistoryStep(_Strict):
    """One step in the life of an age policy."""

    date: PartialDate
    status: PolicyStatus
    source: WebUrl


class AgePolicy(_Tracked):
    """One minimum-age rule for social media in one jurisdiction."""

    jurisdiction: Jurisdiction
    name: Prose
    min_age: Age | None
    kind: PolicyKind
    status: PolicyStatus
    title: Bilingual
    summary: Bilingual
    sources: Sources
    verified: StrictBool
    parental_consent_below: Age | None = None
    absolute_ban_below: Age | None = None
    announced: PartialDate | None = None
    passed: PartialDate | None = None
    effective: PartialDate | None = None
    platforms_covered: list[Text] = []
    enforcement: Prose | None = None
    max_penalty: Money | None = None
    history: list[HistoryStep] = []
    notes: Prose | None = None
    dispute: Prose | None = None


class Statistic(_Tracked):
    """One published figure."""

    label: Bilingual
    value: float
    unit: Unit
    display: Prose
    geography: Geography
    population: Prose
    period: Prose
    published: PartialDate
    publisher: Text
    methodology: Prose
    topic: Topic
    sources: Sources
    verified: StrictBool
    sample_size: Annotated[StrictInt, Field(ge=1)] | None = None
    comparable_group: RecordId | None = None
    next_expected: PartialDate | None = Field(
        default=None, description="when the series' next edition is due (on its newest figure)"
    )
    caveats: Prose | None = None
    dispute: Prose | None = None


class Platform(_Record):
    """A platform or company that actions name."""

    name: Text
    owner: Text
    kind: PlatformKind
    url: WebUrl | None = None


class Correction(_Record):
    """A published correction to a record."""

    date: FullDate
    dataset: DatasetFile
    record: RecordId
    what_changed: Prose
    reason: Prose
    sources: list[Source] = []


def _file_model(
    name: str, record: type[_Record], meta: type[DatasetMeta] = DatasetMeta
) -> type[BaseModel]:
    """The model of a whole file: its `dataset:` block and its `records:`."""

    class File(_Strict):
        dataset: meta  # type: ignore[valid-type]
        records: list[record]  # type: ignore[valid-type]

    File.__name__ = File.__qualname__ = name
    return File


# File name -> (model of the whole file, model of one record), for every file of DATASET_FILES in
# its order (tests/unit/test_schema.py checks). The loader iterates this.
DATASETS: dict[str, tuple[type[BaseModel], type[_Record]]] = {
    ACTIONS_FILE: (_file_model("ActionsFile", Action, ActionsMeta), Action),
    POLICIES_FILE: (_file_model("AgePoliciesFile", AgePolicy), AgePolicy),
    STATISTICS_FILE: (_file_model("StatisticsFile", Statistic, StatisticsMeta), Statistic),
    PLATFORMS_FILE: (_file_model("PlatformsFile", Platform), Platform),
    CORRECTIONS_FILE: (_file_model("CorrectionsFile", Correction), Correction),
}


def dataset_name(file_name: str) -> str:
    """`actions.yaml` -> `actions` (the stem used for schemas, frames and exports)."""
    return file_name.removesuffix(".yaml")


def json_schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema per data file, keyed by `NAME.schema.json`."""
    schemas = {}
    for file_name, (model, _record) in DATASETS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"data/{file_name}"
        schemas[f"{dataset_name(file_name)}.schema.json"] = schema
    return schemas
