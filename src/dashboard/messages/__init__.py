"""The message catalogue: every reader-facing string, in English and Spanish.

One module per area keeps the catalogue easy to review: `core` (frame, filters, enumerations),
then one per page family. Each defines `MESSAGES = {key: {"en": ..., "es": ...}}`; keys are unique
across modules (a test checks it) and placeholders use `{name}`.
"""

from __future__ import annotations

from dashboard.messages import (
    compare,
    core,
    data_page,
    embed,
    mapping,
    overview,
    readers,
    stats,
    timeline,
)

MODULES = (core, overview, mapping, timeline, compare, stats, data_page, embed, readers)


def merged() -> dict[str, dict[str, str]]:
    catalogue: dict[str, dict[str, str]] = {}
    for module in MODULES:
        for key, texts in module.MESSAGES.items():
            if key in catalogue:
                raise ValueError(f"message key {key!r} is defined twice ({module.__name__})")
            catalogue[key] = texts
    return catalogue
