"""Messages of the compare page family."""

MESSAGES: dict[str, dict[str, str]] = {}
