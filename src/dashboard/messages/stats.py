"""Messages of the stats page family."""

MESSAGES: dict[str, dict[str, str]] = {}
