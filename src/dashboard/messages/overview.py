"""Messages of the overview page family."""

MESSAGES: dict[str, dict[str, str]] = {}
