"""Messages of the mapping page family."""

MESSAGES: dict[str, dict[str, str]] = {}
